package event

import (
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/attribution"
	"github.com/sitrep/sitrep/internal/domain"
)

// docContext is what the extraction of one document knows beyond a
// sentence: paragraphs, skipped lines, default places and dates.
type docContext struct {
	doc   *domain.Document
	attr  *attribution.Map
	sents []domain.Span
	skip  []bool // captions and subheads
	para  []int  // paragraph index of each sentence
	// fallback places: the dateline's, the article's main place below
	// country level, its main country
	dateline, main *domain.Location
	mainCountry    string
	pub            string
	words          []word // the words of the sentence being read
	dateParas      []int  // paragraph index of each date mention
}

func (x *Extractor) newDocContext(doc *domain.Document, sents []domain.Span, attr *attribution.Map) *docContext {
	d := &docContext{doc: doc, attr: attr, sents: sents, skip: make([]bool, len(sents)), para: make([]int, len(sents))}
	text := doc.Text
	// paragraphs and captions
	p, prev := 0, 0
	paraStart := 0
	for i, s := range sents {
		if i > 0 && strings.Contains(text[prev:s.Start], "\n\n") {
			p++
			paraStart = s.Start
		}
		_ = paraStart
		d.para[i] = p
		prev = s.End
	}
	for i := 0; i < len(sents); {
		j := i
		for j < len(sents) && d.para[j] == d.para[i] {
			j++
		}
		ptext := text[sents[i].Start:sents[j-1].End]
		if isCaption(ptext) {
			for k := i; k < j; k++ {
				d.skip[k] = true
			}
		}
		i = j
	}
	for i, s := range sents {
		if isSubhead(s.Text) {
			d.skip[i] = true
		}
	}
	// the paragraph of each date mention, for the narrative time
	d.dateParas = make([]int, len(doc.Dates))
	k := 0
	for i, m := range doc.Dates {
		for k+1 < len(sents) && sents[k+1].Start <= m.Start {
			k++
		}
		if len(sents) > 0 {
			d.dateParas[i] = d.para[k]
		}
	}
	// places
	counts := map[string]int{}
	countryCounts := map[string]int{}
	first := map[string]int{}
	byName := map[string]domain.Entity{}
	for i, e := range doc.Entities {
		if e.Type != domain.Place {
			continue
		}
		name := entName(e)
		if x.isCountry(name) {
			countryCounts[x.country(strings.ToLower(name))]++
			continue
		}
		if e.Country != "" {
			countryCounts[e.Country] += 2 // a town weighs more than a country's name
		}
		if e.Latitude == nil || isProvince(text, e) {
			continue
		}
		if _, ok := first[name]; !ok {
			first[name] = i
			byName[name] = e
		}
		counts[name]++
	}
	for c, n := range countryCounts {
		if d.mainCountry == "" || n > countryCounts[d.mainCountry] || n == countryCounts[d.mainCountry] && c < d.mainCountry {
			d.mainCountry = c
		}
	}
	// the main place: the most mentioned town of the main country
	best := ""
	for n, c := range counts {
		if d.mainCountry != "" && byName[n].Country != "" && byName[n].Country != d.mainCountry {
			continue
		}
		if best == "" || c > counts[best] || c == counts[best] && first[n] < first[best] {
			best = n
		}
	}
	if best != "" {
		d.main = entLocation(byName[best], 2)
	}
	if d.mainCountry == "" {
		// no place entity: the country the words name most
		n := map[string]int{}
		for _, w := range tokenize(text, 0, len(text), nil) {
			if c, ok := x.demonyms[w.lw]; ok {
				n[c]++
				if d.mainCountry == "" || n[c] > n[d.mainCountry] || n[c] == n[d.mainCountry] && c < d.mainCountry {
					d.mainCountry = c
				}
			}
		}
	}
	if dl := domain.Deref(doc.Source.Dateline); dl != "" && x.datelineFits(doc, d, datelineCity(dl)) {
		city := datelineCity(dl)
		for _, e := range doc.Entities {
			if e.Type == domain.Place && (strings.EqualFold(e.Text, city) || strings.EqualFold(entName(e), city)) && e.Latitude != nil {
				d.dateline = entLocation(e, 1)
				break
			}
		}
		if d.dateline == nil && city != "" {
			if c, ok := x.capitals[strings.ToLower(x.capitalOf[strings.ToLower(city)])]; ok {
				d.dateline = c.location(1)
			} else {
				d.dateline = &domain.Location{Name: titleCase(city), GeoPrecision: 1}
			}
		}
	}
	if pub := domain.Deref(doc.Source.Published); len(pub) >= 10 {
		if _, err := time.Parse("2006-01-02", pub[:10]); err == nil {
			d.pub = pub[:10]
		}
	}
	return d
}

