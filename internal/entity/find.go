package entity

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

// Gap classes between two tokens of the original text.
const (
	gapSoft  uint8 = iota // space, hyphen, apostrophe, slash
	gapComma              // a comma
	gapHard               // sentence punctuation, quotes, brackets, line breaks
)

type token struct {
	fs, fe    int32 // folded offsets
	os, oe    int32 // original offsets
	tc        textCase
	gap       uint8 // gap before this token
	hyphen    bool  // the gap before is a hyphen ("al-Maadi")
	sentStart bool
}

// Readings of a matched phrase, after resolution.
const (
	rNone uint8 = iota
	rEntity
	rDemonym
	rRole
	rTemplate
	rLabel
)

// maxReadings bounds the readings kept for one phrase (a gazetteer name
// keeps at most six towns).
const maxReadings = 12

type match struct {
	i, j int // token range [i, j)
	// all are the dictionary readings of the phrase (shared, read-only);
	// order lists those whose case rules the text meets, capitals first.
	all    []cand
	order  [maxReadings]uint8
	nOrder uint8
	// resolution
	reading uint8
	ent     int32
	country string // demonym country
	c       *cand
	out     int // index into doc.out, -1 if none
}

type document struct {
	text      string
	folded    string
	toks      []token
	matches   []match
	covered   []bool
	published time.Time
	ctx       string // context country (canonical name)
	ctxCode   string
	// armedCtx is the country whose forces "the army", "government
	// forces" are: the context country if the text names its forces at
	// all, else the country whose forces it names most (Israel in a report
	// on Gaza).
	armedCtx string
	out      []domain.Entity
	surnames map[string]string // folded surname -> canonical, for unknown persons
}

// scan tokenises the folded text and finds the dictionary phrases,
// leftmost-longest, honouring case rules and not crossing punctuation.
func (r *Recognizer) scan(text string) *document {
	folded, st, en := kb.FoldMap(text)
	doc := &document{text: text, folded: folded}
	toks := make([]token, 0, len(folded)/5+1)
	prevEnd := int32(0)
	for i := 0; i < len(folded); {
		j := strings.IndexByte(folded[i:], ' ')
		if j < 0 {
			j = len(folded)
		} else {
			j += i
		}
		t := token{fs: int32(i), fe: int32(j), os: st[i], oe: en[j-1]}
		t.tc = caseOf(text[t.os:t.oe])
		var prev *token
		if len(toks) > 0 {
			prev = &toks[len(toks)-1]
		}
		t.gap, t.sentStart = gapBetween(text, prevEnd, t.os, prev, text[t.os:t.oe])
		if prev == nil {
			t.sentStart = true
		}
		t.hyphen = strings.ContainsAny(text[prevEnd:t.os], "-‐")
		toks = append(toks, t)
		prevEnd = t.oe
		i = j + 1
	}
	doc.toks = toks
	doc.covered = make([]bool, len(toks))
	doc.matches = make([]match, 0, len(toks)/4+4)
	doc.out = make([]domain.Entity, 0, len(toks)/6+4)
	var ends [16]int // phrase lengths with an entry, for the current start
	for i := 0; i < len(toks); {
		// Extend the phrase while some entry can continue it.
		n := 0
		if !r.d.mayStart(folded[toks[i].fs:toks[i].fe]) {
			i++
			continue
		}
		for l := 1; i+l <= len(toks) && n < len(ends); l++ {
			if l > 1 && toks[i+l-1].gap != gapSoft {
				break
			}
			f := r.d.flags[folded[toks[i].fs:toks[i+l-1].fe]]
			if f&isEntry != 0 {
				ends[n] = l
				n++
			}
			if f&isPrefix == 0 {
				break
			}
		}
		matched := false
		for k := n - 1; k >= 0; k-- {
			l := ends[k]
			cs := r.d.entries[folded[toks[i].fs:toks[i+l-1].fe]]
			var order [maxReadings]uint8
			var nOrder uint8
			for pass := 0; pass < 2; pass++ {
				// Readings spelled in capitals first: "SANA" in capitals
				// is the news agency, not the Yemeni capital.
				for ci := range cs {
					if ci < 256 && hasAcronym(cs[ci].cases) == (pass == 0) && r.accept(&cs[ci], toks[i:i+l]) && r.standsAlone(doc, &cs[ci], i, l) {
						if nOrder < maxReadings {
							order[nOrder] = uint8(ci)
							nOrder++
						}
					}
				}
			}
			if nOrder == 0 {
				continue
			}
			doc.matches = append(doc.matches, match{i: i, j: i + l, all: cs, order: order, nOrder: nOrder, out: -1})
			i += l
			matched = true
			break
		}
		if !matched {
			i++
		}
	}
	return doc
}

