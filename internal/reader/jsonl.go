package reader

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Field names scrapers use for the same thing, most common first
// (news-please, newspaper3k, trafilatura, Common Crawl derivatives).
var (
	keysID        = []string{"id", "_id", "uuid", "guid", "doc_id", "article_id"}
	keysURL       = []string{"url", "link", "source_url", "canonical_url", "href"}
	keysTitle     = []string{"title", "headline", "title_page", "name"}
	keysPublished = []string{"date_publish", "published", "date_published", "datePublished", "pubDate", "pub_date", "publish_date", "published_at", "date", "publication_date", "created_at", "time"}
	keysSite      = []string{"source_domain", "domain", "site_name", "sitename", "site", "outlet", "publisher", "source", "source_name", "hostname"}
	keysBody      = []string{"maintext", "text", "content", "body", "article", "article_text", "full_text", "main_text", "raw_text"}
	keysAuthor    = []string{"authors", "author", "byline", "creator"}
	keysCaption   = []string{"captions", "image_captions"}
)

// readJSONL streams one document per line. A line longer than MaxBytes is
// skipped (with an error) without being held in memory.
func (r *Reader) readJSONL(ctx context.Context, p string, br *bufio.Reader, call func(Raw, error) error) error {
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, r.maxBytes)
		if len(line) == 0 && err == io.EOF && !tooLong {
			return nil
		}
		n++
		where := fmt.Sprintf("%s#%d", p, n)
		if err != nil && err != io.EOF {
			return call(Raw{Path: where}, fmt.Errorf("%s line %d: %w", p, n, err))
		}
		var raw Raw
		var rerr error
		switch {
		case tooLong:
			rerr = fmt.Errorf("%s line %d: longer than the %d-byte limit", p, n, r.maxBytes)
		case len(bytes.TrimSpace(line)) == 0:
			if err == io.EOF {
				return nil
			}
			continue
		default:
			raw, rerr = parseRecord(where, line)
			if rerr != nil {
				rerr = fmt.Errorf("%s line %d: %w", p, n, rerr)
			}
		}
		raw.Path = where
		if cerr := call(raw, rerr); cerr != nil {
			return cerr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine returns the next line without its end; when the line exceeds
// limit it is consumed and dropped, and tooLong is set.
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		frag, ferr := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(frag)) > limit+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if ferr == bufio.ErrBufferFull {
			continue
		}
		if ferr != nil && ferr != io.EOF {
			return nil, tooLong, ferr
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, tooLong, ferr
	}
}

func parseRecord(where string, line []byte) (Raw, error) {
	text, err := decode(line)
	if err != nil {
		return Raw{}, err
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return Raw{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return Raw{}, errors.New("invalid JSON: more than one value on the line")
	}
	if m == nil {
		return Raw{}, errors.New("invalid JSON: not an object")
	}
	body := field(m, keysBody)
	if looksHTML(body) {
		body, _ = htmlFragmentText(body)
	} else {
		body = paragraphs(body)
	}
	raw := Raw{
		Path:      where,
		Format:    FormatJSONL,
		Raw:       append([]byte(nil), line...),
		Body:      body,
		ID:        field(m, keysID),
		URL:       field(m, keysURL),
		Title:     oneLine(field(m, keysTitle)),
		Published: dateField(m, keysPublished),
		SiteName:  oneLine(field(m, keysSite)),
		Author:    oneLine(field(m, keysAuthor)),
		Captions:  listField(m, keysCaption),
	}
	if strings.TrimSpace(raw.Body) == "" {
		return raw, errors.New("record has no article text (none of maintext, text, content, body)")
	}
	return raw, nil
}

// field returns the first key's value as a string: numbers as written,
// lists joined with ", ", objects by their "name" (a publisher or author).
func field(m map[string]any, keys []string) string {
	for _, k := range keys {
		if s := asString(m[k]); s != "" {
			return s
		}
	}
	return ""
}

func asString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case json.Number:
		return x.String()
	case bool:
		return ""
	case []any:
		var parts []string
		for _, e := range x {
			if s := asString(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		for _, k := range []string{"name", "@value", "value", "text", "domain", "url", "href"} {
			if s := asString(x[k]); s != "" {
				return s
			}
		}
	}
	return ""
}

func listField(m map[string]any, keys []string) []string {
	for _, k := range keys {
		if xs, ok := m[k].([]any); ok {
			var out []string
			for _, e := range xs {
				if s := oneLine(asString(e)); s != "" {
					out = append(out, s)
				}
			}
			return out
		}
	}
	return nil
}

// dateField reads a date; a number is taken as Unix time (seconds, or
// milliseconds when too large for seconds).
func dateField(m map[string]any, keys []string) string {
	for _, k := range keys {
		switch x := m[k].(type) {
		case json.Number:
			f, err := strconv.ParseFloat(x.String(), 64)
			if err != nil || f <= 0 || math.IsInf(f, 0) {
				continue
			}
			if f > 1e11 {
				f /= 1000
			}
			if f > 1e11 {
				continue
			}
			return time.Unix(int64(f), 0).UTC().Format(time.RFC3339)
		default:
			if s := asString(x); s != "" {
				return s
			}
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func looksHTML(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "<p>") || strings.Contains(l, "<p ") || strings.Contains(l, "<br") ||
		strings.Contains(l, "</p>") || strings.Contains(l, "</div>")
}
