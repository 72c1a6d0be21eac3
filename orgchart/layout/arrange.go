package layout

import (
	"cmp"
	"math"
	"slices"
)

// Arrangements of a manager's reports. Every subtree is a box with its
// manager's card alone in the box's top band, so a line can reach the card
// from the side of the box without crossing anything.
const (
	kindLeaf    uint8 = iota
	kindRow           // reports' subtrees side by side under a bus (the classic tidy row)
	kindRowGrid       // managers' subtrees in a row, the leaves as a grid at the first leaf's place
	kindGrid          // only leaves: columns in pairs around shared spines
	kindColumns       // subtrees hung in columns, each along a spine from the manager's left
	kindFlow          // the same, each column filled down to a height before the next starts
	kindRowTuck       // managers' subtrees in a row, the leaves in a column under one of them (tuck.go)
)

// How a line enters a report's card: from above, or from a spine on its
// left or right through the middle of its side.
const (
	joinTop uint8 = iota
	joinLeft
	joinRight
)

// cand is one way to lay out a subtree: its box, where its card sits in
// it, and the arrangement of the reports that gives it (kind, columns, and
// the width or height the reports' own layouts were chosen to fit).
type cand struct {
	w, h, rx float32
	kind     uint8
	k        int16
	fit      float32
}

// item is one box in a row or a column: a report's subtree or a grid of leaves.
type item struct {
	w, h     float32
	jx0, jx1 float32 // where the bus meets it, relative to its left
	card     int32   // the report's card, or -1 for the grid block
	cand     int32   // the report's chosen candidate
}

// Candidates kept per subtree: a few
// shapes from narrow to wide let a manager fit its reports' layouts to
// each other (equal widths in a column, equal heights in a row).
const (
	maxColumns = 6
)

// cands returns subtree c's candidates.
func (b *builder) cands(c int32) []cand { return b.arena[b.c0[c] : b.c0[c]+int32(b.cn[c])] }

// cand is candidate ci of subtree c; -1 is the layout an Engine pinned it to.
func (b *builder) cand(c, ci int32) *cand {
	if ci < 0 {
		return &b.pin[c]
	}
	return &b.cands(c)[ci]
}

// isPinned reports whether an Engine keeps subtree c's arrangement.
func (b *builder) isPinned(c int32) bool { return b.pinned != nil && b.pinned[c] }

// isStuck reports whether an Engine keeps the candidate subtree c was
// drawn with (it did not change), whatever its manager's fit.
func (b *builder) isStuck(c int32) bool { return b.stuck != nil && b.stuck[c] }

