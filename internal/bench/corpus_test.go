package bench

import (
	"bytes"
	"testing"
)

func TestCorpus(t *testing.T) {
	tests := []struct {
		seed uint64
		n    int
	}{{1, 1}, {1, 25}, {9, 40}}
	for _, tc := range tests {
		a, err := JSONL(tc.seed, tc.n)
		if err != nil {
			t.Fatal(err)
		}
		b, err := JSONL(tc.seed, tc.n)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("seed %d n %d: the corpus is not deterministic", tc.seed, tc.n)
		}
		raws, err := Read(a)
		if err != nil {
			t.Fatal(err)
		}
		if len(raws) != tc.n {
			t.Errorf("seed %d: read %d articles, want %d", tc.seed, len(raws), tc.n)
		}
		for _, r := range raws {
			if r.Format != "jsonl" || r.Body == "" || r.Published == "" {
				t.Errorf("seed %d %s: format %q, %d bytes of body, published %q", tc.seed, r.Path, r.Format, len(r.Body), r.Published)
			}
		}
	}
	if _, err := Read([]byte("{\"maintext\": \n")); err == nil {
		t.Error("Read accepted a broken JSON line")
	}
}
