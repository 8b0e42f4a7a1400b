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

// TestConcurrent checks that Resolve gives the same answer from many
// goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	in, err := os.ReadFile("testdata/article/input.txt")
	if err != nil {
		t.Fatal(err)
	}
	anchor := day("2022-03-01")
	want, _ := json.Marshal(Resolve(string(in), anchor))
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			got, _ := json.Marshal(Resolve(string(in), anchor))
			if !bytes.Equal(got, want) {
				errs <- string(got)
				return
			}
			errs <- ""
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Errorf("concurrent Resolve differs:\n%s\nwant:\n%s", e, want)
		}
	}
}
