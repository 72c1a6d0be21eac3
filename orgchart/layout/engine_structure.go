package layout

import (
	"slices"

	"github.com/orgplanner/orgplanner/orgchart"
)

// The Engine changes the shown cards in place. A card's slot is its index
// in every per-card array of the builder (and in Layout.Cards): a new card
// is appended, a removed card's slot takes the last card (so the arrays
// stay dense and every other index stays), and a manager's reports list
// changed by the engine lives in builder.kidsOf.

// noKids is the reports list of a card the engine made or moved that has
// none (a nil kidsOf entry means the list built by collect).
var noKids = []int32{}

// changes is what reconcile did to the cards, by position (slots move
// while cards are removed).
type changes struct {
	seeds      []*orgchart.Position // cards to list again with their paths
	fresh      []*orgchart.Position // new cards
	moved      []*orgchart.Position // cards given another manager: placed again with their subtrees
	structural bool                 // the cards changed
	empty      bool                 // no card is shown any more
}

// slot is the card of pos, or -1.
func (e *Engine) slot(pos *orgchart.Position) int32 {
	if i, ok := e.ids[pos.ID]; ok && e.b.cards[i].Position == pos {
		return int32(i)
	}
	return -1
}

// slots resolves positions to cards, leaving out those not shown.
func (e *Engine) slots(ps []*orgchart.Position) []int32 {
	out := make([]int32, 0, len(ps))
	for _, p := range ps {
		if i := e.slot(p); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// isRoot reports whether pos is laid out as a top of the chart.
func (e *Engine) isRoot(pos *orgchart.Position) bool {
	if e.opt.Root != "" {
		return pos.ID == e.opt.Root
	}
	return pos.ReportsTo == "" || e.p.Position(pos.ReportsTo) == nil
}

// shownReports are the reports of pos shown under its card at depth.
func (e *Engine) shownReports(pos *orgchart.Position, depth int) []*orgchart.Position {
	if e.opt.Collapsed[pos.ID] || (e.opt.Depth > 0 && depth >= e.opt.Depth) {
		return nil
	}
	return e.b.reports(pos)
}

// roots are the positions laid out as tops.
func (e *Engine) roots() []*orgchart.Position {
	if e.opt.Root != "" {
		if r := e.p.Position(e.opt.Root); r != nil {
			return []*orgchart.Position{r}
		}
		return nil
	}
	return e.p.Tops()
}

// reconcile makes the cards match the plan and the collapse marks where
// the changed positions are: their cards, their old and new managers'
// reports lists, and the tops. Cost: the changed lists, the subtrees
// added or removed, and the cards moved into freed slots.
func (e *Engine) reconcile() changes {
	b := e.b
	var ch changes
	// The managers whose reports may have changed, by id: each changed
	// position with a card, its manager as shown, and its manager now.
	aff := reuse(&e.sets.aff)
	topsChanged := false
	var hidden []*orgchart.Position // changed positions not shown
	for id := range e.dirty {
		pos := e.p.Position(id)
		if i, ok := e.ids[id]; ok {
			aff[id] = true
			if par := b.parent[i]; par >= 0 {
				aff[b.cards[par].Position.ID] = true
			} else {
				topsChanged = true
			}
			if pos == nil {
				topsChanged = true // its reports may be tops now
			} else if old := b.cards[i].Position; pos != old {
				b.cards[i].Position = pos // a new plan's copy
				if b.asideMgrs[old] {
					delete(b.asideMgrs, old)
					b.asideMgrs[pos] = true
				}
			}
		} else if pos != nil {
			hidden = append(hidden, pos)
		}
		if pos != nil {
			if e.isRoot(pos) {
				topsChanged = true
			} else if pos.ReportsTo != "" {
				aff[pos.ReportsTo] = true
			}
		}
	}
	// What each affected manager shows now.
	type change struct {
		id   string
		want []*orgchart.Position
	}
	var changed []change
	wanted := reuse(&e.sets.wanted)
	for id := range aff {
		i, ok := e.ids[id]
		if !ok {
			continue
		}
		pos := e.p.Position(id)
		var want []*orgchart.Position
		if pos != nil && pos == b.cards[i].Position {
			want = e.shownReports(pos, b.cards[i].Depth)
		}
		kids := b.children(int32(i))
		same := len(kids) == len(want)
		for k := 0; same && k < len(kids); k++ {
			same = b.cards[kids[k]].Position == want[k]
		}
		if same {
			if len(kids) == 0 && pos != nil {
				e.setHidden(int32(i)) // what it hides may have changed
			}
			continue
		}
		changed = append(changed, change{id, want})
		for _, r := range want {
			wanted[r] = true
		}
	}
	var wantTops []*orgchart.Position
	if topsChanged {
		wantTops = e.roots()
		same := len(wantTops) == len(b.tops)
		for k := 0; same && k < len(b.tops); k++ {
			same = b.cards[b.tops[k]].Position == wantTops[k]
		}
		topsChanged = !same
		for _, r := range wantTops {
			wanted[r] = true
		}
	}
	for id := range e.dirty {
		if i, ok := e.ids[id]; ok {
			ch.seeds = append(ch.seeds, b.cards[i].Position)
		}
	}
	e.recountHidden(hidden)
	if len(changed) == 0 && !topsChanged {
		return ch
	}
	// A new position's reports may be shown already (an undone removal
	// that lifted them): keep their cards to move them under it.
	for _, pos := range hidden {
		if !e.opt.Collapsed[pos.ID] {
			for _, r := range e.b.reports(pos) {
				wanted[r] = true
			}
		}
	}
	ch.structural = true
	e.live.gen++
	e.unordered()
	// Detach the reports no longer shown where they were.
	var orphans []int32
	for _, c := range changed {
		m := int32(e.ids[c.id])
		kids := b.children(m)
		if len(kids) > 0 {
			b.res[m].mgr = true // it keeps its place among managers
		}
		want := reuse(&e.sets.want)
		for _, r := range c.want {
			want[r] = true
		}
		kept := make([]int32, 0, len(c.want))
		for _, k := range kids {
			if want[b.cards[k].Position] {
				kept = append(kept, k)
			} else {
				orphans = append(orphans, k)
			}
		}
		b.kidsOf[m] = kept
	}
	if topsChanged {
		want := reuse(&e.sets.want)
		for _, r := range wantTops {
			want[r] = true
		}
		kept := make([]int32, 0, len(wantTops))
		for _, t := range b.tops {
			if want[b.cards[t].Position] {
				kept = append(kept, t)
			} else {
				orphans = append(orphans, t)
			}
		}
		b.tops = kept
	}
	// Free the orphans' subtrees, keeping the cards shown elsewhere now
	// (floating until their new manager takes them).
	var floating []*orgchart.Position
	var gone []int32
	for _, o := range orphans {
		e.detach(o)
		if wanted[b.cards[o].Position] {
			floating = append(floating, b.cards[o].Position)
			continue
		}
		gone = e.subtree(o, wanted, gone, &floating)
	}
	e.free(gone)
	// Attach each changed manager's reports: cards moved from elsewhere,
	// and new subtrees.
	for _, c := range changed {
		i, ok := e.ids[c.id]
		if !ok {
			continue
		}
		m := int32(i)
		kids := make([]int32, 0, len(c.want))
		for _, r := range c.want {
			kids = append(kids, e.take(r, m, &ch))
		}
		b.kidsOf[m] = kids
		ch.seeds = append(ch.seeds, b.cards[m].Position)
		e.setHidden(m)
	}
	if topsChanged {
		tops := make([]int32, 0, len(wantTops))
		for _, r := range wantTops {
			tops = append(tops, e.take(r, -1, &ch))
		}
		b.tops = tops
	}
	// Cards that were to move under a manager no longer shown go too.
	gone = gone[:0]
	var none []*orgchart.Position
	for _, pos := range floating {
		if i := e.slot(pos); i >= 0 && b.parent[i] == -2 {
			gone = e.subtree(i, nil, gone, &none)
		}
	}
	e.free(gone)
	if len(b.cards) == 0 {
		ch.empty = true
	}
	return ch
}

// take puts the card of r under card m (-1: as a top) and returns it: the
// card r has, moved from where it is, or a new subtree.
func (e *Engine) take(r *orgchart.Position, m int32, ch *changes) int32 {
	b := e.b
	c := e.slot(r)
	if c < 0 {
		return e.collect(r, m, ch)
	}
	old := b.parent[c]
	if old == m {
		return c
	}
	switch {
	case old >= 0: // shown under another manager: out of its list
		kids := b.children(old)
		if k := slices.Index(kids, c); k >= 0 {
			b.kidsOf[old] = slices.Delete(kids, k, k+1)
		}
		ch.seeds = append(ch.seeds, b.cards[old].Position)
	case old == -1:
		b.tops = slices.DeleteFunc(b.tops, func(t int32) bool { return t == c })
	}
	e.detach(c)
	b.parent[c] = m
	depth := 0
	if m >= 0 {
		depth = b.cards[m].Depth + 1
	}
	if d := depth - b.cards[c].Depth; d != 0 {
		e.shiftDepth(c, d)
	}
	ch.moved = append(ch.moved, r)
	ch.seeds = append(ch.seeds, r)
	return c
}

// detach marks card c as belonging to no manager for now (-2) and drops
// its line; its manager's list is the caller's.
func (e *Engine) detach(c int32) {
	e.dropEdge(c)
	e.b.parent[c] = -2
}

// shiftDepth adds d to the depth of every card in c's subtree.
func (e *Engine) shiftDepth(c int32, d int) {
	b := e.b
	stack := []int32{c}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b.cards[i].Depth += d
		stack = append(stack, b.children(i)...)
	}
}

// subtree appends to gone card o and the cards below it, leaving out (as
// floating, detached) those wanted elsewhere.
func (e *Engine) subtree(o int32, wanted map[*orgchart.Position]bool, gone []int32, floating *[]*orgchart.Position) []int32 {
	b := e.b
	stack := []int32{o}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		gone = append(gone, i)
		for _, k := range b.children(i) {
			if wanted[b.cards[k].Position] {
				e.detach(k)
				*floating = append(*floating, b.cards[k].Position)
				continue
			}
			stack = append(stack, k)
		}
	}
	return gone
}

