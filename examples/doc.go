// Package examples carries the team's example corpus inside the binary,
// so that `sitrep demo` and the UI tests run anywhere without the source
// tree: fictional articles in every input format, and the knowledge-base
// overlay that names their invented outlets.
package examples
