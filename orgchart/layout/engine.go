package layout

import (
	"slices"

	"github.com/orgplanner/orgplanner/orgchart"
)

// Engine keeps a layout between edits and lays out again only what an
// edit changed. Every subtree's candidate layouts are cached: after an
// edit only the changed subtrees and their paths to the root list theirs
// again, and the managers on those paths keep the arrangement they had
// (same kind, columns and fit), so every other subtree keeps its shape and
// at most moves as a whole. Additions, removals, moves, collapses and
// expansions change the cards in place: a new card takes a new slot at the
// end, a removed card's slot takes the last card, and only the subtrees
// whose box moved are placed again, so a relayout costs what the edit
// touched, not the size of the chart. The chart a relayout gives may
// differ from what Compute would choose afresh: that is the price of a
// view that does not jump (Tidy lays it out afresh). Not safe for
// concurrent use.
type Engine struct {
	p     *orgchart.Plan
	opt   Options
	b     *builder
	l     *Layout
	dirty map[string]bool
	// structure is set when the set of shown cards may have changed.
	structure bool
	ids       map[string]int    // card index by position id, shared with every Layout
	live      *live             // spatial index and tree order kept across relayouts
	edges     []Edge            // Layout.Edges, solid and dotted lines in any order
	dotted    map[string]bool   // shown positions with dotted lines
	targets   map[string]bool   // positions the shown ones have dotted lines to
	dottedOf  map[int32][]int32 // dotted lines (Edges indexes) by card, at both ends
	same      map[int32]bool    // dotted lines (Edges indexes) routed again to the same points, their cards unmoved
	base      int               // candidates in the arena after the last fresh layout or compaction
	ptsBase   int               // the same for connector points
	ptsDrawn  int               // connector points drawn since then
	sets      relayoutSets      // the sets a relayout uses, kept for the next
	blocks    []shiftedBlock    // the subtrees the last place shifted as a whole
	stack     []int32           // shift's walk, kept for the next
	// redo is the shown positions whose own dotted lines (to the
	// managers in their DottedTo) are to be drawn again, and into the new
	// cards other cards' dotted lines may go to.
	redo, into map[string]bool
	// unrouted is the dotted lines (Edges indexes) a relayout left on the
	// plain route because its budgets ran out (a move of a big subtree
	// routes many lines again): routed again while later relayouts have
	// budget to spare, and by Settle.
	unrouted map[int32]bool
	// sweep is the dotted lines Settle is still to look along for a card
	// they cross, from the next one on: a relayout looks at the lines of
	// the cards it moved, not at a line a moved card came onto, nor along
	// a line moved with its blocks inside them. swept is the lines a sweep
	// routed again that still cross a card (not routed again by a sweep
	// until a relayout routes them).
	sweep    []int32
	swept    map[int32]bool
	sweepDue bool // a relayout changed the chart: the sweep starts over
}

// shiftedBlock is a subtree that a relayout moved as a whole: its top
// card and the offset.
type shiftedBlock struct {
	top    int32
	dx, dy float32
}

// relayoutSets holds the sets a relayout makes, cleared and used again by the
// next one: making them afresh costs an allocation each, in memory that
// is cold after a collection (most of a relayout's time at 100,000 cards
// is waiting for memory).
type relayoutSets struct {
	was                         map[*orgchart.Position]bool
	isFresh, isMoved, again, on map[int32]bool
	seen, lines                 map[int32]bool
	specs                       map[int32]cand
	starts                      map[int32][]int
	aff                         map[string]bool
	wanted, want                map[*orgchart.Position]bool
}

// reuse clears the set at m for another use; one that grew large (a big
// subtree added) is made afresh rather than cleared (clearing costs its
// size).
func reuse[K comparable, V any](m *map[K]V) map[K]V {
	if *m == nil || len(*m) > 1024 {
		*m = make(map[K]V)
	} else {
		clear(*m)
	}
	return *m
}

