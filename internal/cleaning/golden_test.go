package cleaning

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/reader"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want.json from the current output")

// goldenDoc is what a golden file records of a cleaned document.
type goldenDoc struct {
	Source domain.Source `json:"source"`
	Text   string        `json:"text"`
	Error  string        `json:"error,omitempty"`
}

// TestGolden runs reader and cleaner over each testdata/<case>/input.* (the
// example corpus, with its knowledge-base overlay) and compares with
// want.json. Run with -update after a deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	k, err := kb.Load("../../examples/kb")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(k)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := filepath.Glob("testdata/*/input.*")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, in := range cases {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var got []goldenDoc
			err := reader.New(reader.Options{}, nil).Each(context.Background(), []string{in}, func(r reader.Raw, err error) error {
				if err != nil {
					got = append(got, goldenDoc{Source: domain.Source{Path: r.Path}, Error: err.Error()})
					return nil
				}
				r.Path = filepath.ToSlash(r.Path)
				d, err := c.Clean(r)
				g := goldenDoc{Source: d.Source, Text: d.Text}
				if err != nil {
					g.Error = err.Error()
				}
				got = append(got, g)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			wantPath := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(wantPath, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(want, b) {
				var w []goldenDoc
				if err := json.Unmarshal(want, &w); err != nil {
					t.Fatal(err)
				}
				t.Errorf("%s differs (-want +got):\n%s", wantPath, cmp.Diff(w, got))
			}
		})
	}
}

// TestGoldenInputsMatchExamples keeps the golden inputs in step with the
// example corpus they copy.
func TestGoldenInputsMatchExamples(t *testing.T) {
	pairs := map[string]string{
		"text-page/input.txt":       "corpus/text/kostiantynivka-market.txt",
		"html-share-bar/input.html": "corpus/html/kyiv-herald-kostiantynivka.html",
		"html-wire/input.html":      "corpus/html/levant-post-ariha.html",
		"rss/input.rss":             "corpus/feeds/gulf-wire.rss",
		"atom/input.atom":           "corpus/feeds/frontline-monitor.atom",
		"jsonl/input.jsonl":         "corpus/records/articles.jsonl",
	}
	for in, ex := range pairs {
		a, err := os.ReadFile(filepath.Join("testdata", in))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join("../../examples", ex))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("testdata/%s differs from examples/%s: copy it again and run -update", in, ex)
		}
	}
}
