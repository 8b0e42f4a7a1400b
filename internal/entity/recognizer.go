package entity

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

// Recognizer finds entity mentions in article text. It is built once from
// a knowledge base (the build indexes every alias, role word and
// gazetteer town) and is then read-only, so safe for concurrent use.
type Recognizer struct {
	k         *kb.KB
	d         *dict
	infos     []info
	capital   map[int32]bool // capitals, which often stand for governments
	byID      map[string]int32
	templates []kb.Template
	// generic maps "label kind|country" to the actor a generic label names.
	generic map[string]int32
	// countries maps canonical country names to their ISO code, and back.
	codeOf    map[string]string
	countryOf map[string]string
	// cue word sets (folded).
	placeHead map[string]bool
	placeOf   map[string]bool
	prep      map[string]bool
	speech    map[string]bool
	particle  map[string]bool
	hparticle map[string]bool
	orgHead   map[string]bool
	placePre  map[string]bool
	phraseEnd map[string]bool
	groupHead map[string]bool
	nonName   map[string]bool
	notPlace  map[string]bool
	roleWord  map[string]bool
	// frame holds the one-word labels (rebels, terrorists, regime,
	// occupation): an armed group's mention containing one keeps its
	// wording as the label.
	frame map[string]bool
}

// conflictCountries weigh more when choosing an article's context
// country: a report on Aleppo names Russia and the US often too.
var conflictCountries = map[string]bool{
	"SY": true, "IQ": true, "YE": true, "UA": true, "PS": true, "IL": true, "LB": true,
	"LY": true, "SD": true, "AF": true, "SO": true, "SS": true, "ML": true, "CD": true,
}

// Dictionary priorities: lower wins when one phrase has several readings.
const (
	prioCountry  = 5
	prioCapital  = 6
	prioHand     = 8
	prioActor    = 10
	prioTemplate = 15
	prioGen      = 20
	prioGaz      = 30
	prioLabel    = 40
	prioRole     = 50
)

// New builds a Recognizer from the knowledge base. It reads the
// gazetteer, so it takes a second or so: build one and share it.
func New(k *kb.KB) (*Recognizer, error) {
	r := &Recognizer{k: k, d: newDict(), byID: map[string]int32{}, generic: map[string]int32{}, capital: map[int32]bool{},
		codeOf: map[string]string{}, countryOf: map[string]string{}, frame: map[string]bool{}}
	if err := r.loadCues(); err != nil {
		return nil, err
	}
	countries := k.Countries()
	for _, c := range countries {
		r.codeOf[c.Name] = c.Code
		r.countryOf[c.Code] = c.Name
	}
	handKeys := map[string]bool{}
	// Countries, their demonyms and capitals.
	for _, c := range countries {
		e := r.addInfo(info{typ: domain.Place, canonical: c.Name, kbid: "place/" + strings.ToLower(c.Code),
			country: c.Name, code: c.Code, isCountry: true})
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			r.d.add(n, cand{kind: kEntity, ent: e, prio: prioCountry})
			handKeys[c.Code+":"+kb.PlaceKey(n)] = true
		}
		for _, dm := range c.Demonyms {
			r.d.add(dm, cand{kind: kDemonym, country: c.Name, prio: prioCountry})
		}
	}
	places := k.Places()
	for _, p := range places {
		e := r.addInfo(placeInfo(p, r.countryOf))
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			r.d.add(n, cand{kind: kEntity, ent: e, prio: prioHand, notPlace: r.nonName[kb.Fold(n)]})
			handKeys[p.CountryCode+":"+kb.PlaceKey(n)] = true
		}
	}
	for _, c := range countries {
		caps := strings.Split(c.Capital, "|")
		if c.Capital == "" {
			continue
		}
		id := "place/" + strings.ToLower(c.Code) + "/" + kb.Slug(caps[0])
		e, ok := r.byID[id]
		if !ok {
			e = r.addInfo(info{typ: domain.Place, canonical: caps[0], kbid: id, country: c.Name, code: c.Code,
				admin1: c.CapitalAdmin1, lat: c.Lat, lon: c.Lon, hasCoord: c.HasCoord})
		}
		r.capital[e] = true
		for _, n := range caps {
			if handKeys[c.Code+":"+kb.PlaceKey(n)] && ok {
				continue
			}
			r.d.add(n, cand{kind: kEntity, ent: e, prio: prioCapital})
			handKeys[c.Code+":"+kb.PlaceKey(n)] = true
		}
	}
	if err := r.addGazetteer(handKeys); err != nil {
		return nil, err
	}
	r.addActors()
	r.templates = k.Templates()
	for i, t := range r.templates {
		if t.Contextual() {
			r.d.add(t.Pattern, cand{kind: kTemplate, tmpl: int32(i), prio: prioTemplate})
		}
	}
	for _, t := range k.Lexicon("labels") {
		if t.Field(0) == "" {
			return nil, fmt.Errorf("%s line %d: label %q has no kind", t.File, t.Line, t.Text)
		}
		r.d.add(t.Text, cand{kind: kLabel, label: t.Field(0), prio: prioLabel})
		if f := kb.Fold(t.Text); !strings.Contains(f, " ") {
			r.frame[f] = true
		}
	}
	r.roleWord = map[string]bool{}
	for _, t := range k.Lexicon("roles") {
		var roles []string
		for _, s := range strings.Split(t.Field(0), ",") {
			if s = strings.TrimSpace(s); s != "" {
				roles = append(roles, s)
			}
		}
		r.d.add(t.Text, cand{kind: kRole, roles: roles, prio: prioRole})
		r.roleWord[kb.Fold(t.Text)] = true
	}
	r.d.sortCands()
	return r, nil
}

