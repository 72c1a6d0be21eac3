package layout

import (
	"math"

	"github.com/orgplanner/orgplanner/orgchart"
)

// builder carries the state of one Compute call (and of an Engine between
// relayouts): per card, its subtree's box and where it sits in its manager's.
type builder struct {
	p       *orgchart.Plan
	opt     Options
	measure func(*orgchart.Position) Size

	cards  []Card
	parent []int32 // card index of the manager, -1 for roots
	kids   []int32 // CSR: children of card i are kids[kid0[i]:kid0[i+1]]
	kid0   []int32
	pts    []Point // backing store of every edge's points

	// Per card: its subtree's box (size, the card's x in it), the box's
	// offset in its manager's box, how its manager's line joins it, and for
	// managers the chosen arrangement and where their line leaves.
	bw, bh, rx    []float32
	ox, oy        []float32
	join          []uint8
	spine         []float32 // side joins: the spine's x relative to the card's box
	lineDX, busDY []float32 // managers: line x from the card's left; bus y from the box top (-1: none)
	c0            []int32   // candidates of card i: arena[c0[i] : c0[i]+cn[i]]
	cn            []uint8
	arena         []cand
	chosen        []int32   // the candidate each subtree is drawn with
	boxX, boxY    []float32 // absolute box origins after place
	rootW, rootH  float32
	topX, topY    []float32             // several tops: their boxes' offsets
	size          []int32               // cards in each card's subtree
	teams         map[teamKey]teamCands // candidates of teams of one card size (see arrange)
	pin           []cand                // an Engine's kept arrangements (see Engine), where pinned
	pinned        []bool
	stuck         []bool  // an Engine keeps these subtrees' chosen candidates
	topK          int     // several tops: in one row (0) or k columns
	keepTops      bool    // an Engine keeps topK
	edgeOf        []int32 // per card: its solid edge's index in Layout.Edges, -1 for tops
	tops          []int32 // cards of the top positions
	withDotted    []int32 // cards with dotted lines
	nsolid        int     // solid edges, before the dotted ones in Layout.Edges
	// res is an Engine's reserved box per card (nil in Compute): a subtree
	// that shrinks (a collapse, a removal) keeps its slot, so nothing
	// around it moves until the plan is laid out afresh.
	res []reserve
	// assistants are the roles set beside their manager's line, asideMgrs
	// the managers collect found with some (aside.go).
	assistants []string
	asideMgrs  map[*orgchart.Position]bool

	*scratch
	tune tuning // how thoroughly arrange searches
	// side is the side of the square the plan's cards would fill packed:
	// no subtree's layout taller than tuning.tall times it is listed but
	// the shortest of them (a chart of a slide's shape, or even a square
	// one, is never that tall).
	side float32
	// dfs is set while the cards are in depth-first order (the subtree of
	// card i is cards[i : i+size[i]]): then independent subtrees can be
	// arranged and applied on several goroutines.
	dfs bool
	// kidsOf is an Engine's reports lists of the cards whose reports it
	// changed, moved or made (a nil entry: kids/kid0).
	kidsOf [][]int32
	// dotted routes dotted lines around the cards (dotted.go); nil after
	// cards move, made again on first use.
	dotted *dottedRouter
	// keptStarts is, while an Engine relays out, the first report of each
	// column of the managers on the path that hang their reports in
	// columns: a report that grows lengthens its column instead of sending
	// the reports after it into the next ones.
	keptStarts map[int32][]int
	// arenaNext brings the arena arrangeParallel lists into, made while
	// newBuilder goes on (nil: none coming).
	arenaNext chan []cand
}

// scratch is the working memory of arranging and applying: each
// goroutine that arranges subtrees has its own.
type scratch struct {
	tmp, tmp2 []cand
	// arrange's blocks of manager gridOf's leaves in 1, 2 and 4 columns
	gridOf     int32
	gridMemo   [3]item
	gridHas    [3]bool
	items      []item
	leaves     []int32
	heights    []float32
	starts     []int
	gx, gy, gs []float32
	gj         []uint8
	sig        []int32
	brk        []int
	// manager asideFor's reports and assistants (aside.go)
	asideFor int32
	arr, asd []int32
	asideAny bool
	widths   []float32
	flow     flowScratch // flowDP's table and arrays (flow.go)
	// fitItems' reports of manager fitOf-1 laid out for height fitAt
	fitOf   int32
	fitAt   float32
	fitMemo []item
	xs      []float32 // tuckRow's items' offsets
	tuckAt  int       // the item tuckRow hung the leaves under
	extra   []item    // managers tucked among the leaves (tuck.go)
	gridCol bool      // row's grid item is a tucked column (an Engine's grown leaf)
}

// reserve is the box a subtree keeps: at least w x h, its card at rx when
// it fits there; mgr keeps a manager that lost its shown reports (a
// collapse) where managers go, out of its colleagues' grid of leaves.
type reserve struct {
	w, h, rx float32
	mgr      bool
}

// boxOf is subtree c's box drawn with candidate cd: the candidate's, grown
// to c's reserve, with the card kept where it was as far as it can be.
func (b *builder) boxOf(c int32, cd *cand) (w, h, rx float32) {
	if b.res == nil || b.res[c].w == 0 {
		return cd.w, cd.h, cd.rx
	}
	r := &b.res[c]
	w, h = max(cd.w, r.w), max(cd.h, r.h)
	d := min(max(r.rx-cd.rx, 0), w-cd.w)
	return w, h, cd.rx + d
}

