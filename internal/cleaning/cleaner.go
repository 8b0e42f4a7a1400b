package cleaning

import (
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/reader"
)

// Cleaner cleans raw documents. It is safe for concurrent use after New;
// Learn may run concurrently with Clean (it swaps in a new table).
type Cleaner struct {
	lx      *lexicons
	learned atomic.Pointer[map[string]map[string]bool] // outlet key -> line keys
}

// New builds a Cleaner from the knowledge base's outlets, wire, chrome and
// chrome-captions lexicons.
func New(k *kb.KB) (*Cleaner, error) {
	lx, err := loadLexicons(k)
	if err != nil {
		return nil, fmt.Errorf("cleaning: %w", err)
	}
	return &Cleaner{lx: lx}, nil
}

// kind is what a line of the page is.
type kind uint8

const (
	kBody     kind = iota // a paragraph of the article
	kHeading              // short, no final punctuation: headline or subheading
	kChrome               // navigation, prompts, footers, links, ids
	kStop                 // chrome that ends the article ("Related articles")
	kCaption              // photo caption
	kCredit               // a photo credit on its own line
	kDate                 // a date line
	kOutlet               // the outlet's name on its own line
	kByline               // "By ..." line
	kWire                 // a wire credit on its own line ("AFP", "Source: Reuters")
	kHeadline             // the article's title
)

type line struct {
	text     string
	key      string
	words    int
	kind     kind
	date     string
	dateKind dateLabelKind
	outlet   *outletInfo
	wire     string // agency of a credit the line carried or is
}

