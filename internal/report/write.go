package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
)

// Formats lists what Write accepts.
var Formats = []string{"md", "html"}

// Write writes r as Markdown ("md") or HTML ("html").
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "md", "markdown":
		return r.Markdown(w)
	case "html":
		return r.HTML(w)
	}
	return fmt.Errorf("unknown report format %q (want md or html)", format)
}

// mdEscaper escapes what Markdown would read as markup in text that comes
// from articles (names, claimants, evidence).
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "`", "\\`", "|", `\|`, "#", `\#`)

func md(s string) string { return mdEscaper.Replace(s) }

func cite(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString("[^" + strconv.Itoa(n) + "]")
	}
	return b.String()
}

// Markdown writes the report with footnotes ([^N]) after each sentence.
func (r *Report) Markdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n*%s*\n\n", md(r.Title), md(r.Period))
	section := func(title string, ss []Sentence, empty string) {
		fmt.Fprintf(bw, "## %s\n\n", title)
		if len(ss) == 0 {
			fmt.Fprintf(bw, "%s\n\n", empty)
			return
		}
		for _, s := range ss {
			fmt.Fprintf(bw, "- %s%s\n", md(s.Text), cite(s.Notes))
		}
		bw.WriteString("\n")
	}
	fmt.Fprintf(bw, "## Summary\n\n")
	for i, s := range r.Summary {
		if i > 0 {
			bw.WriteString(" ")
		}
		bw.WriteString(md(s.Text) + cite(s.Notes))
	}
	bw.WriteString("\n\n")
	section("Key developments", r.Key, "No security incident is recorded for this period.")
	section("Humanitarian situation", r.Human, "No humanitarian development is recorded for this period.")
	fmt.Fprintf(bw, "## Figures and their sources\n\n")
	if len(r.Figures) == 0 {
		bw.WriteString("No casualty figure is reported for this period.\n\n")
	} else {
		bw.WriteString("| Date | Place | Event | Killed | Injured | Status | Claimed by | Note |\n")
		bw.WriteString("|---|---|---|---|---|---|---|---|\n")
		for _, f := range r.Figures {
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", md(f.Date), md(f.Place), md(f.Event),
				md(orDash(f.Killed)), md(orDash(f.Injured)), md(f.Status), md(f.Claimant), cite([]int{f.Note}))
		}
		bw.WriteString("\n")
	}
	section("Contested claims", r.Contested, "No claim is contested between sources for this period.")
	if len(r.Notes) > 0 {
		bw.WriteString("## Sources\n\n")
		for _, n := range r.Notes {
			fmt.Fprintf(bw, "[^%d]: Incident `%s`: %s.", n.N, n.Incident, md(strings.Join(n.Reports, "; ")))
			if n.Evidence != "" {
				fmt.Fprintf(bw, " Evidence: “%s”", md(n.Evidence))
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// HTML writes the report as a standalone HTML page; every value is
// escaped by html/template.
func (r *Report) HTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(bw, r); err != nil {
		return fmt.Errorf("report html: %w", err)
	}
	return bw.Flush()
}
