package entity

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// shared builds one recognizer for all tests: building indexes the whole
// gazetteer.
var shared = sync.OnceValues(func() (*Recognizer, error) {
	k, err := kb.Load("")
	if err != nil {
		return nil, err
	}
	return New(k)
})

func mustRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	r, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// mention is what a test expects: type, exact text and canonical name.
type mention struct{ typ, text, canonical string }

func TestFind(t *testing.T) {
	r := mustRecognizer(t)
	tests := []struct {
		name      string
		text      string
		published string
		want      []mention // must be found
		absent    []string  // texts that must not be reported
	}{
		{
			name: "full name then surname",
			text: "Russian Foreign Minister Sergei Lavrov met reporters in Geneva. Lavrov said the talks would go on.",
			want: []mention{
				{"PERSON", "Sergei Lavrov", "Sergei Lavrov"},
				{"PERSON", "Lavrov", "Sergei Lavrov"},
				{"PLACE", "Geneva", "Geneva"},
			},
			absent: []string{"Russian", "Foreign Minister"},
		},
		{
			name:      "role phrase by date",
			text:      "The Russian president told the meeting that the operation would continue.",
			published: "2010-06-01",
			want:      []mention{{"PERSON", "The Russian president", "Dmitry Medvedev"}},
		},
		{
			name:      "role phrase later",
			text:      "The Russian president told the meeting that the operation would continue.",
			published: "2019-06-01",
			want:      []mention{{"PERSON", "The Russian president", "Vladimir Putin"}},
		},
		{
			name:      "organisation role",
			text:      "The Kremlin spokesman declined to comment on the reports.",
			published: "2017-03-01",
			want: []mention{
				{"ORGANIZATION", "Kremlin", "Kremlin"},
				{"PERSON", "The Kremlin spokesman", "Dmitry Peskov"},
			},
		},
		{
			name: "title before an unknown name",
			text: "Army spokesman Colonel Ahmed Hamdan said the town had been secured.",
			want: []mention{{"PERSON", "Ahmed Hamdan", "Ahmed Hamdan"}},
		},
		{
			name: "short form needs a full mention",
			text: "Earnest advice was given. Later White House press secretary Josh Earnest spoke, and Earnest added more.",
			want: []mention{
				{"ORGANIZATION", "White House", "White House"},
				{"PERSON", "Josh Earnest", "Josh Earnest"},
				{"PERSON", "Earnest", "Josh Earnest"},
			},
		},
		{
			name: "army and generic labels by context country",
			text: "Syrian troops shelled the rebel-held district of Sukkari in Aleppo. The army said terrorists had fired on civilians, while rebels denied it.",
			want: []mention{
				{"ARMED_GROUP", "Syrian troops", "Military Forces of Syria"},
				{"PLACE", "Sukkari", "Sukkari"},
				{"PLACE", "Aleppo", "Aleppo"},
				{"ARMED_GROUP", "The army", "Military Forces of Syria"},
				{"ARMED_GROUP", "terrorists", "Syrian opposition armed groups"},
				{"ARMED_GROUP", "rebels", "Syrian opposition armed groups"},
			},
		},
		{
			name: "rebels in Yemen are the Houthis",
			text: "Saudi-led coalition jets struck rebel positions in Hodeidah, and the rebels responded with missiles fired towards Riyadh. Yemen's government welcomed the strikes.",
			want: []mention{
				{"ARMED_GROUP", "Saudi-led coalition", "Saudi-led coalition"},
				{"PLACE", "Hodeidah", "Hodeidah"},
				{"ARMED_GROUP", "rebels", "Houthis"},
				{"PLACE", "Riyadh", "Riyadh"},
				{"ORGANIZATION", "Yemen's government", "Government of Yemen"},
			},
		},
		{
			name: "label after a named group only labels it",
			text: "Fighters of Jabhat Fateh al-Sham, formerly known as al-Nusra Front, and Ahrar al-Sham terrorists blocked the road out of Idlib.",
			want: []mention{
				{"ARMED_GROUP", "Jabhat Fateh al-Sham", "Jabhat Fateh al-Sham"},
				{"ARMED_GROUP", "al-Nusra Front", "Jabhat Fateh al-Sham"},
				{"ARMED_GROUP", "Ahrar al-Sham", "Ahrar al-Sham"},
			},
			absent: []string{"terrorists"},
		},
		{
			name: "nationality adjectives are not places, possessives are",
			text: "Syria's Foreign Ministry rejected the Turkish statement, and Russian diplomats in Moscow agreed.",
			want: []mention{
				{"ORGANIZATION", "Syria's Foreign Ministry", "Ministry of Foreign Affairs of Syria"},
				{"PLACE", "Syria", "Syria"},
				{"PLACE", "Moscow", "Moscow"},
			},
			absent: []string{"Turkish", "Russian"},
		},
		{
			name: "acronyms only in capitals",
			text: "The UN said IS fighters had withdrawn. It is unclear who is in charge, the un-named official said.",
			want: []mention{
				{"ORGANIZATION", "UN", "United Nations"},
				{"ARMED_GROUP", "IS", "Islamic State"},
			},
			absent: []string{"is", "un"},
		},
		{
			name: "transliteration variants",
			text: "Shelling hit Deir Ezzor and Dayr al-Zawr airport, then Dara'a, Kiev and Kharkov; Zelenskiy and Erdoğan spoke.",
			want: []mention{
				{"PLACE", "Deir Ezzor", "Deir ez-Zor"},
				{"PLACE", "Dara'a", "Daraa"},
				{"PLACE", "Kiev", "Kyiv"},
				{"PLACE", "Kharkov", "Kharkiv"},
				{"PERSON", "Zelenskiy", "Volodymyr Zelensky"},
				{"PERSON", "Erdoğan", "Recep Tayyip Erdogan"},
			},
		},
		{
			name: "armed forces of the side the text names",
			text: "In Gaza, Israeli forces bombed Khan Younis. The military said it targeted Hamas fighters.",
			want: []mention{
				{"PLACE", "Gaza", "Gaza Strip"},
				{"ARMED_GROUP", "Israeli forces", "Military Forces of Israel"},
				{"PLACE", "Khan Younis", "Khan Younis"},
				{"ARMED_GROUP", "The military", "Military Forces of Israel"},
				{"ARMED_GROUP", "Hamas fighters", "Hamas"},
			},
		},
		{
			name: "unknown place by its place word",
			text: "Clashes were reported in the Karm al-Qatirji neighbourhood and in the village of Tal Sousin.",
			want: []mention{
				{"PLACE", "Karm al-Qatirji", "Karm al-Qatirji"},
				{"PLACE", "Tal Sousin", "Tal Sousin"},
			},
		},
		{
			name: "unknown person by speech verb, then surname",
			text: "\"We have nothing left,\" Umm Khaled Haddad told reporters. Haddad said her house was destroyed.",
			want: []mention{
				{"PERSON", "Umm Khaled Haddad", "Umm Khaled Haddad"},
				{"PERSON", "Haddad", "Umm Khaled Haddad"},
			},
		},
		{
			name: "unknown organisation by its last word",
			text: "The Syria Justice and Accountability Centre documented the case; analysts at the Carnegie Middle East Center agreed.",
			want: []mention{{"ORGANIZATION", "Carnegie Middle East Center", "Carnegie Middle East Center"}},
		},
		{
			name:   "sentence starts, months and weekdays are not names",
			text:   "On Monday, fighting resumed. In March, talks failed. The President said nothing. However, Many said more.",
			absent: []string{"On Monday", "Monday", "March", "In March", "The President", "However", "Many"},
		},
		{
			name: "district joined to its city",
			text: "Jets pounded the Dara'a al-Balad district in the south.",
			want: []mention{{"PLACE", "Dara'a al-Balad", "Dara'a al-Balad"}},
		},
		{
			name:   "common words that are towns elsewhere",
			text:   "Reading the report, officials said Police had arrested a suspect at a Nice hotel. Mobile networks were down.",
			absent: []string{"Reading", "Police", "Mobile"},
		},
		{
			name: "US as country and in titles",
			text: "US Secretary of State John Kerry and the US-led coalition said U.S. forces were not involved.",
			want: []mention{
				{"PLACE", "US", "United States"},
				{"PERSON", "John Kerry", "John Kerry"},
				{"ARMED_GROUP", "US-led coalition", "US-led coalition"},
				{"ARMED_GROUP", "U.S. forces", "Military Forces of United States"},
			},
		},
		{
			name: "places listed after a preposition",
			text: "Shells fell in Ain Zara and Abu Salim overnight, residents said.",
			want: []mention{
				{"PLACE", "Ain Zara", "Ain Zara"},
				{"PLACE", "Abu Salim", "Abu Salim"},
			},
			absent: []string{"Shells"},
		},
		{
			name: "apposition types a place",
			text: "The jets hit Kafr Hamra, a strategic village north of Aleppo.",
			want: []mention{{"PLACE", "Kafr Hamra", "Kafr Hamra"}},
		},
		{
			name: "a name with an age",
			text: "Ahmad Khalil, 34, fled with his children to a camp east of Sarmin.",
			want: []mention{
				{"PERSON", "Ahmad Khalil", "Ahmad Khalil"},
				{"PLACE", "Sarmin", "Sarmin"},
			},
		},
		{
			name: "according to a person",
			text: "The toll rose to 12, according to Mohammad Rasheed, a local activist.",
			want: []mention{{"PERSON", "Mohammad Rasheed", "Mohammad Rasheed"}},
		},
		{
			name: "possessive before a name",
			text: "Al Jazeera's Hoda Abdel-Hamid reported heavy shelling.",
			want: []mention{
				{"ORGANIZATION", "Al Jazeera", "Al Jazeera"},
				{"PERSON", "Hoda Abdel-Hamid", "Hoda Abdel-Hamid"},
			},
		},
		{
			name:   "a known name inside an unknown organisation",
			text:   "Researchers at the Aleppo Medical Council counted the dead.",
			want:   []mention{{"ORGANIZATION", "Aleppo Medical Council", "Aleppo Medical Council"}},
			absent: []string{"Aleppo"},
		},
		{
			name:   "a surname inside a longer name is not the known person",
			text:   "UN coordinator Clementine Nkweta-Salami visited the camp.",
			want:   []mention{{"PERSON", "Clementine Nkweta-Salami", "Clementine Nkweta-Salami"}},
			absent: []string{"Salami"},
		},
		{
			name:   "label of the group named after it",
			text:   "Militants of the Islamic State group attacked a checkpoint near Deir ez-Zor.",
			want:   []mention{{"ARMED_GROUP", "Islamic State group", "Islamic State"}},
			absent: []string{"Militants"},
		},
		{
			name:      "chief of an organisation by date",
			text:      "The UN chief condemned the attack.",
			published: "2016-05-01",
			want:      []mention{{"PERSON", "The UN chief", "Ban Ki-moon"}},
		},
		{
			name:      "roles with a possessive or an of-phrase",
			text:      "Syria's president met the Secretary-General of the United Nations, and the President of Russia called.",
			published: "2016-05-01",
			want: []mention{
				{"PERSON", "Syria's president", "Bashar al-Assad"},
				{"PERSON", "the Secretary-General of the United Nations", "Ban Ki-moon"},
				{"PERSON", "the President of Russia", "Vladimir Putin"},
				{"PLACE", "Syria", "Syria"},
				{"ORGANIZATION", "United Nations", "United Nations"},
			},
		},
		{
			name: "Ukraine front line",
			text: "Ukraine's General Staff said Russian troops attacked near Pokrovsk and in the Donetsk region overnight.",
			want: []mention{
				{"ARMED_GROUP", "Ukraine's General Staff", "Military Forces of Ukraine"},
				{"ARMED_GROUP", "Russian troops", "Military Forces of Russia"},
				{"PLACE", "Pokrovsk", "Pokrovsk"},
				{"PLACE", "Donetsk region", "Donetsk Oblast"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pub time.Time
			if tt.published != "" {
				pub = day(tt.published)
			}
			got := r.Find(tt.text, pub)
			have := map[mention]bool{}
			texts := map[string]bool{}
			for _, e := range got {
				have[mention{e.Type, e.Text, e.Canonical}] = true
				texts[e.Text] = true
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("missing %+v; got %s", w, describe(got))
				}
			}
			for _, a := range tt.absent {
				if texts[a] {
					t.Errorf("reported %q; got %s", a, describe(got))
				}
			}
			checkSpans(t, tt.text, got)
		})
	}
}

