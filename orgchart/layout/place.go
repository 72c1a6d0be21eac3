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
			k := &b.blocks[b.blockOf[v]]
			k.spineX += left
			for j := range k.spines {
				k.spines[j] += left
			}
			for j, ci := range k.cards {
				c := &b.cards[ci]
				c.X, c.Y = left+k.at[j].X, top+k.at[j].Y
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
