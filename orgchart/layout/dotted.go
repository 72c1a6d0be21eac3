package layout

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sort"
)

// Dotted-line (matrix) connectors are routed through the gaps between
// cards, so no piece of one passes behind a card (or over its text). A
// line first tries the plain route (up from the report, across in the gap
// under its dotted-line manager, up into the manager); when a card is in
// the way, it searches a grid of the free space around the two cards: the
// cards' edges cut the area into cells that are each wholly inside a card
// or wholly free, and a shortest path with few turns through the free
// cells, drawn along the middle of each channel, is the route. The search
// works a cell out only when it reaches it (dottedcells.go), so its cost
// is the cells it looks at, not the grid's size, and it is bounded (a
// budget of work per layout, see dottedBudget), so a chart with hundreds
// of thousands of dotted lines stays linear: past the budget, lines keep
// the plain route unchecked.

const (
	dottedStub      = StackRowGap / 2 // how far a line leaves its card before turning
	dottedClearance = 2               // the plain route keeps this far from other cards
	dottedTurn      = 60              // a turn costs as much as this many pixels of line
	dottedNarrow    = 8               // a line closer than half this to a card's side ...
	dottedSqueeze   = 40              // ... costs this much more a cell
	dottedOffset    = 3               // a channel's line runs this far right of (below) its middle, beside a solid line there
	dottedSolidGap  = 4               // a dotted line keeps at least this far from a solid line beside it
	dottedTight     = 100             // a cell too narrow for that costs this much more
	dottedLane      = 5               // lines sharing a gap run this far apart
	dottedOutside   = 2 * dottedStub  // how far past the chart's edge a line may run (pictures have a margin)
	// dottedBudget is the work (about 25-50 ns a unit: a card looked at,
	// a cell, a step of the search) a layout's searches may do, and
	// dottedMaxNear the most cards one search's window may hold. Past
	// dottedFullCards cards the budget shrinks as the chart grows, and past
	// dottedWindowCards the window does too: a big chart's
	// lines are long, their searches cost the most, and its layout must
	// stay fast (100,000 cards in under 100 ms), so there the short lines
	// are searched and the long ones mostly keep the plain route.
	dottedBudget      = 3_000_000
	dottedMaxNear     = 5000
	dottedFullCards   = 5000
	dottedWindowCards = 10_000
	// dottedIndexCards is the most cards whose solid lines are indexed
	// (see solidLines).
	dottedIndexCards = 20_000
	// engineWindowCards bounds the window an Engine's relayout searches, in
	// card places: a line between cards far apart keeps its plain route.
	engineWindowCards = 2000
	// engineBudget is the cells one Engine relayout may search, about a
	// millisecond: an edit must fit in a frame, so lines past it keep the
	// plain route until the chart is laid out afresh (Tidy).
	engineBudget = 20_000
	// dottedTreeBudget is the work a layout's tree routes may do, and
	// dottedTreeCap the most one may.
	dottedTreeBudget = 600_000
	dottedTreeCap    = 20_000
	// dottedTreeLevels is the most managers a tree route goes out of (a
	// search each; a probe, mostly): the generators' lines are at most 16
	// apart (real organisations are about ten levels deep).
	dottedTreeLevels = 16
	// dottedTreeNear is the most rectangles one of its searches goes
	// around (a manager of more reports, or a window of more tops, is
	// past it).
	dottedTreeNear = 64
	// treeTriesJudged is how many tree routes a big chart tries before it
	// judges whether they work there (see treeWorks).
	treeTriesJudged = 32
)

// dottedRouter routes the dotted lines over the cards where they are: an
// Engine makes a new one after cards move (builder.dotted is reset then).
type dottedRouter struct {
	cards         []Card
	width, height float32
	index         grid  // the cards, for the plain route's checks and the search windows
	indexed       bool  // index is made (on first use)
	live          *live // an Engine's index instead (see newEngineRouter)
	// alike leaves out of the live index's answers the cards a relayout
	// shifted alike with the line being looked along (see freeShifted).
	alike alike
	// b and edges give the solid lines (see solidLines), nil when unknown;
	// solids indexes them on first use.
	b      *builder
	edges  *[]Edge
	solids *solidIndex
	budget int // the work the searches may still do (see dottedBudget)
	// treeBudget is the work the tree routes may still do, each at most
	// dottedTreeCap (see dottedtree.go), and weight how much the search
	// prefers a cell nearer the line's end over a shorter route.
	treeBudget int
	weight     float32
	// treeTries and treeWins count a big chart's tree routes tried first
	// and found (see treeWorks).
	treeTries, treeWins int
	maxNear             int // the most cards one search's window may hold
	// usedX and usedY count the routed lines' vertical pieces by x and
	// horizontal pieces by y: a later line through the same gap takes the
	// next lane, so two dotted lines do not run on top of each other.
	usedX, usedY map[float32]int
	// past is set when the last line routed (route, or builder.dottedEdge)
	// kept the plain route only because it is past an Engine's bounds (its
	// window or its budgets): a fresh layout, or a later relayout with
	// budget left (spare), would route it. Always false outside an Engine.
	past bool
	// starved is set when the last line routed kept the plain route
	// because an Engine's budgets ran out: routed again with budget left,
	// it may find a way (see Engine.Settle).
	starved bool
	// tree is set when the last line routed took the tree route
	// (dottedtree.go), which keeps clear of the solid lines already.
	tree bool
	// exitDir is the side a search with an exit left its window by.
	exitDir int

	// The tree route's memory: the two cards' chains of managers, and the
	// tops' boxes indexed (on first use, when there are many tops).
	chainA, chainM []int32
	wayA, wayM     []Point
	topIndex       *grid

	// The search's memory, kept from one line to the next: the window's
	// cards, the edges that cut it into nx x ny cells, the line's x in
	// each column and y in each row (where rxOK, ryOK), the cells looked
	// at (blocked: from 1 when a card covers one) and the states reached
	// (cell and direction: their cost and the state they came from).
	near           []int32
	obst           []obstacle // the rectangles the search goes around
	segs           []segment  // the solid lines in its window
	vsegs, hsegs   []segment  // among them the vertical ones by x, the horizontal ones by y
	xs, ys         []float32
	nx, ny         int
	rx, ry         []float32
	rxOK, ryOK     []bool
	xTight, yTight []bool    // a column (row) too narrow to keep clear of a solid line beside it
	xNear, yNear   []bool    // a column's (row's) line is closer to some solid line than dottedSolidGap
	sx, sy         []float32 // the solid lines' x (y) among the cells' edges
	buckets        buckets
	blocked, seen  stateTable
	heap           []dottedItem
	cells, reverse []int32
}

