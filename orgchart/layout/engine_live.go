package layout

// live is what the Layouts an Engine returns share across relayouts: the
// spatial index, kept up to date by listing aside the cards that moved
// since it was built (rebuilt once they are many), and the tree order.
type live struct {
	b *builder

	g     grid
	built bool
	stale []bool  // per card: moved since the grid was built (or its slot changed)
	extra []int32 // the stale cards, each once

	gen, orderGen int     // structural changes so far; the one order was made at
	order         []int32 // depth-first order at orderGen
}

// mark notes that card i moved or changed slot.
func (v *live) mark(i int32) {
	if v == nil || !v.built {
		return
	}
	for int(i) >= len(v.stale) {
		v.stale = append(v.stale, false)
	}
	if !v.stale[i] {
		v.stale[i] = true
		v.extra = append(v.extra, i)
	}
}

// query visits the cards intersecting the rectangle: those of the grid
// that did not move, then those that did.
func (v *live) query(cards []Card, width, height float32, x0, y0, x1, y1 float32, visit func(i int)) {
	if !v.built || len(v.extra) > len(cards)/8+64 {
		v.g = newGrid(cards, width, height)
		v.built = true
		v.stale = make([]bool, len(cards))
		v.extra = v.extra[:0]
	}
	v.g.query(cards, v.stale, x0, y0, x1, y1, visit)
	for _, i := range v.extra {
		if int(i) >= len(cards) {
			continue
		}
		k := &cards[i]
		if k.X > x1 || k.Y > y1 || k.X+k.W < x0 || k.Y+k.H < y0 {
			continue
		}
		visit(int(i))
	}
}

// DepthFirst returns the card indexes in depth-first plan order (managers
// before their reports, reports in plan order): the subtree of card
// order[j] is order[j : j+1+Cards[order[j]].Below]. Compute's cards are in
// that order already; an Engine's are not after it added, removed or moved
// cards. The slice belongs to the layout: do not change it.
func (l *Layout) DepthFirst() []int32 {
	v := l.live
	if v == nil {
		l.orderOnce.Do(func() {
			l.order = make([]int32, len(l.Cards))
			for i := range l.order {
				l.order[i] = int32(i)
			}
		})
		return l.order
	}
	if v.order != nil && v.orderGen == v.gen && len(v.order) == len(l.Cards) {
		return v.order
	}
	b := v.b
	order := make([]int32, 0, len(b.cards))
	stack := make([]int32, 0, 64)
	for k := len(b.tops) - 1; k >= 0; k-- {
		stack = append(stack, b.tops[k])
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		order = append(order, i)
		kids := b.children(i)
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, kids[k])
		}
	}
	v.order, v.orderGen = order, v.gen
	return order
}
