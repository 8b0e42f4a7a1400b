package cli

import (
	"context"
	"runtime"
	"sync"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/reader"
)

// chunkSize bounds how many documents are held in memory at once; it is
// also the window in which the cleaner looks for lines that recur across
// one outlet's pages.
const chunkSize = 256

// outcome is one input document after the pipeline, or the reason it
// could not be read.
type outcome struct {
	raw reader.Raw
	doc domain.Document
	err error
}

// process reads the inputs and runs the pipeline on all cores, chunk by
// chunk, calling emit in input order so output is deterministic. A bad
// input becomes an outcome with err set; it never stops the batch. emit
// returning an error stops it.
func process(ctx context.Context, p *pipeline.Pipeline, rd *reader.Reader, inputs []string,
	analyse bool, emit func(outcome) error) error {
	var chunk []outcome
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		run(ctx, p, chunk, analyse)
		for _, o := range chunk {
			if err := emit(o); err != nil {
				return err
			}
		}
		chunk = chunk[:0]
		return ctx.Err()
	}
	err := rd.Each(ctx, inputs, func(r reader.Raw, err error) error {
		chunk = append(chunk, outcome{raw: r, err: err})
		if len(chunk) == chunkSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// run fills doc (or err) of every outcome in the chunk, in parallel.
func run(ctx context.Context, p *pipeline.Pipeline, chunk []outcome, analyse bool) {
	var batch []reader.Raw
	for _, o := range chunk {
		if o.err == nil {
			batch = append(batch, o.raw)
		}
	}
	p.Learn(batch)
	workers := runtime.GOMAXPROCS(0)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o := &chunk[i]
				if analyse {
					o.doc, o.err = p.Extract(o.raw)
				} else {
					o.doc, o.err = p.Clean(o.raw)
				}
			}
		}()
	}
	for i := range chunk {
		if chunk[i].err != nil || ctx.Err() != nil {
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
}
