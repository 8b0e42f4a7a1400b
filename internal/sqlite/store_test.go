package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/sqlite"
)

func record(path, outlet, headline, text string) domain.Record {
	d := domain.Document{
		Source: domain.Source{Path: path, Outlet: domain.Str(outlet), Headline: domain.Str(headline),
			PublishedBasis: domain.PublishedUnknown, Format: "text"},
		Text: text,
	}
	return domain.Record{ID: d.Fingerprint(), Document: d, Raw: []byte("raw " + text),
		IngestedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func open(t *testing.T, file string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestPutDocumentsIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	a := record("a.txt", "Outlet A", "Shelling in Idlib", "Shells hit the town on Monday.")
	b := record("b.txt", "Outlet B", "Talks in Geneva", "Envoys met on Tuesday.")
	got, err := s.PutDocuments(ctx, []domain.Record{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]bool{true, true}, got); diff != "" {
		t.Errorf("first put (-want +got):\n%s", diff)
	}
	// Same content from another path: not new.
	a2 := record("copy/a.txt", "Outlet A", "Shelling in Idlib", "Shells  hit the town on Monday!")
	got, err = s.PutDocuments(ctx, []domain.Record{a2, b})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]bool{false, false}, got); diff != "" {
		t.Errorf("second put (-want +got):\n%s", diff)
	}
	docs, err := s.Documents(ctx, domain.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Document.Source.Path)
	}
	if diff := cmp.Diff([]string{"a.txt", "b.txt"}, paths); diff != "" {
		t.Errorf("listing (-want +got):\n%s", diff)
	}
}

func TestDocumentKeepsRawAndSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "t.db")
	s := open(t, file)
	a := record("a.txt", "Outlet A", "Headline", "Body text.")
	if _, err := s.PutDocuments(ctx, []domain.Record{a}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, file)
	got, err := s.Document(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Raw) != "raw Body text." {
		t.Errorf("raw = %q", got.Raw)
	}
	if got.Document.Text != "Body text." || domain.Deref(got.Document.Source.Headline) != "Headline" {
		t.Errorf("document = %+v", got.Document)
	}
	if len(got.Document.Entities) != 0 || got.Document.Entities == nil {
		t.Errorf("entities should be an empty list, got %#v", got.Document.Entities)
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Errorf("schema version = %d, %v", v, err)
	}
	if _, err := s.Document(ctx, "nope"); !errors.Is(err, sqlite.ErrNotFound) {
		t.Errorf("missing document: err = %v, want ErrNotFound", err)
	}
}

func TestPutDocumentsRejectsEmptyIDWithoutStoringAny(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	good := record("a.txt", "A", "H", "T.")
	bad := record("b.txt", "B", "H", "U.")
	bad.ID = ""
	if _, err := s.PutDocuments(ctx, []domain.Record{good, bad}); err == nil {
		t.Fatal("want an error for an empty id")
	}
	docs, err := s.Documents(ctx, domain.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 0 {
		t.Errorf("a failed batch stored %d documents", len(docs))
	}
}

func TestTokens(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "t.db"))
	tok, err := s.CreateToken(ctx, "ci", time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		tok  string
		want bool
	}{{tok, true}, {tok + "x", false}, {"", false}} {
		ok, err := s.CheckToken(ctx, c.tok)
		if err != nil || ok != c.want {
			t.Errorf("CheckToken(%q) = %v, %v; want %v", c.tok, ok, err, c.want)
		}
	}
}
