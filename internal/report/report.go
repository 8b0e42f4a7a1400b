package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
)

// Options describe what the incidents passed to Build were selected by;
// they only label the report.
type Options struct {
	From, To string // YYYY-MM-DD, inclusive; equal for a daily report
	Place    string // the place filter, "" for all
}

// Report is a situation report ready to be written as Markdown or HTML.
type Report struct {
	Title     string
	Period    string
	Summary   []Sentence
	Key       []Sentence
	Human     []Sentence
	Figures   []FigureRow
	Contested []Sentence
	Notes     []Note
}

// Sentence is one statement with the footnotes it rests on.
type Sentence struct {
	Text  string
	Notes []int
}

// FigureRow is one incident's casualty figures with their sources.
type FigureRow struct {
	Note     int
	Date     string
	Place    string
	Event    string
	Killed   string
	Injured  string
	Status   string
	Claimant string
}

// Note is a footnote: one incident and the reports it was merged from.
type Note struct {
	N        int
	Incident string
	Reports  []string // "Outlet (claimed by X, date D)"
	Evidence string   // the first report's evidence sentence
}

// humanitarianTypes are the event types reported under the humanitarian
// situation rather than key developments.
var humanitarianTypes = map[string]bool{domain.Humanitarian: true}

// Build assembles a report from incidents (any order); the result does
// not depend on their order.
func Build(incs []domain.Incident, opts Options) Report {
	incs = append([]domain.Incident(nil), incs...)
	sort.Slice(incs, func(i, j int) bool {
		di, dj := domain.Deref(incs[i].Date), domain.Deref(incs[j].Date)
		if (di == "") != (dj == "") {
			return dj == "" // undated incidents last
		}
		if di != dj {
			return di < dj
		}
		return incs[i].ID < incs[j].ID
	})
	r := Report{Title: title(opts), Period: period(opts)}
	note := map[string]int{}
	for _, inc := range incs {
		n := len(r.Notes) + 1
		note[inc.ID] = n
		r.Notes = append(r.Notes, makeNote(n, inc))
	}
	r.Summary = summary(incs, note, opts)
	for _, inc := range incs {
		s := Sentence{Text: describe(inc), Notes: []int{note[inc.ID]}}
		if humanitarianTypes[inc.EventType] {
			r.Human = append(r.Human, s)
		} else {
			r.Key = append(r.Key, s)
		}
		if hasFigures(inc) {
			r.Figures = append(r.Figures, FigureRow{Note: note[inc.ID], Date: orDash(domain.Deref(inc.Date)),
				Place: placeName(inc), Event: eventName(inc), Killed: figure(inc.Fatalities),
				Injured: figure(inc.Injured), Status: inc.Status, Claimant: claimants(inc)})
		}
		for _, c := range inc.Conflicts {
			r.Contested = append(r.Contested, Sentence{Text: conflict(inc, c), Notes: []int{note[inc.ID]}})
		}
		if inc.Status == domain.StatusContested && len(inc.Conflicts) == 0 {
			r.Contested = append(r.Contested, Sentence{
				Text:  fmt.Sprintf("Sources disagree on whether %s took place as reported.", lowerFirst(eventPhrase(inc))),
				Notes: []int{note[inc.ID]}})
		}
	}
	return r
}

// LatestDay returns the latest full date (YYYY-MM-DD) any incident has,
// or "" when none has one: the default day of a daily report.
func LatestDay(incs []domain.Incident) string {
	latest := ""
	for _, inc := range incs {
		if d := domain.Deref(inc.Date); len(d) == len("2006-01-02") && d > latest {
			latest = d
		}
	}
	return latest
}

func title(o Options) string {
	t := "Situation report"
	if o.Place != "" {
		t += ": " + o.Place
	}
	return t
}

func period(o Options) string {
	switch {
	case o.From == "" && o.To == "":
		return "all dates in the record"
	case o.From == o.To:
		return longDate(o.From)
	case o.From == "":
		return "up to " + longDate(o.To)
	case o.To == "":
		return "from " + longDate(o.From)
	}
	return longDate(o.From) + " to " + longDate(o.To)
}

