package synth

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Article is one generated article, in the shape of a scraper's JSON
// Lines record.
type Article struct {
	ID          string `json:"id"`
	URL         string `json:"url"`
	Title       string `json:"title"`
	DatePublish string `json:"date_publish"`
	Source      string `json:"source_domain"`
	Maintext    string `json:"maintext"`
}

type place struct{ town, region, country string }

var places = []place{
	{"Aleppo", "Aleppo", "Syria"}, {"Idlib", "Idlib", "Syria"}, {"Homs", "Homs", "Syria"},
	{"Deir ez-Zor", "Deir ez-Zor", "Syria"}, {"Raqqa", "Raqqa", "Syria"}, {"Daraa", "Daraa", "Syria"},
	{"Mosul", "Nineveh", "Iraq"}, {"Fallujah", "Anbar", "Iraq"}, {"Kirkuk", "Kirkuk", "Iraq"},
	{"Taiz", "Taiz", "Yemen"}, {"Hodeidah", "Hodeidah", "Yemen"}, {"Marib", "Marib", "Yemen"},
	{"Kharkiv", "Kharkiv", "Ukraine"}, {"Bakhmut", "Donetsk", "Ukraine"}, {"Kherson", "Kherson", "Ukraine"},
	{"Zaporizhzhia", "Zaporizhzhia", "Ukraine"}, {"Khan Younis", "Khan Younis", "Palestine"}, {"Rafah", "Rafah", "Palestine"},
}

var forces = map[string][2]string{
	"Syria":     {"Syrian government forces", "rebel fighters"},
	"Iraq":      {"Iraqi forces", "Islamic State militants"},
	"Yemen":     {"Saudi-led coalition warplanes", "Houthi fighters"},
	"Ukraine":   {"Russian forces", "Ukrainian troops"},
	"Palestine": {"Israeli forces", "Hamas fighters"},
}

var monitors = []string{"a monitoring group", "local health officials", "the regional governor",
	"the civil defence service", "a UN spokesperson", "medical sources"}

var outlets = []string{"example-news.org", "daily-wire.example", "frontline-report.example",
	"global-desk.example", "region-times.example", "courier-online.example"}

var weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

var numbers = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen"}

// Generate writes n articles as JSON Lines, deterministic for seed.
// Every fifth article is a lightly edited copy of an earlier one (as
// syndication produces), so deduplication has work to do.
func Generate(w io.Writer, seed uint64, n int) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	enc := json.NewEncoder(w)
	var recent []Article
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		var a Article
		if i%5 == 4 && len(recent) > 0 {
			a = recent[rng.IntN(len(recent))]
			a.Maintext = strings.Replace(a.Maintext, "said", "told reporters", 1) + "\n\nThe report could not be independently verified."
			a.Source = outlets[rng.IntN(len(outlets))]
		} else {
			a = article(rng, base.AddDate(0, 0, day(rng, i)))
		}
		a.ID = fmt.Sprintf("synth-%d-%07d", seed, i)
		a.URL = fmt.Sprintf("https://%s/news/%s", a.Source, a.ID)
		if err := enc.Encode(a); err != nil {
			return err
		}
		recent = append(recent, a)
		if len(recent) > 50 {
			recent = recent[1:]
		}
	}
	return nil
}

