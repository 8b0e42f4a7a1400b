// Command seedeval_tmp is a temporary harness; deleted before delivery.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/quantity"
	"github.com/sitrep/sitrep/internal/temporal"
)

func main() {
	k, err := kb.Load("")
	if err != nil {
		panic(err)
	}
	f, err := quantity.New(k)
	if err != nil {
		panic(err)
	}
	files, _ := filepath.Glob("/work/shared/corpus/seeds/*.txt")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		text := string(b)
		g, _ := os.ReadFile(strings.Replace(strings.Replace(p, "seeds", "gold", 1), ".txt", ".json", 1))
		var gold struct{ Published string }
		json.Unmarshal(g, &gold)
		a, _ := time.Parse("2006-01-02", gold.Published)
		doc := map[string]any{"source": map[string]any{"path": p, "published": gold.Published}, "text": text}
		ds := temporal.Resolve(text, a)
		qs := f.Find(text)
		if ds == nil {
			ds = []domain.DateMention{}
		}
		if qs == nil {
			qs = []domain.Quantity{}
		}
		doc["dates"], doc["quantities"] = ds, qs
		inf, ok := temporal.InferPublished(text, nil)
		fmt.Fprintln(os.Stderr, filepath.Base(p), "inferred", inf.Format("2006-01-02"), ok, "gold", gold.Published)
		out, _ := json.Marshal(doc)
		fmt.Println(string(out))
	}
}
