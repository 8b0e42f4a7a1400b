// Package event reads the occurrences an article reports (battles, strikes,
// ceasefires, talks...) out of its sentences, typed by the taxonomy of the
// output contract, with actors, place, date and claimant.
package event
