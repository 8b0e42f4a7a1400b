package pipeline

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAnalysedCutsLongBodiesAtAParagraph(t *testing.T) {
	para := strings.Repeat("Shelling hit the town again, residents said. ", 100) // ~4.6 KB
	long := strings.Repeat(para+"\n\n", 400)                                     // ~1.8 MB
	got := analysed(long)
	if len(got) > maxAnalysed || len(got) < maxAnalysed-len(para)-2 {
		t.Fatalf("analysed %d bytes of %d, want just under %d", len(got), len(long), maxAnalysed)
	}
	if !strings.HasPrefix(long, got) || strings.HasSuffix(got, "\n") {
		t.Errorf("cut is not a prefix ending at a paragraph boundary")
	}
	short := "One paragraph."
	if analysed(short) != short {
		t.Error("a short body was cut")
	}
	// No paragraph break: cut on a rune boundary.
	runes := strings.Repeat("ш", maxAnalysed)
	if got := analysed(runes); !utf8.ValidString(got) || len(got) > maxAnalysed {
		t.Errorf("cut in the middle of a rune or too long: %d bytes", len(got))
	}
}