// slots are the sentences an article may carry, each in several
// phrasings: two articles share a sentence's words only when they draw the
// same phrasing, so unrelated synthetic stories stay dissimilar (as
// unrelated real ones are) and only the deliberate copies group together.
var slots = [][]string{
	{"%[1]s shelled residential areas of %[2]s on %[3]s, killing at least %[4]d civilians and wounding %[5]d others, %[6]s said.",
		"At least %[4]d people were killed and %[5]d hurt when artillery fire hit %[2]s on %[3]s, according to %[6]s.",
		"%[6]s said %[4]d civilians died in %[2]s after %[1]s pounded the town on %[3]s; %[5]d more were taken to hospital.",
		"A barrage on %[2]s late on %[3]s left %[4]d dead, %[6]s reported, blaming %[1]s for the attack that also injured %[5]d.",
		"Rockets fired by %[1]s struck a crowded street in %[2]s on %[3]s, %[6]s told reporters, killing %[4]d and wounding %[5]d."},
	{"The attack came a day after clashes between %[1]s and %[7]s on the outskirts of the town.",
		"Fighting between %[7]s and %[1]s had flared around %[2]s since %[8]s night.",
		"%[7]s said they repelled an assault by %[1]s near the southern approaches of %[2]s.",
		"Heavy exchanges of fire were reported north of %[2]s, where %[1]s have been trying to advance for weeks."},
	{"\"The hospital received %[5]d wounded since %[8]s night, most of them women and children,\" a doctor in %[2]s said.",
		"A nurse at the main clinic in %[2]s described corridors filled with %[5]d patients and a shortage of blood.",
		"Medics in %[2]s said ambulances could not reach %[11]d districts because of the shelling.",
		"\"We buried %[4]d neighbours today,\" a resident of %[2]s told a local radio station by phone."},
	{"More than %[9]d,000 people have fled the %[10]s region over the past %[11]d days, according to the United Nations refugee agency.",
		"Aid agencies estimate that %[9]d,000 residents left %[10]s this month, many of them on foot.",
		"The local council said %[9]d,000 displaced families were sheltering in schools and mosques across %[10]s."},
	{"A humanitarian convoy of %[12]d trucks carrying food and medicine reached %[2]s on %[3]s, the Red Cross said.",
		"The World Food Programme said %[12]d lorries of flour had been waiting at a checkpoint outside %[2]s for three days.",
		"Relief workers unloaded %[12]d truckloads of medical supplies in %[2]s during a brief lull in the fighting."},
	{"%[13]s accused %[1]s of targeting civilians, while officials denied the charge.",
		"A spokesman for %[1]s said their strikes hit only military positions and weapons depots.",
		"The claims about %[2]s could not be independently verified, and neither %[1]s nor %[7]s published evidence.",
		"Diplomats said talks on a local truce for %[10]s had stalled over the exchange of %[12]d prisoners."},
	{"Electricity and water supplies to %[2]s were cut after a transformer station was damaged.",
		"Schools in the district remained closed for a %[14]s consecutive week.",
		"Shops in %[2]s reopened briefly on %[3]s morning before sirens sent people back to shelters.",
		"Farmers said they could not reach their fields east of %[2]s because of mines."},
}

var ordinals = []string{"second", "third", "fourth", "fifth", "sixth"}

// perDay is how many articles a synthetic day carries: about what a
// monitoring desk reads on one war.
const perDay = 50

// day places article i of n in a stream that moves forward in time, as a
// news feed does (a batch covers a few days, not the whole corpus), with
// a day or two of jitter for late and early reports.
func day(rng *rand.Rand, i int) int {
	d := i/perDay + rng.IntN(3) - 1
	if d < 0 {
		d = 0
	}
	return d
}

func article(rng *rand.Rand, day time.Time) Article {
	p := places[rng.IntN(len(places))]
	f := forces[p.country]
	wd := weekdays[day.Weekday()]
	prev := weekdays[(int(day.Weekday())+6)%7]
	killed := 2 + rng.IntN(40)
	injured := killed + rng.IntN(60)
	mon := monitors[rng.IntN(len(monitors))]
	args := []any{f[0], p.town, wd, killed, injured, mon, f[1], prev,
		1 + rng.IntN(30), p.region, 3 + rng.IntN(10), 5 + rng.IntN(40), capital(f[1]), ordinals[rng.IntN(len(ordinals))]}
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s - ", strings.ToUpper(p.town), p.country)
	for i, slot := range slots {
		// The lead always runs; each other paragraph two times in three.
		if i > 0 && rng.IntN(3) == 0 {
			continue
		}
		if i > 0 {
			b.WriteString("\n\n")
		}
		if text := capital(slot[rng.IntN(len(slot))]); strings.Contains(text, "%") {
			fmt.Fprintf(&b, text, args...)
		} else {
			b.WriteString(text) // no verbs: Fprintf would flag the unused arguments
		}
	}
	b.WriteString("\n\nShare this article\n\nSubscribe to our newsletter")
	return Article{
		Title:       fmt.Sprintf("%d civilians killed in shelling of %s, %s says", killed, p.town, mon),
		DatePublish: day.Format("2006-01-02") + " 18:30:00",
		Source:      outlets[rng.IntN(len(outlets))],
		Maintext:    b.String(),
	}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