// longDate writes 2024-03-12 as "12 March 2024"; other values unchanged.
func longDate(d string) string {
	if t, err := time.Parse(time.DateOnly, d); err == nil {
		return t.Format("2 January 2006")
	}
	if t, err := time.Parse("2006-01", d); err == nil {
		return t.Format("January 2006")
	}
	return d
}

func summary(incs []domain.Incident, note map[string]int, o Options) []Sentence {
	if len(incs) == 0 {
		return []Sentence{{Text: "No incident is recorded for this period."}}
	}
	all := make([]int, 0, len(incs))
	outlets := map[string]bool{}
	var killed float64
	var killedNotes []int
	var contested []int
	for _, inc := range incs {
		all = append(all, note[inc.ID])
		for _, rep := range inc.Reports {
			outlets[outletOf(rep)] = true
		}
		if inc.Fatalities != nil && inc.Fatalities.Best != nil {
			killed += *inc.Fatalities.Best
			killedNotes = append(killedNotes, note[inc.ID])
		}
		if inc.Status == domain.StatusContested || len(inc.Conflicts) > 0 {
			contested = append(contested, note[inc.ID])
		}
	}
	out := []Sentence{{Text: fmt.Sprintf("%s recorded, reported by %s.", plural(len(incs), "incident was", "incidents were"),
		strings.ToLower(plural(len(outlets), "outlet", "outlets"))), Notes: all}}
	if len(killedNotes) > 0 {
		out = append(out, Sentence{Text: fmt.Sprintf("Reports put the number of people killed at %s in all (best estimates).",
			num(killed)), Notes: killedNotes})
	}
	if len(contested) > 0 {
		out = append(out, Sentence{Text: fmt.Sprintf("%s contested between sources; see Contested claims.",
			plural(len(contested), "incident is", "incidents are")), Notes: contested})
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "One " + one
	}
	return strconv.Itoa(n) + " " + many
}

func makeNote(n int, inc domain.Incident) Note {
	nt := Note{N: n, Incident: inc.ID}
	for _, rep := range inc.Reports {
		s := outletOf(rep)
		var bits []string
		if rep.ClaimedBy != "" {
			bits = append(bits, "claimed by "+rep.ClaimedBy)
		}
		if rep.Date != nil {
			bits = append(bits, "dated "+*rep.Date)
		}
		if w := domain.Deref(rep.Wire); w != "" && w != s {
			bits = append(bits, "via "+w)
		}
		if len(bits) > 0 {
			s += " (" + strings.Join(bits, ", ") + ")"
		}
		nt.Reports = append(nt.Reports, s)
		if nt.Evidence == "" {
			nt.Evidence = oneLine(rep.Text)
		}
	}
	return nt
}

func outletOf(r domain.Report) string {
	if o := domain.Deref(r.Outlet); o != "" {
		return o
	}
	if w := domain.Deref(r.Wire); w != "" {
		return w
	}
	return "unknown outlet"
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		cut := strings.LastIndexByte(s[:300], ' ')
		if cut < 200 {
			cut = 300
		}
		s = strings.ToValidUTF8(s[:cut], "") + " …"
	}
	return s
}

func placeName(inc domain.Incident) string {
	l := inc.Location
	if l == nil || l.Name == "" {
		return "an unstated place"
	}
	parts := []string{l.Name}
	if l.Admin1 != "" && l.Admin1 != l.Name {
		parts = append(parts, l.Admin1)
	}
	if l.Country != "" && l.Country != l.Name && l.Country != l.Admin1 {
		parts = append(parts, l.Country)
	}
	return strings.Join(parts, ", ")
}

func eventName(inc domain.Incident) string {
	if inc.SubEventType != "" {
		return inc.SubEventType
	}
	return inc.EventType
}

