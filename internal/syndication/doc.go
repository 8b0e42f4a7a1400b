// Package syndication tells when two reports are one source: copies of
// one wire story, or near-verbatim rewrites of another outlet's text.
//
// Each body gets a MinHash signature over word 3-shingles; bands of the
// signature (locality-sensitive hashing) find candidate pairs without
// comparing every pair, and the signatures' agreement estimates their
// Jaccard similarity. A syndicated rewrite keeps roughly half of its
// shingles, an unrelated story on the same event almost none, so the
// threshold sits well between the two.
package syndication