type dottedItem struct {
	f     float32
	state int32
}

func newDottedRouter(cards []Card, width, height float32) *dottedRouter {
	r := newEngineRouter(cards, width, height, nil)
	// The card index, for the plain routes and the searches around cards;
	// Layout.Visible and an Engine start from it (a big chart's tree routes
	// need none, but its first look-up would then build it on one core).
	r.index, r.indexed = newGrid(cards, width, height), true
	r.budget, r.maxNear, r.treeBudget = dottedBudget, dottedMaxNear, dottedTreeBudget
	if n := len(cards); n > dottedFullCards {
		r.budget = dottedBudget * dottedFullCards / n
		r.maxNear = max(min(dottedMaxNear, dottedMaxNear*dottedWindowCards/n), 200)
	}
	return r
}

// newEngineRouter is an Engine's router: it finds cards through the
// Engine's spatial index, kept across relayouts, instead of indexing every
// card again for each relayout, and it searches only the window around a
// line's two cards (a search of the whole chart sorts every card's edges),
// so a relayout costs what moved; Compute (and Tidy) search further.
func newEngineRouter(cards []Card, width, height float32, v *live) *dottedRouter {
	return &dottedRouter{cards: cards, width: width, height: height, live: v, budget: engineBudget, maxNear: dottedMaxNear,
		treeBudget: engineBudget, weight: 2,
		usedX: map[float32]int{}, usedY: map[float32]int{}}
}

// spare is the work the router's searches may still do (both budgets):
// an Engine routes again, while it lasts, the lines it kept plain
// because they were past its bounds (past).
// treeWorks says whether a big chart's lines should still try the tree
// route first. Past dottedIndexCards, where it finds under a quarter of
// them after a few dozen tries (lines many levels apart, as in a random
// tree hundreds of levels deep, are past dottedTreeLevels), trying the
// rest would spend its whole budget, a quarter of the layout again, on
// a few lines (about 1 ms each on the random 100k, against 0.1 ms on the
// real-shaped one, which finds nearly all). An Engine's relayout, a few
// lines at most, always tries.
func (r *dottedRouter) treeWorks() bool {
	return r.live != nil || len(r.cards) <= dottedIndexCards ||
		r.treeTries < treeTriesJudged || 4*r.treeWins >= r.treeTries
}

func (r *dottedRouter) spare() int { return max(r.budget, 0) + max(r.treeBudget, 0) }

// solid tells the router where the solid lines are: card c's line into it
// is (*edges)[b.edgeOf[c]].
func (r *dottedRouter) solid(b *builder, edges *[]Edge) { r.b, r.edges = b, edges }

// visible calls visit for each card meeting the rectangle.
func (r *dottedRouter) visible(x0, y0, x1, y1 float32, visit func(i int)) {
	if r.live != nil {
		r.live.query(r.cards, r.width, r.height, x0, y0, x1, y1, r.alike, visit)
		return
	}
	if !r.indexed {
		r.index, r.indexed = newGrid(r.cards, r.width, r.height), true
	}
	r.index.query(r.cards, nil, x0, y0, x1, y1, visit)
}

// directions: 0 up, 1 down, 2 left, 3 right.
var dottedDX, dottedDY = [4]int{0, 0, -1, 1}, [4]int{-1, 1, 0, 0}

// route is the dotted line from report card i to dotted-line manager card
// j: from the report's top (its bottom when the manager is not above it)
// to the manager's bottom (its top), off-centre from the solid lines.
func (r *dottedRouter) route(j, i int32) []Point {
	r.past, r.tree = false, false
	pts := simplify(nil, r.routeOnce(j, i))
	r.starved = r.past && (r.budget <= 0 || r.treeBudget <= 0)
	if !r.tree {
		r.clearSolid(pts, i, j)
	}
	r.use(pts)
	return pts
}

