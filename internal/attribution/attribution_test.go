package attribution_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/attribution"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/sentence"
)

func newAttributor(t testing.TB) *attribution.Attributor {
	t.Helper()
	k, err := kb.Load("")
	if err != nil {
		t.Fatal(err)
	}
	a, err := attribution.New(k)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// ents builds entity mentions from specs "surface|TYPE|Canonical": every
// occurrence of surface in text becomes a mention.
func ents(t testing.TB, text string, specs ...string) []domain.Entity {
	t.Helper()
	var out []domain.Entity
	for _, sp := range specs {
		f := strings.Split(sp, "|")
		if len(f) != 3 {
			t.Fatalf("bad entity spec %q", sp)
		}
		from := 0
		found := false
		for {
			i := strings.Index(text[from:], f[0])
			if i < 0 {
				break
			}
			st := from + i
			out = append(out, domain.Entity{Span: domain.Span{Text: f[0], Start: st, End: st + len(f[0])}, Type: f[1], Canonical: f[2]})
			from = st + len(f[0])
			found = true
		}
		if !found {
			t.Fatalf("entity %q not in text", f[0])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// claimantOf returns the claimant of the first occurrence of target.
func claimantOf(t testing.TB, m *attribution.Map, text, target string) (string, []string) {
	t.Helper()
	i := strings.Index(text, target)
	if i < 0 {
		t.Fatalf("target %q not in text", target)
	}
	return m.Claimant(i, i+len(target))
}

const voice = "Example Wire"

var (
	sohr    = "Syrian Observatory for Human Rights|ORGANIZATION|Syrian Observatory for Human Rights"
	lavrov  = "Sergei Lavrov|PERSON|Sergei Lavrov"
	lavrov2 = "Lavrov|PERSON|Sergei Lavrov"
	army    = "Syrian army|ARMED_GROUP|Military Forces of Syria"
	un      = "UN|ORGANIZATION|United Nations"
	sana    = "SANA|ORGANIZATION|Syrian Arab News Agency"
	syria   = "Syria|PLACE|Syria"
	russia  = "Russia|PLACE|Russia"
	kyiv    = "Kyiv|PLACE|Kyiv"
	zel     = "Volodymyr Zelensky|PERSON|Volodymyr Zelensky"
	idf     = "Israeli military|ARMED_GROUP|Military Forces of Israel"
	gazaMoH = "Gaza health ministry|ORGANIZATION|Ministry of Health of Gaza"
	peskov  = "Dmitry Peskov|PERSON|Dmitry Peskov"
	kremlin = "Kremlin|ORGANIZATION|Kremlin"
)

func TestClaimant(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		ents   []string
		target string
		want   string
	}{
		{"own voice",
			"At least 12 people were killed in the market.", nil,
			"At least 12 people", voice},
		{"speaker before said",
			"The Syrian Observatory for Human Rights said at least 18 civilians were killed.", []string{sohr},
			"at least 18 civilians", "Syrian Observatory for Human Rights"},
		{"speaker after the clause",
			"Seven soldiers died in the ambush, the Israeli military said on Sunday.", []string{idf},
			"Seven soldiers", "Military Forces of Israel"},
		{"a spokesman speaks for the person named in his sentence",
			"The Pentagon said it had launched the raid. Prime Minister Ali Hassan condemned the raid, which killed 4 people, his spokesman said.",
			[]string{"Pentagon|ORGANIZATION|Pentagon", "Ali Hassan|PERSON|Ali Hassan"},
			"4 people", "Ali Hassan"},
		{"relatives speak about a person, not for him",
			"Ali Hassan spoke on Monday. Gunmen seized 2 engineers from the site, his family said.",
			[]string{"Ali Hassan|PERSON|Ali Hassan"},
			"2 engineers", "his family"},
		{"its spokesman: the organisation named in the sentence",
			"The army said 3 soldiers died. The Red Crescent evacuated 40 patients, its spokesman said.",
			[]string{"Red Crescent|ORGANIZATION|Red Crescent"},
			"40 patients", "Red Crescent"},
		{"according to",
			"The strike killed 30 people, according to the Gaza health ministry.", []string{gazaMoH},
			"30 people", "Ministry of Health of Gaza"},
		{"according to an estimate by",
			"The war has claimed 400,000 lives, according to an estimate by the UN envoy.", []string{un},
			"400,000 lives", "United Nations"},
		{"inverted quotation attribution",
			"“We shot down 20 drones,” said Kremlin spokesman Dmitry Peskov at a press conference.", []string{peskov, kremlin},
			"20 drones", "Dmitry Peskov"},
		{"quotation then pronoun",
			"Sergei Lavrov spoke on Thursday. \"A column of 8,000 evacuees is ready,\" he said.", []string{lavrov},
			"8,000 evacuees", "Sergei Lavrov"},
		{"lone quotation continues the last speaker",
			"\"The operation is under way,\" Lavrov said.\n\n\"There will be 8,000 evacuees.\"", []string{lavrov2},
			"8,000 evacuees", "Sergei Lavrov"},
		{"multi-sentence quotation attributed at its end",
			"“I hope it ends in two days. Russia opened four corridors used by 9,000 people,” Lavrov said.", []string{lavrov2},
			"I hope", "Sergei Lavrov"},
		{"statement added",
			"The Syrian army said in a statement carried by SANA that it would cut raids. The army killed 40 militants, the statement added.", []string{army, sana},
			"40 militants", "Military Forces of Syria"},
		{"he further noted",
			"Volodymyr Zelensky spoke in Kyiv. He further noted that 300 civilians were evacuated.", []string{zel, kyiv},
			"300 civilians", "Volodymyr Zelensky"},
		{"narration after a quoted speaker reverts to voice",
			"Sergei Lavrov said 5 corridors were open. At least 9 people died later.", []string{lavrov},
			"At least 9 people", voice},
		{"two speakers in one sentence",
			"The Syrian Observatory for Human Rights said 18 people died and the Syrian army said 40 militants were killed.", []string{sohr, army},
			"40 militants", "Military Forces of Syria"},
		{"first of two speakers",
			"The Syrian Observatory for Human Rights said 18 people died and the Syrian army said 40 militants were killed.", []string{sohr, army},
			"18 people", "Syrian Observatory for Human Rights"},
		{"same speaker continues after and said",
			"The Syrian Observatory for Human Rights reported clashes and said 18 civilians were killed.", []string{sohr},
			"18 civilians", "Syrian Observatory for Human Rights"},
		{"media phrase without entity",
			"Syria’s state-run television network said troops control 99 percent of the city.", []string{syria},
			"99 percent", "Syrian state television"},
		{"country as speaker",
			"Russia says 2,000 fighters surrendered.", []string{russia},
			"2,000 fighters", "Government of Russia"},
		{"possessive role without a name",
			"The army halted attacks in the city, Russia’s foreign minister said.", []string{russia},
			"halted attacks", "Government of Russia"},
		{"participle after the subject",
			"The UN renewed its call for a truce, warning that 500 children needed evacuation.", []string{un},
			"500 children", "United Nations"},
		{"quoted as saying",
			"Syrian state media quoted an official as saying 20 fighters were killed.", nil,
			"20 fighters", "Syrian state media"},
		{"respectively",
			"The Syrian Observatory for Human Rights and the UN have put the death toll at 300,000 and 400,000, respectively.", []string{sohr, un},
			"400,000", "United Nations"},
		{"respectively first",
			"The Syrian Observatory for Human Rights and the UN have put the death toll at 300,000 and 400,000, respectively.", []string{sohr, un},
			"300,000", "Syrian Observatory for Human Rights"},
		{"anonymous reports stay with the voice",
			"Reports on Thursday said 50 fighters left the city.", nil,
			"50 fighters", voice},
		{"sources said",
			"Sources said 14 soldiers were captured.", nil,
			"14 soldiers", voice},
		{"definite description refers back",
			"Sergei Lavrov met his counterpart. The top diplomat added that 3 corridors are open.", []string{lavrov},
			"3 corridors", "Sergei Lavrov"},
		{"narration after the frame",
			"\"Talks must resume,\" Sergei Lavrov said after a meeting of 15 ministers.", []string{lavrov},
			"15 ministers", voice},
		{"pronoun after a described speaker",
			"Sergei Lavrov spoke first. A civil defence official said rescuers pulled 11 bodies from the rubble. Another 40 people were wounded, he said.", []string{lavrov},
			"40 people", "civil defence official"},
		{"indefinite description is a new speaker",
			"The Syrian army said it advanced. Kurdish fighters took nine villages, according to a Kurdish security official.", []string{army},
			"nine villages", "Kurdish security official"},
		{"said that content stays with speaker",
			"Sergei Lavrov said on Friday that 15 fighters had surrendered.", []string{lavrov},
			"15 fighters", "Sergei Lavrov"},
	}
	a := newAttributor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := ents(t, tc.text, tc.ents...)
			m := a.Attribute(tc.text, sentence.Split(tc.text), e, voice)
			got, _ := claimantOf(t, m, tc.text, tc.target)
			if got != tc.want {
				t.Errorf("claimant of %q = %q, want %q", tc.target, got, tc.want)
			}
		})
	}
}

