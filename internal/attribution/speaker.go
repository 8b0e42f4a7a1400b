package attribution

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/domain"
)

// speaker is a resolved speaker phrase.
type speaker struct {
	start   int // where the speaker phrase starts
	name    string
	person  bool
	pronoun bool // resolved through the previous speakers: not a new name
	voice   bool // an anonymous source: the article's voice carries it
	entity  bool // named by an entity mention
	others  []string
}

var (
	pronouns   = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true}
	possessive = map[string]bool{"his": true, "her": true, "its": true, "their": true}
	definite   = map[string]bool{"the": true, "this": true, "that": true}
	determiner = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true}
	adverbs    = map[string]bool{"also": true, "further": true, "later": true, "earlier": true, "then": true,
		"again": true, "previously": true, "separately": true, "too": true, "meanwhile": true, "however": true,
		"repeatedly": true, "additionally": true, "reportedly": true, "had": true, "has": true, "have": true,
		"was": true, "were": true, "is": true, "had also": true, "has also": true, "once": true, "first": true,
		"recently": true, "publicly": true, "officially": true, "explicitly": true, "told": true, "and": true}
	// advStart opens an adverbial segment ("On Monday, ...", "In
	// response, ...") that never holds the speaker.
	advStart = map[string]bool{"in": true, "on": true, "at": true, "during": true, "after": true, "before": true,
		"since": true, "for": true, "elsewhere": true, "meanwhile": true, "additionally": true, "also": true,
		"however": true, "earlier": true, "later": true, "separately": true, "last": true, "yesterday": true,
		"today": true, "overnight": true, "speaking": true, "asked": true, "following": true, "by": true,
		"under": true, "amid": true, "despite": true, "with": true, "as": true, "when": true, "while": true,
		"instead": true, "still": true, "nevertheless": true, "moreover": true, "furthermore": true, "but": true,
		"and": true, "then": true, "now": true, "according": true}
	participles = map[string]bool{"speaking": true, "citing": true, "quoting": true, "asked": true,
		"writing": true, "responding": true, "addressing": true, "according": true}
	relative = map[string]bool{"which": true, "who": true, "whose": true, "whom": true, "where": true}
	// objectStop ends the speaker phrase that follows a cue (", said X at
	// a press conference").
	objectStop = map[string]bool{"at": true, "on": true, "in": true, "during": true, "after": true, "before": true,
		"when": true, "while": true, "as": true, "who": true, "which": true, "that": true, "adding": true,
		"saying": true, "told": true, "to": true, "earlier": true, "later": true, "yesterday": true,
		"today": true, "last": true, "this": true, "and": false, "from": false, "via": true, "late": true,
		"early": true, "citing": true, "amid": true, "over": true, "has": true, "have": true, "had": true,
		"was": true, "is": true, "were": true, "are": true}
	media = map[string]bool{"television": true, "tv": true, "radio": true, "media": true, "agency": true,
		"newspaper": true, "daily": true, "channel": true, "broadcaster": true, "outlet": true, "website": true,
		"network": true, "press": true, "news": true, "station": true, "weekly": true}
)

func isQuoteRune(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '\'' || r == '‘' || r == '’' || r == '«' || r == '»'
}

// quoteSpans returns the double-quoted stretches of text[a:b] (quote
// marks included) and whether a quotation is still open at b. open says
// whether one was open at a.
func quoteSpans(text string, a, b int, open bool) ([][2]int, bool) {
	var out [][2]int
	qs := a
	for i := a; i < b; i++ {
		c := text[i]
		if c != '"' && c != 0xE2 {
			continue
		}
		opening, closing := c == '"' && !open, c == '"' && open
		n := 1
		if c == 0xE2 && i+2 < b && text[i+1] == 0x80 {
			opening, closing, n = text[i+2] == 0x9C, text[i+2] == 0x9D, 3
		}
		switch {
		case opening && !open:
			open, qs = true, i
		case closing && open:
			out = append(out, [2]int{qs, i + n})
			open = false
		}
	}
	if open {
		out = append(out, [2]int{qs, b})
	}
	return out, open
}

func startsWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '"' || r == '“' || r == '‘' || r == '\''
}

func inSpans(spans [][2]int, p int) bool {
	for _, s := range spans {
		if p >= s[0] && p < s[1] {
			return true
		}
	}
	return false
}

func lastQuoteEnd(spans [][2]int, p int) int {
	q := -1
	for _, s := range spans {
		if s[1] <= p {
			q = s[1]
		}
	}
	return q
}

