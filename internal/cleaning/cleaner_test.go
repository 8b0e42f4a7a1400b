package cleaning

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/reader"
)

func textRaw(body string) reader.Raw {
	return reader.Raw{Path: "t.txt", Format: reader.FormatText, Raw: []byte(body), Body: body}
}

func clean(t *testing.T, c *Cleaner, r reader.Raw) domain.Document {
	t.Helper()
	d, err := c.Clean(r)
	if err != nil {
		t.Fatalf("Clean: %v", err)
	}
	return d
}

// TestCleanTextPages runs whole small pages and checks what is kept, what
// is dropped and the metadata read.
func TestCleanTextPages(t *testing.T) {
	c := newTestCleaner(t)
	tests := []struct {
		name      string
		page      string
		keep      []string // must be in Text
		drop      []string // must not be in Text
		headline  string
		outlet    string
		wire      string
		published string
		dateline  string
		byline    string
		captions  int
	}{
		{
			name: "wire dateline and agency credit at the end",
			page: "Home > World > Europe\n\nUkraine says it shot down 20 drones over Kyiv\n\nBy Anna Kovalenko\n\n" +
				"KYIV (Reuters) - Ukraine's air defences shot down 20 Russian drones over the capital overnight, the city administration said on Sunday.\n\n" +
				"Debris fell on two districts, damaging a kindergarten and several cars, officials said.\n\n" +
				"(Reporting by Anna Kovalenko; Editing by Mark Heinrich)",
			keep:     []string{"Ukraine's air defences shot down 20 Russian drones", "Debris fell on two districts"},
			drop:     []string{"KYIV (Reuters)", "Reporting by", "Home > World"},
			headline: "Ukraine says it shot down 20 drones over Kyiv",
			outlet:   "Reuters", wire: "Reuters", dateline: "KYIV (Reuters)", byline: "Anna Kovalenko",
		},
		{
			name: "dated AFP dateline with mixed-case place",
			page: "Israeli strikes hit Rafah as talks resume\n\n" +
				"Gaza City, Dec 3, 2023 (AFP) - Israeli air strikes hit the southern Gaza city of Rafah overnight, the territory's civil defence agency said.\n\n" +
				"Negotiators met in Cairo on Sunday for a new round of talks on a truce.",
			keep:     []string{"Israeli air strikes hit the southern Gaza city of Rafah overnight"},
			drop:     []string{"(AFP)"},
			headline: "Israeli strikes hit Rafah as talks resume",
			outlet:   "AFP", wire: "AFP", dateline: "Gaza City, Dec 3, 2023 (AFP)", published: "2023-12-03",
		},
		{
			name: "credit closing the last paragraph and a lone outlet line",
			page: "Viet Nam News\n\nHouthis say they attacked two ships in Red Sea\n\nUpdate: January, 15/2024 - 09:30\n\n" +
				"SANAA, Yemen - Yemen's Houthi rebels said on Monday they had fired missiles at two commercial ships in the Red Sea.\n\n" +
				"\"We will continue our operations,\" a spokesman said. - AFP",
			keep:     []string{"Yemen's Houthi rebels said on Monday", "\"We will continue our operations,\" a spokesman said."},
			drop:     []string{"- AFP", "Update: January", "Viet Nam News", "SANAA, Yemen -"},
			headline: "Houthis say they attacked two ships in Red Sea",
			outlet:   "Viet Nam News", wire: "AFP", published: "2024-01-15", dateline: "SANAA, Yemen",
		},
		{
			name: "captions with credits inline and on their own line",
			page: "Rescuers search rubble after strike on Odesa\n\n" +
				"Rescuers search the rubble of a residential building in Odesa on March 2, 2024. (Photo by AFP)\n\n" +
				"Rescuers in Odesa searched through the night for people trapped under a collapsed building after a Russian drone strike, the regional governor said.\n\n" +
				"A woman lights a candle at a makeshift memorial near the site\n\nPhoto: Reuters/Nina Liashonok\n\n" +
				"The death toll rose to 12 on Sunday, including three children, officials said.\n\n" +
				"Firefighters at the scene of the strike. - Ukrinform/Reuters Photo\n\n" +
				"The strike was one of the deadliest on the port city this year.",
			keep:     []string{"Rescuers in Odesa searched through the night", "The death toll rose to 12 on Sunday", "deadliest on the port city"},
			drop:     []string{"(Photo by AFP)", "makeshift memorial", "Reuters/Nina", "Firefighters at the scene"},
			headline: "Rescuers search rubble after strike on Odesa",
			captions: 3,
		},
		{
			name: "uncredited wire caption in mid-body, dated body sentence kept",
			page: "Syrian army retakes villages near Hama\n\n" +
				"Syrian government forces advanced north of Hama on Tuesday, capturing three villages from rebels, state media said.\n\n" +
				"Syrian soldiers stand on a tank in a village north of Hama on October 4, 2016 after they recaptured it.\n\n" +
				"On October 4, 2016, the army announced a new offensive in the countryside of Hama.\n\n" +
				"Rebels said they had repelled several attacks.",
			keep:     []string{"Syrian government forces advanced north of Hama", "On October 4, 2016, the army announced a new offensive", "Rebels said they had repelled"},
			drop:     []string{"Syrian soldiers stand on a tank"},
			headline: "Syrian army retakes villages near Hama",
			captions: 1,
		},
		{
			name: "site chrome of every kind",
			page: "Skip to main content\n\nLatest developmentsMiddle EastOthersWorld News\n\nIran Press TV\n\nTurkey shells Kurdish positions in northern Syria\n\n" +
				"4f6c1a2e-9b1d-4c3e-8a7f-2d5e6b7c8a9d\n\nWed Oct 19, 2016 6:6PM\n\n" +
				"Turkish artillery shelled positions of Kurdish fighters near the town of Tal Rifaat on Wednesday, a monitoring group said.\n\n" +
				"Kurdish officials said two fighters were wounded.\n\nShare this article\n\nFollow us on Twitter and Telegram\n\n" +
				"Press TV’s website can also be accessed at the following alternate addresses:\n\nwww.presstv.co.uk\n\n" +
				"Related Articles\n\nTurkey vows to press on with operation in Syria\n\nBack to top button",
			keep:     []string{"Turkish artillery shelled positions of Kurdish fighters", "Kurdish officials said two fighters were wounded."},
			drop:     []string{"Skip to main", "Latest developments", "4f6c1a2e", "6:6PM", "Share this", "Follow us", "alternate addresses", "presstv.co.uk", "Related Articles", "press on with operation", "Back to top"},
			headline: "Turkey shells Kurdish positions in northern Syria",
			outlet:   "Press TV", published: "2016-10-19",
		},
		{
			name: "subheadings dropped, short body sentences kept",
			page: "Aid convoy reaches besieged Madaya\n\n" +
				"A convoy of 44 trucks carrying food and medicine entered the besieged town of Madaya on Monday, the Red Cross said.\n\n" +
				"Residents queue for food\n\nIt was the first delivery since October.\n\nThere was no immediate comment from Damascus.",
			keep:     []string{"A convoy of 44 trucks", "It was the first delivery since October.", "There was no immediate comment from Damascus."},
			drop:     []string{"Residents queue for food"},
			headline: "Aid convoy reaches besieged Madaya",
		},
		{
			name: "ad and section name above the headline, lone name caption below",
			page: "The Largest Career Network for Veterans - JOIN NOW\n\nMiddle East Politics\n\nErdogan says Turkey will not allow corridor on its border\n\n" +
				"Turkish President Recep Tayyip Erdogan\n\n" +
				"Turkish President Recep Tayyip Erdogan said on Friday that Ankara would never allow a \"terror corridor\" to be formed along its southern border.\n\n" +
				"He spoke after meeting party officials in Ankara.",
			keep:     []string{"said on Friday that Ankara would never allow"},
			drop:     []string{"JOIN NOW", "Middle East Politics"},
			headline: "Erdogan says Turkey will not allow corridor on its border",
		},
		{
			name: "trending list above, uncaptioned picture below",
			page: "Trending\n\nRussia pounds Kharkiv with glide bombs\n\nHouthis claim new attack on shipping\n\n" +
				"Israel and Hamas resume indirect talks in Cairo\n\nBy Lina Haddad\n\n14 May 2024\n\n" +
				"Delegations gather at a hotel in the Egyptian capital\n\n" +
				"Israeli and Hamas negotiators resumed indirect talks in Cairo on Tuesday, Egyptian state media reported.\n\n" +
				"Qatar and the United States are also mediating.",
			keep:     []string{"negotiators resumed indirect talks in Cairo"},
			drop:     []string{"glide bombs", "Delegations gather"},
			headline: "Israel and Hamas resume indirect talks in Cairo",
			byline:   "Lina Haddad", published: "2024-05-14",
		},
		{
			name: "question headline",
			page: "World / Middle East\n\nIs the truce in Idlib about to collapse?\n\n" +
				"Shelling in southern Idlib intensified on Monday, a week after Russia and Turkey agreed to a ceasefire, residents said.\n\n" +
				"Why does it matter? The province is home to three million people.",
			keep:     []string{"Shelling in southern Idlib intensified", "Why does it matter? The province"},
			drop:     []string{"about to collapse"},
			headline: "Is the truce in Idlib about to collapse?",
		},
		{
			name:     "hard-wrapped text is joined",
			page:     "Ceasefire announced in Yemen\n\nThe United Nations said on Saturday that the warring parties\nhad agreed to a two-month truce starting at 7 p.m. local time,\nthe first nationwide ceasefire in six years.\n\nThe truce was welcomed by Saudi Arabia.",
			keep:     []string{"the warring parties had agreed to a two-month truce starting at 7 p.m. local time, the first nationwide ceasefire"},
			headline: "Ceasefire announced in Yemen",
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
			got := []string{domain.Deref(s.Headline), domain.Deref(s.Outlet), domain.Deref(s.Wire), domain.Deref(s.Published), domain.Deref(s.Dateline), domain.Deref(s.Byline)}
			want := []string{tt.headline, tt.outlet, tt.wire, tt.published, tt.dateline, tt.byline}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("headline, outlet, wire, published, dateline, byline (-want +got):\n%s", diff)
			}
			if len(s.Captions) != tt.captions {
				t.Errorf("captions = %q, want %d", s.Captions, tt.captions)
			}
			if (tt.published != "") != (s.PublishedBasis == domain.PublishedStated) {
				t.Errorf("basis %q for published %q", s.PublishedBasis, tt.published)
			}
			if strings.Contains(d.Text, "\n\n\n") || strings.Contains(d.Text, "  ") {
				t.Errorf("white space not normalised: %q", d.Text)
			}
		})
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		in         string
		monthFirst bool
		want       string
		kind       dateLabelKind
	}{
		{"Wed Oct 19, 2016 6:6PM", false, "2016-10-19", labelNone},
		{"Update: December, 09/2016 - 11:00", false, "2016-12-09", labelUpdated},
		{"Published: 3 March 2022", false, "2022-03-03", labelPublished},
		{"Posted on March 3rd, 2022 at 10:15 am", false, "2022-03-03", labelPublished},
		{"12/05/2016", false, "2016-05-12", labelNone},
		{"12/05/2016", true, "2016-12-05", labelNone},
		{"25/05/2016", true, "2016-05-25", labelNone},
		{"2016-12-09T11:00:00+03:00", false, "2016-12-09", labelNone},
		{"Last updated: 2022-02-24 06:15 GMT", false, "2022-02-24", labelUpdated},
		{"Friday, 13 October 2023 | 14:05 IST", false, "2023-10-13", labelNone},
		{"14.03.2024", false, "2024-03-14", labelNone},
		{"Oct 5, 2016 - 10:23 GMT", false, "2016-10-05", labelNone},
		{"Mon 10 Oct 2016 13.20 BST", false, "2016-10-10", labelNone},
		{"Published On 5 Oct 2016 5 Oct 2016", false, "2016-10-05", labelPublished},
		{"October 5, 2016 | Updated 2 hours ago", false, "2016-10-05", labelNone},
		{"Updated 11:02 AM EDT, Sat March 2, 2024", true, "2024-03-02", labelUpdated},
	}
	for _, tt := range tests {
		got, kind, ok := parseDateLine(tt.in, tt.monthFirst)
		if !ok || got != tt.want || kind != tt.kind {
			t.Errorf("parseDateLine(%q) = %q, %v, %v; want %q, %v", tt.in, got, kind, ok, tt.want, tt.kind)
		}
	}
	for _, no := range []string{
		"Russian forces shelled Kharkiv on March 3, 2022.",
		"March 2022",
		"In 2016 the war entered its sixth year",
		"32/13/2016",
		"Copyright 2016",
		"Syria talks",
	} {
		if d, _, ok := parseDateLine(no, false); ok {
			t.Errorf("parseDateLine(%q) = %q, want no date", no, d)
		}
	}
}

