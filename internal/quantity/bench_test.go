package quantity

import (
	"fmt"
	"os"
	"testing"

	"github.com/sitrep/sitrep/internal/kb"
)

func BenchmarkFind(b *testing.B) {
	f := testFinder(b)
	in, err := os.ReadFile("testdata/article/input.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(in)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		f.Find(text)
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

func ExampleFinder_Find() {
	k, err := kb.Load("")
	if err != nil {
		panic(err)
	}
	f, err := New(k)
	if err != nil {
		panic(err)
	}
	text := "The shelling killed at least 43 people and wounded 76 others, while militants lost six tanks."
	for _, q := range f.Find(text) {
		fmt.Printf("%q %s %v\n", q.Text, q.Kind, *q.Value)
	}
	// Output:
	// "killed at least 43 people" killed 43
	// "wounded 76 others" injured 76
	// "lost six tanks" equipment_destroyed 6
}
