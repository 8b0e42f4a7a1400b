package event

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one token of a sentence: a run of letters, digits, inner
// hyphens and apostrophes, with its byte offsets and a lower-case form in
// which the typographic apostrophe is a plain one.
type word struct {
	start, end int
	lw         string
}

// tokenize appends the words of text[a:b] to buf. The lower-case forms
// of ASCII words share one lowered copy of text[a:b], so a sentence costs
// one allocation, not one per capitalised word.
func tokenize(text string, a, b int, buf []word) []word {
	lowered := ""
	if hasUpperASCII(text[a:b]) {
		lowered = lowerASCII(text[a:b])
	}
	i := a
	for i < b {
		r, n := rune(text[i]), 1
		if r < utf8.RuneSelf {
			if !asciiWord[r] {
				i++
				continue
			}
		} else if r, n = utf8.DecodeRuneInString(text[i:b]); !isWordRune(r) {
			i += n
			continue
		}
		j := i + n
		ascii := r < utf8.RuneSelf
		for j < b {
			if c := text[j]; c < utf8.RuneSelf && asciiWord[c] {
				j++
				continue
			}
			r2, n2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(text[j:b])
			}
			if r2 >= utf8.RuneSelf && isWordRune(r2) {
				ascii = false
				j += n2
				continue
			}
			// inner hyphen or apostrophe followed by a letter or digit,
			// or a digit group separator ("8,000", "3.5")
			if r2 == '-' || r2 == '\'' || r2 == '’' || (r2 == ',' || r2 == '.') && j > i && isDigitByte(text[j-1]) {
				if j+n2 < b {
					r3, _ := utf8.DecodeRuneInString(text[j+n2 : b])
					if isWordRune(r3) && (r2 != ',' && r2 != '.' || r3 >= '0' && r3 <= '9') {
						ascii = ascii && r2 < utf8.RuneSelf
						j += n2
						continue
					}
				}
			}
			break
		}
		var lw string
		switch {
		case !ascii:
			lw = strings.ReplaceAll(strings.ToLower(text[i:j]), "’", "'")
		case lowered != "":
			lw = lowered[i-a : j-a]
		default:
			lw = text[i:j]
		}
		buf = append(buf, word{start: i, end: j, lw: lw})
		i = j
	}
	return buf
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCII folds ASCII letters only, keeping byte offsets.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// asciiWord marks the ASCII bytes that belong to words.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// splitWords turns a lexicon term into its lower-case words, tokenized as
// text is.
func splitWords(term string) []string {
	var out []string
	for _, f := range strings.Fields(term) {
		if f == "*" {
			out = append(out, f)
			continue
		}
		for _, w := range tokenize(f, 0, len(f), nil) {
			out = append(out, w.lw)
		}
	}
	return out
}

// phraseSet finds multi-word phrases in a word sequence: it indexes the
// phrases by their first word, longest first.
type phraseSet[T any] struct {
	byFirst map[string][]phraseEntry[T]
}

type phraseEntry[T any] struct {
	words []string
	val   T
}

func (p *phraseSet[T]) add(term string, val T) {
	ws := splitWords(term)
	if len(ws) == 0 {
		return
	}
	if p.byFirst == nil {
		p.byFirst = map[string][]phraseEntry[T]{}
	}
	list := append(p.byFirst[ws[0]], phraseEntry[T]{words: ws, val: val})
	// longest first (a gap counts as one word), then file order
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	p.byFirst[ws[0]] = list
}

// match returns the longest phrase starting at ws[i] and its length in
// words, or n = 0. A "*" word in a phrase stands for up to eight words.
func (p *phraseSet[T]) match(ws []word, i int) (val T, n int) {
	for _, e := range p.byFirst[ws[i].lw] {
		if end := matchFrom(e.words, 1, ws, i+1); end > 0 {
			return e.val, end - i
		}
	}
	return val, 0
}

// matchFrom matches pattern words pw[k:] against ws[j:] and returns the
// index after the match, or 0.
func matchFrom(pw []string, k int, ws []word, j int) int {
	for ; k < len(pw); k++ {
		if pw[k] == "*" {
			for gap := 1; gap <= 8 && j+gap <= len(ws); gap++ {
				if end := matchFrom(pw, k+1, ws, j+gap); end > 0 {
					return end
				}
			}
			return 0
		}
		if j >= len(ws) || ws[j].lw != pw[k] {
			return 0
		}
		j++
	}
	return j
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