// clearSolid moves each inner piece of a line that runs alongside a solid
// line closer than dottedSolidGap (a gap too narrow for the search's
// lanes) sideways by the least that keeps it, and the pieces either side
// of it, clear of the cards and of the solid lines.
func (r *dottedRouter) clearSolid(pts []Point, i, j int32) {
	if r.b == nil || r.budget <= 0 {
		return
	}
	for k := 2; k+1 < len(pts); k++ { // the piece pts[k-1]-pts[k], neither the first nor the last
		if r.free(pts[k-1:k+1], i, j) {
			continue
		}
		vertical := pts[k-1].X == pts[k].X
		a, b := pts[k-1], pts[k]
		for _, d := range [...]float32{1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 8, -8} {
			if vertical {
				pts[k-1].X, pts[k].X = a.X+d, b.X+d
			} else {
				pts[k-1].Y, pts[k].Y = a.Y+d, b.Y+d
			}
			if r.free(pts[k-2:k+2], i, j) {
				break
			}
			pts[k-1], pts[k] = a, b
		}
	}
}

// use counts a routed line's pieces in the lanes of their gaps.
func (r *dottedRouter) use(pts []Point) {
	for k := 1; k < len(pts); k++ {
		if pts[k-1].X == pts[k].X {
			r.usedX[pts[k].X]++
		} else {
			r.usedY[pts[k].Y]++
		}
	}
}

// ends are where the line from report i to dotted-line manager j leaves
// and enters its cards, and whether it goes up.
func (r *dottedRouter) ends(j, i int32) (s, e Point, up bool) {
	a, m := &r.cards[i], &r.cards[j]
	ax := min(a.X+a.W/2+DottedInset, a.X+a.W-8)
	mx := min(m.X+m.W/2+DottedInset, m.X+m.W-8)
	if m.Y+m.H <= a.Y {
		return Point{ax, a.Y}, Point{mx, m.Y + m.H}, true
	}
	return Point{ax, a.Y + a.H}, Point{mx, m.Y}, false
}

// shifted is a line's old route moved with its cards, when both ends moved
// by the same offset (a subtree that moved as a whole, the usual effect
// of an edit elsewhere) and the moved route still keeps clear of every
// card; else nil. It spares an Engine's relayout the search.
func (r *dottedRouter) shifted(old []Point, j, i int32) []Point {
	pts, _, _ := r.translated(old, j, i)
	if pts == nil || !r.free(pts, i, j) {
		return nil
	}
	r.use(pts)
	return pts
}

// translated is a line's old route moved with its cards, and by how much,
// when both its ends moved by the same offset; else nil.
func (r *dottedRouter) translated(old []Point, j, i int32) (pts []Point, dx, dy float32) {
	if len(old) < 2 {
		return nil, 0, 0
	}
	s, e, _ := r.ends(j, i)
	first, last := old[0], old[len(old)-1]
	dx, dy = s.X-first.X, s.Y-first.Y
	if e.X-last.X != dx || e.Y-last.Y != dy {
		return nil, 0, 0
	}
	pts = make([]Point, len(old))
	for k, p := range old {
		pts[k] = Point{p.X + dx, p.Y + dy}
	}
	return pts, dx, dy
}

func (r *dottedRouter) routeOnce(j, i int32) []Point {
	a, m := &r.cards[i], &r.cards[j]
	s, e, up := r.ends(j, i) // on the cards' edges
	ax, mx := s.X, e.X
	var sy, ey float32
	if up {
		sy, ey = a.Y-dottedStub, e.Y+dottedStub
	} else {
		sy, ey = s.Y+dottedStub, m.Y-dottedStub
	}
	plain := []Point{s, {ax, ey}, {mx, ey}, e}
	// A window around both cards, then the whole chart.
	x0, x1 := min(a.X, m.X), max(a.X+a.W, m.X+m.W)
	y0, y1 := min(a.Y, m.Y), max(a.Y+a.H, m.Y+m.H)
	// In a big chart most lines run far, and a search around the cards
	// of their window, or even a look along the plain route, costs many
	// times the tree route: that goes first. (A line whose window is too
	// big to search around its cards, finding and sorting them alone
	// costing more than the layout, takes it too, see below.)
	big := len(r.cards) > dottedFullCards
	if big && r.treeWorks() {
		r.treeTries++
		if pts, ok := r.treeRoute(j, i, s, e, Point{ax, sy}, Point{mx, ey}, up); ok {
			r.treeWins++
			r.tree = true
			return pts
		}
	}
	if r.budget <= 0 {
		// Past the searches' budget: the tree route, while its own lasts.
		if !big {
			if pts, ok := r.treeRoute(j, i, s, e, Point{ax, sy}, Point{mx, ey}, up); ok {
				r.tree = true
				return pts
			}
		}
		r.past = r.live != nil
		return plain
	}
	dx, dy := CardW+HGap, CardH+VGap
	far := r.tooBig(x0-dx, y0-dy, x1+dx, y1+dy)
	if !far {
		// The plain routes: across just off the manager, or just off the report.
		for _, y := range []float32{ey, sy} {
			pts := []Point{s, {ax, y}, {mx, y}, e}
			if r.free(pts, i, j) {
				return pts
			}
		}
	}
	// (The chart's edge may be passed by a little: pictures have a margin.)
	for _, grow := range []float32{1, -1} {
		if far || grow < 0 && r.live != nil {
			break // an Engine's relayout searches windows only: the whole chart is linear
		}
		wx0, wy0, wx1, wy1 := -dottedOutside, -dottedOutside, r.width+dottedOutside, r.height+dottedOutside
		whole := true
		if grow > 0 {
			dx, dy := grow*(CardW+HGap), grow*(CardH+VGap)
			whole = x0-dx <= wx0 && y0-dy <= wy0 && x1+dx >= wx1 && y1+dy >= wy1
			wx0, wy0, wx1, wy1 = max(wx0, x0-dx), max(wy0, y0-dy), min(wx1, x1+dx), min(wy1, y1+dy)
		}
		if r.tooBig(wx0, wy0, wx1, wy1) {
			if whole {
				break
			}
			continue
		}
		if pts, ok := r.search(s, e, Point{ax, sy}, Point{mx, ey}, up, wx0, wy0, wx1, wy1); ok {
			return pts
		}
		if whole {
			break // the window was the whole chart already
		}
	}
	if !big {
		if pts, ok := r.treeRoute(j, i, s, e, Point{ax, sy}, Point{mx, ey}, up); ok {
			r.tree = true
			return pts
		}
	}
	r.past = r.live != nil && (far || r.budget <= 0 || r.treeBudget <= 0)
	return plain
}

