package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/domain"
)

func TestStatusMapping(t *testing.T) {
	tests := []struct {
		name string
		err  error
		code int
		msg  string
	}{
		{"bad request", badRequest("limit must be %d", 5), 400, "limit must be 5"},
		{"not found", notFound("no incident %s", "x"), 404, "no incident x"},
		{"store not found", fmt.Errorf("incident x: %w", domain.ErrNotFound), 404, "not found"},
		{"unauthorized", errUnauthorized, 401, "missing or invalid bearer token"},
		{"too large", fmt.Errorf("read body: %w", &http.MaxBytesError{Limit: 10}), 413, "request body larger than 10 bytes"},
		{"wrapped api error", fmt.Errorf("outer: %w", badRequest("inner")), 400, "inner"},
		{"anything else", errors.New("disk I/O error at /var/lib/secret.db"), 500, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, msg := status(tt.err)
			if code != tt.code || msg != tt.msg {
				t.Errorf("status(%v) = %d %q, want %d %q", tt.err, code, msg, tt.code, tt.msg)
			}
		})
	}
}

// brokenStore fails every call, as a store whose disk went away would.
type brokenStore struct{}

var errBroken = errors.New("database disk image is malformed")

func (brokenStore) PutDocuments(context.Context, []domain.Record) ([]bool, error) {
	return nil, errBroken
}
func (brokenStore) Document(context.Context, string) (domain.Record, error) {
	return domain.Record{}, errBroken
}
func (brokenStore) Incidents(context.Context, domain.IncidentFilter) ([]domain.Incident, int, error) {
	return nil, 0, errBroken
}
func (brokenStore) Incident(context.Context, string) (domain.Incident, error) {
	return domain.Incident{}, errBroken
}
func (brokenStore) Search(context.Context, string, int) ([]domain.SearchHit, error) {
	return nil, errBroken
}
func (brokenStore) Entities(context.Context, string, int) ([]domain.EntityCount, error) {
	return nil, errBroken
}
func (brokenStore) Outlets(context.Context) ([]domain.OutletStat, error) { return nil, errBroken }
func (brokenStore) CheckToken(context.Context, string) (bool, error)     { return false, errBroken }

func TestServerErrorsAreLoggedNotShown(t *testing.T) {
	var logs bytes.Buffer
	s := New(brokenStore{}, nil, Options{Log: slog.New(slog.NewTextHandler(&logs, nil))})
	for _, path := range []string{"/api/incidents", "/api/incidents/x", "/api/documents/x", "/api/entities", "/api/outlets", "/api/search?q=x"} {
		logs.Reset()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 500 {
			t.Errorf("%s: status %d, want 500", path, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "malformed") {
			t.Errorf("%s: cause leaked to client: %s", path, rec.Body)
		}
		if !strings.Contains(logs.String(), "malformed") {
			t.Errorf("%s: cause not logged: %q", path, logs.String())
		}
	}
}

func TestBearer(t *testing.T) {
	tests := []struct{ header, want string }{
		{"Bearer abc", "abc"},
		{"bearer  abc ", "abc"},
		{"Basic abc", ""},
		{"Bearer", ""},
		{"", ""},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("POST", "/api/documents", nil)
		if tt.header != "" {
			r.Header.Set("Authorization", tt.header)
		}
		if got := bearer(r); got != tt.want {
			t.Errorf("bearer(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func FuzzIncidentFilter(f *testing.F) {
	for _, s := range []string{"", "limit=10&offset=5", "from=2024-01-01&to=2024-02-01", "status=contested",
		"limit=-1", "from=2024-13-40", "place=%00", "type=Battles&type=Riots", "offset=99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		fl, err := incidentFilter(q, defaultLimit)
		if err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.status != 400 {
				t.Fatalf("error %v is not a 400", err)
			}
			return
		}
		if fl.Limit < 1 || fl.Limit > maxLimit || fl.Offset < 0 {
			t.Fatalf("accepted limit %d offset %d", fl.Limit, fl.Offset)
		}
		if fl.From != "" && !isDate(fl.From) || fl.To != "" && !isDate(fl.To) {
			t.Fatalf("accepted dates %q %q", fl.From, fl.To)
		}
		if fl.Status != "" && !statuses[fl.Status] {
			t.Fatalf("accepted status %q", fl.Status)
		}
	})
}

func FuzzBearer(f *testing.F) {
	for _, s := range []string{"Bearer x", "bearer", "BEARER  tok  ", "Basic Zm9v", "Bearer \x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		r := httptest.NewRequest("POST", "/", nil)
		r.Header["Authorization"] = []string{h}
		tok := bearer(r)
		if tok != strings.TrimSpace(tok) {
			t.Fatalf("token %q has surrounding space", tok)
		}
		if tok != "" && !strings.Contains(h, tok) {
			t.Fatalf("token %q not in header %q", tok, h)
		}
	})
}
