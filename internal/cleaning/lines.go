package cleaning

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spaceKind says what squash does with a rune: 1 a space, 2 drop it.
// Characters that render as a space become one, so that offsets later
// stages compute stay simple; invisible ones (zero-width space, soft
// hyphen, byte order mark) go.
func spaceKind(r rune) int {
	switch r {
	case ' ', '\t', '\f', '\v', '\r', '\n', 0xa0, 0x1680, 0x202f, 0x205f, 0x3000, 0x2028, 0x2029:
		return 1
	case 0x200b, 0xfeff, 0xad, 0x2060:
		return 2
	}
	if r >= 0x2000 && r <= 0x200a {
		return 1
	}
	return 0
}

// squash collapses runs of white space inside a line and trims it.
func squash(s string) string {
	// Fast path: nothing to change.
	changed := false
	prevSpace := true
	for i := 0; i < len(s); {
		b := s[i]
		if b < 0x80 {
			if b == ' ' {
				if prevSpace || i == len(s)-1 {
					changed = true
					break
				}
				prevSpace = true
			} else if b < ' ' {
				changed = true
				break
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if spaceKind(r) != 0 {
			changed = true
			break
		}
		prevSpace = false
		i += size
	}
	if !changed {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		switch spaceKind(r) {
		case 1:
			pending = b.Len() > 0
		case 2:
		default:
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// straight maps typographic quotes and dashes to ASCII for comparisons
// only; Text keeps the original characters.
func straight(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '’', '‘', '‛', '′':
			b.WriteByte('\'')
		case '“', '”', '«', '»', '„':
			b.WriteByte('"')
		case '–', '—', '‒', '―', '−':
			b.WriteByte('-')
		case '…':
			b.WriteString("...")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// normKey is the comparison form of a line or phrase: lower case, straight
// quotes, single spaces, no punctuation at either end.
func normKey(s string) string {
	s = strings.ToLower(straight(squash(s)))
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '(' && r != ')' && r != '©' && r != '+') || unicode.IsSymbol(r) && r != '©'
	})
}

// wordCount counts space-separated tokens that hold a letter or digit.
func wordCount(s string) int {
	n := 0
	in, alnum := false, false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' {
			if in && alnum {
				n++
			}
			in, alnum = false, false
			continue
		}
		in = true
		if !alnum && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			alnum = true
		}
	}
	if in && alnum {
		n++
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
	"africa": true, "asia": true, "online": true, "site": true, "press": true, "world": true, "global": true,
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
	if len(parts) < 2 {
		return ""
	}
	if tld := parts[len(parts)-1]; !tlds[tld] && !(len(tld) == 2 && tld[0] >= 'a' && tld[1] >= 'a') {
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

// looksHost reports a bare host name ("www.example-news.example"), known
// top-level domain or not: metadata fields hold one where a name belongs.
func looksHost(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if !strings.Contains(s, ".") || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
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
