package reader

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Formats a Raw can have.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatFeed  = "feed"
	FormatJSONL = "jsonl"
)

// magic lists signatures of binary formats people feed by mistake, so the
// error can say what the file seems to be.
var magic = []struct {
	prefix, name string
}{
	{"%PDF", "PDF"}, {"\x89PNG", "PNG image"}, {"GIF8", "GIF image"},
	{"\xff\xd8\xff", "JPEG image"}, {"PK\x03\x04", "ZIP archive"},
	{"\x1f\x8b", "gzip archive"}, {"BZh", "bzip2 archive"}, {"\xfd7zXZ", "xz archive"},
	{"\x7fELF", "executable"}, {"SQLite format 3", "SQLite database"},
	{"RIFF", "media file"}, {"\x00\x00\x00", "binary file"},
}

// binaryKind says why head is not text, or "" when it may be text. Text in
// UTF-16 carries NUL bytes, so a UTF-16 byte order mark is let through.
func binaryKind(head []byte) string {
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return ""
	}
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.name
		}
	}
	ctl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return "binary file"
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b:
			ctl++
		}
	}
	if len(head) > 0 && ctl*20 > len(head) {
		return "binary file"
	}
	return ""
}

var (
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)`)
	xmlEncoding = regexp.MustCompile(`(?i)<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_\-:.]+)["']`)
)

// declaredCharset returns the encoding an HTML or XML document names in
// its first kilobytes, or "".
func declaredCharset(b []byte) string {
	if len(b) > 4096 {
		b = b[:4096]
	}
	if m := xmlEncoding.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	if m := metaCharset.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

var errEncoding = errors.New("not valid UTF-8, and not clean Windows-1252 or Windows-1256 text either")

// decode returns b as UTF-8 text. Legacy single-byte encodings are accepted
// only when they decode cleanly (no undefined bytes, no control
// characters), because a wrong guess silently corrupts names and figures.
func decode(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}), bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil || !clean(string(out)) {
			return "", errors.New("invalid UTF-16 text")
		}
		return string(out), nil
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	if label := declaredCharset(b); label != "" {
		if e, err := htmlindex.Get(label); err == nil {
			if out, err := e.NewDecoder().Bytes(b); err == nil && clean(string(out)) {
				return string(out), nil
			}
		}
	}
	// Undeclared: a single-byte Windows code page, when the bytes look like
	// one. Both tables map almost every byte, so plausibility is what
	// keeps random bytes (or another encoding) out.
	if arabicLike(b) {
		if out, err := charmap.Windows1256.NewDecoder().Bytes(b); err == nil && clean(string(out)) && mostlyArabic(string(out)) {
			return string(out), nil
		}
	} else if latinLike(b) {
		if out, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil && clean(string(out)) {
			return string(out), nil
		}
	}
	return "", errEncoding
}

// latinLike: high bytes (accented letters, typographic quotes) sit alone
// or in pairs between ASCII, as in Western European text.
func latinLike(b []byte) bool {
	high, long, run := 0, 0, 0
	for _, c := range b {
		if c >= 0x80 {
			high++
			run++
			if run == 3 {
				long += 3
			} else if run > 3 {
				long++
			}
			continue
		}
		run = 0
	}
	return high > 0 && long*5 <= high
}

// mostlyArabic: most non-ASCII letters decoded are Arabic script.
func mostlyArabic(s string) bool {
	arabic, other := 0, 0
	for _, r := range s {
		switch {
		case r < 0x80:
		case r >= 0x0600 && r <= 0x06ff:
			arabic++
		default:
			other++
		}
	}
	return arabic > 0 && other*4 <= arabic
}

// arabicLike guesses Windows-1256 over Windows-1252: Arabic words are runs
// of high bytes, while accented Latin letters sit alone between ASCII ones.
func arabicLike(b []byte) bool {
	high, inRun := 0, 0
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		high++
		if (i > 0 && b[i-1] >= 0x80) || (i+1 < len(b) && b[i+1] >= 0x80) {
			inRun++
		}
	}
	return high > 0 && inRun*2 > high
}

// clean reports whether s holds no replacement or control characters.
func clean(s string) bool {
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			return false
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			return false
		case r >= 0x7f && r < 0xa0:
			return false
		}
	}
	return true
}

// sniffFormat chooses a reader from the text itself; the extension only
// breaks ties for text that starts like neither markup nor JSON.
func sniffFormat(text string) (string, error) {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	if strings.HasPrefix(t, "{") {
		return FormatJSONL, nil
	}
	if strings.HasPrefix(t, "[") && strings.HasPrefix(strings.TrimLeft(t[1:], " \t\r\n"), "{") {
		return "", errors.New("a JSON array: expected JSON Lines (one article object per line)")
	}
	if !strings.HasPrefix(t, "<") {
		return FormatText, nil
	}
	head := strings.ToLower(t)
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = skipProlog(head)
	switch {
	case strings.HasPrefix(head, "<rss"), strings.HasPrefix(head, "<feed"), strings.HasPrefix(head, "<rdf:rdf"):
		return FormatFeed, nil
	case strings.HasPrefix(head, "<!doctype html"), strings.HasPrefix(head, "<html"),
		strings.Contains(head, "<head"), strings.Contains(head, "<body"),
		strings.Contains(head, "<p"), strings.Contains(head, "<div"), strings.Contains(head, "<article"):
		return FormatHTML, nil
	case strings.HasPrefix(head, "<?xml") || strings.HasPrefix(head, "<"):
		tag := head
		if i := strings.IndexAny(tag, " >\n"); i > 0 {
			tag = tag[:i]
		}
		return "", fmt.Errorf("XML document %q is not an RSS or Atom feed", tag+">")
	}
	return FormatText, nil
}

// skipProlog drops an XML declaration, comments and processing
// instructions that precede the root element.
func skipProlog(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return s
			}
			s = s[i+2:]
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return s
			}
			s = s[i+3:]
		default:
			return s
		}
	}
}
