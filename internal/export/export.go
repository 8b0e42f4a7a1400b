package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/domain"
)

// Formats lists what Write accepts.
var Formats = []string{"json", "csv", "geojson"}

// ContentType is the media type of each format.
func ContentType(format string) string {
	switch format {
	case "csv":
		return "text/csv; charset=utf-8"
	case "geojson":
		return "application/geo+json"
	default:
		return "application/x-ndjson"
	}
}

// Write writes incidents in one of Formats.
func Write(w io.Writer, format string, incs []domain.Incident) error {
	switch format {
	case "json":
		return JSONLines(w, incs)
	case "csv":
		return CSV(w, incs)
	case "geojson":
		return GeoJSON(w, incs)
	}
	return fmt.Errorf("unknown export format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// JSONLines writes one incident per line, per the output contract.
func JSONLines(w io.Writer, incs []domain.Incident) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, inc := range incs {
		if inc.Conflicts == nil {
			inc.Conflicts = []domain.Conflict{}
		}
		if err := enc.Encode(inc); err != nil {
			return err
		}
	}
	return nil
}

// acledColumns are ACLED's names, in ACLED's order; sitrep's own columns
// follow them.
var acledColumns = []string{"event_date", "year", "time_precision", "event_type", "sub_event_type",
	"actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
	"source", "notes", "fatalities"}

var sitrepColumns = []string{"sitrep_id", "sitrep_event_type", "sitrep_sub_event_type", "date_end",
	"fatalities_low", "fatalities_high", "injured", "status", "independent_sources", "reports", "claimed_by"}

// ACLEDType maps sitrep's taxonomy onto ACLED's: the two types of its own
// become Strategic developments; ok is false for what ACLED does not code
// (diplomacy).
func ACLEDType(typ, sub string) (string, string, bool) {
	switch typ {
	case domain.Diplomacy:
		return "", "", false
	case domain.Humanitarian:
		if sub == "Ceasefire or pause" || sub == "Humanitarian corridor" {
			return domain.StrategicDevelopments, "Agreement", true
		}
		return domain.StrategicDevelopments, "Other", true
	}
	return typ, sub, true
}

// CSV writes ACLED-style rows. Diplomacy incidents are left out, as ACLED
// does not code them.
func CSV(w io.Writer, incs []domain.Incident) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(append(append([]string{}, acledColumns...), sitrepColumns...)); err != nil {
		return err
	}
	for _, inc := range incs {
		typ, sub, ok := ACLEDType(inc.EventType, inc.SubEventType)
		if !ok {
			continue
		}
		date := domain.Deref(inc.Date)
		year := ""
		if len(date) >= 4 {
			year = date[:4]
		}
		var country, admin1, place, lat, lon, geo string
		if l := inc.Location; l != nil {
			country, admin1, place = l.Country, l.Admin1, l.Name
			lat, lon = num(l.Latitude), num(l.Longitude)
			if l.GeoPrecision > 0 {
				geo = strconv.Itoa(l.GeoPrecision)
			}
		}
		var low, high, best string
		if f := inc.Fatalities; f != nil {
			low, best, high = num(f.Low), num(f.Best), num(f.High)
		}
		if best == "" {
			best = "0" // ACLED's fatalities column is a count, never empty
		}
		var injured string
		if f := inc.Injured; f != nil {
			injured = num(f.Best)
		}
		row := []string{date, year, strconv.Itoa(inc.TimePrecision), typ, sub,
			domain.Deref(inc.Actor1), domain.Deref(inc.Actor2), country, admin1, place, lat, lon, geo,
			sources(inc), notes(inc), best,
			inc.ID, inc.EventType, inc.SubEventType, domain.Deref(inc.DateEnd), low, high, injured,
			inc.Status, strconv.Itoa(inc.IndependentSources), strconv.Itoa(len(inc.Reports)), claimants(inc)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func num(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// sources lists the outlets (with their wire) as ACLED's source column does.
func sources(inc domain.Incident) string {
	seen := map[string]bool{}
	var out []string
	for _, r := range inc.Reports {
		s := domain.Deref(r.Outlet)
		if w := domain.Deref(r.Wire); w != "" {
			if s == "" {
				s = w
			} else {
				s += " (" + w + ")"
			}
		}
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func claimants(inc domain.Incident) string {
	seen := map[string]bool{}
	var out []string
	for _, r := range inc.Reports {
		if r.ClaimedBy != "" && !seen[r.ClaimedBy] {
			seen[r.ClaimedBy] = true
			out = append(out, r.ClaimedBy)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// notes quotes the evidence of each report, as ACLED's notes summarise.
func notes(inc domain.Incident) string {
	var parts []string
	for _, r := range inc.Reports {
		o := domain.Deref(r.Outlet)
		if o == "" {
			o = r.Doc
		}
		parts = append(parts, fmt.Sprintf("%s: “%s”", o, r.Text))
	}
	return strings.Join(parts, " | ")
}

// GeoJSON writes a FeatureCollection of the located incidents as points.
func GeoJSON(w io.Writer, incs []domain.Incident) error {
	type geometry struct {
		Type        string     `json:"type"`
		Coordinates [2]float64 `json:"coordinates"`
	}
	type feature struct {
		Type       string         `json:"type"`
		ID         string         `json:"id"`
		Geometry   geometry       `json:"geometry"`
		Properties map[string]any `json:"properties"`
	}
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection", Features: []feature{}}
	for _, inc := range incs {
		l := inc.Location
		if l == nil || l.Latitude == nil || l.Longitude == nil {
			continue
		}
		props := map[string]any{
			"event_date": domain.Deref(inc.Date), "event_type": inc.EventType, "sub_event_type": inc.SubEventType,
			"location": l.Name, "admin1": l.Admin1, "country": l.Country, "geo_precision": l.GeoPrecision,
			"actor1": inc.Actor1, "actor2": inc.Actor2, "status": inc.Status,
			"independent_sources": inc.IndependentSources, "reports": len(inc.Reports), "source": sources(inc),
		}
		if inc.Fatalities != nil {
			props["fatalities"] = inc.Fatalities.Best
		}
		fc.Features = append(fc.Features, feature{Type: "Feature", ID: inc.ID,
			Geometry:   geometry{Type: "Point", Coordinates: [2]float64{*l.Longitude, *l.Latitude}},
			Properties: props})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(fc)
}
