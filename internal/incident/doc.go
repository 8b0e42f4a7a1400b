// Package incident merges the events that different reports give of one
// real-world occurrence into an Incident, and judges it: how many
// independent sources carry it, whether they agree, and what the figures
// are as low/best/high over the claims (UCDP's convention).
//
// Merging must not depend on the order documents arrive in: Build sorts
// the reports into one canonical order and clusters them greedily in that
// order, so the same set of reports always gives the same incidents, and
// a new article simply joins (or starts) an incident when the set is
// rebuilt. A cluster is anchored on its earliest report and accepts a
// report only if it is compatible with every member, which keeps daily
// shelling of one town from chaining into a month-long "incident".
package incident
