package incident_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/incident"
)

func loc(name, country string, lat, lon float64, prec int) *domain.Location {
	return &domain.Location{Name: name, Country: country, Latitude: &lat, Longitude: &lon, GeoPrecision: prec}
}

var (
	aleppo   = loc("Aleppo", "Syria", 36.20, 37.16, 1)
	kalasseh = loc("Kalasseh", "Syria", 36.19, 37.14, 1)
	homs     = loc("Homs", "Syria", 34.73, 36.72, 1)
	syria    = loc("Syria", "Syria", 34.8, 39.0, 3)
)

func ev(typ, sub, date string, l *domain.Location, actor1 string, killed float64, claimant, modality string) domain.Event {
	e := domain.Event{EventType: typ, SubEventType: sub, Date: domain.Str(date), TimePrecision: 1, Location: l,
		Actor1: domain.Str(actor1), ClaimedBy: claimant, Modality: modality, Span: domain.Span{Text: sub + " " + date}}
	if killed > 0 {
		e.Fatalities = domain.Num(killed)
	}
	return e
}

func report(doc, outlet, group string, e domain.Event) incident.Report {
	return incident.Report{DocID: doc, DocPath: doc + ".txt", Outlet: domain.Str(outlet), SourceGroup: group, Event: e}
}

const (
	shelling = "Shelling/artillery/missile attack"
	evac     = "Evacuation"
	army     = "Military Forces of Syria"
)

func scenario() []incident.Report {
	return []incident.Report{
		// Three outlets on one shelling; two are copies of one wire story.
		report("d1", "Outlet A", "g1", ev(domain.ExplosionsRemoteViolence, shelling, "2016-12-08", aleppo, army, 18, "SOHR", domain.ModalityAsserted)),
		report("d2", "Outlet B", "g1", ev(domain.ExplosionsRemoteViolence, shelling, "2016-12-08", kalasseh, army, 18, "SOHR", domain.ModalityAsserted)),
		report("d3", "Outlet C", "g3", ev(domain.ExplosionsRemoteViolence, shelling, "2016-12-09", aleppo, "", 40, "Civil Defence", domain.ModalityAsserted)),
		// Another town, same day: a separate incident.
		report("d3", "Outlet C", "g3", ev(domain.ExplosionsRemoteViolence, shelling, "2016-12-08", homs, army, 0, "Outlet C", domain.ModalityAsserted)),
		// The same town a week later: separate.
		report("d4", "Outlet D", "g4", ev(domain.ExplosionsRemoteViolence, shelling, "2016-12-15", aleppo, army, 0, "Outlet D", domain.ModalityAsserted)),
		// An evacuation reported in Aleppo and, vaguely, in Syria.
		report("d1", "Outlet A", "g1", ev(domain.Humanitarian, evac, "2016-12-13", aleppo, "", 0, "Outlet A", domain.ModalityAsserted)),
		report("d5", "Outlet E", "g5", ev(domain.Humanitarian, evac, "2016-12-13", syria, "", 0, "Outlet E", domain.ModalityAsserted)),
	}
}

func TestBuildMergesAndSeparates(t *testing.T) {
	incs := incident.Build(scenario())
	type row struct {
		ID      string
		Reports int
		Sources int
		Status  string
	}
	var got []row
	for _, inc := range incs {
		// The ID ends in a hash of the first report; the rest is readable.
		cut := strings.LastIndex(inc.ID, "-")
		if cut < 0 || len(inc.ID)-cut != 7 {
			t.Errorf("ID %q does not end in a 6-hex-digit hash", inc.ID)
			continue
		}
		got = append(got, row{inc.ID[:cut], len(inc.Reports), inc.IndependentSources, inc.Status})
	}
	want := []row{
		{"inc-2016-12-08-aleppo-shelling-artillery-missile-attack", 3, 2, domain.StatusContested},
		{"inc-2016-12-08-homs-shelling-artillery-missile-attack", 1, 1, domain.StatusSingleSource},
		{"inc-2016-12-13-aleppo-evacuation", 2, 2, domain.StatusCorroborated},
		{"inc-2016-12-15-aleppo-shelling-artillery-missile-attack", 1, 1, domain.StatusSingleSource},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("incidents (-want +got):\n%s", diff)
	}
	first := incs[0]
	if f := first.Fatalities; f == nil || *f.Low != 18 || *f.Best != 18 || *f.High != 40 {
		t.Errorf("fatalities = %+v, want low 18 best 18 high 40", f)
	}
	if len(first.Conflicts) != 1 || first.Conflicts[0].Field != "fatalities" {
		t.Errorf("conflicts = %+v, want one on fatalities", first.Conflicts)
	}
}

