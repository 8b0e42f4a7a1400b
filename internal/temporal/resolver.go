package temporal

import (
	"sort"
	"strconv"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
)

// val is a resolved value: the first and last day it covers and how it is
// written out.
type val struct {
	lo, hi time.Time
	prec   string
}

func dayVal(t time.Time) val { return val{lo: t, hi: t, prec: domain.PrecisionDay} }

func rangeVal(lo, hi time.Time) val {
	if !hi.After(lo) {
		return dayVal(lo)
	}
	return val{lo: lo, hi: hi, prec: domain.PrecisionRange}
}

func monthVal(y, m int) val {
	lo := date(y, m, 1)
	return val{lo: lo, hi: lo.AddDate(0, 1, -1), prec: domain.PrecisionMonth}
}

func yearVal(y int) val {
	return val{lo: date(y, 1, 1), hi: date(y, 12, 31), prec: domain.PrecisionYear}
}

func (v val) String() string {
	switch v.prec {
	case domain.PrecisionDay:
		return v.lo.Format("2006-01-02")
	case domain.PrecisionMonth:
		return v.lo.Format("2006-01")
	case domain.PrecisionYear:
		return strconv.Itoa(v.lo.Year())
	}
	return v.lo.Format("2006-01-02") + "/" + v.hi.Format("2006-01-02")
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether y-m-d exists.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return date(y, m, d).Day() == d
}

// fields are the calendar parts an expression states; zero means unstated,
// wd is -1 when no weekday is named.
type fields struct {
	y, m, d int
	wd      int
	// d2 is the last day of a day range inside one month ("12-19 September").
	d2 int
}

// resolver holds the state of one Resolve call.
type resolver struct {
	text, low string
	t         []token
	anchor    time.Time
	hasAnchor bool
	// narr is the narrative time: the last day a mention resolved to.
	narr    time.Time
	narrSet bool
	// from is the first token of the span match found: prepositions that
	// do not belong to the quoted phrase ("of", "before") are left out.
	from int
	// last is the last mention's value, for "since then".
	last    val
	hasLast bool
	out     []domain.DateMention
}

func newResolver(text string, anchor time.Time) *resolver {
	low := lowerASCII(text)
	r := &resolver{text: text, low: low}
	r.t = tokenize(text, low, make([]token, 0, len(text)/5+8))
	if !anchor.IsZero() {
		r.hasAnchor = true
		r.anchor = date(anchor.Year(), int(anchor.Month()), anchor.Day())
		r.narr = r.anchor
	}
	return r
}

func (r *resolver) run() []domain.DateMention {
	for i := 0; i < len(r.t); {
		end, v, ok := r.match(i)
		if !ok {
			i++
			continue
		}
		s, e := int(r.t[r.from].start), int(r.t[end-1].end)
		r.out = append(r.out, domain.DateMention{
			Span:      domain.Span{Text: r.text[s:e], Start: s, End: e},
			Value:     v.String(),
			Precision: v.prec,
		})
		r.last, r.hasLast = v, true
		if v.prec == domain.PrecisionDay {
			r.narr, r.narrSet = v.lo, true
		}
		i = end
	}
	return r.out
}

// tokenAt returns the index of the token that starts at byte offset off.
func (r *resolver) tokenAt(off int) int {
	return sort.Search(len(r.t), func(k int) bool { return int(r.t[k].start) >= off })
}

// w returns the lower-cased text of token k.
func (r *resolver) w(k int) string { return r.low[r.t[k].start:r.t[k].end] }

// is reports whether token i is the word w.
func (r *resolver) is(i int, w string) bool {
	return i >= 0 && i < len(r.t) && r.w(i) == w
}

// isAny reports whether token i is one of ws.
func (r *resolver) isAny(i int, ws ...string) bool {
	if i < 0 || i >= len(r.t) {
		return false
	}
	for _, w := range ws {
		if r.w(i) == w {
			return true
		}
	}
	return false
}

// adjacent reports whether token i directly follows token i-1 with no space.
func (r *resolver) adjacent(i int) bool {
	return i > 0 && i < len(r.t) && !r.t[i].space
}

// isDash reports whether token i is a hyphen or dash.
func (r *resolver) isDash(i int) bool {
	return r.isAny(i, "-", "\u2013", "\u2014", "\u2010", "\u2011")
}

