package cleaning

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true, "wednesday": true,
	"thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true, "friday": true,
	"sat": true, "saturday": true, "sun": true, "sunday": true,
}

// filler are words a date line may carry besides the date itself.
var filler = map[string]bool{
	"at": true, "on": true, "the": true, "of": true, "am": true, "pm": true, "a.m": true, "p.m": true,
	"gmt": true, "utc": true, "ist": true, "est": true, "edt": true, "cet": true, "cest": true, "msk": true,
	"ast": true, "eet": true, "eest": true, "pst": true, "pdt": true, "bst": true, "irst": true, "ict": true,
	"local": true, "time": true, "z": true, "t": true, "hrs": true, "h": true, "date": true,
}

var (
	isoDate   = regexp.MustCompile(`^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*`)
	clockTime = regexp.MustCompile(`(?i)\b\d{1,2}\.\d{2}\s*(?:[ap]\.?m\.?|gmt|bst|utc|cet|cest|edt|est|ist|msk)\b|\b\d{1,2}(?::\d{1,2}(?::\d{2})?|h\d{2})\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:gmt|utc)\s*[+-]?\s*\d{0,2}(?::?\d{2})?\)?)?|[+-]\d{2}:?\d{2}\b`)
	// dateLabel is what precedes a date on a page's date line; the group
	// tells a publication date from a later update.
	dateLabel = regexp.MustCompile(`(?i)^(?:(published|posted|first published|publication date|published date|date published|released|created|date|dated|issued)|(updated?|last updated|last modified|modified|edited))(?:\s+(?:on|at))?\s*[:\-–—]?\s*`)
	dateSeps  = strings.NewReplacer("(", " ", ")", " ", "–", " ", "—", " ", ":", " ")
	numSep    = regexp.MustCompile(`[,/.\-|·•_]+`)
)

// dateLabelKind tells a publication date from an update.
type dateLabelKind int

const (
	labelNone dateLabelKind = iota
	labelPublished
	labelUpdated
)

// parseDateLine reads a line that is nothing but a date (with an optional
// label, weekday, time and zone): "Wed Oct 19, 2016 6:6PM",
// "Update: December, 09/2016 - 11:00", "Published: 3 March 2022",
// "12/05/2016". monthFirst decides a numeric date whose order its numbers
// leave open (US outlets write month first).
func parseDateLine(s string, monthFirst bool) (date string, kind dateLabelKind, ok bool) {
	s = squash(s)
	if len(s) > 120 || len(s) < 6 {
		return "", labelNone, false
	}
	s = glueYearTime.ReplaceAllString(s, "$1 $2")
	s = glueWord.ReplaceAllString(s, "$1 $2")
	return parseDatePiece(s, monthFirst, 0)
}

var (
	// Copies of pages glue a year to the time after it ("20163:45 PM")
	// and a zone to the word after it ("UTCUpdated").
	glueYearTime = regexp.MustCompile(`\b((?:19|20)\d{2})(\d{1,2}:\d{2})`)
	glueWord     = regexp.MustCompile(`([a-zA-Z0-9])(Updated|Published|Posted|Last updated)\b`)
	// dateSplit is where a date line goes on with something else.
	dateSplit = regexp.MustCompile(`(?i)\s+(?:\||·|•|/|-|–|—)\s+|\s+(?:updated?|last updated|modified|published|posted)\b`)
	// midLabel finds a label inside a short line ("Source: Global Times
	// Published: 2016/10/5 22:23:40").
	midLabel = regexp.MustCompile(`(?i)\b(?:published|posted|updated|first published|last updated)\b`)
)

