package reader

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// readFeed emits one document per RSS item or Atom entry, in feed order.
func readFeed(p string, data []byte, text string, call func(Raw, error) error) error {
	// text is UTF-8 by now: a declaration naming the legacy encoding would
	// make the parser decode it a second time.
	if m := xmlEncoding.FindStringSubmatchIndex(text); m != nil && m[0] < 200 {
		text = text[:m[2]] + "utf-8" + text[m[3]:]
	}
	feed, err := gofeed.NewParser().ParseString(text)
	if err != nil {
		return call(Raw{Path: p}, fmt.Errorf("%s: malformed feed: %w", p, err))
	}
	spans := itemSpans(text)
	if len(feed.Items) == 0 {
		return call(Raw{Path: p}, fmt.Errorf("%s: feed has no items", p))
	}
	site := oneLine(feed.Title)
	for i, it := range feed.Items {
		where := fmt.Sprintf("%s#%d", p, i+1)
		raw := Raw{Path: where, Format: FormatFeed, SiteName: site}
		if len(spans) == len(feed.Items) {
			raw.Raw = []byte(text[spans[i][0]:spans[i][1]])
		} else {
			raw.Raw = data
		}
		if it == nil {
			if err := call(raw, fmt.Errorf("%s: empty feed item", where)); err != nil {
				return err
			}
			continue
		}
		raw.ID = strings.TrimSpace(it.GUID)
		raw.URL = strings.TrimSpace(it.Link)
		raw.Title = oneLine(it.Title)
		switch {
		case it.PublishedParsed != nil:
			raw.Published = it.PublishedParsed.Format(time.RFC3339)
		case it.Published != "":
			raw.Published = it.Published
		case it.UpdatedParsed != nil:
			raw.Published = it.UpdatedParsed.Format(time.RFC3339)
		}
		var names []string
		for _, a := range it.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				names = append(names, strings.TrimSpace(a.Name))
			}
		}
		raw.Author = strings.Join(names, ", ")
		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Description
		}
		if looksHTML(content) || strings.Contains(content, "<") {
			raw.Body, raw.Captions = htmlFragmentText(content)
		} else {
			raw.Body = paragraphs(content)
		}
		var ierr error
		if strings.TrimSpace(raw.Body) == "" {
			ierr = fmt.Errorf("%s: feed item has no text", where)
		}
		if err := call(raw, ierr); err != nil {
			return err
		}
	}
	return nil
}

// itemSpans returns the byte ranges of the <item> or <entry> elements, so
// each feed document keeps its own verbatim input. It returns nil when the
// XML cannot be tokenised (gofeed is more lenient than encoding/xml).
func itemSpans(text string) [][2]int {
	dec := xml.NewDecoder(strings.NewReader(text))
	dec.Strict = false
	// text is already UTF-8 whatever the prolog declares.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var spans [][2]int
	depth, start := 0, -1
	for {
		off := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if start < 0 && (t.Name.Local == "item" || t.Name.Local == "entry") {
				start, depth = off, 0
			}
			if start >= 0 {
				depth++
			}
		case xml.EndElement:
			if start >= 0 {
				depth--
				if depth == 0 {
					spans = append(spans, [2]int{start, int(dec.InputOffset())})
					start = -1
				}
			}
		}
	}
	return spans
}