// datelineFits says whether a dateline names where the story happens, not
// only the bureau that filed it ("BEIRUT" on a story about Idlib): its
// city is named in the body, or lies in the article's main country.
func (x *Extractor) datelineFits(doc *domain.Document, d *docContext, city string) bool {
	if city == "" {
		return false
	}
	for _, e := range doc.Entities {
		if e.Type == domain.Place && (strings.EqualFold(e.Text, city) || strings.EqualFold(entName(e), city)) {
			return true
		}
	}
	c := x.capitalOf[strings.ToLower(city)]
	return d.mainCountry == "" || c == "" || c == d.mainCountry
}

// datelineCity reads the place of a dateline: "KYIV, March 16 (Reuters)"
// and "GAZA STRIP (AP) —" name Kyiv and Gaza Strip.
func datelineCity(dl string) string {
	if i := strings.IndexAny(dl, ",(—–"); i >= 0 {
		dl = dl[:i]
	}
	if i := strings.Index(dl, " - "); i >= 0 {
		dl = dl[:i]
	}
	return strings.TrimSpace(dl)
}

func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		if w != "" {
			ws[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(ws, " ")
}

// isCaption recognises photo captions left in a body.
func isCaption(p string) bool {
	t := strings.TrimSpace(p)
	for _, m := range []string{"(Photo", "(photo", "(Photos", "Photo:", "PHOTO:", "(File photo", "(AFP Photo", "/AFP)", "(Reuters)", "Photo credit"} {
		if strings.Contains(t, m) {
			return true
		}
	}
	return strings.HasSuffix(t, " Photo") || strings.HasSuffix(t, " Photos") || strings.HasSuffix(t, " photo")
}

// isSubhead recognises headlines and cross-heads: short lines without
// terminal punctuation.
func isSubhead(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '.', '!', '?', '"', ')':
		return false
	}
	if strings.HasSuffix(t, "”") || strings.HasSuffix(t, "’") {
		return false
	}
	return len(strings.Fields(t)) < 14
}

func isProvince(text string, e domain.Entity) bool {
	after := strings.ToLower(text[e.End:min(len(text), e.End+13)])
	before := strings.ToLower(text[max(0, e.Start-12):e.Start])
	return strings.HasPrefix(after, " province") || strings.HasPrefix(after, " governorate") ||
		strings.HasPrefix(after, " region") || strings.HasSuffix(before, "province of ") ||
		strings.HasSuffix(before, "governorate of ") || strings.HasSuffix(before, "region of ")
}

func (d *docContext) hasQty(s domain.Span, kind string) bool {
	for _, q := range d.doc.Quantities {
		if q.Start >= s.Start && q.End <= s.End && q.Kind == kind {
			return true
		}
	}
	return false
}

func entName(e domain.Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return e.Text
}

func entLocation(e domain.Entity, precision int) *domain.Location {
	l := &domain.Location{Name: entName(e), Admin1: e.Admin1, Country: e.Country, GeoPrecision: precision}
	if e.Latitude != nil && e.Longitude != nil {
		lat, lon := *e.Latitude, *e.Longitude
		l.Latitude, l.Longitude = &lat, &lon
	}
	return l
}

func (x *Extractor) isCountry(name string) bool {
	c, ok := x.demonyms[strings.ToLower(name)]
	return ok && strings.EqualFold(c, name) || ok && len(name) <= 3 && strings.ToUpper(name) == name
}