func parseDatePiece(s string, monthFirst bool, depth int) (string, dateLabelKind, bool) {
	kind := labelNone
	if m := dateLabel.FindStringSubmatchIndex(s); m != nil {
		if m[2] >= 0 {
			kind = labelPublished
		} else {
			kind = labelUpdated
		}
		s = s[m[1]:]
	}
	if d, ok := parseDate(s, monthFirst); ok {
		return d, kind, true
	}
	// "5 Oct 2016 5 Oct 2016": a date shown twice by the copy.
	if ws := strings.Fields(s); len(ws)%2 == 0 && len(ws) >= 4 && strings.Join(ws[:len(ws)/2], " ") == strings.Join(ws[len(ws)/2:], " ") {
		if d, ok := parseDate(strings.Join(ws[:len(ws)/2], " "), monthFirst); ok {
			return d, kind, true
		}
	}
	if depth >= 2 {
		return "", labelNone, false
	}
	// "October 5, 2016 | Updated 2 hours ago", "Source: Xinhua | 2016-10-05
	// 22:34:12 | Editor: X", "Ukrainska Pravda — Sunday, 3 March 2024, 18:15":
	// one of the pieces is the date.
	cuts := dateSplit.FindAllStringIndex(s, 4)
	from := 0
	for i := 0; i <= len(cuts); i++ {
		to := len(s)
		if i < len(cuts) {
			to = cuts[i][0]
		}
		if to > from && (from > 0 || to < len(s)) {
			piece := strings.TrimSpace(s[from:to])
			if d, k, ok := parseDatePiece(piece, monthFirst, depth+1); ok {
				if k == labelNone {
					k = kind
				}
				return d, k, true
			}
		}
		if i < len(cuts) {
			from = cuts[i][0]
			// keep a label word that made the cut ("Updated ...")
			if t := strings.TrimSpace(s[cuts[i][0]:cuts[i][1]]); !midLabel.MatchString(t) {
				from = cuts[i][1]
			}
		}
	}
	if m := midLabel.FindStringIndex(s); m != nil && m[0] > 0 {
		return parseDatePiece(s[m[0]:], monthFirst, depth+1)
	}
	return "", labelNone, false
}

// parseDate reads a date given alone, as metadata gives it (RFC 3339,
// RFC 1123, "2016-12-09 11:00:00", "December 9, 2016") or as a date line
// writes it. Only the calendar date as written is kept: a time zone never
// moves it to another day.
func parseDate(s string, monthFirst bool) (string, bool) {
	s = strings.TrimSpace(s)
	if m := isoDate.FindStringSubmatch(s); m != nil && strings.TrimSpace(s[len(m[0]):]) == "" {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	t := clockTime.ReplaceAllString(strings.ToLower(s), " ")
	t = dateSeps.Replace(t)
	t = numSep.ReplaceAllString(t, " ")
	var nums []string
	month := 0
	monthPos := -1
	for _, w := range strings.Fields(t) {
		switch {
		case months[w] != 0:
			if month != 0 {
				return "", false
			}
			month, monthPos = months[w], len(nums)
		case weekdays[w], filler[w]:
		case isDigits(w):
			nums = append(nums, w)
		case isOrdinal(w):
			nums = append(nums, strings.TrimRight(w, "stndrh"))
		default:
			return "", false
		}
	}
	switch {
	case month != 0 && len(nums) == 2:
		// Month D YYYY, D Month YYYY, Month, DD/YYYY, YYYY Month D
		a, b := nums[0], nums[1]
		if len(a) == 4 {
			return ymd(atoi(a), month, atoi(b))
		}
		if len(b) == 4 {
			return ymd(atoi(b), month, atoi(a))
		}
		_ = monthPos
	case month == 0 && len(nums) == 3:
		a, b, c := atoi(nums[0]), atoi(nums[1]), atoi(nums[2])
		if len(nums[0]) == 4 {
			return ymd(a, b, c)
		}
		if len(nums[2]) != 4 {
			return "", false
		}
		switch {
		case a > 12:
			return ymd(c, b, a)
		case b > 12:
			return ymd(c, a, b)
		case monthFirst:
			return ymd(c, a, b)
		default:
			return ymd(c, b, a)
		}
	}
	return "", false
}

func isDigits(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isOrdinal(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) && len(w) <= 4 && isDigits(strings.TrimSuffix(w, suf)) {
			return true
		}
	}
	return false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// ymd validates and formats a calendar date; years outside 1990-2099 are
// page furniture (copyright lines, ids), not publication dates.
func ymd(y, m, d int) (string, bool) {
	if y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// urlDate reads /2016/12/09/ or /2016-12-09/ from a URL path.
var urlDatePat = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)`)

func urlDate(u string) (string, bool) {
	m := urlDatePat.FindStringSubmatch(u)
	if m == nil {
		return "", false
	}
	return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]))
}
