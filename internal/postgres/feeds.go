package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/feedwatch"
)

var _ feedwatch.States = (*Store)(nil)

// FeedState returns what `sitrep watch` remembers of a feed; the zero
// State for a feed never polled.
func (s *Store) FeedState(ctx context.Context, url string) (feedwatch.State, error) {
	var st feedwatch.State
	var next, checked sql.NullTime
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, failures, next_poll, checked_at FROM feeds WHERE url = $1`, url).
		Scan(&st.ETag, &st.LastModified, &st.Failures, &next, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return feedwatch.State{}, nil
	}
	if err != nil {
		return st, fmt.Errorf("feed state %s: %w", url, err)
	}
	st.NextPoll, st.CheckedAt = next.Time, checked.Time
	return st, nil
}

// SaveFeedState records a feed's state after a poll.
func (s *Store) SaveFeedState(ctx context.Context, url string, st feedwatch.State) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, failures, next_poll, checked_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
			failures = EXCLUDED.failures, next_poll = EXCLUDED.next_poll, checked_at = EXCLUDED.checked_at`,
		url, st.ETag, st.LastModified, st.Failures, nullTime(st.NextPoll), nullTime(st.CheckedAt))
	if err != nil {
		return fmt.Errorf("save feed state %s: %w", url, err)
	}
	return nil
}

func nullTime(t time.Time) sql.NullTime {
	return sql.NullTime{Time: t.UTC(), Valid: !t.IsZero()}
}
