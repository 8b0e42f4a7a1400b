package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/sqlite"
)

// An empty store answers an empty page of incidents.
func ExampleNew() {
	dir, err := os.MkdirTemp("", "sitrep-example-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "sitrep.db"))
	if err != nil {
		panic(err)
	}
	defer st.Close()
	srv := server.New(st, nil, server.Options{})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/incidents?limit=10", nil))
	var page struct {
		Total, Limit int
		Incidents    []json.RawMessage
	}
	json.Unmarshal(rec.Body.Bytes(), &page)
	fmt.Println(rec.Code, page.Total, page.Limit, len(page.Incidents))
	// Output: 200 0 10 0
}
