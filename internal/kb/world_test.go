package kb

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// shared loads the embedded knowledge base once for the tests that only
// read it (the gazetteer takes a second to index).
var shared = sync.OnceValues(func() (*KB, error) { return Load("") })

func mustKB(t testing.TB) *KB {
	t.Helper()
	k, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestHolder(t *testing.T) {
	k := mustKB(t)
	tests := []struct {
		role, of, date, want string
	}{
		{"president", "Russia", "2016-10-28", "person/vladimir-putin"},
		{"president", "Russia", "2010-06-01", "person/dmitry-medvedev"},
		{"prime minister", "Russia", "2010-06-01", "person/vladimir-putin"},
		{"president", "United States", "2016-12-09", "person/barack-obama"},
		{"president", "United States", "2018-04-14", "person/donald-trump"},
		{"president", "United States", "2023-03-01", "person/joe-biden"},
		{"president", "United States", "2025-06-01", "person/donald-trump"},
		{"foreign minister", "United States", "2016-12-09", "person/john-kerry"},
		{"foreign minister", "United States", "2017-06-01", "person/rex-tillerson"},
		{"foreign minister", "United States", "2019-06-01", "person/mike-pompeo"},
		{"foreign minister", "United States", "2022-06-01", "person/antony-blinken"},
		{"foreign minister", "Russia", "2016-12-09", "person/sergei-lavrov"},
		{"spokesperson", "Kremlin", "2016-10-28", "person/dmitry-peskov"},
		{"spokesperson", "White House", "2016-12-09", "person/josh-earnest"},
		{"president", "Ukraine", "2016-01-01", "person/petro-poroshenko"},
		{"president", "Ukraine", "2023-01-01", "person/volodymyr-zelensky"},
		{"prime minister", "Israel", "2022-01-01", "person/naftali-bennett"},
		{"prime minister", "Israel", "2024-01-01", "person/benjamin-netanyahu"},
		{"supreme leader", "Iran", "2020-01-01", "person/ali-khamenei"},
		{"president", "Iran", "2015-01-01", "person/hassan-rouhani"},
		{"president", "Iran", "2022-01-01", "person/ebrahim-raisi"},
		{"president", "Iran", "2025-01-01", "person/masoud-pezeshkian"},
		{"secretary-general", "United Nations", "2016-10-28", "person/ban-ki-moon"},
		{"secretary-general", "United Nations", "2020-01-01", "person/antonio-guterres"},
		{"envoy for Syria", "United Nations", "2016-12-15", "person/staffan-de-mistura"},
		{"envoy for Syria", "United Nations", "2021-01-01", "person/geir-pedersen"},
		{"president", "Syria", "2016-12-15", "person/bashar-al-assad"},
		{"president", "Syria", "2025-06-01", "person/ahmed-al-sharaa"},
		{"president", "Turkey", "2016-10-05", "person/recep-tayyip-erdogan"},
	}
	for _, tt := range tests {
		a, ok := k.Holder(tt.role, tt.of, day(tt.date))
		if !ok || a.ID != tt.want {
			t.Errorf("Holder(%q, %q, %s) = %q, %v; want %q", tt.role, tt.of, tt.date, a.ID, ok, tt.want)
		}
	}
	if a, ok := k.Holder("president", "Russia", time.Time{}); !ok || a.ID != "person/vladimir-putin" {
		t.Errorf("current Russian president = %q, %v", a.ID, ok)
	}
	if _, ok := k.Holder("president", "Russia", day("1990-01-01")); ok {
		t.Errorf("a Russian president found for 1990, before any office in the data")
	}
}

func TestActorsAndTemplates(t *testing.T) {
	k := mustKB(t)
	tests := []struct{ name, wantID string }{
		{"Sergey Lavrov", "person/sergei-lavrov"},
		{"Zelenskyy", "person/volodymyr-zelensky"},
		{"Erdoğan", "person/recep-tayyip-erdogan"},
		{"Daesh", "group/islamic-state"},
		{"al-Nusra Front", "group/jabhat-fateh-al-sham"},
		{"Syrian Arab Army", "group/military-forces-of-syria"},
		{"Syrian army", "group/military-forces-of-syria"},
		{"Russia's Defense Ministry", "org/ministry-of-defence-of-russia"},
		{"Syrian Foreign Ministry", "org/ministry-of-foreign-affairs-of-syria"},
		{"Ukrainian forces", "group/military-forces-of-ukraine"},
		{"IDF", "group/military-forces-of-israel"},
		{"Ansar Allah", "group/houthis"},
		{"SOHR", "org/sohr"},
		{"White Helmets", "org/white-helmets"},
	}
	for _, tt := range tests {
		as := k.ActorsNamed(tt.name)
		found := false
		for _, a := range as {
			found = found || a.ID == tt.wantID
		}
		if !found {
			t.Errorf("ActorsNamed(%q) = %v, want %s among them", tt.name, ids(as), tt.wantID)
		}
	}
	a, ok := k.Actor("group/military-forces-of-syria")
	if !ok || a.Country != "Syria" || a.Side != "state" || a.Type != TypeArmedGroup {
		t.Errorf("Actor(military-forces-of-syria) = %+v, %v", a, ok)
	}
	contextual := 0
	for _, tp := range k.Templates() {
		if tp.Contextual() {
			contextual++
		}
	}
	if contextual == 0 {
		t.Errorf("no contextual templates (the army, government forces)")
	}
}

func ids(as []Actor) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func TestCountryAndPlaces(t *testing.T) {
	k := mustKB(t)
	for _, tt := range []struct{ q, want string }{
		{"Syria", "Syria"}, {"Syrian", "Syria"}, {"US", "United States"}, {"U.S.", "United States"},
		{"Britain", "United Kingdom"}, {"UA", "Ukraine"}, {"Türkiye", "Turkey"}, {"Palestinian", "Palestine"},
	} {
		c, ok := k.Country(tt.q)
		if !ok || c.Name != tt.want {
			t.Errorf("Country(%q) = %q, %v; want %q", tt.q, c.Name, ok, tt.want)
		}
	}
	c, _ := k.Country("Syria")
	if !c.HasCoord || distanceKm(c.Lat, c.Lon, 33.51, 36.29) > 20 {
		t.Errorf("Syria's capital at %.2f,%.2f, want Damascus", c.Lat, c.Lon)
	}
	places := []struct{ name, country, want string }{
		{"Deir Ezzor", "", "Deir ez-Zor"},
		{"Dayr al-Zawr", "", "Deir ez-Zor"},
		{"Kiev", "", "Kyiv"},
		{"Kharkov", "", "Kharkiv"},
		{"Hudaydah", "", "Hodeidah"},
		{"Deraa", "Syria", "Daraa"},
		{"al-Rastan", "SY", "Rastan"},
		{"Dayr az Zawr", "Syria", "Deir ez-Zor"},
		{"Sukkari", "", "Sukkari"},
		{"Hamburg", "", "Hamburg"},
	}
	for _, tt := range places {
		var p Place
		var ok bool
		if tt.country == "" {
			p, ok = k.Place(tt.name)
		} else {
			p, ok = k.PlaceIn(tt.name, tt.country)
		}
		if !ok || p.Name != tt.want || !p.HasCoord {
			t.Errorf("place %q in %q = %q (coords %v), %v; want %q", tt.name, tt.country, p.Name, p.HasCoord, ok, tt.want)
		}
	}
	p, _ := k.Place("Aleppo")
	if p.Country != "Syria" || distanceKm(p.Lat, p.Lon, 36.20, 37.16) > 10 {
		t.Errorf("Aleppo = %+v", p)
	}
	if _, ok := k.PlaceIn("Aleppo", "Ukraine"); ok {
		t.Errorf("Aleppo found in Ukraine")
	}
}

func TestCheckEmbedded(t *testing.T) {
	k := mustKB(t)
	for _, err := range k.Check() {
		t.Error(err)
	}
}

func TestCheckReportsProblems(t *testing.T) {
	dir := t.TempDir()
	must := func(rel, body string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must("actors/local.yaml", `- id: person/test-one
  name: Test One
  colour: red
  offices: [{roles: [mayor], of: Syria, from: 2020-01-01, to: 2019-01-01}]
- id: person/test-two
  name: Test Two
  aliases: [Test One]
  country: Atlantis
- id: group/test-group
  name: Test Group
  type: PERSON
`)
	must("places/districts.tsv", "Nowhere\tSY\t\tPPLX\t95.0\t37.0\t\tAleppo\nFaraway\tSY\t\tPPLX\t-33.9\t151.2\t\tAleppo\nWide\tSY\t\tPPLX\t36.2\t37.1\t\tAleppo\textra\n")
	k, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, e := range k.Check() {
		all = append(all, e.Error())
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		`local.yaml line 3: unknown actor field "colour"`,
		`person/test-one: office mayor ends (2019-01-01) before it starts (2020-01-01)`,
		`alias "test one" of person/test-two is also an alias of person/test-one`,
		`person/test-two: unknown country "Atlantis"`,
		`group/test-group: type PERSON does not fit its id`,
		`districts.tsv line 1: place "Nowhere": bad coordinates`,
		`place "Faraway": coordinates -33.90,151.20 are over 3,000 km from Syria's capital`,
		`districts.tsv line 3: place "Wide": 9 fields, want at most 8`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Check() lacks %q; got:\n%s", want, text)
		}
	}
}

func TestOverlayReplacesActor(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "actors"), 0o755); err != nil {
		t.Fatal(err)
	}
	body := "- id: person/sergei-lavrov\n  name: Sergey Lavrov\n  aliases: [Lavrov]\n  country: Russia\n"
	if err := os.WriteFile(filepath.Join(dir, "actors", "people.yaml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := k.Actor("person/sergei-lavrov")
	if !ok || a.Name != "Sergey Lavrov" {
		t.Errorf("overlay actor = %q, %v; want the overlay's name", a.Name, ok)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		end  bool
		want string
		bad  bool
	}{
		{"2016-10-05", false, "2016-10-05", false},
		{"2016-10", false, "2016-10-01", false},
		{"2016-10", true, "2016-10-31", false},
		{"2016", true, "2016-12-31", false},
		{"2016", false, "2016-01-01", false},
		{"05/10/2016", false, "", true},
		{"", false, "", true},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, tt.end)
		if (err != nil) != tt.bad {
			t.Errorf("parseDate(%q) error %v, want bad=%v", tt.in, err, tt.bad)
			continue
		}
		if !tt.bad && got.Format("2006-01-02") != tt.want {
			t.Errorf("parseDate(%q, %v) = %s, want %s", tt.in, tt.end, got.Format("2006-01-02"), tt.want)
		}
	}
}