// NewEngine lays out the plan. opt.Collapsed is copied: change it with
// SetCollapsed.
func NewEngine(p *orgchart.Plan, opt Options) *Engine {
	col := make(map[string]bool, len(opt.Collapsed))
	for id, v := range opt.Collapsed {
		if v {
			col[id] = true
		}
	}
	opt.Collapsed = col
	e := &Engine{p: p, opt: opt, dirty: map[string]bool{}}
	e.fresh()
	return e
}

// fresh lays the plan out as Compute does and prepares the builder for
// edits in place.
func (e *Engine) fresh() {
	e.b = newBuilder(e.p, e.opt)
	if e.b == nil {
		e.l, e.ids, e.live, e.edges, e.dotted = &Layout{}, nil, nil, nil, nil
		return
	}
	e.b.arrangeAll()
	e.adopt(e.b.finish())
}

// adopt takes a layout its builder just finished: the id map, the
// spatial index and the per-card arrays an Engine edits.
func (e *Engine) adopt(l *Layout) {
	b := e.b
	e.own()
	e.ids = make(map[string]int, len(b.cards))
	e.dotted = map[string]bool{}
	for i := range b.cards {
		e.ids[b.cards[i].Position.ID] = i
		if len(b.cards[i].Position.DottedTo) > 0 {
			e.dotted[b.cards[i].Position.ID] = true
		}
	}
	e.live = &live{b: b}
	if r := b.dotted; r != nil && r.live == nil && r.index.cols > 0 {
		// The dotted lines' router indexed these very cards: start from its
		// index rather than build one at the first relayout (6 ms at 100,000).
		e.live.adopt(r.index, len(b.cards))
	}
	l.Cards, l.ids, l.live = b.cards, e.ids, e.live
	e.l, e.edges = l, l.Edges
	e.dottedOf, e.same = map[int32][]int32{}, nil
	e.indexDotted(b.nsolid)
	l.edgeOf, l.dottedOf = b.edgeOf, e.dottedOf
	e.base, e.ptsBase, e.ptsDrawn = len(b.arena), len(b.pts), 0
	e.redo, e.into, e.unrouted = map[string]bool{}, map[string]bool{}, map[int32]bool{}
	e.sweep, e.swept = nil, map[int32]bool{}
}

// Layout is the current layout.
func (e *Engine) Layout() *Layout { return e.l }

// SetPlan replaces the plan (after an undo, say) and marks the positions
// named as changed; with none named the next Relayout starts afresh. The
// positions not named must be the same objects as in the plan before.
func (e *Engine) SetPlan(p *orgchart.Plan, changed ...string) {
	e.p = p
	if len(changed) == 0 {
		e.b = nil
	}
	e.Changed(changed...)
	e.structure = true
}

// Tidy drops every kept arrangement and reserved slot: the next Relayout
// lays the chart out afresh, as Compute would (a "Tidy" command, or a plan
// just opened).
func (e *Engine) Tidy() {
	e.b = nil
	e.structure = true
}

// Changed marks positions whose card, reports or manager changed: for a
// move the position, its old and its new manager; for an addition or a
// removal the position and its manager (and a removed subtree's
// positions); for a new title or holder the position. Ids of positions no
// longer in the plan may be named.
func (e *Engine) Changed(ids ...string) {
	for _, id := range ids {
		if id != "" {
			e.dirty[id] = true
		}
	}
}

// SetCollapsed collapses or expands one manager.
func (e *Engine) SetCollapsed(id string, collapsed bool) {
	if e.opt.Collapsed[id] == collapsed {
		return
	}
	if collapsed {
		e.opt.Collapsed[id] = true
	} else {
		delete(e.opt.Collapsed, id)
	}
	e.dirty[id] = true
	e.structure = true
}

