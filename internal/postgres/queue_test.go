package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/postgres"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/storetest"
)

var t0 = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

func items(n int) []queue.Item {
	var out []queue.Item
	for i := 0; i < n; i++ {
		out = append(out, queue.Item{Path: fmt.Sprintf("in/%02d.txt", i),
			Raw: []byte(fmt.Sprintf("Report %d\n\nShelling hit the town of Izium on Monday, officials said (%d).\n", i, i))})
	}
	return out
}

func TestEnqueueIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s, _ := openFresh(t)
	n, err := s.Enqueue(ctx, items(3), t0)
	if err != nil || n != 3 {
		t.Fatalf("Enqueue = %d, %v; want 3", n, err)
	}
	changed := items(4)
	changed[1].Raw = append(changed[1].Raw, "Updated."...)
	n, err = s.Enqueue(ctx, changed, t0)
	if err != nil || n != 2 {
		t.Errorf("second Enqueue = %d, %v; want 2 (one new, one changed)", n, err)
	}
	st, err := s.QueueStats(ctx)
	if err != nil || st != (queue.Stats{Pending: 5}) {
		t.Errorf("stats = %+v, %v", st, err)
	}
}

func TestClaimSkipsLockedAndOrders(t *testing.T) {
	ctx := context.Background()
	s, dsn := openFresh(t)
	other := openAt(t, dsn)
	if _, err := s.Enqueue(ctx, items(5), t0); err != nil {
		t.Fatal(err)
	}
	a, err := s.Claim(ctx, 2, time.Minute, 3)
	if err != nil {
		t.Fatal(err)
	}
	b, err := other.Claim(ctx, 10, time.Minute, 3)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Claim(ctx, 10, time.Minute, 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, j := range append(append(a, b...), c...) {
		got = append(got, j.Path)
		if j.Attempts != 1 {
			t.Errorf("%s: attempts %d, want 1", j.Path, j.Attempts)
		}
	}
	want := []string{"in/00.txt", "in/01.txt", "in/02.txt", "in/03.txt", "in/04.txt"}
	if len(a) != 2 || len(c) != 0 {
		t.Errorf("claims gave %d, %d, %d jobs; want 2, 3, 0", len(a), len(b), len(c))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claimed (-want +got):\n%s", diff)
	}
}

func TestConcurrentClaimsNeverShare(t *testing.T) {
	ctx := context.Background()
	s, dsn := openFresh(t)
	if _, err := s.Enqueue(ctx, items(40), t0); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		st := openAt(t, dsn)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				jobs, err := st.Claim(ctx, 3, time.Minute, 3)
				if err != nil {
					t.Error(err)
					return
				}
				if len(jobs) == 0 {
					return
				}
				mu.Lock()
				for _, j := range jobs {
					seen[j.ID]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) != 40 {
		t.Errorf("%d distinct jobs claimed, want 40", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("job %s claimed %d times", id, n)
		}
	}
}

func TestExpiredLeaseIsReclaimed(t *testing.T) {
	ctx := context.Background()
	s, _ := openFresh(t)
	if _, err := s.Enqueue(ctx, items(1), t0); err != nil {
		t.Fatal(err)
	}
	if jobs, err := s.Claim(ctx, 1, -time.Second, 3); err != nil || len(jobs) != 1 {
		t.Fatalf("first claim = %v, %v", jobs, err)
	}
	jobs, err := s.Claim(ctx, 1, time.Minute, 3)
	if err != nil || len(jobs) != 1 || jobs[0].Attempts != 2 {
		t.Fatalf("claim after the lease ran out = %+v, %v; want the job again, attempt 2", jobs, err)
	}
	if jobs, err := s.Claim(ctx, 1, time.Minute, 3); err != nil || len(jobs) != 0 {
		t.Errorf("claim under a live lease = %d jobs, %v; want none", len(jobs), err)
	}
}

// An input whose worker dies every time (the lease runs out) is given up
// after maxAttempts claims instead of killing workers forever.
func TestExpiredLeasesGiveUp(t *testing.T) {
	ctx := context.Background()
	s, _ := openFresh(t)
	if _, err := s.Enqueue(ctx, items(1), t0); err != nil {
		t.Fatal(err)
	}
	for attempt := 1; attempt <= 2; attempt++ {
		if jobs, err := s.Claim(ctx, 1, -time.Second, 2); err != nil || len(jobs) != 1 {
			t.Fatalf("claim %d = %v, %v", attempt, jobs, err)
		}
	}
	if jobs, err := s.Claim(ctx, 1, time.Minute, 2); err != nil || len(jobs) != 0 {
		t.Errorf("third claim = %d jobs, %v; want none", len(jobs), err)
	}
	st, err := s.QueueStats(ctx)
	if err != nil || st != (queue.Stats{Failed: 1}) {
		t.Errorf("stats = %+v, %v; want the item failed", st, err)
	}
}

func TestFailRetriesThenGivesUp(t *testing.T) {
	ctx := context.Background()
	s, _ := openFresh(t)
	if _, err := s.Enqueue(ctx, items(1), t0); err != nil {
		t.Fatal(err)
	}
	for attempt := 1; attempt <= 3; attempt++ {
		jobs, err := s.Claim(ctx, 5, time.Minute, 3)
		if err != nil || len(jobs) != 1 {
			t.Fatalf("attempt %d: claim = %v, %v", attempt, jobs, err)
		}
		if err := s.Fail(ctx, jobs[0], errors.New("boom \x00 bad"), 3); err != nil {
			t.Fatal(err)
		}
	}
	if jobs, err := s.Claim(ctx, 5, time.Minute, 3); err != nil || len(jobs) != 0 {
		t.Errorf("claim after 3 failures = %d jobs, %v; want none", len(jobs), err)
	}
	st, err := s.QueueStats(ctx)
	if err != nil || st != (queue.Stats{Failed: 1}) {
		t.Errorf("stats = %+v, %v", st, err)
	}
	errs, err := s.QueueErrors(ctx, 10)
	if err != nil || len(errs) != 1 || errs[0] != [2]string{"in/00.txt", "boom  bad"} {
		t.Errorf("errors = %q, %v", errs, err)
	}
}

func newPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	k, err := kb.Load("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(k)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// brokenInput is a queue item no reader accepts.
var brokenInput = queue.Item{Path: "in/broken.bin", Raw: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")}

// runWorkers enqueues the articles (and a broken input) and drains the
// queue with n workers, each with its own connection pool, as separate
// machines would. It returns the incidents as JSON.
func runWorkers(t *testing.T, n int) string {
	t.Helper()
	ctx := context.Background()
	s, dsn := openFresh(t)
	if _, err := s.Enqueue(ctx, append(storetest.Articles(), brokenInput), t0); err != nil {
		t.Fatal(err)
	}
	p := newPipeline(t)
	var wg sync.WaitGroup
	results := make([]queue.Result, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		w := &queue.Worker{Queue: openAt(t, dsn), Pipeline: p, Batch: 2, Poll: time.Millisecond, MaxAttempts: 2,
			Now: func() time.Time { return t0 }}
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = w.Run(ctx, true)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	// The broken input failed once per attempt; a last pass gives up on it.
	for {
		r, err := (&queue.Worker{Queue: s, Pipeline: p, MaxAttempts: 2}).Run(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if r.Jobs == 0 {
			break
		}
	}
	st, err := s.QueueStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (queue.Stats{Done: len(storetest.Articles()), Failed: 1}) {
		t.Errorf("%d workers: queue stats %+v", n, st)
	}
	docs, err := s.Documents(ctx, domain.DocumentFilter{})
	if err != nil || len(docs) != len(storetest.Articles()) {
		t.Errorf("%d workers: %d documents, %v", n, len(docs), err)
	}
	incs, _, err := s.Incidents(ctx, domain.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) == 0 {
		t.Errorf("%d workers: no incidents", n)
	}
	return storetest.JSON(t, incs)
}

func TestWorkersMergeLikeOne(t *testing.T) {
	testDSN(t)
	want := runWorkers(t, 1)
	for _, n := range []int{3, 5} {
		if diff := cmp.Diff(want, runWorkers(t, n)); diff != "" {
			t.Errorf("%d workers gave other incidents than one (-one +many):\n%s", n, diff)
		}
	}
}

func TestWorkerStopsGracefully(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s, _ := openFresh(t)
	if _, err := s.Enqueue(ctx, storetest.Articles(), t0); err != nil {
		t.Fatal(err)
	}
	// Cancel while the first batch is in hand: it must still be stored.
	p := cancelOnLearn{Extractor: newPipeline(t), cancel: cancel}
	w := &queue.Worker{Queue: s, Pipeline: p, Batch: 3, Poll: time.Hour}
	r, err := w.Run(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.QueueStats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r.Jobs != 3 || st.Done != 3 || st.Running != 0 || st.Pending != len(storetest.Articles())-3 {
		t.Errorf("after cancel: result %+v, stats %+v; want the one batch of 3 done, the rest pending", r, st)
	}
}

type cancelOnLearn struct {
	queue.Extractor
	cancel func()
}

func (c cancelOnLearn) Learn(b []reader.Raw) {
	c.cancel()
	c.Extractor.Learn(b)
}

var _ = postgres.IsDSN

// BenchmarkClaimComplete measures the queue's own overhead per input:
// claim a batch, mark each done (with no documents).
func BenchmarkClaimComplete(b *testing.B) {
	ctx := context.Background()
	s, _ := openFresh(b)
	var its []queue.Item
	for i := 0; i < b.N; i++ {
		its = append(its, queue.Item{Path: fmt.Sprintf("in/%08d.txt", i), Raw: []byte("Report.")})
	}
	if _, err := s.Enqueue(ctx, its, t0); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	done := 0
	for done < b.N {
		jobs, err := s.Claim(ctx, 16, time.Minute, 3)
		if err != nil || len(jobs) == 0 {
			b.Fatal(jobs, err)
		}
		for _, j := range jobs {
			if _, err := s.Complete(ctx, j, nil, ""); err != nil {
				b.Fatal(err)
			}
			done++
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "inputs/s")
}
