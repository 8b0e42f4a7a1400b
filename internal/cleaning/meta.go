package cleaning

import (
	"net/url"
	"strings"

	"github.com/sitrep/sitrep/internal/reader"
)

// lookupDomain maps a host to its outlet, trying parent domains so that
// "english.vov.vn" finds "vov.vn".
func (lx *lexicons) lookupDomain(host string) *outletInfo {
	host = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(host)), "www.")
	for host != "" {
		if o := lx.outletByDomain[host]; o != nil {
			return o
		}
		i := strings.IndexByte(host, '.')
		if i < 0 || strings.Count(host, ".") < 2 {
			return nil
		}
		host = host[i+1:]
	}
	return nil
}

func hostOf(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	if !strings.Contains(u, "://") {
		u = "http://" + u
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// metaOutlet is the known outlet the input's metadata names: its site
// name, or the domain of its site name or URL.
func (c *Cleaner) metaOutlet(r reader.Raw) *outletInfo {
	lx := c.lx
	if s := strings.TrimSpace(r.SiteName); s != "" {
		if o := lx.outletByName[normKey(s)]; o != nil {
			return o
		}
		if d := domainOf(s); d != "" {
			if o := lx.lookupDomain(d); o != nil {
				return o
			}
		}
		// "Al Jazeera English | Breaking News" and similar site names.
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '-' || r == '–' || r == '—' || r == ':' }) {
			if o := lx.outletByName[normKey(part)]; o != nil {
				return o
			}
		}
	}
	if h := hostOf(r.URL); h != "" {
		return lx.lookupDomain(h)
	}
	return nil
}

// outletKey groups documents of one outlet for Learn, from metadata only
// (cleaning has not run yet when Learn is called).
func (c *Cleaner) outletKey(r reader.Raw) string {
	if o := c.metaOutlet(r); o != nil {
		return o.name
	}
	if s := normKey(r.SiteName); s != "" {
		return s
	}
	if h := hostOf(r.URL); h != "" {
		return h
	}
	return ""
}

// outlet names the outlet: known metadata first, then a site name given
// as is, then the page's own cues (its name alone on a line, its domain
// or name in the chrome, a title suffix), then the bare domain.
func (c *Cleaner) outlet(r reader.Raw, meta *outletInfo, lines []line, w string) string {
	if meta != nil {
		return meta.name
	}
	if s := squash(r.SiteName); s != "" && domainOf(s) == "" && !looksHost(s) {
		return s
	}
	if o := c.textOutlet(r, lines); o != nil {
		return o.name
	}
	host := hostOf(r.URL)
	if looksHost(r.SiteName) {
		host = hostOf(r.SiteName)
	}
	if host != "" {
		// "Headline - The Foo Times" on foo-times.com: the site's own name
		if name := titleSiteName(squash(r.Title), host); name != "" {
			return name
		}
		return host
	}
	// A page with no other cue credits an agency in its dateline or at
	// its end: the agency's own site is the likeliest source.
	if w != "" {
		if o := c.lx.outletByName[normKey(w)]; o != nil {
			return o.name
		}
		return w
	}
	return ""
}

// textOutlet reads the outlet from the page: its name alone on a line
// beats its domain in the chrome, which beats its name inside a chrome
// line ("Press TV's website ..."). Body lines are never read: articles
// cite other outlets.
func (c *Cleaner) textOutlet(r reader.Raw, lines []line) *outletInfo {
	lx := c.lx
	for _, l := range lines {
		if l.kind == kOutlet {
			return l.outlet
		}
	}
	// An agency's own page: its name alone in the header ("AP NEWS",
	// "Anadolu Agency"), above the first paragraph.
	for _, l := range lines {
		if l.kind == kBody {
			break
		}
		if o := lx.outletByName[l.key]; o != nil && !o.isSource() {
			return o
		}
	}
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		if i := strings.LastIndex(r.Title, sep); i >= 0 {
			if o := lx.outletByName[normKey(r.Title[i+len(sep):])]; o != nil && o.kind != "agency" && !o.isSource() {
				return o
			}
		}
	}
	for _, l := range lines {
		if l.kind == kBody || l.kind == kCaption || l.kind == kHeadline {
			continue
		}
		for _, w := range strings.Fields(l.text) {
			if len(w) < 6 {
				continue
			}
			if strings.IndexByte(w, '.') > 0 {
				if d := domainOf(w); d != "" {
					if o := lx.lookupDomain(d); o != nil && o.kind != "agency" {
						return o
					}
				}
			}
			// "SOURCE:TRTWorld": a name written as one word
			for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == ':' || r == '/' || r == '|' }) {
				if len(part) < 6 {
					continue
				}
				if o := lx.outletBySquashed[alnumOnly(part)]; o != nil && o.kind != "agency" && !o.isSource() {
					return o
				}
			}
		}
	}
	for _, l := range lines {
		if l.kind == kBody || l.kind == kCaption || l.kind == kHeadline || l.words > 25 {
			continue
		}
		if o := lx.outletInLine(l.key, l.text); o != nil && !o.isSource() {
			return o
		}
	}
	return nil
}

// outletInLine finds an outlet name of two words or more inside a line
// (one-word names are too often ordinary words).
func (lx *lexicons) outletInLine(key, text string) *outletInfo {
	ws := strings.Fields(key)
	for i := range ws {
		ws[i] = strings.TrimSuffix(strings.Trim(ws[i], `,;:!?"()`), "'s")
	}
	// A one-word name counts in a short line only as an acronym written in
	// capitals ("BBC Homepage", "CNN Live"): one-word names are too often
	// ordinary words.
	least := 2
	if len(ws) <= 4 {
		least = 1
	}
	tw := strings.Fields(text)
	for i := 0; i < len(ws); i++ {
		if !lx.outletFirst[ws[i]] {
			continue
		}
		for n := min(lx.maxOutletWords, len(ws)-i); n >= least; n-- {
			if n == 1 && (len(tw) != len(ws) || !isAcronym(strings.Trim(tw[i], `,;:!?"()’'s`))) {
				continue
			}
			if o := lx.outletByName[strings.Join(ws[i:i+n], " ")]; o != nil && o.kind != "agency" {
				return o
			}
		}
	}
	return nil
}

