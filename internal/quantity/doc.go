// Package quantity finds the counts a conflict report gives (killed,
// injured, displaced, evacuated, detained, equipment destroyed, share of
// territory...) with their bounds and subjects, so that figures from
// different reports can be compared and merged.
//
// Kind words and subject nouns are data (internal/kb/data/lexicon/
// quantity_*.tsv) so analysts can extend them without touching code.
package quantity
