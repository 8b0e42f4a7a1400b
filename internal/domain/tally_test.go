package domain_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep/sitrep/internal/domain"
)

func ent(typ, canonical, label string) domain.Entity {
	return domain.Entity{Type: typ, Canonical: canonical, Label: label}
}

func TestEntityTally(t *testing.T) {
	tally := domain.NewEntityTally("armed_group")
	tally.Add([]domain.Entity{ent(domain.ArmedGroup, "Houthis", "rebels"), ent(domain.ArmedGroup, "Houthis", ""),
		ent(domain.Place, "Sanaa", "")})
	tally.Add([]domain.Entity{ent(domain.ArmedGroup, "Houthis", "rebels"), ent(domain.ArmedGroup, "Hamas", "militants")})
	want := []domain.EntityCount{
		{Type: domain.ArmedGroup, Canonical: "Houthis", Mentions: 3, Documents: 2, Labels: map[string]int{"rebels": 2}},
		{Type: domain.ArmedGroup, Canonical: "Hamas", Mentions: 1, Documents: 1, Labels: map[string]int{"militants": 1}},
	}
	if diff := cmp.Diff(want, tally.Counts(0)); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if got := tally.Counts(1); len(got) != 1 || got[0].Canonical != "Houthis" {
		t.Errorf("limit 1 gave %+v", got)
	}
}

func TestOutletTally(t *testing.T) {
	tally := domain.NewOutletTally()
	tally.Add("Outlet B", []domain.Entity{ent(domain.ArmedGroup, "Hamas", "terrorists")})
	tally.Add("Outlet A", []domain.Entity{ent(domain.ArmedGroup, "Hamas", "militants"), ent(domain.Place, "Gaza", "")})
	tally.Add("Outlet A", nil)
	tally.SetIncidents("Outlet A", 4)
	tally.SetIncidents("Nobody", 9)
	want := []domain.OutletStat{
		{Outlet: "Outlet A", Documents: 2, Incidents: 4, Labels: map[string]map[string]int{"Hamas": {"militants": 1}}},
		{Outlet: "Outlet B", Documents: 1, Labels: map[string]map[string]int{"Hamas": {"terrorists": 1}}},
	}
	if diff := cmp.Diff(want, tally.Stats()); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}