// arrange lists the candidate layouts of manager m's subtree from its
// reports' candidates (already listed).
func (b *builder) arrange(m int32) {
	b.asideFor = -1
	// flowDP's table is kept for m's heights while arrange lists them.
	b.flow.valid = false
	b.flow.arranging = m + 1
	b.fitOf = 0
	defer func() { b.flow.arranging = 0 }()
	kids := b.arranged(m)
	b.tmp = b.tmp[:0]
	if len(kids) == 0 && len(b.asides(m)) == 0 { // one candidate: no need to sort
		c := &b.cards[m]
		b.c0[m], b.cn[m] = int32(len(b.arena)), 1
		b.arena = append(b.arena, cand{w: c.W, h: c.H, kind: kindLeaf})
		return
	}
	if len(kids) == 0 { // only assistants
		ch := cand{kind: kindLeaf}
		ch.w, ch.h, ch.rx = b.apply(m, ch, false)
		b.c0[m], b.cn[m] = int32(len(b.arena)), 1
		b.arena = append(b.arena, ch)
		return
	}
	leaves := 0
	for _, c := range kids {
		if b.isLeaf(c) {
			leaves++
		}
	}
	b.gridOf, b.gridHas = m, [3]bool{}
	defer func() { b.gridOf = -1 }()
	try := func(ch cand) {
		ch.w, ch.h, ch.rx = b.apply(m, ch, false)
		b.tmp = append(b.tmp, ch)
	}
	if b.opt.Fold < 0 { // classic rows only
		try(cand{kind: kindRow, fit: inf})
		b.keep(m)
		return
	}
	if leaves == len(kids) {
		// Teams of cards of one size have the same candidates: list them once.
		uniform := b.cards[m].W == b.cards[kids[0]].W && b.cards[m].H == b.cards[kids[0]].H && len(b.asides(m)) == 0
		for _, c := range kids {
			uniform = uniform && b.cards[c].W == b.cards[m].W && b.cards[c].H == b.cards[m].H
		}
		key := teamKey{len(kids), b.cards[m].W, b.cards[m].H}
		if uniform {
			if at, ok := b.teams[key]; ok {
				b.c0[m], b.cn[m] = at.c0, at.cn
				return
			}
		}
		defer func() {
			if uniform {
				if b.teams == nil {
					b.teams = map[teamKey]teamCands{}
				}
				b.teams[key] = teamCands{b.c0[m], b.cn[m]}
			}
		}()
		if len(kids) <= 3 {
			try(cand{kind: kindRow, fit: inf})
		}
		for k := 1; k <= min(len(kids), 2*maxColumns); k++ {
			try(cand{kind: kindGrid, k: int16(k)})
		}
		for _, k := range wideColumns(len(kids)) {
			try(cand{kind: kindGrid, k: int16(k)})
		}
		b.keep(m)
		return
	}
	// Fits: heights on one geometric scale, from the shortest this
	// subtree can be to its tallest (every report hung in one column).
	lo, hi := float32(0), b.cards[m].H+VGap/2
	for _, c := range kids {
		cs := b.cands(c)
		lo = max(lo, cs[len(cs)-1].h)
		hi += cs[0].h + StackRowGap
	}
	hi = min(hi, max(lo, b.tallest()))
	b.sig, b.brk = b.sig[:0], b.brk[:0]
	// Small subtrees try at most eight heights; in charts of more than
	// bigChart cards, subtrees of up to a thousand cards try at most four.
	step := b.tune.step
	switch {
	case len(b.cards) > bigChart && b.size[m] < bigSubtree:
		step = fitStepBig
		if hi/lo > 10 { // (a fourth root under 10^(1/4) = 1.778 is under fitStepBig)
			step = max(fitStepBig, float32(math.Pow(float64(hi/lo), 1.0/4)))
		}
	case b.size[m] < smallSubtree:
		step = max(b.tune.stepSmall, float32(math.Pow(float64(hi/lo), 1.0/8)))
	}
	// The top of the chart with a few managers below it is a classic row:
	// a reader must see at a glance who reports to the head of the chart.
	top := b.cards[m].Depth == 0 && len(kids)-leaves <= topRowMax
	if b.tune.topStep > 0 && b.cards[m].Depth <= 2 {
		step = b.tune.topStep
	}
	for f := lo; ; f *= step {
		f = min(f, hi)
		// Rows only change when some report's layout for the height does,
		// columns filled to the height also when a column breaks elsewhere.
		same := len(b.sig) > 0
		n, col, brk := 0, float32(-1), 0
		for i, c := range kids {
			ci := int32(0)
			if !b.isLeaf(c) {
				ci = b.byHeight(c, f)
			}
			if h := b.cand(c, ci).h; col < 0 || col+StackRowGap+h > f {
				if i > 0 {
					brk = brk*31 + i
				}
				col = h
			} else {
				col += StackRowGap + h
			}
			if b.isLeaf(c) {
				continue
			}
			if len(b.sig) <= n {
				b.sig = append(b.sig, ci)
				same = false
			} else if b.sig[n] != ci {
				b.sig[n] = ci
				same = false
			}
			n++
		}
		if !top && (!same || len(b.brk) == 0 || b.brk[0] != brk) {
			try(cand{kind: kindFlow, fit: f})
			if len(kids) <= flowDPMax && len(b.cards) <= bigChart { // (past it, the 100k target)
				try(cand{kind: kindFlow, k: 1, fit: f})
			}
			b.brk = append(b.brk[:0], brk)
		}
		if same {
			if f >= hi {
				break
			}
			continue
		}
		try(cand{kind: kindRow, fit: f})
		// (In charts past searchCards, only big subtrees: not slower there.)
		if leaves >= 1 && leaves <= tuckMax && (len(b.cards) <= searchCards || b.size[m] >= bigSubtree) {
			b.tryTuck(m, f) // (reads the row's items)
		}
		if leaves >= 2 {
			for _, k := range []int{1, 2, 4} {
				if k <= leaves {
					try(cand{kind: kindRowGrid, k: int16(k), fit: f})
				}
			}
		}
		if f >= hi {
			break
		}
	}
	// Columns of even height with every report fitted to one width.
	if b.tune.evenColumns && !top && len(kids)-leaves >= 2 {
		ws := b.widths[:0]
		for _, c := range kids {
			if !b.isLeaf(c) {
				for _, cd := range b.cands(c) {
					ws = append(ws, cd.w)
				}
			}
		}
		b.widths = spreadWidths(ws, colWidths)
		for _, w := range b.widths {
			for k := 2; k <= min(len(kids), maxColumns); k++ {
				try(cand{kind: kindColumns, k: int16(k), fit: w})
			}
		}
	}
	b.keep(m)
}

// colWidths is how many report widths columns of even height are tried with.
const colWidths = 4

// spreadWidths sorts v and keeps at most n of its values, evenly spread,
// the smallest and the largest among them.
func spreadWidths(v []float32, n int) []float32 {
	slices.Sort(v)
	v = slices.Compact(v)
	if len(v) <= n {
		return v
	}
	for i := 0; i < n; i++ {
		v[i] = v[i*(len(v)-1)/(n-1)]
	}
	return v[:n]
}

