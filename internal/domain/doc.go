// Package domain holds the types that flow through sitrep's pipeline:
// a Document read from an input, the facts extracted from its text
// (Entity, DateMention, Quantity, Event), and the Incident that merges the
// events several reports give of one occurrence.
//
// The package does no I/O. Its JSON field names are the output contract
// (docs/output.md mirrors ../shared/spec/output.md), so renaming a field here
// is a breaking change for every consumer of `sitrep extract`.
package domain
