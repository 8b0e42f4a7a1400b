// Package kb loads sitrep's knowledge base: the plain data files that
// analysts read and edit (actors, gazetteer, outlets, trigger lexicons).
//
// The default files are embedded in the binary from data/. A user's
// directory given with --kb overlays them: a file with the same relative
// path adds its lines to the embedded ones (later lines win where a file
// type has keys), so a local list never has to repeat the shipped one.
//
// Beyond the raw files and lexicons, the package gives structured access
// to who and where: actors (data/actors/*.yaml, plus per-country actors
// made from templates.tsv, such as "Military Forces of Syria"), offices
// with dates so that a role resolves to its holder on a given day
// (Holder), countries with demonyms and capitals (Country), and places
// from hand-written files and a generated GeoNames extract (Place,
// PlacesNamed). Names are compared in a folded form (Fold) that ignores
// case, diacritics, hyphens and apostrophes, because outlets spell the
// same name many ways. Check validates all of it for `sitrep kb check`.
package kb
