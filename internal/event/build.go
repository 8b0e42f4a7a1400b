package event

import (
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/attribution"
	"github.com/sitrep/sitrep/internal/domain"
)

// actorMention is a party a sentence names: an entity, a country or
// capital standing for its government, or a generic noun ("rebels").
type actorMention struct {
	start, end int
	name       string // "" for a state force whose country is not known yet
	noun       string // the generic noun, when not an entity
	class      actorClass
	country    string
	named      bool // an entity or a government, not a generic noun
	// possessive: "its forces", "their troops": the speaker's own
	possessive bool
	// modifier: it qualifies a place ("rebel-held", "militant
	// positions"): not a party at all
	modifier bool
	// notDoer: a beneficiary ("to allow militants to leave"), a target
	// ("rebel areas faced bombardment") or a modifier ("rebel-held
	// areas"): never actor1
	notDoer bool
}

// locative prepositions make a country or city a place, not an actor.
var locative = map[string]bool{"in": true, "at": true, "near": true, "of": true, "to": true, "from": true,
	"into": true, "across": true, "throughout": true, "outside": true, "inside": true, "around": true,
	"over": true, "toward": true, "towards": true, "within": true, "on": true, "for": true, "between": true,
	"via": true, "through": true, "north": true, "south": true, "east": true, "west": true, "entire": true}

var stateSides = map[string]bool{"government": true, "state": true, "pro-government": true, "regime": true}

func isStateName(n string) bool {
	return strings.HasPrefix(n, "Military Forces of") || strings.HasPrefix(n, "Police Forces of") ||
		strings.HasPrefix(n, "Government of")
}

// wordIndex returns the index of the word starting at or after pos.
func wordIndex(ws []word, pos int) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := (lo + hi) / 2
		if ws[m].start < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (x *Extractor) actorMentions(d *docContext, s domain.Span, ws []word) []actorMention {
	text := d.doc.Text
	var out []actorMention
	covered := func(a, b int) bool {
		for _, m := range out {
			if a < m.end && b > m.start {
				return true
			}
		}
		return false
	}
	for _, e := range d.entsIn(s.Start, s.End) {
		name := entName(e)
		switch e.Type {
		case domain.Person, domain.Organization, domain.ArmedGroup:
			m := actorMention{start: e.Start, end: e.End, name: name, class: classOther, country: e.Country, named: true}
			switch {
			case isStateName(name) || stateSides[strings.ToLower(e.Side)] && e.Type == domain.ArmedGroup:
				m.class = classState
			case e.Type == domain.ArmedGroup:
				m.class = classNonstate
			}
			if m.country == "" {
				m.country = x.adjCountry(ws, wordIndex(ws, e.Start))
			}
			out = append(out, m)
		case domain.Place:
			country := ""
			if x.isCountry(name) {
				country = x.country(strings.ToLower(name))
			} else if c, ok := x.capitalOf[strings.ToLower(name)]; ok {
				country = c
			}
			if country == "" {
				continue
			}
			wi := wordIndex(ws, e.Start)
			// "in western Baghdad", "near the capital Kyiv": a place
			wl := wi - 1
			for wl > 0 && wl < len(ws) && placeModifiers[ws[wl].lw] {
				wl--
			}
			if wl >= 0 && wl < len(ws) && wi > 0 && locative[ws[wl].lw] {
				continue
			}
			if strings.HasPrefix(text[e.End:], "'s") || strings.HasPrefix(text[e.End:], "’s") {
				continue // "Syria's army": the noun after names the actor
			}
			if wi < len(ws) && ws[wi].end > e.End {
				continue // an adjective inside a longer word
			}
			// "Russian President X" is X; "US Secretary of State" a title
			if wj := wordIndex(ws, e.End); wj < len(ws) && titleWords[ws[wj].lw] {
				continue
			}
			out = append(out, actorMention{start: e.Start, end: e.End, name: "Government of " + country,
				class: classState, country: country, named: true})
		}
	}
	for i := 0; i < len(ws); {
		a, n := x.actors.match(ws, i)
		if n == 0 {
			i++
			continue
		}
		st, en := ws[i].start, ws[i+n-1].end
		if covered(st, en) {
			i += n
			continue
		}
		// "Hamas fighters", "Kremlin spokesman": the noun heads the name
		if k := headOf(out, text, st); k >= 0 {
			out[k].end = en
			i += n
			continue
		}
		// "the Syrian army" and "Syria's army" carry their country
		m := actorMention{start: st, end: en, noun: a.name, class: a.class, country: x.adjCountry(ws, i)}
		if i > 0 && (ws[i-1].lw == "its" || ws[i-1].lw == "their" || ws[i-1].lw == "our") {
			m.possessive = true
		}
		if m.class == classWeapon {
			if m.possessive && m.country == "" {
				m.class = classState // "its aircraft"
				out = append(out, m)
				i += n
				continue
			}
			if m.country == "" {
				i += n
				continue // "40 drones": a weapon, not a party
			}
			m.class = classState
		}
		out = append(out, m)
		i += n
	}
	sortMentions(out)
	out = joinMembers(text, out)
	for k := range out {
		m := &out[k]
		wi := wordIndex(ws, m.start)
		if wi > 0 && beneficiary[ws[wi-1].lw] || wi > 1 && beneficiary[ws[wi-2].lw] && !x.isNounWord(ws[wi-1].lw) {
			m.notDoer = true
		}
		if wj := wordIndex(ws, m.end); wj < len(ws) && (placeNouns[ws[wj].lw] || targetVerbs[ws[wj].lw]) {
			m.notDoer = true
			m.modifier = areaNouns[ws[wj].lw]
		}
		if rest := text[m.end:]; strings.HasPrefix(rest, "-held") || strings.HasPrefix(rest, "-controlled") || strings.HasPrefix(rest, "-run") {
			m.notDoer, m.modifier = true, true // "rebel-held Idlib"
		}
		if rest := text[m.end:]; backerSuffix(rest) {
			m.notDoer, m.modifier = true, true // "the Iran-backed militia": the militia acts and suffers
		}
	}
	return out
}