// Clean separates the body of r from its chrome and reads its metadata.
// It fails only when no body text is left.
func (c *Cleaner) Clean(r reader.Raw) (domain.Document, error) {
	lx := c.lx
	src := domain.Source{Path: r.Path, Format: r.Format, PublishedBasis: domain.PublishedUnknown}
	src.ID = domain.Str(strings.TrimSpace(r.ID))
	src.URL = domain.Str(strings.TrimSpace(r.URL))

	monthFirst := false
	metaOutlet := c.metaOutlet(r)
	if metaOutlet != nil && metaOutlet.country == "US" {
		monthFirst = true
	}
	var learned map[string]bool
	if m := c.learned.Load(); m != nil {
		learned = (*m)[c.outletKey(r)]
	}

	lines := splitLines(stripInvisible(r.Body), r.Format == reader.FormatText)
	for i := range lines {
		c.classify(&lines[i], learned, monthFirst, r.Format != reader.FormatText)
	}

	// A credit on its own line makes the line above it a caption.
	for i := range lines {
		if lines[i].kind != kCredit {
			continue
		}
		if j := i - 1; j >= 0 && (lines[j].kind == kBody || lines[j].kind == kHeading) && lines[j].words >= 3 {
			lines[j].kind = kCaption
			lines[j].text += " " + lines[i].text
		}
	}

	// The headline: metadata title, else the best title-like line above
	// the first paragraph.
	firstBody := -1
	for i, l := range lines {
		if l.kind == kBody && l.words >= 8 {
			firstBody = i
			break
		}
	}
	headline := cleanTitle(r.Title, firstOf(r.SiteName, hostOf(r.URL)), lx)
	if headline == "" && firstBody >= 0 && r.Format == reader.FormatText {
		// A question headline ends like a sentence: it is the title when
		// it opens the page and real paragraphs follow.
		for i := 0; i <= firstBody; i++ {
			l := &lines[i]
			if l.kind != kBody {
				continue
			}
			if r := lastRune(l.text); (r == '?' || r == '!') && l.words <= 20 && !strings.ContainsAny(l.text[:len(l.text)-1], ".?!") {
				l.kind = kHeading
				firstBody = -1
				for j := i + 1; j < len(lines); j++ {
					if lines[j].kind == kBody && lines[j].words >= 8 {
						firstBody = j
						break
					}
				}
			}
			break
		}
	}
	hi := -1
	if headline != "" {
		hk := normKey(headline)
		rk := normKey(r.Title)
		limit := len(lines)
		if firstBody >= 0 {
			limit = firstBody + 1
		}
		for i := 0; i < limit; i++ {
			if lines[i].key == hk || lines[i].key == rk {
				hi = i
				break
			}
		}
	} else {
		hi = pickHeadline(lines, firstBody)
		if hi >= 0 {
			// a page title copied with its site name: "Headline | Outlet"
			headline = cleanTitle(lines[hi].text, r.SiteName, lx)
		}
	}
	if hi >= 0 {
		if r.Format == reader.FormatText {
			// What precedes the title on a text page is the site's header.
			for i := 0; i < hi; i++ {
				if lines[i].kind == kBody || lines[i].kind == kHeading {
					lines[i].kind = kChrome
				}
			}
		}
		hk := lines[hi].key
		for i := range lines {
			if lines[i].key == hk && (lines[i].kind == kHeading || lines[i].kind == kBody) {
				lines[i].kind = kHeadline
			}
		}
	}
	src.Headline = domain.Str(headline)

	// Chrome that ends the article cuts everything after it.
	seenBody := false
	for i := range lines {
		if lines[i].kind == kBody {
			seenBody = true
		}
		if lines[i].kind == kStop && seenBody {
			for j := i + 1; j < len(lines); j++ {
				lines[j].kind = kChrome
			}
			break
		}
	}

	var body []string
	var wireEnd, wireLine, byline string
	var captions []string
	for i := range lines {
		l := &lines[i]
		switch l.kind {
		case kBody:
			// The dateline opens the first paragraph, or the second when
			// a deck (summary) comes first.
			if len(body) < 2 && src.Dateline == nil {
				text, dl, w := lx.splitDateline(l.text)
				if dl != "" && text != "" {
					src.Dateline = domain.Str(dl)
					l.text = text
					if w != "" && src.Wire == nil {
						src.Wire = domain.Str(w)
					}
				}
			}
			body = append(body, lx.trimChromeTail(l.text))
			if l.wire != "" {
				wireEnd = l.wire
			}
		case kCaption:
			captions = append(captions, l.text)
		case kWire:
			if wireLine == "" || len(body) > 0 {
				wireLine = l.wire
			}
		case kByline:
			if byline == "" {
				byline = l.text
			}
		}
	}
	if src.Wire == nil {
		src.Wire = domain.Str(firstOf(wireEnd, wireLine, lx.bylineWire(byline), lx.wireByName[normKey(r.Author)]))
	}
	src.Byline = domain.Str(firstOf(bylineName(byline), strings.TrimSpace(r.Author)))
	for _, cp := range r.Captions {
		if cp = squash(cp); cp != "" && !contains(captions, cp) {
			captions = append(captions, cp)
		}
	}
	src.Captions = captions

	src.Outlet = domain.Str(c.outlet(r, metaOutlet, lines, domain.Deref(src.Wire)))
	if d, ok := c.published(r, lines, monthFirst, src.Dateline); ok {
		src.Published = domain.Str(d)
		src.PublishedBasis = domain.PublishedStated
	}

	doc := domain.Document{Source: src, Text: strings.Join(body, "\n\n")}
	if doc.Text == "" {
		return doc, fmt.Errorf("%s: no article text left after cleaning", r.Path)
	}
	return doc, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func firstOf(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// splitLines cuts the body into non-empty lines with white space squashed.
// In text pages a line that continues a hard-wrapped sentence (it starts
// in lower case after a line without final punctuation) is joined back.
func splitLines(body string, unwrap bool) []line {
	raw := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	out := make([]line, 0, len(raw)/2+1)
	prevBlank := true
	for _, s := range raw {
		s = squash(s)
		if s == "" {
			prevBlank = true
			continue
		}
		if unwrap && !prevBlank && len(out) > 0 && startsLower(s) {
			p := &out[len(out)-1]
			if !endsSentence(p.text) && lastRune(p.text) != ':' {
				p.text += " " + s
				prevBlank = false
				continue
			}
		}
		out = append(out, line{text: s})
		prevBlank = false
	}
	for i := range out {
		out[i].key = normKey(out[i].text)
		out[i].words = wordCount(out[i].text)
	}
	return out
}

func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z'
	}
	return false
}

