package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// CreateToken makes a new API token named name and returns it; only its
// hash is stored, so it cannot be shown again.
func (s *Store) CreateToken(ctx context.Context, name string, now time.Time) (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	tok := "sitrep_" + hex.EncodeToString(b)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO api_tokens (hash, name, created_at) VALUES ($1, $2, $3)`,
		hashToken(tok), name, now.UTC().Format(time.RFC3339)); err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	return tok, nil
}

// CheckToken reports whether tok is a valid API token.
func (s *Store) CheckToken(ctx context.Context, tok string) (bool, error) {
	if tok == "" {
		return false, nil
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM api_tokens WHERE hash = $1`, hashToken(tok)).Scan(&n); err != nil {
		return false, fmt.Errorf("check token: %w", err)
	}
	return n > 0, nil
}

func hashToken(tok string) string {
	h := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(h[:])
}
