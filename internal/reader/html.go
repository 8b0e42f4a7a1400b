package reader

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what an HTML page says about itself in <head>.
type pageMeta struct {
	title, ogTitle, siteName, published, url, author string
	ld                                               ldArticle
	captions                                         []string
}

// ldArticle holds the fields read from a schema.org (News)Article in JSON-LD.
type ldArticle struct {
	headline, published, publisher, author, url string
}

// readHTML extracts the article body of a page with go-trafilatura and
// its metadata from <meta> and JSON-LD, which beat trafilatura's own
// guesses: those prefer a date in the URL and drop the time zone.
func readHTML(p string, data []byte, text string) (Raw, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Raw{Path: p}, fmt.Errorf("%s: malformed HTML: %w", p, err)
	}
	meta := readMeta(doc)
	body := ""
	res, terr := trafilatura.ExtractDocument(doc, trafilatura.Options{
		ExcludeComments: true,
		ExcludeTables:   false,
		HtmlDateMode:    trafilatura.Disabled,
		Focus:           trafilatura.Balanced,
	})
	if terr == nil && res != nil && res.ContentNode != nil {
		body = blocksText(res.ContentNode, false)
	}
	if len(strings.Fields(body)) < 3 {
		// Pages too small for trafilatura's thresholds: fall back on the
		// paragraphs of <body>.
		body = blocksText(findBody(doc), true)
	}
	raw := Raw{
		Path:      p,
		Format:    FormatHTML,
		Raw:       data,
		Body:      body,
		URL:       firstOf(meta.url, meta.ld.url),
		Title:     oneLine(firstOf(meta.ld.headline, meta.ogTitle, meta.title)),
		Published: firstOf(meta.published, meta.ld.published),
		SiteName:  oneLine(firstOf(meta.siteName, meta.ld.publisher)),
		Author:    oneLine(firstOf(meta.ld.author, meta.author)),
		Captions:  meta.captions,
	}
	if len(strings.Fields(body)) < 3 {
		return raw, fmt.Errorf("%s: no article text found in the HTML page", p)
	}
	return raw, nil
}

func firstOf(xs ...string) string {
	for _, x := range xs {
		if s := strings.TrimSpace(x); s != "" {
			return s
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" {
					m.title = nodeText(n)
				}
			case atom.Meta:
				key := strings.ToLower(firstOf(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := attr(n, "content")
				switch key {
				case "og:title", "twitter:title":
					if m.ogTitle == "" {
						m.ogTitle = val
					}
				case "og:site_name", "application-name":
					if m.siteName == "" {
						m.siteName = val
					}
				case "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "og:published_time":
					if m.published == "" {
						m.published = val
					}
				case "og:url":
					if m.url == "" {
						m.url = val
					}
				case "author", "article:author", "byl":
					if m.author == "" && !strings.HasPrefix(val, "http") {
						m.author = val
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
					m.url = attr(n, "href")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && m.ld.headline == "" {
					m.ld = parseLD(nodeText(n))
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Figcaption:
				if c := oneLine(nodeText(n)); c != "" {
					m.captions = append(m.captions, c)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// parseLD finds the first article object in a JSON-LD block, looking into
// arrays and @graph.
func parseLD(s string) ldArticle {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &v); err != nil {
		return ldArticle{}
	}
	var found ldArticle
	var visit func(v any, depth int) bool
	visit = func(v any, depth int) bool {
		if depth > 6 {
			return false
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if visit(e, depth+1) {
					return true
				}
			}
		case map[string]any:
			if isArticleType(x["@type"]) {
				found = ldArticle{
					headline:  asString(x["headline"]),
					published: asString(x["datePublished"]),
					publisher: asString(x["publisher"]),
					author:    asString(x["author"]),
					url:       asString(x["url"]),
				}
				if found.headline == "" {
					found.headline = asString(x["name"])
				}
				return true
			}
			if g, ok := x["@graph"]; ok {
				return visit(g, depth+1)
			}
		}
		return false
	}
	visit(v, 0)
	return found
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "Report"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

func findBody(doc *html.Node) *html.Node {
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found == nil {
		return doc
	}
	return found
}

// blockAtoms start a new paragraph; everything else is inline.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Figcaption: true, atom.Dd: true, atom.Dt: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Ul: true,
	atom.Ol: true, atom.Table: true, atom.Figure: true, atom.Hr: true, atom.Summary: true,
	atom.Aside: true, atom.Nav: true, atom.Main: true, atom.Address: true,
}

// skipAtoms never hold article text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Button: true, atom.Select: true, atom.Iframe: true,
	atom.Form: true, atom.Figcaption: true,
}

// pageFurniture holds no article text on a page read without an
// extractor's help.
var pageFurniture = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Menu: true,
}

// blocksText renders a node as paragraphs separated by blank lines, because
// trafilatura's ContentText runs all paragraphs into one line. whole says
// the node is a whole page body, whose navigation and footers are skipped.
func blocksText(root *html.Node, whole bool) string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := oneLine(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipAtoms[n.DataAtom] || whole && pageFurniture[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && (blockAtoms[n.DataAtom] || n.Data == "head" && n.DataAtom == 0)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	if root != nil {
		walk(root)
	}
	flush()
	return strings.Join(out, "\n\n")
}

// htmlFragmentText renders a fragment (a feed item's content, a record's
// HTML body) as paragraphs, with its figure captions apart.
func htmlFragmentText(s string) (string, []string) {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return paragraphs(s), nil
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	caps := readMeta(root).captions
	return blocksText(root, false), caps
}
