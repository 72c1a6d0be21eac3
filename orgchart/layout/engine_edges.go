package layout

import "slices"

// An Engine's Layout.Edges hold the solid and the dotted lines in any
// order: a card's solid line is Edges[edgeOf[card]], its dotted lines (at
// either end) Edges[dottedOf[card]...]. A line taken out leaves its slot
// to the last one.

// connect draws again the lines of the cards placed (a card's line
// depends on its manager's place, which moved too or was applied again,
// so its reports are among the placed), and the dotted lines of the
// cards placed or shifted; and afresh the dotted lines of the changed
// cards that have some, and those into new cards. The solid lines of the
// cards shifted moved with them.
func (e *Engine) connect(placed, shifted []int32) {
	b := e.b
	// The lines drawn again take their points from a store of their own
	// when the chart's is full: appending to it would copy every line's
	// points (megabytes at 100,000 cards) into new memory.
	if cap(b.pts)-len(b.pts) < ptsChunk/4 {
		b.pts = make([]Point, 0, ptsChunk)
	}
	drawn := len(b.pts)
	// Dotted lines route around the cards where they are now.
	b.dotted = newEngineRouter(b.cards, b.rootW, b.rootH, e.live)
	b.dotted.solid(b, &e.edges) // dotted lines keep clear of the solid ones
	redo := e.dropRedone()
	for _, i := range placed {
		if b.parent[i] < 0 {
			continue
		}
		ed := b.edge(i)
		if k := b.edgeOf[i]; k >= 0 {
			e.edges[k] = ed
			continue
		}
		b.edgeOf[i] = int32(len(e.edges))
		e.edges = append(e.edges, ed)
	}
	if len(e.dottedOf) > 0 {
		e.moveDotted(placed, shifted)
	}
	e.drawRedone(redo)
	e.routeUnrouted()
	e.sweepDue = true
	if e.ptsDrawn += len(b.pts) - drawn; e.ptsDrawn > e.ptsBase+ptsChunk {
		e.compactPoints()
	}
}

// moveDotted handles the dotted lines of the cards placed or shifted,
// each once (both its cards may have moved): left as they are when
// nothing near them moved, moved with their cards where that keeps them
// clear, routed again otherwise.
func (e *Engine) moveDotted(placed, shifted []int32) {
	b := e.b
	near := e.movedNear(placed, shifted)
	lines := make([]int32, 0, 8)
	add := func(i int32) { lines = append(lines, e.dottedOf[i]...) }
	for _, i := range placed {
		add(i)
	}
	if len(shifted) <= 4*len(e.dottedOf) {
		for _, i := range shifted {
			add(i)
		}
	} else { // many cards shifted and few lines: look at the lines' cards
		on := make([]bool, len(b.cards))
		for _, i := range shifted {
			on[i] = true
		}
		for c := range e.dottedOf {
			if on[c] {
				add(c)
			}
		}
	}
	// In the order the cards were found, each line once (the map's order
	// is not the same from run to run).
	seen := reuse(&e.sets.lines)
	order := lines[:0]
	for _, k := range lines {
		if !seen[k] {
			seen[k] = true
			order = append(order, k)
		}
	}
	if len(shifted) > 4*len(e.dottedOf) {
		slices.Sort(order)
	}
	inBlock := e.blockOf()
	for _, k := range order {
		ed := &e.edges[k]
		stay, ends := e.stays(ed, near)
		if stay {
			continue
		}
		if ends && e.same[k] {
			// Routed again with its cards where they are, it came out
			// the same and through cards: the search gave up on it (past
			// its bounds) and would again.
			b.dotted.use(ed.Points)
			continue
		}
		delete(e.same, k)
		pts, looked := e.movedInBlock(ed, inBlock)
		if !looked {
			pts = b.dotted.shifted(ed.Points, int32(ed.From), int32(ed.To))
		} else if pts != nil {
			b.dotted.use(pts)
		}
		if pts != nil {
			ed.Points = b.path(pts...)
			continue
		}
		old := ed.Points
		e.reroute(k)
		if pts := e.edges[k].Points; ends && slices.Equal(old, pts) && !b.dotted.free(pts, int32(ed.To), int32(ed.From)) {
			if e.same == nil {
				e.same = map[int32]bool{}
			}
			e.same[k] = true
		}
	}
}