func describe(es []domain.Entity) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString("\n  " + e.Type + " " + e.Text + " -> " + e.Canonical)
		if e.Label != "" {
			b.WriteString(" [" + e.Label + "]")
		}
	}
	return b.String()
}

// checkSpans asserts the contract's invariants: exact text at the byte
// offsets, sorted by start.
func checkSpans(t *testing.T, text string, es []domain.Entity) {
	t.Helper()
	for i, e := range es {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
			t.Fatalf("entity %d %q has bad span [%d,%d)", i, e.Text, e.Start, e.End)
		}
		if i > 0 && es[i-1].Start > e.Start {
			t.Fatalf("entities not sorted at %d", i)
		}
		switch e.Type {
		case domain.Person, domain.Organization, domain.ArmedGroup, domain.Place:
		default:
			t.Fatalf("entity %q has type %q", e.Text, e.Type)
		}
	}
}

func TestFindFillsKBFields(t *testing.T) {
	r := mustRecognizer(t)
	got := r.Find("Shelling hit Aleppo as the Syrian army advanced.", day("2016-12-08"))
	var aleppo, army *domain.Entity
	for i := range got {
		switch got[i].Text {
		case "Aleppo":
			aleppo = &got[i]
		case "Syrian army":
			army = &got[i]
		}
	}
	if aleppo == nil || aleppo.Latitude == nil || aleppo.Country != "Syria" || aleppo.Admin1 == "" || domain.Deref(aleppo.KBID) != "place/sy/aleppo" {
		t.Errorf("Aleppo = %+v", aleppo)
	}
	if army == nil || army.Side != "state" || army.Country != "Syria" || domain.Deref(army.KBID) != "group/military-forces-of-syria" {
		t.Errorf("Syrian army = %+v", army)
	}
}