func TestBuildIgnoresOrder(t *testing.T) {
	want := incident.Build(scenario())
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		rs := scenario()
		rng.Shuffle(len(rs), func(a, b int) { rs[a], rs[b] = rs[b], rs[a] })
		if diff := cmp.Diff(want, incident.Build(rs)); diff != "" {
			t.Fatalf("shuffle %d changed the incidents (-want +got):\n%s", i, diff)
		}
	}
}

func TestHaltedAgainstContinuedIsContested(t *testing.T) {
	rs := []incident.Report{
		report("d1", "Outlet A", "g1", ev(domain.ExplosionsRemoteViolence, shelling, "2016-12-08", aleppo, army, 0, "Sergei Lavrov", domain.ModalityReportedHalted)),
		report("d2", "Outlet B", "g2", ev(domain.ExplosionsRemoteViolence, shelling, "2016-12-08", aleppo, army, 0, "SOHR", domain.ModalityAsserted)),
	}
	incs := incident.Build(rs)
	if len(incs) != 1 {
		t.Fatalf("got %d incidents, want 1", len(incs))
	}
	if incs[0].Status != domain.StatusContested || len(incs[0].Conflicts) != 1 || incs[0].Conflicts[0].Field != "occurred" {
		t.Errorf("incident = %+v, want contested on occurred", incs[0])
	}
	if incs[0].IndependentSources != 1 {
		t.Errorf("independent sources = %d, want 1 (the halt claim is not a source that it happened)", incs[0].IndependentSources)
	}
}

func TestDisputedTargetIsContested(t *testing.T) {
	hitCivilians := ev(domain.ExplosionsRemoteViolence, shelling, "2024-03-12", kalasseh, "Military Forces of Russia", 0, "Governor", "")
	hitCivilians.Actor2 = domain.Str("Civilians (Ukraine)")
	hitTroops := hitCivilians
	hitTroops.Actor2, hitTroops.ClaimedBy = domain.Str("Military Forces of Ukraine"), "Ministry of Defence of Russia"
	incs := incident.Build([]incident.Report{report("d1", "A", "g1", hitCivilians), report("d2", "B", "g2", hitTroops)})
	if len(incs) != 1 {
		t.Fatalf("%d incidents, want 1", len(incs))
	}
	if incs[0].Status != domain.StatusContested || len(incs[0].Conflicts) != 1 || incs[0].Conflicts[0].Field != "actor2" {
		t.Errorf("incident = %+v, want contested on actor2", incs[0])
	}
}

func TestCompatible(t *testing.T) {
	base := ev(domain.Battles, "Armed clash", "2022-05-10", loc("Bakhmut", "Ukraine", 48.59, 38.00, 1), "Military Forces of Russia", 0, "x", "")
	tests := []struct {
		name string
		edit func(e *domain.Event)
		want bool
	}{
		{"same", func(e *domain.Event) {}, true},
		{"next day", func(e *domain.Event) { e.Date = domain.Str("2022-05-11") }, true},
		{"two days later", func(e *domain.Event) { e.Date = domain.Str("2022-05-12") }, false},
		{"overlapping range", func(e *domain.Event) { e.Date, e.DateEnd = domain.Str("2022-05-01"), domain.Str("2022-05-09") }, true},
		{"other type", func(e *domain.Event) { e.EventType = domain.Protests }, false},
		{"other country", func(e *domain.Event) { e.Location = loc("Belgorod", "Russia", 50.6, 36.6, 1) }, false},
		{"country level contains", func(e *domain.Event) { e.Location = loc("Ukraine", "Ukraine", 49, 32, 3) }, true},
		{"nearby village", func(e *domain.Event) { e.Location = loc("Soledar", "Ukraine", 48.69, 38.09, 1) }, true},
		{"far town", func(e *domain.Event) { e.Location = loc("Kharkiv", "Ukraine", 49.99, 36.23, 1) }, false},
		{"other attacker", func(e *domain.Event) { e.Actor1 = domain.Str("Wagner Group") }, false},
		{"disputed target", func(e *domain.Event) { e.Actor2 = domain.Str("Civilians (Ukraine)") }, true},
		{"swapped sides", func(e *domain.Event) {
			e.Actor1, e.Actor2 = domain.Str("Military Forces of Ukraine"), domain.Str("Military Forces of Russia")
		}, true},
		{"unknown actor", func(e *domain.Event) { e.Actor1 = nil }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := base
			tt.edit(&o)
			if got := incident.Compatible(base, o); got != tt.want {
				t.Errorf("Compatible = %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	var rs []incident.Report
	for i := 0; i < 200; i++ {
		for _, r := range scenario() {
			r.DocID = r.DocID + "-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
			rs = append(rs, r)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		incident.Build(rs)
	}
}
