package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/sqlite"
)

const kharkivID = "inc-2024-04-02-kharkiv-shelling-artillery-missile-attack-95bb64"

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func testPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() {
		k, err := kb.Load("")
		if err != nil {
			pipeErr = err
			return
		}
		pipe, pipeErr = pipeline.New(k)
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// newTestServer serves the fixture store on a real loopback listener and
// returns its URL and a valid token. Only posting needs the pipeline,
// whose knowledge base takes seconds to load.
func newTestServer(t *testing.T, opts server.Options, pipe ...*pipeline.Pipeline) (string, *sqlite.Store, string) {
	t.Helper()
	st := fixtureStore(t)
	tok, err := st.CreateToken(context.Background(), "test", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var p *pipeline.Pipeline
	if len(pipe) > 0 {
		p = pipe[0]
	}
	ts := httptest.NewServer(server.New(st, p, opts))
	t.Cleanup(ts.Close)
	return ts.URL, st, tok
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func TestStatusesAndHeaders(t *testing.T) {
	base, _, _ := newTestServer(t, server.Options{})
	tests := []struct {
		path     string
		status   int
		ctype    string
		contains string
	}{
		{"/api/incidents", 200, "application/json", `"total":2`},
		{"/api/incidents?limit=1", 200, "application/json", `"limit":1`},
		{"/api/incidents?place=odesa", 200, "application/json", `"total":1`},
		{"/api/incidents?place=Kharkiv&status=contested", 200, "application/json", kharkivID},
		{"/api/incidents?outlet=steppe", 200, "application/json", `"total":1`},
		{"/api/incidents?actor=russia&from=2024-04-03&to=2024-04-03", 200, "application/json", "odesa"},
		{"/api/incidents?type=Shelling/artillery/missile%20attack", 200, "application/json", `"total":2`},
		{"/api/incidents?from=2025-01-01", 200, "application/json", `"incidents":[]`},
		{"/api/incidents?limit=0", 400, "application/json", "limit must be"},
		{"/api/incidents?limit=1001", 400, "application/json", "limit must be"},
		{"/api/incidents?limit=ten", 400, "application/json", "limit must be"},
		{"/api/incidents?offset=-1", 400, "application/json", "offset must be"},
		{"/api/incidents?from=yesterday", 400, "application/json", "from must be a date"},
		{"/api/incidents?from=2024-05-01&to=2024-04-01", 400, "application/json", "is after"},
		{"/api/incidents?status=rumoured", 400, "application/json", "status must be"},
		{"/api/incidents?colour=red", 400, "application/json", "unknown query parameter"},
		{"/api/incidents?place=a&place=b", 400, "application/json", "given 2 times"},
		{"/api/incidents/" + kharkivID, 200, "application/json", `"conflicts":[{"field":"fatalities"`},
		{"/api/incidents/inc-0000-nothing", 404, "application/json", `"status":404`},
		{"/api/incidents/bad%20id", 400, "application/json", "malformed"},
		{"/api/documents/0123456789abcdef", 404, "application/json", "not found"},
		{"/api/entities", 200, "application/json", "Military Forces of Russia"},
		{"/api/entities?type=armed_group&limit=5", 200, "application/json", `"rebels":1`},
		{"/api/entities?type=WEAPON", 400, "application/json", "type must be"},
		{"/api/outlets", 200, "application/json", `"terrorists":1`},
		{"/api/search?q=pharmacy", 200, "application/json", "Shelling kills six in Kharkiv"},
		{"/api/search?q=", 400, "application/json", "q is required"},
		{"/api/search?q=drone&limit=500", 400, "application/json", "limit must be"},
		{"/api/incidents.csv", 200, "text/csv", "event_date"},
		{"/api/incidents.geojson?place=odesa", 200, "application/geo+json", "FeatureCollection"},
		{"/api/incidents.jsonl?status=contested", 200, "application/x-ndjson", kharkivID},
		{"/api/incidents.csv?status=bogus", 400, "application/json", "status must be"},
		{"/api/openapi.json", 200, "application/json", `"openapi"`},
		{"/api/no-such-thing", 404, "application/json", "no such endpoint"},
		{"/", 200, "text/html", `<main id="main"`},
		{"/static/app.js", 200, "text/javascript", "textContent"},
		{"/static/vendor/leaflet/leaflet.js", 200, "text/javascript", "Leaflet"},
		{"/static/missing.js", 404, "text/plain", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, base+tt.path)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d; body %s", resp.StatusCode, tt.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %q", ct, tt.ctype)
			}
			if !bytes.Contains(body, []byte(tt.contains)) {
				t.Errorf("body lacks %q:\n%.600s", tt.contains, body)
			}
			for h, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"Referrer-Policy":        "no-referrer",
			} {
				if got := resp.Header.Get(h); got != want {
					t.Errorf("%s = %q, want %q", h, got, want)
				}
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
				t.Errorf("CSP %q lacks default-src 'self'", csp)
			}
			if resp.StatusCode >= 400 && strings.HasPrefix(tt.ctype, "application/json") {
				var e struct {
					Error  string
					Status int
				}
				if err := json.Unmarshal(body, &e); err != nil || e.Status != tt.status || e.Error == "" {
					t.Errorf("error body %s: want {error, status: %d}", body, tt.status)
				}
			}
		})
	}
}