// standsAlone rejects a one-word name of a person right after another
// capitalised word: it belongs to a longer name ("Nkweta-Salami",
// "Mohammed Assad"), not to the person the KB knows by it.
func (r *Recognizer) standsAlone(doc *document, c *cand, i, l int) bool {
	if l != 1 || i == 0 || c.kind != kEntity || doc.toks[i].gap != gapSoft {
		return true
	}
	if in := &r.infos[c.ent]; !in.person && !in.gazetteer {
		return true
	}
	prev := &doc.toks[i-1]
	w := doc.folded[prev.fs:prev.fe]
	// "pro-Assad", "anti-Putin" qualify something else.
	if (w == "pro" || w == "anti") && doc.toks[i].hyphen {
		return false
	}
	return !prev.tc.upperFirst || prev.sentStart && r.nonName[w] || r.nonName[w] || r.roleWord[w]
}

// blocked reports whether punctuation stands inside the token range.
func blocked(toks []token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if toks[k].gap != gapSoft {
			return true
		}
	}
	return false
}

func (r *Recognizer) accept(c *cand, toks []token) bool {
	for t := range toks {
		if t < len(c.cases) && !caseOK(c.cases[t], toks[t].tc) {
			return false
		}
	}
	if c.notPlace && toks[0].sentStart {
		return false
	}
	return true
}

// gapBetween classifies the text between two tokens and says whether the
// second starts a sentence.
func gapBetween(text string, from, to int32, prev *token, cur string) (uint8, bool) {
	gap := text[from:to]
	if gap == " " || gap == "-" {
		return gapSoft, false
	}
	g := gapSoft
	sent := false
	for i := 0; i < len(gap); {
		r, n := utf8.DecodeRuneInString(gap[i:])
		i += n
		switch r {
		case ',':
			if g < gapComma {
				g = gapComma
			}
		case '.':
			if prev != nil && abbreviation(text[prev.os:prev.oe]) {
				continue
			}
			g, sent = gapHard, true
		case '!', '?', '\n':
			g, sent = gapHard, true
		case ';', ':', '(', ')', '[', ']', '"', '“', '”', '«', '»', '|', '•', '—', '–':
			// A dash between words is a hyphen only without spaces around it.
			if (r == '—' || r == '–') && len(gap) == n {
				continue
			}
			g = gapHard
		}
	}
	return g, sent
}

// abbreviation reports whether a dot after word s is part of the word
// (U.S., Mr., Gen.) rather than a full stop.
func abbreviation(s string) bool {
	if utf8.RuneCountInString(s) == 1 {
		return true
	}
	switch strings.ToLower(s) {
	case "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "brig", "capt", "sgt", "adm", "st", "sen", "rep", "gov", "prof", "no", "jr", "sr", "vs", "govt":
		return true
	}
	return false
}

// resolve picks a reading for every matched phrase: the context country
// first (it decides "the army" and "rebels"), then names, then the
// phrases that lean on their neighbours (roles, labels).
func (r *Recognizer) resolve(doc *document) {
	r.contextCountry(doc)
	seen := map[int32]bool{}
	for mi := range doc.matches {
		m := &doc.matches[mi]
		for oi, ci := range m.order[:m.nOrder] {
			c := &m.all[ci]
			switch c.kind {
			case kEntity:
				if c.short && !seen[c.ent] {
					continue
				}
				m.reading, m.ent, m.c = rEntity, r.pickPlace(doc, m, oi), c
				if !c.short {
					seen[m.ent] = true
				}
			case kDemonym:
				m.reading, m.country, m.c = rDemonym, c.country, c
			case kRole:
				m.reading, m.c = rRole, c
			case kTemplate:
				if doc.ctx == "" {
					continue
				}
				country := doc.ctx
				if r.templates[c.tmpl].Type == domain.ArmedGroup {
					country = doc.armedCtx
				}
				_, id := r.templates[c.tmpl].Expand(country)
				e, ok := r.byID[id]
				if !ok {
					continue
				}
				m.reading, m.ent, m.c = rTemplate, e, c
			case kLabel:
				m.reading, m.c = rLabel, c
			}
			if m.reading != rNone {
				break
			}
		}
	}
	for mi := range doc.matches {
		m := &doc.matches[mi]
		switch m.reading {
		case rEntity, rTemplate:
			if r.joinPlace(doc, mi) {
				continue
			}
			m.out = doc.emit(r, m.i, m.j, m.ent, "")
			for t := m.i; t < m.j; t++ {
				doc.covered[t] = true
			}
			r.possessiveCountry(doc, m)
		case rDemonym:
			for t := m.i; t < m.j; t++ {
				doc.covered[t] = true
			}
		}
	}
	for mi := range doc.matches {
		m := &doc.matches[mi]
		switch m.reading {
		case rRole:
			r.resolveRole(doc, mi)
		case rLabel:
			r.resolveLabel(doc, mi)
		}
	}
}

