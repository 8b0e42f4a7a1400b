// Package storetest is the one test suite every sitrep store must pass:
// the SQLite and PostgreSQL stores promise the same contract (idempotent
// ingest, atomic batches, incidents independent of ingestion order,
// filters, pagination, search, tokens, not-found errors), and running the
// same cases against both is what keeps that promise.
//
// A store package calls Run from its own tests with a function that opens
// a fresh, empty store.
package storetest