// siteLabel is the name part of a host, letters and digits only:
// "www.middleeasteye.net" -> "middleeasteye".
func siteLabel(host string) string {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if i := strings.IndexByte(host, '.'); i > 0 {
		host = host[:i]
	}
	return alnumOnly(host)
}

func alnumOnly(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// namesSite reports whether a title part spells the site's domain
// ("The Foo Times" for foo-times.com, "Middle East Eye" for
// middleeasteye.net).
func namesSite(part, label string) bool {
	if len(label) < 3 {
		return false
	}
	a := alnumOnly(part)
	return a == label || strings.TrimPrefix(a, "the") == label || a == "the"+label
}

// titleSiteName returns the site name a title ends with when it spells
// the page's domain, for outlets the knowledge base does not know.
func titleSiteName(title, host string) string {
	label := siteLabel(host)
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			if part := strings.TrimSpace(title[i+len(sep):]); namesSite(part, label) {
				return part
			}
		}
	}
	return ""
}

// cleanTitle removes the site name a page title carries ("Headline |
// Al Jazeera", "Headline - Reuters").
func cleanTitle(title, site string, lx *lexicons) string {
	t := squash(title)
	if t == "" {
		return ""
	}
	siteKey := normKey(site)
	isSite := func(s string) bool {
		k := normKey(s)
		if k == "" {
			return false
		}
		if k == siteKey || lx.outletByName[k] != nil || domainOf(k) != "" || looksHost(site) && namesSite(s, siteLabel(site)) {
			return true
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
			if i := strings.LastIndex(t, sep); i > 0 && isSite(t[i+len(sep):]) {
				t, changed = strings.TrimSpace(t[:i]), true
			}
			if i := strings.Index(t, sep); i > 0 && isSite(t[:i]) && sep != " - " {
				t, changed = strings.TrimSpace(t[i+len(sep):]), true
			}
		}
	}
	// "Headline | World | Section": keep the longest part.
	if parts := strings.Split(t, " | "); len(parts) > 1 {
		best := parts[0]
		for _, p := range parts[1:] {
			if wordCount(p) > wordCount(best) {
				best = p
			}
		}
		if wordCount(best) >= 4 {
			t = strings.TrimSpace(best)
		}
	}
	return t
}

// published returns the publication date: metadata, then a date line of
// the page (a "Published" label beats none, which beats "Updated"), then
// a dated dateline, then a date in the URL.
func (c *Cleaner) published(r reader.Raw, lines []line, monthFirst bool, dateline *string) (string, bool) {
	if r.Published != "" {
		if d, ok := parseDate(r.Published, monthFirst); ok {
			return d, true
		}
		if d, _, ok := parseDateLine(r.Published, monthFirst); ok {
			return d, true
		}
	}
	best, bestRank := "", 99
	for _, l := range lines {
		if l.kind != kDate {
			continue
		}
		rank := 1
		switch l.dateKind {
		case labelPublished:
			rank = 0
		case labelUpdated:
			rank = 2
		}
		if rank < bestRank {
			best, bestRank = l.date, rank
		}
	}
	if best != "" {
		return best, true
	}
	if dateline != nil {
		if m := fullDate.FindString(*dateline); m != "" {
			if d, ok := parseDate(m, monthFirst); ok {
				return d, true
			}
		}
	}
	return urlDate(r.URL)
}

// Learn records the short, title-like lines that recur across different
// documents of one outlet in a batch (menus, section names, promotions)
// so that Clean treats them as chrome. Copies of one story count once, so
// a batch holding the same article twice does not erase it.
func (c *Cleaner) Learn(batch []reader.Raw) {
	type group struct {
		seen  map[string]bool // document fingerprints
		count map[string]int
	}
	groups := map[string]*group{}
	for _, r := range batch {
		key := c.outletKey(r)
		g := groups[key]
		if g == nil {
			g = &group{seen: map[string]bool{}, count: map[string]int{}}
			groups[key] = g
		}
		lines := splitLines(r.Body, r.Format == reader.FormatText)
		var fp strings.Builder
		keys := map[string]bool{}
		for _, l := range lines {
			if l.words >= 12 {
				if fp.Len() < 400 {
					fp.WriteString(l.key)
				}
				continue
			}
			keys[l.key] = true
		}
		if g.seen[fp.String()] {
			continue
		}
		g.seen[fp.String()] = true
		for k := range keys {
			g.count[k]++
		}
	}
	learned := map[string]map[string]bool{}
	if old := c.learned.Load(); old != nil {
		for k, v := range *old {
			learned[k] = v
		}
	}
	for key, g := range groups {
		if len(g.seen) < 2 {
			continue
		}
		m := map[string]bool{}
		for k, v := range learned[key] {
			m[k] = v
		}
		for line, n := range g.count {
			if n >= 2 && line != "" {
				m[line] = true
			}
		}
		learned[key] = m
	}
	c.learned.Store(&learned)
}

// isAcronym: two to five capital letters.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// isSource: monitors, NGOs and official bodies publish too, but a page
// that names them is usually citing them, so only metadata makes them
// the outlet.
func (o *outletInfo) isSource() bool { return o.kind == "ngo" || o.kind == "gov" }
