package incident

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/domain"
)

// Summarise merges the reports of one incident. Fields take the value
// most reports give (ties broken by order, so the result is stable); the
// place is the most precise one named; figures span the claims.
func Summarise(members []Report) domain.Incident {
	inc := domain.Incident{TimePrecision: 3}
	sub, date, a1, a2 := counter{}, counter{}, counter{}, counter{}
	var end string
	var loc *domain.Location
	for _, m := range members {
		e := m.Event
		inc.EventType = e.EventType
		sub.add(e.SubEventType)
		date.add(domain.Deref(e.Date))
		a1.add(domain.Deref(e.Actor1))
		a2.add(domain.Deref(e.Actor2))
		if d := domain.Deref(e.DateEnd); d > end {
			end = d
		}
		if e.TimePrecision > 0 && e.TimePrecision < inc.TimePrecision {
			inc.TimePrecision = e.TimePrecision
		}
		if better(e.Location, loc) {
			loc = e.Location
		}
	}
	inc.SubEventType = sub.top()
	inc.Date = domain.Str(date.top())
	if end != "" && end > domain.Deref(inc.Date) {
		inc.DateEnd = domain.Str(end)
	}
	inc.Location = loc
	inc.Actor1 = domain.Str(a1.top())
	inc.Actor2 = domain.Str(a2.top())
	inc.Reports = reports(members)
	inc.Fatalities, inc.Injured = figure(members, func(e domain.Event) *float64 { return e.Fatalities }),
		figure(members, func(e domain.Event) *float64 { return e.Injured })
	inc.Conflicts = conflicts(members)
	groups := map[string]bool{}
	for _, m := range members {
		if m.Event.Modality == "" || m.Event.Modality == domain.ModalityAsserted {
			groups[m.SourceGroup] = true
		}
	}
	inc.IndependentSources = len(groups)
	switch {
	case len(inc.Conflicts) > 0:
		inc.Status = domain.StatusContested
	case inc.IndependentSources >= 2:
		inc.Status = domain.StatusCorroborated
	default:
		inc.Status = domain.StatusSingleSource
	}
	return inc
}

// counter finds the most frequent non-empty value; ties go to the value
// that sorts first, so the answer never depends on input order.
type counter map[string]int

func (c counter) add(s string) {
	if s != "" {
		c[s]++
	}
}