func blank(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// lastRune returns the last non-space rune of text[a:b].
func lastRune(text string, a, b int) rune {
	t := strings.TrimRightFunc(text[a:b], unicode.IsSpace)
	if t == "" {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r
}

func precededByQuote(text string, a, p int) bool {
	r := lastRune(text, a, p)
	return r == '"' || r == '”' || r == '’' || r == '\''
}

func precededByComma(text string, a, p int) bool {
	r := lastRune(text, a, p)
	return r == ',' || r == ':' || r == '—' || r == '–'
}

// lastClauseStart moves wa past the last clause delimiter before cs when
// later is set (a second cue in a sentence starts a new clause).
func lastClauseStart(text string, wa, cs int, later bool) int {
	if !later {
		return wa
	}
	best := wa
	for _, d := range []string{", ", " and ", "; ", " while ", " but ", " whereas ", " that "} {
		if i := strings.LastIndex(text[wa:cs], d); i >= 0 && wa+i+len(d) > best {
			best = wa + i + len(d)
		}
	}
	return best
}

// cueObject returns the speaker phrase that follows a cue at from: up to
// punctuation, a quotation or a word that opens an adjunct.
func cueObject(text string, sw []word, from, end int, quotes [][2]int) (int, int) {
	ws := within(sw, from, end)
	a, b := -1, -1
	for i, w := range ws {
		if inSpans(quotes, w.start) {
			break
		}
		gap := text[from:w.start]
		if i > 0 {
			gap = text[ws[i-1].end:w.start]
		}
		if strings.ContainsAny(gap, ",.;:()[]\"“”") {
			break
		}
		if objectStop[w.lw] && i > 0 {
			break
		}
		if a < 0 {
			a = w.start
		}
		b = w.end
	}
	if a < 0 {
		return from, from
	}
	return a, b
}

// resolve names the speaker of text[wa:wb]. inverted says the phrase
// follows its cue, so its head is its first noun phrase.
func (a *Attributor) resolve(text string, sw []word, wa, wb int, ents []domain.Entity, st *speakerState, inverted bool) speaker {
	sa, sb := a.pickSegment(text, sw, wa, wb, inverted)
	if sa >= sb {
		return speaker{}
	}
	sp := a.resolveSegment(text, sw, wa, sa, sb, ents, st, inverted)
	for sa < sb && (text[sa] == ' ' || text[sa] == '\t' || text[sa] == '\n') {
		sa++
	}
	sp.start = sa
	return sp
}

// sourceNouns after an organisation make the speakers its members ("army
// officials").
var sourceNouns = map[string]bool{"officials": true, "official": true, "sources": true, "source": true}

// militaryHeads make a country's body speak for its armed forces.
var militaryHeads = map[string]bool{"military": true, "army": true, "command": true, "forces": true,
	"troops": true, "navy": true, "staff": true}

// countryOf finds the country a speaker phrase names by a place mention
// or an adjective ("Ukraine's", "Ukrainian").
func (a *Attributor) countryOf(text string, ws []word, ents []domain.Entity) string {
	for _, e := range ents {
		if e.Type == domain.Place {
			if c := a.country(e); c != "" {
				return c
			}
		}
	}
	for _, w := range ws {
		if d, ok := a.adjectives[w.lw]; ok {
			return d
		}
	}
	return ""
}

// roleHeads end definite descriptions that refer back to a speaker ("the
// top diplomat", "the ministry").
var roleHeads = map[string]bool{"diplomat": true, "minister": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "official": true, "officials": true, "envoy": true, "president": true, "leader": true,
	"general": true, "commander": true, "source": true, "statement": true, "ministry": true, "agency": true,
	"chief": true, "head": true, "secretary": true, "ambassador": true, "premier": true, "monitor": true,
	"group": true, "observatory": true, "report": true, "communique": true, "spokesmen": true,
	"military": true, "army": true, "police": true, "government": true, "council": true, "movement": true,
	"militia": true, "office": true, "command": true, "director": true, "adviser": true, "advisor": true, "aide": true, "organisation": true, "organization": true, "commission": true}

func (a *Attributor) resolveSegment(text string, sw []word, wa, sa, sb int, ents []domain.Entity, st *speakerState, inverted bool) speaker {
	// "a statement issued by X", "an estimate by X": X speaks
	if i := strings.LastIndex(text[sa:sb], " by "); i >= 0 {
		sa += i + 4
	}
	ws := within(sw, sa, sb)
	// drop adverbs at the edge next to the cue
	for len(ws) > 0 && !inverted && adverbs[ws[len(ws)-1].lw] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return speaker{}
	}
	head := ws[len(ws)-1]
	if inverted {
		head = ws[0]
	}
	if pronouns[head.lw] && len(ws) <= 3 {
		return st.pronoun(head.lw)
	}
	inSeg := entsIn(ents, ws[0].start, ws[len(ws)-1].end)
	// coordinated speakers: "X and Y have put the tolls at ..."
	if parts := a.coordinated(text, ws, inSeg); len(parts) > 1 {
		return speaker{name: parts[0].name, person: parts[0].person, others: names(parts[1:])}
	}
	if sp, ok := a.pickEntity(inSeg, inverted); ok {
		// "Yemeni military officials": the officials, not the army
		if !sp.person && len(ws) > 0 && sourceNouns[ws[len(ws)-1].lw] && !inverted {
			if phrase := a.cleanPhrase(text, ws); phrase != "" && len(strings.Fields(phrase)) <= 5 {
				return speaker{name: phrase}
			}
		}
		return sp
	}
	// "Oleh Kiper, the governor of the Odesa region,": the name before
	// the apposition speaks
	if !inverted && determiner[ws[0].lw] {
		if pa, pb := a.pickSegment(text, sw, wa, ws[0].start-1, false); pb > pa && pb < ws[0].start {
			if sp, ok := a.pickEntity(entsIn(ents, pa, pb), false); ok && sp.person {
				return sp
			}
		}
	}
	// "Ukraine's southern military command": the country's armed forces
	for _, w := range ws {
		if militaryHeads[w.lw] {
			if c := a.countryOf(text, ws, inSeg); c != "" {
				return speaker{name: "Military Forces of " + c}
			}
			break
		}
	}
	isMedia := false
	for _, w := range ws {
		isMedia = isMedia || media[w.lw]
	}
	if !isMedia {
		if possessive[ws[0].lw] && len(ws) <= 4 && kinHeads[ws[len(ws)-1].lw] {
			// "his family said": the relatives speak, not the man
			if phrase := a.cleanPhrase(text, ws); phrase != "" {
				return speaker{name: phrase}
			}
		}
		if possessive[ws[0].lw] && len(ws) <= 4 {
			// "al-Sudani condemned the strike, his spokesman said": the
			// principal named earlier in the same sentence, never a
			// speaker carried over from an earlier one
			if sp, ok := principalBefore(ents, sw[0].start, ws[0].start, ws[0].lw); ok {
				return sp
			}
			return st.pronoun("he")
		}
		for _, e := range inSeg {
			if e.Type == domain.Place {
				if c := a.country(e); c != "" {
					return speaker{name: "Government of " + c}
				}
			}
		}
		// "the official", "the top diplomat", "the ministry": a speaker
		// named before; "the local resistance committee" is a new one
		if definite[ws[0].lw] && len(ws) <= 4 && roleHeads[ws[len(ws)-1].lw] {
			if _, known := a.sources[joinWords(ws[1:])]; !known {
				if st.any != "" {
					return speaker{name: st.any, pronoun: true, person: st.any == st.person}
				}
				if st.mentioned != "" && st.cur-st.mentionedSent <= 2 {
					return speaker{name: st.mentioned, pronoun: true, person: true}
				}
			}
		}
	}
	phrase := a.cleanPhrase(text, ws)
	if phrase == "" {
		return speaker{}
	}
	key := strings.ToLower(phrase)
	if v, ok := a.sources[key]; ok {
		return speaker{name: v, voice: v == ""}
	}
	// "Reports on Thursday", "Sources close to the talks"
	if v, ok := a.sources[ws[0].lw]; ok && v == "" && (len(ws) == 1 || adjunctStart[ws[1].lw] || !capitalised(text, ws[1:])) {
		return speaker{voice: true}
	}
	if len(ws) > 1 {
		if v, ok := a.sources[ws[0].lw+" "+ws[1].lw]; ok && v == "" {
			return speaker{voice: true}
		}
	}
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		if v, ok := a.sources[key[i+1:]]; ok && v == "" && len(ws) <= 2 {
			return speaker{voice: true}
		}
	}
	if len(strings.Fields(phrase)) > 8 {
		return speaker{}
	}
	return speaker{name: phrase}
}

