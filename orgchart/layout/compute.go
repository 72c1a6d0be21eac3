package layout

import "github.com/orgplanner/orgplanner/orgchart"

// unit kinds of a tidy node: one card, a stack of cards, or the invisible
// node that holds several top positions side by side.
const (
	unitVirtual int32 = -1
	unitStack   int32 = -2
)

// builder carries the state of one Compute call.
type builder struct {
	p       *orgchart.Plan
	opt     Options
	measure func(*orgchart.Position) Size

	cards  []Card
	parent []int32 // card index of the manager, -1 for roots
	kids   []int32 // CSR: children of card i are kids[kid0[i]:kid0[i+1]]
	kid0   []int32
	pts    []Point // backing store of every edge's points

	t        tidy
	unit     []int32 // per tidy node: card index, unitStack or unitVirtual
	blocks   []block
	blockOf  []int32   // per tidy node: index into blocks, -1 otherwise
	stacks   []bool    // per card: stacks its reports who lead nobody
	owner    []bool    // per card: lists its whole subtree as a column under it
	inCol    []bool    // per card: inside an owner's column
	mix      []int32   // managers that may fold, in the order they would
	foldCols int       // columns a folded subtree is split into
	heights  []float32 // scratch for estimateColumns
}

// block is a vertical list of cards under one manager (the owner, a tidy
// node): its reports who lead nobody in one or two columns, or, from the
// fold depth down, its whole subtree as an indented list.
type block struct {
	cards  []int32
	at     []Point   // card positions relative to the block's top-left
	spineX float32   // the spine joining the owner: relative, absolute after place
	spines []float32 // per card, when the block has several columns: its column's spine
	w, h   float32
}

func (k *block) add(c int32, x, y float32) {
	k.cards = append(k.cards, c)
	k.at = append(k.at, Point{x, y})
}

// Compute lays out the plan's chart. It never fails: an unknown Root gives an
// empty layout. Cost is linear in the number of positions shown plus hidden.
func Compute(p *orgchart.Plan, opt Options) *Layout {
	b := &builder{p: p, opt: opt, measure: opt.Measure}
	if b.measure == nil {
		b.measure = DefaultSize
	}
	var roots []*orgchart.Position
	if opt.Root != "" {
		if r := p.Position(opt.Root); r != nil {
			roots = []*orgchart.Position{r}
		}
	} else {
		roots = p.Tops()
	}
	if len(roots) == 0 {
		return &Layout{}
	}
	b.collect(roots)
	b.stacks = make([]bool, len(b.cards))
	for i := range b.cards {
		b.stacks[i] = b.stacksLeaves(int32(i))
	}
	b.chooseFolds()
	b.buildTree(len(roots) > 1)
	b.t.run(0)
	l := &Layout{}
	b.place(l)
	b.connect(l)
	return l
}

// collect lists the shown positions depth-first in plan order, with sizes,
// depths, their managers and hidden counts.
func (b *builder) collect(roots []*orgchart.Position) {
	type frame struct {
		pos    *orgchart.Position
		depth  int
		parent int32
	}
	stack := make([]frame, 0, 64)
	for i := len(roots) - 1; i >= 0; i-- {
		stack = append(stack, frame{roots[i], 0, -1})
	}
	n := len(b.p.Positions)
	b.cards = make([]Card, 0, n)
	b.parent = make([]int32, 0, n)
	nkids := make([]int32, 0, n)
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		i := int32(len(b.cards))
		sz := b.measure(f.pos)
		b.cards = append(b.cards, Card{Position: f.pos, W: sz.W, H: sz.H, Depth: f.depth})
		b.parent = append(b.parent, f.parent)
		nkids = append(nkids, 0)
		if f.parent >= 0 {
			nkids[f.parent]++
		}
		reports := b.reports(f.pos)
		if len(reports) == 0 {
			continue
		}
		if b.opt.Collapsed[f.pos.ID] || (b.opt.Depth > 0 && f.depth >= b.opt.Depth) {
			b.cards[i].Hidden = b.countBelow(f.pos)
			continue
		}
		for k := len(reports) - 1; k >= 0; k-- {
			stack = append(stack, frame{reports[k], f.depth + 1, i})
		}
	}
	// Children lists in card order, which is plan order among siblings.
	b.kid0 = make([]int32, len(b.cards)+1)
	for i, n := range nkids {
		b.kid0[i+1] = b.kid0[i] + n
	}
	b.kids = make([]int32, b.kid0[len(b.cards)])
	fill := nkids[:0:0]
	fill = append(fill, b.kid0[:len(b.cards)]...)
	for i, par := range b.parent {
		if par >= 0 {
			b.kids[fill[par]] = int32(i)
			fill[par]++
		}
	}
}