func (c counter) top() string {
	best, n := "", 0
	for k, v := range c {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

// better prefers a located place over none, then finer ACLED precision,
// then the alphabetically first name for stability.
func better(a, b *domain.Location) bool {
	if a == nil {
		return false
	}
	if b == nil {
		return true
	}
	pa, pb := prec(a), prec(b)
	if pa != pb {
		return pa < pb
	}
	return a.Name < b.Name
}

func prec(l *domain.Location) int {
	if l.GeoPrecision <= 0 {
		return 4
	}
	return l.GeoPrecision
}

func reports(members []Report) []domain.Report {
	out := make([]domain.Report, 0, len(members))
	for _, m := range members {
		out = append(out, domain.Report{
			Doc: m.DocPath, DocID: m.DocID, EventIndex: m.Index, ID: m.RecordID, Outlet: m.Outlet, Wire: m.Wire,
			ClaimedBy: m.Event.ClaimedBy, Date: m.Event.Date, Modality: m.Event.Modality,
			Source: m.SourceGroup, Span: m.Event.Span,
		})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if domain.Deref(a.Outlet) != domain.Deref(b.Outlet) {
			return domain.Deref(a.Outlet) < domain.Deref(b.Outlet)
		}
		if a.DocID != b.DocID {
			return a.DocID < b.DocID
		}
		return a.Start < b.Start
	})
	return out
}

// figure is UCDP's low/best/high over the claimed values: the lowest, the
// highest, and the median as best estimate (the lower median on a tie, as
// a conservative count should).
func figure(members []Report, get func(domain.Event) *float64) *domain.Figure {
	var vals []float64
	for _, m := range members {
		if v := get(m.Event); v != nil {
			vals = append(vals, *v)
		}
	}
	if len(vals) == 0 {
		return nil
	}
	sort.Float64s(vals)
	return &domain.Figure{Low: domain.Num(vals[0]), Best: domain.Num(vals[(len(vals)-1)/2]), High: domain.Num(vals[len(vals)-1])}
}

// differ tells figures apart "beyond rounding": a gap of more than 10% of
// the larger and more than 2 people.
func differ(a, b float64) bool {
	d := math.Abs(a - b)
	return d > 2 && d > 0.1*math.Max(a, b)
}

func conflicts(members []Report) []domain.Conflict {
	var out []domain.Conflict
	for _, f := range []struct {
		name string
		get  func(domain.Event) *float64
	}{{"fatalities", func(e domain.Event) *float64 { return e.Fatalities }},
		{"injured", func(e domain.Event) *float64 { return e.Injured }}} {
		var vals []domain.ConflictValue
		lo, hi := math.Inf(1), math.Inf(-1)
		seen := map[string]bool{}
		for _, m := range members {
			v := f.get(m.Event)
			if v == nil {
				continue
			}
			lo, hi = math.Min(lo, *v), math.Max(hi, *v)
			k := m.Event.ClaimedBy + "\x00" + fmtNum(*v)
			if !seen[k] {
				seen[k] = true
				vals = append(vals, domain.ConflictValue{Value: *v, ClaimedBy: m.Event.ClaimedBy})
			}
		}
		if len(vals) > 1 && differ(lo, hi) {
			sortValues(vals)
			out = append(out, domain.Conflict{Field: f.name, Values: vals})
		}
	}
	// Different targets named for one attack: whose account is right is
	// for the reader to judge.
	if a := distinctActors(members, func(e domain.Event) *string { return e.Actor2 }); len(a) > 1 {
		out = append(out, domain.Conflict{Field: "actor2", Values: a})
	}
	// "halted" against "continued to shell": the reports disagree on
	// whether it happened at all.
	var said []domain.ConflictValue
	happened, not := false, false
	seen := map[string]bool{}
	for _, m := range members {
		mod := m.Event.Modality
		if mod == "" {
			mod = domain.ModalityAsserted
		}
		if mod == domain.ModalityAsserted {
			happened = true
		} else if mod == domain.ModalityDenied || mod == domain.ModalityReportedHalted {
			not = true
		} else {
			continue
		}
		if k := mod + "\x00" + m.Event.ClaimedBy; !seen[k] {
			seen[k] = true
			said = append(said, domain.ConflictValue{Value: mod, ClaimedBy: m.Event.ClaimedBy})
		}
	}
	if happened && not {
		sortValues(said)
		out = append(out, domain.Conflict{Field: "occurred", Values: said})
	}
	return out
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func toString(v any) string {
	if f, ok := v.(float64); ok {
		return fmt.Sprintf("%020.3f", f)
	}
	return fmt.Sprint(v)
}

func sortValues(vs []domain.ConflictValue) {
	sort.Slice(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		if sa, sb := toString(a.Value), toString(b.Value); sa != sb {
			return sa < sb
		}
		return a.ClaimedBy < b.ClaimedBy
	})
}

func distinctActors(members []Report, get func(domain.Event) *string) []domain.ConflictValue {
	names := map[string]bool{}
	var vals []domain.ConflictValue
	seen := map[string]bool{}
	for _, m := range members {
		v := get(m.Event)
		if v == nil || *v == "" {
			continue
		}
		names[strings.ToLower(*v)] = true
		if k := *v + "\x00" + m.Event.ClaimedBy; !seen[k] {
			seen[k] = true
			vals = append(vals, domain.ConflictValue{Value: *v, ClaimedBy: m.Event.ClaimedBy})
		}
	}
	if len(names) < 2 {
		return nil
	}
	sortValues(vals)
	return vals
}
