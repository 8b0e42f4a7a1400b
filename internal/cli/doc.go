// Package cli is the sitrep command line: one subcommand per job
// (extract, ingest, docs, entities, kb check, ...), each a thin layer that
// parses flags, opens what it needs and hands the work to the pipeline and
// the store. Exit status: 0 all went well, 1 some inputs failed (the rest
// were processed), 2 the command could not run at all.
package cli
