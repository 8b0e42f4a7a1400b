package incident

import (
	"crypto/sha256"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
)

// Report is one event of one document, with the document's provenance.
type Report struct {
	DocID       string  // store id of the document
	DocPath     string  // source.path
	RecordID    *string // source.id
	Outlet      *string
	Wire        *string
	SourceGroup string // documents that are copies of one story share it
	Index       int    // position of the event in its document
	Event       domain.Event
}

func (r Report) key() string { return fmt.Sprintf("%s#%04d", r.DocID, r.Index) }

// maxKm is how far apart two named places may be and still be "the same
// or containing place" (a neighbourhood and its city).
const maxKm = 25.0

// Compatible reports whether two events may describe one occurrence: same
// type (and for diplomacy the same kind of act), dates within a day or
// overlapping ranges, the same or a containing place, and actors that do
// not contradict each other.
func Compatible(a, b domain.Event) bool {
	if a.EventType != b.EventType {
		return false
	}
	if a.EventType == domain.Diplomacy && a.SubEventType != b.SubEventType {
		return false
	}
	return datesCompatible(a, b) && placesCompatible(a.Location, b.Location) && actorsCompatible(a, b)
}

func interval(e domain.Event) (time.Time, time.Time, bool) {
	if e.Date == nil {
		return time.Time{}, time.Time{}, false
	}
	from, err := time.Parse(time.DateOnly, *e.Date)
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	to := from
	if e.DateEnd != nil {
		if t, err := time.Parse(time.DateOnly, *e.DateEnd); err == nil && t.After(from) {
			to = t
		}
	}
	return from, to, true
}

func datesCompatible(a, b domain.Event) bool {
	af, at, aok := interval(a)
	bf, bt, bok := interval(b)
	if !aok || !bok {
		return !aok && !bok
	}
	day := 24 * time.Hour
	return !af.After(bt.Add(day)) && !bf.After(at.Add(day))
}

func placesCompatible(a, b *domain.Location) bool {
	if a == nil || b == nil {
		return true
	}
	if a.Country != "" && b.Country != "" && !strings.EqualFold(a.Country, b.Country) {
		return false
	}
	if strings.EqualFold(a.Name, b.Name) {
		return true
	}
	// A country- or region-level place contains every place of its country.
	if a.GeoPrecision == 3 || b.GeoPrecision == 3 {
		return a.Country != "" && strings.EqualFold(a.Country, b.Country)
	}
	if a.Latitude != nil && a.Longitude != nil && b.Latitude != nil && b.Longitude != nil {
		return Distance(*a.Latitude, *a.Longitude, *b.Latitude, *b.Longitude) <= maxKm
	}
	return false
}

func actorsCompatible(a, b domain.Event) bool {
	same := func(x, y *string) bool { return x == nil || y == nil || strings.EqualFold(*x, *y) }
	// The doer must agree. Who was hit is often exactly what the sides
	// dispute ("civilians" against "troops"): that is recorded as a
	// conflict on the incident, not a reason to split it.
	if same(a.Actor1, b.Actor1) {
		return true
	}
	// One outlet's attacker is another's defender in a reported clash; the
	// swap must be attested by a name on both sides, not just by gaps.
	equal := func(x, y *string) bool { return x != nil && y != nil && strings.EqualFold(*x, *y) }
	return a.EventType == domain.Battles && same(a.Actor1, b.Actor2) && same(a.Actor2, b.Actor1) &&
		(equal(a.Actor1, b.Actor2) || equal(a.Actor2, b.Actor1))
}

// Distance is the great-circle distance in km.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	dlat, dlon := rad(lat2-lat1), rad(lon2-lon1)
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(rad(lat1))*math.Cos(rad(lat2))*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371.0088 * math.Asin(math.Sqrt(h))
}

// Build clusters reports into incidents and summarises each. The result is
// sorted by date, then ID, and depends only on the set of reports.
func Build(reports []Report) []domain.Incident {
	sorted := append([]Report(nil), reports...)
	sort.Slice(sorted, func(i, j int) bool { return less(sorted[i], sorted[j]) })
	var clusters [][]Report
	for _, r := range sorted {
		placed := false
		for ci := range clusters {
			if fits(clusters[ci], r) {
				clusters[ci] = append(clusters[ci], r)
				placed = true
				break
			}
		}
		if !placed {
			clusters = append(clusters, []Report{r})
		}
	}
	out := make([]domain.Incident, 0, len(clusters))
	for _, c := range clusters {
		out = append(out, Summarise(c))
	}
	assignIDs(out)
	sort.Slice(out, func(i, j int) bool {
		di, dj := domain.Deref(out[i].Date), domain.Deref(out[j].Date)
		if di != dj {
			return di < dj
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// less is the canonical order: type, date, place, then document identity.
func less(a, b Report) bool {
	ka := [...]string{a.Event.EventType, domain.Deref(a.Event.Date), placeName(a.Event.Location), a.key()}
	kb := [...]string{b.Event.EventType, domain.Deref(b.Event.Date), placeName(b.Event.Location), b.key()}
	for i := range ka {
		if ka[i] != kb[i] {
			return ka[i] < kb[i]
		}
	}
	return false
}

func placeName(l *domain.Location) string {
	if l == nil {
		return ""
	}
	return strings.ToLower(l.Name)
}

func fits(cluster []Report, r Report) bool {
	for _, m := range cluster {
		if m.DocID == r.DocID && m.Index == r.Index {
			return false
		}
		if !Compatible(m.Event, r.Event) {
			return false
		}
	}
	return true
}

// assignIDs names incidents "inc-DATE-PLACE-KIND-XXXXXX", XXXXXX taken
// from a hash of the incident's first report: readable, stable while the
// incident keeps that report, and unique without a counter, so rebuilding
// one neighbourhood can never collide with an incident elsewhere.
func assignIDs(incs []domain.Incident) {
	for i, inc := range incs {
		place := "unknown"
		if inc.Location != nil && inc.Location.Name != "" {
			place = slug(inc.Location.Name)
		}
		date := domain.Deref(inc.Date)
		if date == "" {
			date = "undated"
		}
		h := sha256.Sum256([]byte(firstReportKey(inc)))
		incs[i].ID = fmt.Sprintf("inc-%s-%s-%s-%x", date, place, slug(inc.SubEventType), h[:3])
	}
}

func firstReportKey(inc domain.Incident) string {
	best := ""
	for _, r := range inc.Reports {
		k := fmt.Sprintf("%s#%06d", r.DocID, r.EventIndex)
		if best == "" || k < best {
			best = k
		}
	}
	return best
}

// slug keeps lower-case ASCII letters and digits, words joined by '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}
