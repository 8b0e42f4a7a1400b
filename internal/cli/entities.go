package cli

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/spf13/cobra"
)

// entityRow aggregates the mentions of one entity over documents.
type entityRow struct {
	Type      string         `json:"type"`
	Canonical string         `json:"canonical"`
	KBID      *string        `json:"kb_id"`
	Mentions  int            `json:"mentions"`
	Documents int            `json:"documents"`
	Forms     []string       `json:"forms"`
	Labels    map[string]int `json:"labels,omitempty"`
}

type entityTally struct {
	rows map[string]*entityRow
	seen map[string]map[string]bool
}

func (t *entityTally) add(docKey string, ents []domain.Entity) {
	for _, e := range ents {
		key := e.Type + "\x00" + e.Canonical
		r := t.rows[key]
		if r == nil {
			r = &entityRow{Type: e.Type, Canonical: e.Canonical, KBID: e.KBID}
			t.rows[key] = r
			t.seen[key] = map[string]bool{}
		}
		r.Mentions++
		if !t.seen[key][docKey] {
			t.seen[key][docKey] = true
			r.Documents++
		}
		if !contains(r.Forms, e.Text) {
			r.Forms = append(r.Forms, e.Text)
		}
		if e.Label != "" {
			if r.Labels == nil {
				r.Labels = map[string]int{}
			}
			r.Labels[e.Label]++
		}
	}
}

// sorted orders by mentions, then type and name, so output is stable.
func (t *entityTally) sorted() []*entityRow {
	out := make([]*entityRow, 0, len(t.rows))
	for _, r := range t.rows {
		sort.Strings(r.Forms)
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Canonical < out[j].Canonical
	})
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func (a *App) entitiesCmd() *cobra.Command {
	var in inputFlags
	var db, format, typ string
	c := &cobra.Command{
		Use:   "entities [--format table|json] [--type T] [INPUT... | --db PATH]",
		Short: "List the people, organisations, armed groups and places mentioned",
		Long: `entities reads INPUTs (or, with none, the documents stored in --db) and
lists each entity once with its canonical name, knowledge-base id, number of
mentions and documents, the surface forms used, and the labels outlets gave
it ("rebels", "terrorists", ...).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			fm, err := a.format(format, "json", "table")
			if err != nil {
				return err
			}
			tally := &entityTally{rows: map[string]*entityRow{}, seen: map[string]map[string]bool{}}
			failed := 0
			if len(args) == 0 {
				st, err := a.openStore(cmd.Context(), db)
				if err != nil {
					return err
				}
				defer st.Close()
				recs, err := st.Documents(cmd.Context(), domain.DocumentFilter{})
				if err != nil {
					return err
				}
				for _, r := range recs {
					tally.add(r.ID, r.Document.Entities)
				}
			} else {
				p, rd, err := a.open(in)
				if err != nil {
					return err
				}
				err = process(cmd.Context(), p, rd, args, true, func(o outcome) error {
					if o.err != nil {
						failed++
						fmt.Fprintf(a.Stderr, "sitrep: %v\n", o.err)
						return nil
					}
					tally.add(o.raw.Path, o.doc.Entities)
					return nil
				})
				if err != nil {
					return err
				}
			}
			out := bufio.NewWriter(a.Stdout)
			defer out.Flush()
			rows := tally.sorted()
			var tw *tabwriter.Writer
			if fm == "table" {
				tw = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "TYPE\tCANONICAL\tKB_ID\tMENTIONS\tDOCS\tFORMS")
			}
			for _, r := range rows {
				if typ != "" && !strings.EqualFold(typ, r.Type) {
					continue
				}
				if tw == nil {
					if err := writeJSONLine(out, r); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", r.Type, clip(r.Canonical, 40), orDash(domain.Deref(r.KBID)),
					r.Mentions, r.Documents, clip(strings.Join(r.Forms, "; "), 60))
			}
			if tw != nil {
				tw.Flush()
			}
			if failed > 0 {
				return errPartial
			}
			return nil
		},
	}
	in.register(c)
	c.Flags().StringVar(&db, "db", "", "store to read when no INPUT is given (default $SITREP_DB, else ./sitrep.db)")
	c.Flags().StringVar(&format, "format", "", "table or json (default: table on a terminal, json otherwise)")
	c.Flags().StringVar(&typ, "type", "", "only this type: PERSON, ORGANIZATION, ARMED_GROUP or PLACE")
	return c
}

func (a *App) kbCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "kb",
		Short: "Work with the knowledge base (actors, gazetteer, lexicons)",
	}
	var dir string
	check := &cobra.Command{
		Use:   "check [--kb DIR]",
		Short: "Validate the knowledge-base files (embedded, plus an overlay directory)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := kb.Load(dir)
			if err != nil {
				return err
			}
			problems := k.Check()
			for _, p := range problems {
				fmt.Fprintln(a.Stdout, p)
			}
			if len(problems) > 0 {
				return fmt.Errorf("knowledge base: %d problem(s)", len(problems))
			}
			fmt.Fprintln(a.Stdout, "knowledge base: ok")
			return nil
		},
	}
	check.Flags().StringVar(&dir, "kb", "", "directory of knowledge-base files that overlay the embedded ones")
	c.AddCommand(check)
	return c
}
