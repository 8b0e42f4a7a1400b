package domain

// Event types of the taxonomy (ACLED's six, plus sitrep's own two).
const (
	Battles                  = "Battles"
	ExplosionsRemoteViolence = "Explosions/Remote violence"
	ViolenceAgainstCivilians = "Violence against civilians"
	Protests                 = "Protests"
	Riots                    = "Riots"
	StrategicDevelopments    = "Strategic developments"
	Humanitarian             = "Humanitarian"
	Diplomacy                = "Diplomacy"
)

// Modalities of an event: whether the text says it happened.
const (
	ModalityAsserted       = "asserted"
	ModalityDenied         = "denied"
	ModalityPlanned        = "planned"
	ModalityReportedHalted = "reported halted"
)

// Location is where an event took place, on ACLED's precision scale
// (1 = the named town or neighbourhood, 2 = a nearby or containing area,
// 3 = region or country).
type Location struct {
	Name         string   `json:"name"`
	Admin1       string   `json:"admin1"`
	Country      string   `json:"country"`
	Latitude     *float64 `json:"latitude"`
	Longitude    *float64 `json:"longitude"`
	GeoPrecision int      `json:"geo_precision"`
}

// Event is one occurrence a document reports, with its evidence.
type Event struct {
	EventType     string     `json:"event_type"`
	SubEventType  string     `json:"sub_event_type"`
	Date          *string    `json:"date"`
	DateEnd       *string    `json:"date_end"`
	TimePrecision int        `json:"time_precision"`
	Location      *Location  `json:"location"`
	Actor1        *string    `json:"actor1"`
	Actor2        *string    `json:"actor2"`
	Fatalities    *float64   `json:"fatalities"`
	Injured       *float64   `json:"injured"`
	Quantities    []Quantity `json:"quantities"`
	ClaimedBy     string     `json:"claimed_by"`
	Modality      string     `json:"modality"`
	// Trigger is the word that typed the event.
	Trigger string `json:"trigger,omitempty"`
	Span
}

// Figure is a UCDP-style estimate over several claims.
type Figure struct {
	Low  *float64 `json:"low"`
	Best *float64 `json:"best"`
	High *float64 `json:"high"`
}

// Incident statuses.
const (
	StatusCorroborated = "corroborated"
	StatusSingleSource = "single-source"
	StatusContested    = "contested"
)

// Report is one document's account of an incident: a claim with its outlet,
// wire and claimant.
type Report struct {
	Doc   string `json:"doc"`
	DocID string `json:"document_id"`
	// EventIndex is the event's position in its document's events.
	EventIndex int     `json:"event_index"`
	ID         *string `json:"id"`
	Outlet     *string `json:"outlet"`
	Wire       *string `json:"wire"`
	ClaimedBy  string  `json:"claimed_by"`
	Date       *string `json:"date"`
	Modality   string  `json:"modality"`
	// Source groups reports that are copies of one story (same wire story
	// or near-verbatim rewrite): independent sources are distinct Source
	// values.
	Source string `json:"source_group"`
	Span
}

// ConflictValue is one claimed value of a contested field.
type ConflictValue struct {
	Value     any    `json:"value"`
	ClaimedBy string `json:"claimed_by"`
}

// Conflict records a field on which reports disagree.
type Conflict struct {
	Field  string          `json:"field"`
	Values []ConflictValue `json:"values"`
}

// Incident is one real-world occurrence merged from the events of
// several reports.
type Incident struct {
	ID                 string     `json:"id"`
	EventType          string     `json:"event_type"`
	SubEventType       string     `json:"sub_event_type"`
	Date               *string    `json:"date"`
	DateEnd            *string    `json:"date_end"`
	TimePrecision      int        `json:"time_precision"`
	Location           *Location  `json:"location"`
	Actor1             *string    `json:"actor1"`
	Actor2             *string    `json:"actor2"`
	Fatalities         *Figure    `json:"fatalities"`
	Injured            *Figure    `json:"injured"`
	Status             string     `json:"status"`
	IndependentSources int        `json:"independent_sources"`
	Reports            []Report   `json:"reports"`
	Conflicts          []Conflict `json:"conflicts"`
}
