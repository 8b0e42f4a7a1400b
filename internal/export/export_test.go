package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/export"
)

var update = flag.Bool("update", false, "rewrite golden files")

func incidents() []domain.Incident {
	lat, lon := 15.35, 44.21
	return []domain.Incident{
		{ID: "inc-2023-01-10-sanaa-air-drone-strike-1", EventType: domain.ExplosionsRemoteViolence,
			SubEventType: "Air/drone strike", Date: domain.Str("2023-01-10"), TimePrecision: 1,
			Location: &domain.Location{Name: "Sanaa", Admin1: "Amanat al Asimah", Country: "Yemen", Latitude: &lat, Longitude: &lon, GeoPrecision: 1},
			Actor1:   domain.Str("Military Forces of Saudi Arabia"), Fatalities: &domain.Figure{Low: domain.Num(4), Best: domain.Num(5), High: domain.Num(9)},
			Status: domain.StatusContested, IndependentSources: 2,
			Reports: []domain.Report{
				{Doc: "a.txt", Outlet: domain.Str("Outlet A"), Wire: domain.Str("AFP"), ClaimedBy: "Ansar Allah", Span: domain.Span{Text: "an air strike hit a market"}},
				{Doc: "b.txt", Outlet: domain.Str("Outlet B"), ClaimedBy: "Outlet B", Span: domain.Span{Text: "warplanes struck the capital, \"killing four\""}},
			}},
		{ID: "inc-2023-01-11-sanaa-evacuation-1", EventType: domain.Humanitarian, SubEventType: "Evacuation",
			Date: domain.Str("2023-01-11"), TimePrecision: 2, Status: domain.StatusSingleSource, IndependentSources: 1,
			Location: &domain.Location{Name: "Sanaa", Country: "Yemen", Latitude: &lat, Longitude: &lon, GeoPrecision: 1}},
		{ID: "inc-2023-01-11-riyadh-statement-1", EventType: domain.Diplomacy, SubEventType: "Statement",
			Date: domain.Str("2023-01-11"), TimePrecision: 1, Status: domain.StatusSingleSource, IndependentSources: 1},
	}
}

func TestGolden(t *testing.T) {
	for _, format := range export.Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.Write(&buf, format, incidents()); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "incidents", "want."+format)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("%s output (-want +got):\n%s", format, diff)
			}
		})
	}
}

func TestCSVFollowsACLED(t *testing.T) {
	var buf bytes.Buffer
	if err := export.CSV(&buf, incidents()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHead := []string{"event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
		"country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"}
	if diff := cmp.Diff(wantHead, rows[0][:len(wantHead)]); diff != "" {
		t.Errorf("ACLED columns (-want +got):\n%s", diff)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want header + 2 (diplomacy is not exported to ACLED format)", len(rows))
	}
	if rows[2][3] != domain.StrategicDevelopments || rows[2][4] != "Other" {
		t.Errorf("humanitarian evacuation exported as %q/%q, want Strategic developments/Other", rows[2][3], rows[2][4])
	}
	if rows[1][15] != "5" || rows[2][15] != "0" {
		t.Errorf("fatalities = %q, %q; want best estimate 5 and 0", rows[1][15], rows[2][15])
	}
}

func TestGeoJSONIsLonLat(t *testing.T) {
	var buf bytes.Buffer
	if err := export.GeoJSON(&buf, incidents()); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry struct {
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
		t.Fatalf("got %s with %d features, want FeatureCollection with the 2 located incidents", fc.Type, len(fc.Features))
	}
	if c := fc.Features[0].Geometry.Coordinates; c[0] != 44.21 || c[1] != 15.35 {
		t.Errorf("coordinates = %v, want [lon lat] = [44.21 15.35]", c)
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := export.Write(&bytes.Buffer{}, "xml", nil); err == nil {
		t.Error("want an error for an unknown format")
	}
}
