package layout

import "math"

// place turns tidy node positions into card rectangles, shifted so the chart
// starts at x = 0.
func (b *builder) place(l *Layout) {
	minX := math.Inf(1)
	for v := range b.t.n {
		if b.unit[v] != unitVirtual {
			minX = min(minX, b.t.n[v].x+float64(HGap)/2)
		}
	}
	for v := range b.t.n {
		nv := &b.t.n[v]
		left := float32(nv.x + float64(HGap)/2 - minX)
		top := float32(nv.y)
		switch u := b.unit[v]; {
		case u >= 0:
			c := &b.cards[u]
			c.X = left + (float32(nv.w)-HGap-c.W)/2
			c.Y = top
		case u == unitStack:
			s := &b.stacks[b.stackOf[v]]
			if s.cols == 1 {
				s.spineX = left + StackIndent/2
			} else {
				s.spineX = left + s.colW + StackMiddle/2
			}
			for k, ci := range s.cards {
				c := &b.cards[ci]
				c.Y = top + s.rowTop[k/s.cols]
				switch {
				case s.cols == 1:
					c.X = left + StackIndent
				case k%2 == 0:
					c.X = left + s.colW - c.W
				default:
					c.X = left + s.colW + StackMiddle
				}
			}
		}
	}
	for i := range b.cards {
		c := &b.cards[i]
		l.Width = max(l.Width, c.X+c.W)
		l.Height = max(l.Height, c.Y+c.H)
	}
	l.Cards = b.cards
}
