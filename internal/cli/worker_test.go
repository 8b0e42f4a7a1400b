package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/cli"
	"github.com/sitrep/sitrep/internal/postgres"
	"github.com/sitrep/sitrep/internal/queue"
	"github.com/sitrep/sitrep/internal/storetest"
)

// writeArticles puts the shared test articles in a directory.
func writeArticles(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "articles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, it := range storetest.Articles() {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(it.Path)), it.Raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := run(t, nil, "", args...)
	if code != 0 {
		t.Fatalf("sitrep %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// The acceptance test of the PostgreSQL store: the real pipeline over one
// corpus into both stores gives the same events, byte for byte.
func TestPostgresAndSQLiteGiveSameEvents(t *testing.T) {
	pg := storetest.PostgresDSN(t)
	dir := writeArticles(t)
	file := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, "ingest", "--db", file, dir)
	mustRun(t, "ingest", "--db", pg, dir)
	for _, args := range [][]string{
		{"events", "--format", "json"},
		{"events", "--format", "csv"},
		{"events", "--format", "json", "--place", "kherson"},
		{"docs", "--format", "json"},
	} {
		want := mustRun(t, append(args, "--db", file)...)
		got := mustRun(t, append(args, "--db", pg)...)
		if want == "" || strings.Count(want, "\n") < 1 {
			t.Errorf("%v: SQLite gave no output", args)
		}
		if got != want {
			t.Errorf("%v: PostgreSQL output differs from SQLite\nsqlite:\n%s\npostgres:\n%s", args, want, got)
		}
	}
}

func runApp(ctx context.Context, args ...string) (int, string) {
	var out, errb bytes.Buffer
	app := cli.New(strings.NewReader(""), &out, &errb, func(string) string { return "" })
	app.Now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }
	code := app.Run(ctx, args)
	return code, errb.String()
}

// queueEvents enqueues the articles in a new database, drains the queue
// with n concurrent worker commands and returns `events --format json`.
func queueEvents(t *testing.T, dir string, n int) string {
	t.Helper()
	pg := storetest.PostgresDSN(t)
	code, _, errs := run(t, nil, "", "enqueue", "--db", pg, dir)
	if code != 0 || !strings.Contains(errs, "enqueue: 8 queued, 0 already queued") {
		t.Fatalf("enqueue: exit %d: %s", code, errs)
	}
	code, _, errs = run(t, nil, "", "enqueue", "--db", pg, dir)
	if code != 0 || !strings.Contains(errs, "enqueue: 0 queued, 8 already queued") {
		t.Errorf("second enqueue: exit %d: %s", code, errs)
	}
	var wg sync.WaitGroup
	msgs := make([]string, n)
	codes := make([]int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], msgs[i] = runApp(context.Background(), "worker", "--once", "--batch", "2", "--db", pg)
		}()
	}
	wg.Wait()
	for i := range codes {
		if codes[i] != 0 {
			t.Fatalf("worker %d: exit %d: %s", i, codes[i], msgs[i])
		}
	}
	st, err := postgres.Open(context.Background(), pg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.QueueStats(context.Background())
	if err != nil || stats != (queue.Stats{Done: 8}) {
		t.Errorf("queue after %d workers: %+v, %v; want 8 done", n, stats, err)
	}
	return mustRun(t, "events", "--format", "json", "--db", pg)
}

func TestWorkersGiveOneWorkersEvents(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		storetest.PostgresDSN(t)
	}
	dir := writeArticles(t)
	want := queueEvents(t, dir, 1)
	if strings.Count(want, "\n") < 3 {
		t.Fatalf("one worker gave too few incidents:\n%s", want)
	}
	if got := queueEvents(t, dir, 2); got != want {
		t.Errorf("two workers gave other events than one\none:\n%s\ntwo:\n%s", want, got)
	}
}

func TestWorkerNeedsPostgres(t *testing.T) {
	file := filepath.Join(t.TempDir(), "s.db")
	for _, cmd := range []string{"worker", "enqueue"} {
		args := []string{cmd, "--db", file}
		if cmd == "enqueue" {
			args = append(args, writeArticles(t))
		}
		code, _, errs := run(t, nil, "", args...)
		if code != 2 || !strings.Contains(errs, "PostgreSQL") {
			t.Errorf("%s on SQLite: exit %d, %q; want 2 and a pointer to PostgreSQL", cmd, code, errs)
		}
	}
}

func TestStoreErrorsHidePasswords(t *testing.T) {
	code, _, errs := run(t, nil, "", "events", "--db", "postgres://sitrep:hunter2@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if code != 2 || strings.Contains(errs, "hunter2") {
		t.Errorf("exit %d, message %q: want a failure that does not show the password", code, errs)
	}
}

type testFeed struct {
	mu    sync.Mutex
	items []string
	hits  int
}

func (f *testFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hits++
	etag := fmt.Sprintf(`"%d"`, len(f.items))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Border Desk</title><link>https://border.example/</link>`)
	for i, it := range f.items {
		fmt.Fprintf(w, `<item><title>Report %d</title><link>https://border.example/%d</link><pubDate>Mon, 04 May 2026 07:00:00 GMT</pubDate><description>%s</description></item>`, i, i, it)
	}
	fmt.Fprint(w, `</channel></rss>`)
}

func TestWatchOnceIngestsNewItemsOnce(t *testing.T) {
	feed := &testFeed{items: []string{
		"Artillery fire hit the town of Vovchansk on Sunday, killing two civilians, the regional governor said.",
	}}
	srv := httptest.NewServer(feed)
	defer srv.Close()
	file := filepath.Join(t.TempDir(), "s.db")
	watch := func() (int, string) {
		code, _, errs := run(t, nil, "", "watch", "--once", "--allow-private", "--db", file, srv.URL+"/rss")
		return code, errs
	}
	if code, errs := watch(); code != 0 || !strings.Contains(errs, "1 new") {
		t.Fatalf("first watch: exit %d: %s", code, errs)
	}
	if code, errs := watch(); code != 0 || !strings.Contains(errs, "not modified") {
		t.Errorf("second watch: exit %d: %s; want not modified (ETag kept in the store)", code, errs)
	}
	feed.mu.Lock()
	feed.items = append(feed.items, "A drone struck a fuel depot near Belgorod overnight, the governor said on Monday.")
	feed.mu.Unlock()
	if code, errs := watch(); code != 0 || !strings.Contains(errs, "1 new") {
		t.Errorf("third watch: exit %d: %s; want only the new item", code, errs)
	}
	out := mustRun(t, "docs", "--format", "json", "--db", file)
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("%d documents stored, want 2:\n%s", n, out)
	}
	code, _, errs := run(t, nil, "", "watch", "--once", "--db", file, srv.URL+"/rss")
	if code != 1 || !strings.Contains(errs, "forbidden address") {
		t.Errorf("without --allow-private: exit %d: %s; want the loopback server refused", code, errs)
	}
	code, _, errs = run(t, nil, "", "watch", "--once", "--db", file, "file:///etc/passwd")
	if code != 2 || !strings.Contains(errs, "only http and https") {
		t.Errorf("file URL: exit %d: %s", code, errs)
	}
}