// joinPlace reads "Dara'a al-Balad" as one place: a place name joined by
// a particle to the place before it extends that mention.
func (r *Recognizer) joinPlace(doc *document, mi int) bool {
	m := &doc.matches[mi]
	if mi == 0 || m.i < 2 || r.infos[m.ent].typ != domain.Place {
		return false
	}
	p := &doc.matches[mi-1]
	w := doc.folded[doc.toks[m.i-1].fs:doc.toks[m.i-1].fe]
	if p.j != m.i-1 || p.out < 0 || doc.out[p.out].Type != domain.Place || !isParticleWord(r, w) ||
		doc.toks[m.i-1].gap != gapSoft || doc.toks[m.i].gap != gapSoft {
		return false
	}
	e := &doc.out[p.out]
	e.End = int(doc.toks[m.j-1].oe)
	e.Text = doc.text[e.Start:e.End]
	e.Canonical, e.KBID = e.Text, nil
	for t := m.i - 1; t < m.j; t++ {
		doc.covered[t] = true
	}
	m.out = p.out
	return true
}

// pickPlace chooses among same-named places the one in the context
// country, else the best ranked.
func (r *Recognizer) pickPlace(doc *document, m *match, oi int) int32 {
	first := m.all[m.order[oi]].ent
	if r.infos[first].typ != domain.Place || doc.ctxCode == "" || r.infos[first].code == doc.ctxCode {
		return first
	}
	for _, ci := range m.order[oi+1 : m.nOrder] {
		c := &m.all[ci]
		if c.kind == kEntity && !c.short && r.infos[c.ent].typ == domain.Place && r.infos[c.ent].code == doc.ctxCode {
			return c.ent
		}
	}
	return first
}

// contextCountry is the country the article is mostly about: the one its
// places and nationality adjectives point at most, conflict countries
// weighing more.
func (r *Recognizer) contextCountry(doc *document) {
	score := map[string]float64{}
	armed := map[string]int{}
	first := map[string]int{}
	for mi, m := range doc.matches {
		var country string
		c := m.all[m.order[0]]
		switch c.kind {
		case kDemonym:
			country = c.country
		case kEntity:
			in := r.infos[c.ent]
			if in.typ == domain.Place || (in.side == "state" && in.typ == domain.ArmedGroup) {
				country = in.country
			}
			if in.side == "state" && in.typ == domain.ArmedGroup && in.country != "" {
				armed[in.country]++
			}
		}
		if country == "" {
			continue
		}
		// Towns and districts say where things happen; country names
		// less, capitals and nationality adjectives least (they stand
		// for governments: "Moscow said", "Turkish leaders").
		w := 1.0
		switch in := r.infos[c.ent]; {
		case c.kind == kDemonym, in.typ != domain.Place:
			w = 0.5
		case in.isCountry:
			w = 1
		case r.capital[c.ent]:
			w = 0.5
		default:
			w = 2
		}
		if conflictCountries[r.codeOf[country]] {
			w *= 1.5
		}
		score[country] += w
		if _, ok := first[country]; !ok {
			first[country] = mi
		}
	}
	best := ""
	for c, s := range score {
		if best == "" || s > score[best] || (s == score[best] && first[c] < first[best]) {
			best = c
		}
	}
	doc.ctx, doc.ctxCode, doc.armedCtx = best, r.codeOf[best], best
	if armed[best] == 0 {
		for c, n := range armed {
			if n > armed[doc.armedCtx] || (n == armed[doc.armedCtx] && c < doc.armedCtx) {
				doc.armedCtx = c
			}
		}
	}
}

