package cli_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/cli"
)

func TestDemoNoServe(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	code, out, errs := run(t, nil, "", "demo", "--no-serve")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Documents read from the example corpus", "corpus/html/", "corpus/feeds/", "Incidents merged from them", "incident(s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, tmp) {
		t.Errorf("output shows the temporary directory %s", tmp)
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "sitrep-demo-*"))
	if len(left) > 0 {
		t.Errorf("temporary store left behind: %v", left)
	}
}

func TestTokenCreate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	code, out, errs := run(t, nil, "", "token", "create", "--db", db, "--name", "newsroom")
	if code != 0 || !strings.HasPrefix(out, "sitrep_") || len(strings.TrimSpace(out)) < 20 {
		t.Errorf("exit %d, out %q, err %q", code, out, errs)
	}
	_, out2, _ := run(t, nil, "", "token", "create", "--db", db)
	if out2 == out {
		t.Error("two tokens are equal")
	}
}

func TestReportCommand(t *testing.T) {
	dir := writeCorpus(t)
	db := filepath.Join(t.TempDir(), "t.db")
	env := map[string]string{"SITREP_DB": db}
	run(t, env, "", "ingest", dir)
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"report"}, 0, "# Situation report"},
		{[]string{"report", "--format", "html"}, 0, "<h2 id=\"key\">Key developments</h2>"},
		{[]string{"report", "--from", "2000-01-01", "--to", "2000-01-02"}, 0, "No incident is recorded for this period."},
		{[]string{"report", "--place", "Nowhere-at-all"}, 0, "No incident is recorded"},
		{[]string{"report", "--date", "yesterday"}, 2, ""},
		{[]string{"report", "--date", "2024-01-01", "--from", "2024-01-01"}, 2, ""},
		{[]string{"report", "--format", "pdf"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := run(t, env, "", tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errs)
			}
			if !strings.Contains(out, tt.contains) {
				t.Errorf("output lacks %q:\n%s", tt.contains, out)
			}
		})
	}
}

func TestServeStopsOnCancel(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	pr, pw := io.Pipe()
	app := cli.New(strings.NewReader(""), pw, io.Discard, func(string) string { return "" })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		done <- app.Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no URL printed: %v", err)
	}
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("no URL in %q", line)
	}
	url := strings.Fields(line[i:])[0]
	resp, err := http.Get(url + "api/incidents")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET api/incidents: %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d after cancel", code)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after cancel")
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("store not created: %v", err)
	}
}
