package layout

import (
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestEngineRouterRoutesFarLinesAndSaysWhenPast: an Engine's router (its
// relayouts search windows of at most engineWindowCards) routes a dotted
// line between cards far apart around the cards by the tree route (it
// kept the plain route through cards until Tidy before), and says when a
// line kept the plain route only because it is past its bounds (past),
// so the Engine can leave it and route it again when it has budget left.
func TestEngineRouterRoutesFarLinesAndSaysWhenPast(t *testing.T) {
	p := generate.Shaped(30_000, 1)
	e := NewEngine(p, Options{})
	l := e.Layout()
	b := e.b
	far := func(ed *Edge) bool {
		a, m := &b.cards[ed.To], &b.cards[ed.From]
		return abs32(a.X-m.X)*abs32(a.Y-m.Y) > 4*engineWindowCards*(CardW+HGap)*(CardH+VGap)
	}
	routed := 0
	for k := range l.Edges {
		ed := &l.Edges[k]
		if !ed.Dotted || !far(ed) {
			continue
		}
		r := newEngineRouter(b.cards, b.rootW, b.rootH, e.live)
		r.solid(b, &e.edges)
		pts := r.route(int32(ed.From), int32(ed.To))
		line := Edge{From: ed.From, To: ed.To, Points: pts, Dotted: true}
		if n, first := dottedThroughCards(l, &line); n > 0 || r.past {
			t.Errorf("a far line in a relayout: past %v, %s", r.past, first)
		}
		routed++
		// With its budgets spent, the router keeps the plain route and says so.
		r.budget, r.treeBudget = 0, 0
		pts = r.route(int32(ed.From), int32(ed.To))
		if !r.past || r.spare() != 0 || len(pts) != 4 {
			t.Errorf("past the budget: past %v, spare %d, %d points", r.past, r.spare(), len(pts))
		}
	}
	if routed < 10 {
		t.Fatalf("only %d far dotted lines to route", routed)
	}
	// Compute's router never says past.
	r := newDottedRouter(b.cards, b.rootW, b.rootH)
	r.budget, r.treeBudget = 0, 0
	for k := range l.Edges {
		if ed := &l.Edges[k]; ed.Dotted {
			r.route(int32(ed.From), int32(ed.To))
			if r.past {
				t.Fatal("Compute's router says past")
			}
			break
		}
	}
}
