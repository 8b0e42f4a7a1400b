package event_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGeneralRules covers rules that must hold across outlets and
// conflicts: who counts as a target, what is background, protests and
// their policing, claims of responsibility.
func TestGeneralRules(t *testing.T) {
	var (
		rsf      = "Rapid Support Forces|ARMED_GROUP|Rapid Support Forces"
		nyala    = "Nyala|PLACE|Nyala|Sudan"
		khartoum = "Khartoum|PLACE|Khartoum|Sudan"
		baghdad  = "Baghdad|PLACE|Baghdad|Iraq"
		kh       = "Kataib Hezbollah|ARMED_GROUP|Kataib Hezbollah"
		usMil    = "U.S. military|ARMED_GROUP|Military Forces of United States"
		usSold   = "U.S. soldiers|ARMED_GROUP|Military Forces of United States"
		jordan   = "Jordan|PLACE|Jordan|Jordan"
		sudani   = "Mohammed Shia al-Sudani|PERSON|Mohammed Shia al-Sudani|Iraq"
		westBank = "West Bank|PLACE|West Bank|Palestine"
		krynky   = "Krynky|PLACE|Krynky|Ukraine"
	)
	tests := []struct {
		name string
		text string
		ents []string
		qty  []string
		want []brief
	}{
		{"armed group storming a camp of civilians is violence against civilians",
			"Gunmen of the Rapid Support Forces stormed a camp for displaced people near Nyala, killing at least 30 civilians.",
			[]string{rsf, nyala}, []string{"killing at least 30 civilians=killed:30"},
			[]brief{{Type: "Violence against civilians", Sub: "Attack", Actor1: "Rapid Support Forces", Actor2: "Civilians (Sudan)",
				Place: "Nyala", Date: "2024-03-08", By: "Example Post", Fatalities: 30}}},
		{"civilians caught in fighting leave it a battle",
			"Clashes between the army and the Rapid Support Forces in Nyala killed five civilians.",
			[]string{rsf, nyala}, []string{"killed five civilians=killed:5"},
			[]brief{{Type: "Battles", Sub: "Armed clash", Actor1: "Military Forces of Sudan", Actor2: "Rapid Support Forces",
				Place: "Nyala", Date: "2024-03-08", By: "Example Post", Fatalities: 5}}},
		{"the outbreak of a war is background",
			"Millions of people face hunger since fighting between the army and the Rapid Support Forces broke out in Khartoum.",
			[]string{rsf, khartoum}, nil, nil},
		{"a recent start stays news",
			"Shelling has hit Nyala since Monday, when fighting erupted near the airport.",
			[]string{nyala}, nil,
			[]brief{
				{Type: "Explosions/Remote violence", Sub: "Shelling/artillery/missile attack", Place: "Nyala", Date: "2024-03-08", By: "Example Post"},
				{Type: "Battles", Sub: "Armed clash", Place: "Nyala", Date: "2024-03-08", By: "Example Post"},
			}},
		{"protest dispersed with tear gas",
			"Hundreds of people gathered outside parliament in Baghdad to protest against power cuts, and police fired tear gas to disperse them.",
			[]string{baghdad}, nil,
			[]brief{{Type: "Protests", Sub: "Protest with intervention", Actor1: "Protesters (Iraq)", Actor2: "Police Forces of Iraq",
				Place: "Baghdad", Date: "2024-03-08", By: "Example Post"}}},
		{"peaceful rally",
			"Thousands of teachers staged a protest in Khartoum demanding unpaid salaries.",
			[]string{khartoum}, nil,
			[]brief{{Type: "Protests", Sub: "Peaceful protest", Actor1: "Protesters (Sudan)", Place: "Khartoum", Date: "2024-03-08", By: "Example Post"}}},
		{"live fire on protesters is excessive force",
			"Security forces opened fire on protesters in Khartoum with live ammunition.",
			[]string{khartoum}, nil,
			[]brief{{Type: "Protests", Sub: "Excessive force against protesters", Actor1: "Protesters (Sudan)", Actor2: "Police Forces of Sudan",
				Place: "Khartoum", Date: "2024-03-08", By: "Example Post"}}},
		{"a backed group is the target, not the city's state",
			"A drone strike on a car in eastern Baghdad killed a commander of the Iran-backed Kataib Hezbollah militia.",
			[]string{baghdad, kh}, nil,
			[]brief{{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor2: "Kataib Hezbollah",
				Place: "Baghdad", Date: "2024-03-08", By: "Example Post"}}},
		{"a claim of responsibility names the doer of the strike before it",
			"A drone strike on a car in Baghdad killed two men. The U.S. military said in a statement that it had carried out the strike.",
			[]string{baghdad, usMil}, nil,
			[]brief{
				{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor1: "Military Forces of United States",
					Place: "Baghdad", Date: "2024-03-08", By: "Example Post"},
				{Type: "Diplomacy", Sub: "Statement", Actor1: "Military Forces of United States", Place: "Washington",
					Date: "2024-03-08", By: "Military Forces of United States"},
			}},
		{"victims of an attack are its second actor",
			"A drone attack on a base in Jordan killed three U.S. soldiers.",
			[]string{jordan, usSold}, []string{"killed three U.S. soldiers=killed:3"},
			[]brief{{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor2: "Military Forces of United States",
				Place: "Jordan", Date: "2024-03-08", By: "Example Post", Fatalities: 3}}},
		{"arrest raids are not air raids",
			"Israeli forces arrested 20 Palestinians in raids across the West Bank.",
			[]string{westBank}, []string{"arrested 20 Palestinians=detained:20"},
			[]brief{{Type: "Strategic developments", Sub: "Arrests", Actor1: "Military Forces of Israel", Place: "West Bank",
				Date: "2024-03-08", By: "Example Post"}}},
		{"withdrawal is a transfer of territory",
			"Russian troops withdrew from Krynky on the left bank of the Dnipro.",
			[]string{krynky}, nil,
			[]brief{{Type: "Strategic developments", Sub: "Non-violent transfer of territory", Actor1: "Military Forces of Russia",
				Place: "Krynky", Date: "2024-03-08", By: "Example Post"}}},
		{"a claim for another kind of attack leaves the strike alone",
			"Two people were killed in a strike on a car near Baghdad. Kataib Hezbollah claimed responsibility for the rocket fire on the base.",
			[]string{baghdad, kh}, []string{"Two people were killed=killed:2"},
			[]brief{{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor2: "Civilians (Iraq)",
				Place: "Baghdad", Date: "2024-03-08", By: "Example Post", Fatalities: 2}}},
		{"telling a reporter by phone is no call",
			"Fighters of the Rapid Support Forces shelled Nyala overnight, a resident told Example Post by phone.",
			[]string{rsf, nyala}, nil,
			[]brief{{Type: "Explosions/Remote violence", Sub: "Shelling/artillery/missile attack", Actor1: "Rapid Support Forces",
				Place: "Nyala", Date: "2024-03-08", By: "resident"}}},
		{"a neighbouring country is a place, not a party",
			"In neighbouring Sudan, gunmen abducted five traders near Nyala.",
			[]string{"Sudan|PLACE|Sudan|Sudan", nyala}, nil,
			[]brief{{Type: "Violence against civilians", Sub: "Abduction/forced disappearance", Actor1: "gunmen",
				Place: "Nyala", Date: "2024-03-08", By: "Example Post"}}},
		{"an attack made with artillery is shelling",
			"Russian forces attacked Krynky with artillery, killing two men.",
			[]string{krynky}, []string{"killing two men=killed:2"},
			[]brief{{Type: "Explosions/Remote violence", Sub: "Shelling/artillery/missile attack", Actor1: "Military Forces of Russia",
				Place: "Krynky", Date: "2024-03-08", By: "Example Post", Fatalities: 2}}},
		{"a single missile fired at troops",
			"Kataib Hezbollah fired a guided missile at U.S. soldiers near Baghdad.",
			[]string{kh, usSold, baghdad}, nil,
			[]brief{{Type: "Explosions/Remote violence", Sub: "Shelling/artillery/missile attack", Actor1: "Kataib Hezbollah",
				Actor2: "Military Forces of United States", Place: "Baghdad", Date: "2024-03-08", By: "Example Post"}}},
		{"a force backed by allies still takes the town",
			"Iraqi troops backed by coalition forces seized control of Mosul on Sunday.",
			[]string{iraqiArmy, mosul}, nil,
			[]brief{{Type: "Battles", Sub: "Government regains territory", Actor1: "Military Forces of Iraq",
				Place: "Mosul", Date: "2024-03-08", By: "Example Post"}}},
		{"saying it was behind the attack",
			"A roadside bomb killed four soldiers near Mosul. Islamic State said it was behind the attack.",
			[]string{mosul, isis}, []string{"killed four soldiers=killed:4"},
			[]brief{{Type: "Explosions/Remote violence", Sub: "Remote explosive/landmine/IED", Actor1: "Islamic State",
				Actor2: "Military Forces of Iraq", Place: "Mosul", Date: "2024-03-08", By: "Example Post", Fatalities: 4}}},
		{"an attack with drones is a drone strike",
			"The Houthis attacked a cargo ship off Hodeidah with drones.",
			[]string{houthis, "Hodeidah|PLACE|Hodeidah"}, nil,
			[]brief{{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor1: "Ansar Allah",
				Place: "Hodeidah", Date: "2024-03-08", By: "Example Post"}}},
		{"both parties of a truce",
			"The Rapid Support Forces and the army agreed to a seven-day truce in talks in Nyala.",
			[]string{rsf, nyala}, nil,
			[]brief{{Type: "Humanitarian", Sub: "Ceasefire or pause", Actor1: "Rapid Support Forces", Actor2: "Military Forces of Sudan",
				Place: "Nyala", Date: "2024-03-08", By: "Example Post"}}},
		{"arson by settlers is property destruction",
			"Armed settlers set fire to homes and cars in a village near Krynky.",
			[]string{krynky}, nil,
			[]brief{{Type: "Strategic developments", Sub: "Looting/property destruction", Actor1: "settlers",
				Place: "Krynky", Date: "2024-03-08", By: "Example Post"}}},
		{"the damage a mob does is part of the riot",
			"A mob attacked a police station in Khartoum and set it on fire.",
			[]string{khartoum}, nil,
			[]brief{{Type: "Riots", Sub: "Mob violence", Actor1: "Rioters (Sudan)", Actor2: "Police Forces of Sudan",
				Place: "Khartoum", Date: "2024-03-08", By: "Example Post"}}},
		{"a march with demands is a protest",
			"Thousands of people marched through Baghdad demanding jobs.",
			[]string{baghdad}, nil,
			[]brief{{Type: "Protests", Sub: "Peaceful protest", Actor1: "Protesters (Iraq)",
				Place: "Baghdad", Date: "2024-03-08", By: "Example Post"}}},
		{"rallying support is no rally", "The president sought to rally support from allies in Baghdad.", []string{baghdad}, nil, nil},
		{"a diplomatic protest is no street protest", "Iraq summoned the ambassador in Baghdad to protest the raid.", []string{baghdad}, nil, nil},
		{"leaving a treaty is no transfer of territory", "The government in Baghdad withdrew from the agreement.", []string{baghdad}, nil, nil},
		{"a spokesman speaks for the principal of his sentence",
			"The U.S. military said it had carried out an air strike in Baghdad. Prime Minister Mohammed Shia al-Sudani condemned the strike as a breach of sovereignty, his spokesman said.",
			[]string{baghdad, usMil, sudani}, nil,
			[]brief{
				{Type: "Explosions/Remote violence", Sub: "Air/drone strike", Actor1: "Military Forces of United States",
					Place: "Baghdad", Date: "2024-03-08", By: "Military Forces of United States"},
				{Type: "Diplomacy", Sub: "Statement", Actor1: "Mohammed Shia al-Sudani", Place: "Baghdad",
					Date: "2024-03-08", By: "Mohammed Shia al-Sudani"},
			}},
	}
	s := newStages(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text, tc.ents, nil, tc.qty)
			var got []brief
			for _, e := range s.run(d) {
				got = append(got, briefOf(e))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