// adjunctStart opens a modifier after an anonymous source ("reports on
// Thursday", "sources close to the talks").
var adjunctStart = map[string]bool{"on": true, "in": true, "at": true, "from": true, "close": true,
	"familiar": true, "with": true, "who": true, "quoted": true, "cited": true, "said": true}

// humanHeads end phrases that describe a person ("a senior official").
var humanHeads = map[string]bool{"official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"commander": true, "officer": true, "source": true, "resident": true, "witness": true, "doctor": true,
	"activist": true, "diplomat": true, "minister": true, "governor": true, "mayor": true, "medic": true,
	"journalist": true, "correspondent": true, "analyst": true, "worker": true, "director": true, "head": true,
	"chief": true, "leader": true, "aide": true, "adviser": true, "advisor": true, "envoy": true}

func humanHead(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) > 0 && humanHeads[f[len(f)-1]]
}

func capitalised(text string, ws []word) bool {
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(text[w.start:w.end])
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func names(ps []speaker) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.name
	}
	return out
}

func joinWords(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.lw)
	}
	return b.String()
}

func (st *speakerState) pronoun(p string) speaker {
	var name string
	person := false
	switch p {
	case "he", "she":
		// the later of the last person who spoke and the last named
		name, person = st.person, true
		if st.mentioned != "" && (name == "" || st.mentionedSent > st.personSent) {
			name = st.mentioned
		}
		// "a civil defence official said ... he said": a described person
		// who spoke last
		if st.anyPhrase && st.sent > st.personSent && st.sent >= st.mentionedSent {
			name, person = st.any, false
		}
		if name == "" {
			name, person = st.any, false
		}
	case "it":
		name = st.other
		if name == "" {
			name = st.any
		}
	default:
		name = st.any
		person = name != "" && name == st.person
	}
	return speaker{name: name, person: person, pronoun: true}
}

