package layout

// A row whose leaves are tucked under one of its managers' subtrees: the
// subtrees in a row under the bus, as kindRow draws them, and the
// manager's reports who lead nobody (and its small teams) in one column
// below the subtree whose bottom leaves the most room, a row's gap below
// it. Their spine comes down from the bus through the gap left of that
// subtree, so the column fills a short neighbour's bottom instead of
// taking a slot of the row's full height; its cards line up with the
// subtree's manager, their peer.

// tuckMax is the most leaves tucked under a subtree.
const tuckMax = 16

// tryTuck lists m's row fitted to height fit with its leaves tucked under
// the subtree that suits them best (the candidate keeps which one).
// b.items are m's reports fitted to the row at that height (as kindRow
// has them): the managers' subtrees are the same in the tucked row, and
// the leaves and small teams (joinsTuck) make its column. (While an
// Engine relays out, apply lists it: it tucks other managers.)
func (b *builder) tryTuck(m int32, fit float32) {
	ch := cand{kind: kindRowTuck, fit: fit}
	if b.keptStarts != nil {
		ch.w, ch.h, ch.rx = b.apply(m, ch, false)
	} else {
		// The column: the leaves and the small teams; the row: the rest.
		mgrs := b.items[:0]
		b.extra = b.extra[:0]
		for _, it := range b.items {
			switch {
			case b.isLeaf(it.card):
			case b.joinsTuck(it.card):
				it = b.boxItem(it.card, b.byWidth(it.card, 0)) // its narrowest layout
				b.extra = append(b.extra, it)
			default:
				mgrs = append(mgrs, it)
			}
		}
		if len(mgrs) == 0 { // every manager tucked: they make the row
			if len(b.extra) == 0 {
				return
			}
			for _, it := range b.extra {
				mgrs = append(mgrs, b.boxItem(it.card, b.rowPick(it.card, fit)))
			}
			b.extra = b.extra[:0]
		}
		b.items = mgrs
		var size [2]float32
		b.tuckCol(m, 0, 0, false, &size)
		ch.w, ch.h, ch.rx = b.tuckRow(m, -1, size, false)
	}
	ch.k = int16(b.tuckAt + 1)
	b.tmp = append(b.tmp, ch)
}

// tuckRow places b.items (the managers' subtrees) in a row under m and
// the column of m's leaves (and b.extra, in plan order among them) under
// item at (at < 0: the one that keeps the box shortest, the first of
// those); b.tuckAt is the item used.
func (b *builder) tuckRow(m int32, at int, col [2]float32, write bool) (float32, float32, float32) {
	mc := &b.cards[m]
	n := len(b.items)
	tallest := float32(0)
	for _, it := range b.items {
		tallest = max(tallest, it.h)
	}
	// The column: its width and height, then where it goes.
	colW, colH := col[0], col[1]
	if at < 0 || at >= n {
		at = 0
		best := inf
		for i, it := range b.items {
			if h := max(tallest, it.h+tuckGap+colH); h < best {
				at, best = i, h
			}
		}
	}
	b.tuckAt = at
	// The column's spine runs StackIndent/2 left of the subtree: the
	// first subtree makes room for it.
	x := float32(0)
	if at == 0 {
		x = StackIndent
	}
	b.xs = b.xs[:0]
	for _, it := range b.items {
		b.xs = append(b.xs, x)
		x += it.w + HGap
	}
	rowW := x - HGap
	first, last := b.items[0], b.items[n-1]
	centre := (b.xs[0] + first.jx0 + b.xs[n-1] + last.jx1) / 2
	rx := centre - mc.W/2
	al, ar, ah := b.head(m, true)
	shift := max(0, al-rx)
	rx += shift
	top := mc.H + ah + VGap
	gx, gy := shift+b.xs[at]-StackIndent, top+b.items[at].h+tuckGap
	w := max(rx+mc.W+ar, rowW+shift, gx+StackIndent+colW)
	h := max(top+tallest, gy+colH)
	if write {
		b.rx[m] = rx
		b.lineDX[m] = mc.W / 2
		b.busDY[m] = mc.H + ah + VGap/2
		b.placeAsides(m, true, rx)
		for i, it := range b.items {
			b.ox[it.card], b.oy[it.card] = shift+b.xs[i], top
			b.join[it.card] = joinTop
			b.chosen[it.card] = it.cand
		}
		b.tuckCol(m, gx, gy, true, &col)
	}
	return w, h, rx
}

// tuckCol walks the tucked column: m's leaves and b.extra in plan order,
// hung from a spine at x+StackIndent/2 from y down; size gets its width
// and height, and with write each report's offsets in m's box.
func (b *builder) tuckCol(m int32, x, y float32, write bool, size *[2]float32) {
	w, top := float32(0), y
	e := 0
	team := false // the card above hangs its team (hangsTeam)
	for _, c := range b.arranged(m) {
		var cw, ch float32
		ci := int32(0)
		switch {
		case b.isLeaf(c):
			cw, ch = b.cards[c].W, b.cards[c].H
			if team {
				y += teamBreak - StackRowGap
			}
		case e < len(b.extra) && b.extra[e].card == c:
			ci, cw, ch = b.extra[e].cand, b.extra[e].w, b.extra[e].h
			e++
		default:
			continue
		}
		team = !b.isLeaf(c) && b.hangsTeam(c, ci)
		if write {
			b.ox[c], b.oy[c] = x+StackIndent, y
			b.join[c] = joinLeft
			b.spine[c] = -StackIndent / 2
			b.chosen[c] = ci
		}
		w = max(w, cw)
		y += ch + StackRowGap
	}
	size[0], size[1] = w, y-StackRowGap-top
}

// tuckGap is the room between a subtree and the leaves tucked under it.
const tuckGap = VGap

// joinsTuck reports whether manager c goes in the tucked column (among
// the leaves, in plan order) rather than in the row: in Compute, a team
// of at most tuckSmall cards in the top tuckDepth layers; while an Engine
// relays out, a report drawn stacked or aside before (tucked, or an
// assistant given a team), so that the row keeps its width (growth goes
// down, as in kept columns).
func (b *builder) joinsTuck(c int32) bool {
	if b.keptStarts != nil {
		return b.join[c] != joinTop
	}
	return b.size[c] <= tuckSmall && b.cards[c].Depth <= tuckDepth
}

// tuckSmall is the most cards of a team tucked with the leaves, and
// tuckDepth the deepest layer it is tucked in. (Deeper, small teams
// tucked change which of their managers hang a column of leaves, and an
// Engine expanding a manager collapsed there grew the chart across:
// TestExpandingAManagerCollapsedAtStartKeepsTheChart.)
const (
	tuckSmall = 4
	tuckDepth = 4
)