// write applies m's chosen candidate: its box, and its reports' offsets
// in it (moved right with the card when its reserve keeps it there).
func (b *builder) write(m int32) {
	b.asideFor = -1
	cd := b.cand(m, b.chosen[m])
	w, h, rx := b.boxOf(m, cd)
	b.bw[m], b.bh[m] = w, h
	d := rx - cd.rx
	kids := b.children(m)
	reserved := b.res != nil && b.res[m].w != 0 && len(kids) > 0
	var was []float32
	if reserved {
		was = make([]float32, len(kids))
		for k, c := range kids {
			was[k] = b.ox[c]
		}
	}
	_, _, b.rx[m] = b.apply(m, *cd, true)
	if reserved {
		// A box that keeps a bigger slot than its content (a report
		// removed, say) keeps the reports where they were rather than the
		// manager's card: one card moves instead of the whole subtree.
		if s, ok := commonShift(was, kids, b.ox); ok && s >= 0 && s <= w-cd.w {
			d = s
			b.res[m].rx = cd.rx + s // so boxOf places the card where write does
		}
	}
	if d != 0 {
		b.rx[m] += d
		for _, k := range b.children(m) {
			b.ox[k] += d
		}
	}
}

// commonShift is the offset most of the reports moved by between their old
// offsets was and their new ones (ox), and whether any report gave one.
func commonShift(was []float32, kids []int32, ox []float32) (float32, bool) {
	best, most := float32(0), 0
	count := make(map[float32]int, 4)
	for k, c := range kids {
		s := was[k] - ox[c]
		count[s]++
		if count[s] > most {
			best, most = s, count[s]
		}
	}
	return best, most > 0
}

// Compute lays out the plan's chart. It never fails: an unknown Root gives an
// empty layout. Cost is linear in the number of positions shown plus hidden.
func Compute(p *orgchart.Plan, opt Options) *Layout {
	b := newBuilder(p, opt)
	if b == nil {
		return &Layout{}
	}
	b.arrangeAll()
	return b.finish()
}

// newBuilder collects the shown cards; nil when there are none.
func newBuilder(p *orgchart.Plan, opt Options) *builder {
	b := &builder{p: p, opt: opt, measure: opt.Measure, tune: defaultTuning, scratch: &scratch{gridOf: -1, asideFor: -1}, dfs: true}
	if b.measure == nil {
		b.measure = DefaultSize
	}
	t := p.Tree()
	roots := t.Tops
	if opt.Root != "" {
		roots = nil
		if pos := p.Position(opt.Root); pos != nil {
			if r := t.Number(pos); r >= 0 {
				roots = []int32{r}
			}
		}
	}
	if len(roots) == 0 {
		return nil
	}
	b.collect(t, roots)
	n := len(b.cards)
	if b.workers() > 1 {
		// The arena (megabytes to clear) is made on another goroutine
		// while this one sets up the rest.
		next := make(chan []cand, 1)
		b.arenaNext = next
		go func() { next <- make([]cand, 0, pieceCands*n+arenaSlack) }()
	}
	f := make([]float32, 10*n)
	b.bw, b.bh, b.rx, b.ox, b.oy = f[:n], f[n:2*n], f[2*n:3*n], f[3*n:4*n], f[4*n:5*n]
	b.spine, b.lineDX, b.busDY, b.boxX, b.boxY = f[5*n:6*n], f[6*n:7*n], f[7*n:8*n], f[8*n:9*n], f[9*n:]
	for i := range b.cards {
		if b.parent[i] < 0 {
			b.tops = append(b.tops, int32(i))
		}
	}
	// Counted over every position, not only those shown: an Engine made
	// with most of the chart collapsed keeps the bound as they expand.
	packed := 0.0
	for i := range b.cards {
		packed += float64(b.cards[i].W+HGap) * float64(b.cards[i].H+VGap)
	}
	packed *= float64(max(len(p.Positions), n)) / float64(n)
	b.side = float32(math.Sqrt(packed))
	b.size = make([]int32, n)
	for i := n - 1; i >= 0; i-- {
		b.size[i]++
		if p := b.parent[i]; p >= 0 {
			b.size[p] += b.size[i]
		}
	}
	b.join = make([]uint8, n)
	b.c0 = make([]int32, n)
	b.cn = make([]uint8, n)
	b.chosen = make([]int32, n)
	if b.workers() <= 1 { // else arrangeParallel sizes it
		b.arena = make([]cand, 0, pieceCands*n)
	}
	return b
}

// arrangeAll lists every subtree's candidates bottom-up (reports come
// after their managers in card order), chooses the tops' candidates, and
// then applies the choices top-down.
func (b *builder) arrangeAll() {
	b.arrangeSearched()
	for _, t := range b.tops {
		b.chosen[t] = b.choose(t)
	}
	b.applyAll()
	b.arrangeTops()
}

// applyAll writes every subtree's chosen arrangement, managers first (each
// one chooses its reports' candidates).
func (b *builder) applyAll() {
	b.applyParallel()
}

// finish places the cards and draws the connectors.
func (b *builder) finish() *Layout {
	l := &Layout{}
	b.place(l)
	b.connect(l)
	l.edgeOf, l.firstDotted = b.edgeOf, b.nsolid
	if r := b.dotted; r != nil && r.live == nil && r.index.cols > 0 {
		// The dotted lines' card index is the one Visible would build.
		l.gridOnce.Do(func() { l.grid = r.index })
	}
	return l
}

// reports returns pos's direct reports, leaving out the layout's root: a
// root inside a reporting cycle would otherwise be reached again. (An
// Engine asks between edits; collect walks the plan's Tree instead.)
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

func (b *builder) children(i int32) []int32 {
	if b.kidsOf != nil && b.kidsOf[i] != nil {
		return b.kidsOf[i]
	}
	return b.kids[b.kid0[i]:b.kid0[i+1]]
}

func (b *builder) isLeaf(i int32) bool {
	return len(b.children(i)) == 0 && (b.res == nil || !b.res[i].mgr)
}
