package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashCorpus is large enough for a committed batch of 256 before the
// kill and more after it, small enough for the package's test timeout.
const crashCorpus = 600

// docIDs lists the ids `sitrep docs` reports, in its order.
func docIDs(t *testing.T, dir, db string) []string {
	t.Helper()
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(must(t, dir, "docs", "--db", db, "--format", "json")), "\n") {
		if line == "" {
			continue
		}
		var d struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("docs output %q: %v", line, err)
		}
		ids = append(ids, d.ID)
	}
	return ids
}

// TestKillDuringIngest kills `sitrep ingest` with SIGKILL after its first
// batches are committed, reruns it, and holds the result to a clean run:
// no document lost, none stored twice, the same incidents byte for byte.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a synthetic corpus twice")
	}
	dir := t.TempDir()
	corpus := must(t, dir, "synth", "--n", itoa(crashCorpus), "--seed", "11")
	if err := os.WriteFile(filepath.Join(dir, "corpus.jsonl"), []byte(corpus), 0o644); err != nil {
		t.Fatal(err)
	}

	must(t, dir, "ingest", "--db", "clean.db", "corpus.jsonl")
	wantIDs := docIDs(t, dir, "clean.db")
	wantEvents := must(t, dir, "events", "--db", "clean.db", "--format", "json")
	if len(wantIDs) < 2*256 || wantEvents == "" {
		t.Fatalf("clean run stored %d documents and %d bytes of incidents: corpus too small to test", len(wantIDs), len(wantEvents))
	}

	cmd := exec.Command(binary, "ingest", "--db", "crash.db", "corpus.jsonl")
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Poll until at least one batch is on disk, then kill at once: no
	// deadline, the test's own -timeout bounds a hang.
	var atKill int
	for atKill == 0 {
		select {
		case err := <-exited:
			t.Fatalf("ingest ended before it could be killed (%v): make the corpus larger", err)
		case <-time.After(50 * time.Millisecond):
		}
		if _, err := os.Stat(filepath.Join(dir, "crash.db")); err != nil {
			continue
		}
		atKill = len(docIDs(t, dir, "crash.db"))
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := <-exited; err == nil {
		t.Fatal("ingest finished before SIGKILL reached it: make the corpus larger")
	}
	afterKill := docIDs(t, dir, "crash.db")
	if len(afterKill) >= len(wantIDs) {
		t.Fatalf("all %d documents were stored before the kill: nothing was interrupted", len(afterKill))
	}
	if len(afterKill) == 0 {
		t.Fatal("nothing was stored before the kill")
	}
	t.Logf("killed with %d (then %d) of %d documents stored", atKill, len(afterKill), len(wantIDs))

	r := sitrep(t, dir, "ingest", "--db", "crash.db", "corpus.jsonl")
	if r.code != 0 {
		t.Fatalf("rerun: exit %d\n%s", r.code, r.stderr)
	}
	gotIDs := docIDs(t, dir, "crash.db")
	if dup := duplicates(gotIDs); len(dup) > 0 {
		t.Errorf("documents stored twice: %v", dup)
	}
	if !sameSet(gotIDs, wantIDs) {
		t.Errorf("after the rerun the store holds %d documents, the clean run %d", len(gotIDs), len(wantIDs))
	}
	gotEvents := must(t, dir, "events", "--db", "crash.db", "--format", "json")
	if gotEvents != wantEvents {
		t.Errorf("incidents after kill and rerun differ from a clean run:\n%s", firstDiff(gotEvents, wantEvents))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func duplicates(ids []string) []string {
	seen := map[string]bool{}
	var dup []string
	for _, id := range ids {
		if seen[id] {
			dup = append(dup, id)
		}
		seen[id] = true
	}
	return dup
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// firstDiff shows the first line where two outputs part.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + clip(gl) + "\nwant: " + clip(wl) +
				"\n(" + itoa(len(g)) + " lines vs " + itoa(len(w)) + ")"
		}
	}
	return "(no line differs)"
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "..."
	}
	return s
}
