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
			a = article(rng, base.AddDate(0, 0, rng.IntN(365)))
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

func article(rng *rand.Rand, day time.Time) Article {
	p := places[rng.IntN(len(places))]
	f := forces[p.country]
	wd := weekdays[day.Weekday()]
	prev := weekdays[(int(day.Weekday())+6)%7]
	killed := 2 + rng.IntN(40)
	injured := killed + rng.IntN(60)
	mon := monitors[rng.IntN(len(monitors))]
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s - %s shelled residential areas of %s on %s, killing at least %d civilians and wounding %d others, %s said.\n\n",
		strings.ToUpper(p.town), p.country, capital(f[0]), p.town, wd, killed, injured, mon)
	fmt.Fprintf(&b, "The attack came a day after clashes between %s and %s on the outskirts of the town, in which %s fighters were reported killed.\n\n",
		f[0], f[1], numbers[rng.IntN(len(numbers))])
	fmt.Fprintf(&b, "\"The hospital received %d wounded since %s night, most of them women and children,\" a doctor in %s told the agency.\n\n",
		injured, prev, p.town)
	if rng.IntN(2) == 0 {
		fmt.Fprintf(&b, "More than %d,000 people have fled the %s region over the past %d days, according to the United Nations refugee agency.\n\n",
			1+rng.IntN(30), p.region, 3+rng.IntN(10))
	}
	if rng.IntN(3) == 0 {
		fmt.Fprintf(&b, "A humanitarian convoy of %d trucks carrying food and medicine reached %s on %s, the Red Cross said.\n\n",
			5+rng.IntN(40), p.town, wd)
	}
	fmt.Fprintf(&b, "%s accused %s of targeting civilians, while officials denied the charge and said their strikes hit military positions.\n\n",
		capital(f[1]), f[0])
	b.WriteString("Share this article\n\nSubscribe to our newsletter")
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
