package cli

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/feedwatch"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/spf13/cobra"
)

func (a *App) watchCmd() *cobra.Command {
	var in inputFlags
	var db string
	var every time.Duration
	var allowPrivate, once bool
	c := &cobra.Command{
		Use:   "watch [--db ...] [--every 5m] [--allow-private] [--once] FEED_URL...",
		Short: "Poll RSS/Atom feeds and ingest new items as they appear",
		Long: `watch fetches each FEED_URL every --every and ingests its items like
'sitrep ingest' does (an item already stored is skipped). Requests are
conditional: the ETag and Last-Modified of the last answer are kept per feed
in the store, so an unchanged feed costs one short request. A failing feed is
retried after an exponentially growing, jittered delay (capped at 6 hours).

Only http and https URLs are fetched, and never from loopback, private,
link-local or unspecified addresses (checked on the address actually
dialled, after DNS) unless --allow-private. --once polls each feed once and
exits. Ctrl-C stops it.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			for _, u := range args {
				if _, err := feedwatch.CheckURL(u); err != nil {
					return err
				}
			}
			st, err := a.openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			states, closeStates, err := a.feedStates(ctx, db, st)
			if err != nil {
				return err
			}
			defer closeStates()
			w := &feedwatch.Watcher{
				Client: feedwatch.NewClient(allowPrivate, 2*time.Minute),
				States: states,
				Ingest: feedIngester(a.lazyPipeline(in), st, in.maxBytes, a.Now),
				Every:  every,
				Now:    a.Now,
				Log:    a.Log,
			}
			report := func(u string, o feedwatch.Outcome) {
				switch {
				case o.Err != nil:
					fmt.Fprintf(a.Stderr, "watch: %s: %v (retry at %s)\n", u, o.Err, o.Next.UTC().Format(time.RFC3339))
				case o.NotModified:
					fmt.Fprintf(a.Stderr, "watch: %s: not modified\n", u)
				default:
					fmt.Fprintf(a.Stderr, "watch: %s: %d new\n", u, o.New)
				}
			}
			if !once {
				return w.Run(ctx, args, report)
			}
			failed := false
			for _, u := range args {
				o, err := w.Poll(ctx, u)
				if err != nil {
					return err
				}
				report(u, o)
				failed = failed || o.Err != nil
			}
			if failed {
				return errPartial
			}
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&db, "db", "", "store path or postgres:// URL (default $SITREP_DB, else ./sitrep.db)")
	c.Flags().DurationVar(&every, "every", 5*time.Minute, "interval between polls of a feed")
	c.Flags().BoolVar(&allowPrivate, "allow-private", false, "allow feeds on loopback, private and link-local addresses")
	c.Flags().BoolVar(&once, "once", false, "poll each feed once and exit")
	return c
}

// feedStates returns where feed polling state is kept: the PostgreSQL
// store itself, or a table beside the SQLite store's in the same file.
func (a *App) feedStates(ctx context.Context, flag string, st store) (feedwatch.States, func(), error) {
	if s, ok := st.(feedwatch.States); ok {
		return s, func() {}, nil
	}
	path := a.dbPath(flag)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, nil, fmt.Errorf("feed state in %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s, err := feedwatch.NewSQLStates(ctx, db)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("feed state in %s: %w", path, err)
	}
	return s, func() { db.Close() }, nil
}

// lazyPipeline builds the pipeline on first use: a watcher whose feeds
// have not changed never needs it, and building it takes a while.
func (a *App) lazyPipeline(in inputFlags) func() (*pipeline.Pipeline, error) {
	var once sync.Once
	var p *pipeline.Pipeline
	var err error
	return func() (*pipeline.Pipeline, error) {
		once.Do(func() { p, _, err = a.open(in) })
		return p, err
	}
}

// feedIngester runs a fetched feed through the pipeline into the store.
// Items are named FEED_URL#N, as a feed file's items are FILE#N.
func feedIngester(pipe func() (*pipeline.Pipeline, error), st store, maxBytes int64, now func() time.Time) feedwatch.IngestFunc {
	return func(ctx context.Context, feedURL string, body []byte) (int, error) {
		p, err := pipe()
		if err != nil {
			return 0, err
		}
		raws, fails, err := queue.Read(ctx, feedURL, body, maxBytes)
		if err != nil {
			return 0, err
		}
		if len(raws) == 0 {
			return 0, fmt.Errorf("no items (%v)", fails)
		}
		p.Learn(raws)
		var recs []domain.Record
		for _, r := range raws {
			doc, err := p.Extract(r)
			if err != nil {
				continue
			}
			recs = append(recs, domain.Record{ID: doc.Fingerprint(), Document: doc, Raw: r.Raw, IngestedAt: now().UTC()})
		}
		created, err := st.PutDocuments(ctx, recs)
		if err != nil {
			return 0, err
		}
		n := 0
		for _, c := range created {
			if c {
				n++
			}
		}
		return n, nil
	}
}