// num returns the value of token i as a small count: digits or a number word.
func (r *resolver) num(i int) (int, bool) {
	if i < 0 || i >= len(r.t) {
		return 0, false
	}
	t := r.t[i]
	if t.kind == kNum && !t.ordinal && t.digits <= 3 {
		return t.num, true
	}
	if t.kind == kWord {
		n, ok := numberWords[r.low[t.start:t.end]]
		return n, ok
	}
	return 0, false
}

// match tries every pattern at token i and returns the end token index
// (exclusive) of the longest-preferred match.
func (r *resolver) match(i int) (int, val, bool) {
	t := r.t[i]
	if t.kind == kPunct || t.kind == kWord && t.flags&fStart == 0 {
		return 0, val{}, false
	}
	r.from = i
	j := i
	mod, prep := "", ""
	// modifiers: earlier/early/late/later [on|in], or a preposition
	// followed by early/late/mid.
	ts := r.low[t.start:t.end]
	switch ts {
	case "earlier", "early", "late", "later":
		mod = ts
		j++
		if r.isAny(j, "on", "in") {
			prep = r.w(j)
			j++
		}
	case "mid":
		if r.isDash(i + 1) {
			mod = "mid"
			j += 2
		}
	case "on", "in", "since", "from", "between", "during", "for", "over", "by", "until", "till",
		"through", "throughout", "at", "within", "before", "after", "of":
		prep = ts
		j++
		if r.isAny(j, "early", "late") {
			mod = r.w(j)
			j++
		} else if r.is(j, "mid") && r.isDash(j+1) {
			mod = "mid"
			j += 2
		}
	case "as":
		if r.is(i+1, "of") {
			prep = "as of"
			j += 2
		}
	}
	if j >= len(r.t) || r.t[j].kind == kPunct || r.t[j].kind == kWord && r.t[j].flags&fCore == 0 {
		return 0, val{}, false
	}
	if prep == "since" && r.is(j, "then") {
		if !r.hasLast || !r.hasAnchor || r.last.lo.After(r.anchor) {
			return 0, val{}, false
		}
		return j + 1, rangeVal(r.last.lo, r.anchor), true
	}
	switch prep {
	case "before", "after", "within", "of":
		// Keep the preposition out of the span: it does not name the day.
		r.from = i + 1
	}
	if end, v, ok := r.season(j); ok {
		return r.since(end, v, prep)
	}
	if end, v, ok := r.relative(j, prep, mod); ok {
		return r.since(end, v, prep)
	}
	end, v, ok := r.calendar(j, prep, mod)
	if !ok {
		return 0, val{}, false
	}
	return r.since(end, v, prep)
}

// since turns the value after "since" into the range up to the anchor.
func (r *resolver) since(end int, v val, prep string) (int, val, bool) {
	if prep != "since" {
		return end, v, true
	}
	if !r.hasAnchor {
		return 0, val{}, false // an open range needs its end
	}
	if v.lo.After(r.anchor) {
		return end, v, true
	}
	return end, rangeVal(v.lo, r.anchor), true
}

