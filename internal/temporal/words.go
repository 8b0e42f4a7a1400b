package temporal

// The word tables are closed-class English vocabulary (calendar names,
// small number words), not analyst data, so they live in code.

// months maps month names and their abbreviations to 1..12. abbrev marks
// the short forms, which count only next to a day number or a year.
var months = map[string]struct {
	m      int
	abbrev bool
}{
	"january": {1, false}, "february": {2, false}, "march": {3, false}, "april": {4, false},
	"may": {5, false}, "june": {6, false}, "july": {7, false}, "august": {8, false},
	"september": {9, false}, "october": {10, false}, "november": {11, false}, "december": {12, false},
	"jan": {1, true}, "feb": {2, true}, "mar": {3, true}, "apr": {4, true}, "jun": {6, true},
	"jul": {7, true}, "aug": {8, true}, "sep": {9, true}, "sept": {9, true}, "oct": {10, true},
	"nov": {11, true}, "dec": {12, true},
}

// weekdays maps weekday names (and the common abbreviations) to
// time.Weekday values.
var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 0,
}

// numberWords are the counts that appear in relative expressions
// ("two days ago", "the previous three days").
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
}

// units of relative expressions, in days for day/week; months and years
// are handled by calendar arithmetic.
const (
	uHour = iota + 1
	uDay
	uWeek
	uMonth
	uYear
)

var units = map[string]int{
	"hour": uHour, "hours": uHour, "day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek,
	"month": uMonth, "months": uMonth, "year": uYear, "years": uYear,
}

// partsOfDay may follow a weekday ("Wednesday night") and stay in its span.
var partsOfDay = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "night": true, "midday": true,
	"noon": true, "overnight": true, "dawn": true,
}

// futureCues in the few words before a weekday or a partial date make it
// point forward ("scheduled for Thursday", "will meet on Monday").
var futureCues = map[string]bool{
	"will": true, "ll": true, "shall": true, "scheduled": true, "due": true, "slated": true,
	"planned": true, "expected": true, "upcoming": true, "set": true, "plans": true, "plan": true,
	"next": true,
}

// dueVerbs make "due to" point forward ("due to resume on Monday") rather
// than give a cause ("due to fighting on Monday").
var dueVerbs = map[string]bool{
	"be": true, "begin": true, "start": true, "resume": true, "meet": true, "arrive": true,
	"take": true, "hold": true, "visit": true, "vote": true, "open": true, "end": true,
	"expire": true, "travel": true, "return": true, "sign": true, "leave": true, "attend": true,
	"speak": true, "address": true, "announce": true, "present": true, "publish": true,
	"release": true, "decide": true, "convene": true, "reopen": true, "close": true, "hand": true,
}

// nameWords after a weekday make it part of a title ("the Sunday Times").
var nameWords = map[string]bool{
	"times": true, "telegraph": true, "express": true, "herald": true, "post": true, "mirror": true,
	"observer": true, "tribune": true, "star": true, "sport": true, "school": true, "league": true,
}

// yearFollowers are the lower-case words that may follow a bare year after
// a preposition ("in 2014 the group..."); any other lower-case word makes
// the number a count ("in 2000 homes").
var yearFollowers = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "to": true, "when": true,
	"after": true, "before": true, "as": true, "with": true, "while": true, "where": true, "that": true,
	"which": true, "it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "its": true,
	"their": true, "his": true, "her": true, "at": true, "on": true, "in": true, "of": true, "for": true,
	"by": true, "from": true, "under": true, "since": true, "until": true, "alone": true, "had": true,
	"has": true, "have": true, "was": true, "were": true, "is": true, "are": true, "during": true,
	"amid": true, "following": true, "there": true, "this": true, "these": true, "those": true,
	"then": true, "through": true, "onwards": true, "onward": true,
	"elections": true, "election": true, "war": true, "invasion": true, "uprising": true, "revolution": true,
	"offensive": true, "agreement": true, "deal": true, "ceasefire": true, "truce": true, "census": true,
	"report": true, "attack": true, "attacks": true, "conflict": true, "coup": true, "protests": true,
	"vote": true, "referendum": true, "summit": true, "campaign": true, "crisis": true, "not": true,
	"so": true, "because": true, "if": true, "between": true, "against": true, "across": true,
	"among": true, "toward": true, "towards": true, "into": true, "onto": true, "over": true,
	"unless": true, "whereas": true, "although": true, "though": true, "despite": true,
	"within": true, "without": true, "about": true, "around": true, "near": true, "along": true,
	"beyond": true, "up": true, "out": true, "off": true, "would": true, "will": true, "could": true,
	"did": true, "does": true, "do": true, "been": true, "be": true, "being": true, "no": true,
	"more": true, "most": true, "nearly": true, "almost": true, "again": true, "also": true,
	"both": true, "each": true, "all": true, "every": true, "just": true, "once": true,
	"killed": true, "said": true, "saw": true, "began": true, "many": true, "some": true, "only": true,
}

// yearPreps make a following bare four-digit number a year.
var yearPreps = map[string]bool{
	"in": true, "since": true, "from": true, "by": true, "until": true, "till": true, "during": true,
	"before": true, "after": true, "between": true, "early": true, "late": true, "mid": true,
	"throughout": true, "of": true, "through": true, "around": true, "circa": true,
}
