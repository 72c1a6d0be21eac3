package templates

import (
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

func TestEveryTemplateMakesAValidVacantPlan(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Names() {
		p, err := New(name, cat, Options{Name: "Our " + name})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.Name != "Our "+name || len(p.Positions) < 10 {
			t.Errorf("%s: name %q, %d positions", name, p.Name, len(p.Positions))
		}
		for _, pos := range p.Positions {
			if pos.Holder != "" {
				t.Fatalf("%s: %s keeps holder %q", name, pos.ID, pos.Holder)
			}
		}
		// What new writes must load again, with the same ids as the sample.
		q, _, err := orgchart.Read(p.Encode(), name+".yaml", cat)
		if err != nil {
			t.Fatalf("%s: written template does not load: %v", name, err)
		}
		if q.Positions[0].ID != p.Positions[0].ID {
			t.Errorf("%s: ids changed on reload", name)
		}
		withPeople, _ := New(name, cat, Options{People: true})
		held := 0
		for _, pos := range withPeople.Positions {
			if pos.Holder != "" {
				held++
			}
		}
		if held == 0 {
			t.Errorf("%s: People kept no holder", name)
		}
	}
	if _, err := New("galactic-empire", cat, Options{}); err == nil {
		t.Error("unknown template accepted")
	}
}
