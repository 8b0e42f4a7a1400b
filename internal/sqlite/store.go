package sqlite

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

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/incident"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a sitrep database in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, file string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+file+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", file, err)
	}
	// One writer at a time is what SQLite allows; a small pool lets readers
	// run beside it in WAL mode.
	db.SetMaxOpenConns(4)
	s := &Store{db: db, path: file}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", file, err)
	}
	return s, nil
}

// Close releases the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	var current int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
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
		if v <= current {
			continue
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

func (s *Store) apply(ctx context.Context, version int, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, version); err != nil {
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
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM documents`).Scan(&seq); err != nil {
		return nil, fmt.Errorf("read sequence: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO documents
		(id, path, source_id, url, outlet, wire, headline, published, published_basis, format, body, raw, extracted, ingested_at, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`)
	if err != nil {
		return nil, fmt.Errorf("prepare insert: %w", err)
	}
	defer stmt.Close()
	var fresh []string
	for i, r := range recs {
		if r.ID == "" {
			return nil, fmt.Errorf("document %s: empty id", r.Document.Source.Path)
		}
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
		res, err := stmt.ExecContext(ctx, r.ID, src.Path, src.ID, src.URL, src.Outlet, src.Wire, src.Headline,
			src.Published, string(src.PublishedBasis), src.Format, doc.Text, raw, string(js),
			r.IngestedAt.UTC().Format(time.RFC3339Nano), seq+int64(i)+1)
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
			if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, headline, body) VALUES (?, ?, ?)`,
				seq+int64(i)+1, domain.Deref(src.Headline), doc.Text); err != nil {
				return nil, fmt.Errorf("document %s: index: %w", src.Path, err)
			}
		}
	}
	if err := incident.Merge(ctx, &mergeTx{tx: tx}, fresh); err != nil {
		return nil, fmt.Errorf("merge incidents: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return created, nil
}

// Documents lists stored documents in ingestion order, without their raw
// input.
func (s *Store) Documents(ctx context.Context, f domain.DocumentFilter) ([]domain.Record, error) {
	q := `SELECT id, extracted, ingested_at FROM documents`
	var args []any
	if f.Outlet != "" {
		q += ` WHERE outlet = ?`
		args = append(args, f.Outlet)
	}
	q += ` ORDER BY seq`
	if f.Limit > 0 || f.Offset > 0 {
		q += ` LIMIT ? OFFSET ?`
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		args = append(args, limit, f.Offset)
	}
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

// ErrNotFound is returned for an ID the store does not hold.
var ErrNotFound = domain.ErrNotFound

// Document returns one stored document with its raw input.
func (s *Store) Document(ctx context.Context, id string) (domain.Record, error) {
	row := s.db.QueryRowContext(ctx, `SELECT id, extracted, ingested_at, raw FROM documents WHERE id = ?`, id)
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
