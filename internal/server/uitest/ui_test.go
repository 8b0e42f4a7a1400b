package uitest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/sitrep/sitrep/examples"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/sqlite"
)

// scriptArticle is untrusted input that would run code if the UI ever
// inserted article text as HTML.
const scriptArticle = `Protest outside the governorate building in Taiz

TAIZ, Yemen — Hundreds of people protested outside the governorate building in Taiz on Sunday over unpaid salaries, witnesses said.

One banner read <script>window.__sitrepPwned = 1</script> and another <img src=x onerror="window.__sitrepPwned = 2"> in large letters.
`

func chromium(t *testing.T) string {
	if p := os.Getenv("SITREP_CHROMIUM"); p != "" {
		return p
	}
	const p = "/usr/bin/chromium"
	if _, err := os.Stat(p); err != nil {
		t.Skipf("UI tests need Chromium at %s (apt-get install chromium) or $SITREP_CHROMIUM: %v", p, err)
	}
	return p
}

func artifacts(t *testing.T) string {
	dir := os.Getenv("SITREP_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// demoServer ingests the bundled examples into a temporary store and
// serves it on 127.0.0.1:0.
func demoServer(t *testing.T) (base string, st *sqlite.Store, token string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	if err := examples.CopyTo(dir); err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load(filepath.Join(dir, examples.KB))
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(k)
	if err != nil {
		t.Fatal(err)
	}
	var raws []reader.Raw
	rd := reader.New(reader.Options{}, nil)
	if err := rd.Each(ctx, []string{filepath.Join(dir, examples.Corpus)}, func(r reader.Raw, err error) error {
		if err != nil {
			t.Errorf("example %s: %v", r.Path, err)
			return nil
		}
		raws = append(raws, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p.Learn(raws)
	var recs []domain.Record
	for _, r := range raws {
		doc, err := p.Extract(r)
		if err != nil {
			t.Errorf("example %s: %v", r.Path, err)
			continue
		}
		recs = append(recs, domain.Record{ID: doc.Fingerprint(), Document: doc, Raw: r.Raw, IngestedAt: time.Now().UTC()})
	}
	st, err = sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutDocuments(ctx, recs); err != nil {
		t.Fatal(err)
	}
	token, err = st.CreateToken(ctx, "ui test", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(st, p, server.Options{}))
	t.Cleanup(ts.Close)
	return ts.URL, st, token
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

// browser is one headless Chromium tab with what it logged.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	errors   []string
	requests []string
}

func newBrowser(t *testing.T) *browser {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	b := &browser{}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithListener(b.listen))
	t.Cleanup(func() { cancelC(); cancelA() })
	b.ctx = ctx
	return b
}

// listen records script errors (exceptions, console errors, CSP
// violations) and every URL the page asked for.
func (b *browser) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		b.errors = append(b.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber, msg))
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			var args []string
			for _, a := range e.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			b.errors = append(b.errors, "console.error: "+strings.Join(args, " "))
		}
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError {
			b.errors = append(b.errors, fmt.Sprintf("log %s: %s (%s)", e.Entry.Source, e.Entry.Text, e.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, e.Request.URL)
	}
}

// do runs steps with a time limit (the first Run, which starts the
// browser, must not have one).
func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// unready clears the marker the UI sets once a view is rendered.
var unready = chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
	_, err := chromedp.Evaluate[bool](`document.body.removeAttribute('data-ready'); true`)(ctx, tg)
	return chromedp.Void{}, err
})

var ready = chromedp.WaitReady(chromedp.CSS(`body[data-ready]`))

// route navigates to a hash route and waits until the view is rendered.
func (b *browser) route(t *testing.T, hash string) {
	t.Helper()
	b.do(t, unready, chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[bool](`location.hash = `+jsString(hash)+`; true`)(ctx, tg)
		return chromedp.Void{}, err
	}), ready)
	b.checkStatus(t)
}

