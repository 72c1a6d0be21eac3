package layout

import "math/bits"

// The tree route: a dotted line between cards far apart, where a search
// around every card of its window would cost more than the layout, is
// searched around far fewer rectangles. It stays inside the box of the
// lowest manager over both its cards (their common top, or the space
// around the two tops' boxes, when they have none), and there it goes
// around the cards of the managers from each of its cards up to that
// one, and around the boxes of those managers' other reports: every
// card in the box is in one of these rectangles (siblings' boxes never
// overlap), so a route around them keeps out of every card, and the
// space left is the gaps the managers' own reporting lines run in, whose
// solid lines it keeps clear of. Its cost is the two chains' reports,
// not the cards of the window.

// treeRoute is the line from s (leaving report card i through s2) to e
// (entering dotted-line manager card j through e2) searched that way, and
// whether it found one. The search is one per manager on the way, each
// in that manager's box around its card and its reports' boxes (a few
// rectangles): from the line's card out of the box, as near the line's
// other end as it can, up to the lowest common manager, and in its box
// from one way out to the other.
func (r *dottedRouter) treeRoute(j, i int32, s, e, s2, e2 Point, up bool) ([]Point, bool) {
	if r.treeBudget <= 0 || r.b == nil || r.edges == nil {
		return nil, false
	}
	main := r.budget
	r.budget = min(r.treeBudget, dottedTreeCap)
	defer func(start int) {
		r.treeBudget -= start - r.budget
		r.budget = main
	}(r.budget)
	r.weight = 3 // each search is small: a route near the shortest matters more than the search's cost
	defer func() { r.weight = 2 }()
	na, nm, ok := r.chains(i, j)
	if !ok {
		return nil, false // a search a level: too many for a route of bounded cost
	}
	// The window of the last search: the lowest common manager's box, or
	// around the two tops' boxes.
	lca := int32(-1)
	var w obstacle
	if na < len(r.chainA) {
		lca = r.chainA[na]
		w = r.boxOf(lca)
	} else {
		if na == 0 || nm == 0 {
			return nil, false
		}
		a, m := r.boxOf(r.chainA[na-1]), r.boxOf(r.chainM[nm-1])
		w = obstacle{min(a.x0, m.x0) - HGap, min(a.y0, m.y0) - VGap, max(a.x1, m.x1) + HGap, max(a.y1, m.y1) + VGap}
		w.x0, w.y0 = max(w.x0, -dottedOutside), max(w.y0, -dottedOutside)
		w.x1, w.y1 = min(w.x1, r.width+dottedOutside), min(w.y1, r.height+dottedOutside)
	}
	// Each end's way out, up to the lowest common manager's box. A line
	// leaving its card's bottom starts in the card's own box.
	outA, outM := 0, 1
	if !up {
		outA, outM = 1, 0
	}
	a, okA := r.climb(r.chainA[:na], outA == 1, searchEnds{s: s, s2: s2, out: outA, e: e}, w, lca >= 0, &r.wayA)
	if !okA {
		return nil, false
	}
	m, okM := r.climb(r.chainM[:nm], outM == 1, searchEnds{s: e, s2: e2, out: outM, e: s}, w, lca >= 0, &r.wayM)
	if !okM {
		return nil, false
	}
	// In the last window, from one way out to the other.
	r.obst, r.segs = r.obst[:0], r.segs[:0]
	if lca >= 0 {
		r.manager(lca, -1)
	} else {
		r.topsIn(w)
	}
	last := searchEnds{s: a.s, s2: a.s2, out: a.out, e: m.s, e2: m.s2, in: opposite(m.out)}
	r.budget -= len(r.obst) * (2 + bits.Len(uint(len(r.obst))))
	if len(r.obst) > dottedTreeNear {
		return nil, false
	}
	pts, ok := r.across(&a, &m, w)
	if !ok {
		pts, ok = r.searchObstacles(&last, w.x0, w.y0, w.x1, w.y1)
	}
	if !ok {
		return nil, false
	}
	// The report's way out, the way across, the manager's way out backwards.
	route := append(r.wayA[:len(r.wayA):len(r.wayA)], pts[1:]...)
	for k := len(r.wayM) - 2; k >= 0; k-- {
		route = append(route, r.wayM[k])
	}
	return route, true
}

