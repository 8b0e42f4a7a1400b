package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/export"
	"github.com/sitrep/sitrep/internal/report"
)

// Pagination bounds of GET /api/incidents.
const (
	defaultLimit = 100
	maxLimit     = 1000
)

// incidentParams are the query parameters the incident endpoints accept;
// anything else is a client mistake worth reporting.
var incidentParams = map[string]bool{
	"from": true, "to": true, "type": true, "place": true, "actor": true,
	"outlet": true, "status": true, "limit": true, "offset": true,
}

var statuses = map[string]bool{
	domain.StatusCorroborated: true, domain.StatusSingleSource: true, domain.StatusContested: true,
}

var entityTypes = map[string]bool{
	domain.Person: true, domain.Organization: true, domain.ArmedGroup: true, domain.Place: true,
}

// incidentPage is the response of GET /api/incidents.
type incidentPage struct {
	Total     int               `json:"total"`
	Limit     int               `json:"limit"`
	Offset    int               `json:"offset"`
	Incidents []domain.Incident `json:"incidents"`
}

// documentView is a stored document as the API returns it: the extract
// contract (text and every fact with its offsets) plus the store's id.
type documentView struct {
	ID         string `json:"id"`
	IngestedAt string `json:"ingested_at"`
	domain.Document
}

