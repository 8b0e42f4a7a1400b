package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/postgres"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/spf13/cobra"
)

// storeName is the store location for messages: a PostgreSQL URL has its
// password masked.
func (a *App) storeName(flag string) string {
	loc := a.dbPath(flag)
	if postgres.IsDSN(loc) {
		return postgres.Redact(loc)
	}
	return loc
}

// openQueue opens the store and checks that it holds a work queue.
func (a *App) openQueue(ctx context.Context, flag string) (store, queue.Queue, error) {
	st, err := a.openStore(ctx, flag)
	if err != nil {
		return nil, nil, err
	}
	q, ok := st.(queue.Queue)
	if !ok {
		st.Close()
		return nil, nil, fmt.Errorf("store %s has no work queue: workers need a PostgreSQL store (--db postgres://...)", a.storeName(flag))
	}
	return st, q, nil
}

func (a *App) enqueueCmd() *cobra.Command {
	var db string
	var maxBytes int64
	c := &cobra.Command{
		Use:   "enqueue [--db postgres://...] INPUT...",
		Short: "Queue raw inputs for `sitrep worker` (fast: nothing is parsed here)",
		Long: `enqueue stores each INPUT (file, directory read recursively in sorted order with
hidden entries skipped, or - for standard input) verbatim in the store's work
queue, for any number of 'sitrep worker' processes to extract, store and merge.
An input already queued with the same path and bytes is not queued again.
The queue lives in a PostgreSQL store: --db postgres://USER@HOST/DB.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, q, err := a.openQueue(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			var added, total int
			var failures []string
			var batch []queue.Item
			flush := func() error {
				n, err := q.Enqueue(ctx, batch, a.Now())
				if err != nil {
					return err
				}
				added += n
				batch = batch[:0]
				return nil
			}
			err = collect(args, a.Stdin, maxBytes, func(it queue.Item, err error) error {
				if err != nil {
					failures = append(failures, err.Error())
					return nil
				}
				total++
				batch = append(batch, it)
				if len(batch) >= chunkSize {
					return flush()
				}
				return ctx.Err()
			})
			if err == nil && len(batch) > 0 {
				err = flush()
			}
			fmt.Fprintf(a.Stderr, "enqueue: %d queued, %d already queued, %d failed\n", added, total-added, len(failures))
			for _, f := range failures {
				fmt.Fprintf(a.Stderr, "  failed: %s\n", f)
			}
			if err != nil {
				return err
			}
			if len(failures) > 0 {
				return errPartial
			}
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "store URL (default $SITREP_DB)")
	c.Flags().Int64Var(&maxBytes, "max-bytes", 64<<20, "refuse input files larger than this many bytes")
	return c
}

// collect reads inputs as whole files, without parsing: directories are
// walked in sorted order, hidden entries skipped.
func collect(inputs []string, stdin io.Reader, maxBytes int64, fn func(queue.Item, error) error) error {
	read := func(p string, r io.Reader) error {
		b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
		switch {
		case err != nil:
			return fn(queue.Item{}, fmt.Errorf("%s: %w", p, err))
		case int64(len(b)) > maxBytes:
			return fn(queue.Item{}, fmt.Errorf("%s: larger than the %d-byte limit", p, maxBytes))
		case len(b) == 0:
			return fn(queue.Item{}, fmt.Errorf("%s: empty file", p))
		}
		return fn(queue.Item{Path: p, Raw: b}, nil)
	}
	file := func(p string) error {
		f, err := os.Open(p)
		if err != nil {
			return fn(queue.Item{}, err)
		}
		defer f.Close()
		return read(p, f)
	}
	for _, in := range inputs {
		if in == "-" {
			if err := read("-", stdin); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(in)
		if err != nil {
			if err := fn(queue.Item{}, err); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := file(in); err != nil {
				return err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			if err := fn(queue.Item{}, fmt.Errorf("%s: %w", in, err)); err != nil {
				return err
			}
			continue
		}
		sort.Strings(files)
		for _, p := range files {
			if err := file(p); err != nil {
				return err
			}
		}
	}
	return nil
}

func (a *App) workerCmd() *cobra.Command {
	var in inputFlags
	var db string
	var once bool
	w := queue.Worker{}
	c := &cobra.Command{
		Use:   "worker [--db postgres://...] [--batch N] [--once]",
		Short: "Process queued inputs: extract, store and merge (run as many as you like)",
		Long: `worker claims inputs from the store's work queue (see 'sitrep enqueue'), runs
the pipeline on them, stores the documents and merges their events into
incidents, then marks them done. Any number of workers on any number of
machines may share one PostgreSQL store: claims skip items other workers
hold, a claim is a lease that a crashed worker loses, and merging is
serialised so the incidents do not depend on how work was split.

A failing input is retried and marked failed after --max-attempts tries.
Without --once the worker waits --poll between empty claims until stopped;
Ctrl-C or SIGTERM finishes the batch in hand, then exits.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, q, err := a.openQueue(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			p, _, err := a.open(in)
			if err != nil {
				return err
			}
			w.Queue, w.Pipeline, w.MaxBytes, w.Now, w.Log = q, p, in.maxBytes, a.Now, a.Log
			res, err := w.Run(ctx, once)
			fmt.Fprintf(a.Stderr, "worker: %d inputs, %d new documents, %d already stored, %d failed\n",
				res.Jobs, res.New, res.Existing, res.Failed)
			if err != nil {
				return err
			}
			if stats, err := q.QueueStats(context.WithoutCancel(ctx)); err == nil {
				fmt.Fprintf(a.Stderr, "queue: %d pending, %d running, %d done, %d failed\n",
					stats.Pending, stats.Running, stats.Done, stats.Failed)
			}
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&db, "db", "", "store URL (default $SITREP_DB)")
	c.Flags().BoolVar(&once, "once", false, "exit when the queue has nothing to claim")
	c.Flags().IntVar(&w.Batch, "batch", 16, "inputs claimed at once")
	c.Flags().DurationVar(&w.Poll, "poll", 2*time.Second, "wait between claims when the queue is empty")
	c.Flags().DurationVar(&w.Lease, "lease", 10*time.Minute, "how long a claim lasts before another worker may take the input")
	c.Flags().IntVar(&w.MaxAttempts, "max-attempts", 3, "tries before an input is marked failed")
	return c
}
