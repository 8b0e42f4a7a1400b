package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the sitrep executable these end-to-end tests run, built once
// by TestMain from this package's source so the tests see exactly what a
// user would.
var binary string

func TestMain(m *testing.M) {
	if out := os.Getenv(rssWrapEnv); out != "" {
		os.Exit(rssWrap(out, os.Args[1:]))
	}
	os.Exit(runTests(m))
}

// rssWrapEnv makes the test binary a small wrapper that runs one command
// and writes its peak RSS to the file the variable names. Linux counts the
// spawning process's resident set into a child's peak (the child shares
// its memory between fork and exec), so a child spawned straight from a
// busy test process, under -race especially, reports the test's memory
// rather than its own; spawned from this fresh wrapper it reports its own.
const rssWrapEnv = "SITREP_E2E_RSS_FILE"

func rssWrap(out string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = os.Environ()
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "rss wrapper:", err)
		return 2
	}
	if err := os.WriteFile(out, []byte(fmt.Sprint(peakRSS(cmd.ProcessState))), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "rss wrapper:", err)
		return 2
	}
	return cmd.ProcessState.ExitCode()
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "sitrep-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "temp dir:", err)
		return 2
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "sitrep")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "go build:", err)
		return 2
	}
	return m.Run()
}

// result is what one run of the binary did.
type result struct {
	stdout, stderr string
	code           int
}

// sitrep runs the binary with args in dir (the store defaults to
// dir/sitrep.db) and returns its output and exit status.
func sitrep(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SITREP_DB=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("sitrep %s: %v", strings.Join(args, " "), err)
		}
		code = ee.ExitCode()
	}
	return result{out.String(), errb.String(), code}
}

// must runs the binary and fails the test unless it exits 0.
func must(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := sitrep(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("sitrep %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}
