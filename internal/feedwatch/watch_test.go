package feedwatch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/feedwatch"
	"github.com/sitrep/sitrep/internal/queue"
)

var t0 = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func rss(items ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Frontline Wire</title><link>https://frontline.example/</link>`)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://frontline.example/%s</link><guid>%s</guid><pubDate>Fri, 01 May 2026 08:00:00 GMT</pubDate><description>%s. Officials said rescue teams were at the scene.</description></item>`,
			it, strings.ReplaceAll(strings.ToLower(it), " ", "-"), it, it)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// feedServer serves a feed whose body tests change, with the validators
// they choose, and records the conditional headers it was sent.
type feedServer struct {
	mu           sync.Mutex
	body         string
	etag, lastMo string
	status       int
	requests     []http.Header
}

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Header.Clone())
	if f.status != 0 {
		w.WriteHeader(f.status)
		return
	}
	if f.etag != "" {
		w.Header().Set("ETag", f.etag)
		if r.Header.Get("If-None-Match") == f.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if f.lastMo != "" {
		w.Header().Set("Last-Modified", f.lastMo)
		if f.etag == "" && r.Header.Get("If-Modified-Since") == f.lastMo {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, f.body)
}

func (f *feedServer) set(fn func(*feedServer)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

func (f *feedServer) last() http.Header {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests[len(f.requests)-1]
}

// sink stands in for the store: it reads the feed into items and counts
// each item once, as the store's content fingerprint would.
type sink struct {
	mu    sync.Mutex
	seen  map[string]bool
	calls int
}

func (s *sink) ingest(ctx context.Context, feedURL string, body []byte) (int, error) {
	raws, fails, err := queue.Read(ctx, feedURL, body, 0)
	if err != nil {
		return 0, err
	}
	if len(fails) > 0 {
		return 0, errors.New(strings.Join(fails, "; "))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	n := 0
	for _, r := range raws {
		if !s.seen[r.Title] {
			s.seen[r.Title] = true
			n++
		}
	}
	return n, nil
}

func newWatcher(sk *sink, now *time.Time) *feedwatch.Watcher {
	return &feedwatch.Watcher{
		Client: feedwatch.NewClient(true, 10*time.Second),
		States: &feedwatch.MemoryStates{},
		Ingest: sk.ingest,
		Every:  5 * time.Minute, MaxBackoff: time.Hour,
		Now:  func() time.Time { return *now },
		Rand: func() float64 { return 0.5 },
	}
}

func poll(t *testing.T, w *feedwatch.Watcher, url string) feedwatch.Outcome {
	t.Helper()
	out, err := w.Poll(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestETagGivesNotModified(t *testing.T) {
	fs := &feedServer{body: rss("Strike on Kherson", "Shelling in Izium"), etag: `"v1"`}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	now := t0
	sk := &sink{}
	w := newWatcher(sk, &now)
	steps := []struct {
		change      func(*feedServer)
		wantNew     int
		wantNotMod  bool
		wantIfNone  string
		wantIngests int
	}{
		{nil, 2, false, "", 1},
		{nil, 0, true, `"v1"`, 1},
		{func(f *feedServer) {
			f.body, f.etag = rss("Strike on Kherson", "Shelling in Izium", "Drone attack on Odesa"), `"v2"`
		}, 1, false, `"v1"`, 2},
		{nil, 0, true, `"v2"`, 2},
	}
	for i, s := range steps {
		if s.change != nil {
			fs.set(s.change)
		}
		out := poll(t, w, srv.URL)
		if out.Err != nil || out.New != s.wantNew || out.NotModified != s.wantNotMod {
			t.Errorf("step %d: outcome %+v; want %d new, not modified %v", i, out, s.wantNew, s.wantNotMod)
		}
		if got := fs.last().Get("If-None-Match"); got != s.wantIfNone {
			t.Errorf("step %d: If-None-Match %q, want %q", i, got, s.wantIfNone)
		}
		if sk.calls != s.wantIngests {
			t.Errorf("step %d: %d ingests, want %d", i, sk.calls, s.wantIngests)
		}
		if !out.Next.Equal(now.Add(5 * time.Minute)) {
			t.Errorf("step %d: next poll %v, want every 5 minutes", i, out.Next)
		}
		now = now.Add(5 * time.Minute)
	}
	if len(sk.seen) != 3 {
		t.Errorf("%d distinct items ingested, want 3", len(sk.seen))
	}
}

func TestLastModifiedGivesNotModified(t *testing.T) {
	lm := "Fri, 01 May 2026 08:00:00 GMT"
	fs := &feedServer{body: rss("Clashes near Bakhmut"), lastMo: lm}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	now := t0
	sk := &sink{}
	w := newWatcher(sk, &now)
	if out := poll(t, w, srv.URL); out.New != 1 || out.NotModified {
		t.Fatalf("first poll %+v", out)
	}
	if got := fs.last().Get("If-Modified-Since"); got != "" {
		t.Errorf("first request sent If-Modified-Since %q", got)
	}
	out := poll(t, w, srv.URL)
	if !out.NotModified || out.Status != http.StatusNotModified {
		t.Errorf("second poll %+v, want 304", out)
	}
	if got := fs.last().Get("If-Modified-Since"); got != lm {
		t.Errorf("If-Modified-Since %q, want %q", got, lm)
	}
	if got := fs.last().Get("If-None-Match"); got != "" {
		t.Errorf("If-None-Match %q sent though the server gave no ETag", got)
	}
	if sk.calls != 1 {
		t.Errorf("%d ingests, want 1", sk.calls)
	}
}

func TestErrorsBackOff(t *testing.T) {
	fs := &feedServer{body: rss("Air strike on Rafah"), etag: `"a"`, status: http.StatusInternalServerError}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	now := t0
	sk := &sink{}
	w := newWatcher(sk, &now)
	// every 5m doubled per failure, equal jitter at 0.5: 0.75 of the delay.
	for i, want := range []time.Duration{
		7*time.Minute + 30*time.Second, 15 * time.Minute, 30 * time.Minute, 45 * time.Minute, 45 * time.Minute,
	} {
		out := poll(t, w, srv.URL)
		if out.Err == nil || out.Status != 500 {
			t.Fatalf("failure %d: outcome %+v, want a 500 error", i+1, out)
		}
		if got := out.Next.Sub(now); got != want {
			t.Errorf("failure %d: next poll in %v, want %v", i+1, got, want)
		}
		now = out.Next
	}
	fs.set(func(f *feedServer) { f.status = 0 })
	out := poll(t, w, srv.URL)
	if out.Err != nil || out.New != 1 || out.Next.Sub(now) != 5*time.Minute {
		t.Errorf("after recovery: %+v; want 1 new and the normal interval", out)
	}
	st, _ := w.States.FeedState(context.Background(), srv.URL)
	if st.Failures != 0 || st.ETag != `"a"` {
		t.Errorf("state after recovery %+v", st)
	}
}

func TestFailedIngestKeepsNoValidators(t *testing.T) {
	fs := &feedServer{body: "this is not a feed at all \x00\x01", etag: `"x"`}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	now := t0
	w := newWatcher(&sink{}, &now)
	w.Ingest = func(context.Context, string, []byte) (int, error) { return 0, errors.New("store down") }
	out := poll(t, w, srv.URL)
	if out.Err == nil {
		t.Fatal("want the ingest error")
	}
	poll(t, w, srv.URL)
	if got := fs.last().Get("If-None-Match"); got != "" {
		t.Errorf("after a failed ingest the watcher sent If-None-Match %q; it must fetch in full", got)
	}
}

func TestBackoff(t *testing.T) {
	for _, c := range []struct {
		n    int
		r    float64
		want time.Duration
	}{
		{1, 0, time.Minute}, {1, 0.999999, 2*time.Minute - 60*time.Microsecond},
		{2, 0, 2 * time.Minute}, {3, 0.5, 6 * time.Minute}, {10, 0, 30 * time.Minute},
		{1000, 1, time.Hour},
	} {
		got := feedwatch.Backoff(time.Minute, time.Hour, c.n, c.r)
		if got != c.want {
			t.Errorf("Backoff(1m, 1h, %d, %v) = %v, want %v", c.n, c.r, got, c.want)
		}
	}
}

func TestPrivateAddressesRefusedAtDial(t *testing.T) {
	srv := httptest.NewServer(&feedServer{body: rss("Anything")})
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	c := feedwatch.NewClient(false, 5*time.Second)
	for _, u := range []string{srv.URL, "http://localhost" + port + "/feed", "http://[::1]" + port + "/"} {
		_, err := c.Get(u)
		if !errors.Is(err, feedwatch.ErrForbidden) {
			t.Errorf("GET %s: err = %v, want ErrForbidden", u, err)
		}
	}
	if resp, err := feedwatch.NewClient(true, 5*time.Second).Get(srv.URL); err != nil {
		t.Errorf("with allowPrivate: %v", err)
	} else {
		resp.Body.Close()
	}
}

func TestRedirectsAreChecked(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	_, err := feedwatch.NewClient(true, 5*time.Second).Get(srv.URL + "/to-file")
	if !errors.Is(err, feedwatch.ErrForbidden) {
		t.Errorf("redirect to file: err = %v, want ErrForbidden", err)
	}
}

func TestCheckURL(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"https://www.example.org/rss.xml", true},
		{"http://example.org:8080/feed?x=1", true},
		{"  https://example.org/feed  ", true},
		{"file:///etc/passwd", false},
		{"ftp://example.org/feed", false},
		{"gopher://example.org/", false},
		{"javascript:alert(1)", false},
		{"data:text/xml,<rss/>", false},
		{"example.org/feed", false},
		{"https://", false},
		{"http:///path", false},
		{"", false},
		{"%zz", false},
	} {
		_, err := feedwatch.CheckURL(c.in)
		if (err == nil) != c.ok {
			t.Errorf("CheckURL(%q) = %v, want ok=%v", c.in, err, c.ok)
		}
	}
}

func TestForbidden(t *testing.T) {
	for _, c := range []struct {
		ip   string
		want bool
	}{
		{"127.0.0.1", true}, {"127.8.9.10", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"0.0.0.0", true}, {"0.1.2.3", true}, {"100.64.0.1", true}, {"224.0.0.1", true},
		{"::1", true}, {"::", true}, {"fe80::1", true}, {"fc00::1", true}, {"fd12:3456::1", true}, {"ff02::1", true},
		{"::ffff:127.0.0.1", true}, {"::ffff:10.0.0.1", true},
		{"8.8.8.8", false}, {"1.1.1.1", false}, {"100.128.0.1", false}, {"172.32.0.1", false},
		{"2001:4860:4860::8888", false}, {"::ffff:8.8.8.8", false},
	} {
		if got := feedwatch.Forbidden(netip.MustParseAddr(c.ip)); got != c.want {
			t.Errorf("Forbidden(%s) = %v, want %v", c.ip, got, c.want)
		}
	}
}

func TestRunPollsUntilCancelled(t *testing.T) {
	fs := &feedServer{body: rss("Strike on Kherson"), etag: `"v1"`}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	sk := &sink{}
	w := newWatcher(sk, &t0)
	w.Now = time.Now
	ctx, cancel := context.WithCancel(context.Background())
	var outs []feedwatch.Outcome
	err := w.Run(ctx, []string{srv.URL}, func(_ string, o feedwatch.Outcome) {
		outs = append(outs, o)
		cancel()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 || outs[0].New != 1 {
		t.Errorf("outcomes %+v; want one poll with one new item", outs)
	}
	if err := w.Run(context.Background(), []string{"file:///etc/passwd"}, nil); !errors.Is(err, feedwatch.ErrForbidden) {
		t.Errorf("Run with a file URL: err = %v, want ErrForbidden", err)
	}
}

func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{"https://example.org/feed", "file:///etc/passwd", "http://[::1]:80/", "HTTP://EXAMPLE.ORG",
		"https://user:pass@example.org/", "http://127.0.0.1/", "//example.org", "http:example.org"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := feedwatch.CheckURL(s)
		if err != nil {
			return
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Hostname() == "" {
			t.Errorf("CheckURL(%q) accepted %q", s, u)
		}
	})
}

func BenchmarkPollNotModified(b *testing.B) {
	fs := &feedServer{body: rss("Strike on Kherson"), etag: `"v1"`}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	now := t0
	w := newWatcher(&sink{}, &now)
	ctx := context.Background()
	if _, err := w.Poll(ctx, srv.URL); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out, err := w.Poll(ctx, srv.URL); err != nil || !out.NotModified {
			b.Fatal(out, err)
		}
	}
}

func ExampleBackoff() {
	for n := 1; n <= 4; n++ {
		fmt.Println(feedwatch.Backoff(5*time.Minute, time.Hour, n, 0.5))
	}
	// Output:
	// 7m30s
	// 15m0s
	// 30m0s
	// 45m0s
}
