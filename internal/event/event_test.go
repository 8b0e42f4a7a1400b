package event_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/attribution"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/sentence"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

type stages struct {
	a *attribution.Attributor
	x *event.Extractor
}

func newStages(t testing.TB) stages {
	t.Helper()
	k, err := kb.Load("")
	if err != nil {
		t.Fatal(err)
	}
	a, err := attribution.New(k)
	if err != nil {
		t.Fatal(err)
	}
	x, err := event.New(k)
	if err != nil {
		t.Fatal(err)
	}
	return stages{a, x}
}

// place coordinates for test documents (approximate, enough for tests).
var coords = map[string][3]any{
	"Aleppo":      {36.20, 37.16, "Aleppo"},
	"Homs":        {34.73, 36.71, "Homs"},
	"Rastan":      {34.93, 36.73, "Homs"},
	"Kharkiv":     {49.99, 36.23, "Kharkiv"},
	"Bakhmut":     {48.60, 38.00, "Donetsk"},
	"Khan Younis": {31.34, 34.30, "Khan Younis"},
	"Rafah":       {31.29, 34.25, "Rafah"},
	"Mosul":       {36.34, 43.13, "Nineveh"},
	"Geneva":      {46.20, 6.14, "Geneva"},
	"Marib":       {15.46, 45.32, "Marib"},
	"Hodeidah":    {14.80, 42.95, "Al Hudaydah"},
}

var countryOf = map[string]string{"Aleppo": "Syria", "Homs": "Syria", "Rastan": "Syria", "Kharkiv": "Ukraine",
	"Bakhmut": "Ukraine", "Khan Younis": "Palestine", "Rafah": "Palestine", "Mosul": "Iraq", "Geneva": "Switzerland",
	"Marib": "Yemen", "Hodeidah": "Yemen"}

// doc builds a document: entity specs "surface|TYPE|Canonical" (every
// occurrence), dates "surface=VALUE", quantities "surface=KIND:N".
func doc(t testing.TB, text string, entSpecs, dateSpecs, qtySpecs []string) *domain.Document {
	t.Helper()
	d := &domain.Document{Text: text}
	d.Source.Published = domain.Str("2024-03-08")
	d.Source.Outlet = domain.Str("Example Post")
	for _, sp := range entSpecs {
		f := strings.Split(sp, "|")
		for _, st := range all(t, text, f[0]) {
			e := domain.Entity{Span: domain.Span{Text: f[0], Start: st, End: st + len(f[0])}, Type: f[1], Canonical: f[2]}
			if len(f) > 3 {
				e.Country = f[3]
			}
			if c, ok := coords[f[2]]; ok {
				lat, lon := c[0].(float64), c[1].(float64)
				e.Latitude, e.Longitude, e.Admin1, e.Country = &lat, &lon, c[2].(string), countryOf[f[2]]
			}
			d.Entities = append(d.Entities, e)
		}
	}
	sort.Slice(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	for _, sp := range dateSpecs {
		surface, value, _ := strings.Cut(sp, "=")
		prec := domain.PrecisionDay
		if strings.Contains(value, "/") {
			prec = domain.PrecisionRange
		}
		for _, st := range all(t, text, surface) {
			d.Dates = append(d.Dates, domain.DateMention{Span: domain.Span{Text: surface, Start: st, End: st + len(surface)}, Value: value, Precision: prec})
		}
	}
	sort.Slice(d.Dates, func(i, j int) bool { return d.Dates[i].Start < d.Dates[j].Start })
	for _, sp := range qtySpecs {
		surface, kv, _ := strings.Cut(sp, "=")
		kind, n, _ := strings.Cut(kv, ":")
		var v float64
		fmt.Sscan(n, &v)
		st := all(t, text, surface)[0]
		d.Quantities = append(d.Quantities, domain.Quantity{Span: domain.Span{Text: surface, Start: st, End: st + len(surface)}, Kind: kind, Value: domain.Num(v)})
	}
	return d
}

func all(t testing.TB, text, sub string) []int {
	t.Helper()
	var out []int
	for from := 0; ; {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			break
		}
		out = append(out, from+i)
		from += i + len(sub)
	}
	if len(out) == 0 {
		t.Fatalf("%q not in text", sub)
	}
	return out
}

