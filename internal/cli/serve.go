package cli

import (
	"context"
	"fmt"
	"io"
	"net"

	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/spf13/cobra"
)

func (a *App) serveCmd() *cobra.Command {
	var in inputFlags
	var db, addr string
	c := &cobra.Command{
		Use:   "serve [--db PATH] [--addr 127.0.0.1:8080]",
		Short: "Serve the web UI and the JSON API over a store",
		Long: `serve answers HTTP on --addr: the web UI (timeline, map, incident pages with
the reports side by side, outlet comparison, search) at /, and the JSON API
under /api/ (described at /api/openapi.json). Every asset is built into the
binary; no request leaves the machine. POST /api/documents needs a token
from 'sitrep token create'. Stop with Ctrl-C.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			p, _, err := a.open(in)
			if err != nil {
				return err
			}
			st, err := a.openStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			return a.serve(ctx, st, p, addr, a.Stdout)
		},
	}
	in.register(c)
	c.Flags().StringVar(&db, "db", "", "store path (default $SITREP_DB, else ./sitrep.db)")
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	return c
}

// serve listens on addr, prints the URL to out and serves st until ctx
// is cancelled (Ctrl-C).
func (a *App) serve(ctx context.Context, st server.Store, p *pipeline.Pipeline, addr string, out io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	fmt.Fprintf(out, "sitrep: serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	srv := server.New(st, p, server.Options{Log: a.Log, Now: a.Now})
	return server.Serve(ctx, ln, srv, a.Log)
}
