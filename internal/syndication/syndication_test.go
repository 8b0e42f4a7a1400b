package syndication_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/syndication"
)

const story = `Government forces shelled the eastern districts of the town on Tuesday,
killing at least twelve civilians and wounding dozens more, a monitoring group said.
Residents described heavy artillery fire through the night, and a hospital in the
old quarter was put out of service after a strike hit its generator room.
The health directorate said ambulances could not reach several neighbourhoods.`

// rewrite keeps the story's facts and most of its words, as an outlet
// republishing wire copy does.
const rewrite = `Government forces shelled the eastern districts of the town on Tuesday,
killing at least twelve civilians and wounding dozens more, a monitoring group said.
Residents described heavy artillery fire through the night. A hospital in the
old quarter was put out of service after a strike hit its generator room, officials added.`

const other = `Negotiators from both sides met in the capital on Wednesday for a second
round of talks on prisoner exchanges, the foreign ministry said, adding that a
further meeting was planned for next month once lists of detainees were agreed.`

func TestSimilarity(t *testing.T) {
	a, b, c := syndication.Sign(story), syndication.Sign(rewrite), syndication.Sign(other)
	if s := a.Similarity(a); s != 1 {
		t.Errorf("self similarity = %v, want 1", s)
	}
	if s := a.Similarity(b); s < syndication.Threshold {
		t.Errorf("rewrite similarity = %v, want ≥ %v", s, syndication.Threshold)
	}
	if s := a.Similarity(c); s >= 0.1 {
		t.Errorf("unrelated similarity = %v, want < 0.1", s)
	}
}

func TestGroupIsOrderIndependent(t *testing.T) {
	docs := []syndication.Doc{
		{ID: "d3", Signature: syndication.Sign(rewrite)},
		{ID: "d1", Signature: syndication.Sign(story)},
		{ID: "d2", Signature: syndication.Sign(other)},
		{ID: "d0", Wire: "AFP", Signature: syndication.Sign(other + " It was the first such meeting this year.")},
		{ID: "d4", Wire: "AFP", Signature: syndication.Sign(other)},
	}
	want := map[string]string{"d0": "d0", "d1": "d1", "d2": "d0", "d3": "d1", "d4": "d0"}
	for i := 0; i < len(docs); i++ {
		rot := append(append([]syndication.Doc{}, docs[i:]...), docs[:i]...)
		if diff := cmp.Diff(want, syndication.Group(rot)); diff != "" {
			t.Errorf("rotation %d (-want +got):\n%s", i, diff)
		}
	}
}

func TestSignatureRoundTrip(t *testing.T) {
	s := syndication.Sign(story)
	got, ok := syndication.FromBytes(s.Bytes())
	if !ok || got != s {
		t.Fatalf("round trip failed: ok=%v", ok)
	}
	if _, ok := syndication.FromBytes([]byte{1, 2, 3}); ok {
		t.Error("a short byte string decoded as a signature")
	}
}

func FuzzSign(f *testing.F) {
	f.Add(story)
	f.Add("")
	f.Add("one two")
	f.Fuzz(func(t *testing.T, s string) {
		sig := syndication.Sign(s)
		if sig.Similarity(syndication.Sign(s)) != 1 {
			t.Errorf("signature of %q is not deterministic", s)
		}
	})
}

func BenchmarkSign(b *testing.B) {
	text := story + story + story + story
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		syndication.Sign(text)
	}
}

func ExampleSignature_Similarity() {
	a := syndication.Sign("Shelling hit the market in the town centre on Monday, killing five people.")
	b := syndication.Sign("Shelling hit the market in the town centre on Monday, killing five people, medics said.")
	fmt.Println(a.Similarity(b) > syndication.Threshold)
	// Output: true
}
