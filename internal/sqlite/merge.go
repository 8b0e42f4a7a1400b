package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/incident"
	"github.com/sitrep/sitrep/internal/syndication"
)

// maxBandMembers bounds how many documents of one LSH band are compared
// with a new one.
const maxBandMembers = 16

// mergeTx implements incident.Tx over one SQLite transaction.
type mergeTx struct {
	tx *sql.Tx
	// bands holds the members of every band of the document MergeDocument
	// read last, fetched in one query: merging asks for each band next.
	// Writes that change membership (SaveSignature, RenameGroup) drop it.
	bands    map[uint64][]incident.Member
	bandStmt *sql.Stmt
	// reports holds the events refs listed, read in the same query, for
	// Report to answer without a query per event.
	reports map[incident.EventRef]incident.Report
}

var _ incident.Tx = (*mergeTx)(nil)

func (m *mergeTx) MergeDocument(ctx context.Context, id string) (string, string, []domain.Event, error) {
	var text, js string
	var wire sql.NullString
	// Only the events of the stored JSON: decoding the whole document
	// (entities, dates, quantities) would cost more than the rest of the
	// merge step.
	if err := m.tx.QueryRowContext(ctx, `SELECT body, wire, COALESCE(json_extract(extracted, '$.events'), '[]')
		FROM documents WHERE id = ?`, id).Scan(&text, &wire, &js); err != nil {
		return "", "", nil, err
	}
	var events []domain.Event
	if err := json.Unmarshal([]byte(js), &events); err != nil {
		return "", "", nil, fmt.Errorf("decode: %w", err)
	}
	keys := syndication.Sign(text).BandKeys()
	if err := m.readBands(ctx, keys[:]); err != nil {
		return "", "", nil, err
	}
	return text, wire.String, events, nil
}

func (m *mergeTx) readBands(ctx context.Context, keys []uint64) error {
	if m.bandStmt == nil {
		// A band shared by very many documents is boilerplate every story
		// carries (a template, a standing phrase), not a sign of copying:
		// only its first members (by id, so the choice does not depend on
		// timing) are compared, which keeps grouping linear in corpus size.
		st, err := m.tx.PrepareContext(ctx, `SELECT s.id, s.wire, s.signature, s.source_group
			FROM document_bands b JOIN doc_sources s ON s.id = b.doc_id
			WHERE b.band_key = ? ORDER BY b.doc_id LIMIT ?`)
		if err != nil {
			return err
		}
		m.bandStmt = st
	}
	bands := make(map[uint64][]incident.Member, len(keys))
	for _, k := range keys {
		members, err := m.band(ctx, k)
		if err != nil {
			return err
		}
		bands[k] = members
	}
	m.bands = bands
	return nil
}

func (m *mergeTx) band(ctx context.Context, key uint64) ([]incident.Member, error) {
	rows, err := m.bandStmt.QueryContext(ctx, int64(key), maxBandMembers)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []incident.Member
	for rows.Next() {
		var mb incident.Member
		var wire, group sql.NullString
		var sig []byte
		if err := rows.Scan(&mb.ID, &wire, &sig, &group); err != nil {
			return nil, err
		}
		s, ok := syndication.FromBytes(sig)
		if !ok {
			continue
		}
		mb.Wire, mb.Group, mb.Signature = wire.String, group.String, s
		out = append(out, mb)
	}
	return out, rows.Err()
}

func (m *mergeTx) BandMembers(ctx context.Context, key uint64) ([]incident.Member, error) {
	if members, ok := m.bands[key]; ok {
		return members, nil
	}
	if err := m.readBands(ctx, []uint64{key}); err != nil {
		return nil, err
	}
	return m.bands[key], nil
}

