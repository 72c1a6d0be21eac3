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

	// The cards of a subtree shifted as a block keep their cells when
	// the shift is small (a chart grown by a gap): group[i] = n says card
	// i is where the grid has it moved by offs[n] (group 0 has not
	// moved). A move that shifts most of the chart then costs a byte a
	// card, not a new grid (3 ms at 100,000 cards), and a dotted line
	// shifted with its cards need not look at the cards that moved alike
	// (see alike).
	group  []uint8
	groups []shiftGroup // groups[0] is the cards that have not moved
	offs   []Point      // each group's offset since the grid was built
	epoch  int          // relayouts that shifted cards, so far

	gen, orderGen int     // structural changes so far; the one order was made at
	order         []int32 // depth-first order at orderGen
}

// shiftGroup is cards the grid has where they were, all moved by the
// group's offset (live.offs) since it was built: by delta in relayout
// epoch, and the rest before it (as another group). cards counts them;
// an empty group is made again for another shift.
type shiftGroup struct {
	delta Point
	epoch int
	cards int
}

// alike names the cards a relayout (an epoch) shifted by delta; a query
// can leave them out. The zero alike names none.
type alike struct {
	epoch int
	delta Point
}

// maxGroups is the most groups (group 0 among them) at once: a query
// leaves groups out by a bit each.
const maxGroups = 64

// begin starts a relayout's shifts (an epoch of its own).
func (v *live) begin() {
	if v != nil {
		v.epoch++
	}
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
		if int(i) < len(v.group) && v.group[i] != 0 {
			v.groups[v.group[i]].cards--
			v.group[i] = 0
		}
	}
}

// mover notes the cards of one subtree shifted by d, in their groups.
type mover struct {
	v        *live
	d        Point
	from, to uint8 // the group its last card was in, and the one it went to (0: listed aside)
	known    bool
}

// shifting starts noting the cards of a subtree shifted by d.
func (v *live) shifting(d Point) mover { return mover{v: v, d: d} }

// move notes that card i moved by the shift.
func (m *mover) move(i int32) {
	v := m.v
	if v == nil || !v.built {
		return
	}
	if int(i) >= len(v.group) || v.stale[i] {
		v.mark(i)
		return
	}
	from := v.group[i]
	if !m.known || from != m.from {
		m.from, m.to, m.known = from, v.groupFor(from, m.d), true
	}
	if m.to == 0 {
		v.mark(i)
		return
	}
	v.groups[from].cards--
	v.groups[m.to].cards++
	v.group[i] = m.to
}

// groupFor is the group of the cards of group from shifted by d in this
// epoch, made if need be; 0 when the shift takes them more than half a
// cell from where the grid has them (a query would look far around) or
// there is no room.
func (v *live) groupFor(from uint8, d Point) uint8 {
	o := v.offs[from]
	off := Point{o.X + d.X, o.Y + d.Y}
	if abs32(off.X) > v.g.cellW/2 || abs32(off.Y) > v.g.cellH/2 {
		return 0
	}
	free := 0
	for n := 1; n < len(v.groups); n++ {
		s := &v.groups[n]
		if s.cards > 0 && s.epoch == v.epoch && s.delta == d && v.offs[n] == off {
			return uint8(n)
		}
		if s.cards == 0 && free == 0 {
			free = n
		}
	}
	if free == 0 {
		if len(v.groups) >= maxGroups {
			return 0
		}
		v.groups = append(v.groups, shiftGroup{})
		v.offs = append(v.offs, Point{})
		free = len(v.groups) - 1
	}
	v.groups[free] = shiftGroup{delta: d, epoch: v.epoch}
	v.offs[free] = off
	return uint8(free)
}

// rebuild indexes the cards where they are now.
func (v *live) rebuild(cards []Card, width, height float32) {
	v.adopt(newGrid(cards, width, height), len(cards))
}

// adopt takes g, an index of the n cards where they are now.
func (v *live) adopt(g grid, n int) {
	v.g, v.built = g, true
	v.stale = make([]bool, n)
	v.group = make([]uint8, n)
	v.extra = v.extra[:0]
	v.groups, v.offs = append(v.groups[:0], shiftGroup{cards: n}), append(v.offs[:0], Point{})
}

// query visits the cards intersecting the rectangle: those of the grid
// that did not move or moved in groups, then the others that moved. The
// cards skip names are left out.
func (v *live) query(cards []Card, width, height float32, x0, y0, x1, y1 float32, skip alike, visit func(i int)) {
	if !v.built || len(v.extra) > len(cards)/8+64 {
		v.rebuild(cards, width, height)
	}
	mv := moved{group: v.group, offs: v.offs}
	for n := 1; n < len(v.groups); n++ {
		s := &v.groups[n]
		switch {
		case s.cards == 0:
			mv.leave |= 1 << n
		case skip.epoch != 0 && s.epoch == skip.epoch && s.delta == skip.delta:
			mv.leave |= 1 << n
		default:
			o := v.offs[n]
			mv.pad = Point{max(mv.pad.X, abs32(o.X)), max(mv.pad.Y, abs32(o.Y))}
		}
	}
	v.g.queryMoved(cards, v.stale, mv, x0, y0, x1, y1, visit)
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
