package bench_test

import (
	"fmt"

	"github.com/sitrep/sitrep/internal/bench"
)

func ExampleCorpus() {
	raws, err := bench.Corpus(7, 3)
	if err != nil {
		panic(err)
	}
	for _, r := range raws {
		fmt.Println(r.Path, r.Format)
	}
	// Output:
	// -#1 jsonl
	// -#2 jsonl
	// -#3 jsonl
}
