package diff_test

import (
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/diff"
)

// A plan that gives its CTO on-call shows it as a field change and as an
// owner change of on-call.
func TestCompareSeesPlanOwnership(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	plan := func(owns string) *orgchart.Plan {
		text := "version: 1\npositions:\n  - {id: cto, role: chief-technology-officer, holder: Ada" + owns + "}\n"
		p, _, err := orgchart.Read([]byte(text), "p.yaml", cat)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	d := diff.Compare(plan(""), plan(", owns: [sre-on-call]"), cat)
	if len(d.Changed) != 1 || len(d.Changed[0].Fields) != 1 || d.Changed[0].Fields[0].Field != diff.FieldOwns || d.Changed[0].Fields[0].After != "sre-on-call" {
		t.Fatalf("changed %+v", d.Changed)
	}
	found := false
	for _, oc := range d.Effects.OwnerChanges {
		if oc.ID == "sre-on-call" && len(oc.Gained) == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no owner change for on-call: %+v", d.Effects.OwnerChanges)
	}
}
