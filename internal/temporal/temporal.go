package temporal

import (
	"time"

	"github.com/sitrep/sitrep/internal/domain"
)

// Resolve returns the date mentions of text, sorted by Start. Relative
// mentions ("on Wednesday", "the previous three days", "since then") are
// resolved against anchor, the publication day, or against the narrative
// time (the last day the text mentioned) where news usage does so. When
// anchor is zero only absolute expressions are returned: full dates,
// month-year, and years after a preposition.
func Resolve(text string, anchor time.Time) []domain.DateMention {
	r := newResolver(text, anchor)
	return r.run()
}

// InferPublished guesses the publication day of a document that states
// none. It takes the latest fully explicit date of the body and captions
// and moves it forward to the first day on or after it that falls on the
// weekday the body mentions most, since news names the day of writing and
// the days before it by weekday. ok is false when no full date is given.
func InferPublished(body string, captions []string) (time.Time, bool) {
	var latest time.Time
	consider := func(s string) {
		r := newResolver(s, time.Time{})
		for _, m := range r.run() {
			if m.Precision != domain.PrecisionDay || r.futureCue(r.tokenAt(m.Start)) {
				continue // a date announced ahead ("due on 20 December") is no evidence
			}
			d, err := time.Parse("2006-01-02", m.Value)
			if err == nil && d.After(latest) {
				latest = d
			}
		}
	}
	consider(body)
	for _, c := range captions {
		consider(c)
	}
	if latest.IsZero() {
		return time.Time{}, false
	}
	return latest.AddDate(0, 0, weekdayShift(body, int(latest.Weekday()))), true
}

// weekdayShift is the number of days from a day with weekday from to the
// first day on or after it that falls on the weekday text names most. On
// a tie the later day wins: every weekday a report names is on or before
// its day of writing.
func weekdayShift(text string, from int) int {
	low := lowerASCII(text)
	toks := tokenize(text, low, make([]token, 0, len(text)/5+8))
	var count [7]int
	for _, t := range toks {
		if t.kind != kWord || t.end-t.start < 6 {
			continue
		}
		if wd, ok := weekdays[low[t.start:t.end]]; ok {
			count[wd]++
		}
	}
	best, bestShift := 0, 0
	for wd, c := range count {
		shift := (wd - from + 7) % 7
		if c > best || c == best && c > 0 && shift > bestShift {
			best, bestShift = c, shift
		}
	}
	return bestShift
}
