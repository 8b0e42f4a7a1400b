package attribution

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

type cueKind uint8

const (
	kindVerb cueKind = iota + 1
	kindParticiple
	kindAccording
	kindIgnore
)

// Attributor finds claimants. It holds only tables built by New and is
// safe for concurrent use.
type Attributor struct {
	cues    phraseSet[cueKind]
	hedges  phraseSet[string]
	sources map[string]string // speaker phrase -> claimant ("" = voice)
	// demonyms maps a lower-case country name (and its possessive) to the
	// adjective; countries holds lower-case country names and short names.
	demonyms   map[string]string
	countries  map[string]string
	adjectives map[string]string // lower-case demonym -> country
}

// New builds an Attributor from the report, hedge, report_source and
// event_demonym lexicons of k.
func New(k *kb.KB) (*Attributor, error) {
	a := &Attributor{sources: map[string]string{}, demonyms: map[string]string{}, countries: map[string]string{},
		adjectives: map[string]string{}}
	kinds := map[string]cueKind{"verb": kindVerb, "participle": kindParticiple, "according": kindAccording, "ignore": kindIgnore}
	terms := k.Lexicon("report")
	if len(terms) == 0 {
		return nil, fmt.Errorf("attribution: lexicon report.tsv is empty or missing")
	}
	for _, t := range terms {
		kind, ok := kinds[t.Field(0)]
		if !ok {
			return nil, fmt.Errorf("attribution: %s line %d: unknown cue kind %q", t.File, t.Line, t.Field(0))
		}
		a.cues.add(t.Text, kind)
	}
	for _, t := range k.Lexicon("hedge") {
		a.hedges.add(t.Text, strings.ToLower(t.Text))
	}
	for _, t := range k.Lexicon("report_source") {
		v := t.Field(0)
		if v == "-" {
			v = ""
		}
		a.sources[strings.Join(splitWords(t.Text), " ")] = v
	}
	for _, t := range k.Lexicon("event_demonym") {
		country := t.Text
		lc := strings.ToLower(country)
		a.countries[lc] = country
		if d := t.Field(0); d != "" {
			a.demonyms[lc] = d
			a.demonyms[lc+"'s"] = d
			a.adjectives[strings.ToLower(d)] = country
		}
		for _, alt := range strings.Split(t.Field(1), ",") {
			if alt = strings.TrimSpace(alt); alt != "" && !strings.HasSuffix(alt, "'s") {
				a.countries[strings.ToLower(alt)] = country
			}
		}
	}
	return a, nil
}

// Frame is one reporting construction found in the text: the stretch that
// names the speaker with its cue ("the Syrian army said", ", said Jan
// Egeland"), the claimant it resolved to and, for statements relayed by a
// medium ("carried by SANA"), the carrier.
type Frame struct {
	Start, End int
	// Cue is the offset of the reporting word ("said", "according").
	Cue      int
	Claimant string
	// Person says the claimant is a person (not a body or a medium).
	Person  bool
	Carrier string
}

// region is a stretch of text asserted by one claimant.
type region struct {
	start, end int
	claimant   string
	hedges     []string
}

// Map answers who asserts any stretch of one document. It is immutable
// once built.
type Map struct {
	voice   string
	regions []region
	frames  []Frame
}

// Claimant returns who asserts text[start:end] and the hedges that weaken
// it. A span outside every sentence belongs to the article's voice.
func (m *Map) Claimant(start, end int) (claimant string, hedges []string) {
	if m == nil {
		return "", nil
	}
	i := sort.Search(len(m.regions), func(i int) bool { return m.regions[i].end > start })
	if i < len(m.regions) && m.regions[i].start <= start {
		r := m.regions[i]
		return r.claimant, append([]string(nil), r.hedges...)
	}
	return m.voice, nil
}

// Voice is the claimant of what the article says in its own voice.
func (m *Map) Voice() string {
	if m == nil {
		return ""
	}
	return m.voice
}