// tooBig reports whether a window holds more cards (estimated by its
// area) than one search around cards takes, or, in an Engine's relayout,
// more card places than it searches.
func (r *dottedRouter) tooBig(wx0, wy0, wx1, wy1 float32) bool {
	area := float64(wx1-wx0) * float64(wy1-wy0)
	if r.live != nil && area > engineWindowCards*float64(CardW+HGap)*float64(CardH+VGap) {
		return true
	}
	return area*float64(len(r.cards)) > float64(r.maxNear)*float64(r.width+1)*float64(r.height+1)
}

// free reports whether the polyline keeps out of every card (and a little
// off every card but its two ends') and dottedSolidGap off every solid
// line running alongside it.
func (r *dottedRouter) free(pts []Point, i, j int32) bool {
	for k := 1; k < len(pts); k++ {
		p, q := pts[k-1], pts[k]
		x0, x1 := min(p.X, q.X), max(p.X, q.X)
		y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
		ok := true
		r.budget -= 16 // a look along the line, and at each card there
		r.visible(x0-dottedClearance, y0-dottedClearance, x1+dottedClearance, y1+dottedClearance, func(c int) {
			r.budget -= 2
			d := float32(dottedClearance)
			if int32(c) == i || int32(c) == j {
				d = 0
			}
			k := &r.cards[c]
			if x0 < k.X+k.W+d && x1 > k.X-d && y0 < k.Y+k.H+d && y1 > k.Y-d {
				ok = false
			}
		})
		if ok {
			const g = dottedSolidGap
			r.solidLines(x0-g, y0-g, x1+g, y1+g, func(a, b Point) {
				if beside(p, q, a, b) {
					ok = false
				}
			})
		}
		if !ok {
			return false
		}
	}
	return true
}

// freeShifted is free for a line an Engine shifted by d with its two
// cards: the cards this relayout shifted by d too (and their lines) are
// where they were to it, clear as before, and are not looked at.
func (r *dottedRouter) freeShifted(pts []Point, i, j int32, d Point) bool {
	if r.live == nil {
		return r.free(pts, i, j)
	}
	r.alike = alike{r.live.epoch, d}
	ok := r.free(pts, i, j)
	r.alike = alike{}
	return ok
}

// beside reports whether the piece p-q runs alongside the solid piece a-b
// closer than dottedSolidGap (crossing it is fine).
func beside(p, q, a, b Point) bool {
	var across, lo, hi, slo, shi float32
	switch {
	case p.X == q.X && a.X == b.X:
		across, lo, hi, slo, shi = abs32(p.X-a.X), min(p.Y, q.Y), max(p.Y, q.Y), min(a.Y, b.Y), max(a.Y, b.Y)
	case p.Y == q.Y && a.Y == b.Y:
		across, lo, hi, slo, shi = abs32(p.Y-a.Y), min(p.X, q.X), max(p.X, q.X), min(a.X, b.X), max(a.X, b.X)
	default:
		return false
	}
	return across < dottedSolidGap && min(hi, shi) > max(lo, slo)
}

// solidLines calls visit with the solid lines' segments meeting the
// rectangle; none when the router does not know them. Up to
// dottedIndexCards cards they are indexed on first use; a bigger chart,
// whose searches are few, and an Engine's relayout, which must cost what
// moved, look at the lines into the cards near the
// rectangle and into their reports (a solid line runs near a card it
// joins; a bus far from every card it joins can be missed).
func (r *dottedRouter) solidLines(x0, y0, x1, y1 float32, visit func(a, b Point)) {
	if r.b == nil || r.edges == nil {
		return
	}
	if len(r.cards) <= dottedIndexCards && r.live == nil {
		if r.solids == nil {
			r.solids = newSolidIndex(r.b, *r.edges, r.width, r.height)
		}
		r.budget -= r.solids.query(x0, y0, x1, y1, visit)
		return
	}
	line := func(k int32) {
		r.solidPieces(k, func(a, b Point) {
			if a.X <= x1 && b.X >= x0 && a.Y <= y1 && b.Y >= y0 {
				visit(a, b)
			}
		})
	}
	const look = VGap/2 + dottedSolidGap // a bus is this far above its reports
	r.visible(x0-look, y0-look, x1+look, y1+look, func(c int) {
		r.budget -= 2
		line(int32(c))
		for _, k := range r.b.children(int32(c)) {
			line(k)
		}
	})
}

