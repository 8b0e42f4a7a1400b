package cli

import (
	"bufio"
	"fmt"
	"text/tabwriter"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/spf13/cobra"
)

func (a *App) docsCmd() *cobra.Command {
	var db, format, outlet string
	var limit int
	c := &cobra.Command{
		Use:   "docs [--db PATH] [--format table|json] [--outlet NAME] [--limit N]",
		Short: "List the documents in the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fm, err := a.format(format, "json", "table")
			if err != nil {
				return err
			}
			st, err := a.openStore(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			recs, err := st.Documents(cmd.Context(), domain.DocumentFilter{Outlet: outlet, Limit: limit})
			if err != nil {
				return err
			}
			out := bufio.NewWriter(a.Stdout)
			defer out.Flush()
			if fm == "json" {
				for _, r := range recs {
					if err := writeJSONLine(out, storedDoc{ID: r.ID, IngestedAt: r.IngestedAt.Format("2006-01-02T15:04:05Z07:00"), Document: r.Document}); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tOUTLET\tPUBLISHED\tHEADLINE\tPATH")
			for _, r := range recs {
				d := r.Document
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID[:12], orDash(domain.Deref(d.Source.Outlet)),
					orDash(domain.Deref(d.Source.Published)), clip(domain.Deref(d.Source.Headline), 60), d.Source.Path)
			}
			tw.Flush()
			fmt.Fprintf(out, "%d document(s)\n", len(recs))
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "store path (default $SITREP_DB, else ./sitrep.db)")
	c.Flags().StringVar(&format, "format", "", "table or json (default: table on a terminal, json otherwise)")
	c.Flags().StringVar(&outlet, "outlet", "", "only documents of this outlet")
	c.Flags().IntVar(&limit, "limit", 0, "at most this many documents (0: all)")
	return c
}

// storedDoc is a stored document as `docs --format json` prints it: the
// extract contract plus the store's id.
type storedDoc struct {
	ID         string `json:"id"`
	IngestedAt string `json:"ingested_at"`
	domain.Document
}
