package kb

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// world is the structured part of the knowledge base: actors, countries
// and places with their indexes. Everything but the gazetteer is built by
// Load; the gazetteer (a hundred thousand towns) is read on first use so
// that stages that never look at places do not pay for it.
type world struct {
	actors    []*Actor
	byID      map[string]*Actor
	byAlias   map[string][]*Actor
	templates []Template
	// holders indexes offices by folded "of|role".
	holders map[string][]holder

	countries   []*Country
	countryBy   map[string]*Country // folded name, alias, demonym
	countryCode map[string]*Country

	places  []*Place // hand-written
	issues  []error
	gazOnce sync.Once
	gaz     []Place
	gazErr  error
	byKey   map[string][]*Place // PlaceKey -> candidates, best first
	bySkel  map[string][]*Place // country code + Skeleton -> candidates
}

func (k *KB) buildWorld() error {
	w := &world{byID: map[string]*Actor{}, byAlias: map[string][]*Actor{},
		countryBy: map[string]*Country{}, countryCode: map[string]*Country{}}
	k.world = w
	countries, issues := parseCountries(k.placeTerms("places/countries.tsv"))
	w.issues = append(w.issues, issues...)
	for _, c := range countries {
		if prev, ok := w.countryCode[c.Code]; ok {
			w.issues = append(w.issues, actorIssue{c.File, c.Line, fmt.Sprintf("country code %s already used by %s (%s line %d)", c.Code, prev.Name, prev.File, prev.Line)})
			continue
		}
		w.countryCode[c.Code] = c
		w.countries = append(w.countries, c)
		for _, n := range append(append([]string{c.Name}, c.Aliases...), c.Demonyms...) {
			if _, ok := w.countryBy[Fold(n)]; !ok {
				w.countryBy[Fold(n)] = c
			}
		}
	}
	for _, f := range []string{"places/admin1.tsv", "places/cities.tsv", "places/districts.tsv"} {
		ps, issues := parsePlaces(k.placeTerms(f))
		w.issues = append(w.issues, issues...)
		w.places = append(w.places, ps...)
	}
	for _, p := range w.places {
		if c := w.countryCode[p.CountryCode]; c != nil {
			p.Country = c.Name
		} else {
			w.issues = append(w.issues, actorIssue{p.File, p.Line, fmt.Sprintf("place %q: unknown country code %q", p.Name, p.CountryCode)})
		}
		if p.Feature == "ADM1" && p.Admin1 == "" {
			p.Admin1 = p.Name
		}
	}

	for _, name := range actorFiles(k.files) {
		for i, b := range k.files[name] {
			file := k.origin(name, i)
			as, issues, err := parseActors(b, file)
			if err != nil {
				return err
			}
			w.issues = append(w.issues, issues...)
			for j := range as {
				a := as[j]
				if prev, ok := w.byID[a.ID]; ok && a.ID != "" {
					if !strings.HasPrefix(file, "embedded/") {
						*prev = a // an overlay entry replaces the shipped one
						continue
					}
					w.issues = append(w.issues, actorIssue{a.File, a.Line, fmt.Sprintf("duplicate id %q (first at %s line %d)", a.ID, prev.File, prev.Line)})
					continue
				}
				w.actors = append(w.actors, &a)
				w.byID[a.ID] = &a
			}
		}
	}
	var tissues []error
	w.templates, tissues = parseTemplates(k.placeTerms("actors/templates.tsv"))
	w.issues = append(w.issues, tissues...)
	w.expandTemplates()
	sort.SliceStable(w.actors, func(i, j int) bool { return w.actors[i].ID < w.actors[j].ID })
	w.holders = map[string][]holder{}
	for _, a := range w.actors {
		for oi := range a.Offices {
			o := &a.Offices[oi]
			o.from, _ = parseDate(o.From, false)
			o.to, _ = parseDate(o.To, true)
			for _, role := range o.Roles {
				key := Fold(o.Of) + "|" + Fold(role)
				w.holders[key] = append(w.holders[key], holder{a, oi})
			}
		}
	}
	for _, a := range w.actors {
		seen := map[string]bool{}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			f := Fold(n)
			if f == "" || seen[f] {
				continue
			}
			seen[f] = true
			w.byAlias[f] = append(w.byAlias[f], a)
		}
	}
	return nil
}

// origin names the i-th version of a data file for messages:
// "embedded/actors/people.yaml" or "/my/kb/actors/people.yaml".
func (k *KB) origin(rel string, i int) string {
	if os := k.origins[rel]; i < len(os) {
		return filepath.Join(os[i], rel)
	}
	return rel
}

// placeTerms parses a TSV data file outside lexicon/ with the lexicon
// rules (tabs, # comments), embedded first then overlay.
func (k *KB) placeTerms(rel string) []Term {
	var out []Term
	for i, b := range k.files[rel] {
		terms, err := parseTSV(b, k.origin(rel, i))
		if err != nil {
			if k.world != nil {
				k.world.issues = append(k.world.issues, err)
			}
			continue
		}
		out = append(out, terms...)
	}
	return out
}

