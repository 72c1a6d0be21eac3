package layout

import (
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/samples"
)

// TestAssistantsSitBesideTheirManager: a chief of staff or an executive
// assistant is set beside its manager's line, below the manager and above
// every other report (not one of the row), joined from the side.
func TestAssistantsSitBesideTheirManager(t *testing.T) {
	for _, name := range []string{"scaleup", "enterprise"} {
		p, err := samples.Build(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, opt := range []Options{{}, {Fold: -1}} {
			l := Compute(p, opt)
			checkInvariants(t, p, l)
			found := 0
			for i := range l.Cards {
				a := &l.Cards[i]
				if !isAssistant(p, a.Position) {
					continue
				}
				found++
				m := &l.Cards[l.Index(a.Position.ReportsTo)]
				if !a.Stacked || a.Y < m.Y+m.H {
					t.Errorf("%s: assistant %s at %v,%v is not beside the line under %s (bottom %v)", name, a.Position.ID, a.X, a.Y, m.Position.ID, m.Y+m.H)
				}
				for _, r := range p.Reports(m.Position.ID) {
					if isAssistant(p, r) {
						continue
					}
					if c := &l.Cards[l.Index(r.ID)]; c.Y < a.Y+a.H+StackRowGap {
						t.Errorf("%s: report %s (top %v) is not below assistant %s (bottom %v)", name, r.ID, c.Y, a.Position.ID, a.Y+a.H)
					}
				}
			}
			if found == 0 {
				t.Fatalf("%s: no assistant in the sample", name)
			}
		}
	}
}

// TestOnlyAssistants: a manager whose only reports are assistants, and one
// with many, keep every layout rule.
func TestOnlyAssistants(t *testing.T) {
	p := &orgchart.Plan{Positions: []*orgchart.Position{{ID: "ceo"}, {ID: "cto", ReportsTo: "ceo"}}}
	for i, m := range []string{"ceo", "ceo", "ceo", "cto", "cto", "cto", "cto", "cto"} {
		p.Positions = append(p.Positions, &orgchart.Position{ID: string(rune('a' + i)), Role: "chief-of-staff", ReportsTo: m})
	}
	p.Positions = append(p.Positions, &orgchart.Position{ID: "ea", Role: "executive-assistant", ReportsTo: "a"}) // a leads: not aside
	p.Reindex()
	for _, opt := range []Options{{}, {Fold: -1}} {
		l := Compute(p, opt)
		checkInvariants(t, p, l)
		if a := &l.Cards[l.Index("a")]; a.Stacked && a.Y < l.Cards[l.Index("b")].Y {
			t.Errorf("a chief of staff who leads someone is set aside")
		}
	}
}
