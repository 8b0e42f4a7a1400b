package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/domain"
)

// Incidents lists incidents matching f, by date (undated first, as in
// SQLite) then id, and the number that match in all (for pagination).
func (s *Store) Incidents(ctx context.Context, f domain.IncidentFilter) ([]domain.Incident, int, error) {
	where, args := incidentWhere(f)
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM incidents i`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count incidents: %w", err)
	}
	q := `SELECT i.body FROM incidents i` + where + ` ORDER BY i.date NULLS FIRST, i.id` + limitOffset(f.Limit, f.Offset)
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
// Substring matches use strpos on lower-cased text, as the SQLite store
// uses instr, so that LIKE wildcards in user input mean nothing.
func incidentWhere(f domain.IncidentFilter) (string, []any) {
	var conds []string
	var args []any
	arg := func(v string) string {
		args = append(args, pgText(v))
		return "$" + strconv.Itoa(len(args))
	}
	if f.From != "" {
		conds = append(conds, `COALESCE(i.date_end, i.date) >= `+arg(f.From))
	}
	if f.To != "" {
		conds = append(conds, `i.date <= `+arg(f.To))
	}
	if f.Type != "" {
		p := arg(f.Type)
		conds = append(conds, `(lower(i.event_type) = lower(`+p+`) OR lower(i.sub_event_type) = lower(`+p+`))`)
	}
	if f.Place != "" {
		p := arg(f.Place)
		conds = append(conds, `(strpos(lower(i.place), lower(`+p+`)) > 0 OR strpos(lower(i.admin1), lower(`+p+`)) > 0 OR strpos(lower(i.country), lower(`+p+`)) > 0)`)
	}
	if f.Actor != "" {
		conds = append(conds, `strpos(lower(i.actors), lower(`+arg(f.Actor)+`)) > 0`)
	}
	if f.Outlet != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM incident_outlets o WHERE o.incident_id = i.id AND strpos(lower(o.outlet), lower(`+arg(f.Outlet)+`)) > 0)`)
	}
	if f.Status != "" {
		conds = append(conds, `i.status = `+arg(f.Status))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// pgText makes user text storable as PostgreSQL text, which cannot hold
// NUL or invalid UTF-8 (the driver would fail the whole query). Neither
// can be part of a stored name or word; the replacements keep how the
// text compares to stored values as SQLite sees it (a NUL sorts first,
// like a space before any date; an invalid byte sorts last, like U+FFFD).
func pgText(s string) string {
	if !strings.Contains(s, "\x00") && utf8.ValidString(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", " ")
}

// Incident returns one incident by id.
func (s *Store) Incident(ctx context.Context, id string) (domain.Incident, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM incidents WHERE id = $1`, pgText(id)).Scan(&body)
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

// Search runs a full-text query over headlines and bodies, best match
// first. The query goes through websearch_to_tsquery as a parameter, so
// any user input (quotes, operators, stray punctuation) is valid; words
// must all match, a quoted phrase matches as a phrase, -word excludes.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]domain.SearchHit, error) {
	// PostgreSQL text cannot hold NUL or invalid UTF-8; neither can be
	// part of a word anyway.
	query = pgText(query)
	if strings.TrimSpace(query) == "" {
		return []domain.SearchHit{}, nil
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.headline, d.outlet, d.published,
		ts_headline('simple', d.body, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…')
		FROM documents d, websearch_to_tsquery('simple', $1) q
		WHERE d.search @@ q ORDER BY ts_rank(d.search, q) DESC, d.id LIMIT $2`, query, limit)
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
