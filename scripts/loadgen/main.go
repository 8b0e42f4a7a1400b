// Command loadgen is a bounded load generator for `sitrep serve`: it
// sends at most -n requests with -c in flight, stops after -duration
// whatever happens, talks only to a loopback address, and prints latency
// percentiles and errors per endpoint. It exits 1 if any request failed,
// so a script can hold the server to "zero errors".
//
// Usage: go run ./scripts/loadgen -addr 127.0.0.1:8080 -n 20000 -c 8 -duration 2m
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// endpoint is one kind of request; next builds the i-th URL path.
type endpoint struct {
	name string
	next func(rng *rand.Rand) string
}

var (
	filters = []string{
		"place=Aleppo", "place=Kharkiv&from=2019-01-01&to=2019-12-31", "type=Battles&from=2020-03-01&to=2020-03-31",
		"actor=Houthis&limit=20", "status=single-source&limit=20", "outlet=outlet-07&from=2018-06-01&to=2018-06-30",
		"from=2022-02-24&to=2022-03-24&type=Air%2Fdrone%20strike",
	}
	words = []string{"Kharkiv", "Aleppo", "fighting", "Houthis", "Mosul killed", "\"regional governor\"", "Rafah district 12", "ceasefire"}
)

func endpoints(ids []string) []endpoint {
	return []endpoint{
		{"GET /api/incidents", func(rng *rand.Rand) string {
			return fmt.Sprintf("/api/incidents?offset=%d&limit=50", rng.IntN(1000)*50)
		}},
		{"GET /api/incidents?filters", func(rng *rand.Rand) string {
			return "/api/incidents?" + filters[rng.IntN(len(filters))]
		}},
		{"GET /api/incidents/{id}", func(rng *rand.Rand) string {
			return "/api/incidents/" + url.PathEscape(ids[rng.IntN(len(ids))])
		}},
		{"GET /api/search?q=", func(rng *rand.Rand) string {
			return "/api/search?q=" + url.QueryEscape(words[rng.IntN(len(words))])
		}},
	}
}

type sample struct {
	ep  int
	d   time.Duration
	err error
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address (loopback only)")
	n := flag.Int("n", 10000, "total requests (spread evenly over the endpoints)")
	c := flag.Int("c", 8, "requests in flight")
	dur := flag.Duration("duration", 2*time.Minute, "hard cap on the run")
	timeout := flag.Duration("timeout", 10*time.Second, "per-request timeout (a timeout counts as an error)")
	seed := flag.Uint64("seed", 1, "random seed for the request mix")
	flag.Parse()
	if err := run(*addr, *n, *c, *dur, *timeout, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func loopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	ips, err := net.LookupIP(host)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("-addr %q is not a loopback address: loadgen only loads this machine", addr)
		}
	}
	return nil
}

func run(addr string, n, c int, dur, timeout time.Duration, seed uint64) error {
	if err := loopback(addr); err != nil {
		return err
	}
	if n <= 0 || c <= 0 {
		return errors.New("-n and -c must be positive")
	}
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	client := &http.Client{Timeout: timeout, Transport: &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c}}
	base := "http://" + addr
	ids, err := incidentIDs(ctx, client, base)
	if err != nil {
		return err
	}
	eps := endpoints(ids)
	jobs := make(chan int)
	results := make(chan sample, c)
	var wg sync.WaitGroup
	var cut atomic.Int64
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, uint64(w)))
			for i := range jobs {
				ep := i % len(eps)
				path := eps[ep].next(rng)
				start := time.Now()
				err := get(ctx, client, base+path)
				if err != nil && ctx.Err() != nil {
					cut.Add(1) // ended by the duration cap, not by the server
					continue
				}
				results <- sample{ep, time.Since(start), err}
			}
		}(w)
	}
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	lat := make([][]time.Duration, len(eps))
	errs := make([]int, len(eps))
	firstErr := make([]error, len(eps))
	start := time.Now()
	for s := range results {
		if s.err != nil {
			errs[s.ep]++
			if firstErr[s.ep] == nil {
				firstErr[s.ep] = s.err
			}
			continue
		}
		lat[s.ep] = append(lat[s.ep], s.d)
	}
	elapsed := time.Since(start)
	total, failed := 0, 0
	fmt.Printf("%-30s %8s %8s %9s %9s %9s %9s\n", "endpoint", "ok", "errors", "p50", "p95", "p99", "max")
	for i, ep := range eps {
		l := lat[i]
		sort.Slice(l, func(a, b int) bool { return l[a] < l[b] })
		fmt.Printf("%-30s %8d %8d %9s %9s %9s %9s\n", ep.name, len(l), errs[i], pct(l, 50), pct(l, 95), pct(l, 99), pct(l, 100))
		total += len(l) + errs[i]
		failed += errs[i]
		if firstErr[i] != nil {
			fmt.Printf("  first error: %v\n", firstErr[i])
		}
	}
	fmt.Printf("%d requests in %s (%.0f/s), concurrency %d, %d errors\n", total, elapsed.Round(time.Millisecond),
		float64(total)/elapsed.Seconds(), c, failed)
	if total < n {
		fmt.Printf("stopped by the %s duration cap after %d of %d requests (%d in flight abandoned)\n", dur, total, n, cut.Load())
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d requests failed", failed, total)
	}
	return nil
}

func pct(sorted []time.Duration, p int) string {
	if len(sorted) == 0 {
		return "-"
	}
	i := (len(sorted)*p + 99) / 100
	i = min(max(i-1, 0), len(sorted)-1)
	return sorted[i].Round(10 * time.Microsecond).String()
}

// get fetches one URL; anything but a 200 with a body read to the end is
// an error.
func get(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return fmt.Errorf("%s: reading body: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", u, resp.Status)
	}
	return nil
}

// incidentIDs samples incident ids from a few pages across the listing,
// for the per-incident requests.
func incidentIDs(ctx context.Context, client *http.Client, base string) ([]string, error) {
	var ids []string
	for _, off := range []int{0, 1000, 10000, 100000, 500000} {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/api/incidents?limit=100&offset=%d", base, off), nil)
		if err != nil {
			return nil, err
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("list incidents: %w", err)
		}
		var page struct {
			Incidents []struct {
				ID string `json:"id"`
			} `json:"incidents"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("list incidents: %s %v", resp.Status, err)
		}
		for _, inc := range page.Incidents {
			ids = append(ids, inc.ID)
		}
	}
	if len(ids) == 0 {
		return nil, errors.New("the store has no incidents to request")
	}
	return ids, nil
}
