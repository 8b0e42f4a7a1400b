package synth_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/synth"
)

func TestGenerateIsDeterministicAndWellFormed(t *testing.T) {
	var a, b bytes.Buffer
	if err := synth.Generate(&a, 7, 40); err != nil {
		t.Fatal(err)
	}
	if err := synth.Generate(&b, 7, 40); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed gave different corpora")
	}
	sc := bufio.NewScanner(&a)
	sc.Buffer(nil, 1<<20)
	n, ids := 0, map[string]bool{}
	for sc.Scan() {
		var art synth.Article
		if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if strings.Contains(art.Maintext, "%!") {
			t.Errorf("line %d: formatting error in %q", n+1, art.Maintext)
		}
		if art.ID == "" || art.Title == "" || art.Maintext == "" || len(art.DatePublish) < 10 {
			t.Errorf("line %d: incomplete article %+v", n+1, art)
		}
		if ids[art.ID] {
			t.Errorf("duplicate id %s", art.ID)
		}
		ids[art.ID] = true
		n++
	}
	if n != 40 {
		t.Errorf("%d articles, want 40", n)
	}
}
