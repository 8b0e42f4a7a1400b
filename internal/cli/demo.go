package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/sitrep/sitrep/examples"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/sqlite"
	"github.com/spf13/cobra"
)

func (a *App) demoCmd() *cobra.Command {
	var addr string
	var noServe bool
	c := &cobra.Command{
		Use:   "demo [--addr 127.0.0.1:8080] [--no-serve]",
		Short: "Read the bundled example articles into a temporary store and serve the UI",
		Long: `demo reads the example corpus built into the binary (fictional articles in
every input format: text, HTML, RSS, Atom, JSON Lines) into a temporary store,
prints the documents and the incidents merged from them, and serves the web
UI on --addr until Ctrl-C. With --no-serve it prints the tables and exits.
The temporary store is removed on exit.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			dir, err := os.MkdirTemp("", "sitrep-demo-")
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			defer os.RemoveAll(dir)
			st, p, err := a.demoStore(ctx, dir)
			if err != nil {
				return err
			}
			defer st.Close()
			out := bufio.NewWriter(a.Stdout)
			if err := writeDemoTables(ctx, out, st); err != nil {
				return err
			}
			if err := out.Flush(); err != nil {
				return err
			}
			if noServe {
				return nil
			}
			return a.serve(ctx, st, p, addr, a.Stdout)
		},
	}
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	c.Flags().BoolVar(&noServe, "no-serve", false, "print what was read and exit")
	return c
}

// demoStore copies the embedded examples into dir and ingests them into a
// store at dir/sitrep.db; it returns the store and the pipeline built with
// the examples' knowledge-base overlay, for articles posted later. Paths
// are recorded relative to dir, so the tables do not depend on where the
// temporary directory is.
func (a *App) demoStore(ctx context.Context, dir string) (*sqlite.Store, *pipeline.Pipeline, error) {
	if err := examples.CopyTo(dir); err != nil {
		return nil, nil, err
	}
	p, rd, err := a.open(inputFlags{kbDir: filepath.Join(dir, examples.KB), maxBytes: 10 << 20})
	if err != nil {
		return nil, nil, err
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "sitrep.db"))
	if err != nil {
		return nil, nil, fmt.Errorf("demo store: %w", err)
	}
	prefix := dir + string(filepath.Separator)
	var recs []domain.Record
	err = process(ctx, p, rd, []string{filepath.Join(dir, examples.Corpus)}, true, func(o outcome) error {
		if o.err != nil {
			fmt.Fprintf(a.Stderr, "sitrep demo: %v\n", strings.ReplaceAll(o.err.Error(), prefix, ""))
			return nil
		}
		o.doc.Source.Path = filepath.ToSlash(strings.TrimPrefix(o.doc.Source.Path, prefix))
		recs = append(recs, domain.Record{ID: o.doc.Fingerprint(), Document: o.doc, Raw: o.raw.Raw, IngestedAt: a.Now().UTC()})
		return nil
	})
	if err == nil {
		_, err = st.PutDocuments(ctx, recs)
	}
	if err != nil {
		st.Close()
		return nil, nil, fmt.Errorf("demo: ingest examples: %w", err)
	}
	return st, p, nil
}

func writeDemoTables(ctx context.Context, w io.Writer, st store) error {
	recs, err := st.Documents(ctx, domain.DocumentFilter{})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Documents read from the example corpus:")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PATH\tFORMAT\tOUTLET\tPUBLISHED\tHEADLINE\tEVENTS")
	for _, r := range recs {
		d := r.Document
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", d.Source.Path, orDash(d.Source.Format), orDash(domain.Deref(d.Source.Outlet)),
			orDash(domain.Deref(d.Source.Published)), clip(domain.Deref(d.Source.Headline), 50), len(d.Events))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d document(s)\n\nIncidents merged from them:\n", len(recs))
	incs, _, err := st.Incidents(ctx, domain.IncidentFilter{})
	if err != nil {
		return err
	}
	writeIncidentTable(w, incs)
	return nil
}
