package feedwatch

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SQLStates keeps feed state in a table of a SQLite database (the file
// store of `sitrep watch --db FILE`), created on first use. The table is
// the watcher's own: the store's schema does not depend on it.
type SQLStates struct {
	db *sql.DB
}

// NewSQLStates prepares the feed_state table in db, a database/sql handle
// on SQLite ("?" parameters).
func NewSQLStates(ctx context.Context, db *sql.DB) (*SQLStates, error) {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS feed_state (
		url TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL,
		failures INTEGER NOT NULL, next_poll TEXT NOT NULL, checked_at TEXT NOT NULL)`); err != nil {
		return nil, fmt.Errorf("feed state table: %w", err)
	}
	return &SQLStates{db: db}, nil
}

// FeedState returns the state of url, zero if never polled.
func (s *SQLStates) FeedState(ctx context.Context, url string) (State, error) {
	var st State
	var next, checked string
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, failures, next_poll, checked_at FROM feed_state WHERE url = ?`, url).
		Scan(&st.ETag, &st.LastModified, &st.Failures, &next, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return State{}, nil
	}
	if err != nil {
		return st, fmt.Errorf("feed state %s: %w", url, err)
	}
	st.NextPoll, st.CheckedAt = parseTime(next), parseTime(checked)
	return st, nil
}

// SaveFeedState records the state of url.
func (s *SQLStates) SaveFeedState(ctx context.Context, url string, st State) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO feed_state (url, etag, last_modified, failures, next_poll, checked_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
		last_modified = excluded.last_modified, failures = excluded.failures, next_poll = excluded.next_poll,
		checked_at = excluded.checked_at`,
		url, st.ETag, st.LastModified, st.Failures, formatTime(st.NextPoll), formatTime(st.CheckedAt))
	if err != nil {
		return fmt.Errorf("save feed state %s: %w", url, err)
	}
	return nil
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
