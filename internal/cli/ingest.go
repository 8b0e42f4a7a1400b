package cli

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/postgres"
	"github.com/sitrep/sitrep/internal/sqlite"
	"github.com/spf13/cobra"
)

// store is what the commands need of a sitrep database. It is declared
// here, by its consumer; internal/sqlite and internal/postgres both
// implement all of it (internal/storetest holds them to one behaviour).
type store interface {
	PutDocuments(ctx context.Context, recs []domain.Record) ([]bool, error)
	Documents(ctx context.Context, f domain.DocumentFilter) ([]domain.Record, error)
	Document(ctx context.Context, id string) (domain.Record, error)
	Incidents(ctx context.Context, f domain.IncidentFilter) ([]domain.Incident, int, error)
	Incident(ctx context.Context, id string) (domain.Incident, error)
	Search(ctx context.Context, query string, limit int) ([]domain.SearchHit, error)
	Entities(ctx context.Context, typ string, limit int) ([]domain.EntityCount, error)
	Outlets(ctx context.Context) ([]domain.OutletStat, error)
	CreateToken(ctx context.Context, name string, now time.Time) (string, error)
	CheckToken(ctx context.Context, tok string) (bool, error)
	SchemaVersion(ctx context.Context) (int, error)
	Close() error
}

// openStore opens the store --db (else $SITREP_DB, else ./sitrep.db)
// names: a postgres:// or postgresql:// URL is a PostgreSQL database,
// anything else a SQLite file.
func (a *App) openStore(ctx context.Context, flag string) (store, error) {
	loc := a.dbPath(flag)
	if postgres.IsDSN(loc) {
		return postgres.Open(ctx, loc)
	}
	return sqlite.Open(ctx, loc)
}

// errStoreFailed stops reading once the store has failed; the store's own
// error is what the command reports.
var errStoreFailed = errors.New("store failed")

// ingestSummary counts what an ingest did.
type ingestSummary struct {
	New, Existing int
	Failures      []string
}

func (a *App) ingestCmd() *cobra.Command {
	var in inputFlags
	var db string
	c := &cobra.Command{
		Use:   "ingest [--db PATH] INPUT...",
		Short: "Read documents and store them (idempotent: stored documents are skipped)",
		Long: `ingest reads each INPUT (file, directory, or - for standard input), extracts
its facts and stores the documents with their verbatim input. The store is
--db, else $SITREP_DB, else ./sitrep.db. A document already stored (same
outlet, headline and normalised text) is not stored twice. Documents are
committed in batches; what the summary reports as stored is on disk.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			p, rd, err := a.open(in)
			if err != nil {
				return err
			}
			st, err := a.openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			var bar *progressbar.ProgressBar
			if a.IsTerminal(a.Stderr) {
				bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(a.Stderr),
					progressbar.OptionSetDescription("ingesting"), progressbar.OptionShowCount(),
					progressbar.OptionClearOnFinish())
			}
			var sum ingestSummary
			// The store writes one batch while the pipeline reads and
			// extracts the next: merging is single-threaded, extraction
			// uses every core, and overlapping them keeps both busy.
			batches := make(chan []domain.Record, 1)
			done := make(chan struct{})
			var storeErr error
			var stopped atomic.Bool
			go func() {
				defer close(done)
				for b := range batches {
					if storeErr != nil {
						continue
					}
					created, err := st.PutDocuments(ctx, b)
					if err != nil {
						storeErr = fmt.Errorf("store %s: %w", a.storeName(db), err)
						stopped.Store(true)
						continue
					}
					for _, c := range created {
						if c {
							sum.New++
						} else {
							sum.Existing++
						}
					}
				}
			}()
			var pending []domain.Record
			commit := func() error {
				if stopped.Load() {
					return errStoreFailed
				}
				batches <- pending
				pending = nil
				return nil
			}
			err = process(ctx, p, rd, args, true, func(o outcome) error {
				if bar != nil {
					bar.Add(1)
				}
				if o.err != nil {
					sum.Failures = append(sum.Failures, o.err.Error())
					return nil
				}
				pending = append(pending, domain.Record{ID: o.doc.Fingerprint(), Document: o.doc,
					Raw: o.raw.Raw, IngestedAt: a.Now().UTC()})
				if len(pending) >= chunkSize {
					return commit()
				}
				return nil
			})
			if err == nil && len(pending) > 0 {
				err = commit()
			}
			close(batches)
			<-done
			if storeErr != nil {
				err = storeErr
			}
			if bar != nil {
				bar.Finish()
			}
			a.printSummary(sum)
			if err != nil {
				return err
			}
			if len(sum.Failures) > 0 {
				return errPartial
			}
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&db, "db", "", "store path (default $SITREP_DB, else ./sitrep.db)")
	return c
}

func (a *App) printSummary(s ingestSummary) {
	fmt.Fprintf(a.Stderr, "ingest: %d new, %d already stored, %d failed\n", s.New, s.Existing, len(s.Failures))
	for _, f := range s.Failures {
		fmt.Fprintf(a.Stderr, "  failed: %s\n", f)
	}
}