func (r *Recognizer) addInfo(in info) int32 {
	if e, ok := r.byID[in.kbid]; ok && in.kbid != "" {
		return e
	}
	r.infos = append(r.infos, in)
	e := int32(len(r.infos) - 1)
	if in.kbid != "" {
		r.byID[in.kbid] = e
	}
	return e
}

func placeInfo(p kb.Place, countryOf map[string]string) info {
	return info{typ: domain.Place, canonical: p.Name, kbid: p.ID, country: countryOf[p.CountryCode],
		code: p.CountryCode, admin1: p.Admin1, lat: p.Lat, lon: p.Lon, hasCoord: p.HasCoord,
		pop: p.Population, gazetteer: p.Gazetteer}
}

// addGazetteer files the gazetteer towns a text may name without any cue:
// every town of the conflict countries and the large towns elsewhere.
// Smaller towns are still found after "in", "town of" and the like.
func (r *Recognizer) addGazetteer(handKeys map[string]bool) error {
	gaz, err := r.k.Gazetteer()
	if err != nil {
		return fmt.Errorf("entity recognizer: %w", err)
	}
	type pick struct {
		i   int
		key string
	}
	byName := map[string][]pick{}
	for i := range gaz {
		p := &gaz[i]
		if !(conflictCountries[p.CountryCode] || p.Population >= 100000) {
			continue
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			f := kb.Fold(n)
			if f == "" || r.notPlace[f] || r.nonName[f] || len(f) < 3 || handKeys[p.CountryCode+":"+kb.PlaceKey(n)] {
				continue
			}
			byName[f] = append(byName[f], pick{i, n})
		}
	}
	names := make([]string, 0, len(byName))
	for f := range byName {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		ps := byName[f]
		sort.SliceStable(ps, func(a, b int) bool {
			pa, pb := &gaz[ps[a].i], &gaz[ps[b].i]
			ca, cb := conflictCountries[pa.CountryCode], conflictCountries[pb.CountryCode]
			if ca != cb {
				return ca
			}
			return pa.Population > pb.Population
		})
		if len(ps) > 6 {
			ps = ps[:6]
		}
		for rank, pk := range ps {
			p := gaz[pk.i]
			in := placeInfo(p, r.countryOf)
			in.kbid = fmt.Sprintf("%s-%d", p.ID, p.Line)
			e := r.addInfo(in)
			r.d.add(pk.key, cand{kind: kEntity, ent: e, prio: prioGaz + int32(rank)})
		}
	}
	return nil
}

