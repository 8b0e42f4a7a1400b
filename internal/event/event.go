package event

import (
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/attribution"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

// Extractor finds events. It holds only the tables New builds and is safe
// for concurrent use.
type Extractor struct {
	triggers  phraseSet[trigger]
	mods      phraseSet[modality]
	actors    phraseSet[actorNoun]
	capitals  map[string]place  // lower-case country -> capital
	capitalOf map[string]string // lower-case capital -> country
	seats     []seat
	demonyms  map[string]string // lower-case adjective/possessive -> country
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
	wi, n int // word index and length
	tr    trigger
	mod   string
	// nominalHalt: "halt to airstrikes" names the pause itself
	nominalHalt bool
	// anaphoric: "the truce", "the phone conversation" refer back
	anaphoric bool
	weak      bool
	drop      bool
	typ, sub  string
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
		n := len(evs)
		evs = append(evs, x.sentence(d, si, s, ws)...)
		if k := claimWord(ws); k >= 0 {
			x.claimResponsibility(d, si, s, ws, k, evs[:n])
		}
	}
	evs = merge(evs)
	out := make([]domain.Event, 0, len(evs))
	for _, c := range evs {
		out = append(out, c.ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// claimWord finds a claim of responsibility ("claimed responsibility
// for", "said it had carried out the strike") and returns the index of
// its first word, or -1.
func claimWord(ws []word) int {
	for i, w := range ws {
		switch w.lw {
		case "responsibility":
			if i > 0 && (ws[i-1].lw == "claimed" || ws[i-1].lw == "claims" || ws[i-1].lw == "claiming" || ws[i-1].lw == "took" || ws[i-1].lw == "claim") {
				return i - 1
			}
		case "behind":
			if i > 0 && i+1 < len(ws) && beVerbs[ws[i-1].lw] && anaphoric[ws[i+1].lw] {
				return i - 1 // "said it was behind the attack"
			}
		case "carried", "conducted":
			if i+2 < len(ws) && ws[i+1].lw == "out" && anaphoric[ws[i+2].lw] || w.lw == "conducted" && i+1 < len(ws) && anaphoric[ws[i+1].lw] {
				return i
			}
		}
	}
	return -1
}

// claimResponsibility gives an earlier event of the same or the previous
// sentence without a doer the party that claims it: "A drone strike
// killed two. The U.S. military said it had carried out the strike." is
// one strike by the U.S. military, not a second one.
func (x *Extractor) claimResponsibility(d *docContext, si int, s domain.Span, ws []word, k int, prev []cand) {
	claimant := ""
	for _, m := range x.actorMentions(d, s, ws) {
		if m.start >= ws[k].start {
			break
		}
		if m.class == classState || m.class == classNonstate || m.class == classPolice {
			claimant = actorName(m, d.mainCountry)
			break
		}
	}
	if claimant == "" {
		return
	}
	for i := len(prev) - 1; i >= 0; i-- {
		c := &prev[i]
		if c.sent < si-1 {
			return
		}
		if !violent[c.ev.EventType] || c.ev.EventType == domain.Protests || !claimFits(ws, k, c.ev.SubEventType) {
			continue
		}
		if (c.ev.Actor1 == nil || *c.ev.Actor1 == "") && domain.Deref(c.ev.Actor2) != claimant {
			c.ev.Actor1 = domain.Str(claimant)
		}
		return
	}
}

// claimNouns say which sub-event types the object of a claim can name:
// "responsibility for the rocket fire" is no air strike.
var claimNouns = map[string][]string{
	"strike": {"Air/drone strike", "Shelling/artillery/missile attack"}, "strikes": {"Air/drone strike", "Shelling/artillery/missile attack"},
	"airstrike": {"Air/drone strike"}, "airstrikes": {"Air/drone strike"}, "drone": {"Air/drone strike"}, "raid": {"Air/drone strike", "Armed clash", "Attack"},
	"rocket": {"Shelling/artillery/missile attack"}, "rockets": {"Shelling/artillery/missile attack"}, "missile": {"Shelling/artillery/missile attack"},
	"shelling": {"Shelling/artillery/missile attack"}, "bombing": {"Remote explosive/landmine/IED", "Suicide bomb", "Air/drone strike"},
	"blast": {"Remote explosive/landmine/IED", "Suicide bomb"}, "explosion": {"Remote explosive/landmine/IED", "Suicide bomb"},
	"kidnapping": {"Abduction/forced disappearance"}, "abduction": {"Abduction/forced disappearance"},
	"ambush": {"Armed clash", "Attack"},
}

// claimFits says whether the object of a claim starting at word k can
// name an event of sub-event type sub; a general word ("the attack")
// fits any.
func claimFits(ws []word, k int, sub string) bool {
	for j := k + 1; j < len(ws) && j <= k+7; j++ {
		subs, ok := claimNouns[ws[j].lw]
		if !ok {
			continue
		}
		for _, s := range subs {
			if s == sub {
				return true
			}
		}
		return false
	}
	return true
}

// cand is an event with what merging needs to know.
type cand struct {
	ev        domain.Event
	sent      int
	anaphoric bool
	clause    int // which reported clause of its sentence
	// spokenActor: actor1 is the speaker of the frame, not a doer the
	// clause names
	spokenActor bool
}

// subClause counts the subordinate clauses with a subject of their own
// that open before word wi ("seized two hilltops before a counterattack
// pushed them back"); "after killing" opens none.
func subClause(ws []word, wi int) int {
	n := 0
	for j := 0; j < wi; j++ {
		switch ws[j].lw {
		case "before", "while", "whereas", "but":
			if j+1 < len(ws) && !strings.HasSuffix(ws[j+1].lw, "ing") {
				n++
			}
		}
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// longRange says whether an event is dated by a range of more than 45
// days: a summary of a campaign, not one occurrence.
func longRange(ev domain.Event) bool {
	if ev.Date == nil || ev.DateEnd == nil {
		return false
	}
	a, err1 := time.Parse("2006-01-02", *ev.Date)
	b, err2 := time.Parse("2006-01-02", *ev.DateEnd)
	return err1 == nil && err2 == nil && b.Sub(a) > 45*24*time.Hour
}

// clauseIndex counts the reporting cues of a sentence before pos: "X
// reported A and said B" has two reported clauses.
func clauseIndex(frames []attribution.Frame, s domain.Span, pos int) int {
	n := 0
	for _, f := range frames {
		if f.Cue > s.Start && f.Cue < pos {
			n++
		}
	}
	return n
}

// hasDoer says whether a trigger has a named or generic doer before it.
func (x *Extractor) hasDoer(text string, ws []word, h hit, actors []actorMention, s domain.Span, frames []attribution.Frame) bool {
	win := actorWindow(text, ws, h.wi, s.Start, frames)
	return nearestBefore(actors, ws[h.wi].start, win, true) >= 0 || passiveAgent(ws, h.wi+h.n, actors, text) >= 0
}

// merge folds later mentions of an event already reported (same type,
// sub-type, place, date and a compatible actor, within a few sentences)
// into one event, keeping the mention that places it best.
func merge(evs []cand) []cand {
	out := make([]cand, 0, len(evs))
	for _, e := range evs {
		j := -1
		for i := len(out) - 1; i >= 0; i-- {
			if sameEvent(&out[i], &e) {
				j = i
				break
			}
		}
		if j < 0 {
			out = append(out, e)
			continue
		}
		// the first mention is the report; a later one fills in. An
		// anaphoric mention that names the doer the first one lacked
		// ("the ceasefire deal, mediated by A and B") replaces it.
		f := out[j].ev
		keep, other := f, e.ev
		if f.EventType != domain.Diplomacy && e.anaphoric && out[j].spokenActor && !e.spokenActor && e.ev.Actor1 != nil {
			keep, other = e.ev, f
		}
		if finer(other.Location, keep.Location) {
			keep.Location = other.Location
		}
		if keep.Actor1 == nil {
			keep.Actor1 = other.Actor1
		}
		if keep.Actor2 == nil {
			keep.Actor2 = other.Actor2
		}
		if keep.Fatalities == nil {
			keep.Fatalities = other.Fatalities
		}
		if keep.Injured == nil {
			keep.Injured = other.Injured
		}
		if f.EventType == domain.Diplomacy && (f.SubEventType == "Call" || e.ev.SubEventType == "Call") {
			keep.SubEventType = "Call"
		}
		out[j].ev = keep
		if keep.Start == e.ev.Start {
			out[j].spokenActor = e.spokenActor
		}
	}
	return out
}

// sameEvent says whether e is a later mention of f.
func sameEvent(f, e *cand) bool {
	gap := e.sent - f.sent
	if gap <= 0 || gap > 4 || f.ev.EventType != e.ev.EventType {
		return false
	}
	if e.anaphoric {
		// "the truce", "the phone conversation", "the clashes": the one
		// told before
		talk := func(s string) bool { return s == "Call" || s == "Meeting or talks" }
		return f.ev.SubEventType == e.ev.SubEventType || talk(f.ev.SubEventType) && talk(e.ev.SubEventType) ||
			violent[f.ev.EventType]
	}
	compatActor := e.ev.Actor1 == nil || f.ev.Actor1 == nil || *e.ev.Actor1 == *f.ev.Actor1
	if !compatActor {
		return false
	}
	if f.ev.EventType != domain.Diplomacy && f.ev.ClaimedBy != e.ev.ClaimedBy {
		return false // two sources' accounts stay apart for the incident layer
	}
	if f.ev.EventType == domain.Diplomacy {
		fs, es := f.ev.SubEventType, e.ev.SubEventType
		talk := func(s string) bool { return s == "Call" || s == "Meeting or talks" }
		switch {
		case fs == es && (fs == "Call" || fs == "Statement"):
			return gap <= 1
		case talk(fs) && talk(es) && (fs == "Call" || es == "Call"):
			return gap <= 1
		}
	}
	if violent[f.ev.EventType] && f.ev.Fatalities != nil && e.ev.Fatalities != nil {
		return false // two tolls: two incidents
	}
	sameSub := f.ev.SubEventType == e.ev.SubEventType || violent[f.ev.EventType] && gap <= 1
	return sameSub && placeCompat(f.ev.Location, e.ev.Location) && closeDates(f.ev.Date, e.ev.Date)
}

// closeDates says whether two event dates are at most a day apart.
func closeDates(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	ta, err1 := time.Parse("2006-01-02", *a)
	tb, err2 := time.Parse("2006-01-02", *b)
	if err1 != nil || err2 != nil {
		return *a == *b
	}
	d := ta.Sub(tb)
	return d <= 24*time.Hour && d >= -24*time.Hour
}

// richer says whether mention a tells more about the event than b: an
// actor, then a finer place.
func richer(a, b *domain.Event) bool {
	if (a.Actor1 != nil) != (b.Actor1 != nil) {
		return a.Actor1 != nil
	}
	return finer(a.Location, b.Location)
}

func placeCompat(a, b *domain.Location) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Name == b.Name {
		return true
	}
	return a.Admin1 != "" && a.Admin1 == b.Admin1 && a.Country == b.Country
}

// finer says whether location a is more precise than b.
func finer(a, b *domain.Location) bool {
	if a == nil || b == nil {
		return b == nil && a != nil
	}
	if a.GeoPrecision != b.GeoPrecision {
		return a.GeoPrecision < b.GeoPrecision
	}
	return a.Name != a.Admin1 && b.Name == b.Admin1
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
	means := "" // the remote weapon an attack was made "with"
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
			h.drop = true // "with the support of tanks and artillery"
			if means == "" && h.typ == domain.ExplosionsRemoteViolence {
				means = h.sub
			}
		}
		if backedBy(text, ws, h.wi) {
			h.drop = true // the support of another party's action
		}
		if h.tr.request && !h.drop && request < 0 {
			request = h.wi
		}
		if h.tr.needActor && !namedDoer(actors, frames, ws[h.wi].start, s.Start) && !spokenBefore(frames, ws[h.wi].end, d.attr.Voice()) {
			h.drop = true
		}
		if h.wi > 0 && anaphoric[ws[h.wi-1].lw] && !(h.wi+h.n < len(ws) && ws[h.wi+h.n].lw == "of") {
			h.anaphoric = true
			if h.weak {
				h.drop = true // "condemned the attack": an event told before
			}
		}
	}
	// "told Reuters by phone": how a source was reached, not a call
	for i := range hits {
		if hits[i].sub == "Call" && reachedBy(ws, hits[i].wi) {
			hits[i].drop = true
		}
	}
	// "arrested 15 people in raids": house searches, not air raids
	arrests, riot := false, false
	for _, h := range hits {
		arrests = arrests || h.sub == "Arrests" && !h.drop
		riot = riot || h.typ == domain.Riots && !h.drop
	}
	if riot {
		// "a mob attacked the station and set it on fire": the riot's
		// damage, not a second event
		for i := range hits {
			if hits[i].sub == "Looting/property destruction" {
				hits[i].drop = true
			}
		}
	}
	if arrests {
		for i := range hits {
			if lw := ws[hits[i].wi].lw; hits[i].n == 1 && (lw == "raids" || lw == "raid") {
				hits[i].drop = true
			}
		}
	}
	if cumulative(ws) {
		for i := range hits {
			if violent[hits[i].typ] {
				hits[i].drop = true
			}
		}
	}
	otherViolence := false
	for _, h := range hits {
		if violent[h.typ] && !h.tr.last && !h.drop {
			otherViolence = true
		}
	}
	talk := -1
	for i := range hits {
		h := &hits[i]
		if h.drop {
			continue
		}
		if h.tr.last && otherViolence {
			h.drop = true
			continue
		}
		if h.typ == domain.Diplomacy && (h.sub == "Meeting or talks" || h.sub == "Call") && talk < 0 {
			talk = h.wi
		}
		// "held talks in Cairo on a truce": the truce is the topic
		if talk >= 0 && h.wi > talk && h.typ == domain.Humanitarian &&
			(topicBefore(ws, h.wi) || strings.HasPrefix(ws[talk].lw, "discuss") && h.wi-talk <= 6) {
			h.drop = true
			continue
		}
		if request >= 0 && h.wi > request && !h.tr.request && (h.typ == domain.Humanitarian || h.typ == domain.Diplomacy) {
			h.drop = true // the object of a call: a wish, not an event
			continue
		}
		switch h.mod {
		case "", "declared":
		case "halted":
			if !violent[h.typ] && h.sub != "Ceasefire or pause" {
				h.drop = true // "the evacuation was suspended"
				continue
			}
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
	// a weak word gives way to a strong one of its type or nearby
	shadowed := func(h hit) bool {
		for _, o := range hits {
			if o.drop || o.weak {
				continue
			}
			if o.typ == h.typ || abs(o.wi-h.wi) <= 8 {
				return true
			}
		}
		return false
	}
	// group the surviving hits: violence by event type, the rest by
	// sub-event type, and apart when a reporting cue separates them
	// ("X reported clashes ... and said raids killed ...")
	type group struct {
		lead int
		hits []int
	}
	type groupKey struct {
		typ, sub     string
		clause, part int
	}
	var groups []group
	var keys []groupKey
	for i, h := range hits {
		if h.drop || h.weak && strong && shadowed(h) {
			continue
		}
		key := groupKey{typ: h.typ, clause: clauseIndex(frames, s, ws[h.wi].start)}
		if h.sub != h.tr.subType || h.tr.state != "" || h.tr.nonstate != "" {
			// territory changing hands twice: "seized ... before a
			// counterattack pushed them back"
			key.part = subClause(ws, h.wi)
		}
		switch {
		case h.typ == domain.Diplomacy && (h.sub == "Call" || h.sub == "Meeting or talks"):
			key.sub = "talk" // "discussed ... during a phone call": one call
		case !violent[h.typ]:
			key.sub = h.sub
		}
		g := -1
		for k, kk := range keys {
			if kk == key {
				g = k
			}
		}
		if g < 0 {
			keys = append(keys, key)
			groups = append(groups, group{lead: i, hits: []int{i}})
			continue
		}
		groups[g].hits = append(groups[g].hits, i)
		// lead: a strong trigger, preferably one whose doer is named
		lead := hits[groups[g].lead]
		if lead.weak && !h.weak || lead.weak == h.weak && !x.hasDoer(text, ws, lead, actors, s, frames) && x.hasDoer(text, ws, h, actors, s, frames) {
			groups[g].lead = i
		}
		if h.sub == "Call" {
			hits[groups[g].lead].sub = "Call"
		}
	}
	// weak violence words alone ("targeted ... in the latest attack"):
	// one event, from the first
	if !strong {
		seen := false
		kept := groups[:0]
		for _, g := range groups {
			if violent[hits[g.lead].typ] {
				if seen {
					continue
				}
				seen = true
			}
			kept = append(kept, g)
		}
		groups = kept
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
		if h.typ == domain.Protests {
			h.sub = protestSub(hits, g.hits, d.hasQty(s, domain.KindKilled), ws)
		}
		if means == "" {
			means = attackMeans(ws)
		}
		if means != "" && h.typ == domain.Battles && h.weak && h.sub == "Armed clash" && !h.tr.mutual {
			// "attacked the town with artillery": remote violence
			h.typ, h.sub = domain.ExplosionsRemoteViolence, means
		}
		if h.weak && h.sub == "Air/drone strike" && hasAny(ws, groundWeapons) {
			h.sub = "Shelling/artillery/missile attack" // "struck depots with missiles"
		}
		ev, spoken := x.build(d, si, s, ws, h, actors, frames)
		if violent[ev.EventType] && longRange(ev) {
			continue // "fighting since April has displaced ...": a summary
		}
		c := cand{ev: ev, sent: si, anaphoric: h.anaphoric, clause: clauseIndex(frames, s, ws[h.wi].start), spokenActor: spoken}
		out = append(out, c)
		if violent[ev.EventType] {
			out = append(out, x.alsoPlaces(d, s, ws, h, c)...)
		}
	}
	// quantities: each to the nearest compatible event of the sentence
	x.attachQuantities(d, s, out, frames)
	if len(out) == 0 {
		return nil
	}
	return out
}

// remoteWeapons map the weapons of an attack made "with" them to the
// sub-event type of remote violence.
var remoteWeapons = map[string]string{"drones": "Air/drone strike", "drone": "Air/drone strike",
	"missiles": "Shelling/artillery/missile attack", "missile": "Shelling/artillery/missile attack",
	"rockets": "Shelling/artillery/missile attack", "artillery": "Shelling/artillery/missile attack",
	"mortars": "Shelling/artillery/missile attack", "shells": "Shelling/artillery/missile attack"}

// attackMeans reads the remote weapon an attack was made with ("attacked a
// tanker with drones and a missile").
func attackMeans(ws []word) string {
	for i, w := range ws {
		if w.lw != "with" {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+4; j++ {
			if sub, ok := remoteWeapons[ws[j].lw]; ok {
				return sub
			}
		}
	}
	return ""
}

// reachedBy says whether a call phrase ("by phone") closes an interview
// frame: "a resident told AFP by phone", "speaking by telephone".
func reachedBy(ws []word, wi int) bool {
	for j := wi - 1; j >= 0 && j >= wi-5; j-- {
		switch ws[j].lw {
		case "told", "tell", "telling", "speaking", "spoke", "interviewed", "contacted", "reached", "said", "says":
			return ws[j].lw != "spoke" || j+1 < len(ws) && ws[j+1].lw == "to" && j+1 < wi-1
		}
	}
	return false
}

// protestSub ranks a protest by the force used against it: "police fired
// tear gas" makes it a protest with intervention, deaths or live fire
// excessive force, whichever word of the sentence carries it.
func protestSub(hits []hit, group []int, killed bool, ws []word) string {
	best := "Peaceful protest"
	for _, i := range group {
		if hits[i].typ == domain.Protests && protestRank[hits[i].sub] > protestRank[best] {
			best = hits[i].sub
		}
	}
	if best == "Protest with intervention" && (killed || hasAny(ws, lethalForce)) {
		best = "Excessive force against protesters"
	}
	return best
}

var protestRank = map[string]int{"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}

// lethalForce are the words that make an intervention excessive force.
var lethalForce = []string{"live", "shot"}

// topicBefore says whether a trigger is the object of "on", "about",
// "over" or "regarding" (the topic of talks).
func topicBefore(ws []word, wi int) bool {
	for j := wi - 1; j >= 0 && j >= wi-4; j-- {
		switch ws[j].lw {
		case "on", "about", "over", "regarding", "concerning":
			return true
		}
	}
	return false
}

// namedDoer says whether a party that can act is named before pos,
// outside the reporting frames.
func namedDoer(actors []actorMention, frames []attribution.Frame, pos, from int) bool {
	for _, m := range actors {
		if m.start < pos && m.start >= from && !inFrame(frames, m.start) &&
			m.class != classCivilian && !(m.class == classOther && !m.named) {
			return true
		}
	}
	return false
}

// cumulative says whether a sentence gives a running toll ("have been
// killed since the war began"), which is no event.
func cumulative(ws []word) bool {
	for i, w := range ws {
		switch w.lw {
		case "since":
			for j := i + 1; j < len(ws) && j <= i+4 && !(i+1 < len(ws) && recentSince[ws[i+1].lw]); j++ {
				switch ws[j].lw {
				case "war", "conflict", "start", "beginning", "outbreak", "invasion", "began", "erupted", "uprising", "revolution":
					return true
				}
			}
			// "since fighting between the army and the RSF broke out in
			// April 2023": the start of a whole war, told as background
			for j := i + 1; j+1 < len(ws) && j <= i+12 && !recentSince[ws[i+1].lw]; j++ {
				if ws[j].lw == "since" {
					break
				}
				switch ws[j].lw {
				case "began", "begun", "started", "erupted", "escalated":
					return true
				case "broke", "broken":
					if ws[j+1].lw == "out" {
						return true
					}
				}
			}
		case "toll", "tally":
			return true
		}
	}
	return false
}

// recentSince are the words after "since" that start a recent span
// ("since Monday, when clashes erupted"): the events are news.
var recentSince = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "yesterday": true, "dawn": true, "morning": true,
	"early": true, "last": true, "overnight": true, "weekend": true}

// spokenBefore says whether a named speaker frames the sentence before
// end ("Syrian state media quoted ... as saying").
func spokenBefore(frames []attribution.Frame, end int, voice string) bool {
	for _, f := range frames {
		if f.Cue < end && f.Claimant != "" && f.Claimant != voice {
			return true
		}
	}
	return false
}

// groundWeapons turn a bare "strike" into shelling or a missile attack.
var groundWeapons = []string{"missile", "missiles", "rocket", "rockets", "artillery", "shells", "shelling", "mortar", "mortars"}

// anaphoric determiners make a weak trigger refer to an event already
// reported ("the attack", "such attacks").
var anaphoric = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true, "such": true}

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

var (
	modNames = [...]string{modPlanned: "planned", modPurpose: "purpose", modDenied: "denied",
		modHalted: "halted", modDeclared: "declared"}
	modRank = map[string]int{"": 0, "declared": 1, "purpose": 2, "halted": 3, "planned": 4, "denied": 5}
)

// alsoPlaces splits an attack on several places ("targeted A, as well as
// the town of B"): one event per place, as ACLED codes them.
func (x *Extractor) alsoPlaces(d *docContext, s domain.Span, ws []word, h hit, c cand) []cand {
	var out []cand
	for i := h.wi + h.n; i+2 < len(ws); i++ {
		if ws[i].lw != "as" || ws[i+1].lw != "well" || ws[i+2].lw != "as" {
			continue
		}
		from := ws[i].start
		for _, e := range d.doc.Entities {
			if e.Type != domain.Place || e.Start < ws[i+2].end {
				continue
			}
			if e.Start-ws[i+2].end > 40 || e.End > s.End {
				break
			}
			if x.isCountry(entName(e)) || c.ev.Location != nil && c.ev.Location.Name == entName(e) {
				break
			}
			ev := c.ev
			ev.Location = entLocation(e, 1)
			ev.Fatalities, ev.Injured, ev.Quantities = nil, nil, []domain.Quantity{}
			ev.Span = domain.Span{Text: d.doc.Text[from:e.End], Start: from, End: e.End}
			out = append(out, cand{ev: ev, sent: c.sent, clause: c.clause, spokenActor: c.spokenActor})
			break
		}
	}
	return out
}

// backedBy reports whether a trigger names the support of another
// party's action ("forces backed by coalition air strikes").
func backedBy(text string, ws []word, wi int) bool {
	if strings.HasSuffix(ws[wi].lw, "ed") && wi > 0 && ws[wi-1].lw != "by" {
		return false // "troops backed by allied forces seized the town": the verb of the clause
	}
	for j := wi - 1; j >= 1 && j >= wi-6; j-- {
		if strings.ContainsAny(text[ws[j].end:ws[j+1].start], ",;:") {
			return false // "X, backed by jets, began an offensive"
		}
		if ws[j].lw == "by" && (ws[j-1].lw == "backed" || ws[j-1].lw == "supported" || ws[j-1].lw == "covered") ||
			ws[j].lw == "of" && (ws[j-1].lw == "support" || ws[j-1].lw == "cover") {
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
		if strings.ContainsAny(gap, ",;:()—–\"“”") {
			break
		}
		if clauseBreak[ws[cs-1].lw] {
			cs-- // the break word belongs to its clause ("which is fighting")
			break
		}
		cs--
	}
	// the cue nearest before the trigger governs it
	for i := cs; i < h.wi; {
		m, n := x.mods.match(ws, i)
		if n == 0 || i+n > h.wi {
			i++
			continue
		}
		if m.before {
			h.mod = modNames[m.kind]
		}
		i += n
	}
	// "to retake": a purpose, unless "managed to", "continuing to"
	if h.wi > 0 && ws[h.wi-1].lw == "to" && !(h.wi > 1 && continuers[ws[h.wi-2].lw]) {
		h.mod = "purpose"
	}
	if h.wi > 1 && ws[h.wi-1].lw == "be" && ws[h.wi-2].lw == "to" {
		h.mod = "purpose"
	}
	// a cue just after ("air strikes ceased", "the pause should
	// continue") wins when it is stronger
	set := func(k modKind) {
		if name := modNames[k]; modRank[name] > modRank[h.mod] {
			h.mod = name
		}
	}
	end := h.wi + h.n
	for i := end; i < len(ws) && i < end+8; {
		gap := text[ws[i-1].end:ws[i].start]
		if strings.ContainsAny(gap, ",;:()—–") || clauseBreak[ws[i].lw] || ws[i].lw == "and" {
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
func (x *Extractor) attachQuantities(d *docContext, s domain.Span, out []cand, frames []attribution.Frame) {
	if len(out) == 0 {
		return
	}
	for _, q := range d.doc.Quantities {
		if q.Start < s.Start || q.End > s.End {
			continue
		}
		best, bestDist := -1, 1<<30
		qc := clauseIndex(frames, s, q.Start)
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
			if out[i].clause != qc {
				dist += 1 << 20
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
