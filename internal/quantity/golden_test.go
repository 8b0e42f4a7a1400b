package quantity

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/kb"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestGolden runs Find over each testdata/<case>/input.txt and compares
// the quantities with want.json.
func TestGolden(t *testing.T) {
	f := testFinder(t)
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no golden cases under testdata")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(f.Find(string(in)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file; run go test -update and review the diff\ngot:\n%s", golden, got)
			}
		})
	}
}

// TestConcurrent checks that one Finder gives the same answer from many
// goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	f := testFinder(t)
	in, err := os.ReadFile("testdata/article/input.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(f.Find(string(in)))
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			got, _ := json.Marshal(f.Find(string(in)))
			if !bytes.Equal(got, want) {
				errs <- string(got)
				return
			}
			errs <- ""
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Errorf("concurrent Find differs:\n%s\nwant:\n%s", e, want)
		}
	}
}

// TestNewRejectsBadLexicon checks that a malformed overlay line is
// reported with its file and line.
func TestNewRejectsBadLexicon(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "lexicon"), 0o755); err != nil {
		t.Fatal(err)
	}
	bad := "# test\nslaughtered\tmassacre\tafter\tpeople\n"
	if err := os.WriteFile(filepath.Join(dir, "lexicon", "quantity_kinds.tsv"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(k); err == nil {
		t.Fatal("New accepted an unknown kind")
	}
}
