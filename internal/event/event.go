package event

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/attribution"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

// Extractor finds events. It holds only the tables New builds and is safe
// for concurrent use.
type Extractor struct {
	triggers phraseSet[trigger]
	mods     phraseSet[modality]
	actors   phraseSet[actorNoun]
	capitals map[string]place // lower-case country -> capital
	capitalOf map[string]string // lower-case capital -> country
	seats    []seat
	demonyms map[string]string // lower-case adjective/possessive -> country
}

// New builds an Extractor from the trigger, modality, event_actor,
// event_capital, event_seat and event_demonym lexicons of k.
func New(k *kb.KB) (*Extractor, error) {
	x := &Extractor{demonyms: loadDemonyms(k), capitalOf: map[string]string{}}
	if err := loadTriggers(k, &x.triggers); err != nil {
		return nil, err
	}
	if err := loadModality(k, &x.mods); err != nil {
		return nil, err
	}
	if err := loadActors(k, &x.actors); err != nil {
		return nil, err
	}
	var err error
	if x.capitals, x.seats, err = loadPlaces(k); err != nil {
		return nil, err
	}
	for c, p := range x.capitals {
		x.capitalOf[strings.ToLower(p.name)] = x.country(c)
	}
	return x, nil
}

// country returns the canonical spelling of a lower-case country name.
func (x *Extractor) country(lc string) string {
	if c, ok := x.demonyms[lc]; ok {
		return c
	}
	return lc
}

// hit is one trigger found in a sentence.
type hit struct {
	wi, n    int // word index and length
	tr       trigger
	mod      string
	// nominalHalt: "halt to airstrikes" names the pause itself
	nominalHalt bool
	weak        bool
	drop     bool
	typ, sub string
}

