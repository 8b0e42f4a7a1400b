package queue

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/reader"
)

// Item is one raw input to enqueue: a file's bytes and the path it had.
type Item struct {
	Path string
	Raw  []byte
}

// ID identifies an item by its path and content, so enqueuing the same
// input twice queues it once while a changed file is queued again.
func (it Item) ID() string {
	h := sha256.New()
	h.Write([]byte(it.Path))
	h.Write([]byte{0})
	h.Write(it.Raw)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Job is a claimed item.
type Job struct {
	ID       string
	Path     string
	Raw      []byte
	Attempts int // including this one
}

// Stats counts queue items by state.
type Stats struct {
	Pending, Running, Done, Failed int
}

// Queue is what workers need of a store. It is declared here, by its
// consumer; internal/postgres implements it.
type Queue interface {
	// Enqueue adds items not queued before and reports how many were new.
	Enqueue(ctx context.Context, items []Item, now time.Time) (int, error)
	// Claim leases up to n pending items (or items whose lease ran out)
	// for lease, skipping those other workers hold. An item whose lease
	// ran out maxAttempts times (its input keeps killing workers) is
	// marked failed instead.
	Claim(ctx context.Context, n int, lease time.Duration, maxAttempts int) ([]Job, error)
	// Complete stores the documents of a job, merges them and marks the
	// job done, all in one transaction; note records per-document
	// failures of a job that still gave documents.
	Complete(ctx context.Context, job Job, recs []domain.Record, note string) ([]bool, error)
	// Fail returns a job to the queue, or marks it failed for good once it
	// has been tried maxAttempts times.
	Fail(ctx context.Context, job Job, cause error, maxAttempts int) error
	QueueStats(ctx context.Context) (Stats, error)
}

// Extractor is the pipeline as a worker uses it; *pipeline.Pipeline
// satisfies it.
type Extractor interface {
	Learn(batch []reader.Raw)
	Extract(r reader.Raw) (domain.Document, error)
}

// Worker claims jobs and runs them through the pipeline.
type Worker struct {
	Queue       Queue
	Pipeline    Extractor
	Batch       int           // jobs claimed at once; 0 means 16
	Poll        time.Duration // wait when the queue is empty; 0 means 2s
	Lease       time.Duration // how long a claim lasts; 0 means 10 minutes
	MaxAttempts int           // 0 means 3
	MaxBytes    int64         // per input, as reader.Options
	Now         func() time.Time
	Log         *slog.Logger
}

// Result sums what a worker did.
type Result struct {
	Jobs, Failed, New, Existing int
}

func (w *Worker) defaults() {
	if w.Batch <= 0 {
		w.Batch = 16
	}
	if w.Poll <= 0 {
		w.Poll = 2 * time.Second
	}
	if w.Lease <= 0 {
		w.Lease = 10 * time.Minute
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 3
	}
	if w.Now == nil {
		w.Now = time.Now
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
}

// Run processes batches until ctx is cancelled, waiting Poll between
// empty claims. Cancelling is a graceful stop: the batch in hand is
// finished and stored before Run returns (nil). With once set, Run
// returns as soon as the queue has nothing to claim.
func (w *Worker) Run(ctx context.Context, once bool) (Result, error) {
	w.defaults()
	var total Result
	for ctx.Err() == nil {
		// The batch in hand runs to its end even if ctx is cancelled
		// meanwhile: its jobs are leased to us, and dropping them would
		// only delay them by a lease.
		r, err := w.RunBatch(context.WithoutCancel(ctx))
		total.Jobs += r.Jobs
		total.Failed += r.Failed
		total.New += r.New
		total.Existing += r.Existing
		if err != nil {
			return total, err
		}
		if r.Jobs > 0 {
			continue
		}
		if once {
			return total, nil
		}
		select {
		case <-ctx.Done():
		case <-time.After(w.Poll):
		}
	}
	return total, nil
}

// RunBatch claims one batch and processes it.
func (w *Worker) RunBatch(ctx context.Context) (Result, error) {
	w.defaults()
	jobs, err := w.Queue.Claim(ctx, w.Batch, w.Lease, w.MaxAttempts)
	if err != nil {
		return Result{}, fmt.Errorf("claim: %w", err)
	}
	var res Result
	for _, j := range jobs {
		res.Jobs++
		recs, note, err := w.process(ctx, j)
		if err == nil {
			var created []bool
			created, err = w.Queue.Complete(ctx, j, recs, note)
			for _, c := range created {
				if c {
					res.New++
				} else {
					res.Existing++
				}
			}
		}
		if err != nil {
			res.Failed++
			w.Log.Warn("job failed", "path", j.Path, "attempt", j.Attempts, "err", err)
			if ferr := w.Queue.Fail(ctx, j, err, w.MaxAttempts); ferr != nil {
				return res, fmt.Errorf("job %s: %w (after %v)", j.Path, ferr, err)
			}
		}
	}
	return res, nil
}

// process reads one job's input and runs the pipeline on each document.
// A job whose input gives no document at all is an error; documents that
// fail beside good ones are noted.
func (w *Worker) process(ctx context.Context, j Job) ([]domain.Record, string, error) {
	raws, fails, err := Read(ctx, j.Path, j.Raw, w.MaxBytes)
	if err != nil {
		return nil, "", err
	}
	w.Pipeline.Learn(raws)
	now := w.Now().UTC()
	var recs []domain.Record
	for _, r := range raws {
		doc, err := w.Pipeline.Extract(r)
		if err != nil {
			fails = append(fails, err.Error())
			continue
		}
		recs = append(recs, domain.Record{ID: doc.Fingerprint(), Document: doc, Raw: r.Raw, IngestedAt: now})
	}
	if len(recs) == 0 {
		if len(fails) == 0 {
			return nil, "", fmt.Errorf("%s: no documents", j.Path)
		}
		return nil, "", errors.New(strings.Join(fails, "; "))
	}
	return recs, strings.Join(fails, "; "), nil
}

// Read splits one raw input into documents with the reader, as if it had
// been the file at path: documents are named path, path#N or path#LINE as
// `sitrep ingest` names them. Unreadable documents are returned as
// messages beside the good ones.
func Read(ctx context.Context, path string, raw []byte, maxBytes int64) ([]reader.Raw, []string, error) {
	rd := reader.New(reader.Options{MaxBytes: maxBytes}, bytes.NewReader(raw))
	var raws []reader.Raw
	var fails []string
	err := rd.Each(ctx, []string{"-"}, func(r reader.Raw, err error) error {
		r.Path = rename(r.Path, path)
		if err != nil {
			msg := err.Error()
			if strings.HasPrefix(msg, "-") {
				msg = rename(msg[:1], path) + msg[1:]
			}
			fails = append(fails, msg)
			return nil
		}
		raws = append(raws, r)
		return nil
	})
	return raws, fails, err
}

func rename(p, path string) string {
	if p == "-" {
		return path
	}
	if strings.HasPrefix(p, "-#") {
		return path + p[1:]
	}
	return p
}
