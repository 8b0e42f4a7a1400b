package cleaning

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spaceLike are characters that render as a space; they become one, so
// that offsets later stages compute stay simple.
var spaceLike = strings.NewReplacer(
	"\u00a0", " ", "\u2000", " ", "\u2001", " ", "\u2002", " ", "\u2003", " ",
	"\u2004", " ", "\u2005", " ", "\u2006", " ", "\u2007", " ", "\u2008", " ",
	"\u2009", " ", "\u200a", " ", "\u202f", " ", "\u205f", " ", "\u3000", " ",
	"\t", " ", "\f", " ", "\v", " ", "\u2028", "\n", "\u2029", "\n",
	"\u200b", "", "\ufeff", "", "\u00ad", "", "\u2060", "",
)

// squash collapses runs of white space inside a line.
func squash(s string) string {
	s = spaceLike.Replace(s)
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// straight maps typographic quotes and dashes to ASCII for comparisons
// only; Text keeps the original characters.
var straight = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "«", `"`, "»", `"`, "–", "-", "—", "-", "…", "...")

// normKey is the comparison form of a line or phrase: lower case, straight
// quotes, single spaces, no punctuation at either end.
func normKey(s string) string {
	s = strings.ToLower(straight.Replace(squash(s)))
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '(' && r != ')' && r != '©' && r != '+') || unicode.IsSymbol(r) && r != '©'
	})
}

// wordCount counts space-separated tokens that hold a letter or digit.
func wordCount(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if hasAlnum(w) {
			n++
		}
	}
	return n
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// closers may follow the final punctuation of a sentence.
const closers = `"'”’»)]*` + "\u00a0 "

// endsSentence reports whether s ends like a sentence: a full stop,
// question or exclamation mark, possibly inside closing quotes.
func endsSentence(s string) bool {
	t := strings.TrimRight(s, closers)
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '…', '。', '؟':
		return true
	}
	return false
}

// lastRune returns the last rune of s after trailing closers.
func lastRune(s string) rune {
	t := strings.TrimRight(s, closers)
	r, _ := utf8.DecodeLastRuneInString(t)
	return r
}

// capRatio is the share of words that start with an upper-case letter,
// among words that start with a letter; short function words are skipped
// so that title case is recognised ("Assad Meets Putin in Moscow").
func capRatio(s string) float64 {
	caps, n := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeft(w, `"'“‘(«[`)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsLower(r) && isMinorWord(w) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(caps) / float64(n)
}

// hasContentLowerWord reports a lower-case word of three letters or more
// that is not a function word: the verb of a sentence-case headline.
func hasContentLowerWord(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, `"'“”‘’(),.:;!?`)
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && utf8.RuneCountInString(w) >= 3 && !isMinorWord(w) {
			return true
		}
	}
	return false
}

var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"from": true, "with": true, "as": true, "into": true, "over": true, "vs": true, "via": true,
	"de": true, "al": true, "el": true, "bin": true, "ibn": true, "van": true, "von": true, "la": true, "le": true,
	"per": true, "amid": true, "after": true, "than": true, "up": true, "out": true,
}

func isMinorWord(w string) bool {
	return minorWords[strings.ToLower(strings.Trim(w, `"'“”‘’(),.:;!?`))]
}

// gluedWords counts places where a lower-case letter runs straight into an
// upper-case one ("developmentsMiddle EastOthersWorld"), the mark of
// navigation links whose separators the copy lost.
func gluedWords(s string) int {
	n := 0
	var prev rune
	for _, r := range s {
		if unicode.IsLower(prev) && unicode.IsUpper(r) {
			n++
		}
		prev = r
	}
	return n
}

// isLinkToken reports URLs, bare domains, e-mail addresses and handles.
func isLinkToken(w string) bool {
	w = strings.Trim(w, `"'()[]<>,;`)
	lw := strings.ToLower(w)
	switch {
	case strings.HasPrefix(lw, "http://"), strings.HasPrefix(lw, "https://"), strings.HasPrefix(lw, "www."):
		return true
	case strings.HasPrefix(w, "@") && len(w) > 2:
		return true
	case strings.Contains(w, "@") && strings.Contains(w, "."):
		return true
	}
	return domainOf(w) != ""
}

// tlds are endings that make a dotted token a domain rather than an
// abbreviation ("U.S.", "govt.").
var tlds = map[string]bool{
	"com": true, "net": true, "org": true, "info": true, "io": true, "tv": true, "ir": true,
	"uk": true, "ru": true, "ua": true, "sy": true, "tr": true, "il": true, "ae": true, "qa": true,
	"sa": true, "vn": true, "cn": true, "in": true, "pk": true, "fr": true, "de": true, "news": true,
	"media": true, "me": true, "co": true, "us": true, "eu": true, "int": true, "ly": true, "lb": true,
	"iq": true, "jo": true, "ye": true, "eg": true, "az": true, "by": true, "kz": true, "af": true,
	"ps": true, "tn": true, "ma": true, "dz": true, "kw": true, "bh": true, "om": true, "jp": true,
	"kr": true, "sg": true, "my": true, "id": true, "ph": true, "au": true, "nz": true, "ca": true,
	"ch": true, "it": true, "es": true, "nl": true, "se": true, "pl": true, "gov": true, "edu": true,
}

// domainOf returns the host of a URL or bare domain token, lower-cased and
// without "www.", or "" when w is not one.
func domainOf(w string) string {
	lw := strings.ToLower(strings.Trim(w, `"'()[]<>,;.`))
	if i := strings.Index(lw, "://"); i >= 0 {
		lw = lw[i+3:]
	}
	if i := strings.IndexAny(lw, "/?#:"); i >= 0 {
		lw = lw[:i]
	}
	lw = strings.TrimPrefix(lw, "www.")
	parts := strings.Split(lw, ".")
	if len(parts) < 2 || !tlds[parts[len(parts)-1]] {
		return ""
	}
	for _, p := range parts {
		if p == "" {
			return ""
		}
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return ""
			}
		}
	}
	if len(parts[len(parts)-2]) < 2 {
		return ""
	}
	return lw
}

// isIDToken reports tokens that are machine identifiers: UUIDs, hashes,
// long mixes of letters and digits.
func isIDToken(w string) bool {
	if len(w) < 12 {
		return false
	}
	letters, digits, other := 0, 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letters++
		case r == '-' || r == '_':
		default:
			other++
		}
	}
	return other == 0 && digits >= 3 && letters >= 3
}