func TestIncidentPagination(t *testing.T) {
	base, _, _ := newTestServer(t, server.Options{})
	var ids []string
	for offset := 0; offset < 3; offset++ {
		_, body := get(t, fmt.Sprintf("%s/api/incidents?limit=1&offset=%d", base, offset))
		var page struct {
			Total, Limit, Offset int
			Incidents            []domain.Incident
		}
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatal(err)
		}
		if page.Total != 2 || page.Limit != 1 || page.Offset != offset {
			t.Errorf("offset %d: total %d limit %d offset %d", offset, page.Total, page.Limit, page.Offset)
		}
		for _, inc := range page.Incidents {
			ids = append(ids, inc.ID)
		}
	}
	want := []string{kharkivID, "inc-2024-04-03-odesa-shelling-artillery-missile-attack-9268c5"}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("pages gave %v, want %v", ids, want)
	}
}

// TestDocumentSpans checks that the offsets the API gives select, in the
// text it gives, the words of each fact.
func TestDocumentSpans(t *testing.T) {
	base, _, _ := newTestServer(t, server.Options{})
	_, body := get(t, base+"/api/incidents/"+kharkivID)
	var inc domain.Incident
	if err := json.Unmarshal(body, &inc); err != nil {
		t.Fatal(err)
	}
	if len(inc.Reports) != 2 {
		t.Fatalf("%d reports, want 2", len(inc.Reports))
	}
	for _, r := range inc.Reports {
		resp, body := get(t, base+"/api/documents/"+r.DocID)
		if resp.StatusCode != 200 {
			t.Fatalf("document %s: %d %s", r.DocID, resp.StatusCode, body)
		}
		var doc struct {
			ID   string `json:"id"`
			Text string `json:"text"`
			domain.Document
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.ID != r.DocID {
			t.Errorf("id %q, want %q", doc.ID, r.DocID)
		}
		if got := doc.Text[r.Start:r.End]; got != r.Text {
			t.Errorf("report span selects %q, want %q", got, r.Text)
		}
		for _, e := range doc.Entities {
			if got := doc.Text[e.Start:e.End]; got != e.Text {
				t.Errorf("entity span selects %q, want %q", got, e.Text)
			}
		}
		if len(doc.Events) != 1 || doc.Events[0].Start != r.Start {
			t.Errorf("events %+v: want the report's event", doc.Events)
		}
	}
}

func TestDownloads(t *testing.T) {
	base, _, _ := newTestServer(t, server.Options{})
	tests := []struct {
		ext, filename string
		check         func(t *testing.T, body []byte)
	}{
		{"csv", "incidents.csv", func(t *testing.T, body []byte) {
			lines := strings.Split(strings.TrimSpace(string(body)), "\n")
			if len(lines) != 3 {
				t.Errorf("%d CSV lines, want header + 2", len(lines))
			}
		}},
		{"geojson", "incidents.geojson", func(t *testing.T, body []byte) {
			var fc struct {
				Type     string
				Features []json.RawMessage
			}
			if err := json.Unmarshal(body, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
				t.Errorf("GeoJSON %s: type %q, %d features, err %v", body, fc.Type, len(fc.Features), err)
			}
		}},
		{"jsonl", "incidents.jsonl", func(t *testing.T, body []byte) {
			sc := bufio.NewScanner(bytes.NewReader(body))
			n := 0
			for sc.Scan() {
				var inc domain.Incident
				if err := json.Unmarshal(sc.Bytes(), &inc); err != nil || inc.ID == "" {
					t.Errorf("line %d: %v", n+1, err)
				}
				n++
			}
			if n != 2 {
				t.Errorf("%d lines, want 2", n)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.ext, func(t *testing.T) {
			resp, body := get(t, base+"/api/incidents."+tt.ext)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, tt.filename) {
				t.Errorf("Content-Disposition %q lacks %q", cd, tt.filename)
			}
			tt.check(t, body)
		})
	}
}

const postedArticle = `Clashes near Avdiivka leave four soldiers dead

AVDIIVKA, Ukraine (Test Wire) — Fighting between Ukrainian and Russian troops near Avdiivka killed four Ukrainian soldiers on Monday, the Ukrainian army said in a statement on Tuesday.

The army said its units repelled several assaults on positions north of the town.
`

func post(t *testing.T, url, token, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/plain")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestPostDocuments(t *testing.T) {
	base, _, tok := newTestServer(t, server.Options{MaxBody: 4096}, testPipeline(t))
	tests := []struct {
		name     string
		token    string
		body     string
		status   int
		contains string
	}{
		{"no token", "", postedArticle, 401, "bearer token"},
		{"wrong token", "sitrep_nope", postedArticle, 401, "bearer token"},
		{"empty body", tok, "  \n", 400, "empty request body"},
		{"too large", tok, strings.Repeat("Shelling continued overnight. ", 200), 413, "larger than 4096"},
		{"new article", tok, postedArticle, 201, `"created":true`},
		{"same article again", tok, postedArticle, 200, `"created":false`},
		{"binary", tok, "\x00\x01\x02\x03PK\x03\x04", 400, "no document could be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := post(t, base+"/api/documents", tt.token, tt.body)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if !bytes.Contains(body, []byte(tt.contains)) {
				t.Errorf("body lacks %q: %s", tt.contains, body)
			}
		})
	}
	// The posted article is now searchable.
	_, body := get(t, base+"/api/search?q=Avdiivka")
	if !bytes.Contains(body, []byte("Avdiivka")) {
		t.Errorf("search after post: %s", body)
	}
}

