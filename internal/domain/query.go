package domain

// The query types below are what readers of a store ask for. They live in
// the domain package so that every store (SQLite, PostgreSQL) and every
// consumer (command line, HTTP API) share one vocabulary.

// DocumentFilter narrows a document listing; zero values match all.
type DocumentFilter struct {
	Outlet string
	Limit  int
	Offset int
}

// IncidentFilter narrows an incident listing; zero values match all.
// Dates are YYYY-MM-DD, inclusive; Place, Actor and Outlet match names
// case-insensitively as substrings.
type IncidentFilter struct {
	From, To string
	Type     string // event_type or sub_event_type
	Place    string
	Actor    string
	Outlet   string
	Status   string
	Limit    int
	Offset   int
}

// EntityCount is one entity aggregated over stored documents.
type EntityCount struct {
	Type      string         `json:"type"`
	Canonical string         `json:"canonical"`
	KBID      *string        `json:"kb_id"`
	Mentions  int            `json:"mentions"`
	Documents int            `json:"documents"`
	Labels    map[string]int `json:"labels,omitempty"`
}

// OutletStat summarises one outlet: what it published and the labels it
// used for each group it named (the framing comparison).
type OutletStat struct {
	Outlet    string                    `json:"outlet"`
	Documents int                       `json:"documents"`
	Incidents int                       `json:"incidents"`
	Labels    map[string]map[string]int `json:"labels"` // canonical group -> label -> count
}

// SearchHit is one document matching a full-text query.
type SearchHit struct {
	DocumentID string  `json:"document_id"`
	Headline   *string `json:"headline"`
	Outlet     *string `json:"outlet"`
	Published  *string `json:"published"`
	Snippet    string  `json:"snippet"`
}
