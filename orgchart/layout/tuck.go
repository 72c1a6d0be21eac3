package layout

// A row whose leaves are tucked under one of its managers' subtrees: the
// subtrees in a row under the bus, as kindRow draws them, and the
// manager's reports who lead nobody in one column below the subtree whose
// bottom leaves the most room. Their spine comes down from the bus
// through the gap left of that subtree, so the column fills a short
// neighbour's bottom instead of taking a slot of the row's full height.

// tuckMax is the most leaves tucked under a subtree.
const tuckMax = 16

// tryTuck lists m's row fitted to height fit with its leaves tucked under
// the subtree that suits them best (the candidate keeps which one).
// b.items are m's reports fitted to the row at that height (as kindRow
// has them): the managers' subtrees are the same in the tucked row, and
// the leaves make its column. (While an Engine relays out, apply lists
// it, as it may tuck managers too.)
func (b *builder) tryTuck(m int32, fit float32) {
	ch := cand{kind: kindRowTuck, fit: fit}
	if b.keptStarts != nil {
		ch.w, ch.h, ch.rx = b.apply(m, ch, false)
	} else {
		var size [2]float32
		size[1] = -StackRowGap
		mgrs := b.items[:0]
		for _, it := range b.items {
			if b.isLeaf(it.card) {
				size[0] = max(size[0], it.w)
				size[1] += it.h + StackRowGap
			} else {
				mgrs = append(mgrs, it)
			}
		}
		b.items, b.extra = mgrs, b.extra[:0]
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
		b.tuckCol(m, at, gx, gy, true, &col)
	}
	return w, h, rx
}

// tuckCol walks the tucked column: m's leaves and b.extra in plan order,
// hung from a spine at x+StackIndent/2 from y down; size gets its width
// and height, and with write each report's offsets in m's box. An extra
// takes its widest layout no wider than the subtree above the column.
func (b *builder) tuckCol(m int32, at int, x, y float32, write bool, size *[2]float32) {
	slotW := inf
	if at >= 0 && at < len(b.items) {
		slotW = b.items[at].w
	}
	w, top := float32(0), y
	e := 0
	for _, c := range b.arranged(m) {
		var cw, ch float32
		ci := int32(0)
		switch {
		case b.isLeaf(c):
			cw, ch = b.cards[c].W, b.cards[c].H
		case e < len(b.extra) && b.extra[e] == c:
			e++
			ci = b.byWidth(c, slotW)
			cw, ch, _ = b.boxOf(c, b.cand(c, ci))
		default:
			continue
		}
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

// joinsTuck reports whether manager c, a report of a tucked row an Engine
// keeps, is new to the row: drawn stacked or aside before (an assistant
// given a team, say). It goes below the tucked leaves, so that the row
// keeps its width (growth goes down, as in kept columns); a report added
// leads nobody and joins the leaves. Compute never tucks managers.
func (b *builder) joinsTuck(c int32) bool {
	return b.keptStarts != nil && b.join[c] != joinTop
}