// solidPieces calls visit with each piece of the solid line into card k,
// its corners in order (a <= b), and counts them against the budget.
func (r *dottedRouter) solidPieces(k int32, visit func(a, b Point)) {
	edges, edgeOf := *r.edges, r.b.edgeOf
	if int(k) >= len(edgeOf) || edgeOf[k] < 0 || int(edgeOf[k]) >= len(edges) {
		return
	}
	pts := edges[edgeOf[k]].Points
	r.budget -= len(pts)
	for n := 1; n < len(pts); n++ {
		p, q := pts[n-1], pts[n]
		visit(Point{min(p.X, q.X), min(p.Y, q.Y)}, Point{max(p.X, q.X), max(p.Y, q.Y)})
	}
}

// search finds a route from s (leaving its card through s2) to e
// (entering through e2) through the free cells of the window, around the
// window's cards.
func (r *dottedRouter) search(s, e, s2, e2 Point, up bool, wx0, wy0, wx1, wy1 float32) ([]Point, bool) {
	if r.live != nil && (wx1-wx0)*(wy1-wy0) > engineWindowCards*(CardW+HGap)*(CardH+VGap) {
		r.past = true
		return nil, false // an Engine's relayout: the window is past its bounds (see treeRoute)
	}
	if r.budget <= 0 {
		return nil, false
	}
	r.near = r.near[:0]
	r.visible(wx0, wy0, wx1, wy1, func(c int) { r.near = append(r.near, int32(c)) })
	// The window's cards count against the budget, so that a search
	// refused (too big, or past the budget) is paid for: past the budget no
	// line looks again.
	r.budget -= len(r.near) * (2 + bits.Len(uint(len(r.near)))) // finding, sorting and sharing out the cards
	if len(r.near) > r.maxNear {
		return nil, false
	}
	r.obst = r.obst[:0]
	for _, c := range r.near {
		k := &r.cards[c]
		r.obst = append(r.obst, obstacle{k.X, k.Y, k.X + k.W, k.Y + k.H})
	}
	r.segs = r.segs[:0]
	r.solidLines(wx0, wy0, wx1, wy1, func(a, b Point) { r.segs = append(r.segs, segment{a, b}) })
	se := searchEnds{s: s, s2: s2, e: e, e2: e2}
	if !up {
		se.out, se.in = 1, 1
	}
	return r.searchObstacles(&se, wx0, wy0, wx1, wy1)
}

// searchEnds are where a search starts and ends: the line leaves s
// (through the cell holding s2) in direction out and enters e (through
// the cell holding e2) in direction in; or, with exit set, it ends where
// it leaves the window (by no side in shut), as near e as it can.
type searchEnds struct {
	s, s2 Point
	out   int
	e, e2 Point
	in    int
	exit  bool
	shut  [4]bool
}

