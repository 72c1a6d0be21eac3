package layout

import (
	"math"
	"slices"
)

// arrangeTops places the top positions' boxes: one is the chart; several
// go side by side or in columns, whichever fits a slide better.
func (b *builder) arrangeTops() {
	b.topX, b.topY = b.topX[:0], b.topY[:0]
	tops := b.tops
	if len(tops) == 1 {
		b.topX, b.topY = append(b.topX, 0), append(b.topY, 0)
		b.rootW, b.rootH = b.bw[tops[0]], b.bh[tops[0]]
		return
	}
	b.heights = b.heights[:0]
	for _, t := range tops {
		b.heights = append(b.heights, b.bh[t])
	}
	if !b.keepTops {
		bestK, bestCost := 0, float32(math.Inf(1))
		for k := 0; k <= min(len(tops), maxColumns); k++ { // 0: one row
			w, h := b.stackTops(tops, k, false)
			if c := b.cost(w, h, true); c < bestCost {
				bestK, bestCost = k, c
			}
		}
		b.topK = bestK
	}
	b.rootW, b.rootH = b.stackTops(tops, b.topK, true)
}

// stackTops puts the tops in one row (k = 0) or k columns of similar height.
func (b *builder) stackTops(tops []int32, k int, write bool) (float32, float32) {
	if write {
		b.topX, b.topY = b.topX[:0], b.topY[:0]
	}
	if k == 0 {
		x, h := float32(0), float32(0)
		for _, t := range tops {
			if write {
				b.topX, b.topY = append(b.topX, x), append(b.topY, 0)
			}
			x += b.bw[t] + HGap
			h = max(h, b.bh[t])
		}
		return x - HGap, h
	}
	b.starts = partition(b.heights, k, VGap, b.starts[:0])
	x, h := float32(0), float32(0)
	for j, s := range b.starts {
		e := len(tops)
		if j+1 < len(b.starts) {
			e = b.starts[j+1]
		}
		colW, y := float32(0), float32(0)
		for _, t := range tops[s:e] {
			if write {
				b.topX, b.topY = append(b.topX, x), append(b.topY, y)
			}
			colW = max(colW, b.bw[t])
			y += b.bh[t] + VGap
		}
		h = max(h, y-VGap)
		x += colW + HGap
	}
	return x - HGap, h
}

// place turns box offsets into absolute card rectangles and subtree boxes:
// with several workers, the cards above the pieces first, then the pieces
// at the same time (a card needs only its manager placed).
func (b *builder) place(l *Layout) {
	b.topDown(func(_ *builder, i int32) { b.placeCard(i) })
	l.Width, l.Height = b.rootW, b.rootH
	l.Cards = b.cards
}

// placeCard places card i, whose manager is placed.
func (b *builder) placeCard(i int32) {
	if p := b.parent[i]; p >= 0 {
		b.boxX[i], b.boxY[i] = b.boxX[p]+b.ox[i], b.boxY[p]+b.oy[i]
	} else {
		t, _ := slices.BinarySearch(b.tops, i)
		b.boxX[i], b.boxY[i] = b.topX[t], b.topY[t]
	}
	c := &b.cards[i]
	c.X, c.Y = b.boxX[i]+b.rx[i], b.boxY[i]
	c.Subtree = Rect{b.boxX[i], b.boxY[i], b.bw[i], b.bh[i]}
	c.Stacked = b.parent[i] >= 0 && b.join[i] != joinTop
	c.Below = int(b.size[i]) - 1 // the cards in its subtree but itself
}