// collect makes the cards of r's subtree under card m (-1: a top), in
// depth-first plan order, taking the cards shown elsewhere that belong in
// it, and returns r's card.
func (e *Engine) collect(r *orgchart.Position, m int32, ch *changes) int32 {
	b := e.b
	type frame struct {
		pos    *orgchart.Position
		parent int32
	}
	depthOf := func(m int32) int {
		if m < 0 {
			return 0
		}
		return b.cards[m].Depth + 1
	}
	first := int32(-1)
	stack := []frame{{r, m}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var i int32
		if f.pos != r && e.slot(f.pos) >= 0 {
			i = e.take(f.pos, f.parent, ch)
		} else {
			i = e.addCard(f.pos, depthOf(f.parent), f.parent)
			ch.fresh = append(ch.fresh, f.pos)
			if rs := e.shownReports(f.pos, b.cards[i].Depth); len(rs) > 0 {
				for k := len(rs) - 1; k >= 0; k-- {
					stack = append(stack, frame{rs[k], i})
				}
			} else if len(b.reports(f.pos)) > 0 {
				b.cards[i].Hidden = b.countBelow(f.pos)
			}
		}
		if f.parent >= 0 && f.pos != r {
			b.kidsOf[f.parent] = append(b.kidsOf[f.parent], i)
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

// setHidden counts again what card m hides (collapsed or cut: all below
// it; with its reports shown: nothing).
func (e *Engine) setHidden(m int32) {
	b := e.b
	b.cards[m].Hidden = 0
	if len(b.children(m)) == 0 && len(b.reports(b.cards[m].Position)) > 0 {
		b.cards[m].Hidden = b.countBelow(b.cards[m].Position)
	}
}

// recountHidden counts again the hidden positions of the nearest shown
// manager of each changed position not shown.
func (e *Engine) recountHidden(ps []*orgchart.Position) {
	seen := reuse(&e.sets.seen)
	for _, pos := range ps {
		for steps := 0; pos != nil && steps <= len(e.p.Positions); steps++ {
			if i := e.slot(pos); i >= 0 {
				if !seen[i] {
					seen[i] = true
					e.setHidden(i)
				}
				break
			}
			if e.isRoot(pos) {
				break
			}
			pos = e.p.Position(pos.ReportsTo)
		}
	}
}

// addCard appends a card for pos under card parent.
func (e *Engine) addCard(pos *orgchart.Position, depth int, parent int32) int32 {
	b := e.b
	i := int32(len(b.cards))
	sz := b.measure(pos)
	b.cards = append(b.cards, Card{Position: pos, W: sz.W, H: sz.H, Depth: depth})
	b.parent = append(b.parent, parent)
	for _, f := range b.floatsPerCard() {
		*f = append(*f, 0)
	}
	b.join = append(b.join, 0)
	b.c0 = append(b.c0, 0)
	b.cn = append(b.cn, 0)
	b.chosen = append(b.chosen, 0)
	b.size = append(b.size, 1)
	b.pin = append(b.pin, cand{})
	b.pinned = append(b.pinned, false)
	b.stuck = append(b.stuck, false)
	b.res = append(b.res, reserve{})
	b.edgeOf = append(b.edgeOf, -1)
	b.kidsOf = append(b.kidsOf, noKids)
	e.ids[pos.ID] = int(i)
	if len(pos.DottedTo) > 0 {
		e.dotted[pos.ID] = true
	}
	if len(pos.DottedTo) > 0 {
		e.redo[pos.ID] = true
	}
	if e.targets[pos.ID] {
		e.into[pos.ID] = true
	}
	e.live.mark(i)
	return i
}

// floatsPerCard lists the builder's per-card float arrays.
func (b *builder) floatsPerCard() []*[]float32 {
	return []*[]float32{&b.bw, &b.bh, &b.rx, &b.ox, &b.oy, &b.spine, &b.lineDX, &b.busDY, &b.boxX, &b.boxY}
}

// moveCard puts card from into slot to (a freed one): every per-card
// array, its manager's list, its reports and lines, and the id index.
func (e *Engine) moveCard(from, to int32) {
	b := e.b
	b.cards[to] = b.cards[from]
	b.parent[to] = b.parent[from]
	for _, f := range b.floatsPerCard() {
		(*f)[to] = (*f)[from]
	}
	b.join[to] = b.join[from]
	b.c0[to], b.cn[to], b.chosen[to] = b.c0[from], b.cn[from], b.chosen[from]
	b.size[to] = b.size[from]
	b.pin[to], b.pinned[to], b.stuck[to] = b.pin[from], b.pinned[from], b.stuck[from]
	b.res[to] = b.res[from]
	b.edgeOf[to] = b.edgeOf[from]
	kids := b.children(from)
	b.kidsOf[to], b.kidsOf[from] = kids, noKids
	switch p := b.parent[to]; {
	case p >= 0:
		list := b.children(p) // its own part of the lists: changed in place
		if k := slices.Index(list, from); k >= 0 {
			list[k] = to
		}
	case p == -1:
		if k := slices.Index(b.tops, from); k >= 0 {
			b.tops[k] = to
		}
	}
	for _, k := range kids {
		b.parent[k] = to
		if j := b.edgeOf[k]; j >= 0 {
			e.edges[j].From = int(to)
		}
	}
	if j := b.edgeOf[to]; j >= 0 {
		e.edges[j].To = int(to)
	}
	if ks, ok := e.dottedOf[from]; ok {
		for _, k := range ks {
			if ed := &e.edges[k]; ed.From == int(from) {
				ed.From = int(to)
			} else {
				ed.To = int(to)
			}
		}
		e.dottedOf[to] = ks
		delete(e.dottedOf, from)
	}
	e.ids[b.cards[to].Position.ID] = int(to)
	e.live.mark(to)
}

// truncate drops the slots from n on.
func (b *builder) truncate(n int) {
	b.cards = b.cards[:n]
	b.parent = b.parent[:n]
	for _, f := range b.floatsPerCard() {
		*f = (*f)[:n]
	}
	b.join, b.c0, b.cn, b.chosen, b.size = b.join[:n], b.c0[:n], b.cn[:n], b.chosen[:n], b.size[:n]
	b.pin, b.pinned, b.stuck, b.res = b.pin[:n], b.pinned[:n], b.stuck[:n], b.res[:n]
	b.edgeOf, b.kidsOf = b.edgeOf[:n], b.kidsOf[:n]
}

// free removes the cards gone (detached from every list that is kept),
// filling their slots with the last cards.
func (e *Engine) free(gone []int32) {
	if len(gone) == 0 {
		return
	}
	b := e.b
	isGone := make(map[int32]bool, len(gone))
	for _, g := range gone {
		isGone[g] = true
		id := b.cards[g].Position.ID
		if e.ids[id] == int(g) {
			delete(e.ids, id)
			delete(e.dotted, id)
		}
		e.dropEdge(g)
		e.dropDotted(g)
	}
	slices.Sort(gone)
	n := int32(len(b.cards))
	for _, s := range gone {
		for n > 0 && isGone[n-1] {
			n--
		}
		if s >= n {
			break
		}
		e.moveCard(n-1, s)
		isGone[s] = false
		n--
	}
	b.truncate(int(n))
}

// own makes the builder's per-card arrays the Engine's: each its own
// backing store (appending to one must not write into the next), and the
// arrays only an Engine uses.
func (e *Engine) own() {
	b := e.b
	n := len(b.cards)
	room := n/16 + 64 // additions before any array grows (which copies it)
	for _, f := range b.floatsPerCard() {
		*f = append(make([]float32, 0, n+room), *f...)
	}
	b.cards = append(make([]Card, 0, n+room), b.cards...)
	b.parent = append(make([]int32, 0, n+room), b.parent...)
	b.join = append(make([]uint8, 0, n+room), b.join...)
	b.c0 = append(make([]int32, 0, n+room), b.c0...)
	b.cn = append(make([]uint8, 0, n+room), b.cn...)
	b.chosen = append(make([]int32, 0, n+room), b.chosen...)
	b.size = append(make([]int32, 0, n+room), b.size...)
	b.edgeOf = append(make([]int32, 0, n+room), b.edgeOf...)
	if len(b.pinned) != n {
		b.pinned, b.pin = make([]bool, n, n+room), make([]cand, n, n+room)
	}
	if len(b.stuck) != n {
		b.stuck = make([]bool, n, n+room)
		for i := range b.stuck {
			b.stuck[i] = true
		}
	}
	if len(b.res) != n {
		b.res = make([]reserve, n, n+room)
	}
	if len(b.kidsOf) != n {
		b.kidsOf = make([][]int32, n, n+room)
	}
}

// unordered notes that the cards are no longer in depth-first order.
func (e *Engine) unordered() { e.b.dfs = false }
