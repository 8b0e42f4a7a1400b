package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/domain"
)

// Incidents lists incidents matching f, by date then id, and the number
// that match in all (for pagination).
func (s *Store) Incidents(ctx context.Context, f domain.IncidentFilter) ([]domain.Incident, int, error) {
	where, args := incidentWhere(f)
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM incidents i`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count incidents: %w", err)
	}
	q := `SELECT i.body FROM incidents i` + where + ` ORDER BY i.date, i.id`
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += ` LIMIT ? OFFSET ?`
		args = append(args, limit, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list incidents: %w", err)
	}
	defer rows.Close()
	out := []domain.Incident{}
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, 0, err
		}
		var inc domain.Incident
		if err := json.Unmarshal([]byte(body), &inc); err != nil {
			return nil, 0, fmt.Errorf("decode incident: %w", err)
		}
		out = append(out, inc)
	}
	return out, total, rows.Err()
}

// incidentWhere turns a filter into a WHERE clause with parameters only.
func incidentWhere(f domain.IncidentFilter) (string, []any) {
	var conds []string
	var args []any
	if f.From != "" {
		conds = append(conds, `COALESCE(i.date_end, i.date) >= ?`)
		args = append(args, f.From)
	}
	if f.To != "" {
		conds = append(conds, `i.date <= ?`)
		args = append(args, f.To)
	}
	if f.Type != "" {
		conds = append(conds, `(lower(i.event_type) = lower(?) OR lower(i.sub_event_type) = lower(?))`)
		args = append(args, f.Type, f.Type)
	}
	if f.Place != "" {
		conds = append(conds, `(instr(lower(i.place), lower(?)) > 0 OR instr(lower(i.admin1), lower(?)) > 0 OR instr(lower(i.country), lower(?)) > 0)`)
		args = append(args, f.Place, f.Place, f.Place)
	}
	if f.Actor != "" {
		conds = append(conds, `instr(lower(i.actors), lower(?)) > 0`)
		args = append(args, f.Actor)
	}
	if f.Outlet != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM incident_outlets o WHERE o.incident_id = i.id AND instr(lower(o.outlet), lower(?)) > 0)`)
		args = append(args, f.Outlet)
	}
	if f.Status != "" {
		conds = append(conds, `i.status = ?`)
		args = append(args, f.Status)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Incident returns one incident by id.
func (s *Store) Incident(ctx context.Context, id string) (domain.Incident, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM incidents WHERE id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Incident{}, fmt.Errorf("incident %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return domain.Incident{}, fmt.Errorf("incident %s: %w", id, err)
	}
	var inc domain.Incident
	if err := json.Unmarshal([]byte(body), &inc); err != nil {
		return inc, fmt.Errorf("incident %s: decode: %w", id, err)
	}
	return inc, nil
}

// Search runs a full-text query over headlines and bodies. The query uses
// FTS5 syntax for words; anything else is quoted so user input can never
// be a syntax error.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]domain.SearchHit, error) {
	q := ftsQuery(query)
	if q == "" {
		return []domain.SearchHit{}, nil
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.headline, d.outlet, d.published,
		snippet(documents_fts, 1, '[', ']', '…', 16)
		FROM documents_fts f JOIN documents d ON d.seq = f.rowid
		WHERE documents_fts MATCH ? ORDER BY rank, d.id LIMIT ?`, q, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	out := []domain.SearchHit{}
	for rows.Next() {
		var h domain.SearchHit
		var head, outlet, pub sql.NullString
		if err := rows.Scan(&h.DocumentID, &head, &outlet, &pub, &h.Snippet); err != nil {
			return nil, err
		}
		h.Headline, h.Outlet, h.Published = nullStr(head), nullStr(outlet), nullStr(pub)
		out = append(out, h)
	}
	return out, rows.Err()
}

// ftsQuery turns free text into an FTS5 query of quoted terms, all of
// which must match.
func ftsQuery(s string) string {
	var terms []string
	for _, w := range strings.Fields(s) {
		// A NUL ends the query string inside SQLite ("unterminated
		// string"), so it goes with the quotes.
		w = strings.Trim(strings.NewReplacer(`"`, "", "\x00", "").Replace(w), "*")
		if w != "" {
			terms = append(terms, `"`+w+`"`)
		}
	}
	return strings.Join(terms, " ")
}

// Entities aggregates the entities of every stored document.
func (s *Store) Entities(ctx context.Context, typ string, limit int) ([]domain.EntityCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, extracted FROM documents ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	tally := domain.NewEntityTally(typ)
	for rows.Next() {
		var id, js string
		if err := rows.Scan(&id, &js); err != nil {
			return nil, err
		}
		ents, err := entitiesOf(js)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", id, err)
		}
		tally.Add(ents)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return tally.Counts(limit), nil
}

// entitiesOf decodes only the entities of a stored document's JSON.
func entitiesOf(js string) ([]domain.Entity, error) {
	var doc struct {
		Entities []domain.Entity `json:"entities"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return doc.Entities, nil
}

// Outlets summarises each outlet: documents, incidents it reports, and
// the labels it used for each group it named.
func (s *Store) Outlets(ctx context.Context) ([]domain.OutletStat, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT COALESCE(outlet, ''), extracted FROM documents ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("outlets: %w", err)
	}
	defer rows.Close()
	tally := domain.NewOutletTally()
	for rows.Next() {
		var outlet, js string
		if err := rows.Scan(&outlet, &js); err != nil {
			return nil, err
		}
		ents, err := entitiesOf(js)
		if err != nil {
			return nil, fmt.Errorf("outlets: %w", err)
		}
		tally.Add(outlet, ents)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	irows, err := s.db.QueryContext(ctx, `SELECT outlet, COUNT(*) FROM incident_outlets GROUP BY outlet`)
	if err != nil {
		return nil, err
	}
	defer irows.Close()
	for irows.Next() {
		var o string
		var n int
		if err := irows.Scan(&o, &n); err != nil {
			return nil, err
		}
		tally.SetIncidents(o, n)
	}
	return tally.Stats(), irows.Err()
}