// searchObstacles finds the route through the free cells of the window
// around r.obst (rectangles: cards, or subtrees' boxes), clear of the
// solid lines' segments r.segs (each a.X <= b.X, a.Y <= b.Y). The grid of
// cells can be large (a window of a few thousand cards cuts it into
// millions), so nothing is worked out for a cell before the search looks
// at it: whether an obstacle covers it, its line's place, its cost.
func (r *dottedRouter) searchObstacles(se *searchEnds, wx0, wy0, wx1, wy1 float32) ([]Point, bool) {
	s, e, s2, e2 := se.s, se.e, se.s2, se.e2
	if se.exit {
		e2 = e
	}
	r.xs, r.sx = append(r.xs[:0], wx0, wx1), r.sx[:0]
	r.ys, r.sy = append(r.ys[:0], wy0, wy1), r.sy[:0]
	clampX := func(v float32) float32 { return min(max(v, wx0), wx1) }
	clampY := func(v float32) float32 { return min(max(v, wy0), wy1) }
	for _, k := range r.obst {
		r.xs = append(r.xs, clampX(k.x0), clampX(k.x1))
		r.ys = append(r.ys, clampY(k.y0), clampY(k.y1))
	}
	// The solid lines are edges of cells too, so that a line in a gap with
	// a solid line along it runs in one of the halves, clear of it.
	r.vsegs, r.hsegs = r.vsegs[:0], r.hsegs[:0]
	for _, sg := range r.segs {
		a, b := sg.a, sg.b
		switch {
		case a.X == b.X && a.X > wx0 && a.X < wx1 && b.Y > wy0 && a.Y < wy1:
			r.xs, r.sx = append(r.xs, a.X), append(r.sx, a.X)
			r.vsegs = append(r.vsegs, sg)
		case a.Y == b.Y && a.Y > wy0 && a.Y < wy1 && b.X > wx0 && a.X < wx1:
			r.ys, r.sy = append(r.ys, a.Y), append(r.sy, a.Y)
			r.hsegs = append(r.hsegs, sg)
		}
	}
	r.budget -= len(r.segs)
	slices.SortFunc(r.vsegs, func(p, q segment) int { return cmp.Compare(p.a.X, q.a.X) })
	slices.SortFunc(r.hsegs, func(p, q segment) int { return cmp.Compare(p.a.Y, q.a.Y) })
	slices.Sort(r.sx)
	r.sx = slices.Compact(r.sx)
	slices.Sort(r.sy)
	r.sy = slices.Compact(r.sy)
	slices.Sort(r.xs)
	r.xs = slices.Compact(r.xs)
	slices.Sort(r.ys)
	r.ys = slices.Compact(r.ys)
	nx, ny := len(r.xs)-1, len(r.ys)-1
	if nx < 1 || ny < 1 || 8*nx*ny > math.MaxInt32 || r.budget <= 0 {
		return nil, false
	}
	r.nx, r.ny = nx, ny
	if len(r.obst) > fewObstacles {
		r.buckets.build(r.obst, wx0, wy0, wx1, wy1)
	}
	r.blocked.resetFor(nx * ny)
	r.seen.resetFor(8 * nx * ny)
	r.rx, r.ry = resize(r.rx, nx), resize(r.ry, ny)
	r.rxOK, r.ryOK = resize(r.rxOK, nx), resize(r.ryOK, ny)
	r.xTight, r.yTight = resize(r.xTight, nx), resize(r.yTight, ny)
	r.xNear, r.yNear = resize(r.xNear, nx), resize(r.yNear, ny)
	clear(r.rxOK)
	clear(r.ryOK)
	// The cells just outside the two cards (or boxes), where the line leaves and enters.
	si, sj := cellOf(r.xs, s2.X), cellOf(r.ys, s2.Y)
	ei, ej := cellOf(r.xs, e2.X), cellOf(r.ys, e2.Y)
	if se.exit {
		ei, ej = -2, -2 // no cell is the goal: leaving the window is
	}
	if si < 0 || sj < 0 || r.isBlocked(si, sj) || !se.exit && (ei < 0 || ej < 0 || r.isBlocked(ei, ej)) {
		return nil, false
	}
	// The line runs straight out of and into the cards where it can.
	out, in := se.out, se.in // the directions leaving the report and entering the manager
	if out < 2 {
		r.rx[si], r.rxOK[si], r.xTight[si] = s.X, true, nearSolid(r.sx, s.X)
		r.xNear[si] = r.xTight[si]
	} else {
		r.ry[sj], r.ryOK[sj], r.yTight[sj] = s.Y, true, nearSolid(r.sy, s.Y)
		r.yNear[sj] = r.yTight[sj]
	}
	if se.exit {
	} else if in < 2 {
		r.rx[ei], r.rxOK[ei], r.xTight[ei] = e.X, true, nearSolid(r.sx, e.X)
		r.xNear[ei] = r.xTight[ei]
	} else {
		r.ry[ej], r.ryOK[ej], r.yTight[ej] = e.Y, true, nearSolid(r.sy, e.Y)
		r.yNear[ej] = r.yTight[ej]
	}
	// States past exits are the ways out of the window: (cell, direction).
	exits := int32(4 * nx * ny)
	// A* over (cell, direction of arrival), with a cost for each turn.
	goal := int32(-1)
	// Weighted twice: a route near the shortest, found exploring far less.
	h := func(i, j int) float32 { return r.weight * (abs32(r.colX(i)-e.X) + abs32(r.rowY(j)-e2.Y)) }
	start := int32(4*(sj*nx+si) + out)
	*r.seen.at(start) = dottedState{0, -1}
	r.heap = append(r.heap[:0], dottedItem{h(si, sj), start})
	for len(r.heap) > 0 {
		if r.budget -= 4; r.budget <= 0 {
			return nil, false
		}
		it := r.pop()
		st := it.state
		if st >= exits {
			goal = st
			break
		}
		cell, dir := int(st/4), int(st%4)
		i, j := cell%nx, cell/nx
		g := r.seen.get(st).cost
		if it.f > g+h(i, j)+0.01 {
			continue // a stale entry
		}
		if i == ei && j == ej {
			goal = st
			break
		}
		for d := range 4 {
			ni, nj := i+dottedDX[d], j+dottedDY[d]
			if ni < 0 || nj < 0 || ni >= nx || nj >= ny {
				if se.exit && !se.shut[d] {
					// Out of the window that way: the cost to its side, and
					// the distance left from there to the line's end.
					x, y := r.colX(i), r.rowY(j)
					switch d {
					case 0:
						y = wy0
					case 1:
						y = wy1
					case 2:
						x = wx0
					default:
						x = wx1
					}
					step := abs32(x-r.colX(i)) + abs32(y-r.rowY(j))
					if d != dir {
						step += dottedTurn
					}
					ns := exits + int32(4*cell+d)
					at := r.seen.at(ns)
					if at.from == unseen || at.cost > g+step {
						*at = dottedState{g + step, st}
						r.push(dottedItem{g + step + r.weight*(abs32(x-e.X)+abs32(y-e.Y)), ns})
					}
				}
				continue
			}
			nc := nj*nx + ni
			if r.isBlocked(ni, nj) {
				continue
			}
			step := abs32(r.colX(ni)-r.colX(i)) + abs32(r.rowY(nj)-r.rowY(j))
			if d != dir {
				step += dottedTurn
			}
			if r.hugs(ni, nj, d) {
				step += dottedSqueeze
			}
			if (d < 2 && r.xTight[ni]) || (d >= 2 && r.yTight[nj]) {
				step += dottedTight // a gap too narrow to keep clear of a solid line on its side
			}
			if ni == ei && nj == ej && d != in {
				step += dottedTurn // then a turn into the manager
			}
			ns := int32(4*nc + d)
			if at := r.seen.get(ns); at.from != unseen && at.cost <= g+step {
				continue
			}
			if r.alongSolid(i, j, ni, nj, d < 2) {
				continue // the piece would run beside a solid line, closer than dottedSolidGap
			}
			*r.seen.at(ns) = dottedState{g + step, st}
			r.push(dottedItem{g + step + h(ni, nj), ns})
		}
	}
	if goal < 0 {
		return nil, false
	}
	// The cells of the route, from the report's end.
	r.reverse = r.reverse[:0]
	last := goal
	if goal >= exits {
		r.exitDir = int((goal - exits) % 4)
		last = r.seen.get(goal).from
	}
	for st := last; st >= 0; st = r.seen.get(st).from {
		r.reverse = append(r.reverse, st/4)
	}
	r.cells = r.cells[:0]
	for k := len(r.reverse) - 1; k >= 0; k-- {
		r.cells = append(r.cells, r.reverse[k])
	}
	// Along the cells: horizontal runs at their row's line, vertical runs at
	// their column's; a short jog inside a cell where the two differ.
	pts := []Point{s}
	p := Point{s.X, r.rowY(sj)} // straight out of the card (or box) the way it leaves
	if out >= 2 {
		p = Point{r.colX(si), s.Y}
	}
	pts = append(pts, p)
	for k := 1; k < len(r.cells); k++ {
		c0, c1 := int(r.cells[k-1]), int(r.cells[k])
		i0, i1, j1 := c0%nx, c1%nx, c1/nx
		if i0 == i1 { // vertical
			if x := r.colX(i0); p.X != x {
				p = Point{x, p.Y}
				pts = append(pts, p)
			}
			p = Point{p.X, r.rowY(j1)}
		} else {
			p = Point{r.colX(i1), p.Y}
		}
		pts = append(pts, p)
	}
	switch {
	case se.exit:
		switch r.exitDir {
		case 0:
			p.Y = wy0
		case 1:
			p.Y = wy1
		case 2:
			p.X = wx0
		default:
			p.X = wx1
		}
		return append(pts, p), true
	case in < 2 && p.X != e.X:
		pts = append(pts, Point{e.X, p.Y})
	case in >= 2 && p.Y != e.Y:
		pts = append(pts, Point{p.X, e.Y})
	}
	pts = append(pts, e)
	return pts, true
}

