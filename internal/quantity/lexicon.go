package quantity

import (
	"fmt"
	"sort"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

// Sides of a kind word relative to the counted noun phrase.
const (
	sideBefore   = "before"
	sideAfter    = "after"
	sideAny      = "any"
	sideToll     = "toll"
	sideSentence = "sentence"
)

// What a kind word applies to, and the classes of counted nouns.
const (
	applyPeople    = "people"
	applyEquipment = "equipment"
	applyAny       = "any"

	classPeople    = "people"
	classCombatant = "combatant"
	classEquipment = "equipment"
	classEvent     = "event"
	classCorridor  = "corridor"
	classFacility  = "facility"
)

var validKinds = map[string]bool{
	domain.KindKilled: true, domain.KindInjured: true, domain.KindEvacuated: true,
	domain.KindDisplaced: true, domain.KindDetained: true, domain.KindSurrendered: true,
	domain.KindTrapped: true, domain.KindTerritoryPercent: true,
	domain.KindEquipmentDestroyed: true, domain.KindOther: true,
}

// kindTerm is one line of quantity_kinds.tsv.
type kindTerm struct {
	words   []string
	kind    string
	side    string
	applies string
}

// subjectTerm is one line of quantity_subjects.tsv.
type subjectTerm struct {
	words    []string
	class    string
	kind     string
	singular bool
}

// lexicon indexes the quantity word lists for matching at a token.
type lexicon struct {
	// byFirst: kind terms by their first word, longest first, for
	// matching forward from a token.
	byFirst map[string][]*kindTerm
	// byLast: kind terms by their last word, longest first, for matching
	// backward from a token.
	byLast map[string][]*kindTerm
	// subjects by their last word (the head noun), longest first.
	subjects map[string][]*subjectTerm
	units    map[string]bool
}

func loadLexicon(k *kb.KB) (*lexicon, error) {
	lx := &lexicon{
		byFirst:  map[string][]*kindTerm{},
		byLast:   map[string][]*kindTerm{},
		subjects: map[string][]*subjectTerm{},
		units:    map[string]bool{},
	}
	kinds := k.Lexicon("quantity_kinds")
	if len(kinds) == 0 {
		return nil, fmt.Errorf("quantity: lexicon quantity_kinds is empty or missing")
	}
	for _, t := range kinds {
		kt := &kindTerm{words: words(t.Text), kind: t.Field(0), side: t.Field(1), applies: t.Field(2)}
		if !validKinds[kt.kind] {
			return nil, fmt.Errorf("quantity: %s line %d: unknown kind %q", t.File, t.Line, kt.kind)
		}
		switch kt.side {
		case sideBefore, sideAfter, sideAny, sideToll, sideSentence:
		default:
			return nil, fmt.Errorf("quantity: %s line %d: unknown side %q", t.File, t.Line, kt.side)
		}
		switch kt.applies {
		case applyPeople, applyEquipment, applyAny:
		default:
			return nil, fmt.Errorf("quantity: %s line %d: unknown applies %q", t.File, t.Line, kt.applies)
		}
		if len(kt.words) == 0 {
			return nil, fmt.Errorf("quantity: %s line %d: empty term", t.File, t.Line)
		}
		first, last := kt.words[0], kt.words[len(kt.words)-1]
		lx.byFirst[first] = append(lx.byFirst[first], kt)
		lx.byLast[last] = append(lx.byLast[last], kt)
	}
	subjects := k.Lexicon("quantity_subjects")
	if len(subjects) == 0 {
		return nil, fmt.Errorf("quantity: lexicon quantity_subjects is empty or missing")
	}
	for _, t := range subjects {
		st := &subjectTerm{words: words(t.Text), class: t.Field(0), kind: t.Field(1), singular: t.Field(2) == "sg"}
		if st.kind == "-" {
			st.kind = ""
		}
		switch st.class {
		case classPeople, classCombatant, classEquipment, classEvent, classCorridor, classFacility:
		default:
			return nil, fmt.Errorf("quantity: %s line %d: unknown class %q", t.File, t.Line, st.class)
		}
		if st.kind != "" && !validKinds[st.kind] {
			return nil, fmt.Errorf("quantity: %s line %d: unknown kind %q", t.File, t.Line, st.kind)
		}
		if len(st.words) == 0 {
			return nil, fmt.Errorf("quantity: %s line %d: empty term", t.File, t.Line)
		}
		last := st.words[len(st.words)-1]
		lx.subjects[last] = append(lx.subjects[last], st)
	}
	for _, t := range k.Lexicon("quantity_units") {
		lx.units[lowerASCII(t.Text)] = true
	}
	// Longest first, then file order, so that matching is deterministic.
	for _, m := range []map[string][]*kindTerm{lx.byFirst, lx.byLast} {
		for w := range m {
			s := m[w]
			sort.SliceStable(s, func(i, j int) bool { return len(s[i].words) > len(s[j].words) })
		}
	}
	for w := range lx.subjects {
		s := lx.subjects[w]
		sort.SliceStable(s, func(i, j int) bool { return len(s[i].words) > len(s[j].words) })
	}
	return lx, nil
}
