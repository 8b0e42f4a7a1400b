// Package quantity finds the counts a conflict report gives (killed,
// injured, displaced, evacuated, detained, surrendered, trapped, equipment
// destroyed, share of territory, other tracked counts) with their bounds
// and subjects, so that figures from different reports can be compared and
// merged.
//
// A figure is a number phrase ("at least 18", "two dozen", "tens of
// thousands") with the noun it counts and the words that say what happened
// to it, read before ("killing 17 militants"), after ("18 civilians had
// been killed") or inside the noun phrase ("76 injured people"). Years,
// dates, ages, distances, durations, money and codes are not counts.
//
// The vocabulary is data, so analysts can extend it without touching code:
// internal/kb/data/lexicon/quantity_kinds.tsv (kind words),
// quantity_subjects.tsv (counted nouns), quantity_units.tsv (measures that
// make a number not a count) and quantity_territory.tsv (what makes a
// percentage a share of territory).
package quantity
