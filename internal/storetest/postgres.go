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

// PostgresDSN creates an empty schema for one test (or benchmark) in the
// database $SITREP_TEST_POSTGRES names, drops it when the test ends and
// returns a DSN whose search_path is that schema, so the store under test
// sees nothing else. (A schema is several times quicker to make than a
// database.) Without the variable the test is skipped, saying so.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(PostgresEnv)
	if dsn == "" {
		tb.Skip(PostgresEnv + " is not set: skipping PostgreSQL tests (set it to a postgres:// URL of a database where the user may CREATE SCHEMA; .ci/run does)")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	b := make([]byte, 8)
	rand.Read(b)
	name := "sitrep_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(context.Background(), `CREATE SCHEMA `+name); err != nil {
		admin.Close()
		tb.Fatalf("create test schema: %v", err)
	}
	tb.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA IF EXISTS `+name+` CASCADE`); err != nil {
			tb.Errorf("drop test schema %s: %v", name, err)
		}
	})
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}
