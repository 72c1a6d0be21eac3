package layout

import (
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestEngineLeavesADottedLineWhoseCardsStay: a dotted line from deep in
// the chart to its top card is not routed again by an edit elsewhere. The
// top card is placed again after every edit (it heads every path) without
// moving, and the line was looked at along its whole length each time: at
// 100,000 positions that was most of a relayout. When a card placed again
// comes onto the line, it is routed again.
func TestEngineLeavesADottedLineWhoseCardsStay(t *testing.T) {
	p := generate.Shaped(3000, 1)
	for _, pos := range p.Positions {
		pos.DottedTo = nil
	}
	top := p.Tops()[0]
	l := Compute(p, Options{})
	from := l.Cards[l.Index(deepManager(t, l, p, 0))].Position
	from.DottedTo = []string{top.ID}
	ed := orgchart.NewEditor(p)
	p = ed.Plan()
	e := NewEngine(p, Options{})
	line := func(l *Layout) *Edge {
		for k := range l.Edges {
			if ed := &l.Edges[k]; ed.Dotted {
				return ed
			}
		}
		t.Fatal("no dotted line")
		return nil
	}
	was := line(e.Layout()).Points
	other := deepManager(t, e.Layout(), p, 30)
	for k := 0; k < 4; k++ {
		if err := ed.Update(other, func(q *orgchart.Position) { q.Holder = string(rune('a' + k)) }); err != nil {
			t.Fatal(err)
		}
		e.Changed(ed.Touched()...)
		l := e.Relayout()
		checkInvariants(t, p, l)
		if now := line(l).Points; &now[0] != &was[0] || len(now) != len(was) {
			t.Fatalf("edit %d elsewhere routed the line to the top again: %v, was %v", k, now, was)
		}
	}
	// A card placed again onto the line: it is routed again.
	ln := line(e.Layout())
	mid := ln.Points[len(ln.Points)/2]
	if !e.stays(ln, e.movedNear(nil, nil)) {
		t.Fatal("the line does not stay with nothing placed again")
	}
	i := int32(e.Layout().Index(other))
	x, y := e.b.cards[i].X, e.b.cards[i].Y
	e.b.cards[i].X, e.b.cards[i].Y = mid.X-10, mid.Y-10
	if e.stays(ln, e.movedNear([]int32{i}, nil)) {
		t.Fatal("a card placed onto the line leaves it as it was")
	}
	// The same when most of the chart shifted (the cards are looked up in
	// the spatial index rather than walked over).
	many := make([]int32, 0, movedScan+1)
	for c := range e.b.cards {
		if int32(c) != i && len(many) <= movedScan {
			many = append(many, int32(c))
		}
	}
	e.live.mark(i)
	e.b.cards[i].X, e.b.cards[i].Y = x, y
	if !e.stays(ln, e.movedNear(nil, many)) {
		t.Fatal("many cards shifted, none near the line, and it does not stay")
	}
	e.b.cards[i].X, e.b.cards[i].Y = mid.X-10, mid.Y-10
	if e.stays(ln, e.movedNear([]int32{i}, many)) {
		t.Fatal("a card shifted onto the line, among many, leaves it as it was")
	}
	e.b.cards[i].X, e.b.cards[i].Y = x, y
}