// Relayout lays out what changed since the last call and returns the new
// layout. The cards and connectors are changed in place: the returned
// Layout shares its Cards, Edges and id index with the previous one, which
// is stale from then on (copy what you need from it first). After an
// addition, removal, move or fold the cards are no longer in depth-first
// order (see Layout.DepthFirst); a card's index stays the same unless its
// slot was given to the card of a removed one.
func (e *Engine) Relayout() *Layout {
	if len(e.dirty) == 0 && !e.structure && e.b != nil {
		return e.l
	}
	switch {
	case e.b == nil:
		e.fresh()
	case e.opt.Depth > 0 && e.structure:
		// A cut by depth can show or hide cards anywhere below a move:
		// collect the cards again (linear), keeping what did not change.
		e.relayoutAll(e.b)
	default:
		e.relayout()
	}
	clear(e.dirty)
	e.structure = false
	return e.l
}

// asidesBefore notes which changed cards are set aside as drawn (see
// asides).
func (e *Engine) asidesBefore() map[*orgchart.Position]bool {
	b := e.b
	was := reuse(&e.sets.was)
	for id := range e.dirty {
		if i, ok := e.ids[id]; ok && b.cards[i].Position.ID == id {
			was[b.cards[i].Position] = b.isAside(int32(i))
		}
	}
	return was
}

// asides sets aside, after the cards changed, the new and moved cards and
// the changed ones that qualify as assistants (an assistant's role, no
// reports), as Compute would: their managers may have assistants from now
// on. It returns the cards set aside or taken back into the row (was: as
// drawn), which their managers' kept arrangements count as new.
func (e *Engine) asides(ch changes, was map[*orgchart.Position]bool) map[int32]bool {
	b := e.b
	if len(b.assistants) == 0 {
		return nil
	}
	var turned map[int32]bool
	check := func(i int32, before bool) {
		if m := b.parent[i]; m >= 0 && b.setAside(i) && !b.asideMgrs[b.cards[m].Position] {
			if b.asideMgrs == nil {
				b.asideMgrs = map[*orgchart.Position]bool{}
			}
			b.asideMgrs[b.cards[m].Position] = true
		}
		if now := b.isAside(i); now != before {
			if turned == nil {
				turned = map[int32]bool{}
			}
			turned[i] = true
			if now {
				b.res[i] = reserve{}
			}
		}
	}
	for _, ps := range [][]*orgchart.Position{ch.fresh, ch.moved} {
		for _, pos := range ps {
			if i := e.slot(pos); i >= 0 {
				check(i, was[pos])
			}
		}
	}
	for id := range e.dirty {
		if i, ok := e.ids[id]; ok {
			check(int32(i), was[b.cards[i].Position])
		}
	}
	return turned
}