// joinMembers folds "gunmen of the Rapid Support Forces", "fighters from
// Sudan's paramilitary RSF" into the named group: the generic noun is its
// members, not another party.
func joinMembers(text string, ms []actorMention) []actorMention {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if !m.named && (m.class == classNonstate || m.class == classState) && k+1 < len(ms) {
			n := ms[k+1]
			gap := text[m.end:n.start]
			if n.named && (n.class == classNonstate || n.class == classState) &&
				(strings.HasPrefix(gap, " of ") || strings.HasPrefix(gap, " from ")) && len(strings.Fields(gap)) <= 4 {
				n.start = m.start
				out = append(out, n)
				k++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// placeModifiers may stand between a preposition and a place name.
var placeModifiers = map[string]bool{"the": true, "western": true, "eastern": true, "northern": true, "southern": true,
	"central": true, "northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"downtown": true, "capital": true, "city": true, "town": true, "greater": true, "occupied": true, "besieged": true,
	"neighbouring": true, "neighboring": true, "nearby": true, "rural": true}

// backerSuffixes turn a party into a sponsor of the noun that follows.
var backerSuffixes = []string{"-backed", "-aligned", "-allied", "-linked", "-affiliated", "-supported", "-sponsored", "-funded", "-armed"}

func backerSuffix(rest string) bool {
	for _, suf := range backerSuffixes {
		if strings.HasPrefix(rest, suf) {
			return true
		}
	}
	return false
}

// beneficiary words precede a party that an event is for, not by.
var beneficiary = map[string]bool{"to": true, "allow": true, "allowed": true, "allowing": true, "let": true,
	"enable": true, "for": true, "against": true, "on": true, "targeting": true, "with": true}

// placeNouns after an actor make it a modifier ("rebel areas").
var placeNouns = map[string]bool{"areas": true, "area": true, "zones": true, "zone": true, "districts": true,
	"district": true, "neighbourhoods": true, "neighborhoods": true, "positions": true, "position": true,
	"territory": true, "enclave": true, "strongholds": true, "stronghold": true, "held": true, "quarters": true,
	"gatherings": true, "bases": true, "base": true, "side": true}

// areaNouns after an actor make it a mere qualifier of a place ("rebel
// areas"); "rebel positions" still names the target.
var areaNouns = map[string]bool{"areas": true, "area": true, "zones": true, "zone": true, "districts": true,
	"district": true, "neighbourhoods": true, "neighborhoods": true, "territory": true, "enclave": true,
	"held": true, "quarters": true, "side": true}

// targetVerbs after an actor make it the target ("rebels came under
// fire", "the town faced bombardment").
var targetVerbs = map[string]bool{"faced": true, "face": true, "facing": true, "suffered": true,
	"endured": true, "came": true, "were": false}

// isNounWord is false for words that may sit between "allow" and a
// party ("allow the militants").
func (x *Extractor) isNounWord(w string) bool {
	return !determiner[w] && x.demonyms[w] == ""
}

var determiner = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "some": true}

// headOf returns the named mention that ends just before st (one space
// apart), or -1.
func headOf(ms []actorMention, text string, st int) int {
	for k, m := range ms {
		if m.named && !strings.HasPrefix(m.name, "Government of") && m.end < st && st-m.end <= 1 && strings.TrimSpace(text[m.end:st]) == "" {
			return k
		}
	}
	return -1
}

// titleWords follow a country adjective or name in a person's title.
var titleWords = map[string]bool{"president": true, "secretary": true, "minister": true, "foreign": true,
	"defense": true, "defence": true, "envoy": true, "ambassador": true, "prime": true, "leader": true,
	"spokesman": true, "spokeswoman": true, "counterpart": true, "king": true, "general": true,
	"officials": true, "official": true, "state": true, "embassy": true, "ministry": true}

// adjCountry returns the country named by the adjective or possessive
// just before word i ("Syrian troops", "Syria's army").
func (x *Extractor) adjCountry(ws []word, i int) string {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if c, ok := x.demonyms[ws[j].lw]; ok {
			return c
		}
	}
	return ""
}

func sortMentions(ms []actorMention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// nearestBefore returns the index of the actor nearest before pos and
// after from; victims (civilians, protesters) are skipped when
// perpetrator is set.
func nearestBefore(ms []actorMention, pos, from int, perpetrator bool) int {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.start > pos || m.start < from {
			continue
		}
		if perpetrator && (m.class == classCivilian || m.class == classOther && !m.named || m.notDoer) {
			continue
		}
		return i
	}
	return -1
}

// prepositions before a mention put it out of subject position.
var prepositions = map[string]bool{"in": true, "of": true, "to": true, "from": true, "against": true,
	"on": true, "with": true, "by": true, "after": true, "for": true, "at": true, "into": true, "over": true,
	"toward": true, "towards": true, "near": true, "between": true, "among": true, "despite": true}

// firstSubject returns the first doer of the window [from, pos) that is
// not inside a prepositional phrase: the subject of the clause ("American
// forces destroyed four Houthi drones").
func firstSubject(ms []actorMention, ws []word, pos, from int, perpetrator bool) int {
	for i, m := range ms {
		if m.start > pos {
			break
		}
		if m.start < from || perpetrator && (m.class == classCivilian || m.class == classOther && !m.named || m.notDoer) {
			continue
		}
		if inPrepPhrase(ws, m, from) && !leadingAgent(ws, m, from) {
			continue
		}
		return i
	}
	return -1
}

// leadingAgent says whether a mention is the "by" agent of the noun that
// opens the clause ("a counterattack by government troops pushed them
// back").
func leadingAgent(ws []word, m actorMention, from int) bool {
	j := wordIndex(ws, m.start) - 1
	for j >= 0 && (determiner[ws[j].lw] || titleWords[ws[j].lw]) {
		j--
	}
	return j >= 0 && ws[j].lw == "by" && j-wordIndex(ws, from) <= 3 && (j < 2 || ws[j-2].lw != "backed" && ws[j-1].lw != "backed")
}

// inPrepPhrase says whether a mention is the object of a preposition
// ("sanctions on the government of X", "in response to the Hamas
// attack"), looking back no further than from.
func inPrepPhrase(ws []word, m actorMention, from int) bool {
	j := wordIndex(ws, m.start) - 1
	for j >= 0 && (determiner[ws[j].lw] || ws[j].lw == "its" || ws[j].lw == "their" || titleWords[ws[j].lw]) {
		j--
	}
	return j >= 0 && ws[j].start >= from && prepositions[ws[j].lw]
}

// actorName names a mention, filling a generic state force's country
// from the event's.
func actorName(m actorMention, country string) string {
	if m.named {
		return m.name
	}
	c := m.country
	if c == "" {
		c = country
	}
	switch m.class {
	case classState:
		if c != "" {
			return "Military Forces of " + c
		}
	case classPolice:
		if c != "" {
			return "Police Forces of " + c
		}
	case classCivilian:
		if c != "" {
			return "Civilians (" + c + ")"
		}
		return "civilians"
	}
	return m.noun
}

// agentStops end the search back from a trigger for its doer: a new clause.
var agentStops = map[string]bool{"as": true, "after": true, "while": true, "because": true, "when": true,
	"although": true, "whereas": true, "but": true, "since": true, "before": true, "amid": true}

// clauseEnd returns where the clause of a trigger ending at word from
// ends: a new reporting cue, a subordinate clause or a semicolon.
func clauseEnd(text string, ws []word, from, end int, frames []attribution.Frame) int {
	for _, f := range frames {
		if from < len(ws) && f.Cue >= ws[from-1].end && f.Cue < end {
			end = f.Cue
		}
	}
	for j := from; j < len(ws) && ws[j].start < end; j++ {
		gap := text[ws[j-1].end:ws[j].start]
		if strings.Contains(gap, ";") || strings.Contains(gap, ",") && (ws[j].lw == "while" || ws[j].lw == "but" || ws[j].lw == "whereas") {
			return ws[j].start
		}
	}
	return end
}

// actorWindow returns where the doer of the trigger at word wi may start.
func actorWindow(text string, ws []word, wi, sStart int, frames []attribution.Frame) int {
	from := sStart
	framed := false
	for _, f := range frames {
		if f.End <= ws[wi].start && f.End > from {
			from, framed = f.End, true
		}
	}
	if framed {
		// "said in a statement carried by X that its warplanes ...": the
		// reported clause starts after "that"
		for j := wi - 1; j >= 0 && ws[j].start >= from; j-- {
			if ws[j].lw == "that" {
				from = ws[j].end
				break
			}
		}
	}
	for j := wi - 1; j >= 0 && ws[j].start >= from; j-- {
		if agentStops[ws[j].lw] {
			return ws[j].end
		}
		if j > 0 && strings.ContainsAny(text[ws[j-1].end:ws[j].start], ";:") {
			return ws[j].start
		}
	}
	return from
}

// build fills an event from its leading trigger.
func (x *Extractor) build(d *docContext, si int, s domain.Span, ws []word, h hit, actors []actorMention, frames []attribution.Frame) (domain.Event, bool) {
	spoken := false
	text := d.doc.Text
	ts, te := ws[h.wi].start, ws[h.wi+h.n-1].end
	ev := domain.Event{EventType: h.typ, SubEventType: h.sub, Modality: domain.ModalityAsserted,
		Trigger: text[ts:te], Quantities: []domain.Quantity{}}
	ev.Span = x.span(d, s, ts, te, h.typ == domain.Diplomacy && h.sub == "Statement", frames)

	// actors
	win := actorWindow(text, ws, h.wi, s.Start, frames)
	var a1, a2 = -1, -1
	var actor1Name string
	twoSides := false
	if h.typ == domain.Diplomacy {
		a1, a2 = x.diplomacyActors(actors, ws, ts, win, frames, h.sub)
		if h.sub == "Statement" && a1 < 0 {
			for _, f := range frames {
				if f.Claimant != "" && f.Claimant != d.attr.Voice() {
					actor1Name = f.Claimant
					break
				}
			}
		}
	} else {
		a1 = passiveAgent(ws, h.wi+h.n, actors, text)
		if a1 < 0 {
			// "clashes between Houthi rebels and government forces"
			a1, a2 = between(ws, h.wi+h.n, actors)
			twoSides = a1 >= 0 && a2 >= 0
		}
		pronounDoer := ""
		if a1 < 0 {
			pronounDoer = x.pronounSubject(d, ws, h.wi, win, actors, frames)
		}
		if a1 < 0 && pronounDoer == "" {
			// evacuees and those who surrender are the actors of their
			// event; protesters of theirs
			victimsAct := h.sub == "Evacuation" || h.sub == "Surrender or disarmament" || h.typ == domain.Protests || h.typ == domain.Riots || h.typ == domain.Battles && protesterBefore(actors, ts, win)
			a1 = firstSubject(actors, ws, ts, win, !victimsAct)
			if a1 < 0 {
				a1 = nearestBefore(actors, ts, win, !victimsAct)
			}
		}
		if a1 < 0 {
			actor1Name = pronounDoer
			if actor1Name == "" && violent[h.typ] {
				actor1Name = x.implicitDoer(d, ws, h, frames)
			}
		}
		if a1 < 0 && h.typ == domain.Humanitarian {
			// "the army announced a decision to scale back its attacks"
			for _, f := range frames {
				if f.End <= ts && f.Claimant != "" && f.Claimant != d.attr.Voice() && !f.Person {
					actor1Name, spoken = f.Claimant, true
				}
			}
		}
		if a1 >= 0 && a1+1 < len(actors) && actors[a1+1].start < ts && (h.tr.mutual || h.sub == "Ceasefire or pause" || h.sub == "Agreement") {
			// "Sudan's army and the RSF agreed to a truce", "the army
			// and the rebels clashed": the second party of the pair
			if gap := text[actors[a1].end:actors[a1+1].start]; gap == " and " || gap == " and the " {
				a2 = a1 + 1
			}
		}
		bound := clauseEnd(text, ws, h.wi+h.n, s.End, frames)
		for i, m := range actors {
			if m.start >= bound || a2 >= 0 {
				break
			}
			if i == a1 || m.start < te || inFrame(frames, m.start) || m.modifier || m.class == classOther && !m.named && h.typ != domain.Protests {
				continue
			}
			if a1 >= 0 && actors[i].name == actors[a1].name && m.named {
				continue
			}
			a2 = i
			break
		}
		if h.typ == domain.Protests && h.sub != "Peaceful protest" && (a2 < 0 || actors[a2].class != classPolice && actors[a2].class != classState) {
			// "..., and police fired tear gas": the force that intervened
			for i, m := range actors {
				if m.start >= s.Start && !inFrame(frames, m.start) && (m.class == classPolice || m.class == classState) {
					a2 = i
					if i == a1 {
						a1 = -1 // the protesters are actor1, named by country below
					}
					break
				}
			}
		}
		if a2 < 0 && violent[h.typ] {
			// the victims named before the trigger ("civilians were killed as ...")
			for i, m := range actors {
				if m.class == classCivilian && m.start < ts && m.start >= s.Start && i != a1 {
					a2 = i
					break
				}
			}
		}
	}

	// place
	loc := x.locate(d, s, ws, h, ts, te, actors, frames)
	country := ""
	if loc != nil {
		country = loc.Country
	}
	if country == "" {
		country = d.mainCountry
	}
	if a1 >= 0 {
		m := actors[a1]
		if !m.named && m.class == classState && m.country == "" {
			// "the Israeli military said ... troops had killed": its troops
			if n := frameBody(frames, ts, d); strings.HasPrefix(n, "Military Forces of ") {
				m.country = strings.TrimPrefix(n, "Military Forces of ")
			}
		}
		actor1Name = actorName(m, country)
		if !m.named && m.class == classState && m.country == "" && m.possessive {
			// "its warplanes" in a frame of the Saudi-led coalition: the
			// coalition; "its forces" of a ministry: the country's forces
			if c := x.frameCountry(frames, ts, d); c != "" {
				m.country = c
				actor1Name = actorName(m, country)
			}
			if n := frameBody(frames, ts, d); n != "" && x.countryOfName(n) == "" {
				actor1Name = n
			}
		}
		if h.typ != domain.Diplomacy {
			switch m.class {
			case classState, classPolice:
				ac := m.country
				if ac == "" {
					ac = x.countryOfName(actor1Name)
				}
				lc := country
				foreign := ac != "" && lc != "" && ac != lc
				switch {
				case h.sub != h.tr.subType:
				case foreign && h.tr.nonstate != "":
					// a foreign army taking ground: ACLED's "non-state actor
					// or foreign state actor overtakes territory"
					ev.SubEventType = h.tr.nonstate
				case !foreign && h.tr.state != "":
					ev.SubEventType = h.tr.state
				}
			case classNonstate:
				if h.tr.nonstate != "" && h.sub == h.tr.subType {
					ev.SubEventType = h.tr.nonstate
				}
			}
		}
	}
	if ev.EventType == domain.Battles && a2 >= 0 && actors[a2].class == classCivilian && !h.tr.mutual && !twoSides {
		// "gunmen attacked a village, killing 12 residents", "fighters
		// stormed a camp for displaced people": a battle needs two armed
		// sides; one-sided violence against civilians is ACLED's Attack.
		// Fighting words ("clashes killed five civilians") keep the battle.
		ev.EventType, ev.SubEventType = domain.ViolenceAgainstCivilians, "Attack"
	}
	if h.typ == domain.Battles && a1 >= 0 && actors[a1].class == classOther && !actors[a1].named {
		ev.EventType, ev.SubEventType = domain.Riots, "Violent demonstration"
	}
	if (ev.EventType == domain.Protests || ev.EventType == domain.Riots && (a1 < 0 || actors[a1].class == classOther && !actors[a1].named)) && country != "" {
		// ACLED names crowds by their country; a protest's actor1 is
		// always its protesters, whoever they support or where they gather
		if ev.EventType == domain.Protests {
			actor1Name = "Protesters (" + country + ")"
		} else {
			actor1Name = "Rioters (" + country + ")"
		}
	}
	ev.Actor1 = domain.Str(actor1Name)
	if a2 >= 0 {
		if n := actorName(actors[a2], country); n != actor1Name {
			ev.Actor2 = domain.Str(n)
		}
	}
	if h.typ == domain.Diplomacy {
		if l := x.diplomacyPlace(d, s, ws, h, actor1Name, actors, a1, frames); l != nil {
			loc = l
		}
	}
	ev.Location = loc

	// date
	d.words = ws
	x.date(d, si, s, ts, &ev)

	// claimant
	ev.ClaimedBy, _ = d.attr.Claimant(ts, te)
	if h.typ == domain.Diplomacy && h.sub == "Statement" {
		for _, f := range frames {
			if f.Carrier != "" {
				ev.ClaimedBy = f.Carrier
				break
			}
		}
	}
	return ev, spoken
}

// implicitDoer names the doer a violent trigger implies without a
// mention: "Israeli airstrikes" (the adjective's state), "it struck" in a
// frame of the Israeli military (the speaker).
func (x *Extractor) implicitDoer(d *docContext, ws []word, h hit, frames []attribution.Frame) string {
	if c := x.adjCountry(ws, h.wi); c != "" {
		return "Military Forces of " + c
	}
	for j := h.wi - 1; j >= 0 && j >= h.wi-3; j-- {
		switch ws[j].lw {
		case "it", "they", "we":
			for _, f := range frames {
				if f.End <= ws[j].start && f.Claimant != "" && f.Claimant != d.attr.Voice() && !f.Person {
					return f.Claimant
				}
			}
			return ""
		case "had", "has", "have", "was", "were", "also", "then", "later", "reportedly":
			continue
		}
		if j < h.wi-1 {
			break
		}
	}
	return ""
}

// pronounSubject returns the speaker a pronoun subject stands for ("the
// military said it killed a commander"): "it", "they" or "we" opening
// the clause before any named party.
func (x *Extractor) pronounSubject(d *docContext, ws []word, wi, win int, actors []actorMention, frames []attribution.Frame) string {
	for j := wordIndex(ws, win); j < wi; j++ {
		for _, m := range actors {
			if m.start <= ws[j].start && m.end > ws[j].start {
				return "" // a named party comes first
			}
		}
		switch ws[j].lw {
		case "it", "they", "we":
			for _, f := range frames {
				if f.End <= ws[j].start && f.Claimant != "" && f.Claimant != d.attr.Voice() && !f.Person {
					return f.Claimant
				}
			}
			return ""
		}
	}
	return ""
}

// protesterBefore says whether protesters are named before a trigger:
// "protesters clashed with police" is a riot, not a battle.
func protesterBefore(actors []actorMention, ts, win int) bool {
	for _, m := range actors {
		if m.start >= win && m.start < ts && m.class == classOther && !m.named {
			return true
		}
	}
	return false
}

// frameBody is the non-person speaker framing position p, if any.
func frameBody(frames []attribution.Frame, p int, d *docContext) string {
	for _, f := range frames {
		if f.End <= p && f.Claimant != "" && f.Claimant != d.attr.Voice() && !f.Person {
			return f.Claimant
		}
	}
	return ""
}

// frameCountry is the country of the speaker framing position p.
func (x *Extractor) frameCountry(frames []attribution.Frame, p int, d *docContext) string {
	for _, f := range frames {
		if f.End <= p && f.Claimant != "" && f.Claimant != d.attr.Voice() {
			if c := x.countryOfName(f.Claimant); c != "" {
				return c
			}
			for _, e := range d.doc.Entities {
				if e.Start >= f.Start && e.End <= f.End && e.Country != "" {
					return e.Country
				}
			}
		}
	}
	return ""
}

// passiveAgent finds "by X" just after a trigger ("a truce brokered by
// Russia", "killed by regime raids").
func passiveAgent(ws []word, from int, actors []actorMention, text string) int {
	passive := from >= 2 && beVerbs[ws[from-2].lw] || from >= 3 && beVerbs[ws[from-3].lw]
	for j := from; j < len(ws) && j < from+4; j++ {
		if ws[j].lw != "by" {
			continue
		}
		// "killed by", "a truce, brokered by"; not "struck depots used by"
		participle := j == from+1 && strings.HasSuffix(ws[from].lw, "ed") && strings.Contains(text[ws[from-1].end:ws[from].start], ",")
		if j != from && !participle && !passive {
			return -1
		}
		if j > 0 && (ws[j-1].lw == "backed" || ws[j-1].lw == "supported" || ws[j-1].lw == "carried") {
			return -1
		}
		for i, m := range actors {
			if m.start >= ws[j].end && m.start <= ws[j].end+30 && m.class != classCivilian {
				return i
			}
		}
	}
	return -1
}

// between reads the parties of "clashes between A and B".
func between(ws []word, from int, actors []actorMention) (int, int) {
	if from >= len(ws) || ws[from].lw != "between" {
		return -1, -1
	}
	a1, a2 := -1, -1
	for i, m := range actors {
		if m.start < ws[from].end || m.modifier {
			continue
		}
		if a1 < 0 {
			a1 = i
		} else if actors[i].name != actors[a1].name || !m.named {
			a2 = i
			break
		}
	}
	return a1, a2
}

var beVerbs = map[string]bool{"was": true, "were": true, "been": true, "is": true, "are": true, "be": true}

// diplomacyActors picks the parties of a call, meeting or statement:
// named actors, the first before the trigger (else the first of the
// sentence), the second the next distinct one.
func (x *Extractor) diplomacyActors(actors []actorMention, ws []word, ts, win int, frames []attribution.Frame, sub string) (int, int) {
	a1 := -1
	_ = ws
	for i := len(actors) - 1; i >= 0; i-- {
		if actors[i].end <= ts && actors[i].start >= win && actors[i].named {
			a1 = i
			if sub != "Statement" {
				// the first of a coordinated pair: "A and B discussed"
				for j := i - 1; j >= 0 && actors[j].start >= win && actors[j].named; j-- {
					a1 = j
				}
			}
			break
		}
	}
	if a1 < 0 && sub != "Statement" {
		// the parties may follow: "talks between A and B", but not as
		// an object ("sanctions on the government of X")
		for i, m := range actors {
			if m.named && !m.notDoer && !inPrepPhrase(ws, m, win) {
				a1 = i
				break
			}
		}
	}
	if a1 < 0 && sub != "Statement" {
		// "a meeting of the Security Council": the body that met
		for i, m := range actors {
			if m.named && m.start > ts && m.start-ts < 60 {
				a1 = i
				break
			}
		}
	}
	if a1 < 0 && sub == "Statement" {
		a1 = nearestBefore(actors, ts, win, true)
	}
	a2 := -1
	if a1 >= 0 && sub != "Statement" {
		for i := a1 + 1; i < len(actors); i++ {
			if actors[i].named && actors[i].name != actors[a1].name && !sameCountry(actors[i], actors[a1]) {
				a2 = i
				break
			}
		}
	}
	return a1, a2
}

func sameCountry(a, b actorMention) bool {
	return a.country != "" && a.country == b.country && (strings.HasPrefix(a.name, "Government of") || strings.HasPrefix(b.name, "Government of"))
}

// span is the evidence of an event: the sentence, less the reporting
// frame that only says who speaks, or for a statement less the quotation.
func (x *Extractor) span(d *docContext, s domain.Span, ts, te int, statement bool, frames []attribution.Frame) domain.Span {
	text := d.doc.Text
	a, b := s.Start, s.End
	if statement {
		// drop a quotation that opens the sentence and ends before the trigger
		if r := firstRune(text[a:b]); r == '"' || r == '“' {
			if q := quoteEnd(text, a, ts); q > a {
				a = q
			}
		}
	} else {
		for _, f := range frames {
			if f.Start >= te && f.Start > a && f.Start < b {
				b = f.Start
			} else if f.End <= ts && f.End > a {
				a = f.End
			}
		}
	}
	// a semicolon bounds a clause
	if i := strings.LastIndexByte(text[a:ts], ';'); i >= 0 {
		a += i + 1
	}
	if i := strings.IndexByte(text[te:b], ';'); i >= 0 {
		b = te + i
	}
	a, b = trimSpan(text, a, b)
	if b <= a {
		a, b = trimSpan(text, s.Start, s.End)
	}
	return domain.Span{Text: text[a:b], Start: a, End: b}
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// quoteEnd returns the offset after the quotation that opens at a, if it
// closes before limit.
func quoteEnd(text string, a, limit int) int {
	for i, r := range text[a:limit] {
		if i == 0 {
			continue
		}
		if r == '"' || r == '”' {
			return a + i + len(string(r))
		}
	}
	return -1
}

// trimSpan strips spaces, punctuation and quote marks at both ends, and a
// leading "that".
func trimSpan(text string, a, b int) (int, int) {
	const cut = " \t\n,.;:\"“”'’‘-–—"
	for a < b {
		t := strings.TrimLeft(text[a:b], cut)
		na := b - len(t)
		if strings.HasPrefix(t, "that ") {
			na += 5
		}
		if na == a {
			break
		}
		a = na
	}
	for b > a {
		t := strings.TrimRight(text[a:b], cut)
		for _, c := range []string{" and", " but", " or"} {
			if strings.HasSuffix(t, c) {
				t = t[:len(t)-len(c)]
			}
		}
		if a+len(t) == b {
			break
		}
		b = a + len(t)
	}
	return a, b
}

// locate finds where a non-diplomatic event happened: a place of its
// sentence (a town before a province before a country), else the
// dateline, else the article's main place.
func (x *Extractor) locate(d *docContext, s domain.Span, ws []word, h hit, ts, te int, actors []actorMention, frames []attribution.Frame) *domain.Location {
	text := d.doc.Text
	var best *domain.Entity
	bestScore := -1 << 30
	sentEnts := d.entsIn(s.Start, s.End)
	for i := range sentEnts {
		e := &sentEnts[i]
		if e.Type != domain.Place || e.End > s.End {
			continue
		}
		if inFrame(frames, e.Start) || usedAsActor(actors, e) {
			continue
		}
		wi := wordIndex(ws, e.Start)
		prev := ""
		if wi > 0 && wi <= len(ws) {
			prev = ws[wi-1].lw
		}
		name := entName(*e)
		score := 0
		// "in northern Iraq": look past a direction for the preposition.
		if regionAdj[prev] && wi > 1 {
			prev = ws[wi-2].lw
		}
		switch {
		case x.isCountry(name):
			if !countryPlacePrep[prev] {
				continue
			}
			score -= 50
		case isProvince(text, *e):
			score -= 20
		}
		if strings.HasPrefix(text[e.End:], "'s") || strings.HasPrefix(text[e.End:], "’s") {
			if x.isCountry(name) {
				continue
			}
		}
		if e.Latitude != nil {
			score += 5
		}
		if wi == 0 || wi == 1 && prev == "in" {
			score += 30 // "In Mykolaiv, ...": the setting of the sentence
		}
		if prev == "of" && wi > 1 && relativeDir[ws[wi-2].lw] {
			score -= 30 // "east of Odesa": a landmark, not the place
		}
		dist := e.Start - te
		if e.Start < ts {
			dist = (ts - e.End) * 2
		}
		score -= dist / 10
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	if best != nil {
		name := entName(*best)
		switch {
		case x.isCountry(name):
			return entLocation(*best, 3)
		case isProvince(text, *best):
			return entLocation(*best, 3)
		}
		return entLocation(*best, 1)
	}
	// the place the article is about, before a dateline that may name
	// only the bureau
	if d.main != nil {
		l := *d.main
		return &l
	}
	if d.dateline != nil {
		l := *d.dateline
		return &l
	}
	if d.mainCountry != "" {
		if c, ok := x.capitals[strings.ToLower(d.mainCountry)]; ok {
			l := c.location(3)
			l.Name, l.Admin1 = d.mainCountry, ""
			return l
		}
	}
	return nil
}

// relativeDir before "of PLACE" make PLACE a reference point.
var relativeDir = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "outskirts": false, "km": true, "kilometres": true,
	"kilometers": true, "miles": true}

// regionAdj may stand between a preposition and a country ("in northern
// Iraq").
var regionAdj = map[string]bool{"northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north-eastern": true, "north-western": true, "south-eastern": true, "south-western": true}

// countryPlacePrep before a country make it the place of an event ("in
// Syria", "missiles fired at Ukraine").
var countryPlacePrep = map[string]bool{"in": true, "across": true, "throughout": true, "inside": true,
	"at": true, "on": true, "against": true, "into": true}

func inFrame(frames []attribution.Frame, p int) bool {
	for _, f := range frames {
		if p >= f.Start && p < f.End {
			return true
		}
	}
	return false
}

func usedAsActor(actors []actorMention, e *domain.Entity) bool {
	for _, m := range actors {
		if m.named && m.start == e.Start && m.end == e.End {
			return true
		}
	}
	return false
}

// diplomacyPlace places a call or statement at its first party's seat or
// capital, a meeting or vote where the sentence says it was held.
func (x *Extractor) diplomacyPlace(d *docContext, s domain.Span, ws []word, h hit, actor1 string, actors []actorMention, a1 int, frames []attribution.Frame) *domain.Location {
	if h.sub == "Meeting or talks" || h.sub == "Resolution or vote" || h.sub == "Statement" {
		for _, e := range d.entsIn(s.Start, s.End) {
			if e.Type != domain.Place || e.End > s.End {
				continue
			}
			wi := wordIndex(ws, e.Start)
			// "travelled to Cairo for talks"
			if wi > 0 && ws[wi-1].lw == "to" && wi+2 < len(ws) && ws[wi+1].lw == "for" && venueWords[ws[wi+2].lw] && !x.isCountry(entName(e)) {
				return entLocation(e, 1)
			}
			if wi > 0 && (ws[wi-1].lw == "in" || ws[wi-1].lw == "of" && wi > 1 && ws[wi-2].lw == "city") {
				if h.sub == "Statement" && !strings.Contains(strings.ToLower(text(d, s.Start, e.Start)), "conference") {
					continue
				}
				// "discussed the war in Syria": a country is a topic unless
				// the words say a meeting was held there
				if x.isCountry(entName(e)) && !(wi > 1 && venueWords[ws[wi-2].lw]) {
					continue
				}
				return entLocation(e, 1)
			}
		}
	}
	if p, ok := x.seatOf(actor1); ok {
		return p.location(1)
	}
	if a1 >= 0 && actors[a1].class == classNonstate {
		return nil // no capital: where the sentence puts it
	}
	country := ""
	if a1 >= 0 {
		country = actors[a1].country
	}
	if country == "" {
		country = x.countryOfName(actor1)
	}
	if c, ok := x.capitals[strings.ToLower(country)]; ok {
		return c.location(1)
	}
	return nil
}

func text(d *docContext, a, b int) string { return d.doc.Text[a:b] }

// venueWords before "in PLACE" say a meeting took place there.
var venueWords = map[string]bool{"meeting": true, "meetings": true, "talks": true, "summit": true,
	"conference": true, "held": true, "met": true, "session": true, "negotiations": true}

func (x *Extractor) seatOf(name string) (place, bool) {
	ln := strings.ToLower(name)
	if ln == "" {
		return place{}, false
	}
	for _, s := range x.seats {
		if strings.Contains(ln, s.key) {
			return s.place, true
		}
	}
	return place{}, false
}

// countryOfName reads the country out of an actor name: "Government of
// Syria", "Military Forces of Russia", "Syrian state media".
func (x *Extractor) countryOfName(name string) string {
	for _, p := range []string{"Government of ", "Military Forces of ", "Police Forces of "} {
		if strings.HasPrefix(name, p) {
			return strings.TrimPrefix(name, p)
		}
	}
	if i := strings.LastIndex(name, " of "); i >= 0 {
		if c, ok := x.demonyms[strings.ToLower(name[i+4:])]; ok {
			return c
		}
	}
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(name, "’", "'")))
	if len(f) > 0 {
		if c, ok := x.demonyms[f[0]]; ok {
			return c
		}
	}
	return ""
}

