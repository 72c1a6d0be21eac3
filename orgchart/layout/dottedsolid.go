package layout

import (
	"cmp"
	"slices"
)

// Dotted lines keep clear of the solid reporting lines (a dotted line a
// few pixels beside a bus or a spine reads as one thick line): the router
// indexes the solid lines once, as the union of each manager's lines (the
// lines into its reports share their bus and spines), in a uniform grid.

// segment is an axis-aligned piece of solid line, a.X <= b.X, a.Y <= b.Y.
type segment struct{ a, b Point }

// solidIndex holds the solid lines' segments by grid cell.
type solidIndex struct {
	grid // of segs
	segs []segment
}

// newSolidIndex indexes the solid lines of b's cards: card c's line into
// it is edges[b.edgeOf[c]].
func newSolidIndex(b *builder, edges []Edge, width, height float32) *solidIndex {
	x := &solidIndex{}
	var pieces []segment
	for m := range b.cards {
		kids := b.children(int32(m))
		if len(kids) == 0 {
			continue
		}
		pieces = pieces[:0]
		for _, k := range kids {
			if int(k) >= len(b.edgeOf) || b.edgeOf[k] < 0 || int(b.edgeOf[k]) >= len(edges) {
				continue
			}
			pts := edges[b.edgeOf[k]].Points
			for n := 1; n < len(pts); n++ {
				p, q := pts[n-1], pts[n]
				pieces = append(pieces, segment{Point{min(p.X, q.X), min(p.Y, q.Y)}, Point{max(p.X, q.X), max(p.Y, q.Y)}})
			}
		}
		x.segs = mergeSegments(x.segs, pieces)
	}
	x.grid = newRectGrid(len(x.segs), width, height, func(i int) (x0, y0, x1, y1 float32) {
		s := &x.segs[i]
		return s.a.X, s.a.Y, s.b.X, s.b.Y
	})
	return x
}

// mergeSegments appends to out the union of the pieces: collinear pieces
// that overlap or touch become one.
func mergeSegments(out, pieces []segment) []segment {
	vertical := func(s segment) int { return btoi(s.a.X == s.b.X && s.a.Y != s.b.Y) }
	slices.SortFunc(pieces, func(p, q segment) int {
		if c := cmp.Compare(vertical(p), vertical(q)); c != 0 {
			return c
		}
		if vertical(p) == 1 {
			return cmp.Or(cmp.Compare(p.a.X, q.a.X), cmp.Compare(p.a.Y, q.a.Y))
		}
		return cmp.Or(cmp.Compare(p.a.Y, q.a.Y), cmp.Compare(p.a.X, q.a.X))
	})
	for i, s := range pieces {
		if i > 0 {
			last := &out[len(out)-1]
			if vertical(s) == 1 && vertical(*last) == 1 && s.a.X == last.a.X && s.a.Y <= last.b.Y {
				last.b.Y = max(last.b.Y, s.b.Y)
				continue
			}
			if vertical(s) == 0 && vertical(*last) == 0 && s.a.Y == last.a.Y && s.a.X <= last.b.X {
				last.b.X = max(last.b.X, s.b.X)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// query calls visit with the segments meeting the rectangle (a segment
// in several cells may come more than once) and returns the work done
// (cells and segments looked at).
func (x *solidIndex) query(x0, y0, x1, y1 float32, visit func(a, b Point)) int {
	if x == nil || x.cols == 0 || x1 < x0 || y1 < y0 {
		return 1
	}
	c0, r0, c1, r1 := x.span(x0, y0, x1, y1)
	work := 0
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			cell := r*x.cols + c
			work += 2 + int(x.start[cell+1]-x.start[cell])
			for _, it := range x.items[x.start[cell]:x.start[cell+1]] {
				s := &x.segs[it]
				if s.a.X <= x1 && s.b.X >= x0 && s.a.Y <= y1 && s.b.Y >= y0 {
					visit(s.a, s.b)
				}
			}
		}
	}
	return work
}
