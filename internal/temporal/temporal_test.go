package temporal

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Anchors of the test sentences, with their weekdays.
var (
	gaza    = day("2023-10-12") // Thursday
	ukraine = day("2022-03-02") // Wednesday
	yemen   = day("2015-06-10") // Wednesday
	newYear = day("2024-01-03") // Wednesday
	syria   = day("2019-12-30") // Monday
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// got is what a test compares: the quoted words and the value.
type got struct{ Text, Value string }

func resolveAll(text string, anchor time.Time) []got {
	var out []got
	for _, m := range Resolve(text, anchor) {
		if text[m.Start:m.End] != m.Text {
			out = append(out, got{"BAD OFFSETS " + m.Text, m.Value})
			continue
		}
		out = append(out, got{m.Text, m.Value})
	}
	return out
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		anchor time.Time
		want   []got
	}{
		// weekdays: the most recent one, the same day counting
		{"weekday", "Israeli jets struck the Jabalia camp on Wednesday, health officials said.", gaza,
			[]got{{"on Wednesday", "2023-10-11"}}},
		{"weekday same day", "The ministry said on Thursday that 1,200 people had been killed.", gaza,
			[]got{{"on Thursday", "2023-10-12"}}},
		{"early on", "Hamas fighters crossed into Israel early on Saturday.", gaza,
			[]got{{"early on Saturday", "2023-10-07"}}},
		{"late on weekday with date", "Late on Monday, October 9, the army ordered a total siege.", gaza,
			[]got{{"Late on Monday, October 9", "2023-10-09"}}},
		{"possessive", "Thursday's strikes hit a school in Khan Younis.", gaza,
			[]got{{"Thursday's", "2023-10-12"}}},
		{"possessive curly", "Thursday\u2019s announcement came after hours of talks.", gaza,
			[]got{{"Thursday\u2019s", "2023-10-12"}}},
		{"weekday night", "Residents fled on Tuesday night as the shelling intensified.", gaza,
			[]got{{"on Tuesday night", "2023-10-10"}}},
		{"earlier on", "Earlier on Friday, a rocket hit a house in Ashkelon.", gaza,
			[]got{{"Earlier on Friday", "2023-10-06"}}},
		{"AP style bare weekday", "Israel's military said Tuesday it had called up 300,000 reservists.", gaza,
			[]got{{"Tuesday", "2023-10-10"}}},
		{"clock time before weekday", "The sirens sounded at 10:00 on Tuesday in Sderot.", gaza,
			[]got{{"on Tuesday", "2023-10-10"}}},
		{"newspaper name", "The Sunday Times reported that the convoy was hit.", gaza, nil},
		{"black friday is not a date", "Shops reported strong Black Friday sales in Tel Aviv.", gaza, nil},

		// deictic words
		{"yesterday", "Two rockets were fired yesterday, the army said.", gaza,
			[]got{{"yesterday", "2023-10-11"}}},
		{"today", "Officials said today that the Rafah crossing would stay closed.", gaza,
			[]got{{"today", "2023-10-12"}}},
		{"overnight", "Overnight, warplanes pounded the north of the strip.", gaza,
			[]got{{"Overnight", "2023-10-11/2023-10-12"}}},
		{"overnight adjective", "After overnight talks, the sides agreed to a pause.", gaza,
			[]got{{"overnight", "2023-10-11/2023-10-12"}}},
		{"last night", "Air raid sirens wailed across the south last night.", gaza,
			[]got{{"last night", "2023-10-11"}}},
		{"tonight", "The cabinet will meet tonight to discuss a ground operation.", gaza,
			[]got{{"tonight", "2023-10-12"}}},
		{"this week", "Kharkiv has been shelled every day this week.", ukraine,
			[]got{{"this week", "2022-02-28/2022-03-02"}}},
		{"earlier this week", "Earlier this week, Israel withdrew some troops from Gaza City.", newYear,
			[]got{{"Earlier this week", "2024-01-01/2024-01-03"}}},
		{"last week", "Last week, Moscow recognised the two breakaway regions.", ukraine,
			[]got{{"Last week", "2022-02-21/2022-02-27"}}},
		{"last month", "The strike on the hospital last month drew condemnation.", newYear,
			[]got{{"last month", "2023-12"}}},
		{"last year", "Israel said last year it would expand settlements.", newYear,
			[]got{{"last year", "2023"}}},
		{"over the weekend", "Rebels shelled the town over the weekend, residents said.", syria,
			[]got{{"over the weekend", "2019-12-28/2019-12-29"}}},
		{"last tuesday", "The convoy was hit last Tuesday near Idlib.", syria,
			[]got{{"last Tuesday", "2019-12-24"}}},

		// windows before and after the anchor
		{"during the past days", "The UN said 136 civilians had been killed during the past six days.", ukraine,
			[]got{{"during the past six days", "2022-02-24/2022-03-01"}}},
		{"for the past days", "Explosions have been heard in the capital for the past 10 days.", ukraine,
			[]got{{"for the past 10 days", "2022-02-20/2022-03-02"}}},
		{"over the past hours", "Over the past 24 hours, 12 towns came under fire.", ukraine,
			[]got{{"Over the past 24 hours", "2022-03-01/2022-03-02"}}},
		{"previous three days", "The army said militants had fired 40 rockets during the previous three days.", gaza,
			[]got{{"during the previous three days", "2023-10-09/2023-10-11"}}},
		{"past week", "Aid agencies said in the past week 400,000 people had fled.", gaza,
			[]got{{"in the past week", "2023-10-05/2023-10-12"}}},
		{"next days range", "He said he expected the city to fall in the next two to three days.", newYear,
			[]got{{"in the next two to three days", "2024-01-04/2024-01-06"}}},
		{"in N to M days", "\"It will be over in two to three days,\" the commander said.", newYear,
			[]got{{"in two to three days", "2024-01-05/2024-01-06"}}},
		{"vague window is not a date", "Over the past few months, the city has seen intense fighting.", syria, nil},
		{"coming days is not a date", "More aid is expected in the coming days.", syria, nil},

		// counted offsets
		{"days ago", "The port of Hodeidah was bombed two days ago.", yemen,
			[]got{{"two days ago", "2015-06-08"}}},
		{"weeks ago", "The truce collapsed three weeks ago.", yemen,
			[]got{{"three weeks ago", "2015-05-20"}}},
		{"days later", "The town fell on Saturday. The siege was lifted two days later.", syria,
			[]got{{"on Saturday", "2019-12-28"}, {"two days later", "2019-12-30"}}},
		{"days after", "Clashes erupted on Friday. The raid came three days after the killing of a commander.", syria,
			[]got{{"on Friday", "2019-12-27"}, {"three days after", "2019-12-24"}}},

		// anaphora to the narrative time
		{"previous day", "Air strikes killed 20 people on Monday after talks collapsed the previous day.", yemen,
			[]got{{"on Monday", "2015-06-08"}, {"the previous day", "2015-06-07"}}},
		{"the day before", "Israel said on Monday it had struck 200 targets the day before.", gaza,
			[]got{{"on Monday", "2023-10-09"}, {"the day before", "2023-10-08"}}},
		{"the following day", "The envoy arrived in Sanaa on Sunday and met Houthi leaders the following day.", yemen,
			[]got{{"on Sunday", "2015-06-07"}, {"the following day", "2015-06-08"}}},
		{"during the day", "Shelling resumed late on Thursday and 18 people died during the day.", gaza,
			[]got{{"late on Thursday", "2023-10-12"}, {"during the day", "2023-10-12"}}},
		{"later in the day", "Rockets hit Ashdod on Monday. Later in the day, the army struck back.", gaza,
			[]got{{"on Monday", "2023-10-09"}, {"Later in the day", "2023-10-09"}}},
		{"that same day", "The envoy landed on Sunday and met the rebels that same day.", yemen,
			[]got{{"on Sunday", "2015-06-07"}, {"that same day", "2015-06-07"}}},
		{"as of weekday", "As of Monday, 1,300 people had crossed into Egypt.", gaza,
			[]got{{"As of Monday", "2023-10-09"}}},
		{"dateline abbreviation", "ALEPPO, Syria, Dec 8 (Reuters) - Rebels fell back on Thursday (Dec. 8).", day("2016-12-09"),
			[]got{{"Dec 8", "2016-12-08"}, {"on Thursday", "2016-12-08"}, {"Dec. 8", "2016-12-08"}}},
		{"late last month", "The talks broke down late last month.", newYear,
			[]got{{"late last month", "2023-12"}}},
		{"same day", "Lavrov spoke on Tuesday. On the same day, the army pulled back.", gaza,
			[]got{{"on Tuesday", "2023-10-10"}, {"On the same day", "2023-10-10"}}},
		{"since then", "The war began on October 7. Since then, thousands have been killed.", newYear,
			[]got{{"on October 7", "2023-10-07"}, {"Since then", "2023-10-07/2024-01-03"}}},
		{"today in a quotation", "Lavrov spoke on Tuesday. \"Today we agreed on a pause,\" he said.", gaza,
			[]got{{"on Tuesday", "2023-10-10"}, {"Today", "2023-10-10"}}},

		// explicit and partial dates
		{"month day", "The attack began on October 7 and has not stopped.", gaza,
			[]got{{"on October 7", "2023-10-07"}}},
		{"day month year", "The full-scale invasion began on 24 February 2022.", ukraine,
			[]got{{"on 24 February 2022", "2022-02-24"}}},
		{"month day same day", "Russian forces entered Kherson on March 2.", ukraine,
			[]got{{"on March 2", "2022-03-02"}}},
		{"abbreviated month", "The first round of talks was held on Feb. 28 in Belarus.", ukraine,
			[]got{{"on Feb. 28", "2022-02-28"}}},
		{"ordinal", "The ceasefire was signed on December 14th in Sochi.", syria,
			[]got{{"on December 14th", "2019-12-14"}}},
		{"ordinal of month", "Elections are set for the 14th of December.", syria,
			[]got{{"14th of December", "2019-12-14"}}},
		{"month day comma year", "The Security Council met on December 30, 2023.", newYear,
			[]got{{"on December 30, 2023", "2023-12-30"}}},
		{"year inferred across new year", "The strike on the market happened on December 30.", newYear,
			[]got{{"on December 30", "2023-12-30"}}},
		{"future date with cue", "Talks are due to resume on January 8.", newYear,
			[]got{{"on January 8", "2024-01-08"}}},
		{"past when no cue", "The talks collapsed on June 18 after a walkout.", yemen,
			[]got{{"on June 18", "2014-06-18"}}},
		{"future weekday scheduled", "The talks in Geneva are scheduled for Sunday.", yemen,
			[]got{{"for Sunday", "2015-06-14"}}},
		{"set on fire is not future", "A car was set on fire on Monday in Hebron.", gaza,
			[]got{{"on Monday", "2023-10-09"}}},
		{"due to cause is not future", "The crossing closed due to fighting on Monday.", gaza,
			[]got{{"on Monday", "2023-10-09"}}},
		{"due to resume", "Talks are due to resume on Monday in Cairo.", gaza,
			[]got{{"on Monday", "2023-10-16"}}},
		{"comma ends the cue", "Israel will respond, the minister said on Monday.", gaza,
			[]got{{"on Monday", "2023-10-09"}}},
		{"future weekday will", "A humanitarian pause will begin on Friday.", yemen,
			[]got{{"on Friday", "2015-06-12"}}},
		{"iso date", "The report, dated 2019-12-20, listed 1,500 violations.", syria,
			[]got{{"2019-12-20", "2019-12-20"}}},
		{"zero anchor keeps absolute dates", "Clashes erupted on Wednesday, 14 December 2016, and on Thursday, as in 2012.", time.Time{},
			[]got{{"on Wednesday, 14 December 2016", "2016-12-14"}, {"in 2012", "2012"}}},
		{"zero anchor drops since", "The city has been divided since 2012.", time.Time{}, nil},
		{"weekday then date", "Clashes erupted on Wednesday, 14 December 2016, in Aleppo.", syria,
			[]got{{"on Wednesday, 14 December 2016", "2016-12-14"}}},

		// months and years
		{"month year then verb", "The truce that began in April 2022 expired in October.", day("2023-04-25"),
			[]got{{"in April 2022", "2022-04"}, {"in October", "2022-10"}}},
		{"date last year", "Refugees have fled since the invasion of Feb. 24 last year.", day("2023-04-25"),
			[]got{{"Feb. 24 last year", "2022-02-24"}}},
		{"in month year", "The war in Yemen escalated in March 2015 when the coalition intervened.", yemen,
			[]got{{"in March 2015", "2015-03"}}},
		{"month year bare", "Syria's crisis began in March 2011 with peaceful protests.", syria,
			[]got{{"in March 2011", "2011-03"}}},
		{"since month year", "Houthi rebels have controlled Sanaa since September 2014.", yemen,
			[]got{{"since September 2014", "2014-09-01/2015-06-10"}}},
		{"since year", "The country has been at war since 2014.", yemen,
			[]got{{"since 2014", "2014-01-01/2015-06-10"}}},
		{"in year", "In 2011, protests forced the president to step down.", yemen,
			[]got{{"In 2011", "2011"}}},
		{"year followed by a noun is a count", "Shells damaged roughly 2000 homes in 2000 homes district.", yemen, nil},
		{"bare month with in", "Hundreds were killed in March in Aden.", yemen,
			[]got{{"in March", "2015-03"}}},
		{"month a modal verb", "Fighters may attack again, officials warned.", yemen, nil},
		{"march a noun", "The march on Sunday drew thousands in Sanaa.", yemen,
			[]got{{"on Sunday", "2015-06-07"}}},
		{"mid month", "The offensive stalled in mid-December.", syria,
			[]got{{"in mid-December", "2019-12"}}},
		{"early year", "The group lost its last stronghold in early 2019.", syria,
			[]got{{"in early 2019", "2019"}}},
		{"two months", "The group seized Mosul in June 2014 and held it until July 2017.", syria,
			[]got{{"in June 2014", "2014-06"}, {"until July 2017", "2017-07"}}},
		{"decade is not a year", "Since the 1990s the region has seen repeated wars.", gaza, nil},
		{"of year", "By the end of 2015, the group had lost Tikrit.", syria,
			[]got{{"2015", "2015"}}},
		{"after month day", "Aid stopped after December 20, officials said.", syria,
			[]got{{"December 20", "2019-12-20"}}},
		{"of bare month is not a date", "The Queen of May parade was cancelled in Kyiv.", syria, nil},
		{"since a season", "The town has been shelled almost daily since the spring of 2023.", day("2024-03-12"),
			[]got{{"since the spring of 2023", "2023-03-01/2024-03-12"}}},
		{"winter crosses the year", "Fighting paused in winter 2022 before resuming.", day("2024-03-12"),
			[]got{{"in winter 2022", "2022-12-01/2023-02-28"}}},
		{"season without year", "The fall of Aleppo in the summer was a turning point.", day("2024-03-12"), nil},
		{"old year", "Hundreds of thousands of Palestinians fled in 1948.", gaza,
			[]got{{"in 1948", "1948"}}},
		{"year after the", "The 2014 war lasted 50 days.", gaza, nil},

		// ranges
		{"between days", "The coalition said it struck weapons depots between 12 and 19 May.", yemen,
			[]got{{"between 12 and 19 May", "2015-05-12/2015-05-19"}}},
		{"from to days", "Fighting raged from 3 to 5 June in Aden.", yemen,
			[]got{{"from 3 to 5 June", "2015-06-03/2015-06-05"}}},
		{"between months", "Between March and May, more than 2,000 people were killed.", yemen,
			[]got{{"Between March and May", "2015-03-01/2015-05-31"}}},
		{"day range hyphen", "Talks were held on 12-14 May in Riyadh.", yemen,
			[]got{{"on 12-14 May", "2015-05-12/2015-05-14"}}},
		{"weekday range", "From Monday to Wednesday, 300 people fled the north.", gaza,
			[]got{{"From Monday to Wednesday", "2023-10-09/2023-10-11"}}},
		{"hyphenated years", "At its height in 2014-2015, the group held a third of Iraq.", syria,
			[]got{{"in 2014-2015", "2014-01-01/2015-12-31"}}},
		{"year range", "From 2014 to 2017 the group held Mosul.", syria,
			[]got{{"From 2014 to 2017", "2014-01-01/2017-12-31"}}},

		// durations are not dates
		{"week-long truce", "A week-long truce came to an end across the country.", syria, nil},
		{"hour pause", "Russia announced an 11-hour humanitarian pause.", syria, nil},
		{"weeks into", "Three weeks into the offensive, troops had taken the airport.", syria, nil},
		{"year war", "Talks to end the nearly six-year war should resume soon.", syria, nil},
		{"days duration", "The five-day ceasefire held for two days.", syria, nil},
		{"occasions", "Militants shelled the city on 62 occasions.", syria, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, resolveAll(tc.text, tc.anchor)); diff != "" {
				t.Errorf("Resolve(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestInferPublished(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		captions []string
		want     string // "" when nothing can be inferred
	}{
		{"no full date", "Shelling resumed on Thursday in the east of the city.", nil, ""},
		{"latest date, no weekday", "The truce ended on 19 September 2016. Talks began on September 22, 2016.", nil, "2016-09-22"},
		{"moved to the weekday named most", "The offensive began on September 22, 2016. On Wednesday the army said it had taken the camp. Also on Wednesday, talks were held. On Monday, ministers met.", nil, "2016-09-28"},
		{"weekday tie goes to the later day", "Strikes hit the city on 14 December 2016. On Wednesday, 300 people left; on Thursday, buses returned.", nil, "2016-12-15"},
		{"caption date counts", "Reports on Thursday said a deal was reached.", []string{"Troops advance in Aleppo on December 14, 2016. (Photo by AFP)"}, "2016-12-15"},
		{"same weekday as the date", "Clashes broke out on Friday, October 28, 2016, and again on Friday night.", nil, "2016-10-28"},
		{"dateline with clock time", "Wed Oct 19, 2016 6:6PM\n\nThe two leaders spoke on Wednesday.", nil, "2016-10-19"},
		{"announced dates are no evidence", "Fighting resumed on December 14, 2016. Talks are scheduled for December 20, 2016.", nil, "2016-12-14"},
		{"month only is not enough", "The war began in March 2011 and has not stopped.", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := InferPublished(tc.body, tc.captions)
			s := ""
			if ok {
				s = got.Format("2006-01-02")
			}
			if s != tc.want {
				t.Errorf("InferPublished(%q) = %q, want %q", tc.body, s, tc.want)
			}
		})
	}
}
