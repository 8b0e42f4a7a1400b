// Package temporal finds the time expressions of a news report and resolves
// them to calendar values against the publication date.
//
// News prose dates events relative to the day of writing ("on Wednesday",
// "earlier on Friday", "the previous three days"), so most of what an
// analyst needs is anchoring rather than parsing. The package is a
// hand-built scanner over pre-lowercased text, in the spirit of HeidelTime
// and SUTime, because general date-parsing libraries cost milliseconds per
// paragraph and do not know news conventions (a bare weekday is in the past
// week; "overnight" is the night before publication).
package temporal