// climb searches the way out of the boxes of the managers in chain (from
// the line's card up), one box after the other, from where se starts: the
// line's card's box first when it leaves the card's bottom (own), then its
// managers' boxes, skipping a box the line is out of already. It never
// leaves by a side of w, the last window (when within is set: a manager's
// box, past which lie cards it does not go around). It returns where the
// way ends (as the start of the next search) and writes the way's points.
func (r *dottedRouter) climb(chain []int32, own bool, se searchEnds, w obstacle, within bool, way *[]Point) (searchEnds, bool) {
	*way = append((*way)[:0], se.s)
	if !own && len(chain) > 0 {
		chain = chain[1:]
	}
	for at := 0; at < len(chain); {
		if x := r.boxOf(chain[at]); se.s2.X <= x.x0 || se.s2.X >= x.x1 || se.s2.Y <= x.y0 || se.s2.Y >= x.y1 {
			at++
			continue // out of this box already (it shares a side with the last one)
		}
		r.obst, r.segs = r.obst[:0], r.segs[:0]
		r.manager(chain[at], -1)
		x := r.boxOf(chain[at])
		at++
		se.exit = true
		if within {
			se.shut = [4]bool{x.y0 <= w.y0, x.y1 >= w.y1, x.x0 <= w.x0, x.x1 >= w.x1}
		}
		r.budget -= len(r.obst) * (2 + bits.Len(uint(len(r.obst))))
		if len(r.obst) > dottedTreeNear {
			return se, false
		}
		pts, ok := r.probe(&se, x)
		if !ok {
			pts, ok = r.searchObstacles(&se, x.x0, x.y0, x.x1, x.y1)
		}
		if !ok {
			return se, false
		}
		*way = append(*way, pts[1:]...)
		p := pts[len(pts)-1]
		d := r.exitDir
		se = searchEnds{s: p, s2: Point{p.X + 0.5*float32(dottedDX[d]), p.Y + 0.5*float32(dottedDY[d])}, out: d, e: se.e}
	}
	return se, true
}

// manager adds manager v's card, the lines into its reports and the boxes
// of its reports but skip to the search's rectangles.
func (r *dottedRouter) manager(v, skip int32) {
	c := &r.cards[v]
	r.obst = append(r.obst, obstacle{c.X, c.Y, c.X + c.W, c.Y + c.H})
	for _, k := range r.b.children(v) {
		r.solidInto(k)
		if k != skip {
			r.obst = append(r.obst, r.boxOf(k))
		}
	}
}

// opposite is the direction back along d.
func opposite(d int) int { return d ^ 1 }

// chains lists in r.chainA card i and its managers up to the lowest
// manager over both i and j, and in r.chainM card j and its managers up
// to that one, each with that manager last (when there is one: else up
// to their tops). It returns how many cards of each chain are below
// that manager, and whether those are at most dottedTreeLevels in all
// (past that it stops: the walk costs the levels, not the chart's depth).
func (r *dottedRouter) chains(i, j int32) (na, nm int, ok bool) {
	parent, cards := r.b.parent, r.cards
	a, m := r.chainA[:0], r.chainM[:0]
	for i >= 0 && j >= 0 && i != j {
		if len(a)+len(m) >= dottedTreeLevels {
			return 0, 0, false
		}
		r.budget -= 2
		switch di, dj := cards[i].Depth, cards[j].Depth; {
		case di > dj:
			a, i = append(a, i), parent[i]
		case dj > di:
			m, j = append(m, j), parent[j]
		default:
			a, i = append(a, i), parent[i]
			m, j = append(m, j), parent[j]
		}
	}
	na, nm = len(a), len(m)
	switch {
	case i >= 0 && i == j:
		a, m = append(a, i), append(m, i) // the lowest common manager
	case i >= 0 || j >= 0:
		// Depths out of step (or two tops): walk each chain to its top.
		for ; i >= 0 && len(a) < dottedTreeLevels; i = parent[i] {
			a = append(a, i)
		}
		for ; j >= 0 && len(m) < dottedTreeLevels; j = parent[j] {
			m = append(m, j)
		}
		if i >= 0 || j >= 0 {
			return 0, 0, false
		}
		na, nm = len(a), len(m)
		for na > 0 && nm > 0 && a[na-1] == m[nm-1] {
			na, nm = na-1, nm-1
		}
	}
	r.chainA, r.chainM = a, m
	return na, nm, na+nm <= dottedTreeLevels
}

// boxOf is card c's subtree's box.
func (r *dottedRouter) boxOf(c int32) obstacle {
	b := r.b
	return obstacle{b.boxX[c], b.boxY[c], b.boxX[c] + b.bw[c], b.boxY[c] + b.bh[c]}
}

// solidInto adds the pieces of the solid line into card k to r.segs.
func (r *dottedRouter) solidInto(k int32) {
	r.solidPieces(k, func(a, b Point) { r.segs = append(r.segs, segment{a, b}) })
}

