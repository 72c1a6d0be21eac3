package layout

import "github.com/orgplanner/orgplanner/orgchart"

// Engine keeps a layout between edits and lays out again only what an
// edit changed. Every subtree's candidate layouts are cached: after an
// edit only the changed subtrees and their paths to the root list theirs
// again, and the managers on those paths keep the arrangement they had
// (same kind, columns and fit), so every other subtree keeps its shape and
// at most moves as a whole. The chart a relayout gives may differ from
// what Compute would choose afresh: that is the price of a view that does
// not jump. Not safe for concurrent use.
type Engine struct {
	p     *orgchart.Plan
	opt   Options
	b     *builder
	l     *Layout
	dirty map[string]bool
	// structure is set when the set of shown cards may have changed.
	structure bool
	dottedOf  map[int32][]int32 // dotted lines (Edges indexes) by card, while the cards stay
	base      int               // candidates listed by the last full layout
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
	e.b = newBuilder(p, opt)
	if e.b == nil {
		e.l = &Layout{}
		return e
	}
	e.b.arrangeAll()
	e.l = e.b.finish()
	e.base = len(e.b.arena)
	return e
}

// Layout is the current layout.
func (e *Engine) Layout() *Layout { return e.l }

// SetPlan replaces the plan (after an undo, say) and marks the positions
// named as changed; with none named the next Relayout starts afresh.
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
// removal the position and its manager; for a new title or holder the
// position.
func (e *Engine) Changed(ids ...string) {
	for _, id := range ids {
		e.dirty[id] = true
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
// layout. When the shown cards are the same (an edit of a card's content
// or size) the cards are updated in place and the returned Layout shares
// them with the previous one; copy what you need from it first.
func (e *Engine) Relayout() *Layout {
	if len(e.dirty) == 0 && !e.structure && e.b != nil {
		return e.l
	}
	old := e.b
	switch {
	case old != nil && len(old.arena) > 2*e.base+1024:
		// Relayouts have piled up candidates: start afresh (and lose the
		// kept arrangements, once in a long while).
		e.b = nil
		return e.Relayout()
	case old == nil:
		e.b = newBuilder(e.p, e.opt)
		if e.b != nil {
			e.b.arrangeAll()
			e.l = e.b.finish()
			e.base = len(e.b.arena)
		} else {
			e.l = &Layout{}
		}
	case !e.structure && e.sameCards():
		e.relayoutInPlace()
	default:
		e.relayoutAll(old)
	}
	clear(e.dirty)
	e.structure = false
	return e.l
}

// sameCards reports whether every changed position keeps its manager and
// its shown reports, so the cards stay the same.
func (e *Engine) sameCards() bool {
	b := e.b
	for id := range e.dirty {
		pos := e.p.Position(id)
		i := e.l.Index(id)
		if pos == nil || i < 0 || b.cards[i].Hidden > 0 {
			return false
		}
		if par := b.parent[i]; (par < 0) != (pos.ReportsTo == "" || id == e.opt.Root) ||
			par >= 0 && b.cards[par].Position.ID != pos.ReportsTo {
			return false
		}
		kids := b.children(int32(i))
		rs := b.reports(pos)
		if e.opt.Depth > 0 && b.cards[i].Depth >= e.opt.Depth {
			rs = nil
		}
		if len(kids) != len(rs) {
			return false
		}
		for k, c := range kids {
			if b.cards[c].Position != rs[k] {
				return false
			}
		}
	}
	return true
}

// pathOf marks the cards of the changed positions and their managers up
// to the top; it returns them in card order (managers first).
func (e *Engine) pathOf(b *builder, index func(string) int) []int32 {
	on := make(map[int32]bool, 8*len(e.dirty))
	var path []int32
	for id := range e.dirty {
		i := int32(index(id))
		for ; i >= 0 && !on[i]; i = b.parent[i] {
			on[i] = true
			path = append(path, i)
		}
	}
	sortInt32(path)
	return path
}

// keepArrangement pins manager m to the arrangement spec had, fitted to
// its reports as they are now, when that arrangement still applies.
func (b *builder) keepArrangement(m int32, spec cand) {
	if b.pinned == nil {
		b.pinned = make([]bool, len(b.cards))
		b.pin = make([]cand, len(b.cards))
	}
	kids := b.children(m)
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
	case kindRowGrid:
		ok = ok && leaves >= 1 && leaves < len(kids)
	case kindColumns, kindFlow:
		ok = ok && leaves < len(kids)
	}
	if ok {
		was := spec.w * spec.h
		spec.w, spec.h, spec.rx = b.apply(m, spec, false)
		// The kept arrangement gives way when its reports grew out of it
		// (many managers expanded at once): when it more than doubled and
		// costs more than twice the best layout listed afresh (b.arrange(m)
		// just ran), m chooses again.
		best := inf
		for _, c := range b.cands(m) {
			best = min(best, b.cost(c.w, c.h, false))
		}
		ok = spec.w*spec.h <= 2*was || b.cost(spec.w, spec.h, false) <= 2*best
		b.pin[m] = spec
	}
	b.pinned[m] = ok
}

// relayoutInPlace handles an edit that keeps the cards: the changed cards
// take their new sizes, their paths list candidates again and keep their
// arrangements, and only the subtrees that moved are placed again.
func (e *Engine) relayoutInPlace() {
	b := e.b
	for id := range e.dirty {
		i := e.l.Index(id)
		pos := e.p.Position(id)
		sz := b.measure(pos)
		b.cards[i].Position, b.cards[i].W, b.cards[i].H = pos, sz.W, sz.H
	}
	path := e.pathOf(b, e.l.Index)
	if b.res == nil {
		b.res = make([]reserve, len(b.cards))
	}
	for _, m := range path { // a card that shrinks keeps its slot
		r := &b.res[m]
		r.w, r.h, r.rx = max(r.w, b.bw[m]), max(r.h, b.bh[m]), b.rx[m]
	}
	specs := make([]cand, len(path))
	for k, m := range path {
		specs[k] = *b.cand(m, b.chosen[m])
	}
	if b.stuck == nil {
		b.stuck = make([]bool, len(b.cards))
		for i := range b.stuck {
			b.stuck[i] = true
		}
	}
	for k := len(path) - 1; k >= 0; k-- { // reports before managers
		m := path[k]
		b.arrange(m)
		b.keepArrangement(m, specs[k])
		b.stuck[m] = false // pinned, or chosen afresh by its manager
	}
	defer func() {
		for _, m := range path {
			b.stuck[m] = true
		}
	}()
	b.keepTops = true
	// Apply top-down: the path, and any report whose chosen layout changed.
	onPath := make(map[int32]bool, len(path))
	for _, m := range path {
		onPath[m] = true
	}
	var redo []int32 // managers applied again
	var todo []int32
	for _, t := range b.tops {
		b.chosen[t] = b.choose(t)
		if onPath[t] {
			todo = append(todo, t)
		}
	}
	prev := []int32{}
	for len(todo) > 0 {
		m := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		kids := b.children(m)
		prev = prev[:0]
		for _, c := range kids {
			prev = append(prev, b.chosen[c])
		}
		b.write(m)
		redo = append(redo, m)
		for k, c := range kids {
			if onPath[c] || (b.chosen[c] != prev[k] && !b.isLeaf(c)) {
				todo = append(todo, c)
			} else {
				b.bw[c], b.bh[c], b.rx[c] = b.boxOf(c, b.cand(c, b.chosen[c]))
			}
		}
	}
	b.arrangeTops()
	// Place again what moved: from each applied manager down, stopping at
	// subtrees whose box stayed where it was and were not applied again.
	again := make(map[int32]bool, len(redo))
	for _, m := range redo {
		again[m] = true
	}
	l := &Layout{Cards: b.cards, Edges: e.l.Edges, Width: b.rootW, Height: b.rootH, ids: e.l.ids}
	var stack, moved []int32
	for t, i := range b.tops {
		if b.boxX[i] != b.topX[t] || b.boxY[i] != b.topY[t] || again[i] {
			b.boxX[i], b.boxY[i] = b.topX[t], b.topY[t]
			stack = append(stack, i)
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c := &b.cards[i]
		moved = append(moved, i)
		c.X, c.Y = b.boxX[i]+b.rx[i], b.boxY[i]
		c.Subtree = Rect{b.boxX[i], b.boxY[i], b.bw[i], b.bh[i]}
		c.Stacked = b.parent[i] >= 0 && b.join[i] != joinTop
		if k := b.edgeOf[i]; k >= 0 {
			l.Edges[k] = b.edge(i)
		}
		for _, k := range b.children(i) {
			x, y := b.boxX[i]+b.ox[k], b.boxY[i]+b.oy[k]
			if x != b.boxX[k] || y != b.boxY[k] || again[i] || again[k] {
				b.boxX[k], b.boxY[k] = x, y
				stack = append(stack, k)
			}
		}
	}
	// Dotted lines: those of the cards that moved, found through an index
	// of the dotted lines by card, kept while the cards stay.
	if e.dottedOf == nil {
		e.dottedOf = map[int32][]int32{}
		for k := b.nsolid; k < len(l.Edges); k++ {
			ed := &l.Edges[k]
			e.dottedOf[int32(ed.From)] = append(e.dottedOf[int32(ed.From)], int32(k))
			e.dottedOf[int32(ed.To)] = append(e.dottedOf[int32(ed.To)], int32(k))
		}
	}
	if len(e.dottedOf) > 0 {
		for _, i := range moved {
			for _, k := range e.dottedOf[i] {
				ed := &l.Edges[k]
				l.Edges[k] = b.dottedEdge(int32(ed.From), int32(ed.To))
			}
		}
	}
	e.l = l
}

// relayoutAll handles an edit that changes the cards: they are collected
// again, subtrees that did not change take their candidates and kept
// arrangements from the previous layout, and the changed paths are listed
// again and keep their arrangements.
func (e *Engine) relayoutAll(old *builder) {
	b := newBuilder(e.p, e.opt)
	e.dottedOf = nil
	if b == nil {
		e.b, e.l = nil, &Layout{}
		return
	}
	before := make(map[*orgchart.Position]int32, len(old.cards))
	for i := range old.cards {
		before[old.cards[i].Position] = int32(i)
	}
	ids := make(map[string]int, len(e.dirty))
	for i := range b.cards {
		if e.dirty[b.cards[i].Position.ID] {
			ids[b.cards[i].Position.ID] = i
		}
	}
	index := func(id string) int {
		if i, ok := ids[id]; ok {
			return i
		}
		return -1
	}
	// Candidates are never changed once listed: the new layout lists its
	// new ones after the old ones, and takes the old ones as they are.
	b.arena, b.teams = old.arena, old.teams
	path := e.pathOf(b, index)
	onPath := make(map[int32]bool, len(path))
	for _, m := range path {
		onPath[m] = true
	}
	b.pinned = make([]bool, len(b.cards))
	b.pin = make([]cand, len(b.cards))
	b.stuck = make([]bool, len(b.cards))
	// Every subtree keeps at least the box it had, so one that shrinks (a
	// collapse, a removal) leaves its slot and nothing around it moves.
	b.res = make([]reserve, len(b.cards))
	specs := make(map[int32]cand, len(path))
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
		if ok && old.kid0[o] != old.kid0[o+1] {
			specs[m] = *old.cand(o, old.chosen[o])
			b.keepArrangement(m, specs[m])
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
	e.b = b
	e.l = b.finish()
}

func sortInt32(s []int32) {
	// Insertion sort: paths are short (a few dozen cards).
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
