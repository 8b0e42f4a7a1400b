package postgres

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/incident"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Advisory lock keys (arbitrary constants, "sitrep" in ASCII plus a
// purpose digit) so that sitrep's locks never collide with another
// application's on a shared server.
const (
	lockMigrate int64 = 0x736974726570_01
	lockMerge   int64 = 0x736974726570_02
)

// ErrNotFound is returned for an ID the store does not hold; it is the
// shared domain.ErrNotFound, so errors.Is works whatever the store.
var ErrNotFound = domain.ErrNotFound

// Store is a sitrep database on a PostgreSQL server.
type Store struct {
	db  *sql.DB
	dsn string
}

// IsDSN reports whether s names a PostgreSQL database (a postgres:// or
// postgresql:// URL) rather than a SQLite file.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at dsn (a postgres:// URL) and brings its
// schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", Redact(dsn), err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, dsn: dsn}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", Redact(dsn), err)
	}
	return s, nil
}

// Redact returns dsn with its password masked, for messages and logs.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unparsable)"
	}
	return u.Redacted()
}

// Close releases the connection pool.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its number", name)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		if err := s.apply(ctx, v, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", path.Base(name), err)
		}
	}
	return nil
}

// apply runs one migration and its version bump in one transaction, under
// an advisory lock so that two processes opening a new database at once
// do not both run it: the second waits, then sees the version and skips.
func (s *Store) apply(ctx context.Context, version int, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, lockMigrate); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version <= current {
		return tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES ($1)`, version); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion reports the highest migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// PutDocuments stores records in one transaction and reports, for each,
// whether it was new. A record whose ID is already stored is left as it
// is: ingesting is idempotent. The new documents' events are merged into
// incidents in the same transaction, so either all of a batch is stored
// and merged or none of it.
func (s *Store) PutDocuments(ctx context.Context, recs []domain.Record) ([]bool, error) {
	created := make([]bool, len(recs))
	if len(recs) == 0 {
		return created, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	created, err = putDocuments(ctx, tx, recs)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return created, nil
}

// putDocuments is PutDocuments inside a caller's transaction (the queue
// marks its item done in the same one).
func putDocuments(ctx context.Context, tx *sql.Tx, recs []domain.Record) ([]bool, error) {
	created := make([]bool, len(recs))
	for _, r := range recs {
		if r.ID == "" {
			return nil, fmt.Errorf("document %s: empty id", r.Document.Source.Path)
		}
	}
	// Merging must see every earlier batch complete, and seq must be
	// unique: one writer at a time from here to commit. The pipeline work
	// happened before, in parallel; only the writes are serialised.
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, lockMerge); err != nil {
		return nil, fmt.Errorf("merge lock: %w", err)
	}
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM documents`).Scan(&seq); err != nil {
		return nil, fmt.Errorf("read sequence: %w", err)
	}
	var fresh []string
	for i, r := range recs {
		doc := r.Document
		doc.EnsureLists()
		js, err := json.Marshal(doc)
		if err != nil {
			return nil, fmt.Errorf("document %s: encode: %w", doc.Source.Path, err)
		}
		raw := r.Raw
		if raw == nil {
			raw = []byte{}
		}
		src := doc.Source
		seq++
		res, err := tx.ExecContext(ctx, `INSERT INTO documents
			(id, path, source_id, url, outlet, wire, headline, published, published_basis, format, body, raw,
			 extracted, ingested_at, seq, search)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
			 setweight(to_tsvector('simple', COALESCE($7::text, '')), 'A') || setweight(to_tsvector('simple', $11::text), 'B'))
			ON CONFLICT (id) DO NOTHING`,
			r.ID, src.Path, src.ID, src.URL, src.Outlet, src.Wire, src.Headline,
			src.Published, string(src.PublishedBasis), src.Format, doc.Text, raw, string(js),
			r.IngestedAt.UTC().Format(time.RFC3339Nano), seq)
		if err != nil {
			return nil, fmt.Errorf("document %s: insert: %w", src.Path, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", src.Path, err)
		}
		created[i] = n == 1
		if n == 1 {
			fresh = append(fresh, r.ID)
		} else {
			seq--
		}
	}
	if err := incident.Merge(ctx, newMergeTx(tx), fresh); err != nil {
		return nil, fmt.Errorf("merge incidents: %w", err)
	}
	return created, nil
}

// Documents lists stored documents in ingestion order, without their raw
// input.
func (s *Store) Documents(ctx context.Context, f domain.DocumentFilter) ([]domain.Record, error) {
	q := `SELECT id, extracted, ingested_at FROM documents`
	var args []any
	if f.Outlet != "" {
		args = append(args, pgText(f.Outlet))
		q += ` WHERE outlet = $1`
	}
	q += ` ORDER BY seq` + limitOffset(f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []domain.Record
	for rows.Next() {
		r, err := scanRecord(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// limitOffset renders pagination as literal integers (they are ints, not
// user text), leaving out what is unset.
func limitOffset(limit, offset int) string {
	var b strings.Builder
	if limit > 0 {
		b.WriteString(" LIMIT " + strconv.Itoa(limit))
	}
	if offset > 0 {
		b.WriteString(" OFFSET " + strconv.Itoa(offset))
	}
	return b.String()
}

// Document returns one stored document with its raw input.
func (s *Store) Document(ctx context.Context, id string) (domain.Record, error) {
	row := s.db.QueryRowContext(ctx, `SELECT id, extracted, ingested_at, raw FROM documents WHERE id = $1`, pgText(id))
	var raw []byte
	r, err := scanRecord(func(dest ...any) error { return row.Scan(append(dest, &raw)...) })
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Record{}, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return domain.Record{}, err
	}
	r.Raw = raw
	return r, nil
}

func scanRecord(scan func(...any) error) (domain.Record, error) {
	var r domain.Record
	var js, at string
	if err := scan(&r.ID, &js, &at); err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(js), &r.Document); err != nil {
		return r, fmt.Errorf("document %s: decode: %w", r.ID, err)
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return r, fmt.Errorf("document %s: ingested_at: %w", r.ID, err)
	}
	r.IngestedAt = t
	return r, nil
}