var (
	bylinePat  = regexp.MustCompile(`^(?i:by|written by|words by|story by|reported by|report by|author:?)\s+\p{Lu}`)
	bylineStem = regexp.MustCompile(`^(?i:by|written by|words by|story by|reported by|report by|author:?)\s+`)
	// notCaptionStart: a caption starts with its subject, not with
	// "On Monday," or "In a statement,".
	notCaptionStart = map[string]bool{"on": true, "in": true, "at": true, "after": true, "before": true, "during": true,
		"since": true, "when": true, "while": true, "as": true, "but": true, "and": true, "however": true,
		"meanwhile": true, "earlier": true, "later": true, "last": true, "this": true, "it": true, "he": true, "she": true, "they": true, "we": true, "i": true}
	// reportingWords mark a reported sentence, which a caption is not.
	reportingWords = map[string]bool{"said": true, "says": true, "say": true, "told": true, "tells": true,
		"announced": true, "reported": true, "reports": true, "claimed": true, "claims": true, "added": true,
		"stated": true, "quoted": true, "warned": true, "accused": true, "denied": true, "according": true}
	fullDate       = regexp.MustCompile(`(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d{2})\b`)
	commentCount   = regexp.MustCompile(`^(?:\d+|no|view|show|read)\s+(?:comments?|replies|responses)$`)
	readingTime    = regexp.MustCompile(`(?i)^\d+\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|reading|watch|listen)$`)
	breadcrumbSep  = regexp.MustCompile(`\s(?:/|>|»|›|\||•|·|::)\s`)
	capsColonWords = map[string]bool{"UPDATE": true, "UPDATED": true, "BREAKING": true, "WATCH": true, "LIVE": true, "EXCLUSIVE": true, "ANALYSIS": true, "OPINION": true, "EDITORIAL": true, "VIDEO": true, "PHOTOS": true, "READ": true, "NOTE": true, "EDITOR'S NOTE": true, "FILE": true, "UPDATE 1": true, "UPDATE 2": true, "CORRECTION": true, "FACTBOX": true, "EXPLAINER": true, "INTERVIEW": true}
)

// classify decides what one line is from the line alone.
func (c *Cleaner) classify(l *line, learned map[string]bool, monthFirst, extracted bool) {
	lx := c.lx
	l.kind = kChrome
	if l.key == "" || !hasAlnum(l.text) {
		return
	}
	if lx.chromeStop[l.key] || l.words <= 3 && commentCount.MatchString(l.key) {
		l.kind = kStop
		return
	}
	if lx.chromeLine[l.key] {
		return
	}
	if len(l.text) <= 120 && l.words <= 16 && hasYear(l.text) && !endsSentence(l.text) || len(l.text) <= 40 && hasYear(l.text) {
		if d, k, ok := parseDateLine(l.text, monthFirst); ok {
			l.kind, l.date, l.dateKind = kDate, d, k
			return
		}
	}
	if o := lx.outletByName[l.key]; o != nil && o.kind != "agency" && !o.isSource() {
		l.kind, l.outlet = kOutlet, o
		return
	}
	if l.words <= 8 && len(l.text) < 80 && (lx.agencyLast[lastWord(l.text)] || strings.HasSuffix(l.key, "agencies")) {
		if m := lx.wireLine.FindStringSubmatch(l.text); m != nil {
			l.kind, l.wire = kWire, lx.wireByName[normKey(m[1])]
			return
		}
	}
	if l.words <= 10 && lx.mayEndWithCredit(l.text) && lx.creditOnly.MatchString(l.text) {
		l.kind = kCredit
		return
	}
	if l.words <= 14 && bylinePat.MatchString(l.text) && !endsSentence(l.text) {
		l.kind = kByline
		return
	}
	// Learned lines never take a sentence out of the body: two stories may
	// share one ("There was no immediate comment.").
	if learned[l.key] && !endsSentence(l.text) && (l.words <= 5 || capRatio(l.text) >= 0.75 || lastRune(l.text) == ':') {
		return
	}
	// Captions before chrome phrases: a credit may carry "©".
	if l.words <= 60 {
		tail := tailOf(l.text, 160)
		if at := lx.creditStart(tail); at >= 0 && wordCount(tail[:at]) >= 3 {
			l.kind = kCaption
			return
		}
		for _, p := range lx.captionPrefix {
			if l.words >= 3 && strings.HasPrefix(l.key, p) {
				l.kind = kCaption
				return
			}
		}
	}
	if lx.chromePhrase(l.key, l.words) {
		return
	}
	if l.words <= 12 && (isLinkLine(l.text) || isIDLine(l.text) || l.words <= 4 && readingTime.MatchString(l.key)) || isBreadcrumb(l.text) {
		return
	}
	// A wire credit closing a paragraph: strip it, remember the agency.
	if tail := tailOf(l.text, 80); lx.agencyLast[lastWord(tail)] {
		if m := lx.wireEnd.FindStringSubmatchIndex(tail); m != nil {
			rest := strings.TrimSpace(l.text[:len(l.text)-len(tail)+m[0]])
			if endsSentence(rest) && wordCount(rest) >= 3 {
				l.wire = lx.wireByName[normKey(tail[m[2]:m[3]])]
				l.text = rest
				l.key = normKey(rest)
				l.words = wordCount(rest)
			}
		}
	}
	switch {
	case endsSentence(l.text) && l.words >= 3,
		lastRune(l.text) == ':' && l.words >= 8,
		l.words >= 20 && capRatio(l.text) < 0.6,
		// An extractor already chose this text as the article: a long
		// sentence-case line without its full stop is still prose.
		extracted && l.words >= 12 && capRatio(l.text) < 0.5:
		l.kind = kBody
		if c.isPhotoDescription(l) {
			l.kind = kCaption
		}
	default:
		l.kind = kHeading
	}
}

