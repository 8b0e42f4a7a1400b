package quantity

import (
	"sort"
	"testing"
)

var fuzzSeeds = []string{
	"at least 18 civilians were killed",
	"more than 300,000 and 400,000, respectively",
	"two hundred and fifty-five prisoners, twenty-five",
	"tens of thousands of civilians to leave",
	"half of the district, 85 per cent of territory",
	"1.5 million 2 to 3 20-30 between 4 and",
	"a dozen, half a dozen, two dozen, dozens",
	"killing 17 terrorists and destroying two pick-up trucks",
	"3,785 people, including 1,524 children, had been killed",
	"999999999999999999999 , ,1 one of", "", "-", "1,", "a few",
}

func FuzzFind(f *testing.F) {
	fd := testFinder(f)
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := fd.Find(text)
		if !sort.SliceIsSorted(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start }) {
			t.Fatalf("quantities not sorted: %+v", qs)
		}
		for _, q := range qs {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v in %q", q, text)
			}
			if !validKinds[q.Kind] {
				t.Fatalf("bad kind %q", q.Kind)
			}
			for _, p := range []*float64{q.Value, q.Low, q.High} {
				if p != nil && *p < 0 {
					t.Fatalf("negative figure in %+v", q)
				}
			}
		}
	})
}

// FuzzParseNumber checks the number parser on its own: it must consume at
// least the token it starts at and never run past the text.
func FuzzParseNumber(f *testing.F) {
	fd := testFinder(f)
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		low := lowerASCII(text)
		x := &finder{Finder: fd, text: text, low: low}
		x.t = tokenize(text, low, nil)
		for i := range x.t {
			n, ok := x.parseNumber(i)
			if !ok {
				continue
			}
			if n.start != i || n.end <= i || n.end > len(x.t) {
				t.Fatalf("parseNumber(%d) over %q = %+v", i, text, n)
			}
			if n.hasValue && n.value < 0 {
				t.Fatalf("negative value %+v", n)
			}
		}
	})
}
