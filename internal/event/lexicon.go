package event

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

// trigger is one line of trigger.tsv.
type trigger struct {
	eventType, subType string
	nonstate, state    string // alternative sub-event types by actor1's class
	weak, instrument   bool
	needActor, request bool
	declared           bool
	last               bool // only when no other violence word is found
	mutual             bool // fighting between two sides: civilian victims do not make it one-sided
	needQty            string
	ctx                []string // one of these words must be in the sentence
	cancel             bool     // a "-" line: cancels triggers inside it
}

type modKind uint8

const (
	modPlanned modKind = iota + 1
	modPurpose
	modDenied
	modHalted
	modDeclared
)

type modality struct {
	kind          modKind
	before, after bool
}

type actorClass uint8

const (
	classState actorClass = iota + 1
	classPolice
	classNonstate
	classCivilian
	classOther
	classWeapon // a state force only when named by its adjective
)

type actorNoun struct {
	class actorClass
	name  string
}

// place is a fixed location from a data file (capital or seat).
type place struct {
	name, country, admin1 string
	lat, lon              float64
}

func (p place) location(precision int) *domain.Location {
	lat, lon := p.lat, p.lon
	return &domain.Location{Name: p.name, Admin1: p.admin1, Country: p.country,
		Latitude: &lat, Longitude: &lon, GeoPrecision: precision}
}

var eventTypes = map[string]bool{
	domain.Battles: true, domain.ExplosionsRemoteViolence: true, domain.ViolenceAgainstCivilians: true,
	domain.Protests: true, domain.Riots: true, domain.StrategicDevelopments: true,
	domain.Humanitarian: true, domain.Diplomacy: true,
}

var quantityKinds = map[string]bool{
	domain.KindKilled: true, domain.KindInjured: true, domain.KindEvacuated: true, domain.KindDisplaced: true,
	domain.KindDetained: true, domain.KindSurrendered: true, domain.KindTrapped: true,
	domain.KindTerritoryPercent: true, domain.KindEquipmentDestroyed: true, domain.KindOther: true,
}

func loadTriggers(k *kb.KB, set *phraseSet[trigger]) error {
	terms := k.Lexicon("trigger")
	if len(terms) == 0 {
		return fmt.Errorf("event: lexicon trigger.tsv is empty or missing")
	}
	for _, t := range terms {
		tr := trigger{eventType: t.Field(0), subType: t.Field(1)}
		if tr.eventType == "-" {
			tr.cancel = true
		} else if !eventTypes[tr.eventType] || tr.subType == "" {
			return fmt.Errorf("event: %s line %d: unknown event type %q or empty sub-event type", t.File, t.Line, tr.eventType)
		}
		for _, f := range strings.Split(t.Field(2), ",") {
			f = strings.TrimSpace(f)
			key, val, _ := strings.Cut(f, "=")
			switch key {
			case "":
			case "weak":
				tr.weak = true
			case "instrument":
				tr.instrument = true
			case "actor":
				tr.needActor = true
			case "request":
				tr.request = true
			case "declared":
				tr.declared = true
			case "last":
				tr.last = true
			case "mutual":
				tr.mutual = true
			case "state":
				tr.state = val
			case "nonstate":
				tr.nonstate = val
			case "ctx":
				tr.ctx = strings.Split(strings.ToLower(val), "|")
			case "qty":
				if !quantityKinds[val] {
					return fmt.Errorf("event: %s line %d: unknown quantity kind %q", t.File, t.Line, val)
				}
				tr.needQty = val
			default:
				return fmt.Errorf("event: %s line %d: unknown flag %q", t.File, t.Line, f)
			}
		}
		set.add(t.Text, tr)
	}
	return nil
}

func loadModality(k *kb.KB, set *phraseSet[modality]) error {
	kinds := map[string]modKind{"planned": modPlanned, "purpose": modPurpose, "denied": modDenied,
		"halted": modHalted, "declared": modDeclared}
	for _, t := range k.Lexicon("modality") {
		kind, ok := kinds[t.Field(0)]
		if !ok {
			return fmt.Errorf("event: %s line %d: unknown modality %q", t.File, t.Line, t.Field(0))
		}
		m := modality{kind: kind}
		switch t.Field(1) {
		case "", "before":
			m.before = true
		case "after":
			m.after = true
		case "both":
			m.before, m.after = true, true
		default:
			return fmt.Errorf("event: %s line %d: unknown scope %q", t.File, t.Line, t.Field(1))
		}
		set.add(t.Text, m)
	}
	return nil
}

func loadActors(k *kb.KB, set *phraseSet[actorNoun]) error {
	classes := map[string]actorClass{"state": classState, "police": classPolice, "nonstate": classNonstate,
		"civilian": classCivilian, "other": classOther, "weapon": classWeapon}
	for _, t := range k.Lexicon("event_actor") {
		c, ok := classes[t.Field(0)]
		if !ok {
			return fmt.Errorf("event: %s line %d: unknown actor class %q", t.File, t.Line, t.Field(0))
		}
		name := t.Field(1)
		if name == "" {
			name = t.Text
		}
		set.add(t.Text, actorNoun{class: c, name: name})
	}
	return nil
}

func parseCoord(t kb.Term, i int) (float64, error) {
	f, err := strconv.ParseFloat(t.Field(i), 64)
	if err != nil {
		return 0, fmt.Errorf("event: %s line %d: bad coordinate %q: %w", t.File, t.Line, t.Field(i), err)
	}
	return f, nil
}

func loadPlaces(k *kb.KB) (capitals map[string]place, seats []seat, err error) {
	capitals = map[string]place{}
	for _, t := range k.Lexicon("event_capital") {
		lat, err := parseCoord(t, 2)
		if err != nil {
			return nil, nil, err
		}
		lon, err := parseCoord(t, 3)
		if err != nil {
			return nil, nil, err
		}
		capitals[strings.ToLower(t.Text)] = place{name: t.Field(0), country: t.Text, admin1: t.Field(1), lat: lat, lon: lon}
	}
	for _, t := range k.Lexicon("event_seat") {
		lat, err := parseCoord(t, 3)
		if err != nil {
			return nil, nil, err
		}
		lon, err := parseCoord(t, 4)
		if err != nil {
			return nil, nil, err
		}
		seats = append(seats, seat{key: strings.ToLower(t.Text),
			place: place{name: t.Field(0), country: t.Field(1), admin1: t.Field(2), lat: lat, lon: lon}})
	}
	// longest key first, so "Security Council" beats "United Nations"
	for i := 1; i < len(seats); i++ {
		for j := i; j > 0 && len(seats[j].key) > len(seats[j-1].key); j-- {
			seats[j], seats[j-1] = seats[j-1], seats[j]
		}
	}
	return capitals, seats, nil
}

type seat struct {
	key   string
	place place
}

// loadDemonyms maps lower-case adjectives, possessives and short names to
// the country they name.
func loadDemonyms(k *kb.KB) map[string]string {
	out := map[string]string{}
	for _, t := range k.Lexicon("event_demonym") {
		c := t.Text
		lc := strings.ToLower(c)
		out[lc] = c
		out[lc+"'s"] = c
		if d := strings.ToLower(t.Field(0)); d != "" {
			out[d] = c
		}
		for _, alt := range strings.Split(t.Field(1), ",") {
			if alt = strings.ToLower(strings.TrimSpace(alt)); alt != "" {
				out[strings.ReplaceAll(alt, "’", "'")] = c
			}
		}
	}
	return out
}
