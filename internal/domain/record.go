package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
)

// Record is a document as the store keeps it: its identity, the verbatim
// input it was read from and when it was ingested.
type Record struct {
	ID         string
	Document   Document
	Raw        []byte
	IngestedAt time.Time
}

// Fingerprint identifies a document by its normalised content: outlet,
// headline and body with case, punctuation and spacing folded. Re-reading
// the same article (from a file, a feed or a record) gives the same value,
// while the same wire story printed by two outlets stays two documents, as
// both are reports the incident layer must see.
func (d *Document) Fingerprint() string {
	h := sha256.New()
	for _, s := range []string{Deref(d.Source.Outlet), Deref(d.Source.Headline), d.Text} {
		h.Write([]byte(normalise(s)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// normalise keeps letters and digits, lower-cased, one space between words.
func normalise(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return b.String()
}
