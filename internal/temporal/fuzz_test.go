package temporal

import (
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"on Wednesday",
		"Late on Monday, October 24, the army said",
		"since March 2011 and since then",
		"between 12 and 19 September 2016",
		"in the next 2 to 3 days; over the past 10 days",
		"Thursday\u2019s strike, \"today\" he said",
		"2016-12-09 and 2016-13-45",
		"from 2012 to 2014-",
		"Dec. 31, 1899 Feb 29",
		"the previous day the day before",
		"in 2000 homes, mid-",
		"a", "", "99999999999 days ago",
	} {
		f.Add(s, int64(17000))
	}
	f.Fuzz(func(t *testing.T, text string, days int64) {
		anchor := time.Time{}
		if days > 0 && days < 80000 {
			anchor = time.Unix(days*86400, 0).UTC()
		}
		ms := Resolve(text, anchor)
		if !sort.SliceIsSorted(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start }) {
			t.Fatalf("mentions not sorted by Start: %+v", ms)
		}
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v in %q", m, text)
			}
			if !utf8.ValidString(m.Text) && utf8.ValidString(text) {
				t.Fatalf("span splits a rune: %+v", m)
			}
			if m.Value == "" || m.Precision == "" {
				t.Fatalf("empty value: %+v", m)
			}
			for _, part := range strings.Split(m.Value, "/") {
				if len(part) < 4 {
					t.Fatalf("bad value %q", m.Value)
				}
			}
		}
		if _, ok := InferPublished(text, []string{text}); ok && len(ms) == 0 && anchor.IsZero() {
			t.Fatalf("inferred a date from %q with no absolute mention", text)
		}
	})
}
