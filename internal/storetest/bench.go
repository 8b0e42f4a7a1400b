package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
)

// BenchmarkPut measures PutDocuments on batches of realistic documents
// (a few hundred words, a handful of entities and events each), merging
// included. It reports documents per second.
func BenchmarkPut(b *testing.B, open func(b *testing.B) Store) {
	s := open(b)
	ctx := context.Background()
	const batch = 64
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		recs := make([]domain.Record, batch)
		for j := range recs {
			recs[j] = benchRecord(n)
			n++
		}
		if _, err := s.PutDocuments(ctx, recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

var benchWords = strings.Fields(`army forces shelled town village city district market hospital school bridge road
convoy drone missile rocket artillery strike raid attack clash fighting offensive front line positions trenches
soldiers fighters militants rebels police civilians residents children women families refugees displaced
killed wounded injured dead missing detained captured evacuated rescued buried
governor mayor ministry spokesman commander monitor observatory agency witnesses medics doctors
monday tuesday wednesday thursday friday saturday sunday morning night overnight dawn evening
north south east west northern southern eastern western outskirts centre suburb province region
ceasefire talks truce negotiations envoy delegation agreement prisoners exchange aid corridor
fuel power water electricity grid depot warehouse port airport railway station plant factory
heavy fierce renewed sporadic intense deadly massive precise guided unguided barrage salvo
claimed denied confirmed reported accused blamed condemned warned vowed threatened promised
according sources official statement telegram video footage images satellite analysis`)

var benchPlaces = []string{"Kharkiv", "Odesa", "Kherson", "Zaporizhzhia", "Donetsk", "Idlib", "Aleppo", "Mosul", "Hodeidah", "Rafah"}

func benchRecord(n int) domain.Record {
	place := benchPlaces[n%len(benchPlaces)]
	var b strings.Builder
	fmt.Fprintf(&b, "Shelling hit residential districts of %s on day %d, local officials said. ", place, n)
	// Distinct stories have distinct wording: sentences drawn from a
	// word pool by a generator seeded with n, so that no two documents
	// look like copies of one wire story (which would make every
	// document a syndication candidate of every other).
	r := rand.New(rand.NewPCG(uint64(n), 7))
	for k := 0; k < 25; k++ {
		for w := 0; w < 14; w++ {
			b.WriteString(benchWords[r.IntN(len(benchWords))])
			b.WriteByte(' ')
		}
		b.WriteString("officials said. ")
	}
	doc := Record(fmt.Sprintf("bench/%d.txt", n), fmt.Sprintf("Outlet %d", n%7), fmt.Sprintf("Strikes on %s (%d)", place, n), b.String())
	// A batch is a day or two of news, as when following feeds: each
	// batch of 64 covers the next day, with a few late reports of the day
	// before.
	day := n / 64
	if n%16 == 15 && day > 0 {
		day--
	}
	date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day).Format(time.DateOnly)
	ev := shelling(date, place, 48+float64(n%10)/10, 35+float64(n%10)/10, float64(n%13), "local officials")
	doc.Document.Entities = []domain.Entity{
		{Span: domain.Span{Text: place, Start: 38, End: 38 + len(place)}, Type: domain.Place, Canonical: place},
		{Span: domain.Span{Text: "officials", Start: 60, End: 69}, Type: domain.Organization, Canonical: "Local authorities"},
	}
	return withEvents(doc, "", ev)
}