// topsIn adds the boxes of the tops meeting w (through an
// index of the tops' boxes, made on first use, when there are many).
func (r *dottedRouter) topsIn(w obstacle) {
	tops := r.b.tops
	add := func(t int32) {
		if x := r.boxOf(t); x.x0 < w.x1 && x.x1 > w.x0 && x.y0 < w.y1 && x.y1 > w.y0 {
			r.obst = append(r.obst, x)
		}
	}
	if len(tops) <= 64 {
		r.budget -= len(tops)
		for _, t := range tops {
			add(t)
		}
		return
	}
	if r.topIndex == nil {
		g := newRectGrid(len(tops), r.width, r.height, func(k int) (x0, y0, x1, y1 float32) {
			x := r.boxOf(tops[k])
			return x.x0, x.y0, x.x1, x.y1
		})
		r.topIndex = &g
		r.budget -= 4 * len(tops)
	}
	c0, r0, c1, r1 := r.topIndex.span(w.x0, w.y0, w.x1, w.y1)
	seen := len(r.obst)
	for row := r0; row <= r1; row++ {
		for col := c0; col <= c1; col++ {
			cell := row*r.topIndex.cols + col
			for _, k := range r.topIndex.items[r.topIndex.start[cell]:r.topIndex.start[cell+1]] {
				r.budget--
				add(tops[k])
			}
		}
	}
	// A box in several cells came several times: once is enough.
	r.obst = append(r.obst[:seen], uniqueObstacles(r.obst[seen:])...)
}