// reroute routes dotted line k again around the cards where they are,
// noting whether the budgets ran out on it.
func (e *Engine) reroute(k int32) {
	b := e.b
	ed := &e.edges[k]
	*ed = b.dottedEdge(int32(ed.From), int32(ed.To))
	delete(e.swept, k)
	if b.dotted.starved {
		e.unrouted[k] = true
	} else {
		delete(e.unrouted, k)
	}
}

// routeUnrouted routes again, in line order, the lines left plain by an
// earlier relayout's budgets while this one's last (a line routed once
// more costs about what the searches may still do: past half of them it
// waits for the next).
func (e *Engine) routeUnrouted() {
	if len(e.unrouted) == 0 {
		return
	}
	ks := make([]int32, 0, len(e.unrouted))
	for k := range e.unrouted {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	for _, k := range ks {
		spare := e.b.dotted.spare()
		if spare < engineBudget {
			return
		}
		e.reroute(k)
		if spare >= 2*engineBudget && e.unrouted[k] {
			// Short of budget with all of it: it always will be, past what
			// a relayout may do (Tidy routes it).
			delete(e.unrouted, k)
		}
	}
}

// sweepAll lists every dotted line for Settle to look along.
func (e *Engine) sweepAll() {
	e.sweep, e.sweepDue = e.sweep[:0], false
	seen := reuse(&e.sets.lines)
	for _, ks := range e.dottedOf {
		for _, k := range ks {
			if !seen[k] {
				seen[k] = true
				e.sweep = append(e.sweep, k)
			}
		}
	}
	slices.Sort(e.sweep)
	slices.Reverse(e.sweep) // taken from the end, in line order
}

// sweepLines looks along sweepLinesPerCall of the lines still to sweep
// (while the router has half its budget to spare), and routes again those
// that cross a card or run along a solid line; it reports whether it
// routed any.
func (e *Engine) sweepLines() bool {
	r := e.b.dotted
	routed := false
	for n := 0; n < sweepLinesPerCall && len(e.sweep) > 0 && r.spare() >= engineBudget; n++ {
		k := e.sweep[len(e.sweep)-1]
		e.sweep = e.sweep[:len(e.sweep)-1]
		ed := &e.edges[k]
		if !ed.Dotted || e.swept[k] || r.free(ed.Points, int32(ed.To), int32(ed.From)) {
			continue
		}
		old := ed.Points
		e.reroute(k)
		routed = true
		if ed := &e.edges[k]; !r.free(ed.Points, int32(ed.To), int32(ed.From)) {
			// No better within these bounds (a fresh layout's route beside a
			// solid line may have been clear of cards): it keeps what it had.
			ed.Points = old
			delete(e.unrouted, k)
			e.swept[k] = true
		}
	}
	return routed
}

// sweepLinesPerCall is how many lines one Settle looks along: a look along
// a long line of a big chart costs about 65 us (50,000 positions), and a
// Settle runs in the window's idle frames.
const sweepLinesPerCall = 16

// Settle does, within one relayout's bounds a call, what relayouts leave
// to it: it routes again the dotted lines they left on the plain route
// because their budgets ran out, then looks along every dotted line for
// a card it crosses (a card a relayout moved onto a line it did not look
// at) and routes those again. It reports whether it routed any (the
// layout's Edges are changed in place). An app calls it when idle until
// Settled: a relayout must fit in a frame.
func (e *Engine) Settle() bool {
	if e.b == nil || e.Settled() {
		return false
	}
	b := e.b
	if cap(b.pts)-len(b.pts) < ptsChunk/4 {
		b.pts = make([]Point, 0, ptsChunk)
	}
	drawn := len(b.pts)
	b.dotted = newEngineRouter(b.cards, b.rootW, b.rootH, e.live)
	b.dotted.solid(b, &e.edges)
	routed := len(e.unrouted) > 0
	if routed {
		e.routeUnrouted()
	} else {
		if e.sweepDue {
			e.sweepAll()
		}
		routed = e.sweepLines()
	}
	if e.ptsDrawn += len(b.pts) - drawn; e.ptsDrawn > e.ptsBase+ptsChunk {
		e.compactPoints()
	}
	return routed
}

// Settled says whether Settle has nothing left to do.
func (e *Engine) Settled() bool { return len(e.unrouted) == 0 && !e.sweepDue && len(e.sweep) == 0 }

// Unsettled is the number of dotted lines relayouts left on the plain
// route because their budgets ran out (see Settle).
func (e *Engine) Unsettled() int { return len(e.unrouted) }

// blockOf indexes the subtrees the last place shifted as a whole by
// their top cards; nil when there are none.
func (e *Engine) blockOf() map[int32]int {
	if len(e.blocks) == 0 {
		return nil
	}
	m := make(map[int32]int, len(e.blocks))
	for n, s := range e.blocks {
		m[s.top] = n
	}
	return m
}

// blockAt is the shifted block card c lies in (an index of e.blocks), or
// -1.
func (e *Engine) blockAt(c int32, inBlock map[int32]int) int {
	for ; c >= 0; c = e.b.parent[c] {
		if n, ok := inBlock[c]; ok {
			return n
		}
	}
	return -1
}

// movedInBlock is dotted line ed's route moved with its cards when both
// cards lie in subtrees that were shifted as a whole by the same offset
// and the moved route keeps clear of every card; else nil. Only a
// subtree's own cards and lines are in its box (siblings' boxes never
// overlap), and they all moved by that offset, so a piece of the route
// that keeps blockMargin inside one of the two boxes keeps clear of them
// as it did: only the pieces between the boxes are looked along. A tree
// route between two cards of a big subtree crosses much of the chart,
// and those looks were most of a relayout that shifted it. looked says
// whether it looked (nil then means the moved route meets a card).
func (e *Engine) movedInBlock(ed *Edge, inBlock map[int32]int) ([]Point, bool) {
	old := ed.Points
	if inBlock == nil || len(old) < 2 {
		return nil, false
	}
	b := e.b
	na, nb := e.blockAt(int32(ed.To), inBlock), e.blockAt(int32(ed.From), inBlock)
	if na < 0 || nb < 0 {
		return nil, false
	}
	pts, dx, dy := b.dotted.translated(old, int32(ed.From), int32(ed.To))
	for _, n := range [2]int{na, nb} {
		if pts == nil || e.blocks[n].dx != dx || e.blocks[n].dy != dy {
			return nil, false
		}
	}
	// The boxes where they are now, less the margin.
	var in [2]obstacle
	for k, n := range [2]int{na, nb} {
		t := e.blocks[n].top
		x0, y0 := b.boxX[t]+blockMargin, b.boxY[t]+blockMargin
		in[k] = obstacle{x0, y0, x0 + b.bw[t] - 2*blockMargin, y0 + b.bh[t] - 2*blockMargin}
	}
	var out [3][2]Point
	for k := 1; k < len(pts); k++ {
		for _, piece := range outside(pts[k-1], pts[k], in, &out) {
			if !b.dotted.freeShifted(piece[:], int32(ed.To), int32(ed.From), Point{dx, dy}) {
				return nil, true
			}
		}
	}
	return pts, true
}

// outside cuts the axis-aligned piece p-q by the two boxes: the parts of
// it that lie in neither (at most three), in out's storage. A route
// from a card deep in a shifted subtree runs far inside its box before it
// leaves it; looking along the whole piece was most of the cost.
func outside(p, q Point, boxes [2]obstacle, out *[3][2]Point) [][2]Point {
	vertical := p.X == q.X
	at, lo, hi := p.Y, min(p.X, q.X), max(p.X, q.X)
	if vertical {
		at, lo, hi = p.X, min(p.Y, q.Y), max(p.Y, q.Y)
	}
	// The parts as intervals along the piece, cut by each box it runs in.
	parts := [3][2]float32{{lo, hi}}
	n := 1
	for _, o := range boxes {
		a0, a1, c0, c1 := o.x0, o.x1, o.y0, o.y1
		if vertical {
			a0, a1, c0, c1 = o.y0, o.y1, o.x0, o.x1
		}
		if at < c0 || at > c1 || a0 > a1 {
			continue
		}
		var kept [3][2]float32
		m := 0
		for _, s := range parts[:n] {
			if s[0] < a0 && m < len(kept) {
				kept[m] = [2]float32{s[0], min(s[1], a0)}
				m++
			}
			if s[1] > a1 && m < len(kept) {
				kept[m] = [2]float32{max(s[0], a1), s[1]}
				m++
			}
		}
		parts, n = kept, m
	}
	res := out[:0]
	for _, s := range parts[:n] {
		if vertical {
			res = append(res, [2]Point{{at, s[0]}, {at, s[1]}})
		} else {
			res = append(res, [2]Point{{s[0], at}, {s[1], at}})
		}
	}
	return res
}

// blockMargin is how far inside a shifted subtree's box a route keeps for
// movedInBlock: more than a dotted line keeps off cards and solid lines,
// so that nothing outside the box was near it.
const blockMargin = 2 * dottedSolidGap

// movedNear visits the cards placed or shifted that come near the
// rectangle: a walk over them when they are few, a look in the spatial
// index when they are many (a shift of most of the chart).
func (e *Engine) movedNear(placed, shifted []int32) func(x0, y0, x1, y1 float32, visit func(c int32) bool) bool {
	b := e.b
	if len(placed)+len(shifted) <= movedScan {
		return func(x0, y0, x1, y1 float32, visit func(c int32) bool) bool {
			for _, list := range [2][]int32{placed, shifted} {
				for _, c := range list {
					k := &b.cards[c]
					if x0 < k.X+k.W && x1 > k.X && y0 < k.Y+k.H && y1 > k.Y && !visit(c) {
						return false
					}
				}
			}
			return true
		}
	}
	moved := make([]bool, len(b.cards))
	for _, list := range [2][]int32{placed, shifted} {
		for _, c := range list {
			moved[c] = true
		}
	}
	return func(x0, y0, x1, y1 float32, visit func(c int32) bool) bool {
		ok := true
		b.dotted.visible(x0, y0, x1, y1, func(c int) {
			k := &b.cards[c]
			if ok && moved[c] && x0 < k.X+k.W && x1 > k.X && y0 < k.Y+k.H && y1 > k.Y {
				ok = visit(int32(c))
			}
		})
		return ok
	}
}

// movedScan is the most cards moved that movedNear walks over rather than
// look up in the spatial index.
const movedScan = 4096

// stays reports whether dotted line ed can stay as it is: its two cards
// did not move (one of them was only placed again, as the top of the
// chart is after every edit) and none of the cards placed again or
// shifted comes near it. The other cards did not move, and the line kept
// clear of them before (or was left plain by the search's bounds, as it
// would be again): looking at the cards that moved is enough, where
// looking along the whole line (it can cross the chart) would cost the
// chart's size. The line keeps its lanes for the lines routed after it.
// ends says whether its two cards stayed (only a card moved near it).
func (e *Engine) stays(ed *Edge, near func(x0, y0, x1, y1 float32, visit func(c int32) bool) bool) (stay, ends bool) {
	r := e.b.dotted
	pts := ed.Points
	if len(pts) < 2 {
		return false, false
	}
	j, i := int32(ed.From), int32(ed.To)
	s, end, _ := r.ends(j, i)
	if pts[0] != s || pts[len(pts)-1] != end {
		return false, false
	}
	const d = float32(dottedClearance)
	for n := 1; n < len(pts); n++ {
		p, q := pts[n-1], pts[n]
		x0, x1 := min(p.X, q.X), max(p.X, q.X)
		y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
		clear := near(x0-d, y0-d, x1+d, y1+d, func(c int32) bool {
			return c == i || c == j // its ends did not move
		})
		if !clear {
			return false, true
		}
	}
	r.use(pts)
	return true, true
}

// indexDotted lists the dotted lines by card (all the lines from k on
// are to be looked at) and the positions they go to.
func (e *Engine) indexDotted(k int) {
	for ; k < len(e.edges); k++ {
		if ed := &e.edges[k]; ed.Dotted {
			e.dottedOf[int32(ed.From)] = append(e.dottedOf[int32(ed.From)], int32(k))
			e.dottedOf[int32(ed.To)] = append(e.dottedOf[int32(ed.To)], int32(k))
		}
	}
	e.targets = map[string]bool{}
	for id := range e.dotted {
		if i, ok := e.ids[id]; ok {
			for _, t := range e.b.cards[i].Position.DottedTo {
				e.targets[t] = true
			}
		}
	}
}

// dropRedone takes out the dotted lines from the cards whose own lines are
// to be drawn again (e.redo), and returns those cards in card order.
func (e *Engine) dropRedone() []int32 {
	var cs []int32
	for id := range e.redo {
		if i, ok := e.ids[id]; ok && e.b.cards[i].Position.ID == id {
			cs = append(cs, int32(i))
		}
	}
	slices.Sort(cs)
	for _, c := range cs {
		e.dropDottedFrom(c)
	}
	return cs
}

// drawRedone draws the dotted lines from the cards cs (see dropRedone) and
// those from the other cards into the new ones (e.into), routed around
// the cards where they are now, and indexes them. Every other line keeps
// its route or is moved and routed again as its cards moved: drawing them
// all again spent one relayout's bounds on the first few, and the others,
// past them, cut through cards until the chart was tidied (224 of 230 at
// 100,000 positions after one edit of a card with a dotted line).
func (e *Engine) drawRedone(cs []int32) {
	b := e.b
	start := len(e.edges)
	line := func(i int32, id string) {
		j, ok := e.ids[id]
		if !ok || int32(j) == i || b.cards[j].Position != b.p.Position(id) {
			return
		}
		e.edges = append(e.edges, Edge{From: j, To: int(i), Dotted: true})
		e.reroute(int32(len(e.edges) - 1))
	}
	for _, i := range cs {
		for _, id := range b.cards[i].Position.DottedTo {
			line(i, id)
		}
	}
	if len(e.into) > 0 {
		drawn := make(map[int32]bool, len(cs))
		for _, i := range cs {
			drawn[i] = true
		}
		var from []int32
		for id := range e.dotted {
			if i, ok := e.ids[id]; ok && !drawn[int32(i)] {
				from = append(from, int32(i))
			}
		}
		slices.Sort(from)
		for _, i := range from {
			for _, id := range b.cards[i].Position.DottedTo {
				if e.into[id] {
					line(i, id)
				}
			}
		}
	}
	if len(e.edges) > start || len(cs) > 0 {
		e.indexDotted(start) // the positions lines go to, too
	}
	clear(e.redo)
	clear(e.into)
}

// dropEdge takes card c's solid line out of Edges.
func (e *Engine) dropEdge(c int32) {
	if k := e.b.edgeOf[c]; k >= 0 {
		e.b.edgeOf[c] = -1
		e.dropLine(k)
	}
}

// dropDotted takes card c's dotted lines out of Edges (a card removed).
func (e *Engine) dropDotted(c int32) { e.dropDottedIf(c, func(*Edge) bool { return true }) }

// dropDottedFrom takes out the dotted lines from card c to the managers
// in its DottedTo (not those into it).
func (e *Engine) dropDottedFrom(c int32) {
	e.dropDottedIf(c, func(ed *Edge) bool { return ed.To == int(c) })
}

// dropDottedIf takes out card c's dotted lines that drop says.
func (e *Engine) dropDottedIf(c int32, drop func(*Edge) bool) {
	ks := slices.Clone(e.dottedOf[c])
	slices.Sort(ks)
	for j := len(ks) - 1; j >= 0; j-- { // from the end: the slots below stay
		if j+1 < len(ks) && ks[j] == ks[j+1] {
			continue
		}
		k := ks[j]
		ed := e.edges[k]
		if !drop(&ed) {
			continue
		}
		for _, end := range []int32{int32(ed.From), int32(ed.To)} {
			e.dottedOf[end] = slices.DeleteFunc(e.dottedOf[end], func(x int32) bool { return x == k })
			if len(e.dottedOf[end]) == 0 {
				delete(e.dottedOf, end)
			}
		}
		e.dropLine(k)
	}
}

// dropLine takes line k out of Edges, moving the last line into its slot.
// A dotted line's index entries are the caller's.
func (e *Engine) dropLine(k int32) {
	last := int32(len(e.edges) - 1)
	for _, set := range [3]map[int32]bool{e.same, e.unrouted, e.swept} {
		delete(set, k)
		if set[last] {
			delete(set, last)
			set[k] = true
		}
	}
	if k != last {
		ed := e.edges[last]
		e.edges[k] = ed
		if !ed.Dotted {
			e.b.edgeOf[ed.To] = k
		} else {
			for _, end := range []int32{int32(ed.From), int32(ed.To)} {
				ks := e.dottedOf[end]
				if x := slices.Index(ks, last); x >= 0 {
					ks[x] = k
				}
			}
		}
	}
	e.edges = e.edges[:last]
}

// ptsChunk is the size of the stores (in points) the lines an Engine
// draws again take their points from.
const ptsChunk = 4096

// compactPoints copies the connectors' points into a store of their own
// size: every relayout adds the points of the lines it draws again.
func (e *Engine) compactPoints() {
	b := e.b
	n := 0
	for k := range e.edges {
		n += len(e.edges[k].Points)
	}
	pts := make([]Point, 0, n+n/4)
	for k := range e.edges {
		s := len(pts)
		pts = append(pts, e.edges[k].Points...)
		e.edges[k].Points = pts[s:len(pts):len(pts)]
	}
	b.pts = pts
	e.ptsBase, e.ptsDrawn = len(pts), 0
}
