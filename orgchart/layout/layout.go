// Package layout places an org chart's cards and connectors: a tidy tree
// (parents centred over their reports, subtrees packed close, linear time)
// with reports who lead nobody stacked in one or two columns. It has no Fyne
// imports: the app canvas and the PNG renderer both draw from it.
package layout

import (
	"slices"
	"sync"

	"github.com/orgplanner/orgplanner/orgchart"
)

// Size is a card's width and height in logical pixels.
type Size struct{ W, H float32 }

// Point is a connector vertex in logical pixels.
type Point struct{ X, Y float32 }

// Options choose what part of the plan is laid out and how big cards are.
type Options struct {
	// Root is the id of the position whose subtree is laid out; "" lays out
	// every top position side by side. An unknown id gives an empty layout.
	Root string
	// Depth is the number of levels shown below the root (or below each top
	// position); 0 shows all. Cards at the cut carry Hidden counts.
	Depth int
	// Collapsed positions are drawn without their reports ("+N below").
	Collapsed map[string]bool
	// Fold is the depth (below the root) of the managers whose whole
	// subtrees are listed as indented columns under them instead of spread
	// out in rows. 0 chooses the deepest fold that keeps the chart no wider
	// than MaxAspect times its height; -1 never folds.
	Fold int
	// Measure gives a card's size; nil uses DefaultSize.
	Measure func(*orgchart.Position) Size

	workers int // goroutines that arrange the chart; 0 chooses (tests set 1)
}

// DefaultSize is the size of every card unless Options.Measure says otherwise.
func DefaultSize(*orgchart.Position) Size { return Size{CardW, CardH} }

// Card is one drawn position.
type Card struct {
	Position   *orgchart.Position
	X, Y, W, H float32
	Depth      int  // levels below the layout's root (tops are 0)
	Hidden     int  // positions below this one that are not shown (collapsed or cut by Depth)
	Stacked    bool // in a vertical list under its manager (a stack or a folded column), joined from the side
	// Subtree is the box, in chart coordinates (not relative to the card),
	// of the card and every card shown below it; siblings' boxes never
	// overlap, so a whole subtree can be drawn as one block at low zoom.
	Subtree Rect
	Below   int // cards shown below this one
}

// Edge is a connector between two cards, as a polyline of axis-aligned segments.
type Edge struct {
	From, To int // card indexes: the manager (or dotted-line manager) and the report
	Points   []Point
	Dotted   bool // a dotted-line (matrix) relationship
}

// Layout is a placed chart. Cards are in depth-first plan order (managers
// before their reports), with coordinates from (0, 0) to (Width, Height).
type Layout struct {
	Cards         []Card
	Edges         []Edge
	Width, Height float32

	idsOnce, gridOnce sync.Once
	ids               map[string]int
	grid              grid
	// live is an Engine's index, shared by the layouts it returns (nil
	// from Compute); order is DepthFirst's identity order of Compute's.
	live      *live
	orderOnce sync.Once
	order     []int32

	// The lines by card, so that a window need not look at every line:
	// edgeOf is each card's solid line's index in Edges (-1 for a top);
	// the dotted lines are Edges[firstDotted:] (Compute's layouts) or the
	// Engine's dottedOf (card -> its dotted lines, shared with the Engine).
	// A Layout made by hand gets them from one look at Edges.
	lineOnce    sync.Once
	edgeOf      []int32
	firstDotted int
	dottedOf    map[int32][]int32
}

// EdgeInto returns the index in Edges of the solid line into card i (from
// its manager), or -1 for a top.
func (l *Layout) EdgeInto(i int) int {
	l.indexLines()
	if i < 0 || i >= len(l.edgeOf) {
		return -1
	}
	return int(l.edgeOf[i])
}

// DottedEdges calls visit with the index in Edges of every dotted line,
// each once, in no fixed order.
func (l *Layout) DottedEdges(visit func(k int)) {
	l.indexLines()
	if l.dottedOf == nil {
		for k := l.firstDotted; k < len(l.Edges); k++ {
			if l.Edges[k].Dotted {
				visit(k)
			}
		}
		return
	}
	for c, ks := range l.dottedOf {
		for x, k := range ks {
			// listed under both its cards: visited under its report's
			if int(k) < len(l.Edges) && int32(l.Edges[k].To) == c && !slices.Contains(ks[:x], k) {
				visit(int(k))
			}
		}
	}
}

// indexLines finds each card's solid line in a layout made by hand.
func (l *Layout) indexLines() {
	l.lineOnce.Do(func() {
		if l.edgeOf != nil || len(l.Cards) == 0 {
			return
		}
		l.edgeOf = make([]int32, len(l.Cards))
		for i := range l.edgeOf {
			l.edgeOf[i] = -1
		}
		for k := range l.Edges {
			if ed := &l.Edges[k]; !ed.Dotted && ed.To >= 0 && ed.To < len(l.edgeOf) {
				l.edgeOf[ed.To] = int32(k)
			}
		}
	})
}

// Index returns the index of the card of the position with the id, or -1.
func (l *Layout) Index(id string) int {
	l.buildIDs()
	if i, ok := l.ids[id]; ok {
		return i
	}
	return -1
}

// At returns the index of the card under the point, or -1.
func (l *Layout) At(x, y float32) int {
	found := -1
	l.Visible(x, y, x, y, func(i int) {
		c := &l.Cards[i]
		if x >= c.X && y >= c.Y && x < c.X+c.W && y < c.Y+c.H {
			found = i
		}
	})
	return found
}

// Visible calls visit once for each card intersecting the rectangle
// (x0, y0)-(x1, y1), in increasing card order per grid cell. Its cost follows
// the area asked for, not the size of the chart.
func (l *Layout) Visible(x0, y0, x1, y1 float32, visit func(i int)) {
	if l.live != nil {
		l.live.query(l.Cards, l.Width, l.Height, x0, y0, x1, y1, alike{}, visit)
		return
	}
	l.gridOnce.Do(func() { l.grid = newGrid(l.Cards, l.Width, l.Height) })
	l.grid.query(l.Cards, nil, x0, y0, x1, y1, visit)
}

// buildIDs makes the id map on first use.
func (l *Layout) buildIDs() {
	l.idsOnce.Do(func() {
		if l.ids != nil { // shared with the layout this one follows (same cards)
			return
		}
		l.ids = make(map[string]int, len(l.Cards))
		for i := range l.Cards {
			l.ids[l.Cards[i].Position.ID] = i
		}
	})
}
