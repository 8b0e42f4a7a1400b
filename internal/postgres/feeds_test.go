package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep/sitrep/internal/feedwatch"
)

func TestFeedStateRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, dsn := openFresh(t)
	const u = "https://frontline.example/rss"
	st, err := s.FeedState(ctx, u)
	if err != nil || st != (feedwatch.State{}) {
		t.Fatalf("unknown feed: %+v, %v; want the zero state", st, err)
	}
	want := feedwatch.State{ETag: `W/"abc"`, LastModified: "Fri, 01 May 2026 08:00:00 GMT", Failures: 2,
		NextPoll: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC), CheckedAt: time.Date(2026, 5, 1, 8, 45, 0, 123000, time.UTC)}
	for _, st := range []feedwatch.State{{ETag: "old"}, want} {
		if err := s.SaveFeedState(ctx, u, st); err != nil {
			t.Fatal(err)
		}
	}
	got, err := openAt(t, dsn).FeedState(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	eq := cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })
	if diff := cmp.Diff(want, got, eq); diff != "" {
		t.Errorf("state (-want +got):\n%s", diff)
	}
	other, err := s.FeedState(ctx, u+"?page=2")
	if err != nil || other != (feedwatch.State{}) {
		t.Errorf("another feed: %+v, %v", other, err)
	}
}