func writeJSON(w http.ResponseWriter, code int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// checkParams rejects unknown or repeated query parameters.
func checkParams(q url.Values, allowed map[string]bool) error {
	for k, vs := range q {
		if !allowed[k] {
			return badRequest("unknown query parameter %q", k)
		}
		if len(vs) > 1 {
			return badRequest("query parameter %q given %d times", k, len(vs))
		}
	}
	return nil
}

// intParam reads a non-negative integer parameter bounded by max.
func intParam(q url.Values, name string, def, min, max int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		return 0, badRequest("%s must be an integer from %d to %d, got %q", name, min, max, v)
	}
	return n, nil
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// incidentFilter reads the filters of `sitrep events` from the query.
// def is the default limit (0: all).
func incidentFilter(q url.Values, def int) (domain.IncidentFilter, error) {
	if err := checkParams(q, incidentParams); err != nil {
		return domain.IncidentFilter{}, err
	}
	f := domain.IncidentFilter{
		From: q.Get("from"), To: q.Get("to"), Type: q.Get("type"), Place: q.Get("place"),
		Actor: q.Get("actor"), Outlet: q.Get("outlet"), Status: q.Get("status"),
	}
	for name, d := range map[string]string{"from": f.From, "to": f.To} {
		if d != "" && !isDate(d) {
			return f, badRequest("%s must be a date YYYY-MM-DD, got %q", name, d)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, badRequest("from (%s) is after to (%s)", f.From, f.To)
	}
	if f.Status != "" && !statuses[f.Status] {
		return f, badRequest("status must be corroborated, single-source or contested, got %q", f.Status)
	}
	for name, v := range map[string]string{"type": f.Type, "place": f.Place, "actor": f.Actor, "outlet": f.Outlet} {
		if len(v) > 200 {
			return f, badRequest("%s is longer than 200 bytes", name)
		}
	}
	var err error
	if def == 0 {
		f.Limit, err = intParam(q, "limit", 0, 0, 1<<30)
	} else {
		f.Limit, err = intParam(q, "limit", def, 1, maxLimit)
	}
	if err != nil {
		return f, err
	}
	f.Offset, err = intParam(q, "offset", 0, 0, 1<<30)
	return f, err
}

func (s *Server) listIncidents(w http.ResponseWriter, r *http.Request) error {
	f, err := incidentFilter(r.URL.Query(), defaultLimit)
	if err != nil {
		return err
	}
	incs, total, err := s.store.Incidents(r.Context(), f)
	if err != nil {
		return fmt.Errorf("list incidents: %w", err)
	}
	if incs == nil {
		incs = []domain.Incident{}
	}
	return writeJSON(w, http.StatusOK, incidentPage{Total: total, Limit: f.Limit, Offset: f.Offset, Incidents: incs})
}

// download serves the incidents matching the filters in one of the
// export formats, as an attachment; without limit it sends all of them.
func (s *Server) download(format string) func(http.ResponseWriter, *http.Request) error {
	ext := map[string]string{"json": "jsonl", "csv": "csv", "geojson": "geojson"}[format]
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := incidentFilter(r.URL.Query(), 0)
		if err != nil {
			return err
		}
		incs, _, err := s.store.Incidents(r.Context(), f)
		if err != nil {
			return fmt.Errorf("export incidents as %s: %w", format, err)
		}
		w.Header().Set("Content-Type", export.ContentType(format))
		w.Header().Set("Content-Disposition", `attachment; filename="incidents.`+ext+`"`)
		w.Header().Set("Cache-Control", "no-store")
		bw := bufio.NewWriter(w)
		if err := export.Write(bw, format, incs); err != nil {
			// Headers are sent; all that is left is to log.
			s.opts.Log.Error("export failed", "format", format, "err", err)
			return nil
		}
		return bw.Flush()
	}
}

// validID accepts the ids the store hands out (hex fingerprints, incident
// ids) and refuses anything that could not be one.
func validID(id string) bool {
	if id == "" || len(id) > 256 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

func (s *Server) getIncident(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !validID(id) {
		return badRequest("malformed incident id %q", id)
	}
	inc, err := s.store.Incident(r.Context(), id)
	if err != nil {
		return fmt.Errorf("incident %s: %w", id, err)
	}
	if inc.Conflicts == nil {
		inc.Conflicts = []domain.Conflict{}
	}
	return writeJSON(w, http.StatusOK, inc)
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !validID(id) {
		return badRequest("malformed document id %q", id)
	}
	rec, err := s.store.Document(r.Context(), id)
	if err != nil {
		return fmt.Errorf("document %s: %w", id, err)
	}
	rec.Document.EnsureLists()
	return writeJSON(w, http.StatusOK, documentView{ID: rec.ID, IngestedAt: rec.IngestedAt.UTC().Format(time.RFC3339), Document: rec.Document})
}

func (s *Server) listEntities(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if err := checkParams(q, map[string]bool{"type": true, "limit": true}); err != nil {
		return err
	}
	typ := strings.ToUpper(q.Get("type"))
	if typ != "" && !entityTypes[typ] {
		return badRequest("type must be PERSON, ORGANIZATION, ARMED_GROUP or PLACE, got %q", q.Get("type"))
	}
	limit, err := intParam(q, "limit", defaultLimit, 1, maxLimit)
	if err != nil {
		return err
	}
	ents, err := s.store.Entities(r.Context(), typ, limit)
	if err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	if ents == nil {
		ents = []domain.EntityCount{}
	}
	return writeJSON(w, http.StatusOK, ents)
}

func (s *Server) listOutlets(w http.ResponseWriter, r *http.Request) error {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		return err
	}
	outs, err := s.store.Outlets(r.Context())
	if err != nil {
		return fmt.Errorf("outlets: %w", err)
	}
	if outs == nil {
		outs = []domain.OutletStat{}
	}
	return writeJSON(w, http.StatusOK, outs)
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if err := checkParams(q, map[string]bool{"q": true, "limit": true}); err != nil {
		return err
	}
	text := strings.TrimSpace(q.Get("q"))
	if text == "" {
		return badRequest("q is required")
	}
	if len(text) > 500 {
		return badRequest("q is longer than 500 bytes")
	}
	limit, err := intParam(q, "limit", 20, 1, 100)
	if err != nil {
		return err
	}
	hits, err := s.store.Search(r.Context(), text, limit)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if hits == nil {
		hits = []domain.SearchHit{}
	}
	return writeJSON(w, http.StatusOK, hits)
}

// reportPolicy replaces the UI's policy for report pages: they carry their
// own stylesheet inline and no script at all.
const reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// situationReport writes a situation report for a day (default: the
// latest day with incidents) or a period, as HTML or Markdown.
func (s *Server) situationReport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if err := checkParams(q, map[string]bool{"date": true, "from": true, "to": true, "place": true, "format": true}); err != nil {
		return err
	}
	format := q.Get("format")
	if format == "" {
		format = "html"
	}
	if format != "html" && format != "md" {
		return badRequest("format must be html or md, got %q", format)
	}
	date := q.Get("date")
	if date != "" && (q.Has("from") || q.Has("to")) {
		return badRequest("date cannot be combined with from or to")
	}
	sub := url.Values{}
	for _, k := range []string{"from", "to", "place"} {
		if v := q.Get(k); v != "" {
			sub.Set(k, v)
		}
	}
	if date != "" {
		if !isDate(date) {
			return badRequest("date must be a date YYYY-MM-DD, got %q", date)
		}
		sub.Set("from", date)
		sub.Set("to", date)
	}
	f, err := incidentFilter(sub, 0)
	if err != nil {
		return err
	}
	if f.From == "" && f.To == "" {
		all, _, err := s.store.Incidents(r.Context(), domain.IncidentFilter{Place: f.Place})
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		if d := report.LatestDay(all); d != "" {
			f.From, f.To = d, d
		}
	}
	incs, _, err := s.store.Incidents(r.Context(), f)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	rep := report.Build(incs, report.Options{From: f.From, To: f.To, Place: f.Place})
	var buf bytes.Buffer
	if err := rep.Write(&buf, format); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if format == "html" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", reportPolicy)
	} else {
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
	}
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}