// futureCue reports whether the few words before token i point forward.
func (r *resolver) futureCue(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t, ts := r.t[k], r.w(k)
		if t.kind == kPunct && (ts == "." || ts == ";" || ts == "," || ts == "\"" || ts == "\u201c" || ts == "\u201d") {
			return false
		}
		if !futureCues[ts] {
			continue
		}
		switch ts {
		case "set": // "set to", "set for", not "set on fire"
			if r.isAny(k+1, "to", "for") {
				return true
			}
		case "next": // not "next to"
			if !r.is(k+1, "to") {
				return true
			}
		case "due": // "due to resume", "due on", not "due to fighting"
			if r.isAny(k+1, "on", "for", "in", "by") || r.is(k+1, "to") && dueVerbs[r.tokS(k+2)] {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// inQuote reports whether byte offset off lies inside a quotation opened
// earlier in the same paragraph.
func (r *resolver) inQuote(off int) bool {
	open := false
	start := off
	for start > 0 && r.text[start-1] != '\n' {
		start--
	}
	seg := r.text[start:off]
	for k := 0; k < len(seg); k++ {
		switch {
		case seg[k] == '"':
			open = !open
		case seg[k] == 0xE2 && k+2 < len(seg) && seg[k+1] == 0x80 && seg[k+2] == 0x9C: // “
			open = true
		case seg[k] == 0xE2 && k+2 < len(seg) && seg[k+1] == 0x80 && seg[k+2] == 0x9D: // ”
			open = false
		}
	}
	return open
}

// speechDay is the day a quotation's "today" means: the narrative day when
// the text named one in the week before the anchor, else the anchor.
func (r *resolver) speechDay(off int) time.Time {
	if r.narrSet && !r.narr.After(r.anchor) && r.anchor.Sub(r.narr) <= 7*24*time.Hour && r.inQuote(off) {
		return r.narr
	}
	return r.anchor
}

// relative matches deictic and anaphoric expressions at token j.
func (r *resolver) relative(j int, prep, mod string) (int, val, bool) {
	if !r.hasAnchor {
		return 0, val{}, false
	}
	t := r.t[j]
	a := r.anchor
	switch r.w(j) {
	case "today", "tonight":
		return j + 1, dayVal(r.speechDay(int(t.start))), true
	case "yesterday":
		return j + 1, dayVal(r.speechDay(int(t.start)).AddDate(0, 0, -1)), true
	case "tomorrow":
		return j + 1, dayVal(r.speechDay(int(t.start)).AddDate(0, 0, 1)), true
	case "overnight":
		if prep != "" || mod != "" {
			return 0, val{}, false
		}
		return j + 1, rangeVal(a.AddDate(0, 0, -1), a), true
	case "last", "this", "next":
		return r.deictic(j, mod)
	case "the", "that":
		return r.anaphoric(j, prep, mod)
	}
	if n, ok := r.num(j); ok {
		return r.counted(j, n, prep)
	}
	return 0, val{}, false
}

// seasons are the months a season of a year covers (northern
// hemisphere); winter runs into the next year.
var seasons = map[string][2]int{"spring": {3, 5}, "summer": {6, 8}, "autumn": {9, 11}, "fall": {9, 11}, "winter": {12, 14}}

// season matches "[the] spring [of] 2023".
func (r *resolver) season(j int) (int, val, bool) {
	k := j
	if r.is(k, "the") {
		k++
	}
	if k >= len(r.t) {
		return 0, val{}, false
	}
	s, ok := seasons[r.w(k)]
	if !ok {
		return 0, val{}, false
	}
	k++
	if r.is(k, "of") {
		k++
	}
	if k >= len(r.t) || r.t[k].kind != kNum || r.t[k].digits != 4 || r.t[k].ordinal || r.t[k].num < 1900 || r.t[k].num > 2100 || !r.yearEndsAfterDate(k+1) {
		return 0, val{}, false
	}
	y := r.t[k].num
	lo := date(y, s[0], 1)
	hi := date(y, s[1]+1, 1).AddDate(0, 0, -1)
	return k + 1, rangeVal(lo, hi), true
}

// deictic matches "last night", "this week", "next month", "last year"...
func (r *resolver) deictic(j int, mod string) (int, val, bool) {
	a := r.anchor
	w := r.w(j)
	if j+1 >= len(r.t) {
		return 0, val{}, false
	}
	n := r.w(j + 1)
	monday := a.AddDate(0, 0, -((int(a.Weekday()) + 6) % 7))
	switch n {
	case "night":
		switch w {
		case "last":
			return j + 2, dayVal(a.AddDate(0, 0, -1)), true
		case "this":
			return j + 2, dayVal(a), true
		}
	case "morning", "afternoon", "evening":
		if w == "this" {
			return j + 2, dayVal(a), true
		}
	case "week":
		switch w {
		case "this":
			if mod == "later" {
				return j + 2, rangeVal(a, monday.AddDate(0, 0, 6)), true
			}
			return j + 2, rangeVal(monday, a), true
		case "last":
			return j + 2, rangeVal(monday.AddDate(0, 0, -7), monday.AddDate(0, 0, -1)), true
		case "next":
			return j + 2, rangeVal(monday.AddDate(0, 0, 7), monday.AddDate(0, 0, 13)), true
		}
	case "weekend":
		sat := a.AddDate(0, 0, -((int(a.Weekday()) + 1) % 7))
		switch w {
		case "this", "last", "the":
			hi := sat.AddDate(0, 0, 1)
			if hi.After(a) {
				hi = a
			}
			if w == "last" && sat.Equal(a) {
				sat, hi = sat.AddDate(0, 0, -7), sat.AddDate(0, 0, -6)
			}
			return j + 2, rangeVal(sat, hi), true
		case "next":
			s := a.AddDate(0, 0, (6-int(a.Weekday())+7)%7)
			if s.Equal(a) {
				s = s.AddDate(0, 0, 7)
			}
			return j + 2, rangeVal(s, s.AddDate(0, 0, 1)), true
		}
	case "month":
		m := a.AddDate(0, 0, 1-a.Day())
		switch w {
		case "last":
			m = m.AddDate(0, -1, 0)
		case "next":
			m = m.AddDate(0, 1, 0)
		}
		return j + 2, monthVal(m.Year(), int(m.Month())), true
	case "year":
		y := a.Year()
		switch w {
		case "last":
			y--
		case "next":
			y++
		}
		return j + 2, yearVal(y), true
	}
	if wd, ok := weekdays[n]; ok && len(n) >= 6 {
		awd := int(a.Weekday())
		var d time.Time
		switch w {
		case "last":
			d = a.AddDate(0, 0, -((awd-wd+6)%7 + 1))
		case "next":
			d = a.AddDate(0, 0, (wd-awd+6)%7+1)
		default:
			d = a.AddDate(0, 0, -((awd - wd + 7) % 7))
		}
		end := r.dayTail(j + 2)
		return end, dayVal(d), true
	}
	if mo, ok := months[n]; ok && !mo.abbrev && r.t[j+1].upper {
		y := a.Year()
		switch w {
		case "last":
			if mo.m >= int(a.Month()) {
				y--
			}
		case "next":
			if mo.m <= int(a.Month()) {
				y++
			}
		}
		return j + 2, monthVal(y, mo.m), true
	}
	return 0, val{}, false
}

// anaphoric matches "the previous day", "the day before", "that day",
// "the past 10 days", "the next 2 to 3 days"...
func (r *resolver) anaphoric(j int, prep, mod string) (int, val, bool) {
	a, narr := r.anchor, r.narr
	w := r.w(j)
	k := j + 1
	if k >= len(r.t) {
		return 0, val{}, false
	}
	next := r.w(k)
	if w == "that" {
		if next == "same" && r.isAny(k+1, "day", "night") {
			return k + 2, dayVal(narr), true
		}
		if next == "day" || next == "night" || next == "morning" || next == "evening" || next == "afternoon" {
			return k + 1, dayVal(narr), true
		}
		return 0, val{}, false
	}
	switch next {
	case "day":
		// "the day before" / "the day after" only when nothing follows
		// that would name another reference point.
		if r.isAny(k+1, "before", "after") {
			if k+2 < len(r.t) && r.t[k+2].kind == kWord && r.w(k+2) != "and" && r.w(k+2) != "but" {
				return 0, val{}, false
			}
			if r.w(k+1) == "before" {
				return k + 2, dayVal(narr.AddDate(0, 0, -1)), true
			}
			return k + 2, dayVal(narr.AddDate(0, 0, 1)), true
		}
		if prep == "during" || prep == "in" && (mod == "earlier" || mod == "later") {
			return k + 1, dayVal(narr), true // "later in the day"
		}
		return 0, val{}, false
	case "same":
		if r.is(k+1, "day") {
			return k + 2, dayVal(narr), true
		}
		return 0, val{}, false
	case "previous", "preceding", "following", "next", "past", "last", "coming":
	case "weekend":
		return r.deictic(j, "")
	default:
		return 0, val{}, false
	}
	// the previous/following day|night; the past/last/previous N units;
	// the next N [to M] days.
	k++
	if r.isAny(k, "day", "night") {
		switch next {
		case "previous", "preceding":
			return k + 1, dayVal(narr.AddDate(0, 0, -1)), true
		case "following", "next":
			return k + 1, dayVal(narr.AddDate(0, 0, 1)), true
		}
		return 0, val{}, false
	}
	n, n2 := 1, 0
	explicitN := false
	if v, ok := r.num(k); ok && !r.isAny(k, "a", "an") {
		n = v
		explicitN = true
		k++
		if r.isAny(k, "to", "or") || r.isDash(k) {
			if v2, ok := r.num(k + 1); ok && v2 > n {
				n2 = v2
				k += 2
			}
		}
	}
	u, ok := units[r.tokS(k)]
	if !ok || n <= 0 || n > 400 || !explicitN && r.tokS(k)[len(r.tokS(k))-1] == 's' {
		return 0, val{}, false
	}
	end := k + 1
	switch next {
	case "previous", "preceding":
		lo, hi := back(narr, u, n), narr.AddDate(0, 0, -1)
		if u == uHour {
			hi = narr
		}
		return end, rangeVal(lo, hi), true
	case "past", "last":
		lo, hi := back(a, u, n), a
		if prep == "during" && u != uHour {
			hi = a.AddDate(0, 0, -1)
		}
		return end, rangeVal(lo, hi), true
	case "next", "coming", "following":
		if n2 == 0 {
			n2 = n
		}
		// a forecast is made on a day already past, never a future one
		from := narr
		if from.After(a) {
			from = a
		}
		return end, rangeVal(from.AddDate(0, 0, 1), forward(from, u, n2)), true
	}
	return 0, val{}, false
}

func (r *resolver) tokS(k int) string {
	if k < 0 || k >= len(r.t) {
		return ""
	}
	return r.w(k)
}

// back returns the day n units before t (hours round up to whole days).
func back(t time.Time, u, n int) time.Time {
	switch u {
	case uHour:
		return t.AddDate(0, 0, -((n + 23) / 24))
	case uDay:
		return t.AddDate(0, 0, -n)
	case uWeek:
		return t.AddDate(0, 0, -7*n)
	case uMonth:
		return t.AddDate(0, -n, 0)
	}
	return t.AddDate(-n, 0, 0)
}

func forward(t time.Time, u, n int) time.Time {
	switch u {
	case uHour:
		return t.AddDate(0, 0, (n+23)/24)
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek:
		return t.AddDate(0, 0, 7*n)
	case uMonth:
		return t.AddDate(0, n, 0)
	}
	return t.AddDate(n, 0, 0)
}

// counted matches "two days ago", "three days later", "two days after",
// "in two to three days".
func (r *resolver) counted(j, n int, prep string) (int, val, bool) {
	a, narr := r.anchor, r.narr
	k := j + 1
	n2 := 0
	if r.isAny(k, "to", "or") || r.isDash(k) && r.adjacent(k) {
		if v2, ok := r.num(k + 1); ok && v2 > n {
			n2 = v2
			k += 2
		}
	}
	u, ok := units[r.tokS(k)]
	if !ok || u == uHour || n <= 0 || n > 400 {
		return 0, val{}, false
	}
	if r.isDash(k-1) && r.adjacent(k) {
		return 0, val{}, false // "six-year war"
	}
	k++
	switch r.tokS(k) {
	case "ago":
		if n2 != 0 {
			return 0, val{}, false
		}
		switch u {
		case uMonth:
			m := a.AddDate(0, -n, 1-a.Day())
			return k + 1, monthVal(m.Year(), int(m.Month())), true
		case uYear:
			return k + 1, yearVal(a.Year() - n), true
		}
		return k + 1, dayVal(back(a, u, n)), true
	case "later":
		if n2 != 0 || u > uWeek {
			return 0, val{}, false
		}
		return k + 1, dayVal(forward(narr, u, n)), true
	case "earlier", "after":
		if n2 != 0 || u > uWeek {
			return 0, val{}, false
		}
		return k + 1, dayVal(back(narr, u, n)), true
	case "before":
		if n2 != 0 || u > uWeek {
			return 0, val{}, false
		}
		return k + 1, dayVal(forward(narr, u, n)), true
	case "of", "into", "long", "old":
		return 0, val{}, false
	}
	if prep == "in" && u <= uWeek && !r.isAny(j, "a", "an") {
		hi := n2
		if hi == 0 {
			hi = n
		}
		return k, rangeVal(forward(narr, u, n), forward(narr, u, hi)), true
	}
	return 0, val{}, false
}

// calendar matches named days, months and years with their modifiers,
// and ranges between two of them; j is the first token after the
// modifiers.
func (r *resolver) calendar(j int, prep, mod string) (int, val, bool) {
	f, end, ok := r.fields(j)
	if !ok {
		// "from 12 to 19 September", "between 3 and 5 March"
		if (prep == "from" || prep == "between") && r.t[j].kind == kNum && !r.t[j].ordinal && r.t[j].num >= 1 && r.t[j].num <= 31 && r.t[j].digits <= 2 && r.isAny(j+1, "to", "and", "until", "till", "through") {
			g, e2, ok2 := r.fields(j + 2)
			if ok2 && g.m != 0 && g.d != 0 && g.wd < 0 && g.d > r.t[j].num {
				lo, okL := r.resolveFields(fields{y: g.y, m: g.m, d: r.t[j].num, wd: -1}, j)
				hi, okH := r.resolveFields(g, j+2)
				if okL && okH {
					return e2, rangeVal(lo.lo, hi.hi), true
				}
			}
		}
		return 0, val{}, false
	}
	if !allowed(f, prep, mod) {
		return 0, val{}, false
	}
	// a second point after from/between: a range
	yearSpan := f.y != 0 && f.m == 0 && r.isDash(end) && r.adjacent(end) && r.adjacent(end+1) // "2014-2015"
	if (prep == "from" || prep == "between") && r.isAny(end, "to", "and", "until", "till", "through") || (prep == "" || yearSpan) && r.isDash(end) && f.wd < 0 {
		if g, e2, ok2 := r.fields(end + 1); ok2 {
			if g.y == 0 && f.y != 0 && g.m != 0 && f.m == 0 {
				g.y = f.y
			}
			if f.y == 0 && g.y != 0 && (f.m != 0 || f.wd >= 0 && f.d == 0) {
				f.y = g.y
			}
			lo, okL := r.resolveFields(f, j)
			hi, okH := r.resolveFields(g, end+1)
			if okL && okH && !hi.hi.Before(lo.lo) {
				return e2, rangeVal(lo.lo, hi.hi), true
			}
		}
	}
	v, ok := r.resolveFields(f, j)
	if !ok {
		return 0, val{}, false
	}
	return end, v, true
}

// allowed says whether a mention with these fields may stand with the
// given context: a bare month or year needs a preposition or modifier.
func allowed(f fields, prep, mod string) bool {
	if f.d != 0 || f.wd >= 0 {
		return true
	}
	if f.m != 0 && f.y != 0 {
		return true
	}
	if f.m != 0 { // bare month
		switch prep {
		case "", "on", "at", "for", "over", "of", "after", "before":
			return mod != ""
		}
		return true
	}
	// bare year
	if mod != "" {
		return true
	}
	return yearPreps[prep] || prep == "as of"
}

// fields parses a calendar expression at token j: a weekday with an
// optional date, Month Day [Year], Day Month [Year], Month Year, a bare
// month or a bare year (the last two checked by allowed).
func (r *resolver) fields(j int) (fields, int, bool) {
	f := fields{wd: -1}
	if j >= len(r.t) {
		return f, j, false
	}
	t := r.t[j]
	if t.kind == kWord {
		ts := r.w(j)
		if wd, ok := weekdays[ts]; ok && (len(ts) >= 6 || t.upper && (r.is(j+1, ".") || r.is(j+1, ","))) {
			if len(ts) < 6 && !t.upper {
				return f, j, false
			}
			if j > 0 && r.isAny(j-1, "black", "good", "holy", "bloody", "ash", "cyber", "super") && r.t[j-1].upper {
				return f, j, false
			}
			if j+1 < len(r.t) && r.t[j+1].upper && nameWords[r.w(j+1)] {
				return f, j, false
			}
			f.wd = wd
			k := j + 1
			if len(ts) < 6 && r.is(k, ".") {
				k++
			}
			// an explicit date after the weekday
			kk := k
			if r.is(kk, ",") {
				kk++
			}
			if g, e, ok := r.fields(kk); ok && g.d != 0 && g.wd < 0 {
				g.wd = wd
				f = g
				k = e
			}
			return f, r.dayTail(k), true
		}
	}
	if f2, e, ok := r.explicit(j); ok {
		return f2, e, true
	}
	if t.kind == kWord {
		if mo, ok := months[r.w(j)]; ok && !mo.abbrev && t.upper {
			f.m = mo.m
			return f, j + 1, true
		}
	}
	if t.kind == kNum && t.digits == 4 && !t.ordinal && t.num >= 1900 && t.num <= 2100 && r.yearEnds(j+1) {
		f.y = t.num
		return f, j + 1, true
	}
	return f, j, false
}

// dayTail extends a day mention over a part of the day or a possessive:
// "Wednesday night", "Thursday's".
func (r *resolver) dayTail(k int) int {
	if k < len(r.t) && partsOfDay[r.w(k)] && r.t[k].space {
		return k + 1
	}
	if r.isAny(k, "'", "\u2019") && r.adjacent(k) && r.is(k+1, "s") && r.adjacent(k+1) {
		return k + 2
	}
	return k
}

// yearEnds reports whether a four-digit number followed by token k reads
// as a year rather than a count ("in 2000 homes").
func (r *resolver) yearEnds(k int) bool {
	if k >= len(r.t) {
		return true
	}
	t := r.t[k]
	if !t.space && t.kind != kPunct {
		return false // "1990s"
	}
	switch t.kind {
	case kPunct:
		if r.w(k) == "," && r.adjacent(k) && k+1 < len(r.t) && r.t[k+1].kind == kNum && r.adjacent(k+1) {
			return false // 2016,000
		}
		if (r.w(k) == "." || r.w(k) == ":") && r.adjacent(k) && k+1 < len(r.t) && r.t[k+1].kind == kNum && r.adjacent(k+1) {
			return false
		}
		return true
	case kNum:
		// a clock time after the year: "Oct 19, 2016 6:06PM"
		return t.space && r.isAny(k+1, ":") && r.adjacent(k+1)
	}
	if t.upper {
		return true
	}
	return yearFollowers[r.w(k)]
}

// explicit parses Month Day [, Year], Day [of] Month [Year], Month [,|of]
// Year and ISO dates at token j.
func (r *resolver) explicit(j int) (fields, int, bool) {
	f := fields{wd: -1}
	t := r.t[j]
	switch t.kind {
	case kNum:
		// ISO 2016-12-09
		if t.digits == 4 && !t.ordinal && r.isAny(j+1, "-") && r.adjacent(j+1) && j+4 < len(r.t) &&
			r.t[j+2].kind == kNum && r.adjacent(j+2) && r.t[j+2].digits == 2 &&
			r.is(j+3, "-") && r.adjacent(j+3) && r.t[j+4].kind == kNum && r.adjacent(j+4) && r.t[j+4].digits == 2 {
			y, m, d := t.num, r.t[j+2].num, r.t[j+4].num
			if validDay(y, m, d) {
				return fields{y: y, m: m, d: d, wd: -1}, j + 5, true
			}
			return f, j, false
		}
		// Day [-Day] [of] Month [,] [Year]
		if t.digits > 2 || t.num < 1 || t.num > 31 {
			return f, j, false
		}
		k := j + 1
		d2 := 0
		if r.isDash(k) && k+1 < len(r.t) && r.t[k+1].kind == kNum && r.t[k+1].digits <= 2 && r.t[k+1].num > t.num && r.t[k+1].num <= 31 {
			d2 = r.t[k+1].num
			k += 2
		}
		if r.is(k, "of") {
			k++
		}
		m, e, ok := r.month(k)
		if !ok {
			return f, j, false
		}
		f.m, f.d, f.d2 = m, t.num, d2
		if y, e2, ok := r.year(e); ok {
			f.y = y
			e = e2
		}
		return f, e, true
	case kWord:
		m, k, ok := r.month(j)
		if !ok {
			return f, j, false
		}
		f.m = m
		if k < len(r.t) && r.t[k].kind == kNum && r.t[k].digits <= 2 && r.t[k].num >= 1 && r.t[k].num <= 31 && !r.isAny(k+1, ":") {
			if r.isAny(k+1, "-", "\u2013") && k+2 < len(r.t) && r.t[k+2].kind == kNum && r.t[k+2].num > r.t[k].num && r.t[k+2].num <= 31 && r.t[k+2].digits <= 2 {
				f.d2 = r.t[k+2].num
				f.d = r.t[k].num
				k += 3
			} else {
				f.d = r.t[k].num
				k++
			}
			if y, e, ok := r.year(k); ok {
				f.y = y
				k = e
			}
			return f, k, true
		}
		// Month [,|of] Year
		kk := k
		if r.isAny(kk, ",", "of") {
			kk++
		}
		if y, e, ok := r.year(kk); ok {
			f.y = y
			return f, e, true
		}
		if months[r.w(j)].abbrev {
			return f, j, false
		}
		return f, k, true
	}
	return f, j, false
}

// month parses a month name at k (abbreviations with an optional dot).
func (r *resolver) month(k int) (int, int, bool) {
	if k >= len(r.t) || r.t[k].kind != kWord || !r.t[k].upper {
		return 0, k, false
	}
	mo, ok := months[r.w(k)]
	if !ok {
		return 0, k, false
	}
	k++
	if mo.abbrev && r.is(k, ".") && r.adjacent(k) {
		k++
	}
	return mo.m, k, true
}

// year parses an optional comma and a four-digit year at k.
func (r *resolver) year(k int) (int, int, bool) {
	if r.is(k, ",") {
		k++
	}
	if k < len(r.t) && r.t[k].kind == kNum && r.t[k].digits == 4 && !r.t[k].ordinal && r.t[k].num >= 1900 && r.t[k].num <= 2100 && r.yearEndsAfterDate(k+1) {
		return r.t[k].num, k + 1, true
	}
	// "Feb. 24 last year"
	if r.hasAnchor && r.isAny(k, "last", "this") && r.is(k+1, "year") && !r.is(k-1, ",") {
		y := r.anchor.Year()
		if r.w(k) == "last" {
			y--
		}
		return y, k + 2, true
	}
	return 0, k, false
}

// yearEndsAfterDate is yearEnds for a number right after a month or a
// day and month, which is a year whatever word follows ("in April 2022
// expired"), unless it continues as a larger number.
func (r *resolver) yearEndsAfterDate(k int) bool {
	if k >= len(r.t) {
		return true
	}
	t := r.t[k]
	if t.kind == kWord {
		return t.space
	}
	return r.yearEnds(k)
}

// resolveFields turns parsed fields into a value, inferring what the text
// leaves out from the anchor. j is the first token of the expression.
func (r *resolver) resolveFields(f fields, j int) (val, bool) {
	switch {
	case f.d != 0 && f.m != 0:
		y := f.y
		if y == 0 {
			if !r.hasAnchor {
				return val{}, false
			}
			y = r.inferYear(f, j)
		}
		if !validDay(y, f.m, f.d) {
			return val{}, false
		}
		if f.d2 != 0 && validDay(y, f.m, f.d2) {
			return rangeVal(date(y, f.m, f.d), date(y, f.m, f.d2)), true
		}
		return dayVal(date(y, f.m, f.d)), true
	case f.wd >= 0:
		if !r.hasAnchor {
			return val{}, false
		}
		awd := int(r.anchor.Weekday())
		if r.futureCue(j) {
			return dayVal(r.anchor.AddDate(0, 0, (f.wd-awd+7)%7)), true
		}
		return dayVal(r.anchor.AddDate(0, 0, -((awd - f.wd + 7) % 7))), true
	case f.m != 0:
		y := f.y
		if y == 0 {
			if !r.hasAnchor {
				return val{}, false
			}
			y = r.anchor.Year()
			am := int(r.anchor.Month())
			if r.futureCue(j) {
				if f.m < am {
					y++
				}
			} else if f.m > am {
				y--
			}
		}
		return monthVal(y, f.m), true
	case f.y != 0:
		return yearVal(f.y), true
	}
	return val{}, false
}

// inferYear picks the year of a day-and-month date nearest the anchor,
// not more than a week ahead of it unless the words point forward; a
// weekday named with the date selects the year it fits.
func (r *resolver) inferYear(f fields, j int) int {
	a := r.anchor
	future := r.futureCue(j)
	best, bestDist := a.Year(), time.Duration(1<<62)
	for y := a.Year() - 1; y <= a.Year()+1; y++ {
		if !validDay(y, f.m, f.d) {
			continue
		}
		d := date(y, f.m, f.d)
		if f.wd >= 0 && int(d.Weekday()) != f.wd {
			continue
		}
		dist := d.Sub(a)
		if dist < 0 {
			dist = -dist
		} else if !future && dist > 7*24*time.Hour && f.wd < 0 {
			continue
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}