func TestParseMetadataDate(t *testing.T) {
	tests := map[string]string{
		"2016-12-09 11:00:00":             "2016-12-09",
		"2016-12-09T23:30:00-05:00":       "2016-12-09",
		"Fri, 09 Dec 2016 11:00:00 +0300": "2016-12-09",
		"Fri, 09 Dec 2016 11:00:00 GMT":   "2016-12-09",
		"December 9, 2016":                "2016-12-09",
		"2016-12-09":                      "2016-12-09",
	}
	c := newTestCleaner(t)
	for in, want := range tests {
		r := textRaw("Title line here\n\nA body sentence that is long enough to count as the first paragraph.")
		r.Published = in
		d := clean(t, c, r)
		if got := domain.Deref(d.Source.Published); got != want || d.Source.PublishedBasis != domain.PublishedStated {
			t.Errorf("Published %q -> %q (%s), want %q", in, got, d.Source.PublishedBasis, want)
		}
	}
}

func TestOutletResolution(t *testing.T) {
	c := newTestCleaner(t)
	body := "Title of the story\n\nA body sentence that is long enough to count as the first paragraph of it."
	tests := []struct {
		name string
		raw  reader.Raw
		want string
	}{
		{"subdomain", reader.Raw{URL: "https://english.vov.vn/en/world/x-123.vov"}, "Voice of Vietnam"},
		{"record domain", reader.Raw{SiteName: "www.presstv.ir"}, "Press TV"},
		{"site name variant", reader.Raw{SiteName: "Aljazeera"}, "Al Jazeera"},
		{"site name with tagline", reader.Raw{SiteName: "Al Arabiya English | Breaking News"}, "Al Arabiya"},
		{"unknown site name kept", reader.Raw{SiteName: "Kharkiv Observer"}, "Kharkiv Observer"},
		{"unknown domain kept", reader.Raw{SiteName: "www.unknown-news.example"}, "unknown-news.example"},
		{"metadata beats text", reader.Raw{SiteName: "Daily Sabah", Body: "Press TV\n\n" + body}, "Daily Sabah"},
		{"title suffix", reader.Raw{Title: "Strike kills four in Marib - Middle East Eye"}, "Middle East Eye"},
		{"domain in chrome", reader.Raw{Body: body + "\n\nRead more at www.aa.com.tr and kyivindependent.com"}, "Kyiv Independent"},
		{"no cue", reader.Raw{}, ""},
		{"a cited monitor is no outlet", reader.Raw{Body: "Syrian Observatory for Human Rights\n\n" + body + "\n\nWorld Health Organization warns of cholera"}, ""},
		{"monitor's own site", reader.Raw{URL: "https://www.syriahr.com/en/12345/"}, "Syrian Observatory for Human Rights"},
		{"unknown site named in its title", reader.Raw{SiteName: "www.kharkiv-observer.example", Title: "Drones hit Kharkiv - The Kharkiv Observer"}, "The Kharkiv Observer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.raw
			r.Format = reader.FormatText
			if r.Body == "" {
				r.Body = body
			}
			d := clean(t, c, r)
			if got := domain.Deref(d.Source.Outlet); got != tt.want {
				t.Errorf("outlet = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	c := newTestCleaner(t)
	tests := []struct{ title, site, want string }{
		{"Russia says Syria army halts Aleppo attacks | Al Jazeera", "", "Russia says Syria army halts Aleppo attacks"},
		{"Houthis claim attack on tanker - Reuters", "", "Houthis claim attack on tanker"},
		{"Kyiv hit by drones - Local Paper", "Local Paper", "Kyiv hit by drones"},
		{"Ceasefire holds - for now - in Idlib", "", "Ceasefire holds - for now - in Idlib"},
		{"World | Middle East | Israel strikes targets in southern Lebanon", "", "Israel strikes targets in southern Lebanon"},
		{"  Truce   in Taiz  ", "", "Truce in Taiz"},
		{"Drones hit Kharkiv - The Kharkiv Observer", "kharkiv-observer.example", "Drones hit Kharkiv"},
		{"Drones hit Kharkiv - Kharkiv Observer", "www.kharkivobserver.example", "Drones hit Kharkiv"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.site, c.lx); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestSplitDateline(t *testing.T) {
	c := newTestCleaner(t)
	tests := []struct{ in, rest, dateline, wire string }{
		{"ALEPPO, Syria - Syria's army halted its attacks.", "Syria's army halted its attacks.", "ALEPPO, Syria", ""},
		{"KYIV (Reuters) - Ukraine said on Monday it had repelled attacks.", "Ukraine said on Monday it had repelled attacks.", "KYIV (Reuters)", "Reuters"},
		{"GAZA CITY, Dec 3 (AFP) - Strikes hit the city overnight.", "Strikes hit the city overnight.", "GAZA CITY, Dec 3 (AFP)", "AFP"},
		{"Beirut, Oct 5 (AFP) — Clashes erupted near the border.", "Clashes erupted near the border.", "Beirut, Oct 5 (AFP)", "AFP"},
		{"MOSCOW, March 1 (Xinhua) -- Russia said talks would resume.", "Russia said talks would resume.", "MOSCOW, March 1 (Xinhua)", "Xinhua"},
		{"UNITED NATIONS (AP) — The Security Council met on Friday.", "The Security Council met on Friday.", "UNITED NATIONS (AP)", "AP"},
		{"DUBAI: Iran said it seized a tanker in the Gulf.", "Iran said it seized a tanker in the Gulf.", "DUBAI", ""},
		{"UPDATE: Two more bodies were found on Tuesday.", "UPDATE: Two more bodies were found on Tuesday.", "", ""},
		{"Aleppo, Syria's second city, has been divided since 2012.", "Aleppo, Syria's second city, has been divided since 2012.", "", ""},
		{"NATO - the alliance said it would meet.", "the alliance said it would meet.", "NATO", ""},
		{"MOSCOW, October 5. /TASS/. The Russian Defense Ministry said talks had ended.", "The Russian Defense Ministry said talks had ended.", "MOSCOW, October 5. /TASS/.", "TASS"},
		{"Damascus, SANA - Army units destroyed a rocket launcher.", "Army units destroyed a rocket launcher.", "Damascus, SANA", "SANA"},
		{"ERBIL, Kurdistan Region (Kurdistan 24) – Officials met on Monday.", "Officials met on Monday.", "ERBIL, Kurdistan Region (Kurdistan 24)", ""},
	}
	for _, tt := range tests {
		rest, dl, w := c.lx.splitDateline(tt.in)
		if rest != tt.rest || dl != tt.dateline || w != tt.wire {
			t.Errorf("splitDateline(%q) = %q, %q, %q; want %q, %q, %q", tt.in, rest, dl, w, tt.rest, tt.dateline, tt.wire)
		}
	}
}

// TestLearn: a line that recurs across one outlet's different stories
// becomes chrome, even when it looks like a headline; the same story
// twice does not teach anything.
func TestLearn(t *testing.T) {
	c := newTestCleaner(t)
	mk := func(id, headline, body string) reader.Raw {
		page := "Weapons and Security Briefing\n\n" + headline + "\n\n" + body
		return reader.Raw{Path: id, Format: reader.FormatText, SiteName: "Kharkiv Observer", Body: page}
	}
	a := mk("a", "Shelling hits Kupiansk", "Russian shelling hit the town of Kupiansk on Monday, wounding three people, officials said.")
	b := mk("b", "Drones down power lines", "Drones damaged power lines near Izium overnight, leaving thousands without electricity, the utility said.")
	before := clean(t, c, a)
	c.Learn([]reader.Raw{a, a})
	if got := domain.Deref(clean(t, c, a).Source.Headline); got != domain.Deref(before.Source.Headline) {
		t.Errorf("learning from one story twice changed the headline to %q", got)
	}
	c.Learn([]reader.Raw{a, b})
	for _, r := range []reader.Raw{a, b} {
		d := clean(t, c, r)
		if h := domain.Deref(d.Source.Headline); h == "Weapons and Security Briefing" {
			t.Errorf("%s: recurring menu line chosen as headline", r.Path)
		}
	}
	other := reader.Raw{Path: "c", Format: reader.FormatText, SiteName: "Other Paper", Body: "Weapons and Security Briefing\n\nA body sentence long enough to be the first paragraph of a story."}
	if h := domain.Deref(clean(t, c, other).Source.Headline); h != "Weapons and Security Briefing" {
		t.Errorf("line learned for one outlet applied to another: headline %q", h)
	}
}

func TestCleanErrors(t *testing.T) {
	c := newTestCleaner(t)
	_, err := c.Clean(textRaw("Share this article\n\nFacebook\n\nTwitter"))
	if err == nil || !strings.Contains(err.Error(), "t.txt") {
		t.Errorf("chrome-only page: err = %v", err)
	}
}

func TestOutletsData(t *testing.T) {
	c := newTestCleaner(t)
	names := map[string]bool{}
	for _, o := range c.lx.outletByName {
		names[o.name] = true
	}
	if len(names) < 150 {
		t.Errorf("outlets.tsv names %d outlets, want 150 or more", len(names))
	}
	for d, o := range c.lx.outletByDomain {
		if domainOf(d) == "" {
			t.Errorf("outlet %s: %q is not a domain", o.name, d)
		}
	}
	// A domain or name belongs to one outlet, an agency variant to one agency.
	k, err := kb.Load("")
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	for _, term := range k.Lexicon("outlets") {
		if len(term.Fields) != 4 {
			t.Errorf("%s line %d: %d fields, want 5", term.File, term.Line, len(term.Fields)+1)
		}
		keys := []string{normKey(term.Text)}
		for _, d := range splitList(term.Field(0), ",") {
			keys = append(keys, "domain "+d)
		}
		for _, v := range splitList(term.Field(1), "|") {
			keys = append(keys, normKey(v))
		}
		for _, key := range keys {
			if prev, dup := owner[key]; dup && prev != term.Text {
				t.Errorf("outlets.tsv: %q belongs to both %s and %s", key, prev, term.Text)
			}
			owner[key] = term.Text
		}
	}
	wires := map[string]string{}
	for _, term := range k.Lexicon("wire") {
		for _, v := range append([]string{term.Text}, splitList(term.Field(0), "|")...) {
			if prev, dup := wires[normKey(v)]; dup && prev != term.Text {
				t.Errorf("wire.tsv: %q credits both %s and %s", v, prev, term.Text)
			}
			wires[normKey(v)] = term.Text
		}
	}
}

func TestCaptionCredits(t *testing.T) {
	c := newTestCleaner(t)
	caption := []string{
		"Smoke rises over Khan Younis, in the southern Gaza Strip, Sunday, Oct. 9, 2016. (AP Photo/Hassan Ammar)",
		"Ukrainian servicemen fire a howitzer near Bakhmut. Photo by Anatolii Stepanov/AFP via Getty Images",
		"Displaced families shelter in a school in Deir al-Balah. (Photo: Reuters)",
		"Houthi supporters rally in Sanaa. - Xinhua Photo",
		"Image caption, Rescuers searched the rubble for survivors",
		"File photo of the Zaporizhzhia nuclear power plant",
		"Smoke rises from a building after an air strike in Idlib, Syria October 5, 2016. REUTERS/Khalil Ashawi",
	}
	for _, s := range caption {
		l := line{text: s, key: normKey(s), words: wordCount(s)}
		c.classify(&l, nil, false, false)
		if l.kind != kCaption {
			t.Errorf("%q: kind %d, want caption", s, l.kind)
		}
	}
	credit := []string{"REUTERS/Omar Sanadiki", "(Photo by AFP)", "AFP/VNA Photo", "Photo: Reuters/Ammar Awad", "AP Photo/Hussein Malla", "Photos: Getty Images"}
	for _, s := range credit {
		l := line{text: s, key: normKey(s), words: wordCount(s)}
		c.classify(&l, nil, false, false)
		if l.kind != kCredit {
			t.Errorf("%q: kind %d, want credit", s, l.kind)
		}
	}
	body := []string{
		"The photo by Reuters showed smoke rising over the city, the agency said.",
		"Residents told AFP the shelling lasted all night.",
		"Russian forces captured Kherson on March 2, 2022, the defence ministry said.",
		"Syrian state media published a photo of the minister in Aleppo.",
	}
	for _, s := range body {
		l := line{text: s, key: normKey(s), words: wordCount(s)}
		c.classify(&l, nil, false, false)
		if l.kind != kBody {
			t.Errorf("%q: kind %d, want body", s, l.kind)
		}
	}
}

func TestProseMentioningPhotos(t *testing.T) {
	c := sharedTestCleaner(t)
	for _, s := range []string{
		"The ministry released a photo by Reuters.",
		"Footage shared online showed the aftermath, including an image from Getty.",
		"The agency distributed pictures of the damage (AFP).",
	} {
		l := line{text: s, key: normKey(s), words: wordCount(s)}
		c.classify(&l, nil, false, false)
		if l.kind != kBody {
			t.Errorf("%q: kind %d, want body", s, l.kind)
		}
	}
}

// TestBodyNotChrome guards the chrome rules against body sentences that
// share their words.
func TestBodyNotChrome(t *testing.T) {
	c := sharedTestCleaner(t)
	for _, s := range []string{
		"Zelensky said on Twitter that 12 people were killed.",
		"Follow-up talks are planned for next week in Geneva.",
		"The UN said aid workers would join now that the truce holds.",
		"Share prices fell sharply in Moscow on Monday.",
		"Read more than 300 pages of the report, the lawyers urged the court.",
		"Comments by the minister angered Ankara.",
		"The home of the commander was destroyed.",
		"Source: a senior official said the convoy had left Idlib.",
		"More from the front line is expected on Tuesday, officials said.",
		"Related talks in Astana ended without agreement.",
		"Thousands sign up for the army reserve every week, the ministry said.",
	} {
		l := line{text: s, key: normKey(s), words: wordCount(s)}
		c.classify(&l, nil, false, false)
		if l.kind != kBody {
			t.Errorf("%q: kind %d, want body", s, l.kind)
		}
	}
}

// TestLearnKeepsSentences: a short sentence two stories share stays body.
func TestLearnKeepsSentences(t *testing.T) {
	c := newTestCleaner(t)
	mk := func(id, lead string) reader.Raw {
		return reader.Raw{Path: id, Format: reader.FormatText, Body: "Headline for " + id + " here\n\n" + lead + "\n\nThere was no immediate comment."}
	}
	a := mk("a", "Russian shelling hit the town of Kupiansk on Monday, wounding three people, officials said.")
	b := mk("b", "Drones damaged power lines near Izium overnight, leaving thousands without electricity, the utility said.")
	c.Learn([]reader.Raw{a, b})
	for _, r := range []reader.Raw{a, b} {
		if d := clean(t, c, r); !strings.Contains(d.Text, "There was no immediate comment.") {
			t.Errorf("%s: learned sentence dropped: %q", r.Path, d.Text)
		}
	}
}

func TestTrimChromeTail(t *testing.T) {
	c := sharedTestCleaner(t)
	tests := map[string]string{
		"The army said the operation would go on. Never miss a story again, sign up to our Telegram channel!": "The army said the operation would go on.",
		"Officials said two people died. Follow us on Twitter for updates.":                                   "Officials said two people died.",
		"Officials said two people died. The toll may rise.":                                                  "Officials said two people died. The toll may rise.",
		"Sign up for updates.": "Sign up for updates.",
	}
	for in, want := range tests {
		if got := c.lx.trimChromeTail(in); got != want {
			t.Errorf("trimChromeTail(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLinkLabels(t *testing.T) {
	c := sharedTestCleaner(t)
	for _, s := range []string{
		"Read more: Who is in charge of aid deliveries in the Gaza Strip?",
		"Related: Ukraine says it downed a record number of drones overnight",
		"WATCH: Footage shows the aftermath of the strike on the port",
	} {
		l := line{text: s, key: normKey(s), words: wordCount(s)}
		c.classify(&l, nil, false, true)
		if l.kind != kChrome {
			t.Errorf("%q: kind %d, want chrome", s, l.kind)
		}
	}
}

func TestCommentsEndArticle(t *testing.T) {
	c := sharedTestCleaner(t)
	page := "Strike hits Sumy power station\n\n" +
		"A Russian missile struck a power station in Sumy on Friday, cutting electricity to thousands of homes, officials said.\n\n" +
		"Repairs could take several days.\n\n12 Comments\n\nThis is a reader's comment that ends like a sentence.\n\nTags: Sumy, energy, missiles"
	d := clean(t, c, textRaw(page))
	if strings.Contains(d.Text, "reader's comment") || strings.Contains(d.Text, "Tags") || !strings.Contains(d.Text, "Repairs could take") {
		t.Errorf("text = %q", d.Text)
	}
}

func TestCleanDropsInvisibleFormatCharacters(t *testing.T) {
	k, err := kb.Load("")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(k)
	if err != nil {
		t.Fatal(err)
	}
	body := "Rus\u202esian\u202c forces shelled the town of Iz\u200byum on Monday, the regional gov\u200dernor\u2066 said.\ufeff\n"
	doc, err := c.Clean(reader.Raw{Path: "x.txt", Format: reader.FormatText, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	want := "Russian forces shelled the town of Izyum on Monday, the regional governor said."
	if doc.Text != want {
		t.Errorf("text = %q, want %q", doc.Text, want)
	}
}

func TestDatelineWithMultiWordCountry(t *testing.T) {
	k, err := kb.Load("")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(k)
	if err != nil {
		t.Fatal(err)
	}
	body := "Rebels take a mining town\n\nGOMA, Democratic Republic of Congo (AP) - Rebels seized the mining town of Rubaya on Tuesday after two days of fighting, officials said.\n"
	doc, err := c.Clean(reader.Raw{Path: "x.txt", Format: reader.FormatText, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if got := *doc.Source.Dateline; got != "GOMA, Democratic Republic of Congo (AP)" {
		t.Errorf("dateline = %q", got)
	}
	if doc.Source.Wire == nil || *doc.Source.Wire != "AP" {
		t.Errorf("wire = %v, want AP", doc.Source.Wire)
	}
	if !strings.HasPrefix(doc.Text, "Rebels seized") {
		t.Errorf("text = %q, want the dateline cut off", doc.Text)
	}
}
