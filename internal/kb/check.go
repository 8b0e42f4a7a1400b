package kb

import (
	"fmt"
	"strings"
)

// Check validates the knowledge base data and returns every problem found,
// each naming its file and line: unknown fields, missing or duplicate IDs,
// an alias shared by two actors of one type without being declared
// ambiguous, offices ending before they start or belonging to nothing
// known, places without usable coordinates, unknown countries.
func (k *KB) Check() []error {
	w := k.world
	gazErr := k.ensureGazetteer()
	errs := append([]error(nil), w.issues...)
	if gazErr != nil {
		errs = append(errs, gazErr)
	}
	bad := func(file string, line int, format string, args ...any) {
		errs = append(errs, actorIssue{file, line, fmt.Sprintf(format, args...)})
	}
	known := func(name string) bool {
		if _, ok := w.countryBy[Fold(name)]; ok {
			return true
		}
		if len(w.byAlias[Fold(name)]) > 0 {
			return true
		}
		return len(w.byKey[PlaceKey(name)]) > 0
	}
	for _, a := range w.actors {
		if a.Generated {
			continue
		}
		switch {
		case a.ID == "":
			bad(a.File, a.Line, "actor %q has no id", a.Name)
		case a.Name == "":
			bad(a.File, a.Line, "actor %s has no name", a.ID)
		case !validType(a.Type) || a.Type == TypePlace:
			bad(a.File, a.Line, "actor %s: type %q (want PERSON, ORGANIZATION or ARMED_GROUP, or an id starting person/, org/, group/)", a.ID, a.Type)
		}
		if i := strings.IndexByte(a.ID, '/'); i > 0 && typeOfID[a.ID[:i]] != "" && typeOfID[a.ID[:i]] != a.Type {
			bad(a.File, a.Line, "actor %s: type %s does not fit its id", a.ID, a.Type)
		}
		if _, ok := w.countryBy[Fold(a.Country)]; a.Country != "" && !ok {
			bad(a.File, a.Line, "actor %s: unknown country %q", a.ID, a.Country)
		}
		for _, g := range a.Generic {
			if g.Label == "" {
				bad(a.File, a.Line, "actor %s: generic entry without label", a.ID)
			}
			if _, ok := w.countryBy[Fold(g.Context)]; g.Context != "" && !ok {
				bad(a.File, a.Line, "actor %s: generic context %q is not a known country", a.ID, g.Context)
			}
		}
		for _, o := range a.Offices {
			if len(o.Roles) == 0 {
				bad(a.File, a.Line, "actor %s: office without roles", a.ID)
			}
			if o.Of == "" || !known(o.Of) {
				bad(a.File, a.Line, "actor %s: office of unknown %q", a.ID, o.Of)
			}
			var fromOK, toOK bool
			from, err := parseDate(o.From, false)
			if o.From != "" && err != nil {
				bad(a.File, a.Line, "actor %s: office %s: %v", a.ID, strings.Join(o.Roles, "/"), err)
			} else {
				fromOK = o.From != ""
			}
			to, err := parseDate(o.To, true)
			if o.To != "" && err != nil {
				bad(a.File, a.Line, "actor %s: office %s: %v", a.ID, strings.Join(o.Roles, "/"), err)
			} else {
				toOK = o.To != ""
			}
			if fromOK && toOK && to.Before(from) {
				bad(a.File, a.Line, "actor %s: office %s ends (%s) before it starts (%s)", a.ID, strings.Join(o.Roles, "/"), o.To, o.From)
			}
		}
	}
	// Aliases shared by two hand-written actors of one type.
	for alias, as := range w.byAlias {
		for i := 0; i < len(as); i++ {
			for j := i + 1; j < len(as); j++ {
				a, b := as[i], as[j]
				if a.Type != b.Type || a.ID == b.ID || (a.Generated && b.Generated) || declares(a, alias) || declares(b, alias) {
					continue
				}
				bad(b.File, b.Line, "alias %q of %s is also an alias of %s (%s line %d); list it under ambiguous if intended", alias, b.ID, a.ID, a.File, a.Line)
			}
		}
	}
	for _, p := range w.places {
		if !p.HasCoord {
			bad(p.File, p.Line, "place %q (%s): no coordinates and none found in the gazetteer", p.Name, p.CountryCode)
			continue
		}
		if c := w.countryCode[p.CountryCode]; c != nil && c.HasCoord && distanceKm(p.Lat, p.Lon, c.Lat, c.Lon) > 3000 {
			bad(p.File, p.Line, "place %q: coordinates %.2f,%.2f are over 3,000 km from %s's capital", p.Name, p.Lat, p.Lon, c.Name)
		}
	}
	for _, c := range w.countries {
		if c.Capital != "" && !c.HasCoord {
			bad(c.File, c.Line, "country %s: capital %q not found in the gazetteer", c.Name, c.Capital)
		}
	}
	return errs
}

func declares(a *Actor, alias string) bool {
	for _, n := range a.Ambiguous {
		if Fold(n) == alias {
			return true
		}
	}
	return false
}