func TestServeShutsDownOnCancel(t *testing.T) {
	st := fixtureStore(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.Serve(ctx, ln, server.New(st, nil, server.Options{}), nil) }()
	resp, body := get(t, "http://"+ln.Addr().String()+"/api/outlets")
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("Kharkiv Courier")) {
		t.Errorf("outlets: %d %s", resp.StatusCode, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve after cancel: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/api/outlets"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

func TestReportEndpoint(t *testing.T) {
	base, _, _ := newTestServer(t, server.Options{})
	tests := []struct {
		query    string
		status   int
		ctype    string
		contains []string
	}{
		{"", 200, "text/html", []string{"<h1>Situation report</h1>", "3 April 2024", "Odesa", "Black Sea Bulletin"}},
		{"?date=2024-04-02&format=md", 200, "text/markdown", []string{"# Situation report", "Kharkiv", "[^1]", "6 according to regional governor"}},
		{"?from=2024-04-01&to=2024-04-30&place=odesa&format=md", 200, "text/markdown", []string{"Situation report: odesa", "Odesa"}},
		{"?date=2024-04-02&from=2024-04-01", 400, "application/json", []string{"cannot be combined"}},
		{"?format=pdf", 400, "application/json", []string{"format must be"}},
		{"?date=soon", 400, "application/json", []string{"date must be"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp, body := get(t, base+"/api/report"+tt.query)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %q", ct, tt.ctype)
			}
			for _, c := range tt.contains {
				if !bytes.Contains(body, []byte(c)) {
					t.Errorf("body lacks %q:\n%.800s", c, body)
				}
			}
			if tt.status == 200 && strings.HasPrefix(tt.ctype, "text/html") {
				if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
					t.Errorf("report CSP %q allows more than its inline style", csp)
				}
			}
		})
	}
}