func TestFindDeterministicAndConcurrent(t *testing.T) {
	r := mustRecognizer(t)
	text := readCase(t, "aleppo-offensive")
	want := r.Find(text, day("2016-12-08"))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if d := cmp.Diff(want, r.Find(text, day("2016-12-08"))); d != "" {
				errs <- d
			}
		}()
	}
	wg.Wait()
	close(errs)
	for d := range errs {
		t.Errorf("Find differs between calls (-first +later):\n%s", d)
	}
}

func readCase(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name, "input.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGolden runs whole articles written for these tests and compares the
// mentions with testdata/<case>/want.json (go test -update rewrites them).
func TestGolden(t *testing.T) {
	r := mustRecognizer(t)
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "input.txt"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, in := range dirs {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			text := readCase(t, filepath.Base(dir))
			pub := day("2016-12-08")
			if b, err := os.ReadFile(filepath.Join(dir, "published")); err == nil {
				pub = day(strings.TrimSpace(string(b)))
			}
			got := r.Find(text, pub)
			checkSpans(t, text, got)
			type row struct {
				Type, Text, Canonical, Label string
				KBID                         string `json:",omitempty"`
			}
			var rows []row
			for _, e := range got {
				rows = append(rows, row{e.Type, e.Text, e.Canonical, e.Label, domain.Deref(e.KBID)})
			}
			wantFile := filepath.Join(dir, "want.json")
			if *update {
				b, _ := json.MarshalIndent(rows, "", "  ")
				if err := os.WriteFile(wantFile, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			var want []row
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, rows); d != "" {
				t.Errorf("mentions differ (-want +got):\n%s", d)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Syrian troops shelled Aleppo, the SOHR said.",
		"The Russian president's spokesman, Dmitry Peskov, said so.",
		"al- al-Bab ’s U.S. -- IS?",
		"Dara'a al-Balad district of Dara'a",
		"",
		"\"Umm Ali\" told AFP.",
		"ÉÉ Ş 'S 's",
	} {
		f.Add(s)
	}
	r := mustRecognizer(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := r.Find(s, time.Time{})
		checkSpans(t, s, got)
	})
}

func BenchmarkFind(b *testing.B) {
	r := mustRecognizer(b)
	var parts []string
	for _, c := range []string{"aleppo-offensive", "gaza-strikes", "ukraine-front", "yemen-red-sea"} {
		parts = append(parts, readCase(b, c))
	}
	text := strings.Join(parts, "\n\n")
	if len(text) > 4096 {
		text = text[:4096]
	}
	pub := day("2016-12-08")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		r.Find(text, pub)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkNew(b *testing.B) {
	k, err := kb.Load("")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := New(k); err != nil {
			b.Fatal(err)
		}
	}
}
