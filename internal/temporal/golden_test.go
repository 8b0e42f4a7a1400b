package temporal

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestGolden resolves each testdata/<case>/input.txt against the day in
// anchor.txt and compares the mentions with want.json.
func TestGolden(t *testing.T) {
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
			a, err := os.ReadFile(filepath.Join(dir, "anchor.txt"))
			if err != nil {
				t.Fatal(err)
			}
			anchor, err := time.Parse("2006-01-02", strings.TrimSpace(string(a)))
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			got, err := json.MarshalIndent(Resolve(string(in), anchor), "", "  ")
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
