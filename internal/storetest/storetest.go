package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep/sitrep/internal/domain"
)

// Store is what the suite exercises: the exported contract shared by
// internal/sqlite and internal/postgres.
type Store interface {
	SchemaVersion(ctx context.Context) (int, error)
	PutDocuments(ctx context.Context, recs []domain.Record) ([]bool, error)
	Documents(ctx context.Context, f domain.DocumentFilter) ([]domain.Record, error)
	Document(ctx context.Context, id string) (domain.Record, error)
	Incidents(ctx context.Context, f domain.IncidentFilter) ([]domain.Incident, int, error)
	Incident(ctx context.Context, id string) (domain.Incident, error)
	Search(ctx context.Context, query string, limit int) ([]domain.SearchHit, error)
	Entities(ctx context.Context, typ string, limit int) ([]domain.EntityCount, error)
	Outlets(ctx context.Context) ([]domain.OutletStat, error)
	CreateToken(ctx context.Context, name string, now time.Time) (string, error)
	CheckToken(ctx context.Context, tok string) (bool, error)
	Close() error
}

// Opener opens a fresh, empty store for one test and arranges (with
// t.Cleanup) for it to be closed and removed.
type Opener func(t *testing.T) Store

// Run runs the whole suite against the stores open makes.
func Run(t *testing.T, open Opener) {
	cases := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"PutIsIdempotent", testPutIsIdempotent},
		{"DocumentKeepsRaw", testDocumentKeepsRaw},
		{"FailedBatchStoresNothing", testFailedBatchStoresNothing},
		{"EmptyBatch", testEmptyBatch},
		{"NotFound", testNotFound},
		{"Tokens", testTokens},
		{"DocumentsFilterAndPages", testDocumentsFilterAndPages},
		{"MergeAcrossOutletsAndWireCopies", testMergeAcrossOutlets},
		{"IncidentFilters", testIncidentFilters},
		{"IncidentPagination", testIncidentPagination},
		{"MergeIgnoresIngestionOrder", testMergeIgnoresOrder},
		{"Search", testSearch},
		{"SearchOddInput", testSearchOddInput},
		{"EntitiesAndOutlets", testEntitiesAndOutlets},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.fn(t, open) })
	}
}

