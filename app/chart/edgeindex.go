package chart

import (
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// edgeIndex finds the connectors in view without looking at every one: a
// reporting line lies inside its manager's subtree box (Card.Subtree), so
// only the managers whose box meets the view are visited, down the plan's
// reports. A repaint then costs what is in view and its managers' teams,
// not the size of the chart (a 100,000-card chart has 100,000 lines).
type edgeIndex struct {
	lay    *layout.Layout
	nCards int
	into   []int32 // the solid line into each card, -1 for none
	dotted []int32 // the dotted lines, drawn after the solid ones
	stack  []int32
}

// update makes the index follow the layout (one pass over its edges,
// reading only their ends, when the layout changed).
func (x *edgeIndex) update(lay *layout.Layout) {
	if x.lay == lay && x.nCards == len(lay.Cards) {
		return
	}
	x.lay, x.nCards = lay, len(lay.Cards)
	if cap(x.into) < len(lay.Cards) {
		x.into = make([]int32, len(lay.Cards))
	}
	x.into = x.into[:len(lay.Cards)]
	for i := range x.into {
		x.into[i] = -1
	}
	x.dotted = x.dotted[:0]
	for i := range lay.Edges {
		ed := &lay.Edges[i]
		switch {
		case ed.Dotted:
			x.dotted = append(x.dotted, int32(i))
		case ed.To >= 0 && ed.To < len(x.into):
			x.into[ed.To] = int32(i)
		}
	}
}

// visit calls fn for every solid line that may meet the rectangle
// (x0, y0)-(x1, y1) of the layout, then for every dotted line (they may
// run anywhere). fn still tests each against the view.
func (x *edgeIndex) visit(p *orgchart.Plan, lay *layout.Layout, x0, y0, x1, y1 float32, fn func(i int)) {
	x.update(lay)
	meets := func(r layout.Rect) bool { return r.X <= x1 && r.X+r.W >= x0 && r.Y <= y1 && r.Y+r.H >= y0 }
	// A card's line is looked at when its manager's subtree meets the view
	// (the walk reaches only those cards); a top has none.
	x.stack = walkShown(p, lay, x.stack, func(i int32) bool {
		if e := x.into[i]; e >= 0 {
			fn(int(e))
		}
		return meets(lay.Cards[i].Subtree)
	})
	for _, e := range x.dotted {
		fn(int(e))
	}
}