func (m *mergeTx) SaveSignature(ctx context.Context, id string, sig syndication.Signature, group string) error {
	m.bands, m.reports = nil, nil
	if _, err := m.tx.ExecContext(ctx, `INSERT INTO doc_sources (id, wire, signature, source_group)
		SELECT id, wire, ?, ? FROM documents WHERE id = ?
		ON CONFLICT (id) DO UPDATE SET signature = excluded.signature, source_group = excluded.source_group`, sig.Bytes(), group, id); err != nil {
		return err
	}
	// One statement for all the bands: per-statement overhead, not the
	// work, dominates SQLite writes this small.
	keys := sig.BandKeys()
	args := make([]any, 0, 2*len(keys))
	marks := make([]string, 0, len(keys))
	for _, k := range keys {
		args = append(args, int64(k), id)
		marks = append(marks, "(?, ?)")
	}
	if _, err := m.tx.ExecContext(ctx, `INSERT INTO document_bands (band_key, doc_id) VALUES `+
		strings.Join(marks, ", ")+` ON CONFLICT DO NOTHING`, args...); err != nil {
		return err
	}
	return nil
}

func (m *mergeTx) RenameGroup(ctx context.Context, from, to string) error {
	m.bands, m.reports = nil, nil
	_, err := m.tx.ExecContext(ctx, `UPDATE doc_sources SET source_group = ? WHERE source_group = ?`, to, from)
	return err
}

func (m *mergeTx) InsertEvent(ctx context.Context, docID string, idx int, e domain.Event) error {
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	var place, country string
	if e.Location != nil {
		place, country = e.Location.Name, e.Location.Country
	}
	_, err = m.tx.ExecContext(ctx, `INSERT INTO events (doc_id, idx, event_type, sub_event_type, date, date_end,
		place, country, actor1, actor2, claimed_by, modality, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (doc_id, idx) DO NOTHING`,
		docID, idx, e.EventType, e.SubEventType, e.Date, e.DateEnd, place, country, e.Actor1, e.Actor2,
		e.ClaimedBy, e.Modality, string(body))
	return err
}

