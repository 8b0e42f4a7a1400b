// Package report writes situation reports from the incident record, in
// the style humanitarian coordination offices publish them: key
// developments, the humanitarian situation, figures with their sources and
// the claims that sources contest. A report states nothing it cannot cite:
// every sentence ends with footnotes naming the incidents it rests on, and
// the notes name the outlets and claimants behind each incident, so a
// reader can go back to the articles.
package report