// possessiveCountry reports the country of "Syria's Foreign Ministry" as a
// place mention of its own.
func (r *Recognizer) possessiveCountry(doc *document, m *match) {
	for k := m.i + 1; k < m.j; k++ {
		if doc.folded[doc.toks[k].fs:doc.toks[k].fe] != "s" {
			continue
		}
		for _, c := range r.d.entries[doc.folded[doc.toks[m.i].fs:doc.toks[k-1].fe]] {
			if c.kind == kEntity && r.infos[c.ent].isCountry {
				doc.emit(r, m.i, k, c.ent, "")
				return
			}
		}
		return
	}
}

// adjacent reports whether tokens a (end of one phrase) and b (start of
// the next) touch with only soft punctuation between.
func (doc *document) adjacent(end, start int) bool {
	return end == start && start < len(doc.toks) && doc.toks[start].gap == gapSoft
}

// resolveRole reads "the Russian president", "Kremlin spokesman": a role
// with a country or organisation before it names the office holder at
// the article's date. A role right before a name is a title and adds
// nothing.
func (r *Recognizer) resolveRole(doc *document, mi int) {
	m := &doc.matches[mi]
	for t := m.i; t < m.j; t++ {
		doc.covered[t] = true
	}
	if mi+1 < len(doc.matches) {
		n := &doc.matches[mi+1]
		if n.i == m.j && n.i < len(doc.toks) && doc.toks[n.i].gap <= gapComma && n.reading == rEntity && r.infos[n.ent].person {
			return
		}
	}
	if m.j < len(doc.toks) && doc.toks[m.j].gap == gapSoft && doc.toks[m.j].tc.upperFirst && !doc.covered[m.j] {
		return // title of a name the KB does not know; see unknownNames
	}
	if len(m.c.roles) == 0 {
		return
	}
	// The country or body the role belongs to: right before it ("Russian
	// president", "Syria's president", "Kremlin spokesman") or after "of"
	// ("President of Russia", "Secretary-General of the United Nations").
	var p *match
	start, end := m.i, m.j
	if mi > 0 {
		q := &doc.matches[mi-1]
		switch {
		case doc.adjacent(q.j, m.i):
			p, start = q, q.i
		case q.j == m.i-1 && doc.folded[doc.toks[q.j].fs:doc.toks[q.j].fe] == "s" && doc.toks[q.j].gap == gapSoft && doc.toks[m.i].gap == gapSoft:
			p, start = q, q.i
		}
	}
	if p == nil && mi+1 < len(doc.matches) {
		q := &doc.matches[mi+1]
		k := m.j
		if k < len(doc.toks) && doc.toks[k].gap == gapSoft && doc.folded[doc.toks[k].fs:doc.toks[k].fe] == "of" {
			k++
			if k < len(doc.toks) && doc.folded[doc.toks[k].fs:doc.toks[k].fe] == "the" && doc.toks[k].gap == gapSoft {
				k++
			}
			// The body must end the phrase: "head of the SDF said", not
			// "head of the SDF media office".
			if q.i == k && doc.toks[k].gap == gapSoft && q.reading != rNone && r.phraseEnds(doc, q.j) {
				p, end = q, q.j
			}
		}
	}
	if p == nil {
		return
	}
	var of string
	switch p.reading {
	case rDemonym:
		of = p.country
	case rEntity, rTemplate:
		of = r.infos[p.ent].canonical
	default:
		return
	}
	for _, role := range m.c.roles {
		a, ok := r.k.Holder(role, of, doc.published)
		if !ok {
			continue
		}
		e, ok := r.byID[a.ID]
		if !ok {
			return
		}
		if start > 0 && doc.folded[doc.toks[start-1].fs:doc.toks[start-1].fe] == "the" && doc.toks[start].gap == gapSoft {
			start--
		}
		doc.emit(r, start, end, e, "")
		return
	}
}

// phraseEnds reports whether a noun phrase ends before token k: at
// punctuation, or before a verb or function word.
func (r *Recognizer) phraseEnds(doc *document, k int) bool {
	if k >= len(doc.toks) || doc.toks[k].gap != gapSoft {
		return true
	}
	w := doc.folded[doc.toks[k].fs:doc.toks[k].fe]
	return r.speech[w] || r.prep[w] || r.phraseEnd[w]
}

