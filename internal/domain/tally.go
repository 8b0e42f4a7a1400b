package domain

import (
	"sort"
	"strings"
)

// EntityTally aggregates entity mentions over documents. Stores feed it
// the entities of each stored document, so every store answers an
// entities query alike.
type EntityTally struct {
	typ    string
	counts map[string]*EntityCount
}

// NewEntityTally counts entities of type typ, or of every type when typ
// is "".
func NewEntityTally(typ string) *EntityTally {
	return &EntityTally{typ: typ, counts: map[string]*EntityCount{}}
}

// Add counts the entities of one document.
func (t *EntityTally) Add(ents []Entity) {
	seen := map[string]bool{}
	for _, e := range ents {
		if t.typ != "" && !strings.EqualFold(t.typ, e.Type) {
			continue
		}
		k := e.Type + "\x00" + e.Canonical
		c := t.counts[k]
		if c == nil {
			c = &EntityCount{Type: e.Type, Canonical: e.Canonical, KBID: e.KBID}
			t.counts[k] = c
		}
		c.Mentions++
		if !seen[k] {
			seen[k] = true
			c.Documents++
		}
		if e.Label != "" {
			if c.Labels == nil {
				c.Labels = map[string]int{}
			}
			c.Labels[e.Label]++
		}
	}
}

// Counts returns the entities by mentions, then type and name; at most
// limit of them when limit > 0.
func (t *EntityTally) Counts(limit int) []EntityCount {
	out := make([]EntityCount, 0, len(t.counts))
	for _, c := range t.counts {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Canonical < out[j].Canonical
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// OutletTally aggregates documents, incidents and group labels by outlet.
type OutletTally struct {
	stats map[string]*OutletStat
}

// NewOutletTally returns an empty tally.
func NewOutletTally() *OutletTally { return &OutletTally{stats: map[string]*OutletStat{}} }

// Add counts one document of outlet with its entities.
func (t *OutletTally) Add(outlet string, ents []Entity) {
	st := t.stats[outlet]
	if st == nil {
		st = &OutletStat{Outlet: outlet, Labels: map[string]map[string]int{}}
		t.stats[outlet] = st
	}
	st.Documents++
	for _, e := range ents {
		if e.Label == "" {
			continue
		}
		if st.Labels[e.Canonical] == nil {
			st.Labels[e.Canonical] = map[string]int{}
		}
		st.Labels[e.Canonical][e.Label]++
	}
}

// SetIncidents records how many incidents an outlet reported; outlets
// with no stored document are ignored.
func (t *OutletTally) SetIncidents(outlet string, n int) {
	if st := t.stats[outlet]; st != nil {
		st.Incidents = n
	}
}

// Stats returns the outlets by name.
func (t *OutletTally) Stats() []OutletStat {
	out := make([]OutletStat, 0, len(t.stats))
	for _, st := range t.stats {
		out = append(out, *st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Outlet < out[j].Outlet })
	return out
}
