package quantity

import "math"

// The number vocabulary is closed-class English grammar, not analyst
// data, so it lives in code.

var smallNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var multipliers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
}

// vagueLow gives the low bound a plural of a round number implies
// ("hundreds" = at least 200, "scores" = at least 40).
var vagueLow = map[string]float64{
	"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6,
}

// bound is the way words before a number bound it.
type bound byte

const (
	boundNone bound = iota
	boundLow        // at least, more than
	boundHigh       // as many as, up to, almost
)

// boundPhrases are read backwards from the number: the last word first.
var boundPhrases = []struct {
	words []string
	b     bound
}{
	{[]string{"at", "least"}, boundLow},
	{[]string{"more", "than"}, boundLow},
	{[]string{"no", "fewer", "than"}, boundLow},
	{[]string{"no", "less", "than"}, boundLow},
	{[]string{"not", "less", "than"}, boundLow},
	{[]string{"in", "excess", "of"}, boundLow},
	{[]string{"upwards", "of"}, boundLow},
	{[]string{"a", "minimum", "of"}, boundLow},
	{[]string{"just", "over"}, boundLow},
	{[]string{"well", "over"}, boundLow},
	{[]string{"over"}, boundLow},
	{[]string{"above"}, boundLow},
	{[]string{"as", "many", "as"}, boundHigh},
	{[]string{"as", "much", "as"}, boundHigh},
	{[]string{"up", "to"}, boundHigh},
	{[]string{"no", "more", "than"}, boundHigh},
	{[]string{"not", "more", "than"}, boundHigh},
	{[]string{"at", "most"}, boundHigh},
	{[]string{"a", "maximum", "of"}, boundHigh},
	{[]string{"fewer", "than"}, boundHigh},
	{[]string{"less", "than"}, boundHigh},
	{[]string{"just", "under"}, boundHigh},
	{[]string{"almost"}, boundHigh},
	{[]string{"nearly"}, boundHigh},
	{[]string{"close", "to"}, boundHigh},
	{[]string{"between"}, boundNone},
	{[]string{"about"}, boundNone},
	{[]string{"around"}, boundNone},
	{[]string{"some"}, boundNone},
	{[]string{"approximately"}, boundNone},
	{[]string{"roughly"}, boundNone},
	{[]string{"an", "estimated"}, boundNone},
	{[]string{"estimated"}, boundNone},
	{[]string{"a", "total", "of"}, boundNone},
	{[]string{"a", "further"}, boundNone},
	{[]string{"another"}, boundNone},
	{[]string{"an", "additional"}, boundNone},
	{[]string{"additional"}, boundNone},
	{[]string{"only"}, boundNone},
	{[]string{"just"}, boundNone},
}

// numberStart reports whether a word may start a number phrase. A switch
// is cheaper than hashing for the many words that do not.
func numberStart(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety", "tens", "hundreds", "dozens", "thousands", "millions", "scores",
		"several", "numerous", "few", "half", "a", "dozen":
		return true
	}
	return false
}

// number is a parsed number phrase.
type number struct {
	start, end int // tokens of the number words (end exclusive)
	value      float64
	hasValue   bool
	// low/high from a range ("2 to 3") or a vague plural ("hundreds")
	low, high float64
	vague     bool
}

// tidy removes the binary rounding error a decimal times a multiplier
// leaves ("1.7 million" is 1700000, not 1700000.0000000002).
func tidy(v float64) float64 {
	if r := math.Round(v); math.Abs(v-r) < 1e-6*math.Max(1, math.Abs(v)) {
		return r
	}
	return v
}

// parseNumber reads a number phrase at token i: digits with a multiplier
// ("1.5 million"), number words ("two dozen", "twenty-five", "three
// hundred"), vague plurals ("tens of thousands", "several") and ranges
// ("2 to 3").
func (f *finder) parseNumber(i int) (number, bool) {
	n, ok := f.single(i)
	if !ok {
		return n, false
	}
	if n.vague {
		return n, true
	}
	// ranges: "2 to 3", "20-30", "two or three"
	k := n.end
	if k+1 < len(f.t) && (f.is(k, "to") || f.is(k, "or") || f.is(k, "and") && f.is(i-1, "between") || f.isDash(k) && !f.t[k].space && !f.t[k+1].space) {
		if m, ok := f.single(k + 1); ok && !m.vague && m.value > n.value {
			return number{start: n.start, end: m.end, low: n.value, high: m.value}, true
		}
	}
	return n, true
}