// colX is where a line runs down column i of the search's grid, rowY
// where it runs along row j: in the lane of the gap (see lane), at least
// dottedSolidGap off a side that is a solid line, worked out when the
// search first looks there. A gap too narrow for that is tight.
func (r *dottedRouter) colX(i int) float32 {
	if !r.rxOK[i] {
		r.rx[i], r.xTight[i] = r.gapLane(r.usedX, r.sx, r.xs[i], r.xs[i+1])
		r.xNear[i] = nearSolid(r.sx, r.rx[i])
		r.rxOK[i] = true
	}
	return r.rx[i]
}

func (r *dottedRouter) rowY(j int) float32 {
	if !r.ryOK[j] {
		r.ry[j], r.yTight[j] = r.gapLane(r.usedY, r.sy, r.ys[j], r.ys[j+1])
		r.yNear[j] = nearSolid(r.sy, r.ry[j])
		r.ryOK[j] = true
	}
	return r.ry[j]
}

// nearSolid reports whether a solid line (sorted) is closer to v than dottedSolidGap.
func nearSolid(solid []float32, v float32) bool {
	k, _ := slices.BinarySearch(solid, v-dottedSolidGap+0.001)
	return k < len(solid) && solid[k] < v+dottedSolidGap
}

// alongSolid reports whether the piece of line from cell (i, j) to the
// next cell (ni, nj), vertical or not, runs alongside a solid line closer
// than dottedSolidGap (see beside): the search does not go that way.
func (r *dottedRouter) alongSolid(i, j, ni, nj int, vertical bool) bool {
	if vertical {
		if r.colX(i); !r.xNear[i] {
			return false // no solid line near its lane anywhere in the window
		}
	} else if r.rowY(j); !r.yNear[j] {
		return false
	}
	segs, at := r.hsegs, r.rowY(j)
	p, q := Point{r.colX(i), at}, Point{r.colX(ni), at}
	if vertical {
		segs, at = r.vsegs, r.colX(i)
		p, q = Point{at, r.rowY(j)}, Point{at, r.rowY(nj)}
	}
	k := sort.Search(len(segs), func(k int) bool {
		if vertical {
			return segs[k].a.X > at-dottedSolidGap
		}
		return segs[k].a.Y > at-dottedSolidGap
	})
	for ; k < len(segs); k++ {
		sg := segs[k]
		if (vertical && sg.a.X >= at+dottedSolidGap) || (!vertical && sg.a.Y >= at+dottedSolidGap) {
			break
		}
		if beside(p, q, sg.a, sg.b) {
			return true
		}
	}
	return false
}