// relayout handles any edit in place: the cards change where the plan
// did, the changed cards and their paths list candidates again and keep
// their arrangements, and only the subtrees that moved are placed again.
func (e *Engine) relayout() {
	b := e.b
	if len(b.arena) > 2*e.base+1024 {
		b.compactArena() // relayouts have piled up candidates
		e.base = len(b.arena)
	}
	was := e.asidesBefore()
	ch := e.reconcile()
	if ch.empty {
		e.b, e.l, e.ids, e.live, e.edges, e.dotted = nil, &Layout{}, nil, nil, nil, nil
		return
	}
	turned := e.asides(ch, was)
	// The changed cards take their new sizes.
	for id := range e.dirty {
		i, ok := e.ids[id]
		if !ok {
			continue
		}
		pos := b.cards[i].Position
		sz := b.measure(pos)
		b.cards[i].W, b.cards[i].H = sz.W, sz.H
		if len(pos.DottedTo) > 0 || e.dotted[id] {
			e.redo[id] = true // its dotted lines may have changed
		}
		if len(pos.DottedTo) > 0 {
			e.dotted[id] = true
		} else {
			delete(e.dotted, id)
		}
	}
	fresh, moved := e.slots(ch.fresh), e.slots(ch.moved)
	isFresh := reuse(&e.sets.isFresh)
	for _, i := range fresh {
		isFresh[i] = true
	}
	path := e.pathOf(e.slots(ch.seeds))
	path = slices.DeleteFunc(path, func(i int32) bool { return isFresh[i] })
	// Bottom-up: sizes and counts, then candidates; a subtree that shrinks
	// keeps its slot, and the path keeps its arrangements.
	for _, m := range path {
		if turned[m] && b.isAside(m) {
			continue // beside the line it takes its card's room, not its old slot
		}
		r := &b.res[m]
		r.w, r.h, r.rx = max(r.w, b.bw[m]), max(r.h, b.bh[m]), b.rx[m]
	}
	work := append(path, fresh...)
	slices.SortFunc(work, func(x, y int32) int { return b.cards[y].Depth - b.cards[x].Depth })
	for _, m := range work {
		size, below := int32(1), 0
		for _, k := range b.children(m) {
			size += b.size[k]
			below += 1 + b.cards[k].Below
		}
		b.size[m], b.cards[m].Below = size, below
		b.stuck[m] = false // pinned, or chosen afresh by its manager
	}
	isMoved := reuse(&e.sets.isMoved)
	for _, i := range moved {
		isMoved[i] = true
	}
	// The arrangements to keep, and where their columns start, as drawn.
	specs := reuse(&e.sets.specs)
	starts := reuse(&e.sets.starts)
	for _, m := range work {
		if isFresh[m] || b.isLeafCand(m) {
			continue
		}
		specs[m] = *b.cand(m, b.chosen[m])
		if k := specs[m].kind; k == kindFlow || k == kindColumns {
			starts[m] = b.columnStarts(m, func(c int32) bool { return isFresh[c] || isMoved[c] || turned[c] })
		}
	}
	// What grew grows down its column, unless that makes the chart much
	// taller than growing across would (many managers expanded at once).
	w0, h0 := b.rootW, b.rootH
	b.keptStarts = starts
	if gw, gh := e.arrangePath(work, specs); gw > w0 || gh > h0 {
		b.keptStarts = nil
		fw, fh := e.arrangePath(work, specs)
		if gw*gh <= growArea*fw*fh && max(gw/gh, gh/gw) <= max(growAspect, fw/fh, fh/fw) {
			b.keptStarts = starts
			e.arrangePath(work, specs)
		}
	}
	defer func() {
		for _, m := range work {
			b.stuck[m] = true
		}
		b.keptStarts = nil
	}()
	// Apply top-down: the path, new subtrees, and any report whose chosen
	// layout changed.
	again := reuse(&e.sets.again)
	for _, m := range work {
		again[m] = true
	}
	for _, m := range moved {
		again[m] = true
	}
	todo := []int32{}
	for _, t := range b.tops {
		b.chosen[t] = b.choose(t)
		if again[t] {
			todo = append(todo, t)
		} else {
			b.bw[t], b.bh[t], b.rx[t] = b.boxOf(t, b.cand(t, b.chosen[t]))
		}
	}
	var prev []int32
	for len(todo) > 0 {
		m := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		kids := b.children(m)
		prev = prev[:0]
		for _, c := range kids {
			prev = append(prev, b.chosen[c])
		}
		b.write(m)
		again[m] = true
		for k, c := range kids {
			if again[c] || (b.chosen[c] != prev[k] && !b.isLeaf(c)) {
				todo = append(todo, c)
			} else {
				b.bw[c], b.bh[c], b.rx[c] = b.boxOf(c, b.cand(c, b.chosen[c]))
			}
		}
	}
	b.arrangeTops()
	placed, shifted := e.place(again)
	e.connect(placed, shifted)
	e.l = &Layout{Cards: b.cards, Edges: e.edges, Width: b.rootW, Height: b.rootH, ids: e.ids, live: e.live,
		edgeOf: b.edgeOf, dottedOf: e.dottedOf}
}