// boundaryAfter: the phrase ending at i ends a word ("follow" in "follow
// us", not in "follow-up" or "followers").
func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	b := s[i]
	return !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || b == '\'')
}

// tailOf returns at most the last n bytes of s, cut at a rune start, so
// that end-anchored patterns never scan a whole paragraph.
func tailOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && s[i]&0xC0 == 0x80 {
		i++
	}
	return s[i:]
}

// isPhotoDescription recognises an uncredited wire caption: a present-
// tense description ("Syrian troops patrol ...") with a full date and no
// reporting verb.
func (c *Cleaner) isPhotoDescription(l *line) bool {
	if l.words > 60 || l.words < 6 || !hasYear(l.text) || strings.ContainsAny(l.text, `"“”`) {
		return false
	}
	ws := strings.Fields(strings.ToLower(l.text))
	if notCaptionStart[strings.Trim(ws[0], ",")] {
		return false
	}
	verb := false
	for i, w := range ws {
		w = strings.Trim(w, `,.;:'’()`)
		if reportingWords[w] || i+1 < len(ws) && w == "according" {
			return false
		}
		if i > 0 && i < 14 && !verb {
			verb = c.lx.captionVerbs[w] || i+1 < len(ws) && c.lx.captionVerbs[w+" "+strings.Trim(ws[i+1], `,.;:'’()`)]
		}
	}
	return verb && fullDate.MatchString(l.text)
}

