package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/pipeline"
)

// Store is what the server reads and writes. It is declared here, by its
// consumer; *sqlite.Store implements it.
type Store interface {
	PutDocuments(ctx context.Context, recs []domain.Record) ([]bool, error)
	Document(ctx context.Context, id string) (domain.Record, error)
	Incidents(ctx context.Context, f domain.IncidentFilter) ([]domain.Incident, int, error)
	Incident(ctx context.Context, id string) (domain.Incident, error)
	Search(ctx context.Context, q string, limit int) ([]domain.SearchHit, error)
	Entities(ctx context.Context, typ string, limit int) ([]domain.EntityCount, error)
	Outlets(ctx context.Context) ([]domain.OutletStat, error)
	CheckToken(ctx context.Context, tok string) (bool, error)
}

// Options tune a Server; zero values give the defaults.
type Options struct {
	// MaxBody caps request bodies (POST /api/documents); default 10 MB.
	MaxBody int64
	// Log receives server errors; default discards.
	Log *slog.Logger
	// Now stamps ingested documents; default time.Now.
	Now func() time.Time
	// RequestTimeout bounds the work one API request may do (its store
	// queries see the deadline); default 15 s.
	RequestTimeout time.Duration
	// MaxInFlight bounds how many API requests run at once; the others
	// wait (up to their timeout) for a turn. Default 4 per CPU.
	MaxInFlight int
}

// errBusy: no turn came before the request's deadline.
var errBusy = errors.New("server busy")

// Server answers the API and serves the UI for one store.
type Server struct {
	store Store
	pipe  *pipeline.Pipeline
	opts  Options
	mux   *http.ServeMux
	// ingest serialises POST /api/documents: the cleaner's Learn step
	// keeps per-outlet state that one batch at a time must update.
	ingest sync.Mutex
	// slots is the semaphore of MaxInFlight.
	slots chan struct{}
}

// Route is one registered endpoint.
type Route struct {
	Method, Pattern string
}

// routes lists every endpoint; Routes and the mux are both built from it,
// so the OpenAPI test sees exactly what is served.
func (s *Server) routes() []struct {
	Route
	h http.Handler
} {
	type r = struct {
		Route
		h http.Handler
	}
	api := func(method, pattern string, h func(http.ResponseWriter, *http.Request) error) r {
		return r{Route{method, pattern}, s.wrap(h)}
	}
	return []r{
		api("GET", "/api/openapi.json", s.openAPI),
		api("GET", "/api/incidents", s.listIncidents),
		api("GET", "/api/incidents.csv", s.download("csv")),
		api("GET", "/api/incidents.geojson", s.download("geojson")),
		api("GET", "/api/incidents.jsonl", s.download("json")),
		api("GET", "/api/incidents/{id}", s.getIncident),
		api("GET", "/api/documents/{id}", s.getDocument),
		api("POST", "/api/documents", s.postDocuments),
		api("GET", "/api/entities", s.listEntities),
		api("GET", "/api/outlets", s.listOutlets),
		api("GET", "/api/search", s.search),
		api("GET", "/api/report", s.situationReport),
		{Route{"GET", "/{$}"}, http.HandlerFunc(s.index)},
		{Route{"GET", "/static/"}, s.static()},
	}
}

// New returns a Server over st; pipe is used to analyse posted documents
// and may be nil, in which case POST /api/documents answers 500.
func New(st Store, pipe *pipeline.Pipeline, opts Options) *Server {
	if opts.MaxBody <= 0 {
		opts.MaxBody = 10 << 20
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = 15 * time.Second
	}
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = 4 * runtime.GOMAXPROCS(0)
	}
	s := &Server{store: st, pipe: pipe, opts: opts, mux: http.NewServeMux(),
		slots: make(chan struct{}, opts.MaxInFlight)}
	for _, r := range s.routes() {
		s.mux.Handle(r.Method+" "+r.Pattern, r.h)
	}
	// Unknown API paths answer JSON, not the mux's text 404.
	s.mux.Handle("/api/", s.wrap(func(w http.ResponseWriter, r *http.Request) error {
		return notFound("no such endpoint: %s %s", r.Method, r.URL.Path)
	}))
	return s
}

// Routes lists the registered endpoints (method and pattern).
func (s *Server) Routes() []Route {
	var out []Route
	for _, r := range s.routes() {
		out = append(out, r.Route)
	}
	return out
}

// ServeHTTP adds the security headers every response carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	s.mux.ServeHTTP(w, r)
}

// wrap turns an error-returning handler into an http.Handler, sending
// every error through fail.
func (s *Server) wrap(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A deadline the store's queries see, and a bounded number of
		// requests at work: a burst of expensive listings waits its turn
		// (or gets 503) instead of piling up behind the write timeout.
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.RequestTimeout)
		defer cancel()
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		case <-ctx.Done():
			fail(s.opts.Log, w, r, errBusy)
			return
		}
		if err := h(w, r.WithContext(ctx)); err != nil {
			fail(s.opts.Log, w, r, err)
		}
	})
}

// Serve answers HTTP on ln with h until ctx is cancelled, then shuts down
// gracefully, giving in-flight requests a few seconds to finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down %s: %w", ln.Addr(), err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}