// eventPhrase names the event and where it happened: "Shelling/artillery/
// missile attack in Ariha, Idlib, Syria".
func eventPhrase(inc domain.Incident) string {
	return eventName(inc) + " in " + placeName(inc)
}

func describe(inc domain.Incident) string {
	var b strings.Builder
	if d := domain.Deref(inc.Date); d != "" {
		if e := domain.Deref(inc.DateEnd); e != "" && e != d {
			b.WriteString("From " + longDate(d) + " to " + longDate(e))
		} else if len(d) < len("2006-01-02") {
			b.WriteString("In " + longDate(d))
		} else {
			b.WriteString("On " + longDate(d))
		}
		b.WriteString(", ")
		b.WriteString(lowerFirst(eventPhrase(inc)))
	} else {
		b.WriteString("Undated: " + lowerFirst(eventPhrase(inc)))
	}
	a1, a2 := domain.Deref(inc.Actor1), domain.Deref(inc.Actor2)
	switch {
	case a1 != "" && a2 != "":
		b.WriteString(", involving " + a1 + " and " + a2)
	case a1 != "":
		b.WriteString(", involving " + a1)
	}
	b.WriteString(".")
	if c := casualties(inc); c != "" {
		b.WriteString(" " + c)
	}
	b.WriteString(" " + sourcing(inc))
	return b.String()
}

// lowerFirst lower-cases an event label's first letter so it reads inside
// a sentence; proper names are never first in the labels it is given.
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	if len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
		return s // an acronym
	}
	return string(s[0]+'a'-'A') + s[1:]
}

func casualties(inc domain.Incident) string {
	var parts []string
	if f := figure(inc.Fatalities); f != "" {
		parts = append(parts, f+" killed")
	}
	if f := figure(inc.Injured); f != "" {
		parts = append(parts, f+" injured")
	}
	if len(parts) == 0 {
		return ""
	}
	return "Reported casualties: " + strings.Join(parts, ", ") + "."
}

func sourcing(inc domain.Incident) string {
	seen := map[string]bool{}
	var outs []string
	for _, r := range inc.Reports {
		if o := outletOf(r); !seen[o] {
			seen[o] = true
			outs = append(outs, o)
		}
	}
	sort.Strings(outs)
	src := "Reported by " + joinAnd(outs)
	switch inc.Status {
	case domain.StatusCorroborated:
		src += fmt.Sprintf(" (corroborated, %d independent sources).", inc.IndependentSources)
	case domain.StatusContested:
		src += " (contested)."
	default:
		src += " (single source)."
	}
	return src
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return "no outlet"
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func hasFigures(inc domain.Incident) bool {
	return figure(inc.Fatalities) != "" || figure(inc.Injured) != ""
}

// figure writes a UCDP-style estimate: the best value, with the range
// when sources differ.
func figure(f *domain.Figure) string {
	if f == nil || f.Best == nil {
		return ""
	}
	if f.Low != nil && f.High != nil && *f.Low != *f.High {
		return fmt.Sprintf("%s (range %s–%s)", num(*f.Best), num(*f.Low), num(*f.High))
	}
	return num(*f.Best)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func claimants(inc domain.Incident) string {
	seen := map[string]bool{}
	var out []string
	for _, r := range inc.Reports {
		c := r.ClaimedBy
		if c == "" {
			c = outletOf(r)
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func conflict(inc domain.Incident, c domain.Conflict) string {
	var vs []string
	for _, v := range c.Values {
		who := v.ClaimedBy
		if who == "" {
			who = "an unattributed source"
		}
		vs = append(vs, fmt.Sprintf("%s according to %s", value(v.Value), who))
	}
	return fmt.Sprintf("On %s, reports disagree on %s: %s.", lowerFirst(eventPhrase(inc)),
		strings.ReplaceAll(c.Field, "_", " "), strings.Join(vs, ", "))
}

func value(v any) string {
	switch x := v.(type) {
	case float64:
		return num(x)
	case nil:
		return "none"
	case string:
		return x
	}
	return fmt.Sprint(v)
}