// addActors files every actor's names. A person's last name, and the
// short forms the data lists, only count after a fuller mention.
func (r *Recognizer) addActors() {
	for _, a := range r.k.Actors() {
		in := info{typ: a.Type, canonical: a.Name, kbid: a.ID, side: a.Side, country: a.Country,
			code: r.codeOf[a.Country], person: a.Type == domain.Person}
		prio := int32(prioActor)
		if a.Generated {
			prio = prioGen
		}
		names := append([]string{a.Name}, a.Aliases...)
		full := map[string]bool{}
		for _, n := range names {
			full[kb.Fold(n)] = true
		}
		short := append([]string(nil), a.Short...)
		if in.person {
			toks := strings.Fields(kb.Fold(a.Name))
			if len(toks) >= 2 {
				last := toks[len(toks)-1]
				in.surname = last
				if len(last) >= 3 && !r.nonName[last] && !r.particle[last] && !r.notPlace[last] && !full[last] {
					// Written as in the canonical name, so case rules apply.
					if w := lastWord(a.Name); w != "" {
						short = append(short, w)
					}
				}
			}
		}
		e := r.addInfo(in)
		for _, n := range names {
			// "the Kremlin" adds nothing to "Kremlin" but a "the" in the span.
			if f := kb.Fold(n); strings.HasPrefix(f, "the ") && full[f[4:]] {
				continue
			}
			r.d.add(n, cand{kind: kEntity, ent: e, prio: prio})
		}
		for _, n := range short {
			if !full[kb.Fold(n)] {
				r.d.add(n, cand{kind: kEntity, ent: e, prio: prio + 1, short: true})
			}
		}
		for _, g := range a.Generic {
			key := g.Label + "|" + g.Context
			if _, ok := r.generic[key]; !ok {
				r.generic[key] = e
			}
		}
	}
}

// lastWord returns the last space- or hyphen-separated word of a name.
func lastWord(name string) string {
	i := strings.LastIndexAny(name, " -")
	if i < 0 || i+1 >= len(name) {
		return ""
	}
	return name[i+1:]
}

func (r *Recognizer) loadCues() error {
	sets := map[string]map[string]bool{}
	for _, name := range []string{"placehead", "placeof", "prep", "speech", "particle", "hparticle", "orghead", "grouphead", "placeprefix", "phraseend", "nonname", "notplace"} {
		sets[name] = map[string]bool{}
	}
	for _, t := range r.k.Lexicon("namecues") {
		s, ok := sets[t.Field(0)]
		if !ok {
			return fmt.Errorf("%s line %d: unknown cue %q", t.File, t.Line, t.Field(0))
		}
		s[kb.Fold(t.Text)] = true
	}
	r.placeHead, r.placeOf, r.prep, r.speech = sets["placehead"], sets["placeof"], sets["prep"], sets["speech"]
	r.particle, r.nonName, r.notPlace = sets["particle"], sets["nonname"], sets["notplace"]
	r.hparticle, r.orgHead, r.groupHead = sets["hparticle"], sets["orghead"], sets["grouphead"]
	r.placePre, r.phraseEnd = sets["placeprefix"], sets["phraseend"]
	return nil
}

// Find returns the entity mentions of text, sorted by Start. published
// dates role phrases ("the Russian president" in 2010 is Medvedev); zero
// means unknown, and the current office holder is taken.
func (r *Recognizer) Find(text string, published time.Time) []domain.Entity {
	doc := r.scan(text)
	doc.published = published
	r.resolve(doc)
	r.unknownNames(doc)
	return doc.output()
}