// single reads one number (no range).
func (f *finder) single(i int) (number, bool) {
	t := f.t[i]
	n := number{start: i}
	if t.kind == kNum {
		if t.ordinal {
			return n, false
		}
		v := t.num
		k := i + 1
		// "1.5m people", "$2bn": a multiplier glued to the digits
		if k < len(f.t) && f.t[k].kind == kWord && f.joined(k) {
			switch f.w(k) {
			case "bn":
				return number{start: i, end: k + 1, value: tidy(v * 1e9), hasValue: true}, true
			case "mn", "m":
				// "10m" may be ten metres: millions only before a counted noun
				if f.w(k) == "mn" || k+1 < len(f.t) && (f.is(k+1, "of") || len(f.lx.subjects[f.w(k+1)]) > 0) {
					return number{start: i, end: k + 1, value: tidy(v * 1e6), hasValue: true}, true
				}
			}
		}
		if k < len(f.t) && f.t[k].kind == kWord {
			if m, ok := multipliers[f.w(k)]; ok {
				v *= m
				k++
			} else if f.w(k) == "dozen" {
				v *= 12
				k++
			}
		}
		n.end, n.value, n.hasValue = k, tidy(v), true
		return n, true
	}
	if t.kind != kWord || !numberStart(f.low[t.start:t.end]) {
		return n, false
	}
	switch f.low[t.start:t.end] {
	case "tens":
		// tens of thousands / millions
		if f.is(i+1, "of") && f.isAny(i+2, "thousands", "millions") {
			n.end, n.vague = i+3, true
			n.low = 20 * 1000
			if f.w(i+2) == "millions" {
				n.low = 20e6
			}
			return n, true
		}
		return n, false
	case "hundreds":
		if f.is(i+1, "of") && f.is(i+2, "thousands") {
			n.end, n.vague, n.low = i+3, true, 200000
			return n, true
		}
		n.end, n.vague, n.low = i+1, true, 200
		return n, true
	case "dozens", "thousands", "millions":
		n.end, n.vague, n.low = i+1, true, vagueLow[f.low[t.start:t.end]]
		return n, true
	case "scores":
		if f.is(i+1, "of") {
			n.end, n.vague, n.low = i+1, true, 40
			return n, true
		}
		return n, false
	case "several", "numerous":
		if i+1 < len(f.t) {
			if m, ok := multipliers[f.w(i+1)]; ok {
				n.end, n.vague, n.low = i+2, true, 2*m
				return n, true
			}
		}
		n.end, n.vague = i+1, true
		return n, true
	case "few":
		if f.is(i-1, "a") {
			n.end, n.vague = i+1, true
			return n, true
		}
		return n, false
	case "half":
		if f.is(i+1, "a") && f.is(i+2, "dozen") {
			n.end, n.value, n.hasValue = i+3, 6, true
			return n, true
		}
		return n, false
	case "a":
		if f.is(i+1, "dozen") {
			n.end, n.value, n.hasValue = i+2, 12, true
			return n, true
		}
		if f.isAny(i+1, "hundred", "thousand", "million") {
			v, k := f.words(i+1, 1)
			n.end, n.value, n.hasValue = k, v, true
			return n, true
		}
		return n, false
	case "dozen":
		if f.is(i-1, "a") || f.is(i-1, "half") {
			return n, false
		}
	}
	if _, ok := smallNumbers[f.low[t.start:t.end]]; !ok {
		if _, ok := tens[f.low[t.start:t.end]]; !ok {
			return n, false
		}
	}
	v, k := f.words(i, 0)
	if f.is(k, "dozen") {
		v *= 12
		k++
	}
	n.end, n.value, n.hasValue = k, v, true
	return n, true
}

// words reads a cardinal in words from token i ("two hundred and fifty",
// "twenty-five"); seed is a value already read (1 for "a hundred").
func (f *finder) words(i int, seed float64) (float64, int) {
	total, cur := 0.0, seed
	k := i
	for k < len(f.t) {
		s := f.w(k)
		if v, ok := smallNumbers[s]; ok && f.t[k].kind == kWord {
			cur += v
			k++
			continue
		}
		if v, ok := tens[s]; ok {
			cur += v
			k++
			// twenty-five
			if f.isDash(k) && !f.t[k].space && k+1 < len(f.t) && !f.t[k+1].space {
				if u, ok := smallNumbers[f.w(k+1)]; ok && u < 10 {
					cur += u
					k += 2
				}
			}
			continue
		}
		if m, ok := multipliers[s]; ok && (cur > 0 || total > 0) {
			if m == 100 {
				cur *= 100
			} else {
				total += cur * m
				cur = 0
			}
			k++
			// "two hundred and fifty"
			if f.is(k, "and") && k+1 < len(f.t) {
				if _, ok := smallNumbers[f.w(k+1)]; ok {
					k++
				} else if _, ok := tens[f.w(k+1)]; ok {
					k++
				}
			}
			continue
		}
		break
	}
	return total + cur, k
}
