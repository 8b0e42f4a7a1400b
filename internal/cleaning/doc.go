// Package cleaning turns a reader.Raw into the Document the extraction
// stages read: the article body alone (no navigation, captions, share
// lines, bylines or datelines) and the metadata that identifies the report
// (headline, outlet, wire agency, publication date).
//
// It exists because every later stage counts on Text being the article's
// own words: a caption read as body invents an event, a "Related articles"
// list invents five. Cleaning therefore weighs several general signals
// (line shape, position, links, a phrase lexicon, lines that recur across
// an outlet's documents) rather than any one site's layout.
package cleaning
