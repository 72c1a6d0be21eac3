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