func (s stages) run(d *domain.Document) []domain.Event {
	sents := sentence.Split(d.Text)
	m := s.a.Attribute(d.Text, sents, d.Entities, domain.Deref(d.Source.Outlet))
	return s.x.Extract(d, sents, m)
}

// brief is the part of an event the table tests check.
type brief struct {
	Type, Sub, Actor1, Actor2, Place, Date, By string
	Fatalities                                 float64
}

func briefOf(e domain.Event) brief {
	b := brief{Type: e.EventType, Sub: e.SubEventType, Actor1: domain.Deref(e.Actor1), Actor2: domain.Deref(e.Actor2),
		Date: domain.Deref(e.Date), By: e.ClaimedBy}
	if e.Location != nil {
		b.Place = e.Location.Name
	}
	if e.Fatalities != nil {
		b.Fatalities = *e.Fatalities
	}
	return b
}

var (
	army      = "Syrian army|ARMED_GROUP|Military Forces of Syria"
	sohr      = "Syrian Observatory for Human Rights|ORGANIZATION|Syrian Observatory for Human Rights"
	aleppo    = "Aleppo|PLACE|Aleppo"
	russia    = "Russia|PLACE|Russia"
	kharkiv   = "Kharkiv|PLACE|Kharkiv"
	ukrAF     = "Ukraine's air force|ARMED_GROUP|Military Forces of Ukraine"
	idf       = "Israeli military|ARMED_GROUP|Military Forces of Israel"
	hamas     = "Hamas|ARMED_GROUP|Hamas"
	rafah     = "Rafah|PLACE|Rafah"
	putin     = "Vladimir Putin|PERSON|Vladimir Putin|Russia"
	erdogan   = "Recep Tayyip Erdogan|PERSON|Recep Tayyip Erdogan|Turkey"
	kremlin   = "Kremlin|ORGANIZATION|Kremlin"
	unsc      = "Security Council|ORGANIZATION|United Nations Security Council"
	houthis   = "Houthis|ARMED_GROUP|Ansar Allah"
	marib     = "Marib|PLACE|Marib"
	isis      = "Islamic State|ARMED_GROUP|Islamic State"
	mosul     = "Mosul|PLACE|Mosul"
	iraqiArmy = "Iraqi troops|ARMED_GROUP|Military Forces of Iraq"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		ents  []string
		dates []string
		qty   []string
		want  []brief
	}{
		{"shelling with toll and passive doer",
			"At least 12 civilians were killed on Tuesday when Hamas fighters shelled Rafah.",
			[]string{hamas, rafah}, []string{"on Tuesday=2024-03-05"}, []string{"At least 12 civilians=killed:12"},
			[]brief{{Type: "Explosions/Remote violence", Sub: "Shelling/artillery/missile attack", Actor1: "Hamas",
				Actor2: "Civilians (Palestine)", Place: "Rafah", Date: "2024-03-05", By: "Example Post", Fatalities: 12}}},
		{"air strike claimed by a monitor",
			"The Syrian Observatory for Human Rights said Syrian army air strikes hit eastern Aleppo on Monday.",
			[]string{sohr, army, aleppo}, []string{"on Monday=2024-03-04"}, nil,
			[]brief{{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor1: "Military Forces of Syria",
				Place: "Aleppo", Date: "2024-03-04", By: "Syrian Observatory for Human Rights"}}},
		{"state force retakes territory",
			"Iraqi troops recaptured the western district of Mosul after heavy clashes with Islamic State.",
			[]string{iraqiArmy, mosul, isis}, nil, nil,
			[]brief{{Type: "Battles", Sub: "Government regains territory", Actor1: "Military Forces of Iraq", Actor2: "Islamic State",
				Place: "Mosul", Date: "2024-03-08", By: "Example Post"}}},
		{"non-state actor captures territory",
			"The Houthis seized three villages near Marib on Sunday.",
			[]string{houthis, marib}, []string{"on Sunday=2024-03-03"}, nil,
			[]brief{{Type: "Battles", Sub: "Non-state actor overtakes territory", Actor1: "Ansar Allah",
				Place: "Marib", Date: "2024-03-03", By: "Example Post"}}},
		{"future is not an event",
			"The Syrian army will launch an offensive on Aleppo next week.",
			[]string{army, aleppo}, nil, nil, nil},
		{"threat is not an event",
			"Hamas threatened to fire rockets at Rafah.",
			[]string{hamas, rafah}, nil, nil, nil},
		{"denial is not an event",
			"The Israeli military denied carrying out air strikes in Rafah.",
			[]string{idf, rafah}, nil, nil, nil},
		{"conditional is not an event",
			"If the talks fail, the Syrian army could resume shelling Aleppo.",
			[]string{army, aleppo}, nil, nil, nil},
		{"halt by a named actor is a pause",
			"Russia suspended its air strikes on Aleppo on Friday.",
			[]string{russia, aleppo}, []string{"on Friday=2024-03-08"}, nil,
			[]brief{{Type: "Humanitarian", Sub: "Ceasefire or pause", Actor1: "Government of Russia",
				Place: "Aleppo", Date: "2024-03-08", By: "Example Post"}}},
		{"halt without actor is nothing",
			"Air strikes ceased around Aleppo by noon.",
			[]string{aleppo}, nil, nil, nil},
		{"request for a truce is a statement, not a truce",
			"The Security Council called for an immediate ceasefire in Rafah.",
			[]string{unsc, rafah}, nil, nil,
			[]brief{{Type: "Diplomacy", Sub: "Statement", Actor1: "United Nations Security Council",
				Place: "New York", Date: "2024-03-08", By: "Example Post"}}},
		{"phone call placed at the first party's capital",
			"Vladimir Putin and Recep Tayyip Erdogan discussed the war during a phone call on Wednesday.",
			[]string{putin, erdogan}, []string{"on Wednesday=2024-03-06"}, nil,
			[]brief{{Type: "Diplomacy", Sub: "Call", Actor1: "Vladimir Putin", Actor2: "Recep Tayyip Erdogan",
				Place: "Moscow", Date: "2024-03-06", By: "Example Post"}}},
		{"statement by a named body",
			"The Kremlin said in a statement that the talks were useful.",
			[]string{kremlin}, nil, nil,
			[]brief{{Type: "Diplomacy", Sub: "Statement", Actor1: "Kremlin", Place: "Moscow", Date: "2024-03-08", By: "Kremlin"}}},
		{"drone strike in Ukraine with generic victims",
			"Russian drones struck Kharkiv overnight, killing three people, Ukraine's air force said.",
			[]string{kharkiv, ukrAF}, nil, []string{"three people=killed:3"},
			[]brief{{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor1: "Military Forces of Russia",
				Actor2: "Civilians (Ukraine)", Place: "Kharkiv", Date: "2024-03-08", By: "Military Forces of Ukraine", Fatalities: 3}}},
		{"cumulative toll is not an event",
			"The war has claimed more than 400,000 lives since 2011.",
			nil, nil, []string{"more than 400,000 lives=killed:400000"}, nil},
		{"rhetoric is not a battle",
			"Both leaders stressed the fight against terrorism.",
			nil, nil, nil, nil},
		{"evacuation with a count",
			"Almost 6,000 civilians have left the besieged districts of Aleppo since Tuesday.",
			[]string{aleppo}, []string{"since Tuesday=2024-03-05/2024-03-08"}, []string{"Almost 6,000 civilians=evacuated:6000"},
			[]brief{{Type: "Humanitarian", Sub: "Evacuation", Actor1: "Civilians (Syria)", Place: "Aleppo", Date: "2024-03-05", By: "Example Post"}}},
		{"surrender",
			"Hundreds of militants laid down their arms in Aleppo.",
			[]string{aleppo}, nil, nil,
			[]brief{{Type: "Humanitarian", Sub: "Surrender or disarmament", Actor1: "militants", Place: "Aleppo", Date: "2024-03-08", By: "Example Post"}}},
		{"caption is skipped",
			"Syrian army soldiers shell Aleppo on Monday. (Photo by AFP)\n\nNothing else happened.",
			[]string{army, aleppo}, nil, nil, nil},
		{"two sources two events",
			"The Syrian Observatory for Human Rights reported clashes in Aleppo and said Syrian army raids killed 18 civilians.",
			[]string{sohr, army, aleppo}, nil, []string{"18 civilians=killed:18"},
			[]brief{
				{Type: "Battles", Sub: "Armed clash", Place: "Aleppo", Date: "2024-03-08", By: "Syrian Observatory for Human Rights"},
				{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor1: "Military Forces of Syria", Actor2: "Civilians (Syria)", Place: "Aleppo", Date: "2024-03-08", By: "Syrian Observatory for Human Rights", Fatalities: 18},
			}},
		{"generic state force named after the place's country",
			"Government forces shelled rebel positions in Aleppo.",
			[]string{aleppo}, nil, nil,
			[]brief{{Type: "Explosions/Remote violence", Sub: "Shelling/artillery/missile attack", Actor1: "Military Forces of Syria",
				Actor2: "rebels", Place: "Aleppo", Date: "2024-03-08", By: "Example Post"}}},
		{"one event per place",
			"Syrian army units shelled Rastan as well as the village of Talbiseh on Sunday.",
			[]string{"Syrian army units|ARMED_GROUP|Military Forces of Syria", "Rastan|PLACE|Rastan", "Talbiseh|PLACE|Talbiseh"},
			[]string{"on Sunday=2024-03-03"}, nil,
			[]brief{
				{Type: "Explosions/Remote violence", Sub: "Shelling/artillery/missile attack", Actor1: "Military Forces of Syria",
					Place: "Rastan", Date: "2024-03-03", By: "Example Post"},
				{Type: "Explosions/Remote violence", Sub: "Shelling/artillery/missile attack", Actor1: "Military Forces of Syria",
					Place: "Talbiseh", Date: "2024-03-03", By: "Example Post"},
			}},
		{"protesters clashing with police riot",
			"Thousands protested in Kharkiv on Sunday. Some protesters clashed with police.",
			[]string{kharkiv}, []string{"on Sunday=2024-03-03"}, nil,
			[]brief{
				{Type: "Protests", Sub: "Peaceful protest", Actor1: "Protesters (Ukraine)", Place: "Kharkiv", Date: "2024-03-03", By: "Example Post"},
				{Type: "Riots", Sub: "Violent demonstration", Actor1: "Rioters (Ukraine)", Actor2: "Police Forces of Ukraine", Place: "Kharkiv", Date: "2024-03-03", By: "Example Post"},
			}},
		{"running toll is not an event",
			"More than 35,000 people have been killed in Israeli strikes on Rafah since the war began.",
			[]string{rafah}, nil, []string{"More than 35,000 people=killed:35000"}, nil},
		{"pronoun subject is the speaker",
			"The Israeli military said it killed a Hamas commander in an air strike in Rafah.",
			[]string{idf, hamas, rafah}, nil, nil,
			[]brief{{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor1: "Military Forces of Israel",
				Place: "Rafah", Date: "2024-03-08", By: "Military Forces of Israel"}}},
		{"attack on civilians is violence against civilians",
			"Gunmen attacked a village near Marib, killing 12 residents.",
			[]string{marib}, nil, []string{"12 residents=killed:12"},
			[]brief{{Type: "Violence against civilians", Sub: "Attack", Actor1: "gunmen", Actor2: "Civilians (Yemen)",
				Place: "Marib", Date: "2024-03-08", By: "Example Post", Fatalities: 12}}},
		{"support is not a strike of its own",
			"Iraqi troops backed by coalition air strikes have been preparing for months.",
			[]string{iraqiArmy}, nil, nil, nil},
		{"talks about a truce are not a truce",
			"Egypt and Qatar held talks in Rafah on Monday on a six-week truce.",
			[]string{"Egypt|PLACE|Egypt", "Qatar|PLACE|Qatar", rafah}, []string{"on Monday=2024-03-04"}, nil,
			[]brief{{Type: "Diplomacy", Sub: "Meeting or talks", Actor1: "Government of Egypt", Actor2: "Government of Qatar",
				Place: "Rafah", Date: "2024-03-04", By: "Example Post"}}},
	}
	s := newStages(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text, tc.ents, tc.dates, tc.qty)
			var got []brief
			for _, e := range s.run(d) {
				got = append(got, briefOf(e))
				if d.Text[e.Start:e.End] != e.Text {
					t.Errorf("event span %d:%d is not its text %q", e.Start, e.End, e.Text)
				}
				if e.Modality != domain.ModalityAsserted {
					t.Errorf("modality %q", e.Modality)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGolden runs whole hand-written articles (testdata/CASE/input.json,
// a document with its entities, dates and quantities) and compares the
// events with testdata/CASE/want.json; -update rewrites the latter.
func TestGolden(t *testing.T) {
	s := newStages(t)
	dirs, _ := filepath.Glob(filepath.Join("testdata", "*", "input.json"))
	if len(dirs) == 0 {
		t.Fatal("no golden cases")
	}
	for _, in := range dirs {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var d domain.Document
			if err := json.Unmarshal(b, &d); err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			got, err := json.MarshalIndent(s.run(&d), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			want := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(want, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			w, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if diff := cmp.Diff(strings.TrimSpace(string(w)), strings.TrimSpace(string(got))); diff != "" {
				t.Errorf("events differ from %s (-want +got):\n%s", want, diff)
			}
		})
	}
}

func TestDatelineBureau(t *testing.T) {
	s := newStages(t)
	withPlace := "Clashes erupted overnight between rival factions in the south of the country.\n\nRebels shelled Aleppo on Sunday."
	noPlace := "Clashes erupted overnight between rival factions in the south of the country."
	for _, tc := range []struct {
		text, dateline, want string
	}{
		{withPlace, "ALEPPO, Syria", "Aleppo"}, // named in the body
		{withPlace, "BEIRUT (AFP)", "Aleppo"},  // the article's place before a bureau
		{noPlace, "DAMASCUS, Syria", "Damascus"},
	} {
		var ents []string
		if tc.text == withPlace {
			ents = []string{aleppo}
		}
		d := doc(t, tc.text, ents, nil, nil)
		d.Source.Dateline = domain.Str(tc.dateline)
		evs := s.run(d)
		if len(evs) == 0 || evs[0].Location == nil {
			t.Fatalf("%s: no located event: %+v", tc.dateline, evs)
		}
		if got := evs[0].Location.Name; got != tc.want {
			t.Errorf("dateline %q: first event at %q, want %q", tc.dateline, got, tc.want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	s := newStages(t)
	text := "The Syrian Observatory for Human Rights reported clashes in Aleppo and said Syrian army raids killed 18 civilians. Russia suspended its air strikes on Aleppo."
	var first string
	for i := 0; i < 5; i++ {
		d := doc(t, text, []string{sohr, army, aleppo, russia}, nil, []string{"18 civilians=killed:18"})
		b, _ := json.Marshal(s.run(d))
		if i == 0 {
			first = string(b)
		} else if string(b) != first {
			t.Fatalf("run %d differs:\n%s\n%s", i, b, first)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "Clashes.", "Air strikes hit Aleppo, the army said.", "\"Shelling,\" he said. Truce!",
		"X and Y discussed it during a phone call. They met. A statement said so.",
		"Russia suspended its attacks; rebels seized the town.",
	} {
		f.Add(s)
	}
	s := newStages(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := &domain.Document{Text: text}
		d.Source.Published = domain.Str("2024-01-02")
		evs := s.run(d)
		for i, e := range evs {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad span %+v in %q", e.Span, text)
			}
			if i > 0 && evs[i-1].Start > e.Start {
				t.Fatalf("events not sorted in %q", text)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	s := newStages(b)
	text := strings.Repeat("The Syrian Observatory for Human Rights reported clashes in Aleppo and said Syrian army raids killed 18 civilians. Russia suspended its air strikes on Aleppo. \"We will retake the city,\" the Syrian army said in a statement.\n\n", 6)
	d := doc(b, text, []string{sohr, army, aleppo, russia}, nil, nil)
	sents := sentence.Split(text)
	m := s.a.Attribute(text, sents, d.Entities, "Example Post")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.x.Extract(d, sents, m)
	}
}

func ExampleExtractor_Extract() {
	k, _ := kb.Load("")
	a, _ := attribution.New(k)
	x, _ := event.New(k)
	text := "Rebels seized the town of Kafr Nabl on Monday, the monitor said."
	d := &domain.Document{Text: text}
	d.Source.Published = domain.Str("2024-03-08")
	sents := sentence.Split(text)
	for _, e := range x.Extract(d, sents, a.Attribute(text, sents, nil, "AFP")) {
		fmt.Printf("%s / %s by %s: %q\n", e.EventType, e.SubEventType, domain.Deref(e.Actor1), e.Text)
	}
	// Output:
	// Battles / Non-state actor overtakes territory by rebels: "Rebels seized the town of Kafr Nabl on Monday"
}