func TestHedges(t *testing.T) {
	tests := []struct {
		text, target string
		want         []string
	}{
		{"The so-called Syrian Observatory for Human Rights said 40 people died.", "40 people", []string{"so-called"}},
		{"Rebels allegedly executed 12 prisoners, reportedly in the square.", "12 prisoners", []string{"allegedly", "reportedly"}},
		{"Nine soldiers were killed.", "Nine soldiers", nil},
		{"The claims, which could not be independently verified, put the toll at 30.", "30", []string{"claims", "could not be independently verified"}},
	}
	a := newAttributor(t)
	for _, tc := range tests {
		m := a.Attribute(tc.text, sentence.Split(tc.text), nil, voice)
		_, got := claimantOf(t, m, tc.text, tc.target)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("hedges of %q (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestFramesAndCarrier(t *testing.T) {
	text := "\"Raids will be reduced,\" the Syrian army said in a statement carried by SANA on Wednesday."
	a := newAttributor(t)
	m := a.Attribute(text, sentence.Split(text), ents(t, text, army, sana), voice)
	fr := m.Frames(0, len(text))
	if len(fr) != 1 {
		t.Fatalf("frames = %+v, want one", fr)
	}
	if fr[0].Claimant != "Military Forces of Syria" || fr[0].Carrier != "Syrian Arab News Agency" {
		t.Errorf("frame = %+v", fr[0])
	}
	if got := text[fr[0].Start:fr[0].End]; got != "the Syrian army said" {
		t.Errorf("frame text = %q", got)
	}
	if m.Voice() != voice {
		t.Errorf("Voice() = %q", m.Voice())
	}
}

func TestClean(t *testing.T) {
	a := newAttributor(t)
	for in, want := range map[string]string{
		"Syria's state-run television network": "Syrian state television",
		"the so-called monitoring group":       "monitoring group",
		"Iraqi state media":                    "Iraqi state media",
		"the":                                  "",
	} {
		if got := a.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNilMap(t *testing.T) {
	var m *attribution.Map
	if c, h := m.Claimant(0, 1); c != "" || h != nil {
		t.Errorf("nil map claimant = %q %v", c, h)
	}
}

func FuzzAttribute(f *testing.F) {
	for _, s := range []string{
		"", "said.", "\"", "“x,” said", "according to", "A said B said C said.",
		"X and Y put the toll at 1 and 2, respectively.", "He said: \"", "\"a.\"\n\n\"b.\" he added, saying",
	} {
		f.Add(s)
	}
	a := newAttributor(f)
	f.Fuzz(func(t *testing.T, text string) {
		m := a.Attribute(text, sentence.Split(text), nil, voice)
		for i := 0; i <= len(text); i += 1 + len(text)/16 {
			if c, _ := m.Claimant(i, i); c == "" {
				t.Fatalf("empty claimant at %d of %q", i, text)
			}
		}
		for _, fr := range m.Frames(0, len(text)) {
			if fr.Start < 0 || fr.End > len(text) || fr.Start > fr.End {
				t.Fatalf("bad frame %+v in %q", fr, text)
			}
		}
	})
}

func BenchmarkAttribute(b *testing.B) {
	text := strings.Repeat("The Syrian Observatory for Human Rights said 18 civilians were killed. \"We will retake the city,\" Sergei Lavrov said. He added that 8,000 people left, according to the UN. At least 4 people died in the Syrian army raids.\n\n", 8)
	a := newAttributor(b)
	sents := sentence.Split(text)
	e := ents(b, text, sohr, lavrov, un, army)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		a.Attribute(text, sents, e, voice)
	}
}

func ExampleMap_Claimant() {
	k, _ := kb.Load("")
	a, _ := attribution.New(k)
	text := `At least 18 civilians were killed, the Syrian Observatory for Human Rights said. "It is a massacre," the group's director added.`
	ents := []domain.Entity{{Span: domain.Span{Text: "Syrian Observatory for Human Rights", Start: 39, End: 74},
		Type: domain.Organization, Canonical: "Syrian Observatory for Human Rights"}}
	m := a.Attribute(text, sentence.Split(text), ents, "AFP")
	fmt.Println(m.Claimant(0, 21))
	fmt.Println(m.Claimant(90, 102))
	// Output:
	// Syrian Observatory for Human Rights []
	// Syrian Observatory for Human Rights []
}
