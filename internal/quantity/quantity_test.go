package quantity

import (
	"strconv"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
)

var (
	finderOnce sync.Once
	finderVal  *Finder
	finderErr  error
)

// testFinder builds one Finder from the embedded knowledge base.
func testFinder(t testing.TB) *Finder {
	t.Helper()
	finderOnce.Do(func() {
		k, err := kb.Load("")
		if err != nil {
			finderErr = err
			return
		}
		finderVal, finderErr = New(k)
	})
	if finderErr != nil {
		t.Fatal(finderErr)
	}
	return finderVal
}

// q is what a test compares: quote, kind, value and bounds ("" for null).
type q struct{ Text, Kind, Value, Low, High string }

func num(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func findAll(f *Finder, text string) []q {
	var out []q
	for _, x := range f.Find(text) {
		quote := x.Text
		if text[x.Start:x.End] != x.Text {
			quote = "BAD OFFSETS " + x.Text
		}
		out = append(out, q{quote, x.Kind, num(x.Value), num(x.Low), num(x.High)})
	}
	return out
}

func TestFind(t *testing.T) {
	f := testFinder(t)
	tests := []struct {
		name string
		text string
		want []q
	}{
		// killed
		{"decimal millions", "More than 1.7 million people have been displaced since the war began, the agency said.",
			[]q{{"More than 1.7 million people have been displaced", "displaced", "1700000", "1700000", ""}}},
		{"at least, passive", "At least 18 civilians were killed in air strikes on the town, the monitor said.",
			[]q{{"At least 18 civilians were killed", "killed", "18", "18", ""}}},
		{"verb before", "Israeli strikes killed 27 Palestinians overnight, health officials said.",
			[]q{{"killed 27 Palestinians", "killed", "27", "", ""}}},
		{"killing participle", "Troops stormed the village, killing 17 militants.",
			[]q{{"killing 17 militants", "killed", "17", "", ""}}},
		{"second object of killed", "An air strike killed a local commander of the militia and two of his bodyguards, officials said.",
			[]q{{"two of his bodyguards", "killed", "2", "", ""}}},
		{"family members after a victim", "The shell killed a farmer, his wife and three children in the village.",
			[]q{{"three children", "killed", "3", "", ""}}},
		{"second object of wounded", "The blast wounded a journalist and four soldiers near the front line.",
			[]q{{"four soldiers", "injured", "4", "", ""}}},
		{"a clause boundary stops the shared verb", "Gunmen killed a police officer, while 12 fighters surrendered later.",
			[]q{{"12 fighters surrendered", "surrendered", "12", "", ""}}},
		{"dead adjective after", "The raid left more than 80 soldiers dead.",
			[]q{{"more than 80 soldiers dead", "killed", "80", "80", ""}}},
		{"number words hyphen", "Forty-two people were killed when the market was hit.",
			[]q{{"Forty-two people were killed", "killed", "42", "", ""}}},
		{"two dozen", "About two dozen civilians were killed in the shelling.",
			[]q{{"About two dozen civilians were killed", "killed", "24", "", ""}}},
		{"one singular", "One soldier was killed and another wounded near Bakhmut.",
			[]q{{"One soldier was killed", "killed", "1", "", ""}}},
		{"lives of", "The war has claimed the lives of more than 500,000 people.",
			[]q{{"the lives of more than 500,000 people", "killed", "500000", "500000", ""}}},
		{"toll at", "Monitors put the death toll from the war at more than 6,000.",
			[]q{{"more than 6,000", "killed", "6000", "6000", ""}}},
		{"toll rose to", "The death toll has risen to 62, the health ministry said.",
			[]q{{"62", "killed", "62", "", ""}}},
		{"respectively distributes the bound", "Monitors and the UN put the toll at more than 6,000 and 8,000, respectively.",
			[]q{{"more than 6,000", "killed", "6000", "6000", ""}, {"8,000", "killed", "8000", "8000", ""}}},
		{"up to may have died", "Up to 40 people may have died in the collapse.",
			[]q{{"Up to 40 people may have died", "killed", "40", "", "40"}}},
		{"several", "Several militants were killed in the clashes.",
			[]q{{"Several militants were killed", "killed", "", "", ""}}},
		{"dozens of bodies", "Dozens of bodies were found in a mass grave near Izium.",
			[]q{{"Dozens of bodies", "killed", "", "24", ""}}},
		{"scores with names", "Scores of Islamic State fighters were also killed.",
			[]q{{"Scores of Islamic State fighters were also killed", "killed", "", "40", ""}}},
		{"killed and wounded", "The Ministry of Health said 1,417 Palestinians had been killed and 6,268 wounded.",
			[]q{{"1,417 Palestinians had been killed", "killed", "1417", "", ""}, {"6,268 wounded", "injured", "6268", "", ""}}},
		{"soldiers killed then wounded", "Eight soldiers were killed and 20 wounded in the ambush.",
			[]q{{"Eight soldiers were killed", "killed", "8", "", ""}, {"20 wounded", "injured", "20", "", ""}}},
		{"backfilled coordination", "Four soldiers and 11 civilians were killed in the attack.",
			[]q{{"Four soldiers", "killed", "4", "", ""}, {"11 civilians were killed", "killed", "11", "", ""}}},
		{"year before count", "In 2014, 50 people were killed in the same district.",
			[]q{{"50 people were killed", "killed", "50", "", ""}}},
		{"killed with duration", "The bombardment has killed 500 people in 2 weeks.",
			[]q{{"killed 500 people", "killed", "500", "", ""}}},

		{"apposition including", "The ministry said 3,785 people, including 1,524 children, had been killed.",
			[]q{{"3,785 people, including 1,524 children, had been killed", "killed", "3785", "", ""}, {"1,524 children", "killed", "1524", "", ""}}},
		{"part of a toll", "Israeli strikes killed at least 30 Palestinians, including 12 children, medics said.",
			[]q{{"killed at least 30 Palestinians", "killed", "30", "30", ""}, {"12 children", "killed", "12", "", ""}}},
		{"numeric apposition", "About 1.9 million Gazans, 85% of the population, have been displaced.",
			[]q{{"About 1.9 million Gazans, 85% of the population, have been displaced", "displaced", "1900000", "", ""}}},
		{"ages in an aside", "Three men, aged 21, 23 and 25, were killed in the raid.",
			[]q{{"Three men, aged 21, 23 and 25, were killed", "killed", "3", "", ""}}},
		{"including later in the sentence", "At least 11,078 Palestinians have been killed since October 7, including 4,506 children.",
			[]q{{"At least 11,078 Palestinians have been killed", "killed", "11078", "11078", ""}, {"4,506 children", "killed", "4506", "", ""}}},
		{"dashed aside", "Some 1.5 million people \u2013 about two-thirds of Gaza's population \u2013 have fled their homes.",
			[]q{{"Some 1.5 million people \u2013 about two-thirds of Gaza's population \u2013 have fled their homes", "displaced", "1500000", "", ""}}},
		{"partitive its", "The agency said 101 of its staff had been killed.",
			[]q{{"101 of its staff had been killed", "killed", "101", "", ""}}},
		{"arrests", "Police made 126 arrests during the march.",
			[]q{{"126 arrests", "detained", "126", "", ""}}},
		{"among the dead", "Among the dead were six children, the ministry said.",
			[]q{{"Among the dead were six children", "killed", "6", "", ""}}},
		{"found dead", "Police said 14 migrants were found dead in a truck.",
			[]q{{"14 migrants were found dead", "killed", "14", "", ""}}},
		{"toll dead and wounded", "The toll rose to 45 dead and 120 wounded.",
			[]q{{"45 dead", "killed", "45", "", ""}, {"120 wounded", "injured", "120", "", ""}}},
		{"hamas fighters", "The army says it has killed 17,000 Hamas fighters.",
			[]q{{"killed 17,000 Hamas fighters", "killed", "17000", "", ""}}},

		// injured
		{"wounded people", "The blast wounded 45 people in central Kabul.",
			[]q{{"wounded 45 people", "injured", "45", "", ""}}},
		{"killed and wounded others", "The shelling killed five civilians and wounded 12 others.",
			[]q{{"killed five civilians", "killed", "5", "", ""}, {"wounded 12 others", "injured", "12", "", ""}}},
		{"some others injured", "Some 100 others were injured in the rocket attack.",
			[]q{{"Some 100 others were injured", "injured", "100", "", ""}}},
		{"scores wounded", "Scores of people were wounded in the stampede.",
			[]q{{"Scores of people were wounded", "injured", "", "40", ""}}},
		{"adjective inside", "Medics treated 76 injured people at the field hospital.",
			[]q{{"76 injured people", "injured", "76", "", ""}}},

		// evacuated, displaced, trapped
		{"fled", "Some 2,000 families fled the town as the front moved closer.",
			[]q{{"Some 2,000 families fled", "evacuated", "2000", "", ""}}},
		{"have left", "About 6,000 civilians have left the eastern districts.",
			[]q{{"About 6,000 civilians have left", "evacuated", "6000", "", ""}}},
		{"evacuees", "A total of 1,200 evacuees reached Idlib on buses.",
			[]q{{"A total of 1,200 evacuees", "evacuated", "1200", "", ""}}},
		{"to leave", "The deal allows tens of thousands of civilians to leave the city.",
			[]q{{"tens of thousands of civilians to leave", "evacuated", "", "20000", ""}}},
		{"corridor sentence cue", "Corridors have been used by thousands of residents, the ministry said.",
			[]q{{"thousands of residents", "evacuated", "", "2000", ""}}},
		{"displaced million", "The fighting has displaced more than 1.5 million people.",
			[]q{{"displaced more than 1.5 million people", "displaced", "1500000", "1500000", ""}}},
		{"million suffix", "The war has displaced 1.5m people, the UN said.",
			[]q{{"displaced 1.5m people", "displaced", "1500000", "", ""}}},
		{"metres are not millions", "The drone flew 10m above the 30 troops... and crashed.",
			[]q{{"30 troops", "other", "30", "", ""}}},
		{"displaced nearly", "Nearly 200,000 people have been displaced in the north.",
			[]q{{"Nearly 200,000 people have been displaced", "displaced", "200000", "", "200000"}}},
		{"refugees", "Jordan hosts 650,000 registered refugees.",
			[]q{{"650,000 registered refugees", "displaced", "650000", "", ""}}},
		{"need to be evacuated", "As many as 500 sick and injured children need to be evacuated, the UN warned.",
			[]q{{"As many as 500 sick and injured children need to be evacuated", "trapped", "500", "", "500"}}},
		{"remain trapped", "Tens of thousands of residents remain trapped in the besieged city.",
			[]q{{"Tens of thousands of residents remain trapped", "trapped", "", "20000", ""}}},
		{"besieged", "The UN said 400,000 people are besieged in Eastern Ghouta.",
			[]q{{"400,000 people are besieged", "trapped", "400000", "", ""}}},

		// detained, surrendered
		{"captured passive", "More than 300 Russian soldiers have been captured, Kyiv said.",
			[]q{{"More than 300 Russian soldiers have been captured", "detained", "300", "300", ""}}},
		{"arrested", "Police arrested 37 protesters in Baghdad on Friday.",
			[]q{{"arrested 37 protesters", "detained", "37", "", ""}}},
		{"detained nearly", "Houthi rebels detained nearly 100 journalists and activists.",
			[]q{{"detained nearly 100 journalists", "detained", "100", "", "100"}}},
		{"hostages", "Hamas took about 240 hostages during the attack.",
			[]q{{"about 240 hostages", "detained", "240", "", ""}}},
		{"abducted", "Gunmen abducted 317 schoolgirls from a boarding school.",
			[]q{{"abducted 317 schoolgirls", "detained", "317", "", ""}}},
		{"between range", "Between 20 and 30 fighters were captured near the border.",
			[]q{{"Between 20 and 30 fighters were captured", "detained", "", "20", "30"}}},
		{"laid down their arms", "Two dozen fighters laid down their arms in Daraa.",
			[]q{{"Two dozen fighters laid down their arms", "surrendered", "24", "", ""}}},
		{"hundreds surrendered", "Hundreds of militants surrendered to government forces.",
			[]q{{"Hundreds of militants surrendered", "surrendered", "", "200", ""}}},
		{"defected", "Russia said 1,000 militants had defected to the army.",
			[]q{{"1,000 militants had defected", "surrendered", "1000", "", ""}}},

		// territory
		{"per cent of the city", "Government forces now control 85 per cent of the city.",
			[]q{{"85 per cent of the city", "territory_percent", "85", "", ""}}},
		{"percent of a place", "State TV said 99 percent of Aleppo is now under army control.",
			[]q{{"99 percent of Aleppo", "territory_percent", "99", "", ""}}},
		{"about half", "Rebels hold about half of the province.",
			[]q{{"about half of the province", "territory_percent", "50", "", ""}}},
		{"two thirds", "The army has retaken two-thirds of the territory.",
			[]q{{"two-thirds of the territory", "territory_percent", "66.7", "", ""}}},
		{"one-third", "Kurdish forces control one-third of the country.",
			[]q{{"one-third of the country", "territory_percent", "33.3", "", ""}}},
		{"share of a population", "Nearly 90% of Gaza's population has been displaced.", nil},
		{"share of a country's land", "Russia occupies about 18 percent of Ukraine's territory.",
			[]q{{"about 18 percent of Ukraine's territory", "territory_percent", "18", "", ""}}},
		{"votes are not territory", "The party won 60 percent of the vote.", nil},
		{"share of people is not territory", "Half of the victims were children.", nil},

		// equipment
		{"destroyed tanks and vehicles", "Ukraine said its forces destroyed 12 tanks and 20 armoured vehicles.",
			[]q{{"destroyed 12 tanks", "equipment_destroyed", "12", "", ""}, {"20 armoured vehicles", "equipment_destroyed", "20", "", ""}}},
		{"losing", "The militants lost six tanks and five APCs.",
			[]q{{"lost six tanks", "equipment_destroyed", "6", "", ""}, {"five APCs", "equipment_destroyed", "5", "", ""}}},
		{"killed and destroyed trucks", "The army said it had killed 17 terrorists and destroyed two pick-up trucks.",
			[]q{{"killed 17 terrorists", "killed", "17", "", ""}, {"destroyed two pick-up trucks", "equipment_destroyed", "2", "", ""}}},
		{"shot down drones", "Russia said it had shot down 3 Ukrainian drones over Belgorod.",
			[]q{{"shot down 3 Ukrainian drones", "equipment_destroyed", "3", "", ""}}},
		{"tanks not destroyed", "The column included 40 tanks and dozens of trucks.",
			[]q{{"40 tanks", "other", "40", "", ""}, {"dozens of trucks", "other", "", "24", ""}}},
		{"captured tanks are other", "Ukrainian forces captured 20 tanks near Kharkiv.",
			[]q{{"20 tanks", "other", "20", "", ""}}},

		// other
		{"shot down of", "The air force said it shot down 25 of 30 drones launched overnight.",
			[]q{{"shot down 25 of 30 drones", "equipment_destroyed", "25", "", ""}, {"30 drones", "other", "30", "", ""}}},
		{"mixed attack nouns", "Houthi rebels have launched more than 100 drone and missile attacks on ships.",
			[]q{{"more than 100 drone and missile attacks", "other", "100", "100", ""}}},
		{"air strikes", "The coalition carried out 25 air strikes on Sanaa.",
			[]q{{"25 air strikes", "other", "25", "", ""}}},
		{"rockets", "Militants fired 40 rockets at the town.",
			[]q{{"40 rockets", "other", "40", "", ""}}},
		{"corridors", "Two humanitarian corridors were opened for civilians.",
			[]q{{"Two humanitarian corridors", "other", "2", "", ""}}},
		{"partitive", "Rudskoi said 2 of 8 corridors were reserved for fighters.",
			[]q{{"2 of 8 corridors", "other", "2", "", ""}, {"8 corridors", "other", "8", "", ""}}},
		{"troops", "Ten kilometres from the front, 3,000 troops were massing.",
			[]q{{"3,000 troops", "other", "3000", "", ""}}},
		{"narrative soldiers", "Two soldiers told reporters the town had fallen.", nil},
		{"nbsp thousands", "Some 8\u00a0000 residents have fled the city.",
			[]q{{"Some 8\u00a0000 residents have fled", "evacuated", "8000", "", ""}}},
		{"space is not a thousands separator", "In 2016 500 people were killed.",
			[]q{{"500 people were killed", "killed", "500", "", ""}}},
		{"acronym modifier", "Officials estimate 10,000 IS fighters remain active.",
			[]q{{"10,000 IS fighters", "other", "10000", "", ""}}},
		{"reservists", "Israel has called up 360,000 reservists.",
			[]q{{"360,000 reservists", "other", "360000", "", ""}}},
		{"homes destroyed", "The strike destroyed 15 homes in the camp.",
			[]q{{"destroyed 15 homes", "other", "15", "", ""}}},
		{"singular modifier", "Five militant positions were destroyed by artillery.",
			[]q{{"Five militant positions were destroyed", "other", "5", "", ""}}},
		{"violations", "The UN counted 1,300 ceasefire violations.",
			[]q{{"1,300 ceasefire violations", "other", "1300", "", ""}}},

		// not counts
		{"hour pause", "An 11-hour pause began at 8 am.", nil},
		{"year war", "The six-year war has left the country in ruins.", nil},
		{"age", "A 12-year-old boy was among those killed.", nil},
		{"money", "The UN appealed for $2.2 billion in aid for 4 million dollars.", nil},
		{"distance", "Jets stayed at least 10 kilometers away from the city.", nil},
		{"ages", "Men aged 18 to 60 are barred from leaving.", nil},
		{"aircraft model", "Two F-16 jets and an Su-25 were seen over the city.",
			[]q{{"Two F-16 jets", "other", "2", "", ""}}},
		{"no one", "No one was killed in the attack, but one soldier was wounded.",
			[]q{{"one soldier was wounded", "injured", "1", "", ""}}},
		{"page", "The report lists the names on page 12.", nil},
		{"times", "The ceasefire was violated 15 times on Sunday.", nil},
		{"ministers", "The 28 ministers agreed to impose more sanctions.", nil},
		{"leaders", "Two leaders spoke by phone on Wednesday.", nil},
		{"people without kind", "The car carried 5 people to the border.", nil},
		{"date", "The offensive began on 22 September and ended on March 3.", nil},
		{"clock", "The pause began at 10:30 and ended at 21:00.", nil},
		{"identifier", "Reference 78081a38-653c-4259 was attached to 071 files.", nil},
		{"one leading", "Two corridors were open, with one leading to Turkey.",
			[]q{{"Two corridors", "other", "2", "", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, findAll(f, tc.text)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

var _ = domain.KindKilled
