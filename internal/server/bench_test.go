package server_test

import (
	"net/http/httptest"
	"testing"

	"github.com/sitrep/sitrep/internal/server"
)

func benchmarkGet(b *testing.B, path string) {
	srv := server.New(fixtureStore(b), nil, server.Options{})
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
	}
}

func BenchmarkListIncidents(b *testing.B) { benchmarkGet(b, "/api/incidents?place=kharkiv") }
func BenchmarkExportCSV(b *testing.B)     { benchmarkGet(b, "/api/incidents.csv") }
func BenchmarkSearch(b *testing.B)        { benchmarkGet(b, "/api/search?q=drone") }
