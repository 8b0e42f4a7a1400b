package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/kb"
)

// Kinds of dictionary entries.
const (
	kEntity   uint8 = iota // a name of a KB actor or place
	kDemonym               // "Syrian": context and role prefix, never output
	kRole                  // "foreign minister": resolved through offices
	kTemplate              // "government forces": the context country's actor
	kLabel                 // "rebels": a generic label of an armed group
)

// Case requirements of one alias token on the text token it matches.
const (
	caseAny     uint8 = iota // alias written lower case: any case matches
	caseUpper                // alias capitalised: text must start upper case
	caseAcronym              // alias all capitals ("IS", "UN"): text too
)

// info is what an output entity carries from the knowledge base.
type info struct {
	typ, canonical, kbid  string
	side, country, admin1 string
	code                  string // ISO country code for places and state actors
	lat, lon              float64
	hasCoord              bool
	isCountry             bool
	person                bool
	surname               string // folded last name, for later short mentions
	pop                   int64
	gazetteer             bool
}

// cand is one reading of a dictionary phrase.
type cand struct {
	kind  uint8
	ent   int32 // index into Recognizer.infos (kEntity)
	short bool  // needs a fuller name of the same entity earlier
	// notPlace marks a place name that is also a common word: never at
	// a sentence start.
	notPlace bool
	cases    []uint8 // per token
	country  string  // kDemonym: canonical country name
	roles    []string
	tmpl     int32  // kTemplate: index into Recognizer.templates
	label    string // kLabel: label kind
	prio     int32  // lower is better
}

type dict struct {
	entries map[string][]cand
	// flags says for every phrase and every proper token prefix of one
	// ("syrian arab" of "syrian arab army") whether it is an entry and
	// whether a longer entry continues it, so a scan stops extending a
	// phrase as soon as nothing can continue it.
	flags map[string]uint8
	// first is a bit set over a hash of the words that start a phrase: most
	// words of a text start none and are skipped without a map look-up.
	first []uint64
}

const (
	isEntry  uint8 = 1
	isPrefix uint8 = 2
	// firstBits is the size of the first-word filter (256 KB).
	firstBits = 1 << 21
)

func newDict() *dict {
	return &dict{entries: map[string][]cand{}, flags: map[string]uint8{}, first: make([]uint64, firstBits/64)}
}

// wordHash is FNV-1a, enough to spread words over the filter.
func wordHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h % firstBits
}

func (d *dict) mayStart(word string) bool {
	h := wordHash(word)
	return d.first[h/64]&(1<<(h%64)) != 0
}

// add files a phrase (as written in the data) under its folded form.
func (d *dict) add(phrase string, c cand) {
	f := kb.Fold(phrase)
	if f == "" {
		return
	}
	toks := strings.Split(f, " ")
	c.cases = aliasCases(phrase, len(toks))
	d.entries[f] = append(d.entries[f], c)
	d.flags[f] |= isEntry
	for i := 0; i < len(f); i++ {
		if f[i] == ' ' {
			d.flags[f[:i]] |= isPrefix
		}
	}
	h := wordHash(toks[0])
	d.first[h/64] |= 1 << (h % 64)
}

// aliasCases derives the case requirement of each folded token of an
// alias from how the alias is written.
func aliasCases(phrase string, n int) []uint8 {
	f, start, end := kb.FoldMap(phrase)
	out := make([]uint8, 0, n)
	for i := 0; i < len(f); {
		j := strings.IndexByte(f[i:], ' ')
		if j < 0 {
			j = len(f)
		} else {
			j += i
		}
		out = append(out, tokenCase(phrase[start[i]:end[j-1]]))
		i = j + 1
	}
	for len(out) < n {
		out = append(out, caseAny)
	}
	// Inside a name outlets vary the case ("Palestinian civil defence");
	// only the first word, and words in capitals, must match.
	for i := 1; i < len(out); i++ {
		if out[i] == caseUpper {
			out[i] = caseAny
		}
	}
	return out[:n]
}

// tokenCase classifies how a token is written.
func tokenCase(s string) uint8 {
	letters, upper := 0, 0
	first := true
	firstUpper := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
		}
		if first {
			firstUpper = unicode.IsUpper(r)
			first = false
		}
	}
	switch {
	case letters >= 2 && upper == letters:
		return caseAcronym
	case firstUpper:
		return caseUpper
	}
	return caseAny
}

// sortCands orders the readings of each phrase by priority, then by
// insertion, so that the first acceptable one wins deterministically.
func (d *dict) sortCands() {
	for k, cs := range d.entries {
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].prio < cs[j].prio })
		d.entries[k] = cs
	}
}

// textCase describes how a text token is written: upper-case first
// letter, all capitals.
type textCase struct {
	upperFirst, allUpper bool
}

func caseOf(s string) textCase {
	if ascii, tc := asciiCase(s); ascii {
		return tc
	}
	letters, upper := 0, 0
	var tc textCase
	first := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		u := unicode.IsUpper(r)
		if u {
			upper++
		}
		if first {
			tc.upperFirst = u
			first = false
		}
	}
	tc.allUpper = letters > 0 && upper == letters
	return tc
}

// asciiCase is caseOf for the common all-ASCII word, without decoding.
func asciiCase(s string) (bool, textCase) {
	letters, upper := 0, 0
	var tc textCase
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, tc
		}
		isUpper := c >= 'A' && c <= 'Z'
		if !isUpper && (c < 'a' || c > 'z') {
			continue
		}
		if letters == 0 {
			tc.upperFirst = isUpper
		}
		letters++
		if isUpper {
			upper++
		}
	}
	tc.allUpper = letters > 0 && upper == letters
	return true, tc
}

func caseOK(want uint8, got textCase) bool {
	switch want {
	case caseUpper:
		return got.upperFirst
	case caseAcronym:
		return got.allUpper
	}
	return true
}

// hasAcronym reports whether an alias has a token written in capitals.
func hasAcronym(cases []uint8) bool {
	for _, c := range cases {
		if c == caseAcronym {
			return true
		}
	}
	return false
}
