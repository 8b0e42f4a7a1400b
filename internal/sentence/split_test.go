package sentence_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/sentence"
)

func texts(text string) []string {
	var out []string
	for _, s := range sentence.Split(text) {
		out = append(out, s.Text)
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two plain sentences",
			"Shelling hit the market on Monday. Five people were wounded.",
			[]string{"Shelling hit the market on Monday.", "Five people were wounded."}},
		{"paragraphs",
			"Fighting resumed near Bakhmut\n\nThe ministry said 12 drones were downed.",
			[]string{"Fighting resumed near Bakhmut", "The ministry said 12 drones were downed."}},
		{"single newline ends a line",
			"Update: May 3\nTroops entered the town at dawn.",
			[]string{"Update: May 3", "Troops entered the town at dawn."}},
		{"U.S. mid-sentence",
			"The U.S. envoy arrived in Cairo on Sunday. Talks begin today.",
			[]string{"The U.S. envoy arrived in Cairo on Sunday.", "Talks begin today."}},
		{"U.N. before a name",
			"The U.N. Security Council met in New York.",
			[]string{"The U.N. Security Council met in New York."}},
		{"U.S. at the end before a typical opener",
			"Sanctions were imposed by the U.S. The move angered Tehran.",
			[]string{"Sanctions were imposed by the U.S.", "The move angered Tehran."}},
		{"titles",
			"Lt. Gen. Ahmed Saleh and Mr. Karimi met Dr. Haddad in St. Petersburg.",
			[]string{"Lt. Gen. Ahmed Saleh and Mr. Karimi met Dr. Haddad in St. Petersburg."}},
		{"month abbreviation before a day",
			"The truce began on Dec. 23 and held for a week. Aid followed.",
			[]string{"The truce began on Dec. 23 and held for a week.", "Aid followed."}},
		{"number abbreviation",
			"He was held in cell No. 4 for a month.",
			[]string{"He was held in cell No. 4 for a month."}},
		{"initials",
			"Analyst John F. Kerrigan said the front was stable.",
			[]string{"Analyst John F. Kerrigan said the front was stable."}},
		{"decimals",
			"Prices rose 3.5 percent in May. Fuel ran short.",
			[]string{"Prices rose 3.5 percent in May.", "Fuel ran short."}},
		{"closing curly quote after the period",
			"“We will not leave.” The mayor spoke from the shelter.",
			[]string{"“We will not leave.”", "The mayor spoke from the shelter."}},
		{"closing straight quote after the period",
			`"The road is cut." Residents fled south.`,
			[]string{`"The road is cut."`, "Residents fled south."}},
		{"quotation followed by its attribution",
			`"The road is cut," the governor said. Residents fled.`,
			[]string{`"The road is cut," the governor said.`, "Residents fled."}},
		{"question inside a quotation",
			`"Where can we go?" asked a woman in Idlib.`,
			[]string{`"Where can we go?" asked a woman in Idlib.`}},
		{"ellipsis mid-quotation",
			`"Those who... try to leave are shot," he said.`,
			[]string{`"Those who... try to leave are shot," he said.`}},
		{"unicode ellipsis mid-quotation",
			"“Civilians… cannot leave,” the agency said.",
			[]string{"“Civilians… cannot leave,” the agency said."}},
		{"ellipsis before a capital",
			"The line went dead... Then the shelling began.",
			[]string{"The line went dead...", "Then the shelling began."}},
		{"exclamation",
			"Enough! The council must act.",
			[]string{"Enough!", "The council must act."}},
		{"lower case after period is not a break",
			"The figure (approx. five hundred) was disputed.",
			[]string{"The figure (approx. five hundred) was disputed."}},
		{"web address",
			"See presstv.ir for more. Nothing else.",
			[]string{"See presstv.ir for more.", "Nothing else."}},
		{"white space is trimmed",
			"  One sentence.   \n\n   Another one.  ",
			[]string{"One sentence.", "Another one."}},
		{"empty", "", nil},
		{"blank", " \n\n \t", nil},
		{"digit after period",
			"The vote failed. 12 states abstained.",
			[]string{"The vote failed.", "12 states abstained."}},
		{"bracket opener",
			"I hope it ends soon. [Russia] has opened corridors.",
			[]string{"I hope it ends soon.", "[Russia] has opened corridors."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, texts(tc.text)); diff != "" {
				t.Errorf("Split(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestSplitOffsets(t *testing.T) {
	text := "ALEPPO, Syria - Syria’s army halted attacks, the minister said.\n\n“It’s true,” Assad said. Gen. Ali agreed…\nEnd"
	for _, s := range sentence.Split(text) {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("span %d:%d is %q, Text %q", s.Start, s.End, text[s.Start:s.End], s.Text)
		}
	}
}

func checkInvariants(t *testing.T, text string) {
	t.Helper()
	prev := 0
	for _, s := range sentence.Split(text) {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("bad span %d:%d after %d in %q", s.Start, s.End, prev, text)
		}
		if text[s.Start:s.End] != s.Text {
			t.Fatalf("span text mismatch %q vs %q", text[s.Start:s.End], s.Text)
		}
		if strings.TrimSpace(s.Text) != s.Text && utf8.ValidString(s.Text) {
			t.Fatalf("untrimmed sentence %q", s.Text)
		}
		prev = s.End
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "A. B.", "U.S. forces... left.", "“Go.” He went.\n\nNext",
		"3.5 km. 4,000 people.", "Dec. 8. No. 5!", "\"?\" said. …", "a\xffb. C",
		"Mr.", "…”", ". . .", "A\u00a0. B",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text)
	})
}

var benchText = strings.Repeat("The Syrian army said in a statement carried by the official SANA news agency on Wednesday that it would reduce air strikes. \"We are committed,\" Lt. Gen. Ali told the U.N. envoy... The figure was 3.5 percent.\n\n", 8)

func BenchmarkSplit(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		sentence.Split(benchText)
	}
}

func ExampleSplit() {
	text := `The U.S. envoy met rebels on Dec. 8 in Aleppo. "There has to be a pause," he said.`
	for _, s := range sentence.Split(text) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// 0-46 The U.S. envoy met rebels on Dec. 8 in Aleppo.
	// 47-82 "There has to be a pause," he said.
}
