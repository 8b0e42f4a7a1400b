package temporal

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func BenchmarkResolve(b *testing.B) {
	in, err := os.ReadFile("testdata/article/input.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(in)
	anchor := day("2022-03-01")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Resolve(text, anchor)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkInferPublished(b *testing.B) {
	in, err := os.ReadFile("testdata/article/input.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(in)
	b.ReportAllocs()
	for b.Loop() {
		InferPublished(text, nil)
	}
}

func ExampleResolve() {
	text := "Shelling resumed late on Thursday. Since then, 40 people have fled the town, which has been besieged since March 2011."
	for _, m := range Resolve(text, time.Date(2016, 12, 9, 0, 0, 0, 0, time.UTC)) {
		fmt.Printf("%q %s %s\n", m.Text, m.Value, m.Precision)
	}
	// Output:
	// "late on Thursday" 2016-12-08 day
	// "Since then" 2016-12-08/2016-12-09 range
	// "since March 2011" 2011-03-01/2016-12-09 range
}

func ExampleInferPublished() {
	body := "The offensive began on September 22, 2016. On Wednesday, the army said it had retaken the camp."
	t, ok := InferPublished(body, nil)
	fmt.Println(t.Format("2006-01-02 Monday"), ok)
	// Output: 2016-09-28 Wednesday true
}
