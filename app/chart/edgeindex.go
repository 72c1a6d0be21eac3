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
	stack []int32
}

// visit calls fn for every solid line that may meet the rectangle
// (x0, y0)-(x1, y1) of the layout, then for every dotted line (they may
// run anywhere). fn still tests each against the view.
func (x *edgeIndex) visit(p *orgchart.Plan, lay *layout.Layout, x0, y0, x1, y1 float32, fn func(i int)) {
	meets := func(r layout.Rect) bool { return r.X <= x1 && r.X+r.W >= x0 && r.Y <= y1 && r.Y+r.H >= y0 }
	// A card's line is looked at when its manager's subtree meets the view
	// (the walk reaches only those cards); a top has none.
	x.stack = walkShown(p, lay, x.stack, func(i int32) bool {
		if e := lay.EdgeInto(int(i)); e >= 0 {
			fn(e)
		}
		return meets(lay.Cards[i].Subtree)
	})
	lay.DottedEdges(fn)
}
