package chart

import (
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/rollup"
)

// Levels of detail. From detailZoom up a card shows what the export shows.
// Below it the text of a card would be smaller than anyone reads, so cards
// are boxes in the connector raster with one readable label each (a title,
// or a manager's holder and headcount). Below blockZoom whole departments
// become labelled blocks: name, headcount and findings.
const (
	detailZoom float32 = 0.6
	blockZoom  float32 = 0.2
	// labelMinWidth is the narrowest card (screen units) that gets a label.
	labelMinWidth float32 = 44
	// maxLabels caps the labels of one frame: beyond it only managers get one.
	maxLabels = 400
	// blockShare: a subtree is drawn as one block when it covers less than
	// this share of the view's width; larger ones open into their reports.
	blockShare float32 = 0.34
)

// subtrees holds, for one layout, every card's subtree: in the layout's
// depth-first order (order, Layout.DepthFirst: an engine's cards are not in
// that order after an edit), the subtree of card i is order[rank..end[i]-1]
// (from the layout's Card.Below). box is the layout's Card.Subtree; people
// and findings count the plan's positions below as well, folded ones included.
type subtrees struct {
	lay      *layout.Layout
	rep      *check.Report
	order    []int32 // card indexes in depth-first order
	end      []int32 // per card: the end of its subtree in order
	box      []layout.Rect
	people   []int // headcount of the position and everything below it
	findings []int // errors and warnings on the position and below it
}

// subtreesOf returns the subtrees of the layout, computed again only when
// the layout or the report changed (after an edit or a collapse).
func (r *chartRenderer) subtreesOf(lay *layout.Layout, rep *check.Report) *subtrees {
	if s := r.subs; s != nil && s.lay == lay && s.rep == rep && len(s.end) == len(lay.Cards) {
		return s
	}
	n := len(lay.Cards)
	s := &subtrees{lay: lay, rep: rep, end: make([]int32, n), box: make([]layout.Rect, n),
		people: make([]int, n), findings: make([]int, n)}
	roll := rollup.Compute(r.c.st.Plan())
	parent := make([]int32, n)
	s.order = lay.DepthFirst()
	rank := make([]int32, n)
	for r, i := range s.order {
		rank[i] = int32(r)
	}
	for i := range lay.Cards {
		k := &lay.Cards[i]
		// the layout's own subtree box and count of cards below (depth-first order)
		s.end[i] = rank[i] + 1 + int32(k.Below)
		s.box[i] = k.Subtree
		s.people[i] = roll.Including(k.Position).Headcount
		parent[i] = -1
		if m := k.Position.ReportsTo; m != "" {
			parent[i] = int32(lay.Index(m))
		}
	}
	if rep != nil {
		// every finding once, on each position it names and their managers
		below := map[string]int{}
		p := r.c.st.Plan()
		for _, f := range rep.Findings {
			if f.Severity < check.Warning {
				continue
			}
			for _, id := range f.Positions {
				for pos := p.Position(id); pos != nil; pos = p.Manager(pos) {
					if lay.Index(pos.ID) >= 0 {
						below[pos.ID]++
						break // the nearest card shown; its managers add it below
					}
				}
			}
		}
		for i := range lay.Cards {
			s.findings[i] = below[lay.Cards[i].Position.ID]
		}
	}
	for r := n - 1; r >= 0; r-- {
		i := s.order[r]
		if m := parent[i]; m >= 0 && rank[m] < int32(r) {
			s.findings[m] += s.findings[i]
		}
	}
	r.subs = s
	return s
}

// chooseBlocks picks the subtrees drawn as blocks at the current view:
// going down from the top cards, a subtree narrower than blockShare of the
// view (in layout units, viewW) is one block; a wider one shows its top card
// and opens into its reports. Leaves are never blocks. It returns the block
// roots in view, and marks in inBlock every card a block covers.
func (s *subtrees) chooseBlocks(viewW float32, x0, y0, x1, y1 float32, inBlock []bool) []int {
	var blocks []int
	n := int32(len(s.end))
	for r := int32(0); r < n; {
		i := s.order[r]
		b := s.box[i]
		if b.X > x1 || b.X+b.W < x0 || b.Y > y1 || b.Y+b.H < y0 {
			r = s.end[i] // the whole subtree is out of view
			continue
		}
		if s.end[i] > r+1 && b.W < viewW*blockShare {
			blocks = append(blocks, int(i))
			for _, j := range s.order[r:s.end[i]] {
				inBlock[j] = true
			}
			r = s.end[i]
			continue
		}
		r++
	}
	return blocks
}
