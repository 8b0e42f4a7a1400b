// Package sqlite is sitrep's embedded store: documents, their extracted
// facts and the incidents merged from them, in one SQLite file (pure-Go
// driver, so the binary needs no C toolchain).
//
// Schema changes are numbered SQL files embedded from migrations/; each is
// applied in its own transaction together with the version bump, so a
// crash never leaves the database half-migrated. The database runs in WAL
// mode so that readers (docs, events, the server) never block an ingest.
package sqlite
