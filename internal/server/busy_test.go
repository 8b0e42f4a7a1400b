package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/server"
)

// stuckStore's listings wait for release, as a query stuck on a lock
// would; with honour set they give up when the request's deadline passes.
type stuckStore struct {
	server.Store
	release chan struct{}
	honour  bool
}

func (s stuckStore) Incidents(ctx context.Context, f domain.IncidentFilter) ([]domain.Incident, int, error) {
	done := ctx.Done()
	if !s.honour {
		done = nil
	}
	select {
	case <-done:
		return nil, 0, ctx.Err()
	case <-s.release:
		return s.Store.Incidents(ctx, f)
	}
}

func status(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Error(err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestBusyServerAnswers503(t *testing.T) {
	release := make(chan struct{})
	s := server.New(stuckStore{Store: fixtureStore(t), release: release},
		nil, server.Options{MaxInFlight: 1, RequestTimeout: 300 * time.Millisecond})
	ts := httptest.NewServer(s)
	defer ts.Close()
	first := make(chan int, 1)
	go func() { first <- status(t, ts.URL+"/api/incidents") }()
	time.Sleep(50 * time.Millisecond) // let the first request take the only slot
	if got := status(t, ts.URL+"/api/outlets"); got != http.StatusServiceUnavailable {
		t.Errorf("request waiting for a slot: status %d, want 503", got)
	}
	close(release)
	<-first
}

func TestSlowQueryAnswers503(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	s := server.New(stuckStore{Store: fixtureStore(t), release: release, honour: true},
		nil, server.Options{RequestTimeout: 100 * time.Millisecond})
	ts := httptest.NewServer(s)
	defer ts.Close()
	if got := status(t, ts.URL+"/api/incidents"); got != http.StatusServiceUnavailable {
		t.Errorf("query past its deadline: status %d, want 503", got)
	}
}
