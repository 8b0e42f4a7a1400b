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

// mergeTx implements incident.Tx over one PostgreSQL transaction. The
// queries mirror internal/sqlite's one for one, with numbered parameters.
type mergeTx struct{ tx *sql.Tx }

var _ incident.Tx = mergeTx{}

func (m mergeTx) MergeDocument(ctx context.Context, id string) (string, string, []domain.Event, error) {
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
	return text, wire.String, doc.Events, nil
}

func (m mergeTx) BandMembers(ctx context.Context, key uint64) ([]incident.Member, error) {
	rows, err := m.tx.QueryContext(ctx, `SELECT d.id, d.wire, d.signature, d.source_group
		FROM document_bands b JOIN documents d ON d.id = b.doc_id WHERE b.band_key = $1 ORDER BY d.id`, int64(key))
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

func (m mergeTx) SaveSignature(ctx context.Context, id string, sig syndication.Signature, group string) error {
	if _, err := m.tx.ExecContext(ctx, `UPDATE documents SET signature = $1, source_group = $2 WHERE id = $3`, sig.Bytes(), group, id); err != nil {
		return err
	}
	for _, k := range sig.BandKeys() {
		if _, err := m.tx.ExecContext(ctx, `INSERT INTO document_bands (band_key, doc_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, int64(k), id); err != nil {
			return err
		}
	}
	return nil
}

func (m mergeTx) RenameGroup(ctx context.Context, from, to string) error {
	_, err := m.tx.ExecContext(ctx, `UPDATE documents SET source_group = $1 WHERE source_group = $2`, to, from)
	return err
}

func (m mergeTx) InsertEvent(ctx context.Context, docID string, idx int, e domain.Event) error {
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

func (m mergeTx) IncidentsOfGroup(ctx context.Context, group string) ([]string, error) {
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

func (m mergeTx) refs(ctx context.Context, q string, args ...any) ([]incident.EventRef, error) {
	rows, err := m.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []incident.EventRef
	for rows.Next() {
		var r incident.EventRef
		var inc sql.NullString
		if err := rows.Scan(&r.DocID, &r.Index, &inc); err != nil {
			return nil, err
		}
		r.Incident = inc.String
		out = append(out, r)
	}
	return out, rows.Err()
}

func (m mergeTx) EventsInWindow(ctx context.Context, typ, from, to string) ([]incident.EventRef, error) {
	return m.refs(ctx, `SELECT doc_id, idx, incident_id FROM events
		WHERE event_type = $1 AND (date IS NULL OR (date <= $2 AND COALESCE(date_end, date) >= $3))`, typ, to, from)
}

func (m mergeTx) EventsOfIncident(ctx context.Context, id string) ([]incident.EventRef, error) {
	return m.refs(ctx, `SELECT doc_id, idx, incident_id FROM events WHERE incident_id = $1`, id)
}

func (m mergeTx) Report(ctx context.Context, ref incident.EventRef) (incident.Report, error) {
	var r incident.Report
	var body, path string
	var rid, outlet, wire, group sql.NullString
	err := m.tx.QueryRowContext(ctx, `SELECT e.body, d.path, d.source_id, d.outlet, d.wire, d.source_group
		FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = $1 AND e.idx = $2`, ref.DocID, ref.Index).
		Scan(&body, &path, &rid, &outlet, &wire, &group)
	if err != nil {
		return r, fmt.Errorf("event %s#%d: %w", ref.DocID, ref.Index, err)
	}
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

func (m mergeTx) DeleteIncident(ctx context.Context, id string) error {
	if _, err := m.tx.ExecContext(ctx, `DELETE FROM incident_outlets WHERE incident_id = $1`, id); err != nil {
		return err
	}
	_, err := m.tx.ExecContext(ctx, `DELETE FROM incidents WHERE id = $1`, id)
	return err
}

func (m mergeTx) PutIncident(ctx context.Context, inc domain.Incident) error {
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
	outlets := map[string]bool{}
	for _, r := range inc.Reports {
		if o := domain.Deref(r.Outlet); o != "" && !outlets[o] {
			outlets[o] = true
			if _, err := m.tx.ExecContext(ctx, `INSERT INTO incident_outlets (incident_id, outlet) VALUES ($1, $2)`, inc.ID, o); err != nil {
				return err
			}
		}
		if _, err := m.tx.ExecContext(ctx, `UPDATE events SET incident_id = $1 WHERE doc_id = $2 AND idx = $3`,
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