// checkStatus fails the test when the view reported a load error.
func (b *browser) checkStatus(t *testing.T) {
	t.Helper()
	if eval[bool](t, b, `document.getElementById('status').classList.contains('error')`) {
		t.Errorf("view reports an error: %s", b.text(t, "#status"))
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func (b *browser) screenshot(t *testing.T, dir, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) count(t *testing.T, sel string) int {
	t.Helper()
	return eval[int](t, b, `document.querySelectorAll(`+jsString(sel)+`).length`)
}

func (b *browser) text(t *testing.T, sel string) string {
	t.Helper()
	return eval[string](t, b, `(document.querySelector(`+jsString(sel)+`)||{}).textContent||''`)
}

// timelineItems selects one element per timeline item: vis-timeline also
// gives the item's class to the line and dot of a box item.
const timelineItems = `.vis-item.incident-item:not(.vis-line):not(.vis-dot)`

// vendoredStyleInjection says whether a browser error is vis-timeline's
// standalone build trying to inject its own stylesheet as an inline
// <style>, which the policy blocks; the same rules are loaded from
// vis-timeline-graph2d.min.css, so nothing is lost.
func vendoredStyleInjection(e string) bool {
	return strings.Contains(e, "Applying inline style violates") && strings.Contains(e, "/static/vendor/vis-timeline/")
}

type page struct {
	Total     int               `json:"total"`
	Incidents []domain.Incident `json:"incidents"`
}

func TestUI(t *testing.T) {
	chromium(t)
	base, _, token := demoServer(t)
	dir := artifacts(t)

	// The untrusted article goes in through the API, as a client would send it.
	req, _ := http.NewRequest("POST", base+"/api/documents", strings.NewReader(scriptArticle))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST script article: %d %s", resp.StatusCode, body)
	}
	var posted struct {
		Documents []struct{ ID string }
	}
	if err := json.Unmarshal(body, &posted); err != nil || len(posted.Documents) != 1 {
		t.Fatalf("POST answer %s: %v", body, err)
	}
	scriptDoc := posted.Documents[0].ID

	var all page
	getJSON(t, base+"/api/incidents?limit=1000", &all)
	if all.Total < 2 {
		t.Fatalf("demo corpus gave %d incidents; the UI tests need at least 2", all.Total)
	}
	dated := 0
	places := map[string]bool{}
	for _, inc := range all.Incidents {
		if inc.Date != nil {
			dated++
		}
		if l := inc.Location; l != nil && l.Latitude != nil && l.Longitude != nil {
			places[fmt.Sprintf("%.4f,%.4f", *l.Latitude, *l.Longitude)] = true
		}
	}

	b := newBrowser(t)
	// The first run starts the browser: no time limit on it.
	if err := chromedp.Do(b.ctx, chromedp.Navigate(base+"/#/timeline")); err != nil {
		t.Fatal(err)
	}
	b.do(t, ready)
	b.checkStatus(t)

	t.Run("timeline shows every dated incident", func(t *testing.T) {
		b.do(t, chromedp.WaitVisible(chromedp.CSS(timelineItems)))
		if n := b.count(t, timelineItems); n != dated {
			t.Errorf("timeline shows %d items, want %d dated incidents", n, dated)
		}
		if n := b.count(t, `table.incidents tbody tr`); n != all.Total {
			t.Errorf("table lists %d incidents, want %d", n, all.Total)
		}
		if s := b.text(t, `#status`); !strings.Contains(s, fmt.Sprintf("%d incident", all.Total)) {
			t.Errorf("status line %q does not count %d incidents", s, all.Total)
		}
		b.screenshot(t, dir, "timeline")
	})

	t.Run("landmarks, labels and skip link", func(t *testing.T) {
		for _, sel := range []string{"header", "nav[aria-label]", "main#main", "footer", "#status[aria-live=polite]"} {
			if b.count(t, sel) != 1 {
				t.Errorf("no single %s", sel)
			}
		}
		if first := eval[string](t, b, `document.querySelector('a[href], button, input, select').className`); first != "skip" {
			t.Errorf("first focusable element is %q, want the skip link", first)
		}
		if unlabelled := eval[int](t, b, `Array.from(document.querySelectorAll('input, select')).filter(e => !e.labels || e.labels.length === 0).length`); unlabelled != 0 {
			t.Errorf("%d form fields without a label", unlabelled)
		}
	})

	t.Run("a filter narrows the list and is in the URL", func(t *testing.T) {
		// The place that narrows the list most shows the filter best.
		place := ""
		var want page
		for _, inc := range all.Incidents {
			if inc.Location == nil || inc.Location.Name == "" {
				continue
			}
			var p page
			getJSON(t, base+"/api/incidents?limit=1000&place="+url.QueryEscape(inc.Location.Name), &p)
			if place == "" || p.Total < want.Total {
				place, want = inc.Location.Name, p
			}
		}
		if place == "" || want.Total >= all.Total {
			t.Fatalf("no place filter narrows the %d demo incidents", all.Total)
		}
		b.do(t, chromedp.SetValue(chromedp.ID(`f-place`), place), unready,
			chromedp.Click(chromedp.CSS(`#filters button[type=submit]`)), ready)
		b.checkStatus(t)
		if n := b.count(t, `table.incidents tbody tr`); n != want.Total {
			t.Errorf("filtered table lists %d incidents, want %d", n, want.Total)
		}
		hash := eval[string](t, b, `location.hash`)
		if !strings.Contains(hash, "place=") {
			t.Errorf("filter not in the URL: %q", hash)
		}
		href := eval[string](t, b, `document.getElementById('dl-csv').getAttribute('href')`)
		if !strings.Contains(href, "place=") {
			t.Errorf("CSV download ignores the filter: %q", href)
		}
		if r := eval[string](t, b, `document.getElementById('report-link').getAttribute('href')`); !strings.Contains(r, "place=") {
			t.Errorf("report link ignores the place filter: %q", r)
		}
		b.screenshot(t, dir, "timeline-filtered")
	})

	t.Run("map shows one marker per place", func(t *testing.T) {
		b.route(t, "#/map")
		if len(places) == 0 {
			t.Skip("no demo incident has coordinates")
		}
		b.do(t, chromedp.WaitReady(chromedp.CSS(`path.incident-marker`)))
		if n := b.count(t, `path.incident-marker`); n != len(places) {
			t.Errorf("map shows %d markers, want %d places", n, len(places))
		}
		if n := b.count(t, `.leaflet-overlay-pane path:not(.incident-marker)`); n < 50 {
			t.Errorf("basemap has %d country shapes, want the world", n)
		}
		b.screenshot(t, dir, "map")
	})

	t.Run("incident page highlights the evidence of each report", func(t *testing.T) {
		// The incident with the most reports shows the comparison best.
		best := all.Incidents[0]
		for _, inc := range all.Incidents {
			if len(inc.Reports) > len(best.Reports) {
				best = inc
			}
		}
		b.route(t, "#/timeline")
		b.do(t, unready, chromedp.Click(chromedp.CSS(`table.incidents tr[data-incident=`+jsString(best.ID)+`] a`)),
			ready, chromedp.WaitVisible(chromedp.CSS(`mark.evidence`)))
		b.checkStatus(t)
		if n := b.count(t, `article.report`); n != len(best.Reports) {
			t.Errorf("%d report cards, want %d", n, len(best.Reports))
		}
		marks := eval[[]string](t, b, `Array.from(document.querySelectorAll('article.report mark.evidence')).map(m => m.textContent)`)
		want := map[string]bool{}
		for _, r := range best.Reports {
			want[r.Text] = true
		}
		if len(marks) != len(best.Reports) {
			t.Errorf("%d highlighted sentences, want %d", len(marks), len(best.Reports))
		}
		for _, m := range marks {
			if !want[m] {
				t.Errorf("highlight %q is not a report's evidence", m)
			}
		}
		focused := eval[string](t, b, `document.activeElement.tagName`)
		if focused != "H1" {
			t.Errorf("focus on %s after navigation, want the view's heading", focused)
		}
		b.screenshot(t, dir, "incident")
	})

	t.Run("article with a script tag renders as text", func(t *testing.T) {
		b.route(t, "#/document/"+scriptDoc)
		text := b.text(t, `#article-text`)
		if !strings.Contains(text, "<script>window.__sitrepPwned = 1</script>") || !strings.Contains(text, `<img src=x onerror=`) {
			t.Errorf("article text does not show the markup literally: %q", text)
		}
		if n := b.count(t, `#view script, #view img`); n != 0 {
			t.Errorf("%d script/img elements made from article text", n)
		}
		pwned := eval[string](t, b, `String(window.__sitrepPwned)`)
		if pwned != "undefined" {
			t.Errorf("article script ran: window.__sitrepPwned = %s", pwned)
		}
		b.screenshot(t, dir, "document-script")
	})

	t.Run("outlet comparison", func(t *testing.T) {
		b.route(t, "#/outlets")
		var outs []domain.OutletStat
		getJSON(t, base+"/api/outlets", &outs)
		if n := b.count(t, `table.outlets tbody tr`); n != len(outs) {
			t.Errorf("%d outlet rows, want %d", n, len(outs))
		}
		b.screenshot(t, dir, "outlets")
	})

	t.Run("search", func(t *testing.T) {
		b.route(t, "#/search?q=banner+salaries")
		if n := b.count(t, `ol.hits li`); n != 1 {
			t.Errorf("%d hits, want 1", n)
		}
		if s := b.text(t, `#status`); !strings.Contains(s, "1 article(s)") {
			t.Errorf("status %q", s)
		}
		b.screenshot(t, dir, "search")
	})

	// Last, as it leaves the single-page UI.
	t.Run("situation report", func(t *testing.T) {
		b.do(t, chromedp.Click(chromedp.ID(`report-link`)), chromedp.WaitReady(chromedp.CSS(`#key`)))
		text := b.text(t, "main")
		for _, want := range []string{"Key developments", "Figures and their sources", "Sources"} {
			if !strings.Contains(text, want) {
				t.Errorf("report lacks %q", want)
			}
		}
		if n := b.count(t, `main sup a[href^="#note-"]`); n == 0 {
			t.Error("report cites no source")
		}
		b.screenshot(t, dir, "report")
	})

	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		if vendoredStyleInjection(e) {
			continue
		}
		t.Errorf("browser error: %s", e)
	}
	for _, u := range b.requests {
		if !strings.HasPrefix(u, base+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("request left the server: %s", u)
		}
	}
	if len(b.requests) == 0 {
		t.Error("no request recorded")
	}
}