// expandTemplates makes the per-country actors of the templates with a
// placeholder, or adds the expanded aliases to a hand-written actor with
// the same ID.
func (w *world) expandTemplates() {
	have := map[*Actor]map[string]bool{}
	for _, t := range w.templates {
		if t.Contextual() {
			continue
		}
		demonym := strings.Contains(t.Pattern, "{demonym}")
		for _, c := range w.countries {
			canonical, id := t.Expand(c.Name)
			a := w.byID[id]
			if a == nil {
				a = &Actor{ID: id, Name: canonical, Type: t.Type, Country: c.Name, Side: "state",
					File: t.File, Line: t.Line, Generated: true}
				w.byID[id] = a
				w.actors = append(w.actors, a)
			}
			seen := have[a]
			if seen == nil {
				seen = map[string]bool{Fold(a.Name): true}
				for _, n := range a.Aliases {
					seen[Fold(n)] = true
				}
				have[a] = seen
			}
			add := func(n string) {
				if f := Fold(n); !seen[f] {
					seen[f] = true
					a.Aliases = append(a.Aliases, n)
				}
			}
			if demonym {
				for _, d := range c.Demonyms {
					add(strings.ReplaceAll(t.Pattern, "{demonym}", d))
				}
				continue
			}
			add(strings.ReplaceAll(t.Pattern, "{country}", c.Name))
			for _, n := range c.Aliases {
				add(strings.ReplaceAll(t.Pattern, "{country}", n))
			}
		}
	}
}

// ensureGazetteer reads the gazetteer and fills the coordinates of the
// hand-written places and capitals from it.
func (k *KB) ensureGazetteer() error {
	w := k.world
	w.gazOnce.Do(func() {
		for i, b := range k.files[gazetteerFile] {
			file := k.origin(gazetteerFile, i)
			ps, err := parseGazetteer(b, file)
			if err != nil {
				w.gazErr = err
				return
			}
			w.gaz = append(w.gaz, ps...)
		}
		w.byKey = make(map[string][]*Place, len(w.gaz)+len(w.places))
		w.bySkel = make(map[string][]*Place, len(w.gaz)+len(w.places))
		for i := range w.gaz {
			p := &w.gaz[i]
			if c := w.countryCode[p.CountryCode]; c != nil {
				p.Country = c.Name
			}
			p.ID = "geonames/" + strings.ToLower(p.CountryCode) + "/" + Slug(p.Name)
			w.index(p)
		}
		for _, p := range w.places {
			if !p.HasCoord {
				if g := w.lookup(p.CountryCode, append([]string{p.Name}, p.Aliases...), true); g != nil {
					p.Lat, p.Lon, p.HasCoord = g.Lat, g.Lon, true
					if p.Admin1 == "" {
						p.Admin1 = g.Admin1
					}
					if p.Population == 0 {
						p.Population = g.Population
					}
				}
			}
			w.index(p)
		}
		capitals := map[string]*Place{}
		for i := range w.gaz {
			p := &w.gaz[i]
			if p.Feature == "PPLC" {
				if b := capitals[p.CountryCode]; b == nil || p.Population > b.Population {
					capitals[p.CountryCode] = p
				}
			}
		}
		for _, c := range w.countries {
			if c.Capital == "" {
				continue
			}
			if g := w.lookupCapital(c, capitals); g != nil {
				c.Lat, c.Lon, c.HasCoord, c.CapitalAdmin1 = g.Lat, g.Lon, true, g.Admin1
			}
		}
		for key, ps := range w.byKey {
			sortPlaces(ps)
			w.byKey[key] = ps
		}
		for key, ps := range w.bySkel {
			sortPlaces(ps)
			w.bySkel[key] = ps
		}
	})
	return w.gazErr
}

func (w *world) index(p *Place) {
	var keys [8]string
	seen := keys[:0]
	for i := -1; i < len(p.Aliases); i++ {
		n := p.Name
		if i >= 0 {
			n = p.Aliases[i]
		}
		key := PlaceKey(n)
		if key == "" || slices.Contains(seen, key) {
			continue
		}
		seen = append(seen, key)
		w.byKey[key] = append(w.byKey[key], p)
		sk := p.CountryCode + ":" + Skeleton(n)
		w.bySkel[sk] = append(w.bySkel[sk], p)
	}
}

// lookup finds the best gazetteer place of a country for any of names;
// skeleton keys are tried when no exact key matches and loose is set.
func (w *world) lookup(code string, names []string, loose bool) *Place {
	var best *Place
	consider := func(p *Place) {
		if p.Gazetteer && p.CountryCode == code && (best == nil || betterPlace(p, best)) {
			best = p
		}
	}
	for _, n := range names {
		for _, p := range w.byKey[PlaceKey(n)] {
			consider(p)
		}
	}
	if best == nil && loose {
		for _, n := range names {
			for _, p := range w.bySkel[code+":"+Skeleton(n)] {
				consider(p)
			}
		}
	}
	return best
}

