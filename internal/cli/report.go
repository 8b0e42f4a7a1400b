package cli

import (
	"bufio"
	"fmt"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/report"
	"github.com/spf13/cobra"
)

func (a *App) reportCmd() *cobra.Command {
	var db, date, format string
	var f domain.IncidentFilter
	c := &cobra.Command{
		Use:   "report [--db PATH] [--date D] [--from D --to D] [--place P] [--format md|html]",
		Short: "Write a situation report: key developments, humanitarian situation, figures, contested claims",
		Long: `report writes a situation report for one day (--date, default: the latest day
with incidents) or a period (--from/--to), optionally for one place
(--place, matched as in 'sitrep events'). Every sentence cites the incidents
it rests on as footnotes, and the notes name the outlets and claimants, so
each statement can be traced back to its reports.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "md" && format != "html" {
				return fmt.Errorf("unknown --format %q (want md or html)", format)
			}
			if date != "" && (f.From != "" || f.To != "") {
				return fmt.Errorf("--date cannot be combined with --from/--to")
			}
			for _, d := range []string{date, f.From, f.To} {
				if d != "" && !isDate(d) {
					return fmt.Errorf("bad date %q: want YYYY-MM-DD", d)
				}
			}
			st, err := a.openStore(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			if date == "" && f.From == "" && f.To == "" {
				all, _, err := st.Incidents(cmd.Context(), domain.IncidentFilter{Place: f.Place})
				if err != nil {
					return err
				}
				date = report.LatestDay(all)
			}
			if date != "" {
				f.From, f.To = date, date
			}
			incs, _, err := st.Incidents(cmd.Context(), f)
			if err != nil {
				return err
			}
			r := report.Build(incs, report.Options{From: f.From, To: f.To, Place: f.Place})
			out := bufio.NewWriter(a.Stdout)
			if err := r.Write(out, format); err != nil {
				return err
			}
			return out.Flush()
		},
	}
	c.Flags().StringVar(&db, "db", "", "store path (default $SITREP_DB, else ./sitrep.db)")
	c.Flags().StringVar(&date, "date", "", "the day to report on (YYYY-MM-DD; default: the latest day with incidents)")
	c.Flags().StringVar(&f.From, "from", "", "start of the period (YYYY-MM-DD)")
	c.Flags().StringVar(&f.To, "to", "", "end of the period (YYYY-MM-DD)")
	c.Flags().StringVar(&f.Place, "place", "", "place, admin1 or country (substring)")
	c.Flags().StringVar(&format, "format", "md", "md or html")
	return c
}