// tuning is how thoroughly arrange searches: the ratio between
// neighbouring heights a subtree is fitted to (subtrees of fewer than
// smallSubtree cards take coarser steps), the candidates kept per subtree,
// and whether columns of reports fitted to one width are tried.
type tuning struct {
	step, stepSmall float32
	cands           int
	evenColumns     bool
	tall            float32 // see builder.side
	// The top and its reports: how many candidates the reports keep and
	// the step of the top's heights (0: as the others). Cheap, as only a
	// few subtrees are listed so, and it evens the bottoms of the top's row.
	topCands int
	topStep  float32
}

// tallest is the height past which no layout is listed but the shortest.
func (b *builder) tallest() float32 { return b.tune.tall * b.side }

// defaultTuning is the search of every chart; charts of at most
// searchCards cards try finer ones too (see arrangeSearched).
var defaultTuning = tuning{step: 1.12, stepSmall: 1.25, cands: 32, tall: 1.5}

// searchTunings are the searches a small chart tries, finest last: the
// first lists no layout taller than 1.3 sides but the shortest, which
// suits some charts better than the finer search's 1.5 (it keeps layouts a
// chart of a slide's shape can use, and drops those no chart can).
var searchTunings = []tuning{
	{step: 1.06, stepSmall: 1.12, cands: 48, tall: 1.3, topCands: 200, topStep: 1.01},
	{step: 1.04, stepSmall: 1.08, cands: 64, tall: 1.5, topCands: 200, topStep: 1.01},
}

// searchCards is the most cards a chart may have to try every tuning.
const searchCards = 5000

// arrangeSearched lists every subtree's candidates: with the default
// search, or, for a small chart with one top, with each of searchTunings,
// keeping the one whose chart costs least (b.tune stays that one, so that
// an Engine lists candidates again the same way).
func (b *builder) arrangeSearched() {
	if len(b.cards) > searchCards || len(b.tops) != 1 || b.tune != defaultTuning {
		b.arrangeParallel()
		return
	}
	best, bc := -1, inf
	for i, tn := range searchTunings {
		b.tune = tn
		b.arena, b.teams = b.arena[:0], nil
		b.arrangeParallel()
		top := b.tops[0]
		c := b.cand(top, b.choose(top))
		if cost := b.cost(c.w, c.h, true); cost < bc {
			best, bc = i, cost
		}
	}
	if best != len(searchTunings)-1 {
		b.tune = searchTunings[best]
		b.arena, b.teams = b.arena[:0], nil
		b.arrangeParallel()
	}
}

const (
	topRowMax    = 8 // managers under the top that always go in a row
	smallSubtree = 100
	fitStepBig   = 1.8
	bigSubtree   = 1000 // in big charts, smaller subtrees search less
	bigChart     = 20_000
)

const inf = float32(math.MaxFloat32)

// teamCands is where in the arena a team's candidates are.
type teamCands struct {
	c0 int32
	cn uint8
}

// teamKey names the candidates of a manager of n leaves, all cards of one size.
type teamKey struct {
	n    int
	w, h float32
}

// keep stores the best of b.tmp as m's candidates: those no other beats
// in both width and height, at most maxCands of them, spread from narrow
// to wide, the one of least cost always among them.
func (b *builder) keep(m int32) {
	t := b.tmp
	sortCands(t)
	front := t[:0]
	for _, c := range t {
		if len(front) == 0 || c.h < front[len(front)-1].h {
			front = append(front, c)
		}
	}
	// Of the layouts taller than any chart, only the shortest is kept.
	if s := slices.IndexFunc(front, func(c cand) bool { return c.h <= b.tallest() }); s > 1 {
		front = front[s-1:]
	}
	maxCands := b.tune.cands
	if b.tune.topCands > 0 && b.cards[m].Depth <= 2 {
		maxCands = b.tune.topCands
	}
	if len(front) > maxCands {
		bi, bc := 0, inf
		for i, c := range front {
			if cost := b.cost(c.w, c.h, false); cost < bc {
				bi, bc = i, cost
			}
		}
		out := b.tmp2[:0]
		for i := 0; i < maxCands-1; i++ {
			j := i * (len(front) - 1) / (maxCands - 2)
			if j != bi {
				out = append(out, front[j])
			}
		}
		out = append(out, front[bi])
		slices.SortFunc(out, func(x, y cand) int { return cmp.Compare(x.w, y.w) })
		front = append(front[:0], out...)
		b.tmp2 = out
	}
	b.c0[m] = int32(len(b.arena))
	b.cn[m] = uint8(len(front))
	if len(front) > 255 {
		panic("layout: too many candidates")
	}
	b.arena = append(b.arena, front...)
}

// candLess orders candidates by width, then height, then how they are
// made: a total order, so any sort gives the same list.
func candLess(x, y *cand) bool {
	switch {
	case x.w != y.w:
		return x.w < y.w
	case x.h != y.h:
		return x.h < y.h
	case x.kind != y.kind:
		return x.kind < y.kind
	case x.k != y.k:
		return x.k < y.k
	}
	return x.fit < y.fit
}

