package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/export"
	"github.com/spf13/cobra"
)

func (a *App) eventsCmd() *cobra.Command {
	var db, format string
	var f domain.IncidentFilter
	c := &cobra.Command{
		Use:   "events [--db PATH] [--from DATE] [--to DATE] [--type T] [--place P] [--actor A] [--outlet O] [--status S] [--format table|json|csv|geojson]",
		Short: "List incidents: events merged across reports, with sources and agreement",
		Long: `events prints the incidents in the store: each is one real-world occurrence
merged from the events that different reports give of it, with its reports,
the number of independent sources, its status (corroborated, single-source,
contested) and the fields on which sources disagree.

Formats: table (terminal default), json (one incident per line, the default
on a pipe), csv (ACLED's column names first, sitrep's own after them; diplomacy
is not exported, as ACLED does not code it), geojson (a FeatureCollection of
points).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fm, err := a.format(format, "table", "json", "csv", "geojson")
			if err != nil {
				return err
			}
			for _, d := range []string{f.From, f.To} {
				if d != "" && !isDate(d) {
					return fmt.Errorf("bad date %q: want YYYY-MM-DD", d)
				}
			}
			st, err := a.openStore(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			incs, _, err := st.Incidents(cmd.Context(), f)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(a.Stdout)
			defer out.Flush()
			if fm == "table" {
				writeIncidentTable(out, incs)
				return nil
			}
			return export.Write(out, fm, incs)
		},
	}
	c.Flags().StringVar(&db, "db", "", "store path (default $SITREP_DB, else ./sitrep.db)")
	c.Flags().StringVar(&format, "format", "", "table, json, csv or geojson (default: table on a terminal, json otherwise)")
	c.Flags().StringVar(&f.From, "from", "", "only incidents on or after this date (YYYY-MM-DD)")
	c.Flags().StringVar(&f.To, "to", "", "only incidents on or before this date (YYYY-MM-DD)")
	c.Flags().StringVar(&f.Type, "type", "", "event type or sub-event type")
	c.Flags().StringVar(&f.Place, "place", "", "place, admin1 or country (substring)")
	c.Flags().StringVar(&f.Actor, "actor", "", "actor (substring)")
	c.Flags().StringVar(&f.Outlet, "outlet", "", "outlet that reported it (substring)")
	c.Flags().StringVar(&f.Status, "status", "", "corroborated, single-source or contested")
	c.Flags().IntVar(&f.Limit, "limit", 0, "at most this many incidents (0: all)")
	return c
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func writeIncidentTable(w io.Writer, incs []domain.Incident) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tTYPE\tPLACE\tACTOR1\tKILLED\tSTATUS\tSOURCES\tREPORTS")
	for _, inc := range incs {
		place := ""
		if inc.Location != nil {
			place = inc.Location.Name
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", inc.ID, orDash(domain.Deref(inc.Date)),
			clip(inc.SubEventType, 30), orDash(place), clip(domain.Deref(inc.Actor1), 30), figure(inc.Fatalities),
			inc.Status, inc.IndependentSources, len(inc.Reports))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d incident(s)\n", len(incs))
}

func figure(f *domain.Figure) string {
	if f == nil || f.Best == nil {
		return "-"
	}
	if *f.Low == *f.High {
		return fmt.Sprintf("%g", *f.Best)
	}
	return fmt.Sprintf("%g (%g–%g)", *f.Best, *f.Low, *f.High)
}

func (a *App) incidentCmd() *cobra.Command {
	var db, format string
	c := &cobra.Command{
		Use:   "incident ID",
		Short: "Show one incident with all its reports side by side",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fm, err := a.format(format, "table", "json")
			if err != nil {
				return err
			}
			st, err := a.openStore(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			inc, err := st.Incident(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			out := bufio.NewWriter(a.Stdout)
			defer out.Flush()
			if fm == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(inc)
			}
			writeIncident(out, inc)
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "store path (default $SITREP_DB, else ./sitrep.db)")
	c.Flags().StringVar(&format, "format", "", "table or json (default: table on a terminal, json otherwise)")
	return c
}

func writeIncident(w io.Writer, inc domain.Incident) {
	fmt.Fprintf(w, "%s\n%s / %s\n", inc.ID, inc.EventType, inc.SubEventType)
	date := domain.Deref(inc.Date)
	if inc.DateEnd != nil {
		date += " to " + *inc.DateEnd
	}
	fmt.Fprintf(w, "date:     %s (precision %d)\n", orDash(date), inc.TimePrecision)
	if l := inc.Location; l != nil {
		fmt.Fprintf(w, "place:    %s", l.Name)
		if l.Admin1 != "" {
			fmt.Fprintf(w, ", %s", l.Admin1)
		}
		if l.Country != "" && l.Country != l.Name {
			fmt.Fprintf(w, ", %s", l.Country)
		}
		fmt.Fprintf(w, " (precision %d)\n", l.GeoPrecision)
	}
	fmt.Fprintf(w, "actors:   %s / %s\n", orDash(domain.Deref(inc.Actor1)), orDash(domain.Deref(inc.Actor2)))
	fmt.Fprintf(w, "killed:   %s   injured: %s\n", figure(inc.Fatalities), figure(inc.Injured))
	fmt.Fprintf(w, "status:   %s, %d independent source(s), %d report(s)\n", inc.Status, inc.IndependentSources, len(inc.Reports))
	for _, c := range inc.Conflicts {
		var vs []string
		for _, v := range c.Values {
			vs = append(vs, fmt.Sprintf("%v (%s)", v.Value, v.ClaimedBy))
		}
		fmt.Fprintf(w, "conflict: %s: %s\n", c.Field, strings.Join(vs, " vs "))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTLET\tWIRE\tCLAIMED BY\tDATE\tSOURCE\tEVIDENCE")
	for _, r := range inc.Reports {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", orDash(domain.Deref(r.Outlet)), orDash(domain.Deref(r.Wire)),
			clip(r.ClaimedBy, 30), orDash(domain.Deref(r.Date)), clip(r.Source, 8), "“"+clip(r.Text, 80)+"”")
	}
	tw.Flush()
}