// Frames returns the reporting frames that overlap text[start:end], in
// text order.
func (m *Map) Frames(start, end int) []Frame {
	if m == nil {
		return nil
	}
	var out []Frame
	for _, f := range m.frames {
		if f.Start < end && f.End > start {
			out = append(out, f)
		}
	}
	return out
}

// Clean names a speaker phrase that carries no entity, as attribution
// does ("Syria's state-run television network" -> "Syrian state
// television"); "" when the phrase names nobody in particular.
func (a *Attributor) Clean(phrase string) string {
	ws := tokenize(phrase, 0, len(phrase), nil)
	return a.cleanPhrase(phrase, ws)
}

// speakerState carries the last named speakers across sentences, for
// pronouns and for quotations that continue.
type speakerState struct {
	person, other, any string
	sent               int  // index of the sentence that named the last speaker
	personSent         int  // and of the last person speaker
	anyPhrase          bool // the last speaker is a described person ("a civil defence official")
	// mentioned is the last person the text named, speaker or not, and
	// the sentence where it was named
	mentioned     string
	mentionedSent int
	cur           int // the sentence being read
}

func (st *speakerState) set(name string, person bool, sent int) {
	if name == "" {
		return
	}
	if person {
		st.person, st.personSent = name, sent
	} else {
		st.other = name
	}
	st.any = name
	st.sent = sent
}

// Attribute builds the claimant map of one document. sents are the
// sentences of text (sentence.Split), ents its entity mentions sorted by
// Start, voice the claimant of the article's own voice (wire, else outlet).
func (a *Attributor) Attribute(text string, sents []domain.Span, ents []domain.Entity, voice string) *Map {
	m := &Map{voice: voice, regions: make([]region, 0, len(sents)+4)}
	var st speakerState
	var ws []word
	inQuote := false // a double quotation is open across sentences
	var pending []int
	flush := func(name string) {
		for _, ri := range pending {
			m.regions[ri].claimant = name
		}
		pending = pending[:0]
	}
	recent := func(si int) string {
		if st.any != "" && si-st.sent <= 3 {
			return st.any
		}
		return voice
	}
	prevEnd := 0
	for si, s := range sents {
		if si > 0 && strings.Contains(text[prevEnd:s.Start], "\n\n") && len(pending) > 0 {
			flush(recent(si))
		}
		prevEnd = s.End
		ws = tokenize(text, s.Start, s.End, ws[:0])
		startsInQuote := inQuote
		quotes, endOpen := quoteSpans(text, s.Start, s.End, inQuote)
		inQuote = endOpen
		hedges := a.findHedges(ws)
		sentEnts := entsIn(ents, s.Start, s.End)
		st.cur = si
		segs, frames := a.analyse(text, s, ws, quotes, sentEnts, &st, si, voice)
		for _, e := range sentEnts {
			if e.Type == domain.Person {
				st.mentioned, st.mentionedSent = entName(e), si
			}
		}
		opensWithQuote := startsInQuote || startsWithQuote(s.Text)
		if len(segs) == 0 {
			m.frames = append(m.frames, frames...)
			ri := len(m.regions)
			m.regions = append(m.regions, region{start: s.Start, end: s.End, claimant: voice, hedges: hedges})
			switch {
			case opensWithQuote && endOpen:
				pending = append(pending, ri)
			case opensWithQuote && len(pending) > 0:
				pending = append(pending, ri)
				flush(recent(si))
			case opensWithQuote:
				m.regions[ri].claimant = recent(si)
			default:
				if len(pending) > 0 {
					flush(recent(si))
				}
			}
			continue
		}
		if len(pending) > 0 {
			if startsInQuote {
				flush(segs[0].claimant)
			} else {
				flush(recent(si))
			}
		}
		for i, sg := range segs {
			end := s.End
			if i+1 < len(segs) {
				end = segs[i+1].start
			}
			start := sg.start
			if i == 0 {
				start = s.Start
			}
			m.regions = append(m.regions, region{start: start, end: end, claimant: sg.claimant, hedges: hedges})
		}
		m.frames = append(m.frames, frames...)
	}
	if len(pending) > 0 {
		flush(recent(len(sents)))
	}
	return m
}

