package postgres

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/queue"
)

var _ queue.Queue = (*Store)(nil)

// Enqueue adds raw inputs to the work queue; an input already queued
// (same path and bytes) is not queued again. It reports how many were
// new.
func (s *Store) Enqueue(ctx context.Context, items []queue.Item, now time.Time) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("enqueue: %w", err)
	}
	defer tx.Rollback()
	added := 0
	for _, it := range items {
		raw := it.Raw
		if raw == nil {
			raw = []byte{}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO queue (id, path, raw, state, enqueued_at)
			VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (id) DO NOTHING`, it.ID(), it.Path, raw, now.UTC())
		if err != nil {
			return 0, fmt.Errorf("enqueue %s: %w", it.Path, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("enqueue %s: %w", it.Path, err)
		}
		added += int(n)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("enqueue: commit: %w", err)
	}
	return added, nil
}

// Claim leases up to n items: pending ones, and running ones whose lease
// ran out (their worker died). SKIP LOCKED lets many workers claim at once
// without waiting on each other or taking the same item. Lease times are
// the server's clock, so workers' clocks need not agree.
func (s *Store) Claim(ctx context.Context, n int, lease time.Duration, maxAttempts int) ([]queue.Job, error) {
	if maxAttempts > 0 {
		// Items whose worker died with them maxAttempts times would
		// otherwise kill workers forever.
		if _, err := s.db.ExecContext(ctx, `UPDATE queue SET state = 'failed', lease_until = NULL,
			last_error = 'lease expired on every attempt (did the input crash its workers?)'
			WHERE state = 'running' AND lease_until < now() AND attempts >= $1`, maxAttempts); err != nil {
			return nil, fmt.Errorf("claim: expire: %w", err)
		}
	}
	rows, err := s.db.QueryContext(ctx, `UPDATE queue q SET state = 'running', attempts = q.attempts + 1,
			lease_until = now() + make_interval(secs => $2)
		WHERE q.id IN (SELECT id FROM queue
			WHERE state = 'pending' OR (state = 'running' AND lease_until < now())
			ORDER BY enqueued_at, path, id LIMIT $1 FOR UPDATE SKIP LOCKED)
		RETURNING q.id, q.path, q.raw, q.attempts, q.enqueued_at`, n, lease.Seconds())
	if err != nil {
		return nil, fmt.Errorf("claim: %w", err)
	}
	defer rows.Close()
	type claimed struct {
		job queue.Job
		at  time.Time
	}
	var got []claimed
	for rows.Next() {
		var c claimed
		if err := rows.Scan(&c.job.ID, &c.job.Path, &c.job.Raw, &c.job.Attempts, &c.at); err != nil {
			return nil, fmt.Errorf("claim: %w", err)
		}
		got = append(got, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claim: %w", err)
	}
	// RETURNING gives no order; process in queue order.
	sort.Slice(got, func(i, j int) bool {
		a, b := got[i], got[j]
		if !a.at.Equal(b.at) {
			return a.at.Before(b.at)
		}
		if a.job.Path != b.job.Path {
			return a.job.Path < b.job.Path
		}
		return a.job.ID < b.job.ID
	})
	jobs := make([]queue.Job, len(got))
	for i, c := range got {
		jobs[i] = c.job
	}
	return jobs, nil
}

// Complete stores a job's documents (merging them) and marks it done in
// the same transaction: a crash between the two can neither lose the
// documents nor leave the job claimed as done without them.
func (s *Store) Complete(ctx context.Context, job queue.Job, recs []domain.Record, note string) ([]bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("complete %s: %w", job.Path, err)
	}
	defer tx.Rollback()
	created := make([]bool, len(recs))
	if len(recs) > 0 {
		if created, err = putDocuments(ctx, tx, recs); err != nil {
			return nil, fmt.Errorf("complete %s: %w", job.Path, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE queue SET state = 'done', done_at = now(), lease_until = NULL,
		documents = $2, last_error = $3 WHERE id = $1`, job.ID, len(recs), clip(note)); err != nil {
		return nil, fmt.Errorf("complete %s: %w", job.Path, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("complete %s: commit: %w", job.Path, err)
	}
	return created, nil
}

// Fail records why a job failed and returns it to the queue, unless it has
// had maxAttempts tries, when it is marked failed for good.
func (s *Store) Fail(ctx context.Context, job queue.Job, cause error, maxAttempts int) error {
	msg := "unknown error"
	if cause != nil {
		msg = cause.Error()
	}
	_, err := s.db.ExecContext(ctx, `UPDATE queue SET lease_until = NULL, last_error = $2,
		state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END WHERE id = $1`,
		job.ID, clip(msg), maxAttempts)
	if err != nil {
		return fmt.Errorf("fail %s: %w", job.Path, err)
	}
	return nil
}

// QueueStats counts queue items by state.
func (s *Store) QueueStats(ctx context.Context) (queue.Stats, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, COUNT(*) FROM queue GROUP BY state`)
	if err != nil {
		return queue.Stats{}, fmt.Errorf("queue stats: %w", err)
	}
	defer rows.Close()
	var st queue.Stats
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return st, err
		}
		switch state {
		case "pending":
			st.Pending = n
		case "running":
			st.Running = n
		case "done":
			st.Done = n
		case "failed":
			st.Failed = n
		}
	}
	return st, rows.Err()
}

// QueueErrors lists the failed items with their last error, for
// `sitrep worker --status`.
func (s *Store) QueueErrors(ctx context.Context, limit int) ([][2]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT path, last_error FROM queue WHERE state = 'failed'
		ORDER BY enqueued_at, path, id`+limitOffset(limit, 0))
	if err != nil {
		return nil, fmt.Errorf("queue errors: %w", err)
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p, e string
		if err := rows.Scan(&p, &e); err != nil {
			return nil, err
		}
		out = append(out, [2]string{p, e})
	}
	return out, rows.Err()
}

// clip keeps error notes to a readable size and valid text.
func clip(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "?"), "\x00", "")
	if len(s) > 2000 {
		s = strings.ToValidUTF8(s[:2000], "") + "…"
	}
	return s
}
