package layout

import (
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestEngineShiftsSubtreesAsPlacingWould: a move that gives its new
// manager's column more width shifts most of the chart sideways (6,541 of
// 10,000 cards here). The subtrees not laid out again move as blocks; every
// card must then be where its manager's box puts it, every solid line
// where drawing it again puts it, and every dotted line on its two cards.
func TestEngineShiftsSubtreesAsPlacingWould(t *testing.T) {
	ed := orgchart.NewEditor(generate.Shaped(10_000, 1))
	p := ed.Plan()
	e := NewEngine(p, Options{})
	before := snapshot(e.Layout())
	do := moveTeam(ed, e.Layout(), p)
	for k := 0; k < 3; k++ {
		if k%2 == 0 {
			if err := do(); err != nil {
				t.Fatal(err)
			}
		} else if !ed.Undo() {
			t.Fatal("nothing to undo")
		}
		e.Changed(ed.Touched()...)
		l := e.Relayout()
		if k == 0 {
			moved := 0
			for _, c := range l.Cards {
				if w, ok := before[c.Position.ID]; ok && w != [2]float32{c.X, c.Y} {
					moved++
				}
			}
			if moved <= movedScan {
				t.Fatalf("the move shifted %d cards: the test wants more than %d", moved, movedScan)
			}
		}
		checkInvariants(t, p, l)
		checkPlaced(t, e)
	}
}

// checkPlaced checks every card of an Engine against its manager's box,
// and every line against its cards.
func checkPlaced(t *testing.T, e *Engine) {
	t.Helper()
	b := e.b
	near := func(a, c float32) bool { return a-c < 0.01 && c-a < 0.01 }
	for _, i := range e.l.DepthFirst() {
		x, y := b.boxX[i], b.boxY[i]
		if m := b.parent[i]; m >= 0 {
			x, y = b.boxX[m]+b.ox[i], b.boxY[m]+b.oy[i]
		}
		c := &b.cards[i]
		if !near(b.boxX[i], x) || !near(b.boxY[i], y) || !near(c.X, x+b.rx[i]) || !near(c.Y, y) ||
			c.Subtree != (Rect{b.boxX[i], b.boxY[i], b.bw[i], b.bh[i]}) {
			t.Fatalf("card %s at (%v,%v) box (%v,%v), its manager's box puts it at (%v,%v)", c.Position.ID, c.X, c.Y, b.boxX[i], b.boxY[i], x+b.rx[i], y)
		}
		if b.parent[i] < 0 {
			continue
		}
		var raw [5]Point
		want := simplify(nil, raw[:b.edgePoints(i, &raw)])
		got := simplify(nil, e.edges[b.edgeOf[i]].Points)
		same := len(got) == len(want)
		for k := 0; same && k < len(got); k++ {
			same = near(got[k].X, want[k].X) && near(got[k].Y, want[k].Y)
		}
		if !same {
			t.Fatalf("the line into %s is %v, drawn again it is %v", c.Position.ID, got, want)
		}
	}
	r := newEngineRouter(b.cards, b.rootW, b.rootH, e.live)
	for k := range e.edges {
		ed := &e.edges[k]
		if !ed.Dotted {
			continue
		}
		s, end, _ := r.ends(int32(ed.From), int32(ed.To))
		if pts := ed.Points; pts[0] != s || pts[len(pts)-1] != end {
			t.Fatalf("dotted line %d runs %v-%v, its cards are at %v-%v", k, pts[0], pts[len(pts)-1], s, end)
		}
	}
}
