package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/cli"
)

// run executes one sitrep command line in-process and returns its exit
// status, standard output and standard error.
func run(t *testing.T, env map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	app := cli.New(strings.NewReader(stdin), &out, &errb, func(k string) string { return env[k] })
	app.Now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }
	code := app.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

const article = `Front page  /  World  /  Middle East

Shelling kills five in northern Syrian town

HAMA, Syria - Artillery fire struck the market of the town of Suran on Tuesday, killing at least five civilians and wounding 12 others, the Syrian Observatory for Human Rights said.

The monitor said government forces had shelled the area for three days as they pushed north.

Share this article
`

func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"good.txt":      []byte(article),
		"empty.txt":     {},
		"binary.bin":    {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0, 0xff, 0xfe},
		"sub/other.txt": []byte(strings.Replace(article, "five", "six", -1)),
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIngestIsIdempotentAndReportsFailures(t *testing.T) {
	dir := writeCorpus(t)
	db := filepath.Join(t.TempDir(), "s.db")
	code, _, stderr := run(t, nil, "", "ingest", "--db", db, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some inputs failed); stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "2 new, 0 already stored, 2 failed") {
		t.Errorf("summary missing; stderr:\n%s", stderr)
	}
	for _, name := range []string{"empty.txt", "binary.bin"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("failure for %s not named; stderr:\n%s", name, stderr)
		}
	}
	// Again, through $SITREP_DB: nothing new.
	code, _, stderr = run(t, map[string]string{"SITREP_DB": db}, "", "ingest", filepath.Join(dir, "good.txt"), filepath.Join(dir, "sub"))
	if code != 0 || !strings.Contains(stderr, "0 new, 2 already stored, 0 failed") {
		t.Errorf("re-ingest: exit %d, stderr:\n%s", code, stderr)
	}
	code, stdout, _ := run(t, nil, "", "docs", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("docs: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("docs listed %d documents, want 2:\n%s", len(lines), stdout)
	}
	var doc struct {
		ID     string `json:"id"`
		Source struct {
			Headline string `json:"headline"`
		} `json:"source"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID == "" || doc.Source.Headline != "Shelling kills five in northern Syrian town" {
		t.Errorf("stored document = %+v", doc)
	}
	if strings.Contains(doc.Text, "Share this article") || strings.Contains(doc.Text, "Middle East") {
		t.Errorf("chrome left in the stored text: %q", doc.Text)
	}
}

func TestExtractPrintsTheContract(t *testing.T) {
	dir := writeCorpus(t)
	code, stdout, stderr := run(t, nil, "", "extract", "--format", "json", filepath.Join(dir, "good.txt"))
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, stdout)
	}
	for _, k := range []string{"source", "text", "entities", "dates", "quantities", "events"} {
		v, ok := doc[k]
		if !ok {
			t.Errorf("field %q missing", k)
			continue
		}
		if k != "source" && k != "text" && !strings.HasPrefix(string(v), "[") {
			t.Errorf("%s = %s, want a list", k, v)
		}
	}
}

func TestExtractFromStdin(t *testing.T) {
	code, stdout, stderr := run(t, nil, article, "extract", "--format", "json", "-")
	if code != 0 || !strings.Contains(stdout, `"path":"-"`) {
		t.Errorf("exit %d, stdout %s, stderr %s", code, stdout, stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--format", "xml", "x.txt"},
		{"extract"},
		{"events", "--from", "yesterday", "--db", filepath.Join(t.TempDir(), "x.db")},
		{"no-such-command"},
	} {
		code, _, stderr := run(t, nil, "", args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, stderr)
		}
	}
}

func TestEventsCSVHasACLEDColumns(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	dir := writeCorpus(t)
	run(t, nil, "", "ingest", "--db", db, filepath.Join(dir, "good.txt"))
	code, stdout, stderr := run(t, nil, "", "events", "--db", db, "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities") {
		t.Errorf("csv header = %q", strings.SplitN(stdout, "\n", 2)[0])
	}
}

func TestKBCheck(t *testing.T) {
	code, stdout, _ := run(t, nil, "", "kb", "check")
	if code != 0 || !strings.Contains(stdout, "ok") {
		t.Errorf("kb check of the embedded knowledge base: exit %d\n%s", code, stdout)
	}
}