// reports returns pos's direct reports, leaving out the layout's root: a
// root inside a reporting cycle would otherwise be reached again.
func (b *builder) reports(pos *orgchart.Position) []*orgchart.Position {
	rs := b.p.Reports(pos.ID)
	if b.opt.Root == "" {
		return rs // from top positions there are no cycles
	}
	for k, r := range rs {
		if r.ID == b.opt.Root {
			out := append([]*orgchart.Position{}, rs[:k]...)
			return append(out, rs[k+1:]...)
		}
	}
	return rs
}

// countBelow counts the positions in pos's subtree other than pos.
func (b *builder) countBelow(pos *orgchart.Position) int {
	n := 0
	todo := append([]*orgchart.Position{}, b.reports(pos)...)
	for len(todo) > 0 {
		q := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		n++
		todo = append(todo, b.reports(q)...)
	}
	return n
}

func (b *builder) children(i int32) []int32 { return b.kids[b.kid0[i]:b.kid0[i+1]] }

func (b *builder) isLeaf(i int32) bool { return b.kid0[i] == b.kid0[i+1] }

// stacks reports whether manager i's leaf reports are stacked: three or more
// leaves, or two or more next to reports who lead teams.
func (b *builder) stacksLeaves(i int32) bool {
	leaves, managers := 0, 0
	for _, c := range b.children(i) {
		if b.isLeaf(c) {
			leaves++
		} else {
			managers++
		}
	}
	return leaves >= 3 || (leaves >= 2 && managers > 0)
}

// buildTree makes the tidy nodes breadth-first, so each node's children are
// contiguous, with y coordinates from the heights of the levels above.
func (b *builder) buildTree(virtualRoot bool) {
	n := len(b.cards)
	for i := range b.cards {
		par := b.parent[i]
		if par >= 0 && (b.inCol[i] || (b.isLeaf(int32(i)) && b.stacks[par])) {
			b.cards[i].Stacked = true
		}
	}
	// Levels align: a card's slot is as tall as the tallest unstacked card of its depth.
	var levelH []float32
	for i := range b.cards {
		c := &b.cards[i]
		for len(levelH) <= c.Depth {
			levelH = append(levelH, 0)
		}
		if !c.Stacked {
			levelH[c.Depth] = max(levelH[c.Depth], c.H)
		}
	}
	b.t.n = make([]node, 0, n+1)
	b.unit = make([]int32, 0, n+1)
	b.blockOf = make([]int32, 0, n+1)
	b.t.iyl = make([]iyl, 0, n+1)
	add := func(unit int32, w, h, y float32) int32 {
		b.t.n = append(b.t.n, node{w: float64(w), h: float64(h), y: float64(y), tl: -1, tr: -1})
		b.unit = append(b.unit, unit)
		b.blockOf = append(b.blockOf, -1)
		return int32(len(b.t.n) - 1)
	}
	cardNode := func(c int32, y float32) int32 {
		k := &b.cards[c]
		return add(c, k.W+HGap, levelH[k.Depth]+VGap, y)
	}
	if virtualRoot {
		add(unitVirtual, 0, 0, 0)
	} else {
		cardNode(0, 0)
	}
	for v := int32(0); v < int32(len(b.t.n)); v++ {
		u := b.unit[v]
		childY := float32(b.t.n[v].y + b.t.n[v].h)
		first := int32(len(b.t.n))
		switch {
		case u == unitVirtual:
			for i := range b.cards {
				if b.parent[i] < 0 {
					cardNode(int32(i), 0)
				}
			}
		case u >= 0 && b.owner[u]:
			b.blocks = append(b.blocks, b.shapeFolded(u))
			add(unitStack, 0, 0, childY)
			b.blockOf[len(b.blockOf)-1] = int32(len(b.blocks) - 1)
			b.sizeBlock(first)
		case u >= 0:
			si := int32(-1)
			var leaves []int32
			for _, c := range b.children(u) {
				if !b.cards[c].Stacked {
					cardNode(c, childY)
					continue
				}
				if si < 0 { // the stack takes the place of its first card
					b.blocks = append(b.blocks, block{})
					si = int32(len(b.blocks) - 1)
					add(unitStack, 0, 0, childY)
					b.blockOf[len(b.blockOf)-1] = si
				}
				leaves = append(leaves, c)
			}
			if si >= 0 {
				b.blocks[si] = b.shapeStack(leaves)
				b.sizeBlock(first)
			}
		}
		b.t.n[v].c0 = first
		b.t.n[v].cs = int32(len(b.t.n)) - first
	}
}