// pickSegment chooses, among the comma-separated parts of text[wa:wb],
// the one holding the speaker: the last (first when inverted) that is not
// an adverbial or a relative clause.
func (a *Attributor) pickSegment(text string, sw []word, wa, wb int, inverted bool) (int, int) {
	type seg struct{ a, b int }
	var segs []seg
	start := wa
	for i := wa; i <= wb; i++ {
		if i == wb || text[i] == ',' || text[i] == ';' || text[i] == '(' || text[i] == ')' {
			if !blank(text[start:i]) {
				segs = append(segs, seg{start, i})
			}
			start = i + 1
		}
	}
	keep := segs[:0]
	for _, s := range segs {
		ws := within(sw, s.a, s.b)
		if len(ws) == 0 || relative[ws[0].lw] {
			continue
		}
		keep = append(keep, s)
	}
	if len(keep) == 0 {
		return wa, wa
	}
	if inverted {
		return keep[0].a, keep[0].b
	}
	for i := len(keep) - 1; i >= 0; i-- {
		ws := within(sw, keep[i].a, keep[i].b)
		if i > 0 && (advStart[ws[0].lw] && len(ws) <= 6 || participles[ws[0].lw]) {
			continue // "On Monday,", "speaking on condition of anonymity,"
		}
		return keep[i].a, keep[i].b
	}
	return keep[len(keep)-1].a, keep[len(keep)-1].b
}

// pickEntity picks the speaker among the entities of a speaker phrase: a
// person first, then an organisation or armed group; the one nearest the
// cue.
func (a *Attributor) pickEntity(ents []domain.Entity, inverted bool) (speaker, bool) {
	for _, want := range []string{domain.Person, "org"} {
		best := -1
		for i, e := range ents {
			ok := e.Type == want || want == "org" && (e.Type == domain.Organization || e.Type == domain.ArmedGroup)
			if !ok {
				continue
			}
			if best < 0 || !inverted {
				best = i
			}
		}
		if best >= 0 {
			return speaker{name: entName(ents[best]), person: want == domain.Person, entity: true}, true
		}
	}
	return speaker{}, false
}

// coordinated splits "X and Y" speaker phrases when every part names an
// entity.
func (a *Attributor) coordinated(text string, ws []word, ents []domain.Entity) []speaker {
	if len(ents) < 2 {
		return nil
	}
	var parts []speaker
	from := 0
	for i := 0; i <= len(ws); i++ {
		if i < len(ws) && ws[i].lw != "and" {
			continue
		}
		if i == from {
			return nil
		}
		sub := entsIn(ents, ws[from].start, ws[i-1].end)
		sp, ok := a.pickEntity(sub, false)
		if !ok {
			return nil
		}
		parts = append(parts, sp)
		from = i + 1
	}
	return parts
}

