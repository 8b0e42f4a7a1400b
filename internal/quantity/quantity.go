package quantity

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

// Finder finds quantities in text. It is read-only after New and safe for
// concurrent use.
type Finder struct {
	lx        *lexicon
	territory map[string]string
}

// New builds a Finder from the knowledge base's quantity lexicons
// (quantity_kinds, quantity_subjects, quantity_units, quantity_territory).
func New(k *kb.KB) (*Finder, error) {
	if k == nil {
		return nil, fmt.Errorf("quantity: nil knowledge base")
	}
	lx, err := loadLexicon(k)
	if err != nil {
		return nil, err
	}
	f := &Finder{lx: lx, territory: map[string]string{}}
	for _, t := range k.Lexicon("quantity_territory") {
		role := t.Field(0)
		if role != "noun" && role != "verb" {
			return nil, fmt.Errorf("quantity: %s line %d: unknown role %q", t.File, t.Line, role)
		}
		f.territory[lowerASCII(t.Text)] = role
	}
	return f, nil
}

// Find returns the quantities of text, sorted by Start. ClaimedBy is left
// empty: attribution fills it.
func (F *Finder) Find(text string) []domain.Quantity {
	if text == "" {
		return nil
	}
	low := lowerASCII(text)
	f := &finder{Finder: F, text: text, low: low, cands: make([]cand, 0, len(text)/200+4)}
	f.t = tokenize(text, low, make([]token, 0, len(text)/5+8))
	f.run()
	return f.emit()
}

// Kind sources, strongest first; a kind read from the text beats one
// inherited from a neighbour or defaulted from the noun's class.
const (
	srcNone = iota
	srcFallback
	srcInherited
	srcTerm
)

// cand is a quantity found in the text, kept until coordinated figures
// have shared their kinds.
type cand struct {
	q          domain.Quantity
	kind       string
	src        int
	rightKind  bool
	bs, npEnd  int // first token (bound included) and end of the noun phrase
	hasSubject bool
	class      string
	bound      bound
}

// finder is the state of one Find call.
type finder struct {
	*Finder
	text, low string
	t         []token
	cands     []cand
}

func (f *finder) is(k int, w string) bool { return k >= 0 && k < len(f.t) && f.w(k) == w }

func (f *finder) isAny(k int, ws ...string) bool {
	if k < 0 || k >= len(f.t) {
		return false
	}
	for _, w := range ws {
		if f.w(k) == w {
			return true
		}
	}
	return false
}

