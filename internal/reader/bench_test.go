package reader

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

func benchInput(b *testing.B, data []byte) {
	b.Helper()
	r := New(Options{}, nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		err := r.readStream(context.Background(), "in", bytes.NewReader(data), func(_ Raw, err error) error {
			if err != nil {
				b.Fatal(err)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func benchFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	benchInput(b, data)
}

func BenchmarkText(b *testing.B) {
	benchFile(b, "../../examples/corpus/text/kostiantynivka-market.txt")
}
func BenchmarkHTML(b *testing.B) {
	benchFile(b, "../../examples/corpus/html/kyiv-herald-kostiantynivka.html")
}
func BenchmarkFeed(b *testing.B) { benchFile(b, "../../examples/corpus/feeds/gulf-wire.rss") }

// BenchmarkJSONL reads 100 records per iteration; divide ns/op by 100.
func BenchmarkJSONL(b *testing.B) {
	data, err := os.ReadFile("../../examples/corpus/records/articles.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	benchInput(b, bytes.Repeat(data, 25))
}

func BenchmarkDecodeWindows1252(b *testing.B) {
	data := []byte(strings.Repeat("Caf\xe9 owners in Aleppo \x93reopened\x94 on Monday. ", 100))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
