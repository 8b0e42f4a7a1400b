package queue_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/reader"
)

const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Strike on Sumy</title><link>https://desk.example/1</link><description>A missile hit Sumy on Monday, officials said.</description></item>
<item><title>Clashes in Marib</title><link>https://desk.example/2</link><description>Fighting flared near Marib, tribal sources said.</description></item>
</channel></rss>`

func TestReadNamesDocumentsLikeFiles(t *testing.T) {
	for _, c := range []struct {
		name, path, raw string
		want            []string
		fails           int
	}{
		{"text", "in/a.txt", "Shelling hit Kharkiv on Monday, the governor said.\n", []string{"in/a.txt"}, 0},
		{"feed", "https://desk.example/rss", feed, []string{"https://desk.example/rss#1", "https://desk.example/rss#2"}, 0},
		{"jsonl", "dump.jsonl", `{"title":"A","text":"Drone strike in Gaza, medics said."}` + "\n" + `{"title":"B","text":"Clashes in Darfur."}` + "\n",
			[]string{"dump.jsonl#1", "dump.jsonl#2"}, 0},
		{"binary", "x.bin", "\x89PNG\r\n\x1a\n\x00\x00", nil, 1},
		{"empty", "e.txt", "", nil, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			raws, fails, err := queue.Read(context.Background(), c.path, []byte(c.raw), 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range raws {
				got = append(got, r.Path)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if len(fails) != c.fails {
				t.Errorf("failures %q, want %d", fails, c.fails)
			}
			for _, f := range fails {
				if !strings.HasPrefix(f, c.path) {
					t.Errorf("failure %q does not name the input %s", f, c.path)
				}
			}
		})
	}
}

func TestItemIDDependsOnPathAndBytes(t *testing.T) {
	a := queue.Item{Path: "a.txt", Raw: []byte("x")}
	for _, c := range []struct {
		b    queue.Item
		same bool
	}{
		{queue.Item{Path: "a.txt", Raw: []byte("x")}, true},
		{queue.Item{Path: "b.txt", Raw: []byte("x")}, false},
		{queue.Item{Path: "a.txt", Raw: []byte("y")}, false},
		{queue.Item{Path: "a.tx", Raw: []byte("tx")}, false},
	} {
		if got := a.ID() == c.b.ID(); got != c.same {
			t.Errorf("ID(%+v) == ID(%+v): %v, want %v", a, c.b, got, c.same)
		}
	}
}

// memQueue is a queue in memory, enough to test the worker loop.
type memQueue struct {
	mu       sync.Mutex
	pending  []queue.Job
	attempts map[string]int
	done     map[string][]domain.Record
	failed   map[string]string
	notes    map[string]string
}

func newMemQueue(items ...queue.Item) *memQueue {
	q := &memQueue{attempts: map[string]int{}, done: map[string][]domain.Record{}, failed: map[string]string{}, notes: map[string]string{}}
	q.Enqueue(context.Background(), items, time.Time{})
	return q
}

func (q *memQueue) Enqueue(_ context.Context, items []queue.Item, _ time.Time) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, it := range items {
		q.pending = append(q.pending, queue.Job{ID: it.ID(), Path: it.Path, Raw: it.Raw})
	}
	return len(items), nil
}

func (q *memQueue) Claim(_ context.Context, n int, _ time.Duration, _ int) ([]queue.Job, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	n = min(n, len(q.pending))
	jobs := append([]queue.Job(nil), q.pending[:n]...)
	q.pending = q.pending[n:]
	for i := range jobs {
		q.attempts[jobs[i].ID]++
		jobs[i].Attempts = q.attempts[jobs[i].ID]
	}
	return jobs, nil
}

func (q *memQueue) Complete(_ context.Context, j queue.Job, recs []domain.Record, note string) ([]bool, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.done[j.Path] = recs
	q.notes[j.Path] = note
	return make([]bool, len(recs)), nil
}

func (q *memQueue) Fail(_ context.Context, j queue.Job, cause error, max int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if j.Attempts >= max {
		q.failed[j.Path] = cause.Error()
		return nil
	}
	q.pending = append(q.pending, j)
	return nil
}

func (q *memQueue) QueueStats(context.Context) (queue.Stats, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return queue.Stats{Pending: len(q.pending), Done: len(q.done), Failed: len(q.failed)}, nil
}

// fakePipeline turns a body into a document, failing on bodies that ask
// to.
type fakePipeline struct{ learned [][]string }

func (p *fakePipeline) Learn(b []reader.Raw) {
	var paths []string
	for _, r := range b {
		paths = append(paths, r.Path)
	}
	p.learned = append(p.learned, paths)
}

func (p *fakePipeline) Extract(r reader.Raw) (domain.Document, error) {
	if strings.Contains(r.Body, "FAIL") {
		return domain.Document{}, fmt.Errorf("%s: cannot clean", r.Path)
	}
	return domain.Document{Source: domain.Source{Path: r.Path}, Text: r.Body}, nil
}

func TestWorkerRetriesThenFails(t *testing.T) {
	q := newMemQueue(
		queue.Item{Path: "good.txt", Raw: []byte("Shelling hit Kharkiv.\n")},
		queue.Item{Path: "bad.txt", Raw: []byte("FAIL always\n")},
		queue.Item{Path: "mixed.jsonl", Raw: []byte(`{"title":"A","text":"Fine text."}` + "\n" + `{"title":"B","text":"FAIL here"}` + "\n")},
	)
	p := &fakePipeline{}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w := &queue.Worker{Queue: q, Pipeline: p, Batch: 2, MaxAttempts: 3, Now: func() time.Time { return now }}
	res, err := w.Run(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	if res != (queue.Result{Jobs: 5, Failed: 3, Existing: 2}) {
		t.Errorf("result %+v", res)
	}
	if len(q.done) != 2 || len(q.failed) != 1 || q.failed["bad.txt"] != "bad.txt: cannot clean" {
		t.Errorf("done %v, failed %v", q.done, q.failed)
	}
	if q.notes["mixed.jsonl"] != "mixed.jsonl#2: cannot clean" {
		t.Errorf("note of a partly failed input = %q", q.notes["mixed.jsonl"])
	}
	recs := q.done["good.txt"]
	if len(recs) != 1 || recs[0].ID != recs[0].Document.Fingerprint() || !recs[0].IngestedAt.Equal(now) ||
		string(recs[0].Raw) != "Shelling hit Kharkiv.\n" {
		t.Errorf("records of good.txt: %+v", recs)
	}
	// Each input is learned on its own, so results do not depend on how
	// inputs were batched among workers.
	for _, l := range p.learned {
		if len(l) == 0 || strings.Split(l[0], "#")[0] != strings.Split(l[len(l)-1], "#")[0] {
			t.Errorf("Learn saw documents of several inputs: %v", l)
		}
	}
}

func TestWorkerStopsOnCancelAfterBatch(t *testing.T) {
	var items []queue.Item
	for i := 0; i < 10; i++ {
		items = append(items, queue.Item{Path: fmt.Sprintf("%d.txt", i), Raw: []byte("Report.\n")})
	}
	q := newMemQueue(items...)
	ctx, cancel := context.WithCancel(context.Background())
	w := &queue.Worker{Queue: q, Pipeline: cancelling{&fakePipeline{}, cancel}, Batch: 4, Poll: time.Hour}
	res, err := w.Run(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Jobs != 4 || len(q.done) != 4 || len(q.pending) != 6 {
		t.Errorf("after cancel: result %+v, done %d, pending %d; want the batch of 4 finished", res, len(q.done), len(q.pending))
	}
}

type cancelling struct {
	*fakePipeline
	cancel func()
}

func (c cancelling) Learn(b []reader.Raw) { c.cancel(); c.fakePipeline.Learn(b) }

type brokenQueue struct{ *memQueue }

func (*brokenQueue) Claim(context.Context, int, time.Duration, int) ([]queue.Job, error) {
	return nil, errors.New("connection refused")
}

func TestWorkerReportsClaimErrors(t *testing.T) {
	w := &queue.Worker{Queue: &brokenQueue{newMemQueue()}, Pipeline: &fakePipeline{}}
	if _, err := w.Run(context.Background(), true); err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("Run = %v, want the claim error", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add("in.txt", []byte("Shelling hit Kharkiv.\n"))
	f.Add("f.xml", []byte(feed))
	f.Add("r.jsonl", []byte(`{"title":"A","text":"B"}`+"\n{bad\n"))
	f.Add("-", []byte("\xff\xfe\x00"))
	f.Add("x", []byte("<html><body><p>Hi</p></body></html>"))
	f.Fuzz(func(t *testing.T, path string, raw []byte) {
		raws, fails, err := queue.Read(context.Background(), path, raw, 1<<16)
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		if len(raws)+len(fails) == 0 {
			t.Errorf("Read(%q) gave neither documents nor failures", raw)
		}
		for _, r := range raws {
			if !strings.HasPrefix(r.Path, path) {
				t.Errorf("document path %q does not start with %q", r.Path, path)
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	raw := []byte(feed)
	b.SetBytes(int64(len(raw)))
	for i := 0; i < b.N; i++ {
		if raws, _, err := queue.Read(context.Background(), "f.xml", raw, 0); err != nil || len(raws) != 2 {
			b.Fatal(raws, err)
		}
	}
}

func ExampleRead() {
	raws, _, _ := queue.Read(context.Background(), "https://desk.example/rss", []byte(feed), 0)
	for _, r := range raws {
		fmt.Println(r.Path, r.Format, r.Title)
	}
	// Output:
	// https://desk.example/rss#1 feed Strike on Sumy
	// https://desk.example/rss#2 feed Clashes in Marib
}
