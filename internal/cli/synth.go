package cli

import (
	"bufio"

	"github.com/sitrep/sitrep/internal/synth"
	"github.com/spf13/cobra"
)

func (a *App) synthCmd() *cobra.Command {
	var n int
	var seed uint64
	c := &cobra.Command{
		Use:   "synth [--n N] [--seed S]",
		Short: "Print a synthetic corpus (JSON Lines records) for benchmarks and load tests",
		Long: `synth prints N invented articles as JSON Lines records, deterministic for a
seed, shaped like wire copy (figures, attributions, relative dates, chrome;
every fifth one a syndicated copy). Pipe it to a file and ingest it to measure
throughput: sitrep synth --n 100000 > corpus.jsonl && sitrep ingest corpus.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			w := bufio.NewWriter(a.Stdout)
			defer w.Flush()
			return synth.Generate(w, seed, n)
		},
	}
	c.Flags().IntVar(&n, "n", 1000, "number of articles")
	c.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	return c
}
