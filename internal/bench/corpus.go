package bench

import (
	"bytes"
	"context"
	"fmt"

	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/synth"
)

// JSONL returns n synthetic articles (deterministic for seed) as the JSON
// Lines that `sitrep synth` prints.
func JSONL(seed uint64, n int) ([]byte, error) {
	var buf bytes.Buffer
	if err := synth.Generate(&buf, seed, n); err != nil {
		return nil, fmt.Errorf("synthetic corpus (seed %d, n %d): %w", seed, n, err)
	}
	return buf.Bytes(), nil
}

// Corpus returns n synthetic articles (deterministic for seed) as the
// reader gives them to the pipeline: through the same JSON Lines path as
// `sitrep ingest corpus.jsonl`.
func Corpus(seed uint64, n int) ([]reader.Raw, error) {
	data, err := JSONL(seed, n)
	if err != nil {
		return nil, err
	}
	return Read(data)
}

// Read parses JSON Lines input as `sitrep ingest -` would.
func Read(data []byte) ([]reader.Raw, error) {
	var raws []reader.Raw
	rd := reader.New(reader.Options{}, bytes.NewReader(data))
	err := rd.Each(context.Background(), []string{"-"}, func(r reader.Raw, err error) error {
		if err != nil {
			return err
		}
		raws = append(raws, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read synthetic corpus: %w", err)
	}
	return raws, nil
}