// isLinkLine: every word is a URL, domain, address or handle.
func isLinkLine(s string) bool {
	if !strings.ContainsAny(s, ".@") {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 12 {
		return false
	}
	links := 0
	for _, w := range ws {
		if isLinkToken(w) {
			links++
		}
	}
	return links > 0 && links*2 >= len(ws)+1
}

// isIDLine: a lone machine identifier (UUID, hash).
func isIDLine(s string) bool {
	if len(s) < 12 || strings.Count(s, " ") > 1 {
		return false
	}
	ws := strings.Fields(s)
	return len(ws) <= 2 && len(ws) > 0 && isIDToken(strings.Trim(ws[0], "#[]()"))
}

// isBreadcrumb: "News / Syria / News", "Home > World > Middle East", or
// links glued together by a lossy copy ("Latest developmentsMiddle East").
func isBreadcrumb(s string) bool {
	if endsSentence(s) {
		return false
	}
	if !strings.ContainsAny(s, "/>|»›•·:") {
		return gluedWords(s) >= 2 && wordCount(s) <= 12
	}
	if seps := breadcrumbSep.FindAllStringIndex(s, -1); len(seps) >= 1 {
		parts := breadcrumbSep.Split(s, -1)
		short := 0
		for _, p := range parts {
			if n := wordCount(p); n <= 4 && capRatio(p) >= 0.5 {
				short++
			}
		}
		if short == len(parts) && (len(parts) >= 3 || wordCount(s) <= 4) {
			return true
		}
	}
	return gluedWords(s) >= 2 && wordCount(s) <= 12
}

// pickHeadline scores the title-like lines above the first paragraph:
// a headline has a verb (a lower-case content word) and a headline's
// length, and its date or byline follow it; a lone name is the lead
// picture's caption, a section name is navigation. Ties go to the line
// nearest the body (lists of other stories come above the article).
func pickHeadline(lines []line, firstBody int) int {
	end := firstBody
	if end < 0 {
		end = len(lines)
	}
	best, bestScore := -1, -100
	for i := 0; i < end; i++ {
		l := lines[i]
		if l.kind != kHeading {
			continue
		}
		score := 0
		if l.words >= 4 && l.words <= 25 {
			score++
		}
		if hasContentLowerWord(l.text) {
			score += 2
		}
		if l.words <= 5 && capRatio(l.text) == 1 && !strings.ContainsAny(l.text, ",:'’?!") {
			score -= 3
		}
		if l.words <= 2 {
			score -= 2
		}
		if lastRune(l.text) == ':' {
			score -= 2
		}
		if strings.HasPrefix(l.text, "(") && strings.HasSuffix(l.text, ")") {
			score -= 3
		}
		// The title block: a headline is followed by its date or byline.
		for j := i + 1; j < end && j <= i+3; j++ {
			if k := lines[j].kind; k == kDate || k == kByline {
				score++
				break
			}
		}
		if score >= bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// splitDateline removes a dateline ("ALEPPO, Syria -", "KYIV (Reuters) -")
// from the first paragraph and names the agency it credits.
func (lx *lexicons) splitDateline(s string) (rest, dateline, wire string) {
	m := lx.dateline.FindStringSubmatchIndex(s)
	if m == nil {
		return s, "", ""
	}
	head := s[:m[1]]
	names := lx.dateline.SubexpNames()
	place := ""
	for i := 1; i < len(names); i++ {
		if m[2*i] < 0 {
			continue
		}
		switch names[i] {
		case "place", "place2":
			place = s[m[2*i]:m[2*i+1]]
		case "wire":
			if wire == "" {
				w := strings.TrimSpace(s[m[2*i]:m[2*i+1]])
				wire = lx.wireByName[normKey(w)]
				if wire == "" {
					// "(AFP/Reuters)", "(Reuters) -" with extra words
					for _, f := range strings.FieldsFunc(w, func(r rune) bool { return r == '/' || r == ',' || r == ' ' }) {
						if x := lx.wireByName[normKey(f)]; x != "" {
							wire = x
							break
						}
					}
				}
			}
		}
	}
	trimmed := strings.TrimRight(strings.TrimSpace(head), "-–—: ")
	if strings.HasSuffix(strings.TrimSpace(head), ":") && capsColonWords[strings.ToUpper(strings.TrimSpace(place))] {
		return s, "", ""
	}
	if strings.HasSuffix(strings.TrimSpace(head), ":") && wire == "" && strings.Contains(place, " ") && wordCount(place) > 3 {
		return s, "", ""
	}
	rest = strings.TrimSpace(s[m[1]:])
	if wordCount(rest) < 3 {
		return s, "", ""
	}
	return rest, trimmed, wire
}

// bylineWire reads an agency closing a byline ("By Jane Doe, AFP",
// "By Jane Doe | Reuters", "By AFP").
func (lx *lexicons) bylineWire(b string) string {
	if b == "" {
		return ""
	}
	rest := bylineStem.ReplaceAllString(b, "")
	if w := lx.wireByName[normKey(rest)]; w != "" {
		return w
	}
	for _, sep := range []string{"|", ",", " - ", " – ", " — ", " and ", "/"} {
		if i := strings.LastIndex(rest, sep); i >= 0 {
			if w := lx.wireByName[normKey(rest[i+len(sep):])]; w != "" {
				return w
			}
		}
	}
	return ""
}

// bylineName is the byline without "By" and without a trailing agency.
func bylineName(b string) string {
	return strings.TrimSpace(bylineStem.ReplaceAllString(b, ""))
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// hasYear reports a four-digit run starting 19 or 20, the cheap
// precondition of a full date.
func hasYear(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		// a digit may follow: copies glue the time to the year ("20164:21")
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) &&
			(i == 0 || !isDigitByte(s[i-1])) {
			return true
		}
	}
	return false
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// lastWord is the last space-separated token of s, lower-cased, with the
// punctuation around credits trimmed.
func lastWord(s string) string {
	s = strings.TrimRight(s, " .)/]")
	if i := strings.LastIndexAny(s, " (/-–—"); i >= 0 {
		s = s[i+1:]
	}
	return strings.ToLower(strings.Trim(s, "(/-–—"))
}

// mayEndWithCredit is the cheap test run before the photo-credit pattern:
// a credit ends with ")" or an agency, or names itself a photo.
func (lx *lexicons) mayEndWithCredit(tail string) bool {
	t := strings.TrimRight(tail, " .")
	if strings.HasSuffix(t, ")") || lx.agencyLast[lastWord(t)] {
		return true
	}
	// "REUTERS/Khalil Ashawi": an agency before the last slash
	if i := strings.LastIndexByte(t, '/'); i > 0 && lx.agencyLast[lastWord(t[:i])] {
		return true
	}
	for _, w := range [...]string{"hoto", "HOTO", "icture", "ICTURE", "mage", "MAGE", "redit", "REDIT", "etty"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// creditStart returns where a photo credit closing tail begins, or -1. The
// end-anchored credit pattern is tried only from the few places a credit
// can start (an opening parenthesis, a dash or bar, a credit word, the
// name before a slash), which keeps it off the length of the line.
func (lx *lexicons) creditStart(tail string) int {
	if !lx.mayEndWithCredit(tail) {
		return -1
	}
	var buf [16]int
	cands := buf[:0]
	add := func(i int) {
		if i >= 0 && len(cands) < len(buf) {
			cands = append(cands, i)
		}
	}
	add(strings.LastIndexByte(tail, '('))
	for _, sep := range [...]string{" - ", " – ", " — ", " | ", ". ", ") ", "” ", "\" "} {
		add(strings.LastIndex(tail, sep))
	}
	for _, w := range [...]string{"Photo", "PHOTO", "photo", "Picture", "Image", "Credit", "File photo"} {
		// a credit word opens a credit only at the start of the line or
		// after a sentence: "a photo by Reuters" in prose is no credit
		if i := strings.LastIndex(tail, w); i == 0 {
			add(i)
		} else if i > 0 && strings.ContainsRune(".!?)”\"-–—|", lastRune(strings.TrimRight(tail[:i], " "))) {
			add(i)
		}
	}
	if i := strings.LastIndexByte(tail, '/'); i > 0 {
		// back over "Firstname Lastname" or an agency before the slash
		j := strings.LastIndexByte(strings.TrimRight(tail[:i], " "), ' ')
		add(j)
		if j > 0 {
			add(strings.LastIndexByte(tail[:j], ' '))
		}
	}
	best := -1
	for _, i := range cands {
		if (best < 0 || i < best) && lx.creditAt.MatchString(tail[i:]) {
			best = i
		}
	}
	return best
}

// trimChromeTail removes prompts a copy ran into the last paragraph's
// final sentence ("... to resolve the conflict. Never miss a story again -
// sign up to our Telegram channel!").
func (lx *lexicons) trimChromeTail(p string) string {
	for n := 0; n < 2; n++ {
		i := lastSentenceStart(p)
		if i <= 0 {
			return p
		}
		last := p[i:]
		if !lx.chromePhrase(normKey(last), wordCount(last)) || wordCount(p[:i]) < 3 {
			return p
		}
		p = strings.TrimSpace(p[:i])
	}
	return p
}

// lastSentenceStart returns where the last sentence of p starts (after
// ". " and before a capital), or -1 when p is one sentence.
func lastSentenceStart(p string) int {
	t := strings.TrimRight(p, " ")
	if len(t) > 0 {
		t = t[:len(t)-1] // the final stop itself
	}
	for i := len(t) - 1; i > 0; i-- {
		if t[i] != ' ' {
			continue
		}
		j := i - 1
		for j > 0 && strings.IndexByte(`"')]`, t[j]) >= 0 {
			j--
		}
		if t[j] != '.' && t[j] != '!' && t[j] != '?' && !strings.HasSuffix(t[:j+1], "”") {
			continue
		}
		if i+1 < len(t) {
			r, _ := utf8.DecodeRuneInString(t[i+1:])
			if unicode.IsUpper(r) {
				return i + 1
			}
		}
	}
	return -1
}

// stripInvisible drops Unicode format characters (zero-width spaces and
// joiners, bidi embeddings and isolates, byte-order marks, soft hyphens).
// They change nothing a reader sees, but they split names ("Rus‮sian")
// so that no dictionary matches them, and bidi controls can make stored
// text display differently from what it says.
func stripInvisible(s string) string {
	if strings.IndexFunc(s, isInvisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, s)
}

func isInvisible(r rune) bool { return r >= 0x80 && unicode.Is(unicode.Cf, r) }
