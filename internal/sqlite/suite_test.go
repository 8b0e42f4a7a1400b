package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/sqlite"
	"github.com/sitrep/sitrep/internal/storetest"
)

// The store's behaviour is tested by the suite shared with the PostgreSQL
// store; this file runs it on temporary files.

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store {
		return open(t, filepath.Join(t.TempDir(), "t.db"))
	})
}

func TestReopen(t *testing.T) {
	storetest.RunReopen(t, func(t *testing.T) (storetest.Store, func(*testing.T) storetest.Store) {
		file := filepath.Join(t.TempDir(), "t.db")
		return open(t, file), func(t *testing.T) storetest.Store { return open(t, file) }
	})
}

func BenchmarkPutDocuments(b *testing.B) {
	storetest.BenchmarkPut(b, func(b *testing.B) storetest.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	})
}

func record(path, outlet, headline, text string) domain.Record {
	r := storetest.Record(path, outlet, headline, text)
	r.IngestedAt = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	return r
}

func open(t *testing.T, file string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var _ = record
