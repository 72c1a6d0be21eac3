package layout

import "testing"

// TestALeafUnderAHangingTeamStandsApart: Kaggle's HRDataset_v14 imported
// as a user would. The CIO's reports hang in columns under a bus; its
// leaf "Enterprise Architect" stands in one column under the Software
// Engineering Manager, whose three engineers hang below it. The leaf
// must not read as a fourth engineer: twice the stacked gap (teamBreak)
// above it, against StackRowGap between the engineers, and its line
// from the column's spine, left of the team's. The CIO's bus runs at
// least 10 px above its reports' cards and clear of the CIO's card.
func TestALeafUnderAHangingTeamStandsApart(t *testing.T) {
	p := importedPeople(t, "hrdataset-v14.csv")
	l := Compute(p, Options{})
	find := func(role string) int {
		for i, c := range l.Cards {
			if c.Position.Role == role {
				return i
			}
		}
		t.Fatalf("no card of role %q", role)
		return -1
	}
	cio, sem, ea := find("chief-information-officer"), find("software-engineering-manager"), find("enterprise-architect")
	s, e := l.Cards[sem], l.Cards[ea]
	if e.X != s.X || e.Y < s.Y {
		t.Fatalf("Enterprise Architect at (%v, %v), not in the column under the Software Engineering Manager at (%v, %v): the fixture's shape changed", e.X, e.Y, s.X, s.Y)
	}
	// The team above: the engineers' stacked gap, then the break.
	var team []int
	for i, c := range l.Cards {
		if c.Position.ReportsTo == s.Position.ID {
			team = append(team, i)
		}
	}
	if len(team) != 3 {
		t.Fatalf("Software Engineering Manager leads %d, want 3", len(team))
	}
	last := l.Cards[team[2]]
	if gap := l.Cards[team[1]].Y - (l.Cards[team[0]].Y + l.Cards[team[0]].H); gap != StackRowGap {
		t.Errorf("engineers %v apart, want StackRowGap %v", gap, StackRowGap)
	}
	if gap := e.Y - (last.Y + last.H); gap < 2*StackRowGap {
		t.Errorf("Enterprise Architect %v below the last engineer, want at least %v (twice the stacked gap)", gap, 2*StackRowGap)
	}
	// Its line's spine, left of the team's.
	spineX := func(k int) float32 {
		pts := l.Edges[l.EdgeInto(k)].Points
		return pts[len(pts)-2].X // the spine, before the stub into the card
	}
	if d := spineX(team[2]) - spineX(ea); d < StackIndent {
		t.Errorf("Enterprise Architect's spine %v left of the team's, want at least %v", d, StackIndent)
	}
	// The CIO's bus: its horizontal run above the reports.
	c := l.Cards[cio]
	for i, k := range l.Cards {
		if k.Position.ReportsTo != c.Position.ID {
			continue
		}
		pts := l.Edges[l.EdgeInto(i)].Points
		for j := 1; j < len(pts); j++ {
			if y := pts[j].Y; y == pts[j-1].Y && y < k.Y {
				if k.Y-y < 10 || y-(c.Y+c.H) < 6 {
					t.Errorf("%s: the CIO's bus at %v, %v above the card and %v below the CIO's", k.Position.Holder, y, k.Y-y, y-(c.Y+c.H))
				}
			}
		}
	}
}
