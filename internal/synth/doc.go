// Package synth generates synthetic news articles for benchmarks and load
// tests: deterministic for a seed, shaped like real wire copy (headline,
// dateline, attributed figures, relative dates, quotes, page chrome), and
// varied enough that merging, deduplication and the store see realistic
// work. The articles are sitrep's own invention; none is a real report.
package synth
