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

// token is one word, number or punctuation mark of the text. s is the
// ASCII-lowercased form (same byte length as the original, so offsets hold).
type token struct {
	s          string
	start, end int
	kind       byte
	// num is the value of a number token (without its ordinal suffix).
	num int
	// digits is the count of digits of a number token.
	digits int
	// ordinal is set for 14th, 1st...
	ordinal bool
	// space: whitespace (or the text start) precedes the token.
	space bool
	// upper: the original token starts with an upper-case letter.
	upper bool
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
				if n < 1e8 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			t := token{start: i, kind: kNum, num: n, digits: j - i, space: space}
			if j+1 < len(low) {
				switch low[j : j+2] {
				case "st", "nd", "rd", "th":
					if j+2 == len(low) || !isLetterByte(low[j+2]) {
						t.ordinal = true
						j += 2
					}
				}
			}
			t.end = j
			t.s = low[i:j]
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
			out = append(out, token{s: low[i:j], start: i, end: j, kind: kWord, space: space, upper: c >= 'A' && c <= 'Z'})
			i = j
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
			out = append(out, token{s: low[i : i+size], start: i, end: i + size, kind: kPunct, space: space})
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