// sizeBlock gives the block node among the nodes from first its size.
func (b *builder) sizeBlock(first int32) {
	for k := first; k < int32(len(b.t.n)); k++ {
		if bi := b.blockOf[k]; bi >= 0 {
			b.t.n[k].w = float64(b.blocks[bi].w + HGap)
			b.t.n[k].h = float64(b.blocks[bi].h + VGap)
		}
	}
}

// shapeStack places reports who lead nobody: one column with its spine on the
// left, or two columns (filled row by row) around a spine in the middle.
func (b *builder) shapeStack(cards []int32) block {
	k := block{cards: cards, at: make([]Point, len(cards))}
	cols := 1
	if len(cards) > StackColumns {
		cols = 2
	}
	colW := float32(0)
	for _, c := range cards {
		colW = max(colW, b.cards[c].W)
	}
	y := float32(0)
	for r := 0; r*cols < len(cards); r++ {
		rowH := float32(0)
		for c := 0; c < cols && r*cols+c < len(cards); c++ {
			i := r*cols + c
			card := &b.cards[cards[i]]
			rowH = max(rowH, card.H)
			switch {
			case cols == 1:
				k.at[i] = Point{StackIndent, y}
			case c == 0:
				k.at[i] = Point{colW - card.W, y}
			default:
				k.at[i] = Point{colW + StackMiddle, y}
			}
		}
		y += rowH + StackRowGap
	}
	k.h = y - StackRowGap
	if cols == 1 {
		k.w, k.spineX = StackIndent+colW, StackIndent/2
	} else {
		k.w, k.spineX = 2*colW+StackMiddle, colW+StackMiddle/2
	}
	return k
}

// shapeFolded lists owner's whole subtree as an indented column: each report
// under its manager, one indent further right, in plan order. A manager of
// only reports who lead nobody keeps the ordinary stack.
func (b *builder) shapeFolded(owner int32) block {
	kids := b.children(owner)
	allLeaves := true
	for _, c := range kids {
		allLeaves = allLeaves && b.isLeaf(c)
	}
	if allLeaves {
		return b.shapeStack(kids)
	}
	k := block{spineX: StackIndent / 2}
	var item func(c int32, x, y float32) float32
	item = func(c int32, x, y float32) float32 {
		card := &b.cards[c]
		k.add(c, x, y)
		y += card.H + StackRowGap
		for _, d := range b.children(c) {
			y = item(d, x+StackIndent, y)
		}
		return y
	}
	// Each report's subtree as an indented list from y = 0, then the lists
	// dealt into columns side by side, each with its own spine.
	starts := make([]int, len(kids)+1)
	heights := make([]float32, len(kids))
	for i, c := range kids {
		starts[i] = len(k.cards)
		heights[i] = item(c, StackIndent, 0) - StackRowGap
	}
	starts[len(kids)] = len(k.cards)
	cols := splitColumns(heights, max(1, b.foldCols))
	if cols[len(cols)-1] > 0 {
		k.spines = make([]float32, len(k.cards))
	}
	var x, y, colW float32
	for i := range kids {
		if i > 0 && cols[i] != cols[i-1] {
			x, y, colW = x+colW+HGap, 0, 0
		}
		for j := starts[i]; j < starts[i+1]; j++ {
			k.at[j].X += x
			k.at[j].Y += y
			colW = max(colW, k.at[j].X-x+b.cards[k.cards[j]].W)
			if k.spines != nil {
				k.spines[j] = x + StackIndent/2
			}
		}
		y += heights[i] + StackRowGap
		k.h = max(k.h, y-StackRowGap)
	}
	k.w = x + colW
	return k
}