// segment is a part of a sentence asserted by one claimant, from start.
type segment struct {
	start    int
	claimant string
}

type cue struct {
	wi, n int // word index and length
	kind  cueKind
}

// analyse finds the reporting cues of one sentence and resolves their
// speakers into segments (nil when the sentence has no cue) and frames.
func (a *Attributor) analyse(text string, s domain.Span, ws []word, quotes [][2]int, ents []domain.Entity, st *speakerState, si int, voice string) ([]segment, []Frame) {
	var cues []cue
	for i := 0; i < len(ws); {
		if inSpans(quotes, ws[i].start) {
			i++
			continue
		}
		kind, n := a.cues.match(ws, i)
		if n == 0 {
			i++
			continue
		}
		if kind != kindIgnore {
			cues = append(cues, cue{wi: i, n: n, kind: kind})
		}
		i += n
	}
	if len(cues) == 0 {
		return nil, nil
	}
	carrier := a.carrier(text, s, ws, ents, st, voice)
	var segs []segment
	var frames []Frame
	prevCueEnd := s.Start // where the previous cue ended
	last := ""            // the claimant of the previous frame
	for ci, c := range cues {
		cs, ce := ws[c.wi].start, ws[c.wi+c.n-1].end
		var sp speaker
		var fs, fe int
		inverted := false
		switch c.kind {
		case kindAccording:
			wa, wb := cueObject(text, ws, ce, s.End, quotes)
			sp = a.resolve(text, ws, wa, wb, ents, st, false)
			fs, fe = cs, wb
		case kindParticiple:
			if last != "" {
				frames = append(frames, Frame{Start: cs, End: ce, Cue: cs, Claimant: last, Carrier: carrier})
				continue // ", adding that": the speaker of the frame before
			}
			sp = a.resolveSubject(text, ws, s.Start, cs, ents, st, quotes)
			fs, fe = cs, ce
		default:
			wa := s.Start
			if ci > 0 {
				wa = prevCueEnd
			}
			if q := lastQuoteEnd(quotes, cs); q > wa {
				wa = q
			}
			wa = lastClauseStart(text, wa, cs, ci > 0)
			if blank(text[wa:cs]) {
				// nothing before the cue in its clause
				if ci > 0 && !precededByQuote(text, s.Start, cs) {
					prevCueEnd = ce
					if last != "" {
						frames = append(frames, Frame{Start: cs, End: ce, Cue: cs, Claimant: last, Carrier: carrier})
					}
					continue // "... and said": the same speaker
				}
				if !precededByQuote(text, s.Start, cs) && !precededByComma(text, s.Start, cs) {
					continue // "Reports on Thursday said": not inverted
				}
				ia, ib := cueObject(text, ws, ce, s.End, quotes)
				sp = a.resolve(text, ws, ia, ib, ents, st, true)
				fs, fe = cs, ib
				inverted = true
			} else {
				sp = a.resolve(text, ws, wa, cs, ents, st, false)
				fs, fe = wa, ce
				if sp.start > fs {
					fs = sp.start
				}
			}
		}
		prevCueEnd = ce
		if sp.name == "" && !sp.voice {
			continue
		}
		name := sp.name
		if sp.voice {
			name = voice
		}
		if !sp.pronoun && !sp.voice {
			st.set(name, sp.person, si)
			st.anyPhrase = !sp.entity && !sp.person && humanHead(name)
		}
		frames = append(frames, Frame{Start: fs, End: fe, Cue: cs, Claimant: name, Person: sp.person, Carrier: carrier})
		last = name
		if len(segs) == 0 || segs[len(segs)-1].claimant != name {
			start := fs
			if c.kind == kindAccording || start > cs || len(segs) == 0 {
				start = s.Start
			}
			segs = append(segs, segment{start: start, claimant: name})
		}
		if len(sp.others) > 0 {
			segs = append(segs, a.respectively(text, ce, s.End, ws, sp.others)...)
		}
		// "'...,' he said after a meeting": what follows the frame is the
		// article's own narration
		if ci == len(cues)-1 && c.kind == kindVerb && !blank(text[s.Start:fs]) {
			tail := fe
			if !inverted {
				tail = ce
			}
			if trailingNarration(text, ws, tail, s.End) && name != voice {
				segs = append(segs, segment{start: tail, claimant: voice})
			}
		}
	}
	return segs, frames
}

