package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  byte = iota + 1 // letters
	kNum                   // digits, with thousands commas and a decimal part
	kPunct                 // any other single rune
)

// token is one word, number or punctuation mark: offsets into the text
// and into its ASCII-lowercased copy (same byte length).
type token struct {
	// num is the value of a number token; plain is set when it has no
	// thousands separator or decimal part (a candidate year).
	num        float64
	start, end int32
	// sent is the index of the sentence the token belongs to.
	sent  int32
	kind  byte
	plain bool
	// ordinal marks 1st, 14th...; zero marks digits with a leading zero
	// ("071"), which are codes, not counts.
	ordinal, zero bool
	// space: whitespace precedes the token; nl: a line break does.
	space, nl bool
	upper     bool
}

// lowerASCII lowers A-Z only, so byte offsets of the result match text.
func lowerASCII(text string) string {
	i := 0
	for i < len(text) && !(text[i] >= 'A' && text[i] <= 'Z') {
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

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tokenize splits text into tokens and numbers their sentences; low is
// lowerASCII(text).
func tokenize(text, low string, out []token) []token {
	space, nl := true, true
	sent := int32(0)
	endSentence := false
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\r' {
			space = true
			i++
			continue
		}
		if c == '\n' {
			space, nl = true, true
			i++
			continue
		}
		var t token
		switch {
		case isDigit(c):
			j := i
			v := 0.0
			for j < len(text) && isDigit(text[j]) {
				v = v*10 + float64(text[j]-'0')
				j++
			}
			plain := true
			// thousands groups: ",ddd", or "\u00a0ddd" / thin space ddd after a
			// group of at most three digits ("8\u202f000"), not followed by
			// another digit
			short := j-i <= 3
			for {
				sep := 0
				switch {
				case j < len(text) && text[j] == ',':
					sep = 1
				case short && strings.HasPrefix(text[j:], "\u00a0"):
					sep = len("\u00a0")
				case short && (strings.HasPrefix(text[j:], "\u2009") || strings.HasPrefix(text[j:], "\u202f")):
					sep = len("\u2009")
				}
				g := j + sep
				if sep == 0 || g+3 > len(text) || !isDigit(text[g]) || !isDigit(text[g+1]) || !isDigit(text[g+2]) || g+3 < len(text) && isDigit(text[g+3]) {
					break
				}
				v = v*1000 + float64(text[g]-'0')*100 + float64(text[g+1]-'0')*10 + float64(text[g+2]-'0')
				j = g + 3
				plain = false
			}
			if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
				scale := 0.1
				j++
				for j < len(text) && isDigit(text[j]) {
					v += float64(text[j]-'0') * scale
					scale /= 10
					j++
				}
				plain = false
			}
			t = token{start: int32(i), kind: kNum, num: v, plain: plain, zero: c == '0' && i+1 < len(text) && isDigit(text[i+1])}
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
		case isLetterByte(c) || c >= utf8.RuneSelf && isLetterAt(text, i):
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
			t = token{start: int32(i), end: int32(j), kind: kWord, upper: c >= 'A' && c <= 'Z'}
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
			t = token{start: int32(i), end: int32(i + size), kind: kPunct}
		}
		if endSentence && (nl || space && (t.upper || t.kind == kPunct || t.kind == kNum)) {
			sent++
		} else if nl && len(out) > 0 {
			sent++
		}
		endSentence = false
		t.space, t.nl, t.sent = space, nl, sent
		if t.kind == kPunct && (c == '.' || c == '!' || c == '?' || c == ';') {
			endSentence = true
		}
		out = append(out, t)
		i = int(t.end)
		space, nl = false, false
	}
	return out
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// words splits a lexicon term into the token strings the tokenizer gives.
func words(term string) []string {
	low := lowerASCII(term)
	toks := tokenize(term, low, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = low[t.start:t.end]
	}
	return out
}
