package storetest

import "github.com/sitrep/sitrep/internal/domain"

// The corpus below is a handful of short reports written for these tests:
// a wire story printed by two outlets, a later report of the same strike
// with a higher toll, an unrelated strike the same day, a battle a week
// later and an undated air strike in another country.

const wireStory = `Russian forces shelled the centre of Kharkiv on Thursday, killing at least seven people and
wounding more than twenty, the regional governor said. Rescue teams worked through the night to clear
rubble from a residential block near the central market, where several floors collapsed after a strike.`

// Corpus returns six records with events, for merging, filtering and
// search tests: four incidents, one of them contested.
func Corpus() []domain.Record {
	a := withEvents(Record("a.txt", "Outlet A", "Kharkiv shelled", wireStory), "AFP",
		shelling("2023-03-02", "Kharkiv", 49.99, 36.23, 7, "Oleh Syniehubov"))
	b := withEvents(Record("b.txt", "Outlet B", "Deadly strike on Kharkiv", wireStory+" The mayor called it terror."), "AFP",
		shelling("2023-03-02", "Kharkiv", 49.99, 36.23, 7, "Oleh Syniehubov"))
	c := withEvents(Record("c.txt", "Outlet C", "Kharkiv attack toll rises",
		"Officials in the city raised the toll from the attack on the market district to eleven dead on Friday."), "",
		shelling("2023-03-03", "Kharkiv", 49.99, 36.23, 11, "Ihor Terekhov"))
	d := withEvents(Record("d.txt", "Outlet D", "Odesa port hit",
		"A missile struck warehouses in the port of Odesa overnight, the navy said."), "",
		shelling("2023-03-02", "Odesa", 46.48, 30.72, 0, "Ukrainian Navy"))
	e := withEvents(Record("e.txt", "Outlet C", "Fighting in Bakhmut",
		"Wagner fighters pushed into the northern districts of Bakhmut after days of street fighting, a Ukrainian commander said."), "",
		battle("2023-03-11", "Bakhmut", 48.59, 38.0))
	f := withEvents(Record("f.txt", "Outlet E", "Air raid near Idlib",
		"Warplanes struck a village south of Idlib, monitors said, without giving a date or a toll."), "",
		airStrike())
	return []domain.Record{a, b, c, d, e, f}
}

func withEvents(r domain.Record, wire string, evs ...domain.Event) domain.Record {
	r.Document.Events = evs
	r.Document.Source.Wire = domain.Str(wire)
	r.ID = r.Document.Fingerprint()
	return r
}

func shelling(date, place string, lat, lon, killed float64, claimant string) domain.Event {
	return domain.Event{EventType: domain.ExplosionsRemoteViolence, SubEventType: "Shelling/artillery/missile attack",
		Date: domain.Str(date), TimePrecision: 1, Modality: domain.ModalityAsserted, ClaimedBy: claimant,
		Location: &domain.Location{Name: place, Country: "Ukraine", Latitude: &lat, Longitude: &lon, GeoPrecision: 1},
		Actor1:   domain.Str("Military Forces of Russia"), Fatalities: domain.Num(killed),
		Span: domain.Span{Text: "shelling of " + place}}
}

func battle(date, place string, lat, lon float64) domain.Event {
	return domain.Event{EventType: domain.Battles, SubEventType: "Armed clash",
		Date: domain.Str(date), TimePrecision: 1, Modality: domain.ModalityAsserted, ClaimedBy: "Ukrainian commander",
		Location: &domain.Location{Name: place, Country: "Ukraine", Latitude: &lat, Longitude: &lon, GeoPrecision: 1},
		Actor1:   domain.Str("Wagner Group"), Actor2: domain.Str("Military Forces of Ukraine"),
		Span: domain.Span{Text: "street fighting"}}
}

func airStrike() domain.Event {
	lat, lon := 35.93, 36.63
	return domain.Event{EventType: domain.ExplosionsRemoteViolence, SubEventType: "Air/drone strike",
		TimePrecision: 3, Modality: domain.ModalityAsserted, ClaimedBy: "monitors",
		Location: &domain.Location{Name: "Idlib", Country: "Syria", Latitude: &lat, Longitude: &lon, GeoPrecision: 2},
		Actor1:   domain.Str("Military Forces of Syria"),
		Span:     domain.Span{Text: "Warplanes struck a village"}}
}
