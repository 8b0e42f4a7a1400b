package sentence

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/domain"
)

// titles are abbreviations that are (almost) never the last word of a
// sentence: a name or a number follows them.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"lt": true, "col": true, "maj": true, "capt": true, "cpt": true, "sgt": true,
	"cpl": true, "pvt": true, "adm": true, "brig": true, "cmdr": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "st": true, "mt": true, "ft": true,
	"pres": true, "sheikh": false, "hon": true, "amb": true, "supt": true,
	"insp": true, "messrs": true, "mme": true, "mlle": true, "fr": true,
	"vs": true, "v": true, "no": true, "nos": true, "vol": true, "fig": true,
	"approx": true, "dept": true, "gens": true, "lieut": true, "sr": true, "jr": true,
	"e.g": true, "i.e": true, "cf": true, "al": true,
}

// months are abbreviations that end a sentence only when no number
// follows ("on Dec. 8" vs. "... in Dec. The").
var months = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// starters are the words that typically open a sentence; after an
// ambiguous abbreviation ("U.S.", "Co.") a split is made only before them.
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "but": true, "in": true, "on": true,
	"this": true, "that": true, "these": true, "those": true, "there": true,
	"his": true, "her": true, "its": true, "their": true, "meanwhile": true,
	"however": true, "earlier": true, "later": true, "after": true, "at": true,
	"last": true, "since": true, "some": true, "many": true, "according": true,
	"officials": true, "when": true, "while": true, "also": true, "more": true,
}

// Split returns the sentences of text in order, each with its exact byte
// offsets. Line breaks always end a sentence (paragraphs, headlines);
// inside a line a sentence ends at . ! ? or … followed by space and a
// capital, a digit or an opening quote, unless the period closes an
// abbreviation, an initial or a decimal. Closing quotes and brackets after
// the period stay with the sentence.
func Split(text string) []domain.Span {
	out := make([]domain.Span, 0, len(text)/120+1)
	start := 0
	emit := func(a, b int) {
		if s, ok := trim(text, a, b); ok {
			out = append(out, s)
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			emit(start, i)
			start = i + 1
			i++
			continue
		case c == '.' || c == '!' || c == '?':
			if end := boundary(text, start, i, closeEnd(text, i+1)); end > 0 {
				emit(start, end)
				start = end
				i = end
				continue
			}
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
			end := closeEnd(text, i+3)
			if end = boundary(text, start, i, end); end > 0 {
				emit(start, end)
				start = end
				i = end
				continue
			}
			i += 3
			continue
		}
		i++
	}
	emit(start, len(text))
	return out
}

// closeEnd skips further terminal punctuation and the closing quotes and
// brackets that follow a sentence end, returning where the sentence ends.
func closeEnd(text string, j int) int {
	for j < len(text) {
		switch c := text[j]; {
		case c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']':
			j++
		case c == 0xE2 && j+2 < len(text) && text[j+1] == 0x80 &&
			(text[j+2] == 0x9D || text[j+2] == 0x99 || text[j+2] == 0xA6): // ” ’ …
			j += 3
		default:
			return j
		}
	}
	return j
}

// boundary decides whether the terminal punctuation at p (sentence ending
// at end) closes the sentence: it returns end when it does, 0 otherwise.
func boundary(text string, start, p, end int) int {
	if end >= len(text) {
		return end
	}
	// a space must follow (not "3.5", "U.S.-led", "example.com")
	j := end
	if text[j] != ' ' && text[j] != '\t' && text[j] != '\r' && text[j] != 0xC2 {
		if text[j] == '\n' {
			return end
		}
		return 0
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j < len(text) && text[j] == 0xC2 && j+1 < len(text) && text[j+1] == 0xA0 { // nbsp
		j += 2
		for j < len(text) && text[j] == ' ' {
			j++
		}
	}
	if j >= len(text) || text[j] == '\n' {
		return end
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	opener := r == '"' || r == '\'' || r == '“' || r == '‘' || r == '(' || r == '['
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || opener) {
		return 0
	}
	ellipsis := text[p] != '.' && text[p] != '!' && text[p] != '?' ||
		p+2 < len(text) && text[p+1] == '.' && text[p+2] == '.'
	if ellipsis {
		// trailing off mid-quote ("those who... try") is not an end;
		// an ellipsis before a capital is
		if !unicode.IsUpper(r) && !opener {
			return 0
		}
		return end
	}
	if text[p] != '.' || end > p+1 {
		return end
	}
	w := wordBefore(text, start, p)
	lw := lower(w)
	switch {
	case titles[lw]:
		return 0
	case months[lw]:
		if unicode.IsDigit(r) {
			return 0
		}
		return end
	case isInitials(w):
		// "U.S." or "J." : split only before a typical sentence opener
		if starters[lower(wordAt(text, j))] && len(w) > 1 {
			return end
		}
		return 0
	}
	return end
}

// wordBefore returns the letters (and inner periods) just before p.
func wordBefore(text string, start, p int) string {
	i := p
	for i > start {
		c := text[i-1]
		if c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			i--
			continue
		}
		break
	}
	return text[i:p]
}

// wordAt returns the ASCII letters starting at j.
func wordAt(text string, j int) string {
	k := j
	for k < len(text) && (text[k] >= 'a' && text[k] <= 'z' || text[k] >= 'A' && text[k] <= 'Z') {
		k++
	}
	return text[j:k]
}

// isInitials reports whether w is a single capital ("J") or a dotted
// acronym ("U.S", "U.N", "e.g").
func isInitials(w string) bool {
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		letter := w[i] >= 'a' && w[i] <= 'z' || w[i] >= 'A' && w[i] <= 'Z'
		if i%2 == 0 && !letter || i%2 == 1 && w[i] != '.' {
			return false
		}
	}
	return true
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// trim strips surrounding white space (any Unicode space) from
// text[a:b]; ok is false when nothing is left.
func trim(text string, a, b int) (domain.Span, bool) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	if a >= b {
		return domain.Span{}, false
	}
	return domain.Span{Text: text[a:b], Start: a, End: b}, true
}
