package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create and drop test databases
)

// PostgresEnv names the variable holding the DSN of a PostgreSQL server
// for tests, whose user may CREATE DATABASE. .ci/run starts a throwaway
// server and sets it.
const PostgresEnv = "SITREP_TEST_POSTGRES"

// PostgresDSN creates an empty database for one test (or benchmark) on
// the server $SITREP_TEST_POSTGRES names, drops it when the test ends and
// returns its DSN. Without the variable the test is skipped, saying so.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(PostgresEnv)
	if dsn == "" {
		tb.Skip(PostgresEnv + " is not set: skipping PostgreSQL tests (set it to a postgres:// URL of a server where the user may CREATE DATABASE; .ci/run does)")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	b := make([]byte, 8)
	rand.Read(b)
	name := "sitrep_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(context.Background(), `CREATE DATABASE `+name); err != nil {
		admin.Close()
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		defer admin.Close()
		// FORCE: a test that failed half-way may leave connections open.
		if _, err := admin.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			tb.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}
