package cleaning

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/reader"
)

// seedDir is the shared development corpus beside the checkout.
const seedDir = "../../../shared/corpus"

type seedGold struct {
	File      string   `json:"file"`
	Outlet    any      `json:"outlet"`
	Wire      *string  `json:"wire"`
	Headline  *string  `json:"headline"`
	Published *string  `json:"published"`
	Include   []string `json:"body_must_include"`
	Exclude   []string `json:"body_must_exclude"`
}

// normText mirrors the scorer: quotes unified, white space collapsed,
// case folded.
func normText(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func newTestCleaner(t testing.TB) *Cleaner {
	t.Helper()
	k, err := kb.Load("")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(k)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func readSeeds(t *testing.T) []reader.Raw {
	t.Helper()
	dir := filepath.Join(seedDir, "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("development corpus not available: %v", err)
	}
	var raws []reader.Raw
	err := reader.New(reader.Options{}, nil).Each(context.Background(), []string{dir}, func(r reader.Raw, err error) error {
		if err != nil {
			t.Errorf("read: %v", err)
			return nil
		}
		raws = append(raws, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return raws
}

// TestSeeds checks the document layer on the development set: every body
// sentence the gold wants is kept, every piece of chrome it lists is gone,
// and headline, outlet, wire and stated date are right.
func TestSeeds(t *testing.T) {
	c := newTestCleaner(t)
	raws := readSeeds(t)
	c.Learn(raws)
	for _, r := range raws {
		name := filepath.Base(r.Path)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(seedDir, "gold", strings.TrimSuffix(name, ".txt")+".json"))
			if err != nil {
				t.Skip(err)
			}
			var g seedGold
			if err := json.Unmarshal(b, &g); err != nil {
				t.Fatal(err)
			}
			d, err := c.Clean(r)
			if err != nil {
				t.Fatal(err)
			}
			body := normText(d.Text)
			for _, s := range g.Include {
				if !strings.Contains(body, normText(s)) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range g.Exclude {
				if strings.Contains(body, normText(s)) {
					t.Errorf("body keeps chrome %q", s)
				}
			}
			if g.Headline != nil && normText(domain.Deref(d.Source.Headline)) != normText(*g.Headline) {
				t.Errorf("headline = %q, want %q", domain.Deref(d.Source.Headline), *g.Headline)
			}
			if aliases := goldAliases(g.Outlet); len(aliases) > 0 && !aliases[normText(domain.Deref(d.Source.Outlet))] {
				t.Errorf("outlet = %q, want one of %v", domain.Deref(d.Source.Outlet), g.Outlet)
			}
			if domain.Deref(d.Source.Wire) != domain.Deref(g.Wire) {
				t.Errorf("wire = %q, want %q", domain.Deref(d.Source.Wire), domain.Deref(g.Wire))
			}
			// Only dates the page states are the cleaner's; others stay unknown.
			want := map[string]string{"001_a5ac308fa4314062.txt": "2016-10-19", "002_9e07016278072518.txt": "2016-12-09"}[name]
			if got := domain.Deref(d.Source.Published); got != want {
				t.Errorf("published = %q (%s), want %q", got, d.Source.PublishedBasis, want)
			}
			if testing.Verbose() {
				t.Logf("captions: %q\nbyline %q dateline %q", d.Source.Captions, domain.Deref(d.Source.Byline), domain.Deref(d.Source.Dateline))
			}
		})
	}
}

func goldAliases(v any) map[string]bool {
	out := map[string]bool{}
	switch x := v.(type) {
	case string:
		out[normText(x)] = true
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				out[normText(s)] = true
			}
		}
	}
	return out
}
