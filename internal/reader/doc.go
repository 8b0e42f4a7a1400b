// Package reader turns sitrep's inputs (files, directories, stdin) into one
// Raw document per article, whatever shape the article arrived in: a text
// dump of a web page, an HTML page, an RSS or Atom feed, or JSON Lines
// written by a news scraper.
//
// It exists so that the later stages see a single, small shape (UTF-8 body
// text plus the metadata the input stated) and never have to care about
// encodings, markup or feed formats. The format is chosen by sniffing the
// content, not by trusting the file extension, because scraped corpora are
// routinely misnamed.
//
// Bad input never stops a batch: each unreadable file (or JSON line) is
// passed to the callback as one error naming the input, and reading goes on.
package reader