// acronym reports whether token k is written in capitals ("IS", "ISIS"),
// a name rather than the function word it may spell.
func (f *finder) acronym(k int) bool {
	t := f.t[k]
	if t.end-t.start < 2 {
		return false
	}
	for _, c := range []byte(f.text[t.start:t.end]) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// w returns the lower-cased text of token k.
func (f *finder) w(k int) string { return f.low[f.t[k].start:f.t[k].end] }

func (f *finder) tokS(k int) string {
	if k < 0 || k >= len(f.t) {
		return ""
	}
	return f.w(k)
}

func (f *finder) isDash(k int) bool {
	return f.isAny(k, "-", "\u2010", "\u2011", "\u2013")
}

// joined reports whether tokens k-1 and k touch (no space between).
func (f *finder) joined(k int) bool { return k > 0 && k < len(f.t) && !f.t[k].space }

func (f *finder) run() {
	for i := 0; i < len(f.t); i++ {
		if f.fraction(i) {
			continue
		}
		n, ok := f.parseNumber(i)
		if !ok {
			continue
		}
		f.candidate(n)
		if n.end-1 > i {
			i = n.end - 1
		}
	}
}

// emit shares kinds between coordinated figures and returns the
// quantities that have a kind.
func (f *finder) emit() []domain.Quantity {
	// "80 soldiers and 20 civilians were killed": the predicate of the
	// last figure of a coordination covers the earlier ones.
	for i := len(f.cands) - 2; i >= 0; i-- {
		c, d := &f.cands[i], &f.cands[i+1]
		if c.src >= srcInherited || d.src != srcTerm && d.src != srcInherited || !d.rightKind && d.src != srcInherited {
			continue
		}
		if f.coordinated(c.npEnd, d.bs) && applicable(d.kind, c.class) {
			c.kind, c.src, c.rightKind = d.kind, srcInherited, true
		}
	}
	n := 0
	for _, c := range f.cands {
		if c.kind != "" {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]domain.Quantity, 0, n)
	for _, c := range f.cands {
		if c.kind == "" {
			continue
		}
		q := c.q
		q.Kind = c.kind
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// applicable reports whether a kind read for one noun class fits another.
func applicable(kind, class string) bool {
	switch kind {
	case domain.KindEquipmentDestroyed:
		return class == classEquipment
	case domain.KindOther:
		return true
	}
	return class == "" || class == classPeople || class == classCombatant
}

// includedIn reports whether a figure starting at token b is a part of
// one ending at token a: "136 civilian deaths, including 13 children".
func (f *finder) includedIn(a, b int) bool {
	switch b - a {
	case 1:
		return f.is(a, "including")
	case 2:
		return f.isAny(a, ",", "(", "\u2014") && f.is(a+1, "including")
	}
	return false
}

// coordinated reports whether a figure starting at token b follows one
// ending at token a across "and", "or" or a comma.
func (f *finder) coordinated(a, b int) bool {
	switch b - a {
	case 1:
		return f.isAny(a, "and", "or", ",")
	case 2:
		return f.is(a, ",") && f.isAny(a+1, "and", "or")
	}
	return false
}

// skipBefore are the words just before a number that make it not a count.
var skipBefore = map[string]bool{
	"page": true, "pages": true, "no": true, "number": true, "resolution": true, "article": true,
	"chapter": true, "section": true, "route": true, "highway": true, "flight": true, "room": true,
	"unit": true, "brigade": true, "division": true, "battalion": true, "regiment": true,
	"zone": true, "phase": true, "level": true, "grade": true, "category": true, "paragraph": true,
	"aged": true, "age": true, "ages": true, "line": true, "lines": true, "gate": true, "platform": true,
	"verse": true, "item": true, "point": true, "points": true, "channel": true, "model": true,
	"version": true, "size": true, "score": true, "scored": true, "km": true, "kilometre": true,
	"kilometer": true, "mile": true, "hour": true, "day": true, "year": true, "week": true,
	"apartment": true, "building": true, "block": true, "street": true, "road": true, "exit": true,
	"sector": true, "area": true, "district": true, "camp": true, "squad": true, "corps": true,
}

// candidate examines one number phrase and records it when it counts
// people or things conflict reporting tracks.
func (f *finder) candidate(n number) {
	i := n.start
	t := f.t[i]
	// Not a count: codes glued to letters ("f071"), money, clock times,
	// dates, page and unit numbers.
	if f.glued(i, n.end) || t.kind == kNum && t.zero {
		return
	}
	// "no one was hurt", "the one who", "one another"
	if f.low[t.start:t.end] == "one" && n.end == i+1 && (f.isAny(i-1, "no", "the", "any", "every", "each", "this", "that", "which") || f.is(i+1, "another")) {
		return
	}
	if i > 0 {
		p := f.t[i-1]
		if f.low[p.start:p.end] == "$" || f.low[p.start:p.end] == "\u20ac" || f.low[p.start:p.end] == "\u00a3" || f.low[p.start:p.end] == "#" || f.low[p.start:p.end] == ":" && f.joined(i) {
			return
		}
		if p.kind == kWord && p.upper && len(f.low[p.start:p.end]) >= 3 {
			if _, ok := monthNames[f.low[p.start:p.end]]; ok {
				return
			}
		}
		if skipBefore[f.low[p.start:p.end]] {
			return
		}
	}
	if t.kind == kNum && f.isAny(i+1, ":", "/") && f.joined(i+1) {
		return
	}
	if n.end < len(f.t) {
		nx := f.t[n.end]
		if nx.kind == kWord && nx.upper {
			if _, ok := monthNames[f.low[nx.start:nx.end]]; ok {
				return
			}
		}
		if f.is(n.end, "of") && n.end+1 < len(f.t) && f.t[n.end+1].upper {
			if _, ok := monthNames[f.w(n.end+1)]; ok {
				return
			}
		}
		// compound adjectives: "an 11-hour pause", "a six-year war"
		if f.isDash(n.end) && f.joined(n.end) && n.end+1 < len(f.t) && f.joined(n.end+1) && f.t[n.end+1].kind == kWord {
			return
		}
		if f.lx.units[f.low[nx.start:nx.end]] || f.low[nx.start:nx.end] == "times" || f.low[nx.start:nx.end] == "o" {
			return
		}
	}
	// years
	if t.kind == kNum && t.plain && n.end == i+1 && t.num >= 1900 && t.num <= 2100 {
		return
	}
	// percentages: only of territory
	if f.isAny(n.end, "percent", "%", "pc") || f.is(n.end, "per") && f.is(n.end+1, "cent") {
		e := n.end + 1
		if f.is(n.end, "per") {
			e++
		}
		bs, b := f.boundBefore(i)
		f.territoryShare(bs, e, n, b)
		return
	}
	bs, b := f.boundBefore(i)

	// the counted noun phrase
	k := n.end
	if f.is(k, "of") {
		switch {
		case n.vague:
			k++
		case k+1 < len(f.t) && !n.vague:
			if m, ok := f.parseNumber(k + 1); ok && !m.vague {
				k = m.end // "two of eight corridors"
			} else if f.isAny(k+1, "the", "them", "those", "whom", "its", "their", "our", "his") {
				k += 2
			}
		}
	}
	mod, headEnd, subj, adjKind := f.nounPhrase(k, n)
	c := cand{bs: bs, bound: b}
	npEnd := n.end
	if subj != nil {
		npEnd = headEnd
		c.hasSubject = true
		c.class = subj.class
	}
	c.npEnd = npEnd
	spanStart, spanEnd := bs, npEnd

	// kind, strongest evidence first
	kind, src := "", srcNone
	if kt, s := f.kindBefore(bs, c.class); kt != nil {
		kind, src = kt.kind, srcTerm
		spanStart = s
	}
	if kind == "" {
		if kt, e := f.kindAfter(npEnd, c.class); kt != nil {
			kind, src, c.rightKind = kt.kind, srcTerm, true
			spanEnd = e
		} else if f.is(bs-1, "including") && f.isAny(npEnd, ",", "\u2014", ")") {
			// "..., including 1,524 children, had been killed"
			if kt, _ := f.kindAfter(npEnd+1, c.class); kt != nil {
				kind, src, c.rightKind = kt.kind, srcTerm, true
			}
		}
	}
	if kind == "" && subj != nil && subj.kind != "" {
		kind, src = subj.kind, srcTerm
	}
	if kind == "" && len(f.cands) > 0 {
		prev := &f.cands[len(f.cands)-1]
		if prev.src >= srcInherited && applicable(prev.kind, c.class) &&
			(f.includedIn(prev.npEnd, bs) || f.is(bs-1, "including") && f.t[prev.bs].sent == f.t[bs].sent) {
			kind, src = prev.kind, srcInherited
		}
		if kind == "" && prev.src >= srcInherited && f.coordinated(prev.npEnd, bs) && applicable(prev.kind, c.class) {
			kind, src = prev.kind, srcInherited
			if b == boundNone && !c.hasSubject && !prev.hasSubject {
				b = prev.bound
			}
		}
	}
	if kind == "" && subj != nil && (c.class == classPeople || c.class == classCombatant) {
		// "killed a senior commander and two of his guards": the second
		// object of the clause's verb
		if kt := f.sharedVerb(bs, c.class); kt != nil {
			kind, src = kt.kind, srcTerm
		}
	}
	if kind == "" && adjKind != "" {
		kind, src = adjKind, srcTerm
	}
	if kind == "" && (c.class == "" || c.class == classPeople) {
		if kt := f.toll(bs); kt != nil {
			kind, src = kt.kind, srcTerm
		}
	}
	if kind == "" && c.class == classPeople {
		if kt := f.sentenceCue(i); kt != nil {
			kind, src = kt.kind, srcTerm
		}
	}
	if c.class == classFacility {
		if kind != "" && src == srcTerm {
			kind = domain.KindOther
		} else {
			kind = ""
		}
	}
	if kind == "" {
		switch c.class {
		case classCombatant:
			// "3,000 troops were massing" is tracked; "two soldiers told
			// reporters" is narrative.
			if n.vague && n.low > 0 || n.hasValue && n.value >= 10 {
				kind, src = domain.KindOther, srcFallback
			}
		case classEquipment, classEvent, classCorridor:
			kind, src = domain.KindOther, srcFallback
		}
	}
	if kind == "" && subj == nil {
		return // nothing says what a bare number counts
	}
	c.kind, c.src = kind, src
	c.bound = b
	q := domain.Quantity{}
	q.Start, q.End = int(f.t[spanStart].start), int(f.t[spanEnd-1].end)
	q.Text = f.text[q.Start:q.End]
	if subj != nil {
		q.Subject = f.text[f.t[mod].start:f.t[headEnd-1].end]
	}
	setValue(&q, n, b)
	c.q = q
	f.cands = append(f.cands, c)
}

// glued reports whether the number tokens [i, end) touch letters or
// digits on either side, as in identifiers and codes.
func (f *finder) glued(i, end int) bool {
	if f.t[i].kind == kNum && f.joined(i) {
		p := f.t[i-1]
		if p.kind != kPunct || f.isDash(i-1) && i > 1 && f.joined(i-1) && f.t[i-2].kind != kPunct {
			return true
		}
	}
	if e := f.t[end-1]; e.kind == kNum && end < len(f.t) && f.joined(end) && f.t[end].kind != kPunct {
		return true
	}
	return false
}

// setValue fills value and bounds from the number and its bound words.
func setValue(q *domain.Quantity, n number, b bound) {
	switch {
	case n.vague:
		if n.low > 0 {
			q.Low = domain.Num(n.low)
		}
	case n.high > 0:
		q.Low, q.High = domain.Num(n.low), domain.Num(n.high)
	default:
		q.Value = domain.Num(n.value)
		switch b {
		case boundLow:
			q.Low = domain.Num(n.value)
		case boundHigh:
			q.High = domain.Num(n.value)
		}
	}
}

// boundBefore reads bound words before token i: "at least", "as many as",
// "about". It returns the first token of the phrase.
func (f *finder) boundBefore(i int) (int, bound) {
	for _, p := range boundPhrases {
		k := i - len(p.words)
		if k < 0 {
			continue
		}
		ok := true
		for j, w := range p.words {
			if f.w(k+j) != w {
				ok = false
				break
			}
		}
		if ok {
			return k, p.b
		}
	}
	return i, boundNone
}

// npStop are words that end a noun phrase before its head.
var npStop = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"from": true, "by": true, "with": true, "for": true, "were": true, "was": true, "had": true,
	"have": true, "has": true, "been": true, "be": true, "is": true, "are": true, "who": true,
	"which": true, "that": true, "as": true, "into": true, "during": true, "since": true,
	"after": true, "before": true, "including": true, "among": true, "across": true, "near": true,
	"inside": true, "under": true, "over": true, "per": true, "than": true, "while": true,
	"when": true, "where": true, "this": true, "these": true, "those": true, "their": true,
	"his": true, "her": true, "its": true, "our": true, "they": true, "them": true, "it": true,
	"he": true, "she": true, "we": true, "i": true, "you": true, "not": true, "but": true,
	"so": true, "if": true, "then": true, "there": true, "said": true, "says": true, "say": true,
	"according": true, "will": true, "would": true, "could": true, "may": true, "might": true,
	"can": true, "did": true, "do": true, "does": true, "out": true, "up": true, "down": true,
	"away": true, "off": true, "more": true, "less": true, "times": true, "each": true,
}

// nounPhrase finds the counted noun after token k: modifiers (capitalised
// names, adjectives, hyphenated compounds, "sick and injured") and a head
// from the subject lexicon. It returns the first modifier, the end of the
// head, the head's lexicon entry (nil when none) and a kind an adjective
// inside the phrase gives ("76 injured people").
func (f *finder) nounPhrase(k int, n number) (int, int, *subjectTerm, string) {
	adjKind := ""
	steps := 0
	compound := false
	for p := k; p < len(f.t) && steps < 8; p++ {
		t := f.t[p]
		afterDash := compound
		compound = false
		switch t.kind {
		case kNum:
			if afterDash {
				continue // "F-16 jets"
			}
			return k, k, nil, ""
		case kPunct:
			if f.isDash(p) && f.joined(p) && f.joined(p+1) {
				compound = true
				continue
			}
			if (f.low[t.start:t.end] == "'" || f.low[t.start:t.end] == "\u2019") && f.joined(p) && f.joined(p+1) {
				continue
			}
			return k, k, nil, ""
		}
		steps++
		if st, _ := f.subjectAt(p, k); st != nil {
			// extend over a following head: "personnel carriers"
			for p+1 < len(f.t) {
				if st2, s2 := f.subjectAt(p+1, k); st2 != nil && s2 <= p+1 && st2.kind == "" {
					if st.kind != "" && adjKind == "" {
						adjKind = st.kind // "76 injured people"
					}
					st, p = st2, p+1
					continue
				}
				break
			}
			// a territory or facility noun after the head makes the head a
			// modifier: "two rebel districts"
			if st.singular && (!n.hasValue || n.value != 1) {
				continue
			}
			if p+1 < len(f.t) && f.territory[f.w(p+1)] == "noun" && f.t[p+1].kind == kWord {
				return k, k, nil, ""
			}
			return k, p + 1, st, adjKind
		}
		if npStop[f.low[t.start:t.end]] && !afterDash && !f.acronym(p) {
			return k, k, nil, ""
		}
		if f.low[t.start:t.end] == "and" || f.low[t.start:t.end] == "or" {
			if p == k {
				return k, k, nil, "" // "killed 1 and wounded 45"
			}
			continue
		}
		if adjKind == "" {
			for _, kt := range f.lx.byFirst[f.low[t.start:t.end]] {
				if kt.side == sideAny && len(kt.words) == 1 {
					adjKind = kt.kind
					break
				}
			}
		}
	}
	return k, k, nil, ""
}

// subjectAt returns the subject term whose head is token p and whose
// words all lie at or after token min, with the term's first token.
func (f *finder) subjectAt(p, min int) (*subjectTerm, int) {
	for _, st := range f.lx.subjects[f.w(p)] {
		s := p - len(st.words) + 1
		if s < min {
			continue
		}
		ok := true
		for j, w := range st.words {
			if f.w(s+j) != w {
				ok = false
				break
			}
		}
		if ok {
			return st, s
		}
	}
	return nil, 0
}

// matchBack returns the kind term of one of the sides that ends at token
// p and fits class, with its first token.
func (f *finder) matchBack(p int, class string, sides ...string) (*kindTerm, int) {
	if p < 0 || p >= len(f.t) {
		return nil, 0
	}
	for _, kt := range f.lx.byLast[f.w(p)] {
		if !sideIn(kt.side, sides) || !fits(kt, class) {
			continue
		}
		s := p - len(kt.words) + 1
		if s < 0 {
			continue
		}
		ok := true
		for j, w := range kt.words {
			if f.w(s+j) != w {
				ok = false
				break
			}
		}
		if ok {
			return kt, s
		}
	}
	return nil, 0
}

// matchForward returns the kind term of one of the sides that starts at
// token p and fits class, with its end token (exclusive).
func (f *finder) matchForward(p int, class string, sides ...string) (*kindTerm, int) {
	if p < 0 || p >= len(f.t) {
		return nil, 0
	}
	for _, kt := range f.lx.byFirst[f.w(p)] {
		if !sideIn(kt.side, sides) || !fits(kt, class) {
			continue
		}
		e := p + len(kt.words)
		if e > len(f.t) {
			continue
		}
		ok := true
		for j, w := range kt.words {
			if f.w(p+j) != w {
				ok = false
				break
			}
		}
		if ok {
			return kt, e
		}
	}
	return nil, 0
}

func sideIn(s string, sides []string) bool {
	for _, x := range sides {
		if s == x {
			return true
		}
	}
	return false
}

// fits reports whether a kind term applies to a noun of this class.
func fits(kt *kindTerm, class string) bool {
	switch kt.applies {
	case applyEquipment:
		return class == classEquipment || class == classFacility
	case applyPeople:
		return class == "" || class == classPeople || class == classCombatant
	}
	return true
}

// objectStops end the backward search for a shared verb: clause
// boundaries and verbs of saying.
var objectStops = map[string]bool{"said": true, "says": true, "while": true, "when": true, "after": true,
	"as": true, "but": true, "who": true, "which": true, "that": true, "before": true, "and": false}

// sharedVerb reads the kind of a figure that is the later object of a
// verb: "killed a commander and two of his guards", "wounded a
// journalist, a medic and three children". The figure must follow "and"
// or a comma, and the verb must come within twenty words in the clause.
func (f *finder) sharedVerb(bs int, class string) *kindTerm {
	if !f.isAny(bs-1, "and", ",") {
		return nil
	}
	sent := f.t[bs].sent
	for p := bs - 2; p >= 0 && p >= bs-22 && f.t[p].sent == sent; p-- {
		t := f.t[p]
		if t.kind != kWord && !f.isAny(p, ",", "-") {
			return nil
		}
		if objectStops[f.w(p)] {
			return nil
		}
		if kt, _ := f.matchBack(p, class, sideBefore, sideAny); kt != nil {
			return kt
		}
	}
	return nil
}

// kindBefore reads a kind word just before the figure: "killing 17".
func (f *finder) kindBefore(bs int, class string) (*kindTerm, int) {
	return f.matchBack(bs-1, class, sideBefore, sideAny)
}

// afterSkip are the words allowed between a noun phrase and its predicate:
// auxiliaries, relative pronouns and reporting adverbs.
var afterSkip = map[string]bool{
	"were": true, "was": true, "had": true, "have": true, "has": true, "been": true, "being": true,
	"be": true, "are": true, "is": true, "who": true, "which": true, "that": true, "also": true,
	"all": true, "later": true, "since": true, "already": true, "now": true, "still": true,
	"reported": true, "believed": true, "feared": true, "said": true, "thought": true,
	"confirmed": true, "to": true, "either": true, "both": true, "then": true, "each": true,
	"got": true, "get": true, "getting": true, "allegedly": true, "reportedly": true,
	"subsequently": true, "eventually": true, "initially": true, "apparently": true, "will": true,
	"would": true, "could": true, "may": true, "might": true, "not": true, "yet": true,
	"just": true, "so": true, "far": true,
}

// kindAfter reads the predicate after the noun phrase: "18 civilians had
// been killed", "500 children needed to be evacuated".
func (f *finder) kindAfter(p int, class string) (*kindTerm, int) {
	p = f.skipApposition(p)
	for steps := 0; p < len(f.t) && steps < 7; steps++ {
		if kt, e := f.matchForward(p, class, sideAfter, sideAny); kt != nil {
			return kt, e
		}
		t := f.t[p]
		if t.kind != kWord {
			return nil, 0
		}
		if !afterSkip[f.low[t.start:t.end]] && !(len(f.low[t.start:t.end]) > 4 && strings.HasSuffix(f.low[t.start:t.end], "ly")) {
			return nil, 0
		}
		p++
	}
	return nil, 0
}

// skipApposition: an aside may come between a figure and its predicate:
// "3,785 people, including 1,524 children, had been killed".
// skipApposition returns the token after an aside that starts at p with a
// comma, or p when there is none.
func (f *finder) skipApposition(p int) int {
	if p+1 >= len(f.t) {
		return p
	}
	closer := f.w(p)
	switch {
	case closer == "(":
		closer = ")"
	case f.isAny(p, "\u2014", "\u2013") || f.isDash(p) && f.t[p].space:
		// a dashed aside: "1.5 million people \u2013 two-thirds of them \u2013 have fled"
	case closer == "," && (f.isAny(p+1, "including", "among", "most", "mostly", "many", "some", "half", "all", "mainly", "aged", "both") || f.t[p+1].kind == kNum):
	default:
		return p
	}
	sent := f.t[p].sent
	for k := p + 2; k < len(f.t) && k <= p+14 && f.t[k].sent == sent; k++ {
		// the closing comma is not one inside a list ("aged 21, 23 and 25")
		if f.w(k) == closer && (closer != "," || k+1 < len(f.t) && f.t[k+1].kind == kWord && !f.isAny(k+1, "and", "or")) {
			return k + 1
		}
	}
	return p
}

// tollLinks join a toll noun to its figure: "put the toll at 300,000".
var tollLinks = map[string]bool{
	"at": true, "to": true, "of": true, "reached": true, "passed": true, "exceeded": true,
	"topped": true, "hit": true, "surpassed": true, "is": true, "was": true, "stood": true,
	"stands": true, "reaching": true, "now": true, "past": true,
}

// toll finds a toll noun a few words before the figure, in its sentence.
func (f *finder) toll(bs int) *kindTerm {
	if bs == 0 || !tollLinks[f.w(bs-1)] {
		return nil
	}
	sent := f.t[bs].sent
	for p := bs - 1; p >= 0 && p >= bs-16 && f.t[p].sent == sent; p-- {
		if f.t[p].kind == kNum {
			return nil
		}
		if kt, _ := f.matchBack(p, "", sideToll); kt != nil {
			return kt
		}
	}
	return nil
}

// sentenceCue finds a sentence-wide cue ("corridors") for a count of
// civilians that has no nearer kind word.
func (f *finder) sentenceCue(i int) *kindTerm {
	sent := f.t[i].sent
	lo := i
	for lo > 0 && f.t[lo-1].sent == sent {
		lo--
	}
	for p := lo; p < len(f.t) && f.t[p].sent == sent; p++ {
		if kt, _ := f.matchForward(p, classPeople, sideSentence); kt != nil {
			return kt
		}
	}
	return nil
}

// fraction reads a share of territory in words at token i: "half of the
// district", "two-thirds of the city".
func (f *finder) fraction(i int) bool {
	var v float64
	s := i
	e := i + 1
	switch f.w(i) {
	case "half":
		v = 50
		if f.isAny(i-1, "a", "one") {
			s = i - 1
		}
	case "third":
		switch {
		case f.isAny(i-1, "a", "one"):
			v, s = 33.3, i-1
		case f.isDash(i-1) && f.is(i-2, "one"):
			v, s = 33.3, i-2
		default:
			return false
		}
	case "thirds":
		if !f.isAny(i-1, "two") && !(f.isDash(i-1) && f.is(i-2, "two")) {
			return false
		}
		v, s = 66.7, i-1
		if f.isDash(i - 1) {
			s = i - 2
		}
	case "quarter":
		if !f.isAny(i-1, "a", "one") {
			return false
		}
		v, s = 25, i-1
	case "quarters":
		if !f.isAny(i-1, "three") && !(f.isDash(i-1) && f.is(i-2, "three")) {
			return false
		}
		v, s = 75, i-1
		if f.isDash(i - 1) {
			s = i - 2
		}
	default:
		return false
	}
	if !f.is(e, "of") {
		return false
	}
	bs, b := f.boundBefore(s)
	return f.territoryShare(bs, e, number{start: s, end: e, value: v, hasValue: true}, b)
}

// territoryShare records a share ("85 per cent", "half") whose words end
// at token e when it is a share of territory: "of" and a place follow, or
// a word of control precedes.
func (f *finder) territoryShare(bs, e int, n number, b bound) bool {
	if !f.is(e, "of") {
		return false
	}
	control := false
	for p := bs - 1; p >= 0 && p >= bs-4; p-- {
		if f.territory[f.w(p)] == "verb" {
			control = true
			break
		}
		if f.t[p].kind == kPunct {
			break
		}
	}
	// the place: up to five words after "of"
	end := -1
	for p := e + 1; p < len(f.t) && p <= e+6; p++ {
		t := f.t[p]
		if t.kind == kPunct {
			if f.isDash(p) && f.joined(p) || (f.low[t.start:t.end] == "'" || f.low[t.start:t.end] == "\u2019") && f.joined(p) {
				continue
			}
			break
		}
		if t.kind == kNum {
			break
		}
		if f.territory[f.low[t.start:t.end]] == "noun" {
			end = p + 1
			// a name after a part: "west Mosul"
			for end < len(f.t) && f.t[end].kind == kWord && f.t[end].upper && f.t[end].space {
				end++
			}
			break
		}
		if st, _ := f.subjectAt(p, e+1); st != nil {
			break // a share of people, not of land
		}
		if t.upper {
			end = p + 1
			// a multi-word name: "Deir ez-Zor"
			for end < len(f.t) && f.t[end].kind == kWord && f.t[end].upper && f.t[end].space {
				end++
			}
			// "of Gaza's population" is a share of people; "of Syria's
			// territory" a share of land
			if f.isAny(end, "'", "\u2019") && f.is(end+1, "s") {
				if f.territory[f.tokS(end+2)] != "noun" {
					return false
				}
				end += 3
			}
			break
		}
		if npStop[f.low[t.start:t.end]] && f.low[t.start:t.end] != "the" && f.low[t.start:t.end] != "its" && f.low[t.start:t.end] != "their" && f.low[t.start:t.end] != "this" {
			break
		}
	}
	if end < 0 && !control {
		return false
	}
	if end < 0 {
		if e+1 >= len(f.t) {
			return false
		}
		end = e + 2
	}
	q := domain.Quantity{Subject: f.text[f.t[e+1].start:f.t[end-1].end]}
	q.Start, q.End = int(f.t[bs].start), int(f.t[end-1].end)
	q.Text = f.text[q.Start:q.End]
	setValue(&q, n, b)
	f.cands = append(f.cands, cand{q: q, kind: domain.KindTerritoryPercent, src: srcTerm, bs: bs, npEnd: end, bound: b})
	return true
}

// monthNames mark a number next to them as part of a date.
var monthNames = map[string]struct{}{
	"january": {}, "february": {}, "march": {}, "april": {}, "may": {}, "june": {}, "july": {},
	"august": {}, "september": {}, "october": {}, "november": {}, "december": {}, "jan": {},
	"feb": {}, "mar": {}, "apr": {}, "jun": {}, "jul": {}, "aug": {}, "sep": {}, "sept": {},
	"oct": {}, "nov": {}, "dec": {},
}
