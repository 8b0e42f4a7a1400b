package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/kb"
)

func main() {
	k, err := kb.Load("")
	if err != nil {
		panic(err)
	}
	t0 := time.Now()
	r, err := entity.New(k)
	if err != nil {
		panic(err)
	}
	fmt.Fprintln(os.Stderr, "build", time.Since(t0))
	for _, f := range os.Args[1:] {
		b, _ := os.ReadFile(f)
		var g struct{ Published string }
		gb, _ := os.ReadFile(filepath.Join("/work/shared/corpus/gold", filepath.Base(f[:len(f)-4])+".json"))
		json.Unmarshal(gb, &g)
		pub, _ := time.Parse("2006-01-02", g.Published)
		text := string(b)
		ents := r.Find(text, pub)
		d := domain.Document{Source: domain.Source{Path: f}, Text: text, Entities: ents}
		d.EnsureLists()
		out, _ := json.Marshal(d)
		fmt.Println(string(out))
		if os.Getenv("V") != "" {
			for _, e := range ents {
				id := "-"
				if e.KBID != nil {
					id = *e.KBID
				}
				fmt.Fprintf(os.Stderr, "%-12s %-35q %-35s %s %s\n", e.Type, e.Text, e.Canonical, id, e.Label)
			}
		}
	}
}