func FuzzParseActors(f *testing.F) {
	f.Add([]byte("- id: person/a\n  name: A\n  offices: [{roles: [president], of: Syria, from: 2000}]\n"))
	f.Add([]byte("- {id: org/x, name: X, aliases: [Y, Z]}\n"))
	f.Add([]byte("not a list"))
	f.Add([]byte("- [1, 2]\n- id: group/g\n  generic: [{label: rebel}]\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, b []byte) {
		as, _, err := parseActors(b, "fuzz.yaml")
		if err != nil {
			return
		}
		for _, a := range as {
			if a.File != "fuzz.yaml" {
				t.Fatalf("actor without its file: %+v", a)
			}
		}
	})
}

func FuzzParseGazetteer(f *testing.F) {
	f.Add("Aleppo\t\t36.2\t37.16\tSY\tAleppo\t1602264\tPPLA\n")
	f.Add("# comment\nX\tY\t1\t2\tSY\t\t0\tPPL\n")
	f.Add("bad line\n")
	f.Fuzz(func(t *testing.T, s string) {
		data := gzipString(s)
		ps, err := parseGazetteer(data, "fuzz.tsv.gz")
		if err != nil {
			return
		}
		for _, p := range ps {
			if !p.Gazetteer || p.Name == "" && p.Aliases != nil {
				t.Fatalf("odd place %+v", p)
			}
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlacesNamed(b *testing.B) {
	k := mustKB(b)
	names := []string{"Aleppo", "Deir Ezzor", "Kiev", "al-Rastan", "Nowhere Special"}
	for b.Loop() {
		for _, n := range names {
			k.PlacesNamed(n, "")
		}
	}
}