// trailingNarration says whether text[from:to], what follows a frame,
// is an adjunct of the narration (", after ...", "at a press
// conference") rather than reported content ("... that ...").
func trailingNarration(text string, sw []word, from, to int) bool {
	rest := strings.TrimSpace(text[from:to])
	if blank(rest) {
		return false
	}
	ws := within(sw, from, to)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if w.lw == "that" {
			return false
		}
	}
	if strings.HasPrefix(rest, ",") && len(ws) > 0 && ws[0].lw != "while" && ws[0].lw != "and" && ws[0].lw != "but" && ws[0].lw != "adding" && ws[0].lw != "saying" {
		return true
	}
	switch ws[0].lw {
	case "after", "before", "at", "on", "in", "during", "when", "while", "as", "following", "late", "early", "earlier", "later", "yesterday", "today":
		return true
	}
	return false
}

// respectively splits "X and Y put the tolls at A and B, respectively"
// into one segment per speaker after the first.
func (a *Attributor) respectively(text string, from, to int, ws []word, others []string) []segment {
	resp := -1
	for _, w := range ws {
		if w.start >= from && w.lw == "respectively" {
			resp = w.start
			break
		}
	}
	if resp < 0 {
		return nil
	}
	// the last len(others) separators (" and ", ", ") before "respectively"
	var cuts []int
	for i := resp - 1; i > from && len(cuts) < len(others); i-- {
		if strings.HasPrefix(text[i:], " and ") {
			cuts = append(cuts, i+1)
		} else if text[i] == ',' && i+1 < len(text) && text[i+1] == ' ' && !(i > 0 && isDigit(text[i-1]) && i+2 < len(text) && isDigit(text[i+2])) && i+2 < resp {
			cuts = append(cuts, i+1)
		}
	}
	if len(cuts) != len(others) {
		return nil
	}
	var segs []segment
	for k := range others {
		segs = append(segs, segment{start: cuts[len(cuts)-1-k], claimant: others[k]})
	}
	return segs
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// findHedges lists the hedge phrases of a sentence, each once.
func (a *Attributor) findHedges(ws []word) []string {
	var out []string
	for i := 0; i < len(ws); {
		h, n := a.hedges.match(ws, i)
		if n == 0 {
			i++
			continue
		}
		dup := false
		for _, x := range out {
			dup = dup || x == h
		}
		if !dup {
			out = append(out, h)
		}
		i += n
	}
	return out
}

// carrier finds the medium that relays a statement ("carried by the
// official SANA news agency").
func (a *Attributor) carrier(text string, s domain.Span, ws []word, ents []domain.Entity, st *speakerState, voice string) string {
	for i := 0; i+1 < len(ws); i++ {
		switch ws[i].lw {
		case "carried", "published", "aired", "broadcast", "relayed", "released":
			if ws[i+1].lw != "by" {
				continue
			}
			wa, wb := cueObject(text, ws, ws[i+1].end, s.End, nil)
			// only a named medium: "state television and news agencies"
			// is too vague to stand for a claimant
			if sp := a.resolve(text, ws, wa, wb, ents, st, true); sp.entity {
				return sp.name
			}
			return ""
		}
	}
	return ""
}

func entsIn(ents []domain.Entity, a, b int) []domain.Entity {
	i := sort.Search(len(ents), func(i int) bool { return ents[i].Start >= a })
	j := i
	for j < len(ents) && ents[j].Start < b {
		j++
	}
	return ents[i:j]
}
