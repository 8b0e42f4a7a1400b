package entity

import (
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

// Recognizer finds entity mentions in article text. It is built once from
// a knowledge base and is safe for concurrent use.
type Recognizer struct {
	k *kb.KB
}

// New builds a Recognizer from the knowledge base.
func New(k *kb.KB) (*Recognizer, error) {
	return &Recognizer{k: k}, nil
}

// Find returns the entity mentions of text, sorted by Start. published
// dates role phrases ("the Russian president"); zero means unknown.
func (r *Recognizer) Find(text string, published time.Time) []domain.Entity {
	return nil
}