// date dates an event: a date mention of its sentence (the nearest to
// the trigger, days before months), else the last day the paragraph
// mentioned, else the publication date.
func (x *Extractor) date(d *docContext, si int, s domain.Span, ts int, ev *domain.Event) {
	var best *domain.DateMention
	bestScore := 1 << 30
	for i := range d.doc.Dates {
		m := &d.doc.Dates[i]
		if m.Start < s.Start || m.End > s.End {
			continue
		}
		dist := m.Start - ts
		if dist < 0 {
			dist = -dist
		}
		if m.Precision == domain.PrecisionMonth || m.Precision == domain.PrecisionYear {
			dist += 1000
		}
		if dist < bestScore {
			best, bestScore = m, dist
		}
	}
	if best != nil && setDate(ev, best.Value) {
		return
	}
	// narrative time: the last day mentioned earlier in the paragraph
	var last *domain.DateMention
	for i := range d.doc.Dates {
		m := &d.doc.Dates[i]
		if m.End > s.Start {
			break
		}
		if m.Precision != domain.PrecisionDay {
			continue
		}
		if p := d.dateParas[i]; p == d.para[si] || p == d.para[si]-1 && d.continues(s) {
			last = m
		}
	}
	if last != nil && setDate(ev, last.Value) {
		return
	}
	if d.pub != "" {
		ev.Date = domain.Str(d.pub)
		ev.TimePrecision = 2
	}
}

