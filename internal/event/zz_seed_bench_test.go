package event_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/quantity"
	"github.com/sitrep/sitrep/internal/sentence"
	"github.com/sitrep/sitrep/internal/temporal"
)

func BenchmarkZZSeeds(b *testing.B) {
	k, _ := kb.Load("")
	rec, _ := entity.New(k)
	qf, _ := quantity.New(k)
	s := newStages(b)
	files, _ := filepath.Glob("/work/shared/corpus/seeds/*.txt")
	var docs []*domain.Document
	var sents [][]domain.Span
	for _, f := range files {
		t, _ := os.ReadFile(f)
		d := &domain.Document{Text: string(t)}
		d.Source.Published = domain.Str("2016-12-09")
		pub, _ := time.Parse("2006-01-02", "2016-12-09")
		d.Entities = rec.Find(d.Text, pub)
		d.Dates = temporal.Resolve(d.Text, pub)
		d.Quantities = qf.Find(d.Text)
		docs = append(docs, d)
		sents = append(sents, sentence.Split(d.Text))
	}
	b.Run("split", func(b *testing.B) {
		for b.Loop() {
			for _, d := range docs {
				sentence.Split(d.Text)
			}
		}
	})
	b.Run("attribute", func(b *testing.B) {
		for b.Loop() {
			for i, d := range docs {
				s.a.Attribute(d.Text, sents[i], d.Entities, "X")
			}
		}
	})
	b.Run("extract", func(b *testing.B) {
		for b.Loop() {
			for i, d := range docs {
				m := s.a.Attribute(d.Text, sents[i], d.Entities, "X")
				s.x.Extract(d, sents[i], m)
			}
		}
	})
}