// resolveLabel reads a generic label: after a named group it only labels
// that group ("Ahrar al-Sham terrorists"); otherwise it names the group
// the label stands for in the context country (or the country of a
// nationality adjective before it).
func (r *Recognizer) resolveLabel(doc *document, mi int) {
	m := &doc.matches[mi]
	label := doc.text[doc.toks[m.i].os:doc.toks[m.j-1].oe]
	country := doc.ctx
	if mi > 0 {
		p := &doc.matches[mi-1]
		if doc.adjacent(p.j, m.i) {
			switch {
			case (p.reading == rEntity || p.reading == rTemplate) && r.infos[p.ent].typ == domain.ArmedGroup && p.out >= 0:
				doc.out[p.out].Label = label
				for t := m.i; t < m.j; t++ {
					doc.covered[t] = true
				}
				return
			case p.reading == rDemonym:
				country = p.country
			}
		}
	}
	// "terrorists of Hayat Tahrir al-Sham", "jihadists from IS" label the
	// group named after.
	if mi+1 < len(doc.matches) {
		n := &doc.matches[mi+1]
		k := m.j
		if w := doc.folded[doc.toks[min(k, len(doc.toks)-1)].fs:doc.toks[min(k, len(doc.toks)-1)].fe]; k < len(doc.toks) && (w == "of" || w == "from") {
			k++
			if k < len(doc.toks) && doc.folded[doc.toks[k].fs:doc.toks[k].fe] == "the" {
				k++
			}
			if n.i == k && n.reading == rEntity && r.infos[n.ent].typ == domain.ArmedGroup && !blocked(doc.toks, m.j-1, k+1) {
				if n.out >= 0 {
					doc.out[n.out].Label = label
				}
				for t := m.i; t < m.j; t++ {
					doc.covered[t] = true
				}
				return
			}
		}
	}
	e, ok := r.generic[m.c.label+"|"+country]
	if !ok && m.c.label == "jihadist" {
		// "the jihadists" with no group of their own in this country:
		// the jihadist group the article names most.
		e, ok = r.mostNamed(doc, "jihadist")
	}
	if !ok {
		return
	}
	for t := m.i; t < m.j; t++ {
		doc.covered[t] = true
	}
	doc.emit(r, m.i, m.j, e, label)
}

// mostNamed returns the armed group of a side the article has named most
// so far (first named on a tie).
func (r *Recognizer) mostNamed(doc *document, side string) (int32, bool) {
	count := map[int32]int{}
	best, bestN := int32(-1), 0
	for _, m := range doc.matches {
		if m.reading != rEntity || r.infos[m.ent].side != side || m.out < 0 {
			continue
		}
		count[m.ent]++
		if count[m.ent] > bestN {
			best, bestN = m.ent, count[m.ent]
		}
	}
	return best, best >= 0
}

// emit appends an entity for tokens [i, j) and returns its index.
func (doc *document) emit(r *Recognizer, i, j int, e int32, label string) int {
	in := &r.infos[e]
	ent := domain.Entity{
		Span:      domain.Span{Text: doc.text[doc.toks[i].os:doc.toks[j-1].oe], Start: int(doc.toks[i].os), End: int(doc.toks[j-1].oe)},
		Type:      in.typ,
		Canonical: in.canonical,
		Label:     label,
		Side:      in.side,
		Country:   in.country,
		Admin1:    in.admin1,
	}
	if in.kbid != "" {
		ent.KBID = domain.Str(in.kbid)
	}
	if label == "" && in.typ == domain.ArmedGroup {
		for t := i; t < j; t++ {
			if r.frame[doc.folded[doc.toks[t].fs:doc.toks[t].fe]] {
				ent.Label = ent.Text
				break
			}
		}
	}
	if in.hasCoord {
		ent.Latitude, ent.Longitude = domain.Num(in.lat), domain.Num(in.lon)
	}
	doc.out = append(doc.out, ent)
	return len(doc.out) - 1
}

// emitUnknown appends a name the KB does not know.
func (doc *document) emitUnknown(i, j int, typ string, p *kb.Place, country string) {
	name := doc.text[doc.toks[i].os:doc.toks[j-1].oe]
	ent := domain.Entity{
		Span:      domain.Span{Text: name, Start: int(doc.toks[i].os), End: int(doc.toks[j-1].oe)},
		Type:      typ,
		Canonical: name,
		Country:   country,
	}
	if p != nil {
		ent.Canonical, ent.KBID, ent.Country, ent.Admin1 = p.Name, domain.Str(p.ID), p.Country, p.Admin1
		if p.HasCoord {
			ent.Latitude, ent.Longitude = domain.Num(p.Lat), domain.Num(p.Lon)
		}
	}
	doc.out = append(doc.out, ent)
	for t := i; t < j; t++ {
		doc.covered[t] = true
	}
}