// continues says whether a sentence carries on the narration of the
// paragraph before ("Scores were also killed", "Meanwhile, ...").
func (d *docContext) continues(s domain.Span) bool {
	for _, w := range d.words {
		switch w.lw {
		case "also", "meanwhile", "same", "later", "then":
			return true
		}
	}
	return false
}

// entsIn returns the entities that start in [a, b); entities are sorted
// by Start.
func (d *docContext) entsIn(a, b int) []domain.Entity {
	ents := d.doc.Entities
	i := sort.Search(len(ents), func(i int) bool { return ents[i].Start >= a })
	j := i
	for j < len(ents) && ents[j].Start < b {
		j++
	}
	return ents[i:j]
}

// setDate writes a DateMention value into an event on ACLED's precision
// scale; false when the value cannot be read.
func setDate(ev *domain.Event, v string) bool {
	first, second, isRange := strings.Cut(v, "/")
	switch {
	case isRange:
		a, err1 := time.Parse("2006-01-02", first)
		b, err2 := time.Parse("2006-01-02", second)
		if err1 != nil || err2 != nil {
			return false
		}
		ev.Date, ev.DateEnd = domain.Str(first), domain.Str(second)
		ev.TimePrecision = 2
		if b.Sub(a) > 7*24*time.Hour {
			ev.TimePrecision = 3
		}
		if first == second {
			ev.DateEnd, ev.TimePrecision = nil, 1
		}
	case len(v) == 10:
		if _, err := time.Parse("2006-01-02", v); err != nil {
			return false
		}
		ev.Date, ev.TimePrecision = domain.Str(v), 1
	case len(v) == 7 || len(v) == 4:
		ev.Date, ev.TimePrecision = domain.Str(v), 3
	default:
		return false
	}
	return true
}
