package layout

import (
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestExpandingManyKeepsTheChartCompact: expanding every manager collapsed
// at depth 2 in one relayout gives a chart of about the area Compute
// gives (the kept arrangements give way where they would blow it up).
func TestExpandingManyKeepsTheChartCompact(t *testing.T) {
	p := generate.Shaped(3000, 1)
	full := Compute(p, Options{})
	col := map[string]bool{}
	for _, c := range full.Cards {
		if c.Depth == 2 && c.Below > 0 {
			col[c.Position.ID] = true
		}
	}
	e := NewEngine(p, Options{Collapsed: col})
	for id := range col {
		e.SetCollapsed(id, false)
	}
	l := e.Relayout()
	checkInvariants(t, p, l)
	ratio := l.Width * l.Height / (full.Width * full.Height)
	t.Logf("expanded: %v x %v, Compute %v x %v (%.2fx)", l.Width, l.Height, full.Width, full.Height, ratio)
	if ratio > 2 || max(l.Width/l.Height, l.Height/l.Width) > 4 {
		t.Fatalf("expanding gave %v x %v, %.1f times Compute's area", l.Width, l.Height, ratio)
	}
}

// TestExpandingAManagerCollapsedAtStartKeepsTheChart: expanding a manager
// of about 30 cards that was collapsed when the engine was made (it has no
// kept slot) makes its subtree grow down its column rather than across
// the chart: outside its path and the subtree of its manager's manager
// (which may arrange their reports again) no card moves
// sideways by more than one column indent (a subtree hung in a column is
// that much wider than the folded card). It moved 1,350-1,423 of 1,516
// cards by 724-1,388 px sideways before.
func TestExpandingAManagerCollapsedAtStartKeepsTheChart(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		p := generate.Shaped(generate.RealSize, seed)
		id := ""
		for _, c := range Compute(p, Options{}).Cards {
			if c.Depth >= 2 && c.Below >= 25 && c.Below <= 40 {
				id = c.Position.ID
				break
			}
		}
		e := NewEngine(p, Options{Collapsed: map[string]bool{id: true}})
		was := snapshot(e.Layout())
		e.SetCollapsed(id, false)
		l := e.Relayout()
		checkInvariants(t, p, l)
		// Its manager and the one above may arrange their reports again.
		near, up := within(p, p.Manager(p.Position(id)).ReportsTo), ancestors(p, id)
		moved, across := 0, 0
		for _, c := range l.Cards {
			w, ok := was[c.Position.ID]
			if !ok || near[c.Position.ID] || up[c.Position.ID] || w == [2]float32{c.X, c.Y} {
				continue
			}
			moved++
			if d := c.X - w[0]; d > StackIndent || d < -StackIndent {
				across++
			}
		}
		t.Logf("seed %d: expanding %s moved %d of %d cards outside its manager's manager, %d across", seed, id, moved, len(l.Cards), across)
		if across > 0 {
			t.Errorf("seed %d: expanding %s moved %d cards, %d of them sideways", seed, id, moved, across)
		}
	}
}
