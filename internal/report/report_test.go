package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

type input struct {
	From      string            `json:"from"`
	To        string            `json:"to"`
	Place     string            `json:"place"`
	Incidents []domain.Incident `json:"incidents"`
}

func load(t testing.TB, dir string) input {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "incidents.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in input
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return in
}

func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in := load(t, dir)
			r := report.Build(in.Incidents, report.Options{From: in.From, To: in.To, Place: in.Place})
			for _, f := range []struct{ format, file string }{{"md", "want.md"}, {"html", "want.html"}} {
				var buf bytes.Buffer
				if err := r.Write(&buf, f.format); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, f.file)
				if *update {
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if d := cmp.Diff(string(want), buf.String()); d != "" {
					t.Errorf("%s differs (-want +got):\n%s", path, d)
				}
			}
		})
	}
}

// TestEverySentenceIsCited checks the report's promise: each statement
// about incidents names its sources.
func TestEverySentenceIsCited(t *testing.T) {
	in := load(t, "testdata/daily")
	r := report.Build(in.Incidents, report.Options{From: in.From, To: in.To})
	sections := map[string][]report.Sentence{"key": r.Key, "human": r.Human, "contested": r.Contested}
	for name, ss := range sections {
		if len(ss) == 0 {
			t.Errorf("section %s is empty", name)
		}
		for _, s := range ss {
			if len(s.Notes) == 0 {
				t.Errorf("%s: uncited sentence %q", name, s.Text)
			}
			for _, n := range s.Notes {
				if n < 1 || n > len(r.Notes) {
					t.Errorf("%s: note %d out of range", name, n)
				}
			}
		}
	}
	for _, n := range r.Notes {
		if len(n.Reports) == 0 {
			t.Errorf("note %d names no report", n.N)
		}
	}
}

func TestOrderDoesNotMatter(t *testing.T) {
	in := load(t, "testdata/daily")
	fwd := report.Build(in.Incidents, report.Options{})
	rev := append([]domain.Incident(nil), in.Incidents...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if d := cmp.Diff(fwd, report.Build(rev, report.Options{})); d != "" {
		t.Errorf("report depends on input order:\n%s", d)
	}
}

func TestEscaping(t *testing.T) {
	in := load(t, "testdata/escaping")
	r := report.Build(in.Incidents, report.Options{From: in.From, To: in.To, Place: in.Place})
	var h, m bytes.Buffer
	if err := r.HTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := r.Markdown(&m); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", "<img", "<Daily>"} {
		if strings.Contains(h.String(), bad) {
			t.Errorf("HTML report contains unescaped %q", bad)
		}
	}
	if !strings.Contains(h.String(), "&lt;script&gt;") {
		t.Error("HTML report lost the escaped text")
	}
	for _, want := range []string{`\<script\>`, `\*Teachers\*`, `\[Union\]`, `organisers\_of\_the\_march`, `\|`} {
		if !strings.Contains(m.String(), want) {
			t.Errorf("Markdown report lacks escaped %q", want)
		}
	}
}

func TestWriteRejectsUnknownFormat(t *testing.T) {
	r := report.Build(nil, report.Options{})
	if err := r.Write(&bytes.Buffer{}, "pdf"); err == nil {
		t.Error("format pdf accepted")
	}
}

func BenchmarkBuildAndWrite(b *testing.B) {
	in := load(b, "testdata/daily")
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		r := report.Build(in.Incidents, report.Options{From: in.From, To: in.To})
		if err := r.Markdown(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleBuild() {
	best := 3.0
	incs := []domain.Incident{{
		ID: "inc-1", EventType: domain.ExplosionsRemoteViolence, SubEventType: "Air/drone strike",
		Date:       domain.Str("2024-04-03"),
		Location:   &domain.Location{Name: "Odesa", Country: "Ukraine"},
		Fatalities: &domain.Figure{Low: &best, Best: &best, High: &best},
		Status:     domain.StatusSingleSource, IndependentSources: 1,
		Reports: []domain.Report{{Outlet: domain.Str("Black Sea Bulletin"), ClaimedBy: "Ukrainian Navy",
			Span: domain.Span{Text: "A drone hit the port of Odesa, killing three"}}},
	}}
	r := report.Build(incs, report.Options{From: "2024-04-03", To: "2024-04-03"})
	for _, s := range r.Key {
		fmt.Println(s.Text, s.Notes)
	}
	fmt.Println(r.Notes[0].Reports)
	// Output:
	// On 3 April 2024, air/drone strike in Odesa, Ukraine. Reported casualties: 3 killed. Reported by Black Sea Bulletin (single source). [1]
	// [Black Sea Bulletin (claimed by Ukrainian Navy)]
}
