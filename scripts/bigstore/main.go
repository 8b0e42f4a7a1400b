// Command bigstore fills a SQLite store with a large synthetic event
// record (by default 1,000,000 events) in minutes, for the API latency
// targets and the load test of docs/performance.md.
//
// Ingesting that many articles through the pipeline and the incremental
// merge would take hours, and what is measured here is reading, so the
// rows are written directly, in large transactions, in the schema the
// store's migrations create (the store opens the file first, so the schema
// is the current one). Incidents come from incident.Build, the store's
// own clustering, run one day at a time (events merge only within a day).
//
// Usage: go run ./scripts/bigstore -db big.db -events 1000000
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/incident"
	"github.com/sitrep/sitrep/internal/sqlite"
	"github.com/sitrep/sitrep/internal/syndication"
)

type place struct {
	name, admin1, country string
	lat, lon              float64
}

// Base places; each is repeated with numbered districts so that the
// record has thousands of distinct locations, as a real one does.
var basePlaces = []place{
	{"Aleppo", "Aleppo", "Syria", 36.20, 37.16}, {"Idlib", "Idlib", "Syria", 35.93, 36.63},
	{"Homs", "Homs", "Syria", 34.73, 36.72}, {"Deir ez-Zor", "Deir ez-Zor", "Syria", 35.33, 40.14},
	{"Mosul", "Nineveh", "Iraq", 36.34, 43.13}, {"Kirkuk", "Kirkuk", "Iraq", 35.47, 44.39},
	{"Taiz", "Taiz", "Yemen", 13.58, 44.02}, {"Hodeidah", "Hodeidah", "Yemen", 14.80, 42.95},
	{"Kharkiv", "Kharkiv Oblast", "Ukraine", 49.99, 36.23}, {"Kherson", "Kherson Oblast", "Ukraine", 46.64, 32.61},
	{"Donetsk", "Donetsk Oblast", "Ukraine", 48.02, 37.80}, {"Zaporizhzhia", "Zaporizhzhia Oblast", "Ukraine", 47.84, 35.14},
	{"Rafah", "Rafah", "Palestine", 31.30, 34.25}, {"Khan Younis", "Khan Yunis", "Palestine", 31.34, 34.31},
	{"Gaza City", "Gaza", "Palestine", 31.50, 34.47}, {"Marib", "Marib", "Yemen", 15.46, 45.32},
}

var kinds = [][2]string{
	{"Explosions/Remote violence", "Shelling/artillery/missile attack"},
	{"Explosions/Remote violence", "Air/drone strike"},
	{"Battles", "Armed clash"},
	{"Violence against civilians", "Attack"},
	{"Protests", "Peaceful protest"},
	{"Humanitarian", "Aid delivery"},
}

var actors = []string{"Russian Armed Forces", "Ukrainian Armed Forces", "Syrian Arab Army", "Hayat Tahrir al-Sham",
	"Islamic State", "Iraqi Security Forces", "Houthis", "Saudi-led coalition", "Israel Defense Forces", "Hamas"}

var claimants = []string{"local officials", "the health ministry", "a monitoring group", "the regional governor", "the army", "the United Nations"}