func (m *mergeTx) IncidentsOfGroup(ctx context.Context, group string) ([]string, error) {
	rows, err := m.tx.QueryContext(ctx, `SELECT DISTINCT incident_id FROM events
		WHERE doc_id IN (SELECT id FROM doc_sources WHERE source_group = ?) AND incident_id IS NOT NULL ORDER BY 1`, group)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// refs runs q, which selects (doc_id, idx, incident_id) of events, and
// reads those events' reports in one more query.
func (m *mergeTx) refs(ctx context.Context, q string, args ...any) ([]incident.EventRef, error) {
	rows, err := m.tx.QueryContext(ctx, `SELECT e.doc_id, e.idx, e.incident_id, e.body, d.path, d.source_id,
		d.outlet, d.wire, s.source_group
		FROM (`+q+`) r JOIN events e ON e.doc_id = r.doc_id AND e.idx = r.idx
		JOIN documents d ON d.id = e.doc_id LEFT JOIN doc_sources s ON s.id = e.doc_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if m.reports == nil {
		m.reports = map[incident.EventRef]incident.Report{}
	}
	var out []incident.EventRef
	for rows.Next() {
		var r incident.EventRef
		var inc sql.NullString
		var body, path string
		var rid, outlet, wire, group sql.NullString
		if err := rows.Scan(&r.DocID, &r.Index, &inc, &body, &path, &rid, &outlet, &wire, &group); err != nil {
			return nil, err
		}
		r.Incident = inc.String
		out = append(out, r)
		rep, err := report(r, body, path, rid, outlet, wire, group)
		if err != nil {
			return nil, err
		}
		m.reports[incident.EventRef{DocID: r.DocID, Index: r.Index}] = rep
	}
	return out, rows.Err()
}

func (m *mergeTx) EventsNear(ctx context.Context, typ, country, from, to string) ([]incident.EventRef, error) {
	const inCountry = ` AND (? = '' OR COALESCE(country, '') = '' OR country = ?)`
	if from == "" {
		return m.refs(ctx, `SELECT doc_id, idx, incident_id FROM events
			WHERE event_type = ? AND date IS NULL`+inCountry, typ, country, country)
	}
	// Two index ranges rather than one OR, which SQLite would answer by
	// scanning every event of the type: events starting in the window, and
	// ranges that started before it and reach into it.
	return m.refs(ctx, `SELECT doc_id, idx, incident_id FROM events
			WHERE event_type = ? AND date BETWEEN ? AND ?`+inCountry+`
		UNION
		SELECT doc_id, idx, incident_id FROM events
			WHERE event_type = ? AND date_end >= ? AND date < ?`+inCountry,
		typ, from, to, country, country, typ, from, from, country, country)
}

func (m *mergeTx) EventsOfIncident(ctx context.Context, id string) ([]incident.EventRef, error) {
	return m.refs(ctx, `SELECT doc_id, idx, incident_id FROM events WHERE incident_id = ?`, id)
}

func (m *mergeTx) Report(ctx context.Context, ref incident.EventRef) (incident.Report, error) {
	if r, ok := m.reports[incident.EventRef{DocID: ref.DocID, Index: ref.Index}]; ok {
		return r, nil
	}
	var body, path string
	var rid, outlet, wire, group sql.NullString
	err := m.tx.QueryRowContext(ctx, `SELECT e.body, d.path, d.source_id, d.outlet, d.wire, s.source_group
		FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN doc_sources s ON s.id = e.doc_id
		WHERE e.doc_id = ? AND e.idx = ?`, ref.DocID, ref.Index).Scan(&body, &path, &rid, &outlet, &wire, &group)
	if err != nil {
		return incident.Report{}, fmt.Errorf("event %s#%d: %w", ref.DocID, ref.Index, err)
	}
	return report(ref, body, path, rid, outlet, wire, group)
}

func report(ref incident.EventRef, body, path string, rid, outlet, wire, group sql.NullString) (incident.Report, error) {
	var r incident.Report
	if err := json.Unmarshal([]byte(body), &r.Event); err != nil {
		return r, fmt.Errorf("event %s#%d: decode: %w", ref.DocID, ref.Index, err)
	}
	r.DocID, r.DocPath, r.Index = ref.DocID, path, ref.Index
	r.RecordID, r.Outlet, r.Wire = nullStr(rid), nullStr(outlet), nullStr(wire)
	r.SourceGroup = group.String
	if r.SourceGroup == "" {
		r.SourceGroup = ref.DocID
	}
	return r, nil
}

func (m *mergeTx) DeleteIncident(ctx context.Context, id string) error {
	if _, err := m.tx.ExecContext(ctx, `DELETE FROM incident_outlets WHERE incident_id = ?`, id); err != nil {
		return err
	}
	_, err := m.tx.ExecContext(ctx, `DELETE FROM incidents WHERE id = ?`, id)
	return err
}

func (m *mergeTx) PutIncident(ctx context.Context, inc domain.Incident) error {
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
	if _, err := m.tx.ExecContext(ctx, `INSERT INTO incidents (id, event_type, sub_event_type, date, date_end, place,
		admin1, country, actors, status, independent_sources, reports, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		inc.ID, inc.EventType, inc.SubEventType, inc.Date, inc.DateEnd, place, admin1, country, actors,
		inc.Status, inc.IndependentSources, len(inc.Reports), string(body)); err != nil {
		return fmt.Errorf("store incident %s: %w", inc.ID, err)
	}
	outlets := map[string]bool{}
	for _, r := range inc.Reports {
		if o := domain.Deref(r.Outlet); o != "" && !outlets[o] {
			outlets[o] = true
			if _, err := m.tx.ExecContext(ctx, `INSERT INTO incident_outlets (incident_id, outlet) VALUES (?, ?)`, inc.ID, o); err != nil {
				return err
			}
		}
		if _, err := m.tx.ExecContext(ctx, `UPDATE events SET incident_id = ? WHERE doc_id = ? AND idx = ?`,
			inc.ID, r.DocID, r.EventIndex); err != nil {
			return err
		}
	}
	return nil
}

func nullStr(s sql.NullString) *string {
	if !s.Valid || s.String == "" {
		return nil
	}
	return &s.String
}
