// Command sitrep turns news reports about wars into one sourced,
// verifiable event record. See README.md, or run `sitrep --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/sitrep/sitrep/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.New(os.Stdin, os.Stdout, os.Stderr, os.Getenv).Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