// arrangePath lists again the candidates of the cards to lay out again
// (reports before managers), keeps the arrangements of specs where they
// still apply, and returns the size the chart would have.
func (e *Engine) arrangePath(work []int32, specs map[int32]cand) (w, h float32) {
	b := e.b
	for _, m := range work {
		b.pinned[m] = false
		if spec, ok := specs[m]; ok {
			b.keepArrangement(m, spec, false)
		} else {
			b.arrange(m)
		}
	}
	for _, t := range b.tops {
		b.chosen[t] = b.choose(t)
		b.bw[t], b.bh[t], b.rx[t] = b.boxOf(t, b.cand(t, b.chosen[t]))
	}
	b.keepTops = true
	b.arrangeTops()
	return b.rootW, b.rootH
}

// Growing down is kept when the chart is at most growArea times the area
// it would have growing across, and no more than growAspect (or its shape
// growing across) times as tall as wide or as wide as tall.
const (
	growArea   = 1.5
	growAspect = 4
)

// columnStarts is the first report of each of manager m's columns as
// drawn (a new column where a report's offset changes), counted among the
// reports m arranges (not its assistants); the reports new to m (or to its
// row) join the column of the one before them.
func (b *builder) columnStarts(m int32, isNew func(int32) bool) []int {
	var starts []int
	x := float32(-1)
	b.asideFor = -1
	for k, c := range b.arranged(m) {
		if k == 0 {
			starts = append(starts, 0)
			x = b.ox[c]
			continue
		}
		if isNew(c) {
			continue
		}
		if b.ox[c] != x {
			starts = append(starts, k)
			x = b.ox[c]
		}
	}
	return starts
}

// isLeafCand reports whether card m is drawn as a lone card (it has no
// arrangement to keep).
func (b *builder) isLeafCand(m int32) bool { return b.cand(m, b.chosen[m]).kind == kindLeaf }

// pathOf lists the seed cards and their managers up to the top, each once.
func (e *Engine) pathOf(seeds []int32) []int32 {
	b := e.b
	on := reuse(&e.sets.on)
	var path []int32
	for _, i := range seeds {
		for ; i >= 0 && !on[i]; i = b.parent[i] {
			on[i] = true
			path = append(path, i)
		}
	}
	return path
}

