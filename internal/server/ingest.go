package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/reader"
)

// ingestResult is the response of POST /api/documents.
type ingestResult struct {
	Documents []ingested `json:"documents"`
	Errors    []string   `json:"errors"`
}

type ingested struct {
	ID       string  `json:"id"`
	Created  bool    `json:"created"`
	Outlet   *string `json:"outlet"`
	Headline *string `json:"headline"`
	Events   int     `json:"events"`
}

// bearer returns the token of an "Authorization: Bearer TOKEN" header.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	const prefix = "bearer "
	if len(h) > len(prefix) && strings.EqualFold(h[:len(prefix)], prefix) {
		return strings.TrimSpace(h[len(prefix):])
	}
	return ""
}

// postDocuments reads one or more articles from the body (any format the
// readers accept: text, HTML, a feed, JSON Lines), analyses and stores
// them.
func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) error {
	ok, err := s.store.CheckToken(r.Context(), bearer(r))
	if err != nil {
		return fmt.Errorf("check token: %w", err)
	}
	if !ok {
		return errUnauthorized
	}
	if s.pipe == nil {
		return errors.New("post documents: server has no pipeline")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	if err != nil {
		return fmt.Errorf("read request body: %w", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("empty request body: send an article (text, HTML, feed or JSON Lines)")
	}
	var raws []reader.Raw
	res := ingestResult{Documents: []ingested{}, Errors: []string{}}
	rd := reader.New(reader.Options{MaxBytes: s.opts.MaxBody}, bytes.NewReader(body))
	err = rd.Each(r.Context(), []string{"-"}, func(raw reader.Raw, err error) error {
		if err != nil {
			res.Errors = append(res.Errors, err.Error())
			return nil
		}
		raws = append(raws, raw)
		return nil
	})
	if err != nil {
		return badRequest("read documents: %v", err)
	}
	s.ingest.Lock()
	defer s.ingest.Unlock()
	s.pipe.Learn(raws)
	var recs []domain.Record
	now := s.opts.Now().UTC()
	for _, raw := range raws {
		doc, err := s.pipe.Extract(raw)
		if err != nil {
			res.Errors = append(res.Errors, err.Error())
			continue
		}
		recs = append(recs, domain.Record{ID: doc.Fingerprint(), Document: doc, Raw: raw.Raw, IngestedAt: now})
	}
	if len(recs) == 0 {
		return badRequest("no document could be read: %s", strings.Join(res.Errors, "; "))
	}
	created, err := s.store.PutDocuments(r.Context(), recs)
	if err != nil {
		return fmt.Errorf("store %d posted document(s): %w", len(recs), err)
	}
	code := http.StatusOK
	for i, rec := range recs {
		c := i < len(created) && created[i]
		if c {
			code = http.StatusCreated
		}
		res.Documents = append(res.Documents, ingested{ID: rec.ID, Created: c, Outlet: rec.Document.Source.Outlet,
			Headline: rec.Document.Source.Headline, Events: len(rec.Document.Events)})
	}
	return writeJSON(w, code, res)
}
