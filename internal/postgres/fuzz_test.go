package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/postgres"
	"github.com/sitrep/sitrep/internal/storetest"
)

// Search and the incident filters take user text straight from the
// command line and the HTTP API: no input may be an error.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"rubble market", `"Kharkiv shelled"`, "-odesa", "a OR b", "rubble:*", `\`, "'", "(", "%_", "\x00", "\xff"} {
		f.Add(s)
	}
	if os.Getenv(storetest.PostgresEnv) == "" {
		f.Skip(storetest.PostgresEnv + " is not set")
	}
	s, _ := openFresh(f)
	ctx := context.Background()
	if _, err := s.PutDocuments(ctx, storetest.Corpus()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(ctx, q, 3)
		if err != nil || hits == nil || len(hits) > 3 {
			t.Errorf("Search(%q) = %d hits, %v", q, len(hits), err)
		}
		if _, _, err := s.Incidents(ctx, domain.IncidentFilter{Place: q, Actor: q, Outlet: q, Type: q, Status: q, From: q, To: q}); err != nil {
			t.Errorf("Incidents with %q everywhere: %v", q, err)
		}
		if _, err := s.Document(ctx, q); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Document(%q) = %v, want ErrNotFound", q, err)
		}
	})
}

func ExampleOpen() {
	ctx := context.Background()
	st, err := postgres.Open(ctx, os.Getenv("SITREP_DB")) // postgres://user@host/db
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	incs, total, err := st.Incidents(ctx, domain.IncidentFilter{Place: "Kharkiv", From: "2024-05-01", Limit: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(incs), "of", total)
}