// RunReopen checks that what one store handle wrote, a second handle on
// the same database reads. open returns a fresh store and a function that
// opens the same database again.
func RunReopen(t *testing.T, open func(t *testing.T) (Store, func(t *testing.T) Store)) {
	ctx := context.Background()
	s, reopen := open(t)
	a := Record("a.txt", "Outlet A", "Headline", "Body text.")
	if _, err := s.PutDocuments(ctx, []domain.Record{a}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = reopen(t)
	got, err := s.Document(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Raw) != "raw Body text." || got.Document.Text != "Body text." {
		t.Errorf("after reopen: raw %q, text %q", got.Raw, got.Document.Text)
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil || v < 3 {
		t.Errorf("schema version after reopen = %d, %v; want ≥ 3", v, err)
	}
}

// Record builds a stored record of a plain text document, with a fixed
// ingestion time so that outputs compare byte for byte.
func Record(path, outlet, headline, text string) domain.Record {
	d := domain.Document{
		Source: domain.Source{Path: path, Outlet: domain.Str(outlet), Headline: domain.Str(headline),
			PublishedBasis: domain.PublishedUnknown, Format: "text"},
		Text: text,
	}
	return domain.Record{ID: d.Fingerprint(), Document: d, Raw: []byte("raw " + text),
		IngestedAt: time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.UTC)}
}

func put(t *testing.T, s Store, recs ...domain.Record) []bool {
	t.Helper()
	got, err := s.PutDocuments(context.Background(), recs)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func paths(recs []domain.Record) []string {
	out := []string{}
	for _, r := range recs {
		out = append(out, r.Document.Source.Path)
	}
	return out
}

func testPutIsIdempotent(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	a := Record("a.txt", "Outlet A", "Shelling in Idlib", "Shells hit the town on Monday.")
	b := Record("b.txt", "Outlet B", "Talks in Geneva", "Envoys met on Tuesday.")
	if diff := cmp.Diff([]bool{true, true}, put(t, s, a, b)); diff != "" {
		t.Errorf("first put (-want +got):\n%s", diff)
	}
	// Same content from another path: not new.
	a2 := Record("copy/a.txt", "Outlet A", "Shelling in Idlib", "Shells  hit the town on Monday!")
	c := Record("c.txt", "Outlet C", "Ceasefire holds", "The truce held through the night.")
	if diff := cmp.Diff([]bool{false, false, true}, put(t, s, a2, b, c)); diff != "" {
		t.Errorf("second put (-want +got):\n%s", diff)
	}
	docs, err := s.Documents(ctx, domain.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a.txt", "b.txt", "c.txt"}, paths(docs)); diff != "" {
		t.Errorf("listing (-want +got):\n%s", diff)
	}
	for _, d := range docs {
		if !d.IngestedAt.Equal(a.IngestedAt) {
			t.Errorf("%s: ingested at %v, want %v (nanoseconds kept)", d.ID, d.IngestedAt, a.IngestedAt)
		}
		if d.Raw != nil {
			t.Errorf("%s: listing carries raw input", d.ID)
		}
	}
}

func testDocumentKeepsRaw(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	a := Record("a.txt", "Outlet A", "Headline", "Body text.")
	a.Raw = []byte("\x00binary\xffbytes")
	a.Document.Source.Published = domain.Str("2024-05-06")
	a.Document.Source.URL = domain.Str("https://example.org/a")
	put(t, s, a)
	got, err := s.Document(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Raw) != "\x00binary\xffbytes" {
		t.Errorf("raw = %q", got.Raw)
	}
	want := a.Document
	want.EnsureLists()
	if diff := cmp.Diff(want, got.Document); diff != "" {
		t.Errorf("document (-want +got):\n%s", diff)
	}
	if got.Document.Entities == nil {
		t.Errorf("entities should be an empty list, got nil")
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil || v < 3 {
		t.Errorf("schema version = %d, %v; want ≥ 3", v, err)
	}
}

func testFailedBatchStoresNothing(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	good := Record("a.txt", "A", "H", "T.")
	bad := Record("b.txt", "B", "H", "U.")
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
	// The store is still usable after the failed batch.
	if diff := cmp.Diff([]bool{true}, put(t, s, good)); diff != "" {
		t.Errorf("put after failure (-want +got):\n%s", diff)
	}
}

func testEmptyBatch(t *testing.T, open Opener) {
	s := open(t)
	got, err := s.PutDocuments(context.Background(), nil)
	if err != nil || len(got) != 0 {
		t.Errorf("PutDocuments(nil) = %v, %v; want empty, nil", got, err)
	}
}

func testNotFound(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	put(t, s, Record("a.txt", "A", "H", "T."))
	for _, id := range []string{"nope", "", "' OR 1=1 --", "a\x00b", "\xff\xfe"} {
		if _, err := s.Document(ctx, id); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Document(%q): err = %v, want domain.ErrNotFound", id, err)
		}
		if _, err := s.Incident(ctx, id); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Incident(%q): err = %v, want domain.ErrNotFound", id, err)
		}
	}
}

func testTokens(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	tok, err := s.CreateToken(ctx, "ci", time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateToken(ctx, "ci", time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if tok == other || !strings.HasPrefix(tok, "sitrep_") {
		t.Errorf("tokens %q and %q: want two distinct sitrep_ tokens", tok, other)
	}
	for _, c := range []struct {
		tok  string
		want bool
	}{{tok, true}, {other, true}, {tok + "x", false}, {"", false}, {strings.ToUpper(tok), false}} {
		ok, err := s.CheckToken(ctx, c.tok)
		if err != nil || ok != c.want {
			t.Errorf("CheckToken(%q) = %v, %v; want %v", c.tok, ok, err, c.want)
		}
	}
}

func testDocumentsFilterAndPages(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	var recs []domain.Record
	for i := 0; i < 7; i++ {
		outlet := "Outlet A"
		if i%3 == 0 {
			outlet = "Outlet B"
		}
		recs = append(recs, Record(fmt.Sprintf("d%d.txt", i), outlet, fmt.Sprintf("Report %d", i),
			fmt.Sprintf("Report number %d from the front line.", i)))
	}
	put(t, s, recs[:4]...)
	put(t, s, recs[4:]...)
	for _, c := range []struct {
		f    domain.DocumentFilter
		want []string
	}{
		{domain.DocumentFilter{}, []string{"d0.txt", "d1.txt", "d2.txt", "d3.txt", "d4.txt", "d5.txt", "d6.txt"}},
		{domain.DocumentFilter{Outlet: "Outlet B"}, []string{"d0.txt", "d3.txt", "d6.txt"}},
		{domain.DocumentFilter{Outlet: "outlet b"}, []string{}},
		{domain.DocumentFilter{Outlet: "Outlet"}, []string{}},
		{domain.DocumentFilter{Limit: 2}, []string{"d0.txt", "d1.txt"}},
		{domain.DocumentFilter{Limit: 2, Offset: 5}, []string{"d5.txt", "d6.txt"}},
		{domain.DocumentFilter{Offset: 6}, []string{"d6.txt"}},
		{domain.DocumentFilter{Offset: 9}, []string{}},
		{domain.DocumentFilter{Outlet: "Outlet B\x00"}, []string{}},
		{domain.DocumentFilter{Outlet: "\xff"}, []string{}},
		{domain.DocumentFilter{Outlet: "Outlet A", Limit: 1, Offset: 1}, []string{"d2.txt"}},
	} {
		docs, err := s.Documents(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want, paths(docs)); diff != "" {
			t.Errorf("filter %+v (-want +got):\n%s", c.f, diff)
		}
	}
}

func incidentsJSON(t *testing.T, s Store) string {
	t.Helper()
	incs, total, err := s.Incidents(context.Background(), domain.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(incs) {
		t.Errorf("total %d, listed %d", total, len(incs))
	}
	b, err := json.MarshalIndent(incs, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testMergeAcrossOutlets(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	put(t, s, Corpus()...)
	incs, _, err := s.Incidents(ctx, domain.IncidentFilter{Place: "kharkiv"})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) != 1 {
		t.Fatalf("Kharkiv incidents = %d, want 1", len(incs))
	}
	inc := incs[0]
	if len(inc.Reports) != 3 || inc.IndependentSources != 2 {
		t.Errorf("reports %d, independent sources %d; want 3 reports from 2 sources (a and b are one wire story)",
			len(inc.Reports), inc.IndependentSources)
	}
	if inc.Status != domain.StatusContested || len(inc.Conflicts) == 0 || inc.Conflicts[0].Field != "fatalities" {
		t.Errorf("status %s conflicts %+v; want contested on fatalities (7 against 11)", inc.Status, inc.Conflicts)
	}
	got, err := s.Incident(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(inc, got); diff != "" {
		t.Errorf("Incident(%s) differs from the listing (-list +one):\n%s", inc.ID, diff)
	}
}

func testIncidentFilters(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	put(t, s, Corpus()...)
	for _, f := range []struct {
		filter domain.IncidentFilter
		want   int
	}{
		{domain.IncidentFilter{}, 4},
		{domain.IncidentFilter{Outlet: "outlet d"}, 1},
		{domain.IncidentFilter{Outlet: "OUTLET"}, 4},
		{domain.IncidentFilter{Outlet: "%"}, 0},
		{domain.IncidentFilter{Status: domain.StatusContested}, 1},
		{domain.IncidentFilter{Status: "contested' OR '1'='1"}, 0},
		{domain.IncidentFilter{From: "2023-03-03"}, 1},
		{domain.IncidentFilter{From: "2023-03-02", To: "2023-03-02"}, 2},
		{domain.IncidentFilter{To: "2023-03-01"}, 0},
		{domain.IncidentFilter{From: "2023-03-10", To: "2023-03-12"}, 1},
		{domain.IncidentFilter{Type: "Explosions/Remote violence", Actor: "russia"}, 2},
		{domain.IncidentFilter{Type: "shelling/artillery/missile attack"}, 2},
		{domain.IncidentFilter{Type: "Battles"}, 1},
		{domain.IncidentFilter{Type: "Battles", Place: "bakhmut"}, 1},
		{domain.IncidentFilter{Place: "ukraine"}, 3},
		{domain.IncidentFilter{Place: "_"}, 0},
		{domain.IncidentFilter{Actor: "wagner"}, 1},
		{domain.IncidentFilter{Actor: "Hamas"}, 0},
		{domain.IncidentFilter{Place: "kharkiv\x00"}, 0},
		{domain.IncidentFilter{Actor: "\xff", Outlet: "'; --"}, 0},
		{domain.IncidentFilter{From: "\x00", To: "\xff"}, 3},
	} {
		incs, total, err := s.Incidents(ctx, f.filter)
		if err != nil {
			t.Fatal(err)
		}
		if len(incs) != f.want || total != f.want {
			t.Errorf("filter %+v: %d incidents (total %d), want %d", f.filter, len(incs), total, f.want)
		}
	}
}

func testIncidentPagination(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	put(t, s, Corpus()...)
	all, _, err := s.Incidents(ctx, domain.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(incs []domain.Incident) []string {
		out := []string{}
		for _, i := range incs {
			out = append(out, i.ID)
		}
		return out
	}
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if domain.Deref(a.Date) > domain.Deref(b.Date) || (domain.Deref(a.Date) == domain.Deref(b.Date) && a.ID >= b.ID) {
			t.Errorf("listing not by date then id: %s %s before %s %s", domain.Deref(a.Date), a.ID, domain.Deref(b.Date), b.ID)
		}
	}
	for _, c := range []struct {
		f    domain.IncidentFilter
		want []string
	}{
		{domain.IncidentFilter{Limit: 1}, ids(all[:1])},
		{domain.IncidentFilter{Limit: 2, Offset: 1}, ids(all[1:3])},
		{domain.IncidentFilter{Offset: 3}, ids(all[3:])},
		{domain.IncidentFilter{Limit: 10, Offset: 10}, []string{}},
		{domain.IncidentFilter{Place: "kharkiv", Limit: 5}, ids(only(all, "Kharkiv"))},
	} {
		incs, total, err := s.Incidents(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want, ids(incs)); diff != "" {
			t.Errorf("page %+v (-want +got):\n%s", c.f, diff)
		}
		wantTotal := len(all)
		if c.f.Place != "" {
			wantTotal = 1
		}
		if total != wantTotal {
			t.Errorf("page %+v: total %d, want %d (all matches, not the page)", c.f, total, wantTotal)
		}
	}
}

func only(incs []domain.Incident, place string) []domain.Incident {
	var out []domain.Incident
	for _, i := range incs {
		if i.Location != nil && i.Location.Name == place {
			out = append(out, i)
		}
	}
	return out
}

func testMergeIgnoresOrder(t *testing.T, open Opener) {
	c := Corpus()
	one := open(t)
	put(t, one, c...)
	want := incidentsJSON(t, one)
	orders := [][][]domain.Record{
		{{c[5], c[4], c[3], c[2], c[1], c[0]}},
		{{c[2]}, {c[0]}, {c[5]}, {c[3]}, {c[4]}, {c[1]}},
		{{c[1], c[3]}, {c[0], c[2], c[4]}, {c[5]}},
		{c, c},
	}
	for i, o := range orders {
		s := open(t)
		for _, batch := range o {
			put(t, s, batch...)
		}
		if diff := cmp.Diff(want, incidentsJSON(t, s)); diff != "" {
			t.Errorf("order %d gave other incidents (-want +got):\n%s", i, diff)
		}
	}
}

func testSearch(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	put(t, s, Corpus()...)
	c := Corpus()
	for _, q := range []struct {
		query string
		want  []string
		limit int
	}{
		{"rubble market", []string{c[0].ID, c[1].ID}, 10},
		{"RUBBLE", []string{c[0].ID, c[1].ID}, 10},
		{"rubble", []string{c[0].ID}, 1},
		{"warehouses", []string{c[3].ID}, 10},
		{"Odesa", []string{c[3].ID}, 10},
		{"zeppelin", []string{}, 10},
		{"rubble zeppelin", []string{}, 10},
	} {
		hits, err := s.Search(ctx, q.query, q.limit)
		if err != nil {
			t.Fatalf("Search(%q): %v", q.query, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.DocumentID)
		}
		if len(got) != len(q.want) {
			t.Errorf("Search(%q) = %v, want %v", q.query, got, q.want)
			continue
		}
		// Ranking functions differ between stores: compare the sets,
		// except under a limit that cuts between near-equal hits.
		if q.limit > len(q.want) {
			if diff := cmp.Diff(sorted(q.want), sorted(got)); diff != "" {
				t.Errorf("Search(%q) (-want +got):\n%s", q.query, diff)
			}
		}
		for _, h := range hits {
			if h.Snippet == "" || h.Headline == nil || h.Outlet == nil {
				t.Errorf("Search(%q): hit %+v lacks snippet, headline or outlet", q.query, h)
			}
		}
	}
	hits, err := s.Search(ctx, "warehouses", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search(warehouses) = %v, %v", hits, err)
	}
	if !strings.Contains(hits[0].Snippet, "[warehouses]") {
		t.Errorf("snippet %q does not mark the match", hits[0].Snippet)
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func testSearchOddInput(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	put(t, s, Corpus()...)
	for _, q := range []string{``, `   `, `"`, `""`, `*`, `rubble*`, `"rubble`, `rubble"`, `'`, `(`, `)`, `-`,
		`OR`, `AND NOT`, `NEAR(`, `rubble OR`, `:`, `rubble:*`, `!`, `&|`, `\`, `%`, `_`, `;DROP TABLE documents;--`,
		`ÿ`, "\x00", `„Kharkiv“`, strings.Repeat("a", 500)} {
		hits, err := s.Search(ctx, q, 5)
		if err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
		if hits == nil {
			t.Errorf("Search(%q): nil, want an empty list", q)
		}
	}
	hits, err := s.Search(ctx, `rubble*`, 5)
	if err != nil || len(hits) != 2 {
		t.Errorf(`Search("rubble*") = %d hits, %v; want the 2 wire copies`, len(hits), err)
	}
	docs, err := s.Documents(ctx, domain.DocumentFilter{})
	if err != nil || len(docs) != len(Corpus()) {
		t.Errorf("after odd searches: %d documents, %v", len(docs), err)
	}
}

func testEntitiesAndOutlets(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	hamas := domain.Entity{Span: domain.Span{Text: "Hamas", Start: 0, End: 5}, Type: domain.ArmedGroup, Canonical: "Hamas", Label: "militants"}
	idf := domain.Entity{Span: domain.Span{Text: "IDF", Start: 10, End: 13}, Type: domain.ArmedGroup, Canonical: "Israel Defense Forces"}
	gaza := domain.Entity{Span: domain.Span{Text: "Gaza", Start: 20, End: 24}, Type: domain.Place, Canonical: "Gaza"}
	a := Record("a.txt", "Outlet A", "H1", "Hamas and IDF in Gaza.")
	a.Document.Entities = []domain.Entity{hamas, idf, gaza, hamas}
	a.ID = a.Document.Fingerprint() + "a"
	b := Record("b.txt", "Outlet B", "H2", "Hamas fighters.")
	h2 := hamas
	h2.Label = "fighters"
	b.Document.Entities = []domain.Entity{h2}
	b.ID = b.Document.Fingerprint() + "b"
	put(t, s, a, b)
	ents, err := s.Entities(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.EntityCount{
		{Type: domain.ArmedGroup, Canonical: "Hamas", Mentions: 3, Documents: 2, Labels: map[string]int{"militants": 2, "fighters": 1}},
		{Type: domain.ArmedGroup, Canonical: "Israel Defense Forces", Mentions: 1, Documents: 1},
		{Type: domain.Place, Canonical: "Gaza", Mentions: 1, Documents: 1},
	}
	if diff := cmp.Diff(want, ents); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
	ents, err = s.Entities(ctx, "armed_group", 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want[:1], ents); diff != "" {
		t.Errorf("entities of type armed_group, limit 1 (-want +got):\n%s", diff)
	}
	outs, err := s.Outlets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantOut := []domain.OutletStat{
		{Outlet: "Outlet A", Documents: 1, Labels: map[string]map[string]int{"Hamas": {"militants": 2}}},
		{Outlet: "Outlet B", Documents: 1, Labels: map[string]map[string]int{"Hamas": {"fighters": 1}}},
	}
	if diff := cmp.Diff(wantOut, outs); diff != "" {
		t.Errorf("outlets (-want +got):\n%s", diff)
	}
}

// JSON renders v as indented JSON, for comparing stores' outputs byte for
// byte.
func JSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
