// Package attribution decides who asserts each stretch of an article: the
// named speaker of a quotation or reported clause, or the article's own
// voice. Figures and events in conflict reporting are claims, and a claim is
// only as good as its claimant.
package attribution
