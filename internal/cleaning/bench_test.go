package cleaning

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/reader"
)

var (
	sharedOnce    sync.Once
	sharedCleaner *Cleaner
)

// sharedTestCleaner builds one Cleaner for the tests that do not Learn.
func sharedTestCleaner(t testing.TB) *Cleaner {
	sharedOnce.Do(func() { sharedCleaner = newTestCleaner(t) })
	return sharedCleaner
}

func benchPage(b *testing.B) reader.Raw {
	b.Helper()
	p := "../../examples/corpus/text/kostiantynivka-market.txt"
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	return reader.Raw{Path: filepath.Base(p), Format: reader.FormatText, Raw: data, Body: string(data)}
}

// BenchmarkClean cleans one text page with its chrome (about 2 KB); the
// pipeline target is 5,000 articles/s per core for all stages together.
func BenchmarkClean(b *testing.B) {
	c := sharedTestCleaner(b)
	r := benchPage(b)
	b.SetBytes(int64(len(r.Body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Clean(r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanSeeds cleans the five development articles per iteration.
func BenchmarkCleanSeeds(b *testing.B) {
	dir := filepath.Join(seedDir, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("development corpus not available")
	}
	var raws []reader.Raw
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, reader.Raw{Path: f, Format: reader.FormatText, Body: string(data)})
	}
	c := sharedTestCleaner(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range raws {
			if _, err := c.Clean(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkLearn(b *testing.B) {
	c := sharedTestCleaner(b)
	r := benchPage(b)
	batch := []reader.Raw{r, r, r, r}
	for b.Loop() {
		c.Learn(batch)
	}
}
