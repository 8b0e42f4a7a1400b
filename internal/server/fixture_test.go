package server_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/sqlite"
)

// The fixture articles are fictional reports written for these tests
// about real places.
const (
	kharkivA = `Russian forces shelled a residential district of Kharkiv on Tuesday, killing six people and wounding fourteen, the regional governor said.
The strike hit a queue outside a pharmacy. Officials described the attackers as terrorists.`
	kharkivB = `Six civilians were killed when artillery struck Kharkiv on Tuesday, according to the city council. A spokesman for the Russian defence ministry said the strike killed nine fighters and denied hitting civilians.
Local rebels were blamed by Moscow. Witnesses wrote <script>document.title='pwned'</script> on a wall.`
	odesa = `A drone hit warehouses in the port of Odesa overnight on Wednesday, the navy said, adding that nobody was hurt.`
)

// span locates the first occurrence of phrase in text, so offsets in the
// fixture are real byte offsets.
func span(t testing.TB, text, phrase string) domain.Span {
	t.Helper()
	i := strings.Index(text, phrase)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", phrase)
	}
	return domain.Span{Text: phrase, Start: i, End: i + len(phrase)}
}

func fixtureRecord(t testing.TB, path, outlet, headline, published, text string, evs []domain.Event, ents []domain.Entity) domain.Record {
	d := domain.Document{
		Source: domain.Source{Path: path, Outlet: domain.Str(outlet), Headline: domain.Str(headline),
			Published: domain.Str(published), PublishedBasis: domain.PublishedStated, Format: "text"},
		Text: text, Events: evs, Entities: ents,
	}
	d.EnsureLists()
	return domain.Record{ID: d.Fingerprint(), Document: d, Raw: []byte(headline + "\n\n" + text),
		IngestedAt: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
}

func shelling(t testing.TB, text, phrase, date, place string, lat, lon, killed float64, claimant string) domain.Event {
	return domain.Event{EventType: domain.ExplosionsRemoteViolence, SubEventType: "Shelling/artillery/missile attack",
		Date: domain.Str(date), TimePrecision: 1, Modality: domain.ModalityAsserted, ClaimedBy: claimant,
		Location: &domain.Location{Name: place, Admin1: place + " Oblast", Country: "Ukraine", Latitude: &lat, Longitude: &lon, GeoPrecision: 1},
		Actor1:   domain.Str("Military Forces of Russia"), Fatalities: domain.Num(killed),
		Span: span(t, text, phrase)}
}

func fixtureRecords(t testing.TB) []domain.Record {
	a := fixtureRecord(t, "a.txt", "Kharkiv Courier", "Shelling kills six in Kharkiv", "2024-04-02", kharkivA,
		[]domain.Event{shelling(t, kharkivA, "Russian forces shelled a residential district of Kharkiv on Tuesday, killing six people", "2024-04-02", "Kharkiv", 49.99, 36.23, 6, "regional governor")},
		[]domain.Entity{{Span: span(t, kharkivA, "terrorists"), Type: domain.ArmedGroup, Canonical: "Military Forces of Russia", Label: "terrorists"}})
	b := fixtureRecord(t, "b.txt", "Steppe Observer", "Kharkiv strike: accounts differ", "2024-04-02", kharkivB,
		[]domain.Event{shelling(t, kharkivB, "Six civilians were killed when artillery struck Kharkiv on Tuesday", "2024-04-02", "Kharkiv", 49.99, 36.23, 9, "Russian defence ministry")},
		[]domain.Entity{{Span: span(t, kharkivB, "rebels"), Type: domain.ArmedGroup, Canonical: "Military Forces of Russia", Label: "rebels"}})
	c := fixtureRecord(t, "c.txt", "Black Sea Bulletin", "Drone hits Odesa port", "2024-04-03", odesa,
		[]domain.Event{shelling(t, odesa, "A drone hit warehouses in the port of Odesa", "2024-04-03", "Odesa", 46.48, 30.72, 0, "Ukrainian Navy")}, nil)
	return []domain.Record{a, b, c}
}

// fixtureStore opens a store in a temporary directory holding the
// fixture records.
func fixtureStore(t testing.TB) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutDocuments(ctx, fixtureRecords(t)); err != nil {
		t.Fatal(err)
	}
	return st
}
