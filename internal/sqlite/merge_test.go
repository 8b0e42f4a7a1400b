package sqlite_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
)

func withEvent(r domain.Record, wire string, evs ...domain.Event) domain.Record {
	r.Document.Events = evs
	r.Document.Source.Wire = domain.Str(wire)
	r.ID = r.Document.Fingerprint()
	return r
}

func shellingEvent(date, place string, lat, lon, killed float64, claimant string) domain.Event {
	return domain.Event{EventType: domain.ExplosionsRemoteViolence, SubEventType: "Shelling/artillery/missile attack",
		Date: domain.Str(date), TimePrecision: 1, Modality: domain.ModalityAsserted, ClaimedBy: claimant,
		Location: &domain.Location{Name: place, Country: "Ukraine", Latitude: &lat, Longitude: &lon, GeoPrecision: 1},
		Actor1:   domain.Str("Military Forces of Russia"), Fatalities: domain.Num(killed),
		Span: domain.Span{Text: "shelling of " + place}}
}

const wireStory = `Russian forces shelled the centre of Kharkiv on Thursday, killing at least seven people and
wounding more than twenty, the regional governor said. Rescue teams worked through the night to clear
rubble from a residential block near the central market, where several floors collapsed after a strike.`

func corpus() []domain.Record {
	a := withEvent(record("a.txt", "Outlet A", "Kharkiv shelled", wireStory), "AFP",
		shellingEvent("2023-03-02", "Kharkiv", 49.99, 36.23, 7, "Oleh Syniehubov"))
	b := withEvent(record("b.txt", "Outlet B", "Deadly strike on Kharkiv", wireStory+" The mayor called it terror."), "AFP",
		shellingEvent("2023-03-02", "Kharkiv", 49.99, 36.23, 7, "Oleh Syniehubov"))
	c := withEvent(record("c.txt", "Outlet C", "Kharkiv attack toll rises",
		"Officials in the city raised the toll from the attack on the market district to eleven dead on Friday."), "",
		shellingEvent("2023-03-03", "Kharkiv", 49.99, 36.23, 11, "Ihor Terekhov"))
	d := withEvent(record("d.txt", "Outlet D", "Odesa port hit",
		"A missile struck warehouses in the port of Odesa overnight, the navy said."), "",
		shellingEvent("2023-03-02", "Odesa", 46.48, 30.72, 0, "Ukrainian Navy"))
	return []domain.Record{a, b, c, d}
}

func incidentsJSON(t *testing.T, recs ...[]domain.Record) string {
	t.Helper()
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	for _, batch := range recs {
		if _, err := s.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	incs, total, err := s.Incidents(ctx, domain.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(incs) {
		t.Errorf("total %d, listed %d", total, len(incs))
	}
	b, err := json.MarshalIndent(incs, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMergeAcrossOutletsAndWireCopies(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	if _, err := s.PutDocuments(ctx, corpus()); err != nil {
		t.Fatal(err)
	}
	incs, _, err := s.Incidents(ctx, domain.IncidentFilter{Place: "kharkiv"})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) != 1 {
		t.Fatalf("Kharkiv incidents = %d, want 1", len(incs))
	}
	inc := incs[0]
	if len(inc.Reports) != 3 || inc.IndependentSources != 2 {
		t.Errorf("reports %d, independent sources %d; want 3 reports from 2 sources (a and b are one wire story)",
			len(inc.Reports), inc.IndependentSources)
	}
	if inc.Status != domain.StatusContested || len(inc.Conflicts) == 0 || inc.Conflicts[0].Field != "fatalities" {
		t.Errorf("status %s conflicts %+v; want contested on fatalities (7 against 11)", inc.Status, inc.Conflicts)
	}
	got, err := s.Incident(ctx, inc.ID)
	if err != nil || got.ID != inc.ID {
		t.Errorf("Incident(%s) = %v, %v", inc.ID, got.ID, err)
	}
	for _, f := range []struct {
		filter domain.IncidentFilter
		want   int
	}{
		{domain.IncidentFilter{}, 2},
		{domain.IncidentFilter{Outlet: "outlet d"}, 1},
		{domain.IncidentFilter{Status: domain.StatusContested}, 1},
		{domain.IncidentFilter{From: "2023-03-03"}, 0},
		{domain.IncidentFilter{From: "2023-03-02", To: "2023-03-02"}, 2},
		{domain.IncidentFilter{To: "2023-03-01"}, 0},
		{domain.IncidentFilter{Type: "Explosions/Remote violence", Actor: "russia"}, 2},
		{domain.IncidentFilter{Type: "Battles"}, 0},
		{domain.IncidentFilter{Limit: 1, Offset: 1}, 1},
	} {
		incs, total, err := s.Incidents(ctx, f.filter)
		if err != nil {
			t.Fatal(err)
		}
		if len(incs) != f.want {
			t.Errorf("filter %+v: %d incidents (total %d), want %d", f.filter, len(incs), total, f.want)
		}
	}
	hits, err := s.Search(ctx, `rubble market "`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Errorf("search found %d documents, want the 2 wire copies", len(hits))
	}
}

func TestMergeIgnoresIngestionOrder(t *testing.T) {
	c := corpus()
	want := incidentsJSON(t, c)
	orders := [][][]domain.Record{
		{{c[3], c[2], c[1], c[0]}},
		{{c[2]}, {c[0]}, {c[3]}, {c[1]}},
		{{c[1], c[3]}, {c[0], c[2]}},
	}
	for i, o := range orders {
		if diff := cmp.Diff(want, incidentsJSON(t, o...)); diff != "" {
			t.Errorf("order %d gave other incidents (-want +got):\n%s", i, diff)
		}
	}
}