// place puts again the subtrees that moved: from each top down, stopping
// at subtrees whose box stayed where it was and were not applied again.
// A subtree not applied again keeps its layout: when its box moved it
// moves as a block, its cards and its own lines shifted by the same
// offset, which costs far less than placing and connecting each card (a
// report that needs more room can shift most of the chart). It returns
// the cards placed (their lines into their managers are to be drawn
// again) and the cards shifted below them (their lines moved with them).
func (e *Engine) place(again map[int32]bool) (placed, shifted []int32) {
	b := e.b
	var stack []int32
	e.blocks = e.blocks[:0]
	e.live.begin()
	for t, i := range b.tops {
		x, y := b.topX[t], b.topY[t]
		if x != b.boxX[i] || y != b.boxY[i] || again[i] {
			if !again[i] {
				shifted = e.shift(i, x, y, shifted)
				placed = append(placed, i)
				continue
			}
			b.boxX[i], b.boxY[i] = x, y
			stack = append(stack, i)
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		e.setCard(i)
		placed = append(placed, i)
		for _, k := range b.children(i) {
			x, y := b.boxX[i]+b.ox[k], b.boxY[i]+b.oy[k]
			switch {
			case again[k]:
				b.boxX[k], b.boxY[k] = x, y
				stack = append(stack, k)
			case x != b.boxX[k] || y != b.boxY[k]:
				shifted = e.shift(k, x, y, shifted)
				placed = append(placed, k)
			case again[i]: // its line, and how it joins it, may have changed
				e.setCard(k)
				placed = append(placed, k)
			}
		}
	}
	return placed, shifted
}

// setCard puts card i where its box is.
func (e *Engine) setCard(i int32) {
	b := e.b
	c := &b.cards[i]
	c.X, c.Y = b.boxX[i]+b.rx[i], b.boxY[i]
	c.Subtree = Rect{b.boxX[i], b.boxY[i], b.bw[i], b.bh[i]}
	c.Stacked = b.parent[i] >= 0 && b.join[i] != joinTop
	e.live.mark(i)
}

// shift moves the subtree of card k (laid out as before) to a box at x,
// y: k's card (its line is the caller's), and the cards below it with
// their lines, which it appends to shifted.
func (e *Engine) shift(k int32, x, y float32, shifted []int32) []int32 {
	b := e.b
	dx, dy := x-b.boxX[k], y-b.boxY[k]
	b.boxX[k], b.boxY[k] = x, y
	e.setCard(k)
	e.blocks = append(e.blocks, shiftedBlock{k, dx, dy})
	moves := e.live.shifting(Point{dx, dy})
	// Depth first, reports in order: the cards, their lines and the
	// lines' points are stored in that order (but for what edits added or
	// moved), so the walk reads memory in order, where one level after
	// another jumps about it (at 100,000 cards, most of the time went in
	// waiting for the lines).
	stack := append(e.stack[:0], k)
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		kids := b.children(m)
		for n := len(kids) - 1; n >= 0; n-- {
			stack = append(stack, kids[n])
		}
		if m == k {
			continue
		}
		b.boxX[m] += dx
		b.boxY[m] += dy
		// Where its box puts it, as setCard would (its join is the same).
		c := &b.cards[m]
		c.X, c.Y = b.boxX[m]+b.rx[m], b.boxY[m]
		c.Subtree = Rect{b.boxX[m], b.boxY[m], b.bw[m], b.bh[m]}
		moves.move(m)
		if j := b.edgeOf[m]; j >= 0 {
			pts := e.edges[j].Points
			for p := range pts {
				pts[p].X += dx
				pts[p].Y += dy
			}
		}
		shifted = append(shifted, m)
	}
	e.stack = stack
	return shifted
}

// compactArena keeps only the candidates some card still uses: every
// relayout lists the changed subtrees' candidates again.
func (b *builder) compactArena() {
	arena := make([]cand, 0, len(b.cards)*3/2)
	moved := make(map[int32]int32, len(b.teams))
	for i := range b.cards {
		c0 := b.c0[i]
		if at, ok := moved[c0]; ok {
			b.c0[i] = at
			continue
		}
		at := int32(len(arena))
		arena = append(arena, b.arena[c0:c0+int32(b.cn[i])]...)
		b.c0[i] = at
		if b.cn[i] > 1 { // leaves' single candidates are never shared
			moved[c0] = at
		}
	}
	for k, t := range b.teams {
		if at, ok := moved[t.c0]; ok {
			b.teams[k] = teamCands{at, t.cn}
		} else {
			delete(b.teams, k)
		}
	}
	b.arena = arena
}

