package layout

import "slices"

// An Engine's Layout.Edges hold the solid and the dotted lines in any
// order: a card's solid line is Edges[edgeOf[card]], its dotted lines (at
// either end) Edges[dottedOf[card]...]. A line taken out leaves its slot
// to the last one.

// connect draws again the lines of the cards that moved (a card's line
// depends on its manager's place, which moved too or was applied again,
// so its reports are among the moved), and their dotted lines; all the
// dotted lines when a card that has or takes some changed.
func (e *Engine) connect(moved []int32) {
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
	if e.redraw {
		e.dropAllDotted()
	}
	for _, i := range moved {
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
	if e.redraw {
		e.addDotted()
		e.redraw = false
	} else {
		// Each line once (both its cards may have moved), moved with its
		// cards where that keeps it clear, routed again otherwise.
		again := make(map[int32]bool)
		for _, i := range moved {
			for _, k := range e.dottedOf[i] {
				if again[k] {
					continue
				}
				again[k] = true
				ed := &e.edges[k]
				if e.stays(ed, moved) {
					continue
				}
				if pts := b.dotted.shifted(ed.Points, int32(ed.From), int32(ed.To)); pts != nil {
					ed.Points = b.path(pts...)
					continue
				}
				e.edges[k] = b.dottedEdge(int32(ed.From), int32(ed.To))
			}
		}
	}
	if e.ptsDrawn += len(b.pts) - drawn; e.ptsDrawn > e.ptsBase+ptsChunk {
		e.compactPoints()
	}
}

// stays reports whether dotted line ed can stay as it is: its two cards
// did not move (one of them was only placed again, as the top of the
// chart is after every edit) and none of the cards placed again comes
// near it. The cards not placed again did not move, and the line kept
// clear of them before (or was left plain by the search's bounds, as it
// would be again): looking at the cards placed is enough, where looking
// along the whole line (it can cross the chart) would cost the chart's
// size. The line keeps its lanes for the lines routed after it.
func (e *Engine) stays(ed *Edge, placed []int32) bool {
	r := e.b.dotted
	pts := ed.Points
	if len(pts) < 2 {
		return false
	}
	j, i := int32(ed.From), int32(ed.To)
	s, end, _ := r.ends(j, i)
	if pts[0] != s || pts[len(pts)-1] != end {
		return false
	}
	for _, c := range placed {
		d := float32(dottedClearance)
		if c == i || c == j {
			continue // its ends did not move
		}
		k := &e.b.cards[c]
		for n := 1; n < len(pts); n++ {
			p, q := pts[n-1], pts[n]
			x0, x1 := min(p.X, q.X), max(p.X, q.X)
			y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
			if x0 < k.X+k.W+d && x1 > k.X-d && y0 < k.Y+k.H+d && y1 > k.Y-d {
				return false
			}
		}
	}
	r.use(pts)
	return true
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

// addDotted appends every dotted line between shown cards, in card order
// of the reports, and indexes them.
func (e *Engine) addDotted() {
	b := e.b
	from := make([]int32, 0, len(e.dotted))
	for id := range e.dotted {
		if i, ok := e.ids[id]; ok {
			from = append(from, int32(i))
		}
	}
	slices.Sort(from)
	start := len(e.edges)
	for _, i := range from {
		for _, id := range b.cards[i].Position.DottedTo {
			j, ok := e.ids[id]
			if !ok || int32(j) == i || b.cards[j].Position != b.p.Position(id) {
				continue
			}
			e.edges = append(e.edges, b.dottedEdge(int32(j), i))
		}
	}
	e.indexDotted(start)
}

// dropEdge takes card c's solid line out of Edges.
func (e *Engine) dropEdge(c int32) {
	if k := e.b.edgeOf[c]; k >= 0 {
		e.b.edgeOf[c] = -1
		e.dropLine(k)
	}
}

// dropDotted takes card c's dotted lines out of Edges (a card removed).
func (e *Engine) dropDotted(c int32) {
	ks := slices.Clone(e.dottedOf[c])
	slices.Sort(ks)
	for j := len(ks) - 1; j >= 0; j-- { // from the end: the slots below stay
		if j+1 < len(ks) && ks[j] == ks[j+1] {
			continue
		}
		k := ks[j]
		ed := e.edges[k]
		for _, end := range []int32{int32(ed.From), int32(ed.To)} {
			e.dottedOf[end] = slices.DeleteFunc(e.dottedOf[end], func(x int32) bool { return x == k })
			if len(e.dottedOf[end]) == 0 {
				delete(e.dottedOf, end)
			}
		}
		e.dropLine(k)
	}
}

// dropAllDotted takes every dotted line out of Edges.
func (e *Engine) dropAllDotted() {
	var ks []int32
	for _, at := range e.dottedOf {
		ks = append(ks, at...)
	}
	slices.Sort(ks)
	ks = slices.Compact(ks)
	e.dottedOf = map[int32][]int32{}
	for j := len(ks) - 1; j >= 0; j-- { // from the end: the slots below stay
		e.dropLine(ks[j])
	}
}

// dropLine takes line k out of Edges, moving the last line into its slot.
// A dotted line's index entries are the caller's.
func (e *Engine) dropLine(k int32) {
	last := int32(len(e.edges) - 1)
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