// output sorts the mentions by position; a span found twice is kept once.
func (doc *document) output() []domain.Entity {
	slices.SortStableFunc(doc.out, func(a, b domain.Entity) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	out := doc.out[:0]
	for i, e := range doc.out {
		if i > 0 && e.Start == doc.out[i-1].Start && e.End == doc.out[i-1].End {
			continue
		}
		out = append(out, e)
	}
	return out
}

// unknownNames finds capitalised names the dictionary did not cover and
// types them by their context: a title before ("President X"), a speech
// verb after ("X said"), a place word around ("X district", "town of X",
// "in X" for a gazetteer town).
func (r *Recognizer) unknownNames(doc *document) {
	r.namedBodies(doc)
	toks := doc.toks
	isCap := func(t int) bool {
		return !doc.covered[t] && toks[t].tc.upperFirst && unicode.IsLetter(firstRune(doc.text[toks[t].os:toks[t].oe]))
	}
	word := func(t int) string { return doc.folded[toks[t].fs:toks[t].fe] }
	// A particle joins a name when a capitalised word follows: al, bin,
	// de anywhere, as/at/an only hyphenated ("as-Sham").
	particle := func(t int) bool {
		if t+1 >= len(toks) || !isCap(t+1) || toks[t+1].gap != gapSoft || doc.covered[t] {
			return false
		}
		w := word(t)
		return r.particle[w] || r.hparticle[w] && toks[t+1].hyphen
	}
	for i := 0; i < len(toks); {
		if !isCap(i) && !particle(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].gap == gapSoft && !doc.covered[j] {
			if isCap(j) {
				j++
				continue
			}
			if particle(j) {
				j += 2
				continue
			}
			break
		}
		start, end := i, j
		i = j
		// Trim function words and particles at the edges.
		for start < end && (r.nonName[word(start)] || isParticleWord(r, word(start)) && start+1 < end && r.nonName[word(start+1)]) {
			start++
		}
		for end > start && isParticleWord(r, word(end-1)) {
			end--
		}
		if start >= end {
			continue
		}
		r.classify(doc, start, end)
	}
}

// namedBodies finds organisation and unit names that end in a word like
// Institute, Council, Post or Brigade and may contain known names:
// "Carnegie Middle East Center", "Aleppo Medical Council", "Kyiv Post".
// The whole name replaces the mentions found inside it.
func (r *Recognizer) namedBodies(doc *document) {
	toks := doc.toks
	word := func(t int) string { return doc.folded[toks[t].fs:toks[t].fe] }
	capital := func(t int) bool {
		return toks[t].tc.upperFirst && unicode.IsLetter(firstRune(doc.text[toks[t].os:toks[t].oe]))
	}
	for t := 1; t < len(toks); t++ {
		w := word(t)
		typ := ""
		switch {
		case doc.covered[t] || !capital(t):
			continue
		case r.orgHead[w]:
			typ = domain.Organization
		case r.groupHead[w]:
			typ = domain.ArmedGroup
		default:
			continue
		}
		start := t
		for start > 0 && toks[start].gap == gapSoft {
			p := start - 1
			if capital(p) && word(p) != "s" {
				start = p
				continue
			}
			// "Syria Justice and Accountability Centre", "Institute for Peace".
			if (word(p) == "and" || word(p) == "for" || word(p) == "of") && p > 0 && toks[p].gap == gapSoft && capital(p-1) {
				start = p - 1
				continue
			}
			break
		}
		for start < t && (r.nonName[word(start)] && !doc.covered[start] || word(start) == "and" || word(start) == "for" || word(start) == "of") {
			start++
		}
		if start >= t {
			continue
		}
		// "Carnegie Endowment for International Peace": the name may go on
		// after the head word.
		for t+1 < len(toks) && toks[t+1].gap == gapSoft && !doc.covered[t+1] {
			if capital(t + 1) {
				t++
				continue
			}
			if w := word(t + 1); (w == "of" || w == "for" || w == "and") && t+2 < len(toks) && toks[t+2].gap == gapSoft && capital(t+2) && !doc.covered[t+2] {
				t += 2
				continue
			}
			break
		}
		lo, hi := int(toks[start].os), int(toks[t].oe)
		kept := doc.out[:0]
		for _, e := range doc.out {
			if e.Start >= lo && e.End <= hi {
				continue
			}
			kept = append(kept, e)
		}
		doc.out = kept
		for mi := range doc.matches {
			if m := &doc.matches[mi]; m.i >= start && m.j <= t+1 {
				m.out = -1
			}
		}
		doc.emitUnknown(start, t+1, typ, nil, "")
	}
}

func isNumber(w string) bool {
	if w == "" || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func isParticleWord(r *Recognizer, w string) bool { return r.particle[w] || r.hparticle[w] }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func (r *Recognizer) classify(doc *document, start, end int) {
	toks := doc.toks
	word := func(t int) string { return doc.folded[toks[t].fs:toks[t].fe] }
	n := end - start
	// "Capital Economics", "Sultan Murad Division": the last word types
	// the name.
	if n >= 2 && r.orgHead[word(end-1)] {
		doc.emitUnknown(start, end, domain.Organization, nil, "")
		return
	}
	if n >= 2 && r.groupHead[word(end-1)] {
		doc.emitUnknown(start, end, domain.ArmedGroup, nil, "")
		return
	}
	// A place word inside or right after the name.
	if n >= 2 && r.placeHead[word(end-1)] && !r.nonName[word(start)] {
		r.emitPlace(doc, start, end, start, end-1)
		return
	}
	if end < len(toks) && toks[end].gap == gapSoft && (r.placeHead[word(end)] || end+1 < len(toks) && r.placeHead[word(end)+" "+word(end+1)]) {
		if !r.roleWord[word(end-1)] {
			r.emitPlace(doc, start, end, start, end)
			return
		}
	}
	// "town of X", "the outskirts of X".
	if start >= 2 && toks[start].gap == gapSoft && toks[start-1].gap == gapSoft && word(start-1) == "of" {
		if r.placeOf[word(start-2)+" of"] || start >= 3 && r.placeOf[word(start-3)+" "+word(start-2)+" of"] {
			r.emitPlace(doc, start, end, start, end)
			return
		}
	}
	// A title right before: "President X", "spokesman X".
	if start > 0 && toks[start].gap == gapSoft && doc.covered[start-1] {
		for _, m := range doc.matches {
			if m.j == start && m.reading == rRole {
				r.emitPerson(doc, start, end)
				return
			}
		}
	}
	if end < len(toks) && toks[end].gap <= gapComma && r.speech[word(end)] && (n >= 2 || doc.surnames[word(start)] != "") {
		r.emitPerson(doc, start, end)
		return
	}
	if start > 0 && toks[start].gap == gapSoft && r.speech[word(start-1)] && n >= 2 {
		r.emitPerson(doc, start, end)
		return
	}
	// "Al Jazeera's Hoda Abdel-Hamid", "Russia's Vladimir Putin".
	if n >= 2 && start >= 2 && word(start-1) == "s" && doc.covered[start-2] && toks[start].gap == gapSoft &&
		!r.placeHead[word(end-1)] && !r.nonName[word(start)] {
		r.emitPerson(doc, start, end)
		return
	}
	if n == 1 && doc.surnames[word(start)] != "" {
		r.emitPerson(doc, start, end)
		return
	}
	// "X, head of ...": a name with a role in apposition.
	if n >= 2 && end+1 < len(toks) && toks[end].gap == gapComma {
		w := word(end)
		if w == "a" || w == "an" || w == "the" {
			for k := end + 1; k < min(end+4, len(toks)); k++ {
				if r.roleWord[word(k)] {
					r.emitPerson(doc, start, end)
					return
				}
			}
		} else if r.roleWord[w] {
			r.emitPerson(doc, start, end)
			return
		}
	}
	// "Tal Rifaat, a town north of Aleppo"; "X, the capital of Y".
	if end+1 < len(toks) && toks[end].gap == gapComma {
		if w := word(end); w == "a" || w == "an" || w == "the" {
			for k := end + 1; k < min(end+4, len(toks)) && toks[k].gap == gapSoft; k++ {
				if r.placeHead[word(k)] || word(k) == "capital" {
					r.emitPlace(doc, start, end, start, end)
					return
				}
			}
		}
	}
	// "Ahmed Hassan, 34, said": a name with an age in apposition.
	if n >= 2 && end+2 < len(toks) && toks[end].gap == gapComma && toks[end+1].gap == gapComma && isNumber(word(end)) {
		r.emitPerson(doc, start, end)
		return
	}
	// "according to X Y".
	if n >= 2 && start >= 2 && word(start-1) == "to" && word(start-2) == "according" && toks[start].gap == gapSoft {
		r.emitPerson(doc, start, end)
		return
	}
	// "in X" where the gazetteer knows X, or X starts like a place name
	// ("in Ain Zara").
	if start > 0 && toks[start].gap == gapSoft && r.prep[word(start-1)] && !toks[start].sentStart {
		if p, ok := r.lookupPlace(doc, start, end, false); ok {
			doc.emitUnknown(start, end, domain.Place, &p, "")
			r.placeList(doc, end)
			return
		}
		if n >= 2 && r.placePre[word(start)] {
			doc.emitUnknown(start, end, domain.Place, nil, doc.ctx)
			r.placeList(doc, end)
		}
	}
}

// placeList continues a place just found into the names listed after it:
// "in Ain Zara and Abu Salim", "in Kafr Hamra, Hreitan and Anadan".
func (r *Recognizer) placeList(doc *document, end int) {
	toks := doc.toks
	for k := end; k+1 < len(toks); {
		w := doc.folded[toks[k].fs:toks[k].fe]
		next := k
		switch {
		case w == "and" && toks[k].gap <= gapComma:
			next = k + 1
		case toks[k].gap == gapComma:
			next = k
		default:
			return
		}
		if next >= len(toks) || doc.covered[next] || !toks[next].tc.upperFirst || r.nonName[doc.folded[toks[next].fs:toks[next].fe]] {
			return
		}
		j := next + 1
		for j < len(toks) && toks[j].gap == gapSoft && !doc.covered[j] && (toks[j].tc.upperFirst || isParticleWord(r, doc.folded[toks[j].fs:toks[j].fe]) && j+1 < len(toks) && toks[j+1].tc.upperFirst) {
			j++
		}
		if p, ok := r.lookupPlace(doc, next, j, false); ok {
			doc.emitUnknown(next, j, domain.Place, &p, "")
		} else {
			doc.emitUnknown(next, j, domain.Place, nil, doc.ctx)
		}
		if w == "and" {
			return
		}
		k = j
	}
}

// emitPlace reports a place named by tokens [start, end); [ns, ne) is the
// name without its place word, for the gazetteer look-up.
func (r *Recognizer) emitPlace(doc *document, start, end, ns, ne int) {
	// "Dara'a al-Balad": a district named after its city extends the
	// city's mention.
	if start > 0 && doc.toks[start].gap == gapSoft && r.particle[doc.folded[doc.toks[start].fs:doc.toks[start].fe]] {
		for k := len(doc.out) - 1; k >= 0; k-- {
			e := &doc.out[k]
			if e.Type == domain.Place && e.End == int(doc.toks[start-1].oe) {
				e.Text = doc.text[e.Start:doc.toks[end-1].oe]
				e.End = int(doc.toks[end-1].oe)
				e.Canonical, e.KBID = e.Text, nil
				for t := start; t < end; t++ {
					doc.covered[t] = true
				}
				return
			}
		}
	}
	if p, ok := r.lookupPlace(doc, ns, ne, true); ok {
		doc.emitUnknown(start, end, domain.Place, &p, "")
		return
	}
	doc.emitUnknown(start, end, domain.Place, nil, doc.ctx)
}

// lookupPlace finds a name in the gazetteer: in the context country first
// (loosely: Dayr az Zawr for Deir ez-Zor), anywhere else exactly.
func (r *Recognizer) lookupPlace(doc *document, start, end int, anyCountry bool) (kb.Place, bool) {
	name := doc.text[doc.toks[start].os:doc.toks[end-1].oe]
	if doc.ctx != "" {
		if ps := r.k.PlacesNamed(name, doc.ctx); len(ps) > 0 {
			return ps[0], true
		}
	}
	for _, p := range r.k.PlacesNamed(name, "") {
		if anyCountry || p.Population >= 20000 || conflictCountries[p.CountryCode] {
			return p, true
		}
	}
	return kb.Place{}, false
}

func (r *Recognizer) emitPerson(doc *document, start, end int) {
	doc.emitUnknown(start, end, domain.Person, nil, "")
	if end-start >= 2 {
		if doc.surnames == nil {
			doc.surnames = map[string]string{}
		}
		name := doc.text[doc.toks[start].os:doc.toks[end-1].oe]
		doc.surnames[doc.folded[doc.toks[end-1].fs:doc.toks[end-1].fe]] = name
	} else if full := doc.surnames[doc.folded[doc.toks[start].fs:doc.toks[start].fe]]; full != "" {
		doc.out[len(doc.out)-1].Canonical = full
	}
}