// keepArrangement pins manager m to the arrangement spec had, fitted to
// its reports as they are now, when that arrangement still applies. A
// pinned subtree's own candidates are never looked at (its manager takes
// the pinned layout), so they are listed (b.arrange) only when the kept
// arrangement does not apply or grew so much that it must be weighed
// against them: a relayout's path then costs its reports, not a search of
// every fit for each manager up to the top. listed says they were listed
// already.
func (b *builder) keepArrangement(m int32, spec cand, listed bool) {
	b.asideFor = -1 // m's reports may have changed since it was last looked at
	kids := b.arranged(m)
	leaves := 0
	for _, c := range kids {
		if b.isLeaf(c) {
			leaves++
		}
	}
	ok := len(kids) > 0
	switch spec.kind {
	case kindLeaf:
		ok = false
	case kindGrid:
		ok = ok && leaves == len(kids)
	case kindRowGrid, kindRowTuck:
		ok = ok && leaves >= 1 && leaves < len(kids)
	case kindColumns, kindFlow:
		ok = ok && leaves < len(kids)
	}
	if ok {
		was := spec.w * spec.h
		spec.w, spec.h, spec.rx = b.apply(m, spec, false)
		b.pin[m] = spec
		// The kept arrangement gives way when its reports grew out of it
		// (many managers expanded at once): when it more than doubled and
		// costs more than twice the best layout listed afresh, m chooses
		// again.
		if spec.w*spec.h > 2*was {
			if !listed {
				b.arrange(m)
				listed = true
			}
			best := inf
			for _, c := range b.cands(m) {
				best = min(best, b.cost(c.w, c.h, false))
			}
			ok = b.cost(spec.w, spec.h, false) <= 2*best
		}
	}
	if !ok && !listed {
		b.arrange(m)
	}
	b.pinned[m] = ok
}

// relayoutAll handles an edit that changes the cards under a depth cut:
// they are collected again, subtrees that did not change take their
// candidates and kept arrangements from the previous layout, and the
// changed paths are listed again and keep their arrangements.
func (e *Engine) relayoutAll(old *builder) {
	b := newBuilder(e.p, e.opt)
	if b == nil {
		e.b, e.l, e.ids, e.live, e.edges, e.dotted = nil, &Layout{}, nil, nil, nil, nil
		return
	}
	before := make(map[*orgchart.Position]int32, len(old.cards))
	for i := range old.cards {
		before[old.cards[i].Position] = int32(i)
	}
	var seeds []int32
	for i := range b.cards {
		if e.dirty[b.cards[i].Position.ID] {
			seeds = append(seeds, int32(i))
		}
	}
	// Candidates are never changed once listed: the new layout lists its
	// new ones after the old ones, and takes the old ones as they are.
	b.arena, b.teams = old.arena, old.teams
	e.b = b
	onPath := make(map[int32]bool, len(seeds))
	for _, m := range e.pathOf(seeds) {
		onPath[m] = true
	}
	b.pinned = make([]bool, len(b.cards))
	b.pin = make([]cand, len(b.cards))
	b.stuck = make([]bool, len(b.cards))
	// Every subtree keeps at least the box it had, so one that shrinks (a
	// collapse, a removal) leaves its slot and nothing around it moves.
	b.res = make([]reserve, len(b.cards))
	for i := len(b.cards) - 1; i >= 0; i-- {
		m := int32(i)
		o, ok := before[b.cards[i].Position]
		if ok { // set before m's manager (a lower index) reads it
			b.res[i] = reserve{w: old.bw[o], h: old.bh[o], rx: old.rx[o], mgr: !old.isLeaf(o)}
		}
		same := ok && !onPath[m] && old.size[o] == b.size[m] && old.cards[o].W == b.cards[i].W && old.cards[o].H == b.cards[i].H
		if same { // the subtree is unchanged: its candidates too
			b.c0[m], b.cn[m] = old.c0[o], old.cn[o]
			if old.isPinned(o) {
				b.pinned[m], b.pin[m] = true, old.pin[o]
			}
			b.chosen[m], b.stuck[m] = old.chosen[o], true
			continue
		}
		b.arrange(m)
		if ok && len(old.children(o)) > 0 {
			b.keepArrangement(m, *old.cand(o, old.chosen[o]), true)
		}
	}
	b.topK, b.keepTops = old.topK, true
	for _, t := range b.tops {
		b.chosen[t] = b.choose(t)
	}
	b.applyAll()
	b.arrangeTops()
	for i := range b.stuck { // from now on every subtree keeps its layout
		b.stuck[i] = true
	}
	e.adopt(b.finish())
	e.base = 0 // the arena holds the old layout's candidates too
}
