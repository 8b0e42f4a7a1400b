package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/spf13/cobra"
)

// inputFlags are shared by the commands that read articles.
type inputFlags struct {
	kbDir    string
	maxBytes int64
}

func (f *inputFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.kbDir, "kb", "", "directory of knowledge-base files that overlay the embedded ones")
	c.Flags().Int64Var(&f.maxBytes, "max-bytes", 10<<20, "refuse input files larger than this many bytes")
}

func (a *App) open(f inputFlags) (*pipeline.Pipeline, *reader.Reader, error) {
	k, err := kb.Load(f.kbDir)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.New(k)
	if err != nil {
		return nil, nil, err
	}
	return p, reader.New(reader.Options{MaxBytes: f.maxBytes}, a.Stdin), nil
}

func (a *App) extractCmd() *cobra.Command {
	var in inputFlags
	var format string
	c := &cobra.Command{
		Use:   "extract [--format json|table] INPUT...",
		Short: "Print what sitrep reads in each document (JSON Lines per the output contract)",
		Long: `extract reads each INPUT (a file, a directory read recursively, or - for
standard input) and prints one JSON object per document: its source, cleaned
text, entities, dates, quantities and events. On a terminal the default is a
short table; --format json gives JSON Lines (the default on a pipe).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fm, err := a.format(format, "json", "table")
			if err != nil {
				return err
			}
			p, rd, err := a.open(in)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(a.Stdout)
			defer out.Flush()
			var tw *tabwriter.Writer
			if fm == "table" {
				tw = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "PATH\tOUTLET\tPUBLISHED\tHEADLINE\tENT\tDATES\tQTY\tEVENTS")
			}
			failed := 0
			err = process(cmd.Context(), p, rd, args, true, func(o outcome) error {
				if o.err != nil {
					failed++
					fmt.Fprintf(a.Stderr, "sitrep: %v\n", o.err)
					return nil
				}
				if tw != nil {
					writeDocRow(tw, o.doc)
					return nil
				}
				return writeJSONLine(out, o.doc)
			})
			if tw != nil {
				tw.Flush()
			}
			if err != nil {
				return err
			}
			if failed > 0 {
				out.Flush()
				fmt.Fprintf(a.Stderr, "sitrep: %d input(s) failed\n", failed)
				return errPartial
			}
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&format, "format", "", "output format: json or table (default: table on a terminal, json otherwise)")
	return c
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

func writeDocRow(w io.Writer, d domain.Document) {
	pub := domain.Deref(d.Source.Published)
	if d.Source.PublishedBasis == domain.PublishedInferred {
		pub += "~"
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\n", d.Source.Path, orDash(domain.Deref(d.Source.Outlet)),
		orDash(pub), clip(domain.Deref(d.Source.Headline), 60), len(d.Entities), len(d.Dates),
		len(d.Quantities), len(d.Events))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to n runes for a table cell.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return orDash(s)
	}
	return string(r[:n-1]) + "…"
}
