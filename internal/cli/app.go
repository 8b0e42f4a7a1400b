package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit statuses.
const (
	exitOK      = 0
	exitPartial = 1
	exitFatal   = 2
)

// errPartial marks a run in which some inputs failed but the rest went on.
var errPartial = errors.New("some inputs failed")

// App carries what commands need from the outside world, so tests can run
// the real commands in-process with their own streams, environment and
// clock.
type App struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time
	// IsTerminal tells whether a stream is an interactive terminal (tables
	// and progress bars) or a pipe (JSON Lines, quiet).
	IsTerminal func(w any) bool
	Log        *slog.Logger
}

// New returns an App bound to the process's streams.
func New(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *App {
	return &App{
		Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: getenv,
		Now: time.Now,
		IsTerminal: func(w any) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
		Log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
}

// Run executes one command line and returns the exit status.
func (a *App) Run(ctx context.Context, args []string) int {
	root := a.root()
	root.SetArgs(args)
	root.SetIn(a.Stdin)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errPartial):
		return exitPartial
	default:
		fmt.Fprintln(a.Stderr, "sitrep:", err)
		return exitFatal
	}
}

func (a *App) root() *cobra.Command {
	root := &cobra.Command{
		Use:   "sitrep",
		Short: "Turn news reports about wars into one sourced, verifiable event record",
		Long: `sitrep reads news articles (text pages, HTML, RSS/Atom feeds, JSON Lines of
scraped articles), cleans them, and extracts who did what, where, when and how
many, with who claims it and the exact words it came from.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(a.extractCmd(), a.ingestCmd(), a.docsCmd(), a.entitiesCmd(), a.eventsCmd(), a.incidentCmd(), a.kbCmd(), a.synthCmd(), a.serveCmd(), a.tokenCmd(), a.reportCmd(), a.demoCmd(),
		a.enqueueCmd(), a.workerCmd(), a.watchCmd())
	return root
}

// dbPath resolves the store location: the flag, else $SITREP_DB, else
// ./sitrep.db.
func (a *App) dbPath(flag string) string {
	if flag != "" {
		return flag
	}
	if v := a.Getenv("SITREP_DB"); v != "" {
		return v
	}
	return "sitrep.db"
}

// format resolves --format: an explicit value wins; otherwise a table on a
// terminal and JSON Lines on a pipe.
func (a *App) format(flag string, allowed ...string) (string, error) {
	if flag == "" {
		if a.IsTerminal(a.Stdout) {
			return "table", nil
		}
		return "json", nil
	}
	for _, f := range allowed {
		if f == flag {
			return flag, nil
		}
	}
	return "", fmt.Errorf("unknown --format %q (want one of %v)", flag, allowed)
}