func main() {
	file := flag.String("db", "big.db", "store file to create (must not exist)")
	events := flag.Int("events", 1_000_000, "number of events to write")
	perDoc := flag.Int("per-doc", 8, "events per document")
	days := flag.Int("days", 3650, "days the record spans (from 2015-01-01)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if _, err := os.Stat(*file); err == nil {
		fmt.Fprintf(os.Stderr, "bigstore: %s exists; remove it first\n", *file)
		os.Exit(2)
	}
	start := time.Now()
	if err := fill(*file, *events, *perDoc, *days, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "bigstore:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "bigstore: %d events in %s\n", *events, time.Since(start).Round(time.Second))
}

func fill(file string, nEvents, perDoc, days int, seed uint64) error {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, file) // creates the schema
	if err != nil {
		return err
	}
	st.Close()
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)")
	if err != nil {
		return fmt.Errorf("open %s: %w", file, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	rng := rand.New(rand.NewPCG(seed, seed^0xb16))
	places := make([]place, 0, len(basePlaces)*200)
	for d := 0; d < 200; d++ {
		for _, p := range basePlaces {
			if d > 0 {
				p.name = fmt.Sprintf("%s district %d", p.name, d)
				p.lat += float64(d%20) * 0.4 // > 25 km apart: distinct places
				p.lon += float64(d/20) * 0.4
			}
			places = append(places, p)
		}
	}
	docsTotal := (nEvents + perDoc - 1) / perDoc
	docsPerDay := (docsTotal + days - 1) / days
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	w, err := newWriter(ctx, db)
	if err != nil {
		return err
	}
	written, seq := 0, 0
	for day := 0; written < nEvents; day++ {
		date := base.AddDate(0, 0, day%days).Format(time.DateOnly)
		var reports []incident.Report
		for d := 0; d < docsPerDay && written < nEvents; d++ {
			seq++
			rec := document(rng, places, date, seq, min(perDoc, nEvents-written))
			if err := w.document(rec, seq); err != nil {
				return err
			}
			for i, e := range rec.Document.Events {
				reports = append(reports, incident.Report{DocID: rec.ID, DocPath: rec.Document.Source.Path,
					RecordID: rec.Document.Source.ID, Outlet: rec.Document.Source.Outlet,
					SourceGroup: rec.ID, Index: i, Event: e})
			}
			written += len(rec.Document.Events)
		}
		for _, inc := range incident.Build(reports) {
			if err := w.incident(inc); err != nil {
				return err
			}
		}
		if day%30 == 29 {
			if err := w.commit(ctx, db); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "\rbigstore: %d events", written)
		}
	}
	if err := w.tx.Commit(); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr)
	_, err = db.ExecContext(ctx, `ANALYZE`)
	return err
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func document(rng *rand.Rand, places []place, date string, seq, n int) domain.Record {
	outlet := fmt.Sprintf("outlet-%02d.example", rng.IntN(40))
	var text strings.Builder
	var evs []domain.Event
	for i := 0; i < n; i++ {
		p := pick(rng, places)
		k := pick(rng, kinds)
		a1, a2 := pick(rng, actors), pick(rng, actors)
		killed := float64(rng.IntN(30))
		start := text.Len()
		fmt.Fprintf(&text, "%s reported fighting near %s in %s, %s, on %s; %d people were killed, %s said. ",
			a1, p.name, p.admin1, p.country, date, int(killed), pick(rng, claimants))
		lat, lon := p.lat, p.lon
		evs = append(evs, domain.Event{
			EventType: k[0], SubEventType: k[1], Date: domain.Str(date), TimePrecision: 1,
			Location: &domain.Location{Name: p.name, Admin1: p.admin1, Country: p.country, Latitude: &lat, Longitude: &lon, GeoPrecision: 1},
			Actor1:   domain.Str(a1), Actor2: domain.Str(a2), Fatalities: &killed, Quantities: []domain.Quantity{},
			ClaimedBy: pick(rng, claimants), Modality: "asserted",
			Span: domain.Span{Text: strings.TrimSpace(text.String()[start:]), Start: start, End: text.Len() - 1},
		})
		text.WriteString("\n\n")
	}
	doc := domain.Document{
		Source: domain.Source{Path: fmt.Sprintf("big/%07d.txt", seq), ID: domain.Str(fmt.Sprintf("big-%07d", seq)),
			Outlet: domain.Str(outlet), Headline: domain.Str(fmt.Sprintf("Fighting reported on %s (%d)", date, seq)),
			Published: domain.Str(date), PublishedBasis: domain.PublishedStated, Format: "text"},
		Text: strings.TrimSpace(text.String()), Events: evs,
	}
	doc.EnsureLists()
	return domain.Record{ID: doc.Fingerprint(), Document: doc, Raw: []byte(doc.Text), IngestedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// writer holds one transaction's prepared statements.
type writer struct {
	tx                           *sql.Tx
	doc, fts, event, inc, incOut *sql.Stmt
	source, band, setIncident    *sql.Stmt
}

func newWriter(ctx context.Context, db *sql.DB) (*writer, error) {
	w := &writer{}
	return w, w.begin(ctx, db)
}

func (w *writer) begin(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	w.tx = tx
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.PrepareContext(ctx, q)
		return s
	}
	w.doc = prep(`INSERT INTO documents (id, path, source_id, url, outlet, wire, headline, published, published_basis,
		format, body, raw, extracted, ingested_at, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	w.source = prep(`INSERT INTO doc_sources (id, wire, signature, source_group) VALUES (?, ?, ?, ?)`)
	w.band = prep(`INSERT OR IGNORE INTO document_bands (band_key, doc_id) VALUES (?, ?)`)
	w.fts = prep(`INSERT INTO documents_fts (rowid, headline, body) VALUES (?, ?, ?)`)
	w.event = prep(`INSERT INTO events (doc_id, idx, event_type, sub_event_type, date, date_end, place, country,
		actor1, actor2, claimed_by, modality, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	w.inc = prep(`INSERT INTO incidents (id, event_type, sub_event_type, date, date_end, place, admin1, country,
		actors, status, independent_sources, reports, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	w.incOut = prep(`INSERT OR IGNORE INTO incident_outlets (incident_id, outlet) VALUES (?, ?)`)
	w.setIncident = prep(`UPDATE events SET incident_id = ? WHERE doc_id = ? AND idx = ?`)
	return err
}

func (w *writer) commit(ctx context.Context, db *sql.DB) error {
	if err := w.tx.Commit(); err != nil {
		return err
	}
	return w.begin(ctx, db)
}

func (w *writer) document(r domain.Record, seq int) error {
	js, err := json.Marshal(r.Document)
	if err != nil {
		return err
	}
	s := r.Document.Source
	if _, err := w.doc.Exec(r.ID, s.Path, s.ID, s.URL, s.Outlet, s.Wire, s.Headline, s.Published, string(s.PublishedBasis),
		s.Format, r.Document.Text, r.Raw, string(js), r.IngestedAt.Format(time.RFC3339Nano), seq); err != nil {
		return fmt.Errorf("document %s: %w", s.Path, err)
	}
	// Every document is its own source group: the generated articles are
	// independent reports, and a later ingest into this store merges
	// against real signatures.
	sig := syndication.Sign(r.Document.Text)
	if _, err := w.source.Exec(r.ID, s.Wire, sig.Bytes(), r.ID); err != nil {
		return fmt.Errorf("document %s: source: %w", s.Path, err)
	}
	for _, k := range sig.BandKeys() {
		if _, err := w.band.Exec(int64(k), r.ID); err != nil {
			return fmt.Errorf("document %s: band: %w", s.Path, err)
		}
	}
	if _, err := w.fts.Exec(seq, domain.Deref(s.Headline), r.Document.Text); err != nil {
		return err
	}
	for i, e := range r.Document.Events {
		body, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if _, err := w.event.Exec(r.ID, i, e.EventType, e.SubEventType, e.Date, e.DateEnd, e.Location.Name,
			e.Location.Country, e.Actor1, e.Actor2, e.ClaimedBy, e.Modality, string(body)); err != nil {
			return fmt.Errorf("document %s event %d: %w", s.Path, i, err)
		}
	}
	return nil
}

func (w *writer) incident(inc domain.Incident) error {
	if inc.Conflicts == nil {
		inc.Conflicts = []domain.Conflict{}
	}
	body, err := json.Marshal(inc)
	if err != nil {
		return err
	}
	var place, admin1, country string
	if l := inc.Location; l != nil {
		place, admin1, country = l.Name, l.Admin1, l.Country
	}
	actors := domain.Deref(inc.Actor1) + "\n" + domain.Deref(inc.Actor2)
	if _, err := w.inc.Exec(inc.ID, inc.EventType, inc.SubEventType, inc.Date, inc.DateEnd, place, admin1, country,
		actors, inc.Status, inc.IndependentSources, len(inc.Reports), string(body)); err != nil {
		return fmt.Errorf("incident %s: %w", inc.ID, err)
	}
	for _, r := range inc.Reports {
		if o := domain.Deref(r.Outlet); o != "" {
			if _, err := w.incOut.Exec(inc.ID, o); err != nil {
				return err
			}
		}
		if _, err := w.setIncident.Exec(inc.ID, r.DocID, r.EventIndex); err != nil {
			return err
		}
	}
	return nil
}
