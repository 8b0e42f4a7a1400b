package domain

// PublishedBasis says where a publication date came from.
type PublishedBasis string

const (
	// PublishedStated: the document or its metadata gives the date.
	PublishedStated PublishedBasis = "stated"
	// PublishedInferred: derived from the content (for example the latest
	// dated event it reports); never more precise than the evidence.
	PublishedInferred PublishedBasis = "inferred"
	// PublishedUnknown: no date could be read or inferred.
	PublishedUnknown PublishedBasis = "unknown"
)

// Source is where a document came from and what it says about itself.
type Source struct {
	Path           string         `json:"path"`
	ID             *string        `json:"id"`
	URL            *string        `json:"url"`
	Outlet         *string        `json:"outlet"`
	Wire           *string        `json:"wire"`
	Headline       *string        `json:"headline"`
	Published      *string        `json:"published"`
	PublishedBasis PublishedBasis `json:"published_basis"`
	// Format is the reader that produced the document: text, html, feed, jsonl.
	Format string `json:"format,omitempty"`
	// Byline and Dateline are kept apart from the body text.
	Byline   *string `json:"byline,omitempty"`
	Dateline *string `json:"dateline,omitempty"`
	// Captions are photo captions found around the article; never in Text.
	Captions []string `json:"captions,omitempty"`
}

// Document is one article: its provenance, its cleaned body and the facts
// read from that body. Every fact carries byte offsets into Text.
type Document struct {
	Source     Source        `json:"source"`
	Text       string        `json:"text"`
	Entities   []Entity      `json:"entities"`
	Dates      []DateMention `json:"dates"`
	Quantities []Quantity    `json:"quantities"`
	Events     []Event       `json:"events"`
}

// Span is a stretch of Document.Text: its exact words and byte offsets.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Str returns a pointer to s, or nil when s is empty: the contract uses
// null for "not known".
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Deref returns the string p points to, or "" for nil.
func Deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// EnsureLists replaces nil fact lists by empty ones, so that the JSON
// output always has the four lists, as the contract requires.
func (d *Document) EnsureLists() {
	if d.Entities == nil {
		d.Entities = []Entity{}
	}
	if d.Dates == nil {
		d.Dates = []DateMention{}
	}
	if d.Quantities == nil {
		d.Quantities = []Quantity{}
	}
	if d.Events == nil {
		d.Events = []Event{}
	}
	for i := range d.Events {
		if d.Events[i].Quantities == nil {
			d.Events[i].Quantities = []Quantity{}
		}
	}
}