// Extract returns the events doc reports, sorted by Start. sents are the
// sentences of doc.Text; attr answers who asserts each of them.
func (x *Extractor) Extract(doc *domain.Document, sents []domain.Span, attr *attribution.Map) []domain.Event {
	if doc == nil || len(sents) == 0 {
		return nil
	}
	d := x.newDocContext(doc, sents, attr)
	var evs []cand
	var ws []word
	for si, s := range sents {
		if d.skip[si] {
			continue
		}
		ws = tokenize(doc.Text, s.Start, s.End, ws[:0])
		evs = append(evs, x.sentence(d, si, s, ws)...)
	}
	evs = merge(evs)
	out := make([]domain.Event, 0, len(evs))
	for _, c := range evs {
		out = append(out, c.ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// cand is an event with what merging needs to know.
type cand struct {
	ev   domain.Event
	sent int
}

// merge folds later mentions of an event already reported (same type,
// sub-type, place, date and a compatible actor) into the first mention.
func merge(evs []cand) []cand {
	out := evs[:0]
	for _, e := range evs {
		dup := false
		for i := range out {
			f := &out[i]
			if f.ev.EventType != e.ev.EventType || f.ev.SubEventType != e.ev.SubEventType {
				continue
			}
			compatActor := e.ev.Actor1 == nil || f.ev.Actor1 == nil || *e.ev.Actor1 == *f.ev.Actor1
			near := e.sent-f.sent <= 1
			same := compatActor && locName(f.ev.Location) == locName(e.ev.Location) &&
				domain.Deref(f.ev.Date) == domain.Deref(e.ev.Date)
			if e.ev.EventType == domain.Diplomacy && (e.ev.SubEventType == "Call" || e.ev.SubEventType == "Statement") {
				same = near && compatActor
			}
			if same {
				if f.ev.Actor1 == nil {
					f.ev.Actor1 = e.ev.Actor1
				}
				if f.ev.Actor2 == nil {
					f.ev.Actor2 = e.ev.Actor2
				}
				if f.ev.Fatalities == nil {
					f.ev.Fatalities = e.ev.Fatalities
				}
				if f.ev.Injured == nil {
					f.ev.Injured = e.ev.Injured
				}
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

func locName(l *domain.Location) string {
	if l == nil {
		return ""
	}
	return l.Name
}

var violent = map[string]bool{domain.Battles: true, domain.ExplosionsRemoteViolence: true,
	domain.ViolenceAgainstCivilians: true, domain.Riots: true, domain.Protests: true}

// sentence reads the events of one sentence.
func (x *Extractor) sentence(d *docContext, si int, s domain.Span, ws []word) []cand {
	text := d.doc.Text
	hits := x.findHits(ws)
	if len(hits) == 0 {
		return nil
	}
	frames := d.attr.Frames(s.Start, s.End)
	actors := x.actorMentions(d, s, ws)
	// modality, conditions and instruments
	strong := false
	request := -1
	for i := range hits {
		h := &hits[i]
		x.modality(text, ws, h)
		if h.tr.needQty != "" && !d.hasQty(s, h.tr.needQty) {
			h.drop = true
		}
		if len(h.tr.ctx) > 0 && !hasAny(ws, h.tr.ctx) {
			h.drop = true
		}
		if h.tr.instrument && instrumental(ws, h.wi) {
			h.weak = true
		}
		if h.tr.needActor && nearestBefore(actors, ws[h.wi].start, s.Start, false) < 0 {
			h.drop = true
		}
		if h.tr.request && !h.drop && request < 0 {
			request = h.wi
		}
	}
	for i := range hits {
		h := &hits[i]
		if h.drop {
			continue
		}
		if request >= 0 && h.wi > request && !h.tr.request && (h.typ == domain.Humanitarian || h.typ == domain.Diplomacy) {
			h.drop = true // the object of a call: a wish, not an event
			continue
		}
		switch h.mod {
		case "", "declared":
		case "halted":
			if violent[h.typ] {
				// "X halted its attacks": a pause by X; "air strikes
				// ceased" without an actor says too little
				if nearestBefore(actors, ws[h.wi].start, s.Start, true) < 0 && !h.nominalHalt {
					h.drop = true
					continue
				}
				h.typ, h.sub, h.weak = domain.Humanitarian, "Ceasefire or pause", false
			}
		case "purpose":
			if !h.tr.declared {
				h.drop = true
			}
		default:
			h.drop = true
		}
		if !h.drop && !h.weak {
			strong = true
		}
	}
	// group the surviving hits by event type, first strong hit leading
	type group struct {
		lead int
		hits []int
	}
	var groups []group
	index := map[string]int{}
	for i, h := range hits {
		if h.drop || h.weak && strong {
			continue
		}
		g, ok := index[h.typ]
		if !ok {
			index[h.typ] = len(groups)
			groups = append(groups, group{lead: i, hits: []int{i}})
			continue
		}
		groups[g].hits = append(groups[g].hits, i)
		if hits[groups[g].lead].weak && !h.weak {
			groups[g].lead = i
		}
	}
	// a bare "announced" is a statement only when nothing else is reported
	if len(groups) > 1 {
		kept := groups[:0]
		for _, g := range groups {
			h := hits[g.lead]
			if h.typ == domain.Diplomacy && h.sub == "Statement" && h.tr.weak && len(g.hits) == 1 {
				continue
			}
			kept = append(kept, g)
		}
		groups = kept
	}
	var out []cand
	for _, g := range groups {
		h := hits[g.lead]
		ev := x.build(d, si, s, ws, h, actors, frames)
		out = append(out, cand{ev: ev, sent: si})
	}
	// quantities: each to the nearest compatible event of the sentence
	x.attachQuantities(d, s, out)
	if len(out) == 0 {
		return nil
	}
	return out
}

func hasAny(ws []word, set []string) bool {
	for _, w := range ws {
		for _, s := range set {
			if w.lw == s {
				return true
			}
		}
	}
	return false
}

func (x *Extractor) findHits(ws []word) []hit {
	var hits []hit
	for i := 0; i < len(ws); {
		tr, n := x.triggers.match(ws, i)
		if n == 0 {
			i++
			continue
		}
		if !tr.cancel {
			hits = append(hits, hit{wi: i, n: n, tr: tr, weak: tr.weak, typ: tr.eventType, sub: tr.subType})
		}
		i += n
	}
	return hits
}

// instrumental reports whether a weapon noun at wi is the means of
// another action ("with the support of tanks and artillery").
func instrumental(ws []word, wi int) bool {
	for j := wi - 1; j >= 0 && j >= wi-14; j-- {
		switch ws[j].lw {
		case "with", "using", "backed", "supported", "support":
			return true
		}
	}
	return false
}

// clauseBreak words open a new clause (for modality scope).
var clauseBreak = map[string]bool{"but": true, "as": true, "after": true, "because": true,
	"when": true, "while": true, "although": true, "though": true, "whereas": true, "before": true,
	"which": true, "who": true, "where": true, "since": true, "until": true, "amid": true}

// continuers make "to VERB" a fact, not a purpose ("managed to retake").
var continuers = map[string]bool{"managed": true, "continuing": true, "continued": true, "continue": true,
	"continues": true, "began": true, "begun": true, "started": true, "start": true, "able": true,
	"used": true, "succeeded": true, "went": true, "moved": true, "rushed": true, "sought": false}

// modality sets h.mod from the cues around the trigger.
func (x *Extractor) modality(text string, ws []word, h *hit) {
	// clause start: a break word or punctuation between words
	cs := h.wi
	for cs > 0 {
		gap := text[ws[cs-1].end:ws[cs].start]
		if strings.ContainsAny(gap, ",;:()—–\"“”") || clauseBreak[ws[cs-1].lw] {
			break
		}
		cs--
	}
	set := func(k modKind) {
		name := map[modKind]string{modPlanned: "planned", modPurpose: "purpose", modDenied: "denied",
			modHalted: "halted", modDeclared: "declared"}[k]
		// the strongest wins: denied > planned > halted > purpose > declared
		rank := map[string]int{"": 0, "declared": 1, "purpose": 2, "halted": 3, "planned": 4, "denied": 5}
		if rank[name] > rank[h.mod] {
			h.mod = name
		}
	}
	for i := cs; i < h.wi; {
		m, n := x.mods.match(ws, i)
		if n == 0 || i+n > h.wi {
			i++
			continue
		}
		if m.before {
			set(m.kind)
		}
		i += n
	}
	// "to retake": a purpose, unless "managed to", "continuing to"
	if h.wi > 0 && ws[h.wi-1].lw == "to" && !(h.wi > 1 && continuers[ws[h.wi-2].lw]) {
		set(modPurpose)
	}
	if h.wi > 1 && ws[h.wi-1].lw == "be" && ws[h.wi-2].lw == "to" {
		set(modPurpose)
	}
	end := h.wi + h.n
	for i := end; i < len(ws) && i < end+3; {
		gap := text[ws[i-1].end:ws[i].start]
		if strings.ContainsAny(gap, ",;:()—–") {
			break
		}
		m, n := x.mods.match(ws, i)
		if n == 0 {
			i++
			continue
		}
		if m.after {
			set(m.kind)
		}
		i += n
	}
	if h.mod == "halted" && violent[h.typ] {
		// "halt to airstrikes", "pause in attacks" as nouns name the pause
		h.nominalHalt = h.wi > 1 && (ws[h.wi-1].lw == "to" || ws[h.wi-1].lw == "in") &&
			(ws[h.wi-2].lw == "halt" || ws[h.wi-2].lw == "pause" || ws[h.wi-2].lw == "moratorium")
	}
}

// attachQuantities gives each quantity of the sentence to the nearest
// event that can carry it, and fills fatalities and injured.
func (x *Extractor) attachQuantities(d *docContext, s domain.Span, out []cand) {
	if len(out) == 0 {
		return
	}
	for _, q := range d.doc.Quantities {
		if q.Start < s.Start || q.End > s.End {
			continue
		}
		best, bestDist := -1, 1<<30
		for i := range out {
			e := &out[i].ev
			if !carries(e, q.Kind) {
				continue
			}
			t := e.Start
			if tp := triggerPos(e, d.doc.Text); tp >= 0 {
				t = tp
			}
			dist := q.Start - t
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = i, dist
			}
		}
		if best < 0 {
			continue
		}
		e := &out[best].ev
		e.Quantities = append(e.Quantities, q)
		v := q.Value
		if v == nil {
			v = q.Low
		}
		switch q.Kind {
		case domain.KindKilled:
			if e.Fatalities == nil && v != nil {
				e.Fatalities = domain.Num(*v)
			}
		case domain.KindInjured:
			if e.Injured == nil && v != nil {
				e.Injured = domain.Num(*v)
			}
		}
	}
}

func triggerPos(e *domain.Event, text string) int {
	if e.Trigger == "" {
		return -1
	}
	if i := strings.Index(text[e.Start:e.End], e.Trigger); i >= 0 {
		return e.Start + i
	}
	return -1
}

// carries says whether an event of e's type takes a quantity of kind k.
func carries(e *domain.Event, k string) bool {
	switch k {
	case domain.KindKilled, domain.KindInjured, domain.KindEquipmentDestroyed:
		return violent[e.EventType]
	case domain.KindEvacuated, domain.KindTrapped, domain.KindDisplaced:
		return e.EventType == domain.Humanitarian
	case domain.KindSurrendered:
		return e.SubEventType == "Surrender or disarmament"
	case domain.KindDetained:
		return e.SubEventType == "Arrests" || e.SubEventType == "Abduction/forced disappearance"
	case domain.KindTerritoryPercent:
		return e.EventType == domain.Battles
	}
	return true
}
