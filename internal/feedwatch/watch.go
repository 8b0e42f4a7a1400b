package feedwatch

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"sync"
	"time"
)

// State is what the watcher remembers of one feed between polls.
type State struct {
	ETag         string
	LastModified string
	Failures     int       // consecutive failed polls
	NextPoll     time.Time // zero: poll now
	CheckedAt    time.Time
}

// States keeps feed state; the stores implement it so that state survives
// restarts (internal/postgres), and MemoryStates serves tests.
type States interface {
	FeedState(ctx context.Context, url string) (State, error)
	SaveFeedState(ctx context.Context, url string, st State) error
}

// IngestFunc hands a fetched feed body to the pipeline and store and
// reports how many documents were new. It must be idempotent: a feed
// repeats its items on every fetch.
type IngestFunc func(ctx context.Context, feedURL string, body []byte) (int, error)

// Watcher polls feeds.
type Watcher struct {
	Client     *http.Client
	States     States
	Ingest     IngestFunc
	Every      time.Duration // between successful polls; 0 means 5 minutes
	MaxBackoff time.Duration // cap on the error backoff; 0 means 6 hours
	MaxBytes   int64         // largest body read; 0 means 10 MB
	UserAgent  string
	Now        func() time.Time
	// Rand returns a number in [0, 1) for jitter; tests make it fixed.
	Rand func() float64
	Log  *slog.Logger
}

// Outcome is what one poll did.
type Outcome struct {
	Status      int // HTTP status, 0 if no response
	NotModified bool
	New         int
	Next        time.Time
	Err         error
}

func (w *Watcher) defaults() {
	if w.Client == nil {
		w.Client = NewClient(false, time.Minute)
	}
	if w.Every <= 0 {
		w.Every = 5 * time.Minute
	}
	if w.MaxBackoff <= 0 {
		w.MaxBackoff = 6 * time.Hour
	}
	if w.MaxBytes <= 0 {
		w.MaxBytes = 10 << 20
	}
	if w.UserAgent == "" {
		w.UserAgent = "sitrep-watch/1 (+https://github.com/sitrep/sitrep)"
	}
	if w.Now == nil {
		w.Now = time.Now
	}
	if w.Rand == nil {
		w.Rand = lockedRand()
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
}

// Backoff is the wait after the n-th consecutive failure (n ≥ 1): every
// doubled per failure, capped, with "equal jitter": half the delay is
// fixed and half random, so retries spread out but never come too soon.
func Backoff(every, max time.Duration, n int, r float64) time.Duration {
	d := float64(every) * math.Pow(2, float64(min(n, 30)))
	if d > float64(max) {
		d = float64(max)
	}
	return time.Duration(d/2 + d/2*r)
}

// Poll fetches one feed once, conditionally, ingests it if it changed and
// records the outcome in the feed's state. An error of the feed (network,
// status, ingest) is in Outcome.Err and schedules a backoff; the returned
// error is for state that could not be read or saved, or ctx ending.
func (w *Watcher) Poll(ctx context.Context, feedURL string) (Outcome, error) {
	w.defaults()
	st, err := w.States.FeedState(ctx, feedURL)
	if err != nil {
		return Outcome{}, fmt.Errorf("feed %s: state: %w", feedURL, err)
	}
	out := w.fetch(ctx, feedURL, &st)
	if err := ctx.Err(); err != nil {
		// Stopping is not the feed's fault: no backoff, state unchanged.
		return out, err
	}
	now := w.Now()
	st.CheckedAt = now
	if out.Err != nil {
		st.Failures++
		st.NextPoll = now.Add(Backoff(w.Every, w.MaxBackoff, st.Failures, w.Rand()))
		w.Log.Warn("feed poll failed", "feed", feedURL, "failures", st.Failures, "retry", st.NextPoll, "err", out.Err)
	} else {
		st.Failures = 0
		st.NextPoll = now.Add(w.Every)
	}
	out.Next = st.NextPoll
	if err := w.States.SaveFeedState(ctx, feedURL, st); err != nil {
		return out, fmt.Errorf("feed %s: save state: %w", feedURL, err)
	}
	return out, nil
}

func (w *Watcher) fetch(ctx context.Context, feedURL string, st *State) Outcome {
	if _, err := CheckURL(feedURL); err != nil {
		return Outcome{Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, feedURL, nil)
	if err != nil {
		return Outcome{Err: fmt.Errorf("feed %s: %w", feedURL, err)}
	}
	req.Header.Set("User-Agent", w.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if st.ETag != "" {
		req.Header.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		req.Header.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := w.Client.Do(req)
	if err != nil {
		return Outcome{Err: fmt.Errorf("feed %s: %w", feedURL, err)}
	}
	defer resp.Body.Close()
	out := Outcome{Status: resp.StatusCode}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out
	case resp.StatusCode != http.StatusOK:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		out.Err = fmt.Errorf("feed %s: %s", feedURL, resp.Status)
		return out
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, w.MaxBytes+1))
	if err != nil {
		out.Err = fmt.Errorf("feed %s: read: %w", feedURL, err)
		return out
	}
	if int64(len(body)) > w.MaxBytes {
		out.Err = fmt.Errorf("feed %s: larger than %d bytes", feedURL, w.MaxBytes)
		return out
	}
	n, err := w.Ingest(ctx, feedURL, body)
	if err != nil {
		out.Err = fmt.Errorf("feed %s: ingest: %w", feedURL, err)
		return out
	}
	out.New = n
	// Validators are remembered only once the body is safely stored, so a
	// failed ingest is fetched in full again.
	st.ETag = resp.Header.Get("ETag")
	st.LastModified = resp.Header.Get("Last-Modified")
	return out
}

// Run polls each feed when it is due, until ctx is cancelled (then it
// returns nil). report, if not nil, sees every outcome.
func (w *Watcher) Run(ctx context.Context, feeds []string, report func(string, Outcome)) error {
	w.defaults()
	for _, f := range feeds {
		if _, err := CheckURL(f); err != nil {
			return err
		}
	}
	for {
		next := time.Time{}
		for _, f := range feeds {
			if ctx.Err() != nil {
				return nil
			}
			st, err := w.States.FeedState(ctx, f)
			if err != nil {
				return fmt.Errorf("feed %s: state: %w", f, err)
			}
			due := st.NextPoll
			if !due.After(w.Now()) {
				out, err := w.Poll(ctx, f)
				if err != nil {
					if ctx.Err() != nil {
						return nil
					}
					return err
				}
				if report != nil {
					report(f, out)
				}
				due = out.Next
			}
			if next.IsZero() || due.Before(next) {
				next = due
			}
		}
		wait := next.Sub(w.Now())
		if wait < time.Second {
			wait = time.Second
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// MemoryStates keeps feed state in memory (tests, one-off runs).
type MemoryStates struct {
	mu sync.Mutex
	m  map[string]State
}

// FeedState returns the state of url, zero if unknown.
func (m *MemoryStates) FeedState(_ context.Context, url string) (State, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.m[url], nil
}

// SaveFeedState records the state of url.
func (m *MemoryStates) SaveFeedState(_ context.Context, url string, st State) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[string]State{}
	}
	m.m[url] = st
	return nil
}
