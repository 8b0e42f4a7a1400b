package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/incident"
	"github.com/sitrep/sitrep/internal/syndication"
)

// mergeTx implements incident.Tx over one PostgreSQL transaction. It
// answers the same questions as internal/sqlite's, but a network round
// trip costs far more than an SQLite call, so it reads ahead: the band
// members of a document's every band in one query, the events of every
// incident a window touches in one more, and the reports of all those
// events in the queries that list them.
// The read-ahead is dropped on every write, so it never serves stale rows.
type mergeTx struct {
	tx *sql.Tx
	// bands caches BandMembers for the document MergeDocument last read.
	bands map[uint64][]incident.Member
	// reports caches Report for refs listed since the last write.
	reports map[incident.EventRef]incident.Report
	// members caches EventsOfIncident for the incidents of the last
	// window listed.
	members map[string][]incident.EventRef
}

var _ incident.Tx = (*mergeTx)(nil)

func newMergeTx(tx *sql.Tx) *mergeTx { return &mergeTx{tx: tx} }

// forget drops the read-ahead; every write calls it.
func (m *mergeTx) forget() { m.bands, m.reports, m.members = nil, nil, nil }

func (m *mergeTx) MergeDocument(ctx context.Context, id string) (string, string, []domain.Event, error) {
	var text, js string
	var wire sql.NullString
	if err := m.tx.QueryRowContext(ctx, `SELECT body, wire, extracted FROM documents WHERE id = $1`, id).Scan(&text, &wire, &js); err != nil {
		return "", "", nil, err
	}
	var doc struct {
		Events []domain.Event `json:"events"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		return "", "", nil, fmt.Errorf("decode: %w", err)
	}
	// Merging signs this text next and asks for the members of each of
	// its bands: fetch them all now, in one query.
	keys := syndication.Sign(text).BandKeys()
	if err := m.readBands(ctx, keys[:]); err != nil {
		return "", "", nil, err
	}
	return text, wire.String, doc.Events, nil
}

func (m *mergeTx) readBands(ctx context.Context, keys []uint64) error {
	ks := make([]int64, len(keys))
	for i, k := range keys {
		ks[i] = int64(k)
	}
	rows, err := m.tx.QueryContext(ctx, `SELECT b.band_key, d.id, d.wire, d.signature, d.source_group
		FROM document_bands b JOIN documents d ON d.id = b.doc_id WHERE b.band_key = ANY($1) ORDER BY b.band_key, d.id`, ks)
	if err != nil {
		return err
	}
	defer rows.Close()
	bands := make(map[uint64][]incident.Member, len(keys))
	for _, k := range keys {
		bands[k] = nil
	}
	for rows.Next() {
		var key int64
		mb, ok, err := scanMember(rows.Scan, &key)
		if err != nil {
			return err
		}
		if ok {
			bands[uint64(key)] = append(bands[uint64(key)], mb)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	m.bands = bands
	return nil
}

func scanMember(scan func(...any) error, pre ...any) (incident.Member, bool, error) {
	var mb incident.Member
	var wire, group sql.NullString
	var sig []byte
	if err := scan(append(pre, &mb.ID, &wire, &sig, &group)...); err != nil {
		return mb, false, err
	}
	s, ok := syndication.FromBytes(sig)
	if !ok {
		return mb, false, nil
	}
	mb.Wire, mb.Group, mb.Signature = wire.String, group.String, s
	return mb, true, nil
}

func (m *mergeTx) BandMembers(ctx context.Context, key uint64) ([]incident.Member, error) {
	if members, ok := m.bands[key]; ok {
		return members, nil
	}
	rows, err := m.tx.QueryContext(ctx, `SELECT d.id, d.wire, d.signature, d.source_group
		FROM document_bands b JOIN documents d ON d.id = b.doc_id WHERE b.band_key = $1 ORDER BY d.id`, int64(key))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []incident.Member
	for rows.Next() {
		mb, ok, err := scanMember(rows.Scan)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, mb)
		}
	}
	return out, rows.Err()
}

func (m *mergeTx) SaveSignature(ctx context.Context, id string, sig syndication.Signature, group string) error {
	m.forget()
	if _, err := m.tx.ExecContext(ctx, `UPDATE documents SET signature = $1, source_group = $2 WHERE id = $3`, sig.Bytes(), group, id); err != nil {
		return err
	}
	keys := sig.BandKeys()
	ks := make([]int64, len(keys))
	for i, k := range keys {
		ks[i] = int64(k)
	}
	_, err := m.tx.ExecContext(ctx, `INSERT INTO document_bands (band_key, doc_id)
		SELECT k, $2 FROM unnest($1::bigint[]) AS k ON CONFLICT DO NOTHING`, ks, id)
	return err
}

func (m *mergeTx) RenameGroup(ctx context.Context, from, to string) error {
	m.forget()
	_, err := m.tx.ExecContext(ctx, `UPDATE documents SET source_group = $1 WHERE source_group = $2`, to, from)
	return err
}

func (m *mergeTx) InsertEvent(ctx context.Context, docID string, idx int, e domain.Event) error {
	m.forget()
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	var place, country string
	if e.Location != nil {
		place, country = e.Location.Name, e.Location.Country
	}
	_, err = m.tx.ExecContext(ctx, `INSERT INTO events (doc_id, idx, event_type, sub_event_type, date, date_end,
		place, country, actor1, actor2, claimed_by, modality, body) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
		ON CONFLICT (doc_id, idx) DO NOTHING`,
		docID, idx, e.EventType, e.SubEventType, e.Date, e.DateEnd, place, country, e.Actor1, e.Actor2,
		e.ClaimedBy, e.Modality, string(body))
	return err
}

func (m *mergeTx) IncidentsOfGroup(ctx context.Context, group string) ([]string, error) {
	rows, err := m.tx.QueryContext(ctx, `SELECT DISTINCT e.incident_id FROM events e JOIN documents d ON d.id = e.doc_id
		WHERE d.source_group = $1 AND e.incident_id IS NOT NULL ORDER BY 1`, group)
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

// refs lists events (the query's WHERE is cond) and reads their reports
// ahead, in the same query.
func (m *mergeTx) refs(ctx context.Context, cond string, args ...any) ([]incident.EventRef, error) {
	rows, err := m.tx.QueryContext(ctx, `SELECT e.doc_id, e.idx, e.incident_id,
		e.body, d.path, d.source_id, d.outlet, d.wire, d.source_group
		FROM events e JOIN documents d ON d.id = e.doc_id WHERE `+cond, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if m.reports == nil {
		m.reports = map[incident.EventRef]incident.Report{}
	}
	var out []incident.EventRef
	for rows.Next() {
		var ref incident.EventRef
		var inc sql.NullString
		var body, path string
		var rid, outlet, wire, group sql.NullString
		if err := rows.Scan(&ref.DocID, &ref.Index, &inc, &body, &path, &rid, &outlet, &wire, &group); err != nil {
			return nil, err
		}
		ref.Incident = inc.String
		out = append(out, ref)
		r, err := report(ref, body, path, rid, outlet, wire, group)
		if err != nil {
			return nil, err
		}
		m.reports[ref] = r
	}
	return out, rows.Err()
}

// EventsNear lists the events of the window and, in a second query,
// every event of the incidents they belong to, which merging asks for
// next, one incident at a time.
func (m *mergeTx) EventsNear(ctx context.Context, typ, country, from, to string) ([]incident.EventRef, error) {
	var refs []incident.EventRef
	var err error
	if from == "" {
		refs, err = m.refs(ctx, `e.event_type = $1 AND e.date IS NULL
			AND ($2 = '' OR COALESCE(e.country, '') = '' OR e.country = $2)`, typ, country)
	} else {
		refs, err = m.refs(ctx, `e.event_type = $1 AND e.date <= $2 AND COALESCE(e.date_end, e.date) >= $3
			AND ($4 = '' OR COALESCE(e.country, '') = '' OR e.country = $4)`, typ, to, from, country)
	}
	if err != nil {
		return nil, err
	}
	var ids []string
	seen := map[string]bool{}
	for _, r := range refs {
		if r.Incident != "" && !seen[r.Incident] {
			seen[r.Incident] = true
			ids = append(ids, r.Incident)
		}
	}
	if len(ids) == 0 {
		return refs, nil
	}
	all, err := m.refs(ctx, `e.incident_id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	m.members = make(map[string][]incident.EventRef, len(ids))
	for _, id := range ids {
		m.members[id] = []incident.EventRef{}
	}
	for _, r := range all {
		m.members[r.Incident] = append(m.members[r.Incident], r)
	}
	return refs, nil
}

func (m *mergeTx) EventsOfIncident(ctx context.Context, id string) ([]incident.EventRef, error) {
	if refs, ok := m.members[id]; ok {
		return refs, nil
	}
	return m.refs(ctx, `e.incident_id = $1`, id)
}

func (m *mergeTx) Report(ctx context.Context, ref incident.EventRef) (incident.Report, error) {
	if r, ok := m.reports[ref]; ok {
		return r, nil
	}
	var body, path string
	var rid, outlet, wire, group sql.NullString
	err := m.tx.QueryRowContext(ctx, `SELECT e.body, d.path, d.source_id, d.outlet, d.wire, d.source_group
		FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = $1 AND e.idx = $2`, ref.DocID, ref.Index).
		Scan(&body, &path, &rid, &outlet, &wire, &group)
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
	m.forget()
	// incident_outlets goes with it (ON DELETE CASCADE).
	_, err := m.tx.ExecContext(ctx, `DELETE FROM incidents WHERE id = $1`, id)
	return err
}

func (m *mergeTx) PutIncident(ctx context.Context, inc domain.Incident) error {
	m.forget()
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
		admin1, country, actors, status, independent_sources, reports, body) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
		inc.ID, inc.EventType, inc.SubEventType, inc.Date, inc.DateEnd, place, admin1, country, actors,
		inc.Status, inc.IndependentSources, len(inc.Reports), string(body)); err != nil {
		return fmt.Errorf("store incident %s: %w", inc.ID, err)
	}
	var outlets, docs []string
	var idxs []int64
	seen := map[string]bool{}
	for _, r := range inc.Reports {
		if o := domain.Deref(r.Outlet); o != "" && !seen[o] {
			seen[o] = true
			outlets = append(outlets, o)
		}
		docs = append(docs, r.DocID)
		idxs = append(idxs, int64(r.EventIndex))
	}
	if len(outlets) > 0 {
		if _, err := m.tx.ExecContext(ctx, `INSERT INTO incident_outlets (incident_id, outlet)
			SELECT $1, o FROM unnest($2::text[]) AS o`, inc.ID, outlets); err != nil {
			return fmt.Errorf("store incident %s: outlets: %w", inc.ID, err)
		}
	}
	if len(docs) > 0 {
		if _, err := m.tx.ExecContext(ctx, `UPDATE events e SET incident_id = $1
			FROM unnest($2::text[], $3::bigint[]) AS r (doc_id, idx)
			WHERE e.doc_id = r.doc_id AND e.idx = r.idx`, inc.ID, docs, idxs); err != nil {
			return fmt.Errorf("store incident %s: events: %w", inc.ID, err)
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
