// Package postgres is sitrep's shared store: the same documents, facts and
// incidents as internal/sqlite, in a PostgreSQL database that many
// processes on many machines can ingest into at once.
//
// It keeps the SQLite store's exported contract method for method (the
// shared suite in internal/storetest runs against both), so the command
// line and the HTTP API need not know which one they hold. Incident
// merging runs the store-agnostic algorithm of internal/incident inside
// the ingest transaction, serialised by a transaction-scoped advisory
// lock, so concurrent ingests give the same incidents as one ingest.
//
// The schema avoids what PostgreSQL-wire distributed engines lack where it
// can: no triggers, no LISTEN/NOTIFY, no sequences (ordering comes from a
// seq computed under the merge lock). See docs/design.md, "Distributed
// engines". It also holds the work queue (see Queue) and the feed polling
// state of `sitrep watch`.
package postgres