func (r *dottedRouter) gapLane(used map[float32]int, solid []float32, a, b float32) (float32, bool) {
	a0, b0 := a, b
	_, sa := slices.BinarySearch(solid, a)
	_, sb := slices.BinarySearch(solid, b)
	if sa || sb {
		// Off the solid line, and as far off the other side: a gap
		// between a spine and a card's side is a narrow one, and a line
		// at its card's side reads as the card's edge.
		a, b = a+dottedSolidGap, b-dottedSolidGap
	}
	if a > b {
		return (a0 + b0) / 2, true
	}
	return lane(used, a, b), false
}

// fewObstacles is the most obstacles a search looks at one by one
// rather than through buckets.
const fewObstacles = 24

// isBlocked reports whether a card covers cell (i, j) of the search's
// grid (each cell is wholly inside an obstacle or wholly free). Each cell looked
// at costs one look at the cards around it, and counts against the budget.
func (r *dottedRouter) isBlocked(i, j int) bool {
	v := r.blocked.at(int32(j*r.nx + i))
	if v.from == unseen {
		r.budget -= 2
		x0, x1, y0, y1 := r.xs[i], r.xs[i+1], r.ys[j], r.ys[j+1]
		v.from = 0
		if len(r.obst) <= fewObstacles {
			for c := range r.obst {
				if k := &r.obst[c]; k.x0 <= x0 && x1 <= k.x1 && k.y0 <= y0 && y1 <= k.y1 {
					v.from = 1
					break
				}
			}
			return v.from == 1
		}
		for _, c := range r.buckets.at((x0+x1)/2, (y0+y1)/2) {
			k := &r.obst[c]
			if k.x0 <= x0 && x1 <= k.x1 && k.y0 <= y0 && y1 <= k.y1 {
				v.from = 1
				break
			}
		}
	}
	return v.from == 1
}

// hugs reports whether a line moving in direction d through cell (i, j)
// runs close along a card: the cell is narrow across the way it goes, and
// a card lies on one side.
func (r *dottedRouter) hugs(i, j, d int) bool {
	blocked := func(i, j int) bool { return i >= 0 && j >= 0 && i < r.nx && j < r.ny && r.isBlocked(i, j) }
	if d < 2 { // vertical: the column's width, cards left and right
		return r.xs[i+1]-r.xs[i] < dottedNarrow && (blocked(i-1, j) || blocked(i+1, j))
	}
	return r.ys[j+1]-r.ys[j] < dottedNarrow && (blocked(i, j-1) || blocked(i, j+1))
}

// channel is where a line runs in the gap from a to b: a little past its
// middle, the middle when the gap is narrower than 12 pixels. (The solid
// lines in a search's window are edges of its cells, so a gap with one
// along its middle is two gaps, one each side.)
func channel(a, b float32) float32 {
	if b-a < 4*dottedOffset {
		return (a + b) / 2 // a narrow gap: as far from both sides as it can
	}
	return (a+b)/2 + dottedOffset
}

// lane is where a line runs in the gap from a to b: its channel, or beside
// it where an earlier dotted line runs there and the gap has room (a gap's
// side may be a solid line: see search).
func lane(used map[float32]int, a, b float32) float32 {
	c := channel(a, b)
	if used[c] == 0 {
		return c
	}
	for _, d := range []float32{dottedLane, -dottedLane, 2 * dottedLane, -2 * dottedLane, 3 * dottedLane, -3 * dottedLane} {
		if v := c + d; v >= a+dottedSolidGap && v <= b-dottedSolidGap && used[v] == 0 {
			return v
		}
	}
	return c
}

// index is the position of v, which is one of the sorted edges.
func index(edges []float32, v float32) int {
	return sort.Search(len(edges), func(k int) bool { return edges[k] >= v })
}

// cellOf is the cell (between two edges) that holds v, or -1 outside.
func cellOf(edges []float32, v float32) int {
	k := sort.Search(len(edges), func(k int) bool { return edges[k] > v }) - 1
	if k < 0 || k >= len(edges)-1 {
		return -1
	}
	return k
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func (r *dottedRouter) push(it dottedItem) {
	r.heap = append(r.heap, it)
	k := len(r.heap) - 1
	for k > 0 {
		p := (k - 1) / 2
		if r.heap[p].f <= r.heap[k].f {
			break
		}
		r.heap[p], r.heap[k] = r.heap[k], r.heap[p]
		k = p
	}
}

func (r *dottedRouter) pop() dottedItem {
	top := r.heap[0]
	n := len(r.heap) - 1
	r.heap[0] = r.heap[n]
	r.heap = r.heap[:n]
	k := 0
	for {
		c := 2*k + 1
		if c >= n {
			break
		}
		if c+1 < n && r.heap[c+1].f < r.heap[c].f {
			c++
		}
		if r.heap[k].f <= r.heap[c].f {
			break
		}
		r.heap[k], r.heap[c] = r.heap[c], r.heap[k]
		k = c
	}
	return top
}
