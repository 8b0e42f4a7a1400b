package cleaning

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
)

// TestOutletLayouts runs text copies laid out the way common news sites
// lay out their pages (the sentences are the team's own). They guard the
// general rules against the layouts the development set does not have.
func TestOutletLayouts(t *testing.T) {
	c := sharedTestCleaner(t)
	tests := []struct {
		name                              string
		page                              string
		keep, drop                        []string
		headline, outlet, wire, published string
	}{
		{
			name: "broadcaster with topic line and doubled date",
			page: "Skip links\nSkip to Content\nLive\nNavigation menu\nNews|Yemen War\n\n" +
				"Saudi-led coalition strikes Houthi positions near Hodeidah\n\n" +
				"Published On 12 Jun 2018\n12 Jun 2018\n\n" +
				"Save articles to read later and create your own reading list.\n\n" +
				"Coalition jets struck Houthi positions south of Hodeidah on Tuesday, residents said, as forces loyal to the government pushed towards the port.\n\n" +
				"Aid groups warned that fighting in the city could cut off supplies to millions of people.\n\n" +
				"Source: Al Jazeera and news agencies",
			keep:      []string{"Coalition jets struck Houthi positions", "Aid groups warned"},
			drop:      []string{"reading list", "Source:", "12 Jun 2018"},
			headline:  "Saudi-led coalition strikes Houthi positions near Hodeidah",
			outlet:    "Al Jazeera",
			published: "2018-06-12",
		},
		{
			name: "agency site with glued date line",
			page: "Skip to main content\n\nReuters home\n\nWorld\n\nMiddle East\n\n" +
				"Turkish forces shell Kurdish fighters in northern Syria\n\nBy Daren Butler\n\n" +
				"October 20, 20164:21 PM UTCUpdated 8 years ago\n\n" +
				"ISTANBUL (Reuters) - Turkish artillery shelled Kurdish militia positions north of Aleppo overnight, the army said on Thursday.\n\n" +
				"The army said up to 200 fighters had been killed in 18 air strikes, a figure that could not be independently verified.\n\n" +
				"Reporting by Daren Butler; Editing by Dominic Evans\n\nOur Standards: The Thomson Reuters Trust Principles.",
			keep:     []string{"Turkish artillery shelled Kurdish militia positions", "could not be independently verified."},
			drop:     []string{"Reuters home", "Reporting by", "Trust Principles", "UTC"},
			headline: "Turkish forces shell Kurdish fighters in northern Syria",
			outlet:   "Reuters", wire: "Reuters", published: "2016-10-20",
		},
		{
			name: "agency page with its name in capitals",
			page: "AP NEWS\n\nTop Stories\n\nEvacuation of Aleppo resumes after delay\n\nBy ZEINA KARAM and PHILIP ISSA\n\n" +
				"Published 8:14 AM EST, December 18, 2016\n\n" +
				"BEIRUT (AP) — Buses carrying residents out of eastern Aleppo resumed their journeys on Sunday after a day-long delay, activists said.\n\n" +
				"Associated Press writer Bassem Mroue in Beirut contributed to this report.",
			keep:     []string{"Buses carrying residents out of eastern Aleppo"},
			drop:     []string{"contributed to this report", "Top Stories"},
			headline: "Evacuation of Aleppo resumes after delay",
			outlet:   "Associated Press", wire: "AP", published: "2016-12-18",
		},
		{
			name: "public broadcaster with image source and caption lines",
			page: "Skip to content\n\nBBC Homepage\n\nSyria war: Russia and Turkey agree Idlib ceasefire\n\n5 March 2020\n\nShare\n\nRelated Topics\n\nSyrian civil war\n\n" +
				"Image source, Reuters\n\nImage caption, Displaced families have fled towards the Turkish border\n\n" +
				"Russia and Turkey have agreed a ceasefire in Syria's north-western Idlib province, their presidents said after talks in Moscow.\n\n" +
				"The truce took effect at midnight local time.\n\nRelated Topics\n\nMore on this story\n\nTurkey shoots down Syrian jets",
			keep:     []string{"Russia and Turkey have agreed a ceasefire", "The truce took effect at midnight local time."},
			drop:     []string{"Image source", "Displaced families", "Related Topics", "shoots down", "Syrian civil war"},
			headline: "Syria war: Russia and Turkey agree Idlib ceasefire",
			outlet:   "BBC News", published: "2020-03-05",
		},
		{
			name: "newspaper with age warning and dotted time",
			page: "Syria\n\nThis article is more than 7 years old\n\nRussian jets pound rebel-held Aleppo as truce collapses\n\n" +
				"Martin Chulov in Beirut\n\nMon 10 Oct 2016 13.20 BST\n\nShare\n\n" +
				"Russian jets carried out dozens of air strikes on rebel-held eastern Aleppo on Monday, a day after a ceasefire collapsed.\n\n" +
				"Explore more on these topics\n\nSyria\n\nMiddle East and north Africa\n\nReuse this content",
			keep:      []string{"Russian jets carried out dozens of air strikes"},
			drop:      []string{"more than 7 years old", "Explore more", "Reuse this content"},
			headline:  "Russian jets pound rebel-held Aleppo as truce collapses",
			published: "2016-10-10",
		},
		{
			name: "turkish daily with agency line",
			page: "DAILY SABAH WITH AFP\n\nISTANBUL\n\nTurkey says it neutralized 15 PKK terrorists in northern Iraq\n\n" +
				"Turkish jets hit PKK targets in northern Iraq's Hakurk region, the Defense Ministry said Wednesday.\n\n" +
				"The ministry said the strikes destroyed shelters and ammunition depots.",
			keep:     []string{"Turkish jets hit PKK targets", "destroyed shelters"},
			drop:     []string{"DAILY SABAH", "ISTANBUL"},
			headline: "Turkey says it neutralized 15 PKK terrorists in northern Iraq",
			outlet:   "Daily Sabah", wire: "AFP",
		},
		{
			name: "russian agency dateline",
			page: "TASS\n\nRussian diplomat says talks on Syria to continue\n\n" +
				"MOSCOW, October 5. /TASS/. Russia will continue consultations with the United States on Syria, a senior diplomat told reporters on Wednesday.\n\n" +
				"He said the two sides remained in contact through military channels.",
			keep:     []string{"Russia will continue consultations", "military channels."},
			drop:     []string{"/TASS/"},
			headline: "Russian diplomat says talks on Syria to continue",
			outlet:   "TASS", wire: "TASS",
		},
		{
			name: "chinese agency source line",
			page: "Syrian army retakes town near Hama\n\nSource: Xinhua | 2016-10-05 22:34:12 | Editor: huaxia\n\n" +
				"DAMASCUS, Oct. 5 (Xinhua) -- The Syrian army on Wednesday recaptured a strategic town in the central province of Hama, state media reported.\n\n" +
				"The army had been advancing in the area for a week.",
			keep:     []string{"The Syrian army on Wednesday recaptured a strategic town"},
			drop:     []string{"Editor: huaxia", "(Xinhua)"},
			headline: "Syrian army retakes town near Hama",
			outlet:   "Xinhua", wire: "Xinhua", published: "2016-10-05",
		},
		{
			name: "ukrainian site with outlet and date on one line",
			page: "Russians shell Nikopol overnight, one person injured\n\nUkrainska Pravda — Sunday, 3 March 2024, 18:15\n\n" +
				"Russian forces shelled the city of Nikopol in Dnipropetrovsk Oblast overnight, injuring a 62-year-old man, the head of the oblast military administration said.\n\n" +
				"Support Ukrainska Pravda on Patreon!",
			keep:     []string{"Russian forces shelled the city of Nikopol"},
			drop:     []string{"Patreon", "18:15"},
			headline: "Russians shell Nikopol overnight, one person injured",
			outlet:   "Ukrainska Pravda", published: "2024-03-03",
		},
		{
			name: "indian agency dateline with country in brackets",
			page: "Israel strikes Hezbollah targets in southern Lebanon\n\nUpdated: Oct 05, 2024, 10:30 PM IST\n\n" +
				"Tel Aviv [Israel], October 5 (ANI): The Israeli military said it struck dozens of Hezbollah targets in southern Lebanon on Saturday.\n\n" +
				"The strikes came a day after rockets were fired at northern Israel.",
			keep:     []string{"The Israeli military said it struck dozens of Hezbollah targets"},
			drop:     []string{"(ANI)", "IST"},
			headline: "Israel strikes Hezbollah targets in southern Lebanon",
			outlet:   "ANI", wire: "ANI", published: "2024-10-05",
		},
		{
			name: "online outlet with staff byline and published date label",
			page: "Middle East Eye\n\nIsraeli raid kills three in Jenin\n\nMEE staff\n\nPublished date: 5 October 2023 14:18 BST\n\n" +
				"Israeli forces killed three Palestinians during a raid on the Jenin refugee camp early on Thursday, the Palestinian health ministry said.\n\n" +
				"Follow Middle East Eye on Twitter",
			keep:     []string{"Israeli forces killed three Palestinians"},
			drop:     []string{"MEE staff", "Follow Middle East Eye"},
			headline: "Israeli raid kills three in Jenin",
			outlet:   "Middle East Eye", published: "2023-10-05",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := clean(t, c, textRaw(tt.page))
			for _, k := range tt.keep {
				if !strings.Contains(d.Text, k) {
					t.Errorf("text lacks %q:\n%s", k, d.Text)
				}
			}
			for _, k := range tt.drop {
				if strings.Contains(d.Text, k) {
					t.Errorf("text keeps %q:\n%s", k, d.Text)
				}
			}
			s := d.Source
			got := []string{domain.Deref(s.Headline), domain.Deref(s.Outlet), domain.Deref(s.Wire), domain.Deref(s.Published)}
			want := []string{tt.headline, tt.outlet, tt.wire, tt.published}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("headline, outlet, wire, published (-want +got):\n%s", diff)
			}
		})
	}
}
