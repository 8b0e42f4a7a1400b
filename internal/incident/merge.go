package incident

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/syndication"
)

// Tx is what merging needs of a store, inside one transaction. It is
// declared here, by its consumer; each store (SQLite, PostgreSQL)
// implements it over its own SQL, and Merge keeps the one algorithm.
type Tx interface {
	// MergeDocument returns the body, wire and events of a stored document.
	MergeDocument(ctx context.Context, id string) (text, wire string, events []domain.Event, err error)
	// BandMembers lists the documents whose signature has this band key.
	BandMembers(ctx context.Context, key uint64) ([]Member, error)
	// SaveSignature records a document's signature, source group and bands.
	SaveSignature(ctx context.Context, id string, sig syndication.Signature, group string) error
	// RenameGroup moves every document of group from into group to.
	RenameGroup(ctx context.Context, from, to string) error
	InsertEvent(ctx context.Context, docID string, idx int, e domain.Event) error
	// IncidentsOfGroup lists the incidents holding events of a source group.
	IncidentsOfGroup(ctx context.Context, group string) ([]string, error)
	// EventsNear lists events of a type whose dates meet [from, to] in the
	// given country, or in any country when country is "", plus events
	// with no country. With from and to empty it lists the undated events
	// of the type instead (only they can share an incident with an undated
	// event).
	EventsNear(ctx context.Context, typ, country, from, to string) ([]EventRef, error)
	EventsOfIncident(ctx context.Context, id string) ([]EventRef, error)
	// Report loads one event with its document's provenance.
	Report(ctx context.Context, ref EventRef) (Report, error)
	DeleteIncident(ctx context.Context, id string) error
	// PutIncident stores an incident and points its events at it.
	PutIncident(ctx context.Context, inc domain.Incident) error
}

// Member is a stored document as source grouping sees it.
type Member struct {
	ID, Wire, Group string
	Signature       syndication.Signature
}

// EventRef names one stored event and the incident it belongs to ("" if
// none yet).
type EventRef struct {
	DocID    string
	Index    int
	Incident string
}

// window is how far around the dates of new events merging looks again:
// events are compatible within a day, so rebuilding a few days around them
// reaches every incident they can join.
const window = 3 * 24 * time.Hour

// Merge places newly stored documents (ids) into source groups and their
// events into incidents: the incidents near their events are rebuilt from
// all their reports, so the outcome depends on the stored set, not on the
// order documents came in.
func Merge(ctx context.Context, tx Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	near := map[nearKey][]span{}
	var changed []string
	for _, id := range ids {
		text, wire, events, err := tx.MergeDocument(ctx, id)
		if err != nil {
			return fmt.Errorf("document %s: %w", id, err)
		}
		g, err := group(ctx, tx, id, text, wire)
		if err != nil {
			return fmt.Errorf("document %s: source group: %w", id, err)
		}
		changed = append(changed, g...)
		for i, e := range events {
			if err := tx.InsertEvent(ctx, id, i, e); err != nil {
				return fmt.Errorf("document %s: event %d: %w", id, i, err)
			}
			k, sp := neighbourhood(e)
			near[k] = append(near[k], sp)
		}
	}
	// Incidents of groups that absorbed others are recounted even when no
	// new event is near them.
	extra := map[string]bool{}
	for _, g := range changed {
		incs, err := tx.IncidentsOfGroup(ctx, g)
		if err != nil {
			return err
		}
		for _, id := range incs {
			extra[id] = true
		}
	}
	return rebuild(ctx, tx, near, extra)
}

// nearKey and span describe where a new event's possible partners are:
// the same type and country, dates within the window.
type nearKey struct{ typ, country string }

type span struct{ from, to string }

func neighbourhood(e domain.Event) (nearKey, span) {
	from, to := domain.Deref(e.Date), domain.Deref(e.DateEnd)
	if to < from {
		to = from
	}
	country := ""
	if e.Location != nil {
		country = e.Location.Country
	}
	if from == "" {
		return nearKey{e.EventType, country}, span{}
	}
	return nearKey{e.EventType, country}, span{shift(from, -window), shift(to, window)}
}

// coalesce merges overlapping spans, so a batch of many events on nearby
// days costs one query, not one per event.
func coalesce(spans []span) []span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && s.from <= out[n-1].to {
			if s.to > out[n-1].to {
				out[n-1].to = s.to
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// group finds earlier documents that are copies of this one and unites
// their source groups under the smallest document id. It returns the
// groups whose membership changed.
func group(ctx context.Context, tx Tx, id, text, wire string) ([]string, error) {
	sig := syndication.Sign(text)
	me := syndication.Doc{ID: id, Wire: wire, Signature: sig}
	groups := map[string]bool{}
	seen := map[string]bool{id: true}
	for _, k := range sig.BandKeys() {
		members, err := tx.BandMembers(ctx, k)
		if err != nil {
			return nil, err
		}
		for _, m := range members {
			if seen[m.ID] {
				continue
			}
			seen[m.ID] = true
			if syndication.Same(me, syndication.Doc{ID: m.ID, Wire: m.Wire, Signature: m.Signature}) {
				g := m.Group
				if g == "" {
					g = m.ID
				}
				groups[g] = true
			}
		}
	}
	name := id
	for g := range groups {
		if g < name {
			name = g
		}
	}
	var changed []string
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		if g != name {
			if err := tx.RenameGroup(ctx, g, name); err != nil {
				return nil, err
			}
		}
	}
	if len(groups) > 0 {
		changed = append(changed, name)
	}
	return changed, tx.SaveSignature(ctx, id, sig, name)
}

// rebuild re-clusters the events near the new ones, with every event of
// the incidents they (or extra) belong to, and replaces those incidents.
func rebuild(ctx context.Context, tx Tx, near map[nearKey][]span, extra map[string]bool) error {
	refs := map[[2]any]EventRef{}
	incs := map[string]bool{}
	for id := range extra {
		incs[id] = true
	}
	keys := make([]nearKey, 0, len(near))
	for k := range near {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].typ != keys[j].typ {
			return keys[i].typ < keys[j].typ
		}
		return keys[i].country < keys[j].country
	})
	for _, k := range keys {
		for _, sp := range coalesce(near[k]) {
			found, err := tx.EventsNear(ctx, k.typ, k.country, sp.from, sp.to)
			if err != nil {
				return fmt.Errorf("events of %s near %s: %w", k.typ, sp.from, err)
			}
			for _, r := range found {
				refs[[2]any{r.DocID, r.Index}] = r
				if r.Incident != "" {
					incs[r.Incident] = true
				}
			}
		}
	}
	ids := make([]string, 0, len(incs))
	for id := range incs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		found, err := tx.EventsOfIncident(ctx, id)
		if err != nil {
			return err
		}
		for _, r := range found {
			refs[[2]any{r.DocID, r.Index}] = r
		}
	}
	reports := make([]Report, 0, len(refs))
	for _, ref := range refs {
		r, err := tx.Report(ctx, ref)
		if err != nil {
			return err
		}
		reports = append(reports, r)
	}
	for _, id := range ids {
		if err := tx.DeleteIncident(ctx, id); err != nil {
			return err
		}
	}
	for _, inc := range Build(reports) {
		if err := tx.PutIncident(ctx, inc); err != nil {
			return err
		}
	}
	return nil
}

func shift(date string, d time.Duration) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.Add(d).Format(time.DateOnly)
}
