// Package kb loads sitrep's knowledge base: the plain data files that
// analysts read and edit (actors, gazetteer, outlets, trigger lexicons).
//
// The default files are embedded in the binary from data/. A user's
// directory given with --kb overlays them: a file with the same relative
// path adds its lines to the embedded ones (later lines win where a file
// type has keys), so a local list never has to repeat the shipped one.
package kb
