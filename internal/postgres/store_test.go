package postgres_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/postgres"
	"github.com/sitrep/sitrep/internal/storetest"
)

func TestStore(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) storetest.Store {
		s, _ := openFresh(t)
		return s
	})
}

func TestReopen(t *testing.T) {
	testDSN(t)
	storetest.RunReopen(t, func(t *testing.T) (storetest.Store, func(*testing.T) storetest.Store) {
		s, dsn := openFresh(t)
		return s, func(t *testing.T) storetest.Store { return openAt(t, dsn) }
	})
}

// Several processes opening a new database at once must migrate it once.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	dsn := freshDB(t)
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := postgres.Open(context.Background(), dsn)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
	s := openAt(t, dsn)
	v, err := s.SchemaVersion(context.Background())
	if err != nil || v != 4 {
		t.Errorf("schema version = %d, %v; want 4", v, err)
	}
}

// Concurrent PutDocuments calls from separate pools give the incidents of
// one sequential ingest.
func TestConcurrentPutsMergeLikeOne(t *testing.T) {
	ctx := context.Background()
	c := storetest.Corpus()
	one, _ := openFresh(t)
	if _, err := one.PutDocuments(ctx, c); err != nil {
		t.Fatal(err)
	}
	want, _, err := one.Incidents(ctx, domain.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	dsn := freshDB(t)
	var wg sync.WaitGroup
	errs := make([]error, len(c))
	for i := range c {
		s := openAt(t, dsn)
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.PutDocuments(ctx, []domain.Record{c[i], c[(i+1)%len(c)]})
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	got, _, err := openAt(t, dsn).Incidents(ctx, domain.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if storetest.JSON(t, want) != storetest.JSON(t, got) {
		t.Errorf("concurrent ingest gave other incidents:\nwant %s\ngot  %s", storetest.JSON(t, want), storetest.JSON(t, got))
	}
}

func TestIsDSN(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"postgres://u@h/db", true},
		{"postgresql://u@h:5432/db?sslmode=disable", true},
		{"sitrep.db", false},
		{"/var/lib/postgres://x", false},
		{"Postgres://u@h/db", false},
		{"", false},
	} {
		if got := postgres.IsDSN(c.in); got != c.want {
			t.Errorf("IsDSN(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestRedactHidesPassword(t *testing.T) {
	got := postgres.Redact("postgres://sitrep:s3cret@db.example:5432/sitrep")
	if got != "postgres://sitrep:xxxxx@db.example:5432/sitrep" {
		t.Errorf("Redact = %q", got)
	}
}

func BenchmarkPutDocuments(b *testing.B) {
	storetest.BenchmarkPut(b, func(b *testing.B) storetest.Store {
		s, _ := openFresh(b)
		return s
	})
}
