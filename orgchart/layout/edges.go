package layout

import "github.com/orgplanner/orgplanner/orgchart"

// connect draws the reporting lines, one per report in card order: from
// the manager's line point down to its bus (if any), across to the report's
// spine or centre, and into the report's side or top. Dotted-line
// relationships are added when both cards are shown.
func (b *builder) connect(l *Layout) {
	// Room for every line at once: growing these slices at 100,000 cards
	// copies megabytes.
	dotted := 0
	for _, i := range b.withDotted {
		dotted += len(b.cards[i].Position.DottedTo)
	}
	l.Edges = make([]Edge, 0, len(b.cards)+dotted)
	b.pts = make([]Point, 0, 5*len(b.cards)+8*dotted)
	b.edgeOf = make([]int32, len(b.cards))
	if nw := b.workers(); nw > 1 {
		b.connectParallel(l, nw)
		return
	}
	for i := range b.cards {
		b.edgeOf[i] = -1
		if b.parent[i] >= 0 {
			b.edgeOf[i] = int32(len(l.Edges))
			l.Edges = append(l.Edges, b.edge(int32(i)))
		}
	}
	b.nsolid = len(l.Edges)
	b.connectDotted(l)
}

// connectParallel draws the solid lines on nw goroutines, card i's points
// in b.pts[5i : 5i+5]: the same lines as one goroutine draws. The dotted
// lines' router and managers need only the placed cards: they are made on
// a goroutine of their own meanwhile, and the dotted lines routed after.
func (b *builder) connectParallel(l *Layout, nw int) {
	var router *dottedRouter
	var at map[string]int32
	done := make(chan struct{})
	go func() {
		defer close(done)
		if len(b.withDotted) > 0 {
			router = newDottedRouter(b.cards, b.rootW, b.rootH)
		}
		at = b.dottedManagers()
	}()
	n := len(b.cards)
	for i := range b.cards {
		b.edgeOf[i] = -1
		if b.parent[i] >= 0 {
			b.edgeOf[i] = int32(len(l.Edges))
			l.Edges = append(l.Edges, Edge{})
		}
	}
	b.pts = b.pts[:5*n]
	const chunk = 2048
	b.run(nw, (n+chunk-1)/chunk, func(w *builder, k int) {
		var raw [5]Point
		for i := int32(k * chunk); i < int32(min(n, (k+1)*chunk)); i++ {
			if e := b.edgeOf[i]; e >= 0 {
				cnt := b.edgePoints(i, &raw)
				pts := simplify(b.pts[5*i:5*i], raw[:cnt])
				l.Edges[e] = Edge{From: int(b.parent[i]), To: int(i), Points: pts[:len(pts):len(pts)]}
			}
		}
	})
	<-done
	b.nsolid = len(l.Edges)
	b.dotted = router
	if router != nil {
		router.solid(b, &l.Edges)
	}
	b.addDotted(l, at)
}

// edge is the solid line from card r's manager to r.
func (b *builder) edge(r int32) Edge {
	var raw [5]Point
	n := b.edgePoints(r, &raw)
	return Edge{From: int(b.parent[r]), To: int(r), Points: b.path(raw[:n]...)}
}

// edgePoints writes the corners of the solid line into card r: from its
// manager's line point, down to the bus (if any), across to r's spine or
// centre, into r's side or top. Some may repeat or line up (see simplify).
func (b *builder) edgePoints(r int32, pts *[5]Point) int {
	m := b.parent[r]
	mc, rc := &b.cards[m], &b.cards[r]
	lx, mb := mc.X+b.lineDX[m], mc.Y+mc.H
	n := 0
	pts[n] = Point{lx, mb}
	n++
	if b.busDY[m] >= 0 && !b.isAside(r) { // an assistant joins the line above the bus
		pts[n] = Point{lx, b.boxY[m] + b.busDY[m]}
		n++
	}
	if b.join[r] == joinTop {
		x := rc.X + rc.W/2
		y := pts[n-1].Y
		if n == 1 { // no bus: straight down (a report right under its manager)
			y = mb + (rc.Y-mb)/2
		}
		pts[n], pts[n+1], pts[n+2] = Point{lx, y}, Point{x, y}, Point{x, rc.Y}
		if n > 1 {
			pts[n] = Point{x, y}
		}
		n += 3
	} else {
		s := b.boxX[r] + b.spine[r]
		mid := rc.Y + rc.H/2
		end := rc.X
		if b.join[r] == joinRight {
			end = rc.X + rc.W
		}
		y := pts[n-1].Y
		pts[n], pts[n+1], pts[n+2] = Point{s, y}, Point{s, mid}, Point{end, mid}
		n += 3
	}
	return n
}

