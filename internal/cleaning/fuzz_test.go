package cleaning

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/reader"
)

// FuzzClean: any body gives a deterministic document whose paragraphs
// come from the input, or an error naming it.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"News / Syria\n\nHeadline here\n\nALEPPO, Syria - Body sentence one here.\n\n\"Quote.\" - AFP",
		"Photo: Reuters\n\nCaption line (Photo by AFP)\n\nKYIV (Reuters) - x y z.",
		"Wed Oct 19, 2016 6:6PM\n\nRelated Articles\n\nBack to top",
		"a\nb\nc d e f g.",
		"\u00a0\u200b\n\n",
		"By Jane Doe, AFP\n\nGAZA CITY, Dec 3 (AFP) - ok ok ok.",
	} {
		f.Add(s, "text")
		f.Add(s, "jsonl")
	}
	c := newTestCleaner(f)
	f.Fuzz(func(t *testing.T, body, format string) {
		if !utf8.ValidString(body) {
			return
		}
		r := reader.Raw{Path: "fuzz", Format: format, Body: body, Title: "", Raw: []byte(body)}
		d1, err1 := c.Clean(r)
		d2, err2 := c.Clean(r)
		if (err1 == nil) != (err2 == nil) || !cmp.Equal(d1, d2) {
			t.Fatal("Clean is not deterministic")
		}
		if err1 != nil {
			if !strings.HasPrefix(err1.Error(), "fuzz") {
				t.Fatalf("error %q does not name the input", err1)
			}
			return
		}
		if !utf8.ValidString(d1.Text) || strings.Contains(d1.Text, "\n\n\n") || strings.HasPrefix(d1.Text, "\n") {
			t.Fatalf("badly joined text %q", d1.Text)
		}
		flat := strings.Join(strings.Fields(body), " ")
		for _, p := range strings.Split(d1.Text, "\n\n") {
			// every paragraph is input text (white space aside)
			if !strings.Contains(flat, strings.Join(strings.Fields(p), " ")) {
				t.Fatalf("paragraph %q is not in the input", p)
			}
		}
	})
}

// FuzzParseDate: a date read is a real calendar date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"Wed Oct 19, 2016 6:6PM", "Update: December, 09/2016 - 11:00", "12/05/2016", "2016-02-30", "Published: 3 March 2022", "31.04.2020"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, monthFirst bool) {
		d, _, ok := parseDateLine(s, monthFirst)
		if !ok {
			return
		}
		if _, err := time.Parse("2006-01-02", d); err != nil {
			t.Fatalf("parseDateLine(%q) = %q: %v", s, d, err)
		}
	})
}

// FuzzSplitDateline: the rest is what follows the dateline in the input.
func FuzzSplitDateline(f *testing.F) {
	for _, s := range []string{"KYIV (Reuters) - Text here now.", "GAZA CITY, Dec 3 (AFP) - a b c", "MOSCOW, October 5. /TASS/. x y z", "Damascus, SANA - a b c"} {
		f.Add(s)
	}
	c := newTestCleaner(f)
	f.Fuzz(func(t *testing.T, s string) {
		rest, dl, _ := c.lx.splitDateline(s)
		if rest != s && !strings.HasSuffix(strings.TrimSpace(s), rest) {
			t.Fatalf("rest %q is not a suffix of %q", rest, s)
		}
		if dl != "" && rest == s {
			t.Fatalf("dateline %q reported but not removed", dl)
		}
	})
}
