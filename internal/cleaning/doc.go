// Package cleaning turns a reader.Raw into the Document the extraction
// stages read: the article body alone (no navigation, captions, share
// lines, bylines or datelines) and the metadata that identifies the report
// (headline, outlet, wire agency, publication date).
//
// It exists because every later stage counts on Text being the article's
// own words: a caption read as body invents an event, a "Related articles"
// list invents five. Cleaning therefore weighs several general signals
// rather than any one site's layout:
//
//   - line shape: a paragraph ends like a sentence; a line without final
//     punctuation is a title, a subheading or navigation;
//   - position: what precedes the headline of a text page is the site's
//     header; a "Related articles" or "Comments" line after the body ends
//     the article;
//   - links and identifiers: URLs, domains, UUIDs, glued breadcrumbs;
//   - lexicons in the knowledge base: chrome phrases (chrome.tsv), caption
//     cues and picture agencies (chrome-captions.tsv), agencies credited
//     (wire.tsv), outlets with their domains and names (outlets.tsv);
//   - recurrence: lines that several different stories of one outlet share
//     in a batch (Cleaner.Learn).
//
// Decisions a reader of the output should know:
//
//   - Subheadings inside the body (short lines without final punctuation
//     between paragraphs) are dropped from Text: they are not sentences,
//     repeat what the paragraphs say, and would be read as events twice.
//   - Captions (a line ending in a photo credit, a line followed by a
//     credit line, a caption opener such as "File photo", or an uncredited
//     present-tense description with a full date) go to Source.Captions
//     with their credits, never to Text.
//   - The dateline ("KYIV (Reuters) -") is cut from the first paragraph
//     into Source.Dateline; a wire credit closing the last paragraph
//     (" - AFP") is cut too. Both name Source.Wire.
//   - Publication dates are "stated" only when the input's metadata or a
//     date line of the page gives them (a dated dateline or a date in the
//     URL count too); only the calendar date as written is kept. Otherwise
//     the basis is "unknown" and the pipeline infers one.
//   - The outlet comes from metadata (site name, domain), else from the
//     page's own cues (its name alone on a line, its domain or name in the
//     chrome, a title suffix), else from the credited agency.
package cleaning
