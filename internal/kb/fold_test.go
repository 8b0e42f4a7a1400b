package kb

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sergei Lavrov", "sergei lavrov"},
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"Zürich", "zurich"},
		{"Syria's army", "syria s army"},
		{"Syria’s army", "syria s army"},
		{"Dara'a al-Balad", "daraa al balad"},
		{"Dar‘ā", "dara"},
		{"al-Nusra Front", "al nusra front"},
		{"Ban Ki-moon", "ban ki moon"},
		{"  U.S.-led   coalition ", "u s led coalition"},
		{"Deir ez-Zor", "deir ez zor"},
		{"Séjourné", "sejourne"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"", ""},
		{"---", ""},
		{"Kyiv's 2022 offensive", "kyiv s 2022 offensive"},
		{"Houthis’", "houthis"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldMapOffsets(t *testing.T) {
	in := "Erdoğan’s forces hit al-Bab."
	f, start, end := FoldMap(in)
	if f != "erdogan s forces hit al bab" {
		t.Fatalf("folded %q", f)
	}
	// "bab" maps back to the original "Bab".
	i := len(f) - 3
	if got := in[start[i]:end[len(f)-1]]; got != "Bab" {
		t.Errorf("span of bab = %q, want Bab", got)
	}
	// The folded "g" of Erdoğan maps to the two-byte ğ.
	g := 4
	if got := in[start[g]:end[g]]; got != "ğ" {
		t.Errorf("span of g = %q, want ğ", got)
	}
}

func TestPlaceKeyAndSkeleton(t *testing.T) {
	same := [][2]string{
		{"al-Rastan", "Ar Rastan"},
		{"Rastan", "al-Rastan"},
		{"Deir Ezzor", "Deir ez-Zor"},
		{"Dara'a", "Daraa"},
	}
	for _, p := range same {
		if PlaceKey(p[0]) != PlaceKey(p[1]) {
			t.Errorf("PlaceKey(%q)=%q != PlaceKey(%q)=%q", p[0], PlaceKey(p[0]), p[1], PlaceKey(p[1]))
		}
	}
	loose := [][2]string{
		{"Deir ez-Zor", "Dayr az Zawr"},
		{"Daraa", "Dar‘ā"},
		{"Hodeidah", "Hudaydah"},
	}
	for _, p := range loose {
		if Skeleton(p[0]) != Skeleton(p[1]) {
			t.Errorf("Skeleton(%q)=%q != Skeleton(%q)=%q", p[0], Skeleton(p[0]), p[1], Skeleton(p[1]))
		}
	}
	if Skeleton("Aleppo") == Skeleton("Idlib") {
		t.Errorf("Skeleton merges Aleppo and Idlib")
	}
}

func FuzzFoldMap(f *testing.F) {
	for _, s := range []string{"Syria's al-Nusra Front", "Erdoğan", "U.S.-led", "Dar‘ā", "", "'s", "a'", "ÆØÅ 12,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded, start, end := FoldMap(s)
		if len(start) != len(folded) || len(end) != len(folded) {
			t.Fatalf("offset maps %d/%d for %d bytes", len(start), len(end), len(folded))
		}
		if Fold(s) != folded {
			t.Fatalf("Fold and FoldMap disagree on %q", s)
		}
		for i := range folded {
			if start[i] < 0 || end[i] > int32(len(s)) || start[i] > end[i] {
				t.Fatalf("byte %d maps to [%d,%d) of %d", i, start[i], end[i], len(s))
			}
			if i > 0 && start[i] < start[i-1] {
				t.Fatalf("offsets go back at %d", i)
			}
		}
		if len(folded) > 0 && (folded[0] == ' ' || folded[len(folded)-1] == ' ') {
			t.Fatalf("untrimmed %q", folded)
		}
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Fatalf("invalid UTF-8 from valid input %q", s)
		}
	})
}

func gzipString(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s)) //nolint:errcheck // a bytes.Buffer does not fail
	zw.Close()          //nolint:errcheck
	return b.Bytes()
}

func BenchmarkFoldMap(b *testing.B) {
	s := strings.Repeat("Syrian troops shelled the rebel-held district of Sukkari in Aleppo, Erdoğan said. ", 50)[:4096]
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		FoldMap(s)
	}
}
