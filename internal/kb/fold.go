package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps Latin letters with diacritics to their lower-case ASCII
// base, so that "Erdoğan", "Zürich" and "Dayr az Zawr" compare with the
// plain spellings outlets use. Built once; read-only afterwards.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l",
		'đ': "d", 'Đ': "d", 'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'ð': "d",
		'ħ': "h", 'Ħ': "h",
	}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if _, ok := m[r]; ok || !unicode.IsLetter(r) {
				continue
			}
			var b strings.Builder
			for _, d := range norm.NFD.String(string(r)) {
				if unicode.Is(unicode.Mn, d) {
					continue
				}
				b.WriteRune(unicode.ToLower(d))
			}
			if s := b.String(); s != "" && s != string(r) {
				m[r] = s
			}
		}
	}
	add(0xC0, 0x24F)
	add(0x1E00, 0x1EFF)
	return m
}

// isApostrophe reports the marks that transliterations and typography use
// for apostrophes, ayn and hamza; all are dropped so that Dara'a, Dara’a
// and Daraa compare equal.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´', '′':
		return true
	}
	return false
}

// Fold returns the comparison form of a name or text: lower case, Latin
// diacritics removed, apostrophes dropped (a possessive 's becomes its own
// word), hyphens and punctuation turned into single spaces, trimmed.
// "Syria's al-Nusra Front" -> "syria s al nusra front".
func Fold(s string) string {
	f, _, _ := foldMap(s, false)
	return f
}

// FoldMap is Fold with a map back to the input: for each byte i of the
// folded string, start[i] and end[i] are the byte offsets in s of the rune
// that produced it, so a match in the folded text maps to exact words of
// the original.
func FoldMap(s string) (folded string, start, end []int32) {
	return foldMap(s, true)
}

func foldMap(s string, offsets bool) (folded string, start, end []int32) {
	// Folding never grows ASCII; a non-ASCII rune may grow (ß -> ss), so
	// the buffers are sized for the worst case of two bytes per byte.
	b := make([]byte, 0, len(s)+len(s)/2+4)
	if offsets {
		start = make([]int32, 0, cap(b))
		end = make([]int32, 0, cap(b))
	}
	space := true // suppress leading and repeated spaces
	sep := func(at int) {
		if !space {
			b = append(b, ' ')
			if offsets {
				start = append(start, int32(at))
				end = append(end, int32(at))
			}
			space = true
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z':
				if c <= 'Z' && c >= 'A' {
					c += 'a' - 'A'
				}
				b = append(b, c)
				if offsets {
					start = append(start, int32(i))
					end = append(end, int32(i+1))
				}
				space = false
			case c == '\'' || c == '`':
				if possessive(s, i+1) {
					sep(i)
				}
			default:
				sep(i)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isApostrophe(r):
			if possessive(s, i+n) {
				sep(i)
			}
		case unicode.Is(unicode.Mn, r):
			// a combining mark folds into the letter before it
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			f, ok := foldTable[r]
			if !ok {
				var buf [utf8.UTFMax]byte
				f = string(buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))])
			}
			b = append(b, f...)
			if offsets {
				for range len(f) {
					start = append(start, int32(i))
					end = append(end, int32(i+n))
				}
			}
			space = false
		default:
			sep(i)
		}
		i += n
	}
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
		if offsets {
			start = start[:len(start)-1]
			end = end[:len(end)-1]
		}
	}
	return string(b), start, end
}

// possessive reports whether s[i:] starts with an s that ends a word, as in
// the 's of "Syria's".
func possessive(s string, i int) bool {
	if i >= len(s) || (s[i] != 's' && s[i] != 'S') {
		return false
	}
	if i+1 >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// arabicArticles are the transliterated forms of the Arabic article that
// place names carry or drop at will (al-Rastan / Rastan / Ar Rastan).
var arabicArticles = map[string]bool{
	"al": true, "el": true, "ar": true, "as": true, "ash": true, "ad": true,
	"an": true, "at": true, "az": true, "adh": true, "ath": true, "aj": true,
	"al-": true, "ul": true,
}

// PlaceKey is the lookup key for place names: Fold without a leading
// Arabic article and without the spaces inside the name, so that
// "al-Rastan", "Ar Rastan" and "Rastan" share a key, as do "Deir ez-Zor"
// and "Deir Ezzor".
func PlaceKey(name string) string {
	f := Fold(name)
	if i := strings.IndexByte(f, ' '); i > 0 && arabicArticles[f[:i]] {
		f = f[i+1:]
	}
	return strings.ReplaceAll(f, " ", "")
}

// Skeleton is a looser key for transliterated names: PlaceKey with vowels,
// h, w, y and doubled letters removed after the first letter, and inner
// articles dropped, so that "Deir ez-Zor" and "Dayr az Zawr", or "Daraa"
// and "Dar'a", meet. It over-merges; use it only as a last resort within
// one country.
func Skeleton(name string) string {
	f := Fold(name)
	words := strings.Fields(f)
	var b strings.Builder
	for wi, w := range words {
		if arabicArticles[w] || (wi > 0 && (w == "e" || w == "es" || w == "ez" || w == "ed" || w == "en")) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		var last byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if i > 0 && strings.IndexByte("aeiouhwy", c) >= 0 {
				continue
			}
			if c == 'k' && i+1 < len(w) && w[i+1] == 'h' {
				c = 'k'
			}
			if c == 'q' {
				c = 'k'
			}
			if c == last {
				continue
			}
			b.WriteByte(c)
			last = c
		}
	}
	return strings.ReplaceAll(b.String(), " ", "")
}
