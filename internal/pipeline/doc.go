// Package pipeline runs sitrep's stages on one input document, in the
// order docs/design.md draws: clean, date the document, split sentences,
// find entities, dates and quantities, attribute them, extract events.
//
// A Pipeline is built once (the knowledge base and the matchers it feeds
// are expensive) and is then safe for concurrent use, so callers process
// documents on as many goroutines as they have cores.
package pipeline
