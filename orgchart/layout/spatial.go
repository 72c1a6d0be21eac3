package layout

// grid is a uniform-grid spatial index over card rectangles, stored compactly
// (cell start offsets into one array of card indexes). A query touches only
// the cells under the asked rectangle.
type grid struct {
	cellW, cellH float32
	cols, rows   int
	start        []int32 // cell c holds items[start[c]:start[c+1]]
	items        []int32
}

func newGrid(cards []Card, width, height float32) grid {
	return newRectGrid(len(cards), width, height, func(i int) (x0, y0, x1, y1 float32) {
		k := &cards[i]
		return k.X, k.Y, k.X + k.W, k.Y + k.H
	})
}

// newRectGrid indexes n rectangles (rect gives the i-th) over a chart of
// width x height: the cards, or the solid lines' segments.
func newRectGrid(n int, width, height float32, rect func(i int) (x0, y0, x1, y1 float32)) grid {
	g := grid{cellW: 2 * (CardW + HGap), cellH: 2 * (CardH + VGap)}
	if n == 0 {
		return g
	}
	// Keep the cell count near the rectangle count, whatever the chart's shape.
	for {
		g.cols = int(width/g.cellW) + 1
		g.rows = int(height/g.cellH) + 1
		if g.cols*g.rows <= 4*n+64 {
			break
		}
		g.cellW *= 2
		g.cellH *= 2
	}
	g.start = make([]int32, g.cols*g.rows+1)
	for i := range n {
		c0, r0, c1, r1 := g.span(rect(i))
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				g.start[r*g.cols+c+1]++
			}
		}
	}
	for i := 1; i < len(g.start); i++ {
		g.start[i] += g.start[i-1]
	}
	g.items = make([]int32, g.start[len(g.start)-1])
	// start[c] is cell c's next free place while filling; after it, the
	// end of cell c, which is where cell c+1 starts.
	for i := range n {
		c0, r0, c1, r1 := g.span(rect(i))
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				cell := r*g.cols + c
				g.items[g.start[cell]] = int32(i)
				g.start[cell]++
			}
		}
	}
	copy(g.start[1:], g.start[:len(g.start)-1])
	g.start[0] = 0
	return g
}

// span returns the cell columns and rows a rectangle covers, clamped to the grid.
func (g *grid) span(x0, y0, x1, y1 float32) (c0, r0, c1, r1 int) {
	clamp := func(v float32, size float32, n int) int {
		i := int(v / size)
		if v < 0 {
			i = 0
		}
		if i >= n {
			i = n - 1
		}
		return i
	}
	return clamp(x0, g.cellW, g.cols), clamp(y0, g.cellH, g.rows),
		clamp(x1, g.cellW, g.cols), clamp(y1, g.cellH, g.rows)
}

// query visits the cards under the rectangle, leaving out those marked in
// skip (nil: none; an Engine lists the cards that moved apart).
func (g *grid) query(cards []Card, skip []bool, x0, y0, x1, y1 float32, visit func(i int)) {
	g.queryMoved(cards, skip, moved{}, x0, y0, x1, y1, visit)
}

// moved is how the cards an Engine shifted in groups stand to the grid,
// which has them where they were: card i is offs[group[i]] from there (a
// group of 0 has not moved). leave names groups to leave out (bit g),
// and pad is the most any group moved across and down.
type moved struct {
	group []uint8
	offs  []Point
	leave uint64
	pad   Point
}

// queryMoved is query with the cards of groups moved (see moved).
func (g *grid) queryMoved(cards []Card, skip []bool, mv moved, x0, y0, x1, y1 float32, visit func(i int)) {
	if g.cols == 0 || x1 < x0 || y1 < y0 {
		return
	}
	// A moved card's cells are where it was: look that much further.
	qc0, qr0, qc1, qr1 := g.span(x0-mv.pad.X, y0-mv.pad.Y, x1+mv.pad.X, y1+mv.pad.Y)
	for r := qr0; r <= qr1; r++ {
		for c := qc0; c <= qc1; c++ {
			cell := r*g.cols + c
			for _, it := range g.items[g.start[cell]:g.start[cell+1]] {
				if skip != nil && (int(it) >= len(cards) || skip[it]) {
					continue
				}
				var off Point
				if mv.group != nil {
					n := mv.group[it]
					if mv.leave&(1<<n) != 0 {
						continue
					}
					off = mv.offs[n]
				}
				k := &cards[it]
				if k.X > x1 || k.Y > y1 || k.X+k.W < x0 || k.Y+k.H < y0 {
					continue
				}
				// A card in several cells is reported from the first of
				// them the query covers, where the grid has it.
				cc, cr, _, _ := g.span(k.X-off.X, k.Y-off.Y, k.X-off.X, k.Y-off.Y)
				if max(cc, qc0) == c && max(cr, qr0) == r {
					visit(int(it))
				}
			}
		}
	}
}
