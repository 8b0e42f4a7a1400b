// Package sentence splits a cleaned article body into sentences with exact
// byte offsets, because every later stage (attribution, events) reasons per
// sentence or clause and must point back at the words it read.
package sentence
