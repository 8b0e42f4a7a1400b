package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/sqlite"
)

// rawDB opens the file with the driver alone, below the store, to set up
// and inspect states the store's API cannot reach.
func rawDB(t *testing.T, file string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func columns(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func tables(t *testing.T, db *sql.DB) map[string]bool {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[n] = true
	}
	return out
}

// TestMigrationFailureLeavesPreviousVersion stops migration 0002 midway
// (a table it creates after altering documents already exists) and checks
// that the database is still exactly at version 1: the ALTERs that ran
// before the failure are rolled back with it, the stored row survives,
// and once the obstacle is gone the store migrates to the latest version.
func TestMigrationFailureLeavesPreviousVersion(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "half.db")
	v1, err := os.ReadFile("migrations/0001_documents.sql")
	if err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, file)
	setup := []string{
		string(v1),
		`CREATE TABLE schema_version (version INTEGER NOT NULL)`,
		`INSERT INTO schema_version (version) VALUES (1)`,
		`INSERT INTO documents (id, path, published_basis, format, body, raw, extracted, ingested_at, seq)
			VALUES ('d1', 'a.txt', 'stated', 'text', 'Shelling hit the town.', x'', '{}', '2026-01-01T00:00:00Z', 1)`,
		// Migration 0002 creates this table after its ALTER TABLE
		// statements: its failure comes midway.
		`CREATE TABLE incidents (blocker INTEGER)`,
	}
	for _, q := range setup {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("setup %.40q: %v", q, err)
		}
	}
	before := columns(t, db, "documents")

	st, err := sqlite.Open(ctx, file)
	if err == nil {
		st.Close()
		t.Fatal("Open migrated over a conflicting table; want an error")
	}
	if !strings.Contains(err.Error(), "0002") || !strings.Contains(err.Error(), file) {
		t.Errorf("error %q should name the migration and the file", err)
	}
	var version, docs int
	if err := db.QueryRow(`SELECT MAX(version) FROM schema_version`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != 1 {
		t.Errorf("schema version after a failed migration = %d, want 1", version)
	}
	if after := columns(t, db, "documents"); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Errorf("documents columns changed by a failed migration:\nbefore %v\nafter  %v", before, after)
	}
	if tables(t, db)["document_bands"] {
		t.Error("a table created before the failing statement survived the failed migration")
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&docs); err != nil || docs != 1 {
		t.Errorf("documents after a failed migration: %d (%v), want 1", docs, err)
	}

	if _, err := db.Exec(`DROP TABLE incidents`); err != nil {
		t.Fatal(err)
	}
	st, err = sqlite.Open(ctx, file)
	if err != nil {
		t.Fatalf("Open after removing the obstacle: %v", err)
	}
	defer st.Close()
	got, err := st.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob("migrations/*.sql")
	if got != len(names) {
		t.Errorf("schema version = %d, want %d (one per migration file)", got, len(names))
	}
	rec, err := st.Document(ctx, "d1")
	if err != nil {
		t.Fatalf("the document stored before the migration: %v", err)
	}
	if rec.ID != "d1" {
		t.Errorf("document id = %q", rec.ID)
	}
}
