package layout

import "github.com/orgplanner/orgplanner/orgchart"

// connect draws the reporting lines: manager bottom, down to a bus halfway
// to the reports, across, and down into each report's top; stacked reports
// hang from a vertical spine with a short stub into each card's side.
// Dotted-line relationships are added when both cards are shown.
func (b *builder) connect(l *Layout) {
	cards := b.cards
	l.Edges = make([]Edge, 0, len(cards))
	b.pts = make([]Point, 0, 4*len(cards))
	for v := range b.t.n {
		m := b.unit[v]
		nv := &b.t.n[v]
		if m < 0 || nv.cs == 0 {
			continue
		}
		mc := &cards[m]
		mx, mb := mc.X+mc.W/2, mc.Y+mc.H
		busY := float32(b.t.n[nv.c0].y) - VGap/2
		for u := nv.c0; u < nv.c0+nv.cs; u++ {
			if r := b.unit[u]; r >= 0 {
				rc := &cards[r]
				rx := rc.X + rc.W/2
				l.Edges = append(l.Edges, Edge{From: int(m), To: int(r),
					Points: b.path(Point{mx, mb}, Point{mx, busY}, Point{rx, busY}, Point{rx, rc.Y})})
				continue
			}
			k := &b.blocks[b.blockOf[u]]
			for j, r := range k.cards {
				rc := &cards[r]
				midY := rc.Y + rc.H/2
				if p := b.parent[r]; p != m {
					// Inside a folded subtree: down from the manager's left side.
					pc := &cards[p]
					x := pc.X + StackIndent/2
					l.Edges = append(l.Edges, Edge{From: int(p), To: int(r),
						Points: b.path(Point{x, pc.Y + pc.H}, Point{x, midY}, Point{rc.X, midY})})
					continue
				}
				spine := k.spineX
				if k.spines != nil {
					spine = k.spines[j]
				}
				end := rc.X
				if rc.X < spine {
					end = rc.X + rc.W
				}
				l.Edges = append(l.Edges, Edge{From: int(m), To: int(r),
					Points: b.path(Point{mx, mb}, Point{mx, busY}, Point{spine, busY},
						Point{spine, midY}, Point{end, midY})})
			}
		}
	}
	b.connectDotted(l)
}

// connectDotted routes each dotted line from the report's top up to the gap
// just under its dotted-line manager's row, across, and up into the
// manager's bottom (mirrored when the manager is lower), off-centre from the
// solid lines. The long run is vertical beside the report's own column and
// the crossing lies in a gap between levels, so the line is not mistaken
// for a link between neighbours.
func (b *builder) connectDotted(l *Layout) {
	// Card indexes of the dotted-line managers, keyed by position pointer
	// (cheaper to hash than ids).
	want := map[*orgchart.Position]int{}
	for i := range b.cards {
		for _, id := range b.cards[i].Position.DottedTo {
			if m := b.p.Position(id); m != nil {
				want[m] = -1
			}
		}
	}
	if len(want) == 0 {
		return
	}
	for i := range b.cards {
		if _, ok := want[b.cards[i].Position]; ok {
			want[b.cards[i].Position] = i
		}
	}
	for i := range b.cards {
		a := &b.cards[i]
		for _, id := range a.Position.DottedTo {
			j, ok := want[b.p.Position(id)]
			if !ok || j < 0 || j == i {
				continue
			}
			m := &b.cards[j]
			ax, mx := a.X+a.W/2+DottedInset, m.X+m.W/2+DottedInset
			gap := VGap / 4
			if m.Stacked {
				gap = StackRowGap / 2
			}
			var pts []Point
			if m.Y+m.H <= a.Y {
				y := m.Y + m.H + gap
				pts = b.path(Point{ax, a.Y}, Point{ax, y}, Point{mx, y}, Point{mx, m.Y + m.H})
			} else {
				y := m.Y - min(gap, VGap/4)
				pts = b.path(Point{ax, a.Y + a.H}, Point{ax, y}, Point{mx, y}, Point{mx, m.Y})
			}
			l.Edges = append(l.Edges, Edge{From: j, To: i, Points: pts, Dotted: true})
		}
	}
}

// path copies the points into the builder's store, dropping repeated points
// and merging collinear segments.
func (b *builder) path(pts ...Point) []Point {
	start := len(b.pts)
	out := b.pts
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
	b.pts = out
	return out[start:len(out):len(out)]
}
