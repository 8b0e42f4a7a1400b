package postgres_test

import (
	"context"
	"os"
	"testing"

	"github.com/sitrep/sitrep/internal/postgres"
	"github.com/sitrep/sitrep/internal/storetest"
)

// testDSN skips the test when no server is configured.
func testDSN(tb testing.TB) {
	tb.Helper()
	if os.Getenv(storetest.PostgresEnv) == "" {
		storetest.PostgresDSN(tb) // skips, with the message
	}
}

func freshDB(tb testing.TB) string { return storetest.PostgresDSN(tb) }

// openFresh opens a store on a new database; the store is closed before
// the database is dropped (cleanups run last-in first-out).
func openFresh(tb testing.TB) (*postgres.Store, string) {
	tb.Helper()
	dsn := freshDB(tb)
	return openAt(tb, dsn), dsn
}

func openAt(tb testing.TB, dsn string) *postgres.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
