package reader

import "strings"

// textBody normalises line ends of a plain-text page; every other decision
// (which line is chrome, which a caption) belongs to the cleaner.
func textBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimPrefix(s, "\ufeff")
}

// paragraphs turns text whose paragraphs are separated by single line
// breaks (as scrapers write them) into blank-line-separated paragraphs.
func paragraphs(s string) string {
	s = textBody(s)
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(line)
	}
	return b.String()
}
