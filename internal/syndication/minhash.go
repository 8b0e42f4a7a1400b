package syndication

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// Signature sizes: 64 hashes in 32 bands of 2 rows. A pair with Jaccard
// similarity 0.35 shares a band with probability 1-(1-0.35²)³² ≈ 0.98, so
// copies are almost always compared; a pair of unrelated stories (≈ 0.02)
// becomes a candidate about 1% of the time, and the full comparison then
// rejects it.
const (
	Hashes = 64
	Bands  = 32
	rows   = Hashes / Bands
)

// Threshold is the estimated Jaccard similarity above which two bodies are
// one source.
const Threshold = 0.5

// Signature is a MinHash signature of a text.
type Signature [Hashes]uint32

// seeds perturb one base hash into Hashes independent-enough hashes
// (the "one hash, many xor masks" trick); fixed so signatures stored by one
// version are comparable with the next.
var seeds = func() [Hashes]uint64 {
	var s [Hashes]uint64
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		s[i] = x
	}
	return s
}()

// Sign computes the signature of a body over word 3-shingles of its
// letters and digits, lower-cased. A text of fewer than three words gets
// a signature of its words.
func Sign(text string) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	n := 3
	if len(words) < n {
		n = len(words)
	}
	for i := 0; i+n <= len(words) && n > 0; i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+n] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		base := h.Sum64()
		for j := range sig {
			v := mix(base ^ seeds[j])
			if uint32(v) < sig[j] {
				sig[j] = uint32(v)
			}
		}
	}
	return sig
}

// mix is the splitmix64 finaliser: cheap and well distributed.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// Similarity estimates the Jaccard similarity of the shingle sets.
func (s Signature) Similarity(o Signature) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// BandKeys returns one key per band; two signatures sharing a key are
// candidates for comparison. Keys are stable across runs and versions.
func (s Signature) BandKeys() [Bands]uint64 {
	var keys [Bands]uint64
	var buf [rows * 4]byte
	for b := 0; b < Bands; b++ {
		for r := 0; r < rows; r++ {
			binary.LittleEndian.PutUint32(buf[r*4:], s[b*rows+r])
		}
		h := fnv.New64a()
		h.Write([]byte{byte(b)})
		h.Write(buf[:])
		keys[b] = h.Sum64()
	}
	return keys
}

// Bytes encodes the signature for storage.
func (s Signature) Bytes() []byte {
	b := make([]byte, Hashes*4)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[i*4:], v)
	}
	return b
}

// FromBytes decodes a stored signature; ok is false for a wrong length.
func FromBytes(b []byte) (s Signature, ok bool) {
	if len(b) != Hashes*4 {
		return s, false
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	return s, true
}