func uniqueObstacles(obst []obstacle) []obstacle {
	out := obst[:0]
	seen := make(map[obstacle]bool, len(obst))
	for _, o := range obst {
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

// probe is a level's way out when it is plain: straight on out of the
// box, or straight on to the middle of the free run ahead and then
// straight out by a side (toward the line's other end first), each
// piece clear of the rectangles and beside no solid line. Most levels
// are that plain, and a search costs many times a probe.
func (r *dottedRouter) probe(se *searchEnds, w obstacle) ([]Point, bool) {
	s, d := se.s, se.out
	r.budget -= 2 * (len(r.obst) + len(r.segs))
	// The line leaves the edge of a card or box at s: the first piece is
	// checked from a little way out.
	off := s
	off.X += float32(dottedDX[d]) * (dottedClearance + 0.5)
	off.Y += float32(dottedDY[d]) * (dottedClearance + 0.5)
	if !se.shut[d] {
		if p, ok := r.straightOut(off, d, w); ok && r.besideNone(s, p) {
			r.exitDir = d
			return []Point{s, p}, true
		}
	}
	// The free run ahead: up to the first rectangle in the way.
	end := r.runEnd(s, d, w)
	var t Point
	if d < 2 {
		lo, hi := min(s.Y, end), max(s.Y, end)
		if hi-lo < 2*dottedSolidGap {
			return nil, false
		}
		t = Point{s.X, lane(r.usedY, lo+dottedSolidGap, hi-dottedSolidGap)}
	} else {
		lo, hi := min(s.X, end), max(s.X, end)
		if hi-lo < 2*dottedSolidGap {
			return nil, false
		}
		t = Point{lane(r.usedX, lo+dottedSolidGap, hi-dottedSolidGap), s.Y}
	}
	if !r.clearPiece(off, t) || !r.besideNone(s, t) {
		return nil, false
	}
	// Across: toward the other end first.
	across := [2]int{2, 3}
	if d >= 2 {
		across = [2]int{0, 1}
	}
	if d < 2 && se.e.X > s.X || d >= 2 && se.e.Y > s.Y {
		across[0], across[1] = across[1], across[0]
	}
	for _, d2 := range across {
		if se.shut[d2] {
			continue
		}
		if p, ok := r.straightOut(t, d2, w); ok {
			r.exitDir = d2
			return []Point{s, t, p}, true
		}
	}
	return nil, false
}

// straightOut is where a line from p straight on in direction d leaves
// the window w, and whether it gets there clear (see clearPiece).
func (r *dottedRouter) straightOut(p Point, d int, w obstacle) (Point, bool) {
	q := p
	switch d {
	case 0:
		q.Y = w.y0
	case 1:
		q.Y = w.y1
	case 2:
		q.X = w.x0
	default:
		q.X = w.x1
	}
	return q, r.clearPiece(p, q)
}

// runEnd is how far a line from p in direction d runs before a rectangle
// stops it (the window's side when none does).
func (r *dottedRouter) runEnd(p Point, d int, w obstacle) float32 {
	end := [4]float32{w.y0, w.y1, w.x0, w.x1}[d]
	for _, o := range r.obst {
		switch {
		case d < 2 && (p.X <= o.x0-dottedClearance || p.X >= o.x1+dottedClearance):
		case d >= 2 && (p.Y <= o.y0-dottedClearance || p.Y >= o.y1+dottedClearance):
		case d == 0 && o.y1 <= p.Y:
			end = max(end, o.y1)
		case d == 1 && o.y0 >= p.Y:
			end = min(end, o.y0)
		case d == 2 && o.x1 <= p.X:
			end = max(end, o.x1)
		case d == 3 && o.x0 >= p.X:
			end = min(end, o.x0)
		}
	}
	return end
}

// clearPiece reports whether the piece p-q keeps dottedClearance off
// every rectangle of the search and runs beside no solid line.
func (r *dottedRouter) clearPiece(p, q Point) bool {
	x0, x1 := min(p.X, q.X), max(p.X, q.X)
	y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
	const c = dottedClearance
	for _, o := range r.obst {
		if x0 < o.x1+c && x1 > o.x0-c && y0 < o.y1+c && y1 > o.y0-c {
			return false
		}
	}
	return r.besideNone(p, q)
}

// besideNone reports whether the piece p-q runs beside no solid line.
func (r *dottedRouter) besideNone(p, q Point) bool {
	for _, sg := range r.segs {
		if beside(p, q, sg.a, sg.b) {
			return false
		}
	}
	return true
}

// across is the last search's plain way when there is one: the two ends
// leave their boxes the same way (both up, say) and a line straight on
// from each, turned along one lane where both runs are free, joins them
// clear of the rectangles and beside no solid line.
func (r *dottedRouter) across(a, m *searchEnds, w obstacle) ([]Point, bool) {
	d := a.out
	r.budget -= 3 * (len(r.obst) + len(r.segs))
	nudge := func(s Point, d int) Point {
		s.X += float32(dottedDX[d]) * (dottedClearance + 0.5)
		s.Y += float32(dottedDY[d]) * (dottedClearance + 0.5)
		return s
	}
	// ahead reports whether q lies from p in direction d.
	ahead := func(p, q Point, d int) bool {
		return [4]bool{q.Y < p.Y, q.Y > p.Y, q.X < p.X, q.X > p.X}[d]
	}
	ok := func(pts ...Point) bool {
		if !r.clearPiece(nudge(pts[0], a.out), pts[1]) || !r.besideNone(pts[0], pts[1]) ||
			!r.clearPiece(nudge(pts[len(pts)-1], m.out), pts[len(pts)-2]) || !r.besideNone(pts[len(pts)-1], pts[len(pts)-2]) {
			return false
		}
		for k := 2; k < len(pts)-1; k++ {
			if !r.clearPiece(pts[k-1], pts[k]) {
				return false
			}
		}
		return true
	}
	if (d < 2) != (m.out < 2) {
		// One turn: on from one end, in to the other.
		c := Point{m.s.X, a.s.Y}
		if d < 2 {
			c = Point{a.s.X, m.s.Y}
		}
		if ahead(a.s, c, d) && ahead(m.s, c, m.out) && ok(a.s, c, m.s) {
			return []Point{a.s, c, m.s}, true
		}
		return nil, false
	}
	if m.out == opposite(d) {
		// Facing each other: across at a lane between them.
		if !ahead(a.s, m.s, d) {
			return nil, false
		}
		var p, q Point
		if d < 2 {
			lo, hi := min(a.s.Y, m.s.Y), max(a.s.Y, m.s.Y)
			if hi-lo < 2*dottedSolidGap {
				return nil, false
			}
			y := lane(r.usedY, lo+dottedSolidGap, hi-dottedSolidGap)
			p, q = Point{a.s.X, y}, Point{m.s.X, y}
		} else {
			lo, hi := min(a.s.X, m.s.X), max(a.s.X, m.s.X)
			if hi-lo < 2*dottedSolidGap {
				return nil, false
			}
			x := lane(r.usedX, lo+dottedSolidGap, hi-dottedSolidGap)
			p, q = Point{x, a.s.Y}, Point{x, m.s.Y}
		}
		if ok(a.s, p, q, m.s) {
			return []Point{a.s, p, q, m.s}, true
		}
		return nil, false
	}
	ea, em := r.runEnd(a.s, d, w), r.runEnd(m.s, d, w)
	var lo, hi float32
	switch d {
	case 0:
		lo, hi = max(ea, em), min(a.s.Y, m.s.Y)
	case 1:
		lo, hi = max(a.s.Y, m.s.Y), min(ea, em)
	case 2:
		lo, hi = max(ea, em), min(a.s.X, m.s.X)
	default:
		lo, hi = max(a.s.X, m.s.X), min(ea, em)
	}
	if hi-lo < 2*dottedSolidGap {
		return nil, false
	}
	var p, q Point
	if d < 2 {
		y := lane(r.usedY, lo+dottedSolidGap, hi-dottedSolidGap)
		p, q = Point{a.s.X, y}, Point{m.s.X, y}
	} else {
		x := lane(r.usedX, lo+dottedSolidGap, hi-dottedSolidGap)
		p, q = Point{x, a.s.Y}, Point{x, m.s.Y}
	}
	if !ok(a.s, p, q, m.s) {
		return nil, false
	}
	return []Point{a.s, p, q, m.s}, true
}