// kinHeads are speakers who talk about a person, not for him.
var kinHeads = map[string]bool{"family": true, "relatives": true, "relative": true, "lawyer": true, "lawyers": true,
	"wife": true, "husband": true, "son": true, "daughter": true, "brother": true, "sister": true,
	"father": true, "mother": true, "parents": true, "colleagues": true, "friends": true}

// principalBefore finds whose spokesman or office speaks: the last person
// ("his", "her") or organisation ("its", "their") named in text[from:to].
func principalBefore(ents []domain.Entity, from, to int, poss string) (speaker, bool) {
	want := domain.Organization
	if poss == "his" || poss == "her" {
		want = domain.Person
	}
	var found domain.Entity
	ok := false
	for _, e := range ents {
		if e.Start >= from && e.End <= to && e.Type == want {
			found, ok = e, true
		}
	}
	if !ok {
		return speaker{}, false
	}
	return speaker{name: entName(found), person: want == domain.Person, entity: true}, true
}

func entName(e domain.Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return e.Text
}

// country returns the country a PLACE mention names, or "".
func (a *Attributor) country(e domain.Entity) string {
	name := entName(e)
	if c, ok := a.countries[strings.ToLower(name)]; ok {
		return c
	}
	if e.Country != "" && strings.EqualFold(e.Country, name) {
		return e.Country
	}
	return ""
}

// resolveSubject finds the subject of a sentence for a participle cue
// (", saying ..."): its first named actor outside quotations.
func (a *Attributor) resolveSubject(text string, sw []word, from, to int, ents []domain.Entity, st *speakerState, quotes [][2]int) speaker {
	var place string
	for i, e := range ents {
		if e.Start >= to {
			break
		}
		if e.Start < from || inSpans(quotes, e.Start) {
			continue
		}
		switch e.Type {
		case domain.Person:
			return speaker{name: entName(e), person: true, entity: true}
		case domain.Organization, domain.ArmedGroup:
			// "United Nations Secretary General Ban Ki-moon": the person
			// the title leads to speaks
			if i+1 < len(ents) && ents[i+1].Type == domain.Person && ents[i+1].Start < to && titleGap(text[e.End:ents[i+1].Start]) {
				return speaker{name: entName(ents[i+1]), person: true, entity: true}
			}
			return speaker{name: entName(e), entity: true}
		case domain.Place:
			if c := a.country(e); c != "" && place == "" {
				place = "Government of " + c
			}
		}
	}
	if place != "" {
		return speaker{name: place}
	}
	ws := within(sw, from, to)
	if len(ws) > 0 && pronouns[ws[0].lw] {
		return st.pronoun(ws[0].lw)
	}
	return speaker{}
}

// titleGap says whether the words between an organisation and a person
// are a title ("Secretary General", "spokesman").
func titleGap(s string) bool {
	ws := strings.Fields(s)
	if len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !roleHeads[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// cleanPhrase turns a speaker phrase without an entity into a claimant
// name: determiners and adverbs dropped, "Syria's" made "Syrian",
// "state-run" made "state".
func (a *Attributor) cleanPhrase(text string, ws []word) string {
	for len(ws) > 0 && (determiner[ws[0].lw] || adverbs[ws[0].lw] || ws[0].lw == "so-called") {
		ws = ws[1:]
	}
	for len(ws) > 0 && adverbs[ws[len(ws)-1].lw] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) > 1 && ws[len(ws)-1].lw == "network" {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return ""
	}
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		lw := w.lw
		if d, ok := a.demonyms[lw]; ok && strings.HasSuffix(lw, "'s") {
			b.WriteString(d)
			continue
		}
		if strings.HasSuffix(lw, "-run") || strings.HasSuffix(lw, "-owned") || strings.HasSuffix(lw, "-controlled") {
			b.WriteString(lw[:strings.IndexByte(lw, '-')])
			continue
		}
		b.WriteString(text[w.start:w.end])
	}
	return b.String()
}

// within returns the words of a sentence's words ws that lie inside
// [a, b), without tokenizing again.
func within(ws []word, a, b int) []word {
	i := sort.Search(len(ws), func(i int) bool { return ws[i].start >= a })
	j := i
	for j < len(ws) && ws[j].end <= b {
		j++
	}
	return ws[i:j]
}