// sortCands sorts by candLess: by insertion for the short lists most
// subtrees make, without a comparison function call per step.
func sortCands(t []cand) {
	if len(t) > 48 {
		slices.SortFunc(t, func(x, y cand) int {
			if candLess(&x, &y) {
				return -1
			}
			if candLess(&y, &x) {
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(t); i++ {
		c := t[i]
		j := i
		for ; j > 0 && candLess(&c, &t[j-1]); j-- {
			t[j] = t[j-1]
		}
		t[j] = c
	}
}

// byWidth is the candidate of c that fits width w with the least height,
// or its narrowest.
func (b *builder) byWidth(c int32, w float32) int32 {
	if b.isPinned(c) {
		return -1
	}
	if b.isStuck(c) {
		return b.chosen[c]
	}
	cs := b.cands(c)
	lo, hi := 0, len(cs) // the first wider than w
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cs[mid].w > w {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return int32(max(lo-1, 0))
}

// byHeight is the candidate of c that fits height h with the least width,
// or its shortest.
func (b *builder) byHeight(c int32, h float32) int32 {
	if b.isPinned(c) {
		return -1
	}
	if b.isStuck(c) {
		return b.chosen[c]
	}
	// The candidates go from narrow and tall to wide and short.
	cs := b.cands(c)
	lo, hi := 0, len(cs) // the first no taller than h
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cs[mid].h <= h {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return int32(min(lo, len(cs)-1))
}

// choose picks the candidate of the whole chart (top m) of least cost.
func (b *builder) choose(m int32) int32 {
	if b.isPinned(m) {
		return -1
	}
	best, bc := int32(0), inf
	for i, c := range b.cands(m) {
		if cost := b.cost(c.w, c.h, true); cost < bc {
			best, bc = int32(i), cost
		}
	}
	return best
}

func wideColumns(n int) []int {
	if n <= 4*maxColumns {
		return nil
	}
	// c columns of n/c rows: c*(W+gap) ≈ Aspect * (n/c)*(H+gap).
	c := int(math.Sqrt(float64(n) * Aspect * float64(CardH+StackRowGap) / float64(CardW+StackMiddle)))
	var out []int
	for _, k := range []int{c - 2, c, c + 2} {
		if k > 2*maxColumns && k <= n {
			out = append(out, k)
		}
	}
	return out
}

// cost scores a box: its area, penalised as its shape strays from a
// slide's (within a factor of 1.3 it is free).
func (b *builder) cost(w, h float32, whole bool) float32 {
	r := (w / h) / Aspect
	if r < 1 {
		r = 1 / r
	}
	pen, free := float32(1), float32(2)
	if whole {
		free = 1.6
	}
	if r > free {
		pen = r / free
		if whole {
			pen *= pen * pen
		}
	}
	return w * h * pen
}

// apply lays out m's reports by ch and returns m's box size and the card's
// x in it; with write it stores offsets, joins, the reports' chosen
// candidates and the manager's line.
func (b *builder) apply(m int32, ch cand, write bool) (float32, float32, float32) {
	kids := b.arranged(m)
	b.items = b.items[:0]
	b.gridCol = false
	switch ch.kind {
	case kindLeaf:
		if len(b.asides(m)) == 0 {
			return b.cards[m].W, b.cards[m].H, 0
		}
		mc := &b.cards[m]
		l, r, h := b.head(m, true)
		if write {
			b.lineDX[m], b.busDY[m] = mc.W/2, -1
			b.placeAsides(m, true, l)
		}
		return l + mc.W + r, mc.H + h, l
	case kindRow:
		if fit := b.rowItems(m, ch.fit, write); fit != nil {
			b.items = append(b.items, fit...)
			return b.row(m, VGap, true, write)
		}
		for _, c := range kids {
			b.items = append(b.items, b.boxItem(c, b.rowPick(c, ch.fit)))
		}
		return b.row(m, VGap, true, write)
	case kindRowGrid:
		grid := false
		fit := b.rowItems(m, ch.fit, write)
		// While an Engine relays out, a report that led nobody in a
		// one-column grid and now leads a team stays in the column, in its
		// narrowest layout (it grows down, as in kept columns).
		col := ch.k == 1 && b.keptStarts != nil
		b.extra = b.extra[:0]
		at := -1
		for k, c := range kids {
			if col && !b.isLeaf(c) && b.join[c] != joinTop {
				b.extra = append(b.extra, b.boxItem(c, b.byWidth(c, 0)))
				continue
			}
			if !b.isLeaf(c) {
				if fit != nil {
					b.items = append(b.items, fit[k])
				} else {
					b.items = append(b.items, b.boxItem(c, b.rowPick(c, ch.fit)))
				}
			} else if !grid {
				grid, at = true, len(b.items)
				b.items = append(b.items, b.leafGrid(m, int(ch.k), write))
			}
		}
		if len(b.extra) > 0 && at >= 0 {
			var size [2]float32
			b.tuckCol(m, 0, 0, false, &size)
			b.items[at] = item{w: StackIndent + size[0], h: size[1], jx0: StackIndent / 2, jx1: StackIndent / 2, card: -1}
			b.gridCol = true
		} else if len(b.extra) > 0 { // no leaves left: every team in the row
			b.items = b.items[:0]
			for _, c := range kids {
				b.items = append(b.items, b.boxItem(c, b.rowPick(c, ch.fit)))
			}
		}
		return b.row(m, VGap, true, write)
	case kindGrid:
		b.leaves = append(b.leaves[:0], kids...)
		w, h, j0, j1 := b.grid(b.leaves, int(ch.k))
		b.items = append(b.items, item{w: w, h: h, jx0: j0, jx1: j1, card: -1})
		if ch.k == 1 { // one column hung from the manager's left
			return b.hang(m, write)
		}
		if ch.k == 2 { // one pair: the spine runs straight down from the manager
			return b.row(m, HangGap, false, write)
		}
		return b.row(m, VGap, true, write)
	case kindRowTuck:
		b.extra = b.extra[:0]
		for _, c := range kids {
			if !b.isLeaf(c) {
				if b.joinsTuck(c) { // its narrowest layout
					b.extra = append(b.extra, b.boxItem(c, b.byWidth(c, 0)))
				} else {
					b.items = append(b.items, b.boxItem(c, b.rowPick(c, ch.fit)))
				}
			}
		}
		if len(b.items) == 0 { // every manager tucked: they make the row
			for _, it := range b.extra {
				b.items = append(b.items, b.boxItem(it.card, b.rowPick(it.card, ch.fit)))
			}
			b.extra = b.extra[:0]
		}
		var size [2]float32
		b.tuckCol(m, 0, 0, false, &size)
		return b.tuckRow(m, int(ch.k)-1, size, write)
	case kindFlow:
		if fit := b.fitItems(m, ch.fit, write); fit != nil {
			b.items = append(b.items, fit...)
		} else {
			for _, c := range kids {
				b.items = append(b.items, b.boxItem(c, b.byHeight(c, ch.fit)))
			}
		}
		return b.columns(m, -1, ch.k == 1, ch.fit, write)
	default:
		for _, c := range kids {
			b.items = append(b.items, b.boxItem(c, b.byWidth(c, ch.fit)))
		}
		return b.columns(m, int(ch.k), false, 0, write)
	}
}

// fitItems is, while arrange lists m's candidates (write false), each of
// m's arranged reports as a box laid out for height fit (byHeight): the
// rows and the columns arrange tries at one height share them, made once.
// Nil while m is not being listed or when writing.
func (b *builder) fitItems(m int32, fit float32, write bool) []item {
	if write || b.flow.arranging != m+1 {
		return nil
	}
	if b.fitOf == m+1 && b.fitAt == fit {
		return b.fitMemo
	}
	b.fitMemo = b.fitMemo[:0]
	for _, c := range b.arranged(m) {
		b.fitMemo = append(b.fitMemo, b.boxItem(c, b.byHeight(c, fit)))
	}
	b.fitOf, b.fitAt = m+1, fit
	return b.fitMemo
}

// rowItems is fitItems for a row: nil while an Engine keeps column starts
// (then rowPick may narrow a report to its slot).
func (b *builder) rowItems(m int32, fit float32, write bool) []item {
	if b.keptStarts != nil {
		return nil
	}
	return b.fitItems(m, fit, write)
}

// leafGrid is the block of m's leaves in k columns. While arrange lists
// m's candidates (write false) the block of each k is made once, not once
// per fitted height; with write the leaves' offsets are left in b.gx...
func (b *builder) leafGrid(m int32, k int, write bool) item {
	slot := -1
	switch k {
	case 1, 2:
		slot = k - 1
	case 4:
		slot = 2
	}
	if !write && slot >= 0 && b.gridOf == m && b.gridHas[slot] {
		return b.gridMemo[slot]
	}
	b.leaves = b.leaves[:0]
	for _, c := range b.arranged(m) {
		if b.isLeaf(c) {
			b.leaves = append(b.leaves, c)
		}
	}
	w, h, j0, j1 := b.grid(b.leaves, k)
	it := item{w: w, h: h, jx0: j0, jx1: j1, card: -1}
	if !write && slot >= 0 && b.gridOf == m {
		b.gridMemo[slot], b.gridHas[slot] = it, true
	}
	return it
}

// rowPick is report c's layout in a row fitted to height fit. While an
// Engine relays out, a report laid out again (grown) that would be wider
// than its slot takes the narrowest layout that fits the slot instead: a
// row's reports hang from its top, so a taller one moves nothing beside
// it, a wider one every subtree after it.
func (b *builder) rowPick(c int32, fit float32) int32 {
	ci := b.byHeight(c, fit)
	if b.keptStarts == nil || ci < 0 || b.isStuck(c) {
		return ci
	}
	if w := b.res[c].w; b.cand(c, ci).w > w {
		return b.byWidth(c, w)
	}
	return ci
}

func (b *builder) boxItem(c, ci int32) item {
	w, h, rx := b.boxOf(c, b.cand(c, ci))
	j := rx + b.cards[c].W/2
	return item{w: w, h: h, jx0: j, jx1: j, card: c, cand: ci}
}

// row places b.items side by side at top below the manager, centred under it.
func (b *builder) row(m int32, gap float32, bus bool, write bool) (float32, float32, float32) {
	mc := &b.cards[m]
	x, h := float32(0), float32(0)
	for _, it := range b.items {
		x += it.w + HGap
		h = max(h, it.h)
	}
	rowW := x - HGap
	first, last := b.items[0], b.items[len(b.items)-1]
	centre := (first.jx0 + rowW - last.w + last.jx1) / 2
	rx := centre - mc.W/2
	al, ar, ah := b.head(m, true)
	shift := max(0, al-rx)
	rx += shift
	w := max(rx+mc.W+ar, rowW+shift)
	top := mc.H + ah + gap
	if write {
		b.rx[m] = rx
		b.lineDX[m] = mc.W / 2
		b.busDY[m] = -1
		if bus {
			b.busDY[m] = mc.H + ah + VGap/2
		}
		b.placeAsides(m, true, rx)
		x := shift
		for _, it := range b.items {
			if it.card >= 0 {
				b.ox[it.card], b.oy[it.card] = x, top
				b.join[it.card] = joinTop
				b.chosen[it.card] = it.cand
			} else if b.gridCol {
				var size [2]float32
				b.tuckCol(m, x, top, true, &size)
			} else {
				b.placeGrid(x, top)
			}
			x += it.w + HGap
		}
	}
	return w, top + h, rx
}

// hang places one grid column (b.items[0]) under the manager's left.
func (b *builder) hang(m int32, write bool) (float32, float32, float32) {
	mc := &b.cards[m]
	it := b.items[0]
	_, ar, ah := b.head(m, false)
	top := mc.H + ah + HangGap
	if write {
		b.rx[m], b.lineDX[m], b.busDY[m] = 0, StackIndent/2, -1
		b.placeGrid(0, top)
		b.placeAsides(m, false, 0)
	}
	return max(mc.W+ar, it.w), top + it.h, 0
}

// columns hangs b.items in k columns of similar height, in order, or for
// k < 0 in columns filled to the height fit. The first column hangs from
// the manager's bottom left; a bus just under the manager joins the
// others' spines.
func (b *builder) columns(m int32, k int, best bool, fit float32, write bool) (float32, float32, float32) {
	mc := &b.cards[m]
	kept, keep := b.keptStarts[m]
	if keep { // an Engine keeps which report starts each column
		b.starts = append(b.starts[:0], kept...)
	}
	dp := best && !keep && len(b.items) <= flowDPMax && b.flowDP(m, fit)
	if k < 0 && !keep && !dp {
		b.starts = b.starts[:0]
		col := float32(0)
		for i, it := range b.items {
			if i == 0 || col+StackRowGap+it.h > fit {
				b.starts = append(b.starts, i)
				col = it.h
				continue
			}
			col += StackRowGap + it.h
		}
	}
	if keep {
		b.narrowGrown()
	}
	if dp {
		// flowDP chose the columns and the reports' layouts.
	} else if k < 0 {
		// Widen each report to its column, then even out the columns. (A
		// report an Engine keeps a wider slot for fills its slot.)
		for j, st := range b.starts {
			e := b.colEnd(j)
			colW := float32(0)
			for _, it := range b.items[st:e] {
				colW = max(colW, it.w)
			}
			for i := st; i < e; i++ {
				if it := &b.items[i]; it.card >= 0 && b.cand(it.card, it.cand).w < colW {
					if ci := b.byWidth(it.card, colW); ci != it.cand {
						*it = b.boxItem(it.card, ci)
					}
				}
			}
		}
		if n := len(b.starts); n > 1 && !keep {
			b.balance(n)
		}
	} else if !keep {
		b.balance(k)
	}
	_, ar, ah := b.head(m, false)
	top := mc.H + ah + HangGap
	if len(b.starts) > 1 { // a bus under the manager
		top = mc.H + ah + flowBusGap
	}
	// A bare card under a hanging team takes teamBreak above it where its
	// column stays within the tallest column (the box is not made taller).
	h := float32(0)
	for j, s := range b.starts {
		h = max(h, b.columnHeight(s, b.colEnd(j), false))
	}
	x := float32(0)
	for j, s := range b.starts {
		colW, y := float32(0), top
		e := b.colEnd(j)
		brk := b.columnHeight(s, e, true) <= h
		for i := s; i < e; i++ {
			it := b.items[i]
			if i > s {
				y += b.gapAfter(i-1, brk)
			}
			if write {
				b.ox[it.card], b.oy[it.card] = x+StackIndent, y
				b.join[it.card] = joinLeft
				b.spine[it.card] = -StackIndent / 2
				b.chosen[it.card] = it.cand
			}
			colW = max(colW, it.w)
			y += it.h
		}
		x += StackIndent + colW + ColumnGap
	}
	if write {
		b.rx[m], b.lineDX[m], b.busDY[m] = 0, StackIndent/2, -1
		if len(b.starts) > 1 { // the bus between the manager and the first reports
			b.busDY[m] = top - flowBusAbove
		}
		b.placeAsides(m, false, 0)
	}
	return max(mc.W+ar, x-ColumnGap), top + h, 0
}

// columnHeight is the height of b.items[s:e] stacked in one column, with
// teamBreak where gapAfter takes it when brk.
func (b *builder) columnHeight(s, e int, brk bool) float32 {
	h := float32(0)
	for i := s; i < e; i++ {
		h += b.items[i].h
		if i > s {
			h += b.gapAfter(i-1, brk)
		}
	}
	return h
}

// narrowGrown lets each report an Engine lays out again (a grown one,
// not kept as it was) take the narrowest layout that fits the width of its
// column's other reports (or of its own slot), so that it lengthens its
// column rather than widening it.
func (b *builder) narrowGrown() {
	for j, st := range b.starts {
		e := b.colEnd(j)
		others := float32(0)
		for _, it := range b.items[st:e] {
			if it.card >= 0 && (b.isStuck(it.card) || b.isPinned(it.card)) {
				others = max(others, it.w)
			}
		}
		for i := st; i < e; i++ {
			it := &b.items[i]
			if it.card < 0 || b.isStuck(it.card) || b.isPinned(it.card) {
				continue
			}
			if w := max(others, b.res[it.card].w); it.w > w {
				if ci := b.byWidth(it.card, w); ci != it.cand {
					*it = b.boxItem(it.card, ci)
				}
			}
		}
	}
}

// flowBusGap is the room between a manager and the first reports of its
// columns when a bus joins them: HangGap (18 or 20 px cost compactness,
// and at 18 dotted lines at 100k were routed through cards). The bus runs
// flowBusAbove over the reports' tops, nearer the manager's card it
// leaves from, so that it reads as the manager's line, not the reports'.
const (
	flowBusGap   float32 = HangGap
	flowBusAbove float32 = 10
)

// teamBreak is the room above a report who leads nobody when, in a
// column, it follows a report whose team hangs below it: twice the
// stacked gap, so that it does not read as one more member of that team.
const teamBreak float32 = 2 * StackRowGap

// gapAfter is the room below b.items[i] in a column, above b.items[i+1]
// (with brk, teamBreak where breaksTeam).
func (b *builder) gapAfter(i int, brk bool) float32 {
	if brk && i+1 < len(b.items) && b.breaksTeam(b.items[i], b.items[i+1]) {
		return teamBreak
	}
	return StackRowGap
}

// breaksTeam reports whether, stacked in a column, report box c after
// report box a takes teamBreak above it: a's team hangs along a spine
// from a's left (hangsTeam) and c is a bare card, whose line would
// otherwise read as the team's.
func (b *builder) breaksTeam(a, c item) bool {
	return a.card >= 0 && c.card >= 0 && b.hangsTeam(a.card, a.cand) && c.h <= b.cards[c.card].H
}

// hangsTeam reports whether report c laid out as its candidate ci hangs
// its reports from a spine down its card's left, beside the spine of
// the column it stands in.
func (b *builder) hangsTeam(c, ci int32) bool {
	cd := b.cand(c, ci)
	return cd.kind == kindColumns || cd.kind == kindFlow || (cd.kind == kindGrid && cd.k == 1)
}

// colEnd is the end of column j of b.items.
func (b *builder) colEnd(j int) int {
	if j+1 < len(b.starts) {
		return b.starts[j+1]
	}
	return len(b.items)
}

// balance splits b.items into n columns of even height (b.starts).
func (b *builder) balance(n int) {
	b.heights = b.heights[:0]
	for _, it := range b.items {
		b.heights = append(b.heights, it.h)
	}
	b.starts = partition(b.heights, n, StackRowGap, b.starts[:0])
}

// columnsBox sizes the columns b.starts makes of b.items (without the
// manager's card) and finds the tallest.
func (b *builder) columnsBox() (w, h float32, tallest int) {
	for j, st := range b.starts {
		e := len(b.items)
		if j+1 < len(b.starts) {
			e = b.starts[j+1]
		}
		colW, colH := float32(0), -StackRowGap
		for _, it := range b.items[st:e] {
			colW = max(colW, it.w)
			colH += it.h + StackRowGap
		}
		w += StackIndent + colW + ColumnGap
		if colH > h {
			h, tallest = colH, j
		}
	}
	return w - ColumnGap, h, tallest
}

// grid arranges leaves in k columns: pairs of columns around a shared spine
// (the left card joined at its right side, the right one at its left),
// and a last single column with its spine on the left when k is odd.
// Each pair takes a run of leaves row by row. Offsets relative to the
// block go to b.gx/gy/gs (spine x) and b.gj.
func (b *builder) grid(leaves []int32, k int) (w, h, jx0, jx1 float32) {
	n := len(leaves)
	k = min(k, n)
	rows := (n + k - 1) / k
	b.gx, b.gy, b.gs, b.gj = b.gx[:0], b.gy[:0], b.gs[:0], b.gj[:0]
	x := float32(0)
	jx0 = -1
	groups := k / 2
	single := k%2 == 1
	i := 0
	for g := 0; g < groups+btoi(single) && i < n; g++ {
		if g < groups { // a pair
			cnt := min(2*rows, n-i)
			var lw, rw float32
			for j := 0; j < cnt; j++ {
				cw := b.cards[leaves[i+j]].W
				if j%2 == 0 {
					lw = max(lw, cw)
				} else {
					rw = max(rw, cw)
				}
			}
			spine := x + lw + StackMiddle/2
			y := float32(0)
			for j := 0; j < cnt; j += 2 {
				a := &b.cards[leaves[i+j]]
				rowH := a.H
				b.gx, b.gy, b.gs, b.gj = append(b.gx, x+lw-a.W), append(b.gy, y), append(b.gs, spine), append(b.gj, joinRight)
				if j+1 < cnt {
					c := &b.cards[leaves[i+j+1]]
					rowH = max(rowH, c.H)
					b.gx, b.gy, b.gs, b.gj = append(b.gx, x+lw+StackMiddle), append(b.gy, y), append(b.gs, spine), append(b.gj, joinLeft)
				}
				y += rowH + StackRowGap
			}
			h = max(h, y-StackRowGap)
			if jx0 < 0 {
				jx0 = spine
			}
			jx1 = spine
			if rw == 0 { // a pair with one card: only its left column
				x += lw + StackMiddle/2
			} else {
				x += lw + StackMiddle + rw
			}
			w = x
			x += HGap
			i += cnt
			continue
		}
		cnt := n - i // the single column takes the rest
		spine := x + StackIndent/2
		y, cw := float32(0), float32(0)
		for j := 0; j < cnt; j++ {
			a := &b.cards[leaves[i+j]]
			b.gx, b.gy, b.gs, b.gj = append(b.gx, x+StackIndent), append(b.gy, y), append(b.gs, spine), append(b.gj, joinLeft)
			y += a.H + StackRowGap
			cw = max(cw, a.W)
		}
		h = max(h, y-StackRowGap)
		if jx0 < 0 {
			jx0 = spine
		}
		jx1 = spine
		w = x + StackIndent + cw
		i += cnt
	}
	return w, h, jx0, jx1
}

func btoi(v bool) int {
	if v {
		return 1
	}
	return 0
}

// placeGrid writes the leaves of the last grid() as reports placed with the
// block's top-left at (x, y) in the manager's box.
func (b *builder) placeGrid(x, y float32) {
	for j, c := range b.leaves {
		b.ox[c], b.oy[c] = x+b.gx[j], y+b.gy[j]
		b.join[c] = b.gj[j]
		b.chosen[c] = 0
		b.spine[c] = x + b.gs[j] - b.ox[c]
	}
}

// partition splits items of the given heights, in order, into at most k
// columns with the tallest column as short as it can be (gaps between
// items in a column), returning each column's first item. Past 64 items it
// fills columns to an even share instead (linear).
func partition(hs []float32, k int, gap float32, starts []int) []int {
	n := len(hs)
	if k <= 1 || n <= 1 {
		return append(starts, 0)
	}
	total, tallest := float32(0), float32(0)
	for _, h := range hs {
		total += h + gap
		tallest = max(tallest, h)
	}
	limit := max(tallest, total/float32(k)-gap)
	for iter := 0; ; iter++ {
		starts = starts[:0]
		next := float32(math.Inf(1))
		col := float32(-gap)
		for i, h := range hs {
			if i == 0 || col+gap+h > limit {
				if i > 0 {
					next = min(next, col+gap+h)
				}
				starts = append(starts, i)
				col = h
				continue
			}
			col += gap + h
		}
		if len(starts) <= k || iter > 64 || n > 64 {
			if len(starts) > k && n > 64 { // even share
				starts = starts[:0]
				share, acc := total/float32(k), float32(0)
				for i, h := range hs {
					if i == 0 || (acc+h/2 > share && len(starts) < k) {
						starts = append(starts, i)
						acc = 0
					}
					acc += h + gap
				}
			}
			return starts
		}
		limit = next
	}
}
