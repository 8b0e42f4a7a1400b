// Package bench measures sitrep's throughput stage by stage on a synthetic
// corpus (internal/synth), so that the speed targets of docs/performance.md
// are checked by `go test -bench` rather than by timed tests, and a
// regression shows up as a number next to the stage that caused it.
package bench
