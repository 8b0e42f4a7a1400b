package pipeline

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/attribution"
	"github.com/sitrep/sitrep/internal/cleaning"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/event"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/quantity"
	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/sentence"
	"github.com/sitrep/sitrep/internal/temporal"
)

// Pipeline holds the stages built from one knowledge base.
type Pipeline struct {
	cleaner    *cleaning.Cleaner
	recognizer *entity.Recognizer
	finder     *quantity.Finder
	attributor *attribution.Attributor
	extractor  *event.Extractor
}

// New builds every stage from the knowledge base.
func New(k *kb.KB) (*Pipeline, error) {
	var p Pipeline
	var err error
	if p.cleaner, err = cleaning.New(k); err != nil {
		return nil, fmt.Errorf("cleaning: %w", err)
	}
	if p.recognizer, err = entity.New(k); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	if p.finder, err = quantity.New(k); err != nil {
		return nil, fmt.Errorf("quantities: %w", err)
	}
	if p.attributor, err = attribution.New(k); err != nil {
		return nil, fmt.Errorf("attribution: %w", err)
	}
	if p.extractor, err = event.New(k); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return &p, nil
}

// Learn shows the cleaner a whole batch before it is processed, so that
// lines recurring across one outlet's pages are known as chrome.
func (p *Pipeline) Learn(batch []reader.Raw) { p.cleaner.Learn(batch) }

// Clean runs only the document layer: source metadata and cleaned text,
// with a publication date inferred from the content when none is stated.
func (p *Pipeline) Clean(r reader.Raw) (domain.Document, error) {
	doc, err := p.cleaner.Clean(r)
	if err != nil {
		return doc, err
	}
	if doc.Source.Published == nil {
		if t, ok := temporal.InferPublished(doc.Text, doc.Source.Captions); ok {
			doc.Source.Published = domain.Str(t.Format(time.DateOnly))
			doc.Source.PublishedBasis = domain.PublishedInferred
		} else {
			doc.Source.PublishedBasis = domain.PublishedUnknown
		}
	}
	doc.EnsureLists()
	return doc, nil
}

// Extract runs every stage on one raw input.
func (p *Pipeline) Extract(r reader.Raw) (domain.Document, error) {
	doc, err := p.Clean(r)
	if err != nil {
		return doc, err
	}
	p.Analyse(&doc)
	return doc, nil
}

// Analyse fills the fact lists of a cleaned document. It is separate from
// Extract so that stored documents can be re-analysed after the knowledge
// base changes.
func (p *Pipeline) Analyse(doc *domain.Document) {
	var anchor time.Time
	if doc.Source.Published != nil {
		anchor, _ = time.Parse(time.DateOnly, *doc.Source.Published)
	}
	text := analysed(doc.Text)
	sents := sentence.Split(text)
	doc.Entities = p.recognizer.Find(text, anchor)
	doc.Dates = temporal.Resolve(text, anchor)
	doc.Quantities = p.finder.Find(text)
	voice := domain.Deref(doc.Source.Wire)
	if voice == "" {
		voice = domain.Deref(doc.Source.Outlet)
	}
	attr := p.attributor.Attribute(text, sents, doc.Entities, voice)
	for i := range doc.Quantities {
		q := &doc.Quantities[i]
		q.ClaimedBy, q.Hedges = attr.Claimant(q.Start, q.End)
	}
	doc.Events = p.extractor.Extract(doc, sents, attr)
	doc.EnsureLists()
}

// maxAnalysed bounds how much of one document the analysis stages read.
// News articles are a few kilobytes; a body of megabytes is a dump or an
// attack, and reading all of it would cost memory in proportion. Facts are
// taken from its first MiB (cut at a paragraph), so their offsets stay
// valid in the stored text.
const maxAnalysed = 1 << 20

func analysed(text string) string {
	if len(text) <= maxAnalysed {
		return text
	}
	cut := strings.LastIndex(text[:maxAnalysed], "\n\n")
	if cut <= 0 {
		cut = maxAnalysed
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return text[:cut]
}
