package domain

// Entity types of the contract.
const (
	Person       = "PERSON"
	Organization = "ORGANIZATION"
	ArmedGroup   = "ARMED_GROUP"
	Place        = "PLACE"
)

// Entity is one mention of a person, organisation, armed group or place.
type Entity struct {
	Span
	Type      string  `json:"type"`
	Canonical string  `json:"canonical"`
	KBID      *string `json:"kb_id"`
	// Label is the word the outlet used for a group in this mention
	// ("terrorists", "rebels", "militants"); it feeds outlet-framing
	// comparison.
	Label string `json:"label,omitempty"`
	// Side and Country come from the knowledge base when known.
	Side    string `json:"side,omitempty"`
	Country string `json:"country,omitempty"`
	// Lat/Lon for places found in the gazetteer.
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`
	Admin1    string   `json:"admin1,omitempty"`
}

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionRange = "range"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// DateMention is a temporal expression resolved to a calendar value:
// YYYY-MM-DD, YYYY-MM, YYYY, or a range START/END of days.
type DateMention struct {
	Span
	Value     string `json:"value"`
	Precision string `json:"precision"`
}

// Quantity kinds of the contract.
const (
	KindKilled             = "killed"
	KindInjured            = "injured"
	KindEvacuated          = "evacuated"
	KindDisplaced          = "displaced"
	KindDetained           = "detained"
	KindSurrendered        = "surrendered"
	KindTrapped            = "trapped"
	KindTerritoryPercent   = "territory_percent"
	KindEquipmentDestroyed = "equipment_destroyed"
	KindOther              = "other"
)

// Quantity is a counted figure with its kind, bounds, subject and claimant.
// Value is nil when the words give no number ("hundreds", "scores").
type Quantity struct {
	Span
	Kind      string   `json:"kind"`
	Value     *float64 `json:"value"`
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Subject   string   `json:"subject"`
	ClaimedBy string   `json:"claimed_by"`
	// Hedges are the words that weaken the claim ("so-called", "allegedly").
	Hedges []string `json:"hedges,omitempty"`
}

// Num returns a pointer to f.
func Num(f float64) *float64 { return &f }
