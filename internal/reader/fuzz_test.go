package reader

import (
	"bufio"
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkRaw asserts what every reader promises of a document.
func checkRaw(t *testing.T, r Raw, err error) {
	t.Helper()
	if err != nil {
		if r.Path == "" || !strings.HasPrefix(err.Error(), strings.SplitN(r.Path, "#", 2)[0]) {
			t.Errorf("error %q without its input's name (path %q)", err, r.Path)
		}
		return
	}
	if !utf8.ValidString(r.Body) || !utf8.ValidString(r.Title) || !utf8.ValidString(r.SiteName) {
		t.Errorf("invalid UTF-8 in %+v", r)
	}
	switch r.Format {
	case FormatText, FormatHTML, FormatFeed, FormatJSONL:
	default:
		t.Errorf("format %q", r.Format)
	}
}

func fuzzStream(t *testing.T, data []byte) {
	r := New(Options{MaxBytes: 4096}, nil)
	n := 0
	err := r.readStream(context.Background(), "in", bytes.NewReader(data), func(raw Raw, err error) error {
		n++
		checkRaw(t, raw, err)
		return nil
	})
	if err != nil {
		t.Fatalf("readStream: %v", err)
	}
	if n == 0 {
		t.Fatal("no document and no error")
	}
}

// FuzzReadStream feeds arbitrary bytes through sniffing and every reader:
// each input gives documents or errors naming it, never a panic or nothing.
func FuzzReadStream(f *testing.F) {
	for _, s := range []string{
		"Headline\n\nBody sentence here.",
		"<html><body><p>Shelling in Bakhmut killed two people on Monday, officials said.</p></body></html>",
		`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</title><description>b c d</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><content>y z w</content></entry></feed>`,
		"{\"id\":1,\"maintext\":\"a b c\"}\n{bad\n",
		"caf\xe9 \x93x\x94",
		"\xff\xfeA\x00",
		"\x00\x01\x02",
		"",
		"[{\"id\":1}]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(fuzzStream)
}

// FuzzParseRecord: any JSON line yields a record or an error.
func FuzzParseRecord(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","maintext":"x"}`,
		`{"id":1.5e3,"text":"<p>a</p><p>b</p>","published":1656072000}`,
		`{"authors":[{"name":"n"},"m"],"content":"c","publisher":{"name":"p"}}`,
		`null`, `[]`, `{"maintext":123}`, `{} {}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		raw, err := parseRecord("f#1", line)
		if err == nil && (strings.TrimSpace(raw.Body) == "" || raw.Format != FormatJSONL) {
			t.Errorf("record accepted without a body: %+v", raw)
		}
		if err == nil {
			checkRaw(t, raw, nil)
		}
	})
}

// FuzzReadLine: the line reader never returns more than the limit and
// never loses the bytes after a long line.
func FuzzReadLine(f *testing.F) {
	f.Add([]byte("a\nbb\n"), uint8(1))
	f.Add([]byte(strings.Repeat("x", 300)+"\nok"), uint8(10))
	f.Fuzz(func(t *testing.T, data []byte, limit uint8) {
		br := bufio.NewReaderSize(bytes.NewReader(data), 16)
		total := 0
		for i := 0; i < len(data)+2; i++ {
			line, tooLong, err := readLine(br, int64(limit))
			if int64(len(line)) > int64(limit)+1 {
				t.Fatalf("line of %d bytes over limit %d", len(line), limit)
			}
			if tooLong && len(line) != 0 {
				t.Fatal("too-long line returned")
			}
			total += len(line)
			if err != nil {
				break
			}
		}
		if total > len(data) {
			t.Fatalf("read %d bytes from %d", total, len(data))
		}
	})
}

// FuzzHTML: any markup yields a page or a clear error.
func FuzzHTML(f *testing.F) {
	f.Add("<html><head><title>t</title><meta property=\"og:site_name\" content=\"S\"></head><body><p>One two three four.</p></body></html>")
	f.Add("<p>unclosed <b>bold <i>italic</p><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":")
	f.Add("<table><tr><td>a b c</td></tr></table>")
	f.Fuzz(func(t *testing.T, page string) {
		if !utf8.ValidString(page) {
			return
		}
		raw, err := readHTML("p.html", []byte(page), page)
		checkRaw(t, raw, err)
	})
}

// FuzzFeed: any XML yields items or one error.
func FuzzFeed(f *testing.F) {
	f.Add(`<rss version="2.0"><channel><item><title>a</title><description>b c d</description></item></channel></rss>`)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;p&gt;x y z&lt;/p&gt;</content></entry></feed>`)
	f.Add(`<rss><channel><item>`)
	f.Fuzz(func(t *testing.T, feed string) {
		if !utf8.ValidString(feed) {
			return
		}
		n := 0
		err := readFeed("f.xml", []byte(feed), feed, func(raw Raw, err error) error {
			n++
			checkRaw(t, raw, err)
			return nil
		})
		if err != nil || n == 0 {
			t.Fatalf("readFeed: %v after %d calls", err, n)
		}
	})
}

// FuzzDecode: decoded text is valid UTF-8 without control characters.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("caf\xe9"))
	f.Add([]byte("\xcd\xe1\xc8"))
	f.Add([]byte("\xef\xbb\xbfok"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := decode(b)
		if err == nil && utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) && !bytes.HasPrefix(b, []byte{0xff, 0xfe}) && !bytes.HasPrefix(b, []byte{0xfe, 0xff}) && s != string(b) {
			t.Fatalf("valid UTF-8 changed: %q -> %q", b, s)
		}
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("invalid output %q", s)
		}
	})
}