func (w *world) lookupCapital(c *Country, capitals map[string]*Place) *Place {
	if p := capitals[c.Code]; p != nil {
		return p
	}
	return w.lookup(c.Code, splitList(c.Capital), false)
}

type holder struct {
	a      *Actor
	office int
}

// Actors returns every actor (hand-written and generated), sorted by ID.
func (k *KB) Actors() []Actor {
	out := make([]Actor, len(k.world.actors))
	for i, a := range k.world.actors {
		out[i] = *a
	}
	return out
}

// Actor returns the actor with an ID ("person/sergei-lavrov").
func (k *KB) Actor(id string) (Actor, bool) {
	if a, ok := k.world.byID[id]; ok {
		return *a, true
	}
	return Actor{}, false
}

// ActorsNamed returns the actors whose canonical name or an alias is name
// (compared folded: case, diacritics, hyphens and apostrophes ignored).
func (k *KB) ActorsNamed(name string) []Actor {
	var out []Actor
	for _, a := range k.world.byAlias[Fold(name)] {
		out = append(out, *a)
	}
	return out
}

// Templates returns the per-country actor templates (actors/templates.tsv).
func (k *KB) Templates() []Template { return append([]Template(nil), k.world.templates...) }

// Holder returns who held an office with role (as in roles.tsv: "president",
// "foreign minister", "spokesperson") of a country or organisation (its
// canonical name) on day at; zero at means the current holder. When
// several match, the latest appointed wins.
func (k *KB) Holder(role, of string, at time.Time) (Actor, bool) {
	var best *Actor
	var bestFrom string
	for _, h := range k.world.holders[Fold(of)+"|"+Fold(role)] {
		o := h.a.Offices[h.office]
		if !o.Holds(at) {
			continue
		}
		if best == nil || o.From > bestFrom {
			best, bestFrom = h.a, o.From
		}
	}
	if best == nil {
		return Actor{}, false
	}
	return *best, true
}

// Countries returns every country in file order.
func (k *KB) Countries() []Country {
	k.ensureGazetteer() //nolint:errcheck // coordinates are optional; Check reports the error
	out := make([]Country, len(k.world.countries))
	for i, c := range k.world.countries {
		out[i] = *c
	}
	return out
}

// Country finds a country by name, alias ("US", "Britain"), ISO code or
// demonym ("Syrian"), with its capital's coordinates.
func (k *KB) Country(name string) (Country, bool) {
	k.ensureGazetteer() //nolint:errcheck // coordinates are optional
	if c, ok := k.world.countryBy[Fold(name)]; ok {
		return *c, true
	}
	if c, ok := k.world.countryCode[strings.ToUpper(name)]; ok && len(name) == 2 {
		return *c, true
	}
	return Country{}, false
}

// Places returns the hand-written places (subdivisions, cities, districts)
// with coordinates filled from the gazetteer where the file left them out.
func (k *KB) Places() []Place {
	k.ensureGazetteer() //nolint:errcheck // coordinates are optional
	out := make([]Place, len(k.world.places))
	for i, p := range k.world.places {
		out[i] = *p
	}
	return out
}

// Gazetteer returns the GeoNames places. The slice is shared: do not modify.
func (k *KB) Gazetteer() ([]Place, error) {
	err := k.ensureGazetteer()
	return k.world.gaz, err
}

// PlacesNamed returns the places called name (any spelling that folds to
// the same key, with or without an Arabic article), best first:
// hand-written, then capitals and seats, then by population. When country
// (a name or ISO code) is given only its places are returned, and looser
// transliteration matches (Dayr az Zawr for Deir ez-Zor) are allowed.
func (k *KB) PlacesNamed(name, country string) []Place {
	if err := k.ensureGazetteer(); err != nil {
		return nil
	}
	w := k.world
	code := ""
	if country != "" {
		c, ok := k.Country(country)
		if !ok {
			return nil
		}
		code = c.Code
	}
	var out []Place
	for _, p := range w.byKey[PlaceKey(name)] {
		if code == "" || p.CountryCode == code {
			out = append(out, *p)
		}
	}
	if len(out) == 0 && code != "" {
		for _, p := range w.bySkel[code+":"+Skeleton(name)] {
			out = append(out, *p)
		}
	}
	return out
}

// Place returns the best place called name, as PlacesNamed.
func (k *KB) Place(name string) (Place, bool) {
	if ps := k.PlacesNamed(name, ""); len(ps) > 0 {
		return ps[0], true
	}
	return Place{}, false
}

// PlaceIn returns the best place called name in a country (name or code).
func (k *KB) PlaceIn(name, country string) (Place, bool) {
	if ps := k.PlacesNamed(name, country); len(ps) > 0 {
		return ps[0], true
	}
	return Place{}, false
}
