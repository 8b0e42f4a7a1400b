package temporal

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  byte = iota + 1 // letters
	kNum                   // digits, possibly with an ordinal suffix (14th)
	kPunct                 // any other single rune
)

// token is one word, number or punctuation mark of the text: offsets into
// the text and into its ASCII-lowercased copy (same byte length).
type token struct {
	// num is the value of a number token (without its ordinal suffix).
	num        int
	start, end int32
	kind       byte
	// flags classify a word once, so that matching skips most tokens
	// without looking them up again.
	flags byte
	// digits is the count of digits of a number token.
	digits uint8
	// ordinal is set for 14th, 1st...
	ordinal bool
	// space: whitespace (or the text start) precedes the token.
	space bool
	// upper: the original token starts with an upper-case letter.
	upper bool
}

// Word flags.
const (
	fMonth   byte = 1 << iota // a month name or abbreviation
	fWeekday                  // a weekday name
	fNumber                   // a number word
	fUnit                     // day, week, month...
	fStart                    // a word a match may start with
	fCore                     // a word a match may continue with after a preposition
)

// vocab maps every word the matcher knows to its flags.
var vocab = buildVocab()

func buildVocab() map[string]byte {
	v := map[string]byte{}
	for w := range months {
		v[w] |= fMonth | fStart | fCore
	}
	for w := range weekdays {
		v[w] |= fWeekday | fStart | fCore
	}
	for w := range numberWords {
		v[w] |= fNumber | fStart | fCore
	}
	for w := range units {
		v[w] |= fUnit
	}
	for _, w := range []string{"earlier", "early", "late", "later", "mid", "on", "in", "since",
		"from", "between", "during", "for", "over", "by", "until", "till", "through",
		"throughout", "at", "within", "before", "after", "as", "of"} {
		v[w] |= fStart
	}
	for _, w := range []string{"spring", "summer", "autumn", "fall", "winter"} {
		v[w] |= fStart | fCore
	}
	for _, w := range []string{"today", "tonight", "yesterday", "tomorrow", "overnight", "last",
		"this", "next", "the", "that", "then", "early", "late", "mid"} {
		v[w] |= fStart | fCore
	}
	return v
}

// lowerASCII lowers A-Z only, so byte offsets of the result match text.
func lowerASCII(text string) string {
	i := 0
	for i < len(text) {
		c := text[i]
		if c >= 'A' && c <= 'Z' {
			break
		}
		i++
	}
	if i == len(text) {
		return text
	}
	b := []byte(text)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// tokenize splits text into tokens; low is lowerASCII(text).
func tokenize(text, low string, out []token) []token {
	space := true
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if n < 1e7 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			t := token{start: int32(i), kind: kNum, num: n, digits: uint8(min(j-i, 255)), space: space}
			if j+1 < len(low) {
				switch low[j : j+2] {
				case "st", "nd", "rd", "th":
					if j+2 == len(low) || !isLetterByte(low[j+2]) {
						t.ordinal = true
						j += 2
					}
				}
			}
			t.end = int32(j)
			out = append(out, t)
			i = j
		case c < utf8.RuneSelf && isLetterByte(c) || c >= utf8.RuneSelf && isLetterAt(text, i):
			j := i
			for j < len(text) {
				if text[j] < utf8.RuneSelf {
					if !isLetterByte(text[j]) {
						break
					}
					j++
					continue
				}
				r, size := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += size
			}
			w := low[i:j]
			out = append(out, token{start: int32(i), end: int32(j), kind: kWord, flags: vocab[w], space: space, upper: c >= 'A' && c <= 'Z'})
			i = j
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
			out = append(out, token{start: int32(i), end: int32(i + size), kind: kPunct, space: space})
			i += size
		}
		space = false
	}
	return out
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}
