package bench

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/attribution"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/quantity"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/sentence"
	"github.com/sitrep/sitrep/internal/sqlite"
	"github.com/sitrep/sitrep/internal/temporal"
)

// corpusSize is how many distinct articles one benchmark cycles through:
// enough that the cleaner's per-outlet learning and caches see variety.
const corpusSize = 500

// fixture is built once per test binary: loading the knowledge base and
// compiling every stage is construction cost, not per-article cost.
type fixture struct {
	kb   *kb.KB
	pipe *pipeline.Pipeline
	raws []reader.Raw
	data []byte            // the corpus as JSON Lines
	docs []domain.Document // cleaned, publication date resolved
}

var (
	fixOnce sync.Once
	fix     fixture
	fixErr  error
)

func load(b *testing.B) *fixture {
	b.Helper()
	fixOnce.Do(func() {
		if fix.kb, fixErr = kb.Load(""); fixErr != nil {
			return
		}
		if fix.pipe, fixErr = pipeline.New(fix.kb); fixErr != nil {
			return
		}
		if fix.data, fixErr = JSONL(1, corpusSize); fixErr != nil {
			return
		}
		if fix.raws, fixErr = Read(fix.data); fixErr != nil {
			return
		}
		fix.pipe.Learn(fix.raws)
		for _, r := range fix.raws {
			d, err := fix.pipe.Clean(r)
			if err != nil {
				fixErr = fmt.Errorf("clean %s: %w", r.Path, err)
				return
			}
			fix.docs = append(fix.docs, d)
		}
	})
	if fixErr != nil {
		b.Fatal(fixErr)
	}
	return &fix
}

func anchor(d *domain.Document) time.Time {
	if d.Source.Published == nil {
		return time.Time{}
	}
	t, _ := time.Parse(time.DateOnly, *d.Source.Published)
	return t
}

// perDoc runs fn once per article, cycling through the corpus, and
// reports articles per second (single goroutine: per core).
func perDoc(b *testing.B, n int, fn func(i int)) {
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPU()
	i := 0
	for b.Loop() {
		fn(i % n)
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "docs/s")
	cpu.report(b, i)
}

// BenchmarkRead measures the reader on a JSON Lines file of the corpus
// (one op = the whole file; docs/s is per article).
func BenchmarkRead(b *testing.B) {
	f := load(b)
	b.SetBytes(int64(len(f.data)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPU()
	docs := 0
	for b.Loop() {
		rd := reader.New(reader.Options{}, bytes.NewReader(f.data))
		err := rd.Each(context.Background(), []string{"-"}, func(_ reader.Raw, err error) error {
			docs++
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
	cpu.report(b, docs)
}

func BenchmarkClean(b *testing.B) {
	f := load(b)
	perDoc(b, len(f.raws), func(i int) {
		if _, err := f.pipe.Clean(f.raws[i]); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	f := load(b)
	perDoc(b, len(f.docs), func(i int) { sentence.Split(f.docs[i].Text) })
}

func BenchmarkEntities(b *testing.B) {
	f := load(b)
	rec, err := entity.New(f.kb)
	if err != nil {
		b.Fatal(err)
	}
	perDoc(b, len(f.docs), func(i int) { rec.Find(f.docs[i].Text, anchor(&f.docs[i])) })
}

func BenchmarkDates(b *testing.B) {
	f := load(b)
	perDoc(b, len(f.docs), func(i int) { temporal.Resolve(f.docs[i].Text, anchor(&f.docs[i])) })
}

func BenchmarkQuantities(b *testing.B) {
	f := load(b)
	fd, err := quantity.New(f.kb)
	if err != nil {
		b.Fatal(err)
	}
	perDoc(b, len(f.docs), func(i int) { fd.Find(f.docs[i].Text) })
}

// analysed holds each document's inputs to the last two stages.
type analysed struct {
	sents []domain.Span
	ents  []domain.Entity
	voice string
}

func prepare(b *testing.B, f *fixture) []analysed {
	b.Helper()
	rec, err := entity.New(f.kb)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]analysed, len(f.docs))
	for i := range f.docs {
		d := &f.docs[i]
		voice := domain.Deref(d.Source.Wire)
		if voice == "" {
			voice = domain.Deref(d.Source.Outlet)
		}
		out[i] = analysed{sentence.Split(d.Text), rec.Find(d.Text, anchor(d)), voice}
	}
	return out
}

func BenchmarkAttribution(b *testing.B) {
	f := load(b)
	in := prepare(b, f)
	at, err := attribution.New(f.kb)
	if err != nil {
		b.Fatal(err)
	}
	perDoc(b, len(f.docs), func(i int) { at.Attribute(f.docs[i].Text, in[i].sents, in[i].ents, in[i].voice) })
}

func BenchmarkEvents(b *testing.B) {
	f := load(b)
	in := prepare(b, f)
	at, err := attribution.New(f.kb)
	if err != nil {
		b.Fatal(err)
	}
	x, err := event.New(f.kb)
	if err != nil {
		b.Fatal(err)
	}
	attrs := make([]*attribution.Map, len(f.docs))
	docs := make([]domain.Document, len(f.docs))
	for i := range f.docs {
		attrs[i] = at.Attribute(f.docs[i].Text, in[i].sents, in[i].ents, in[i].voice)
		docs[i] = f.docs[i]
		docs[i].Entities = in[i].ents
	}
	perDoc(b, len(docs), func(i int) { x.Extract(&docs[i], in[i].sents, attrs[i]) })
}

// BenchmarkExtract is the whole per-document pipeline (clean + analyse),
// one goroutine: the figure to hold against the per-core target.
func BenchmarkExtract(b *testing.B) {
	f := load(b)
	perDoc(b, len(f.raws), func(i int) {
		if _, err := f.pipe.Extract(f.raws[i]); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkExtractParallel runs Extract on every core (GOMAXPROCS
// goroutines), as `sitrep extract` does.
func BenchmarkExtractParallel(b *testing.B) {
	f := load(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPU()
	var mu sync.Mutex
	total := 0
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := f.pipe.Extract(f.raws[i%len(f.raws)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
		mu.Lock()
		total += i
		mu.Unlock()
	})
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "docs/s")
	cpu.report(b, total)
}

// BenchmarkIngest is extract + store with incident merging into a fresh
// SQLite file, in batches of 256 as `sitrep ingest` commits them. Each op
// is one batch of new articles (a synthetic corpus of its own seed, so
// every document is new, with the generator's usual share of syndicated
// copies), and the store grows across ops as it does in a real ingest:
// docs/s falls as b.N grows when merging is not flat in the store size.
func BenchmarkIngest(b *testing.B) {
	f := load(b)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	const batch = 256
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPU()
	n, round := 0, 0
	for b.Loop() {
		b.StopTimer()
		raws, err := Corpus(uint64(1000+round), batch)
		if err != nil {
			b.Fatal(err)
		}
		round++
		b.StartTimer()
		f.pipe.Learn(raws)
		recs := make([]domain.Record, 0, batch)
		for _, r := range raws {
			doc, err := f.pipe.Extract(r)
			if err != nil {
				b.Fatal(err)
			}
			recs = append(recs, domain.Record{ID: doc.Fingerprint(), Document: doc, Raw: r.Raw, IngestedAt: now})
			n++
		}
		if _, err := st.PutDocuments(ctx, recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	cpu.report(b, n)
}

// BenchmarkStartup is what every command pays before its first article:
// loading the knowledge base and building every stage.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		k, err := kb.Load("")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pipeline.New(k); err != nil {
			b.Fatal(err)
		}
	}
}