// connectDotted routes each dotted line from the report's top to its
// dotted-line manager's bottom (mirrored when the manager is not above),
// off-centre from the solid lines, through the gaps between cards
// (dotted.go): no piece of it passes behind a card.
func (b *builder) connectDotted(l *Layout) {
	b.dotted = nil // the cards were placed again
	if len(b.withDotted) > 0 {
		b.dotted = newDottedRouter(b.cards, b.rootW, b.rootH)
		b.dotted.solid(b, &l.Edges)
	}
	b.addDotted(l, b.dottedManagers())
}

// dottedManagers maps the id of each dotted-line manager named to its
// card (-1 when it is not shown): one pass for the managers named, one over
// the cards. (Keyed by id, addDotted needs no look-up in the plan.)
func (b *builder) dottedManagers() map[string]int32 {
	at := map[*orgchart.Position]int32{}
	named := map[string]*orgchart.Position{}
	for _, i := range b.withDotted {
		for _, id := range b.cards[i].Position.DottedTo {
			if _, ok := named[id]; ok {
				continue
			}
			m := b.p.Position(id)
			named[id] = m
			if m != nil {
				at[m] = -1
			}
		}
	}
	byID := make(map[string]int32, len(named))
	if len(at) == 0 {
		return byID
	}
	for i := range b.cards {
		if _, ok := at[b.cards[i].Position]; ok {
			at[b.cards[i].Position] = int32(i)
		}
	}
	for id, m := range named {
		if m != nil {
			byID[id] = at[m]
		}
	}
	return byID
}

// addDotted appends the dotted lines, one map look-up each.
func (b *builder) addDotted(l *Layout, at map[string]int32) {
	if len(at) == 0 {
		return
	}
	for _, i := range b.withDotted {
		a := &b.cards[i]
		for _, id := range a.Position.DottedTo {
			j, ok := at[id]
			if !ok || j < 0 || j == i {
				continue
			}
			l.Edges = append(l.Edges, b.dottedEdge(j, i))
		}
	}
}

// dottedEdge is the dotted line from manager card j to report card i,
// routed around the cards where they are now (dotted.go). The router is
// made on first use; whoever moves cards resets b.dotted (connect, and an
// Engine's connect), so lines never route around cards' old places.
func (b *builder) dottedEdge(j, i int32) Edge {
	if b.dotted == nil {
		b.dotted = newDottedRouter(b.cards, b.rootW, b.rootH)
	}
	return Edge{From: int(j), To: int(i), Points: b.path(b.dotted.route(j, i)...), Dotted: true}
}

// path copies the points into the builder's store, dropping repeated points
// and merging collinear segments.
func (b *builder) path(pts ...Point) []Point {
	start := len(b.pts)
	b.pts = simplify(b.pts, pts)
	return b.pts[start:len(b.pts):len(b.pts)]
}

// simplify appends pts to out without repeated points and with collinear
// segments merged.
func simplify(out, pts []Point) []Point {
	start := len(out)
	for _, p := range pts {
		if n := len(out); n > start && out[n-1] == p {
			continue
		}
		if n := len(out); n >= start+2 {
			a, c := out[n-2], out[n-1]
			if (a.X == c.X && c.X == p.X) || (a.Y == c.Y && c.Y == p.Y) {
				out[n-1] = p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}
