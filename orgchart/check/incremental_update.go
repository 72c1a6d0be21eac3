package check

import (
	"slices"

	"github.com/orgplanner/orgplanner/orgchart"
)

// change is one position a re-check looks at again: named by Changed, a
// report of a removed position, or a position that came back with one.
type change struct {
	node      int32 // -1 until a new position gets its node
	pos       *orgchart.Position
	isNew     bool
	oldParent int32 // its manager's node before the edit, -1 for none
}

// classify sorts the pending ids into positions still there (changes, new
// ones included) and nodes whose positions left the plan (gone, with every
// node below them whose position left too). Reports of a removed position
// that stay are changes (their manager changed); positions below a new one
// that the checker does not know are new too, and known ones it finds there
// are changes, so a caller that names only the top of a removed or restored
// subtree is still followed.
func (c *Checker) classify() (changes []change, gone []int32) {
	o, p := c.o, c.plan
	seen := map[int32]bool{}
	newIDs := map[string]bool{}
	var stack []int32
	for id := range c.pending {
		pos := p.Position(id)
		i, known := o.at[id]
		if known && o.pos[i] == pos {
			if !seen[i] {
				seen[i] = true
				changes = append(changes, change{node: i, pos: pos, oldParent: o.parent[i]})
			}
			continue
		}
		if known && !seen[i] {
			seen[i] = true
			gone = append(gone, i)
			stack = append(stack, i)
		}
		if pos != nil && !newIDs[id] {
			newIDs[id] = true
			changes = append(changes, change{node: -1, pos: pos, isNew: true, oldParent: -1})
		}
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, k := range o.kidList[g] {
			if seen[k] {
				continue
			}
			seen[k] = true
			if p.Position(o.pos[k].ID) == o.pos[k] {
				changes = append(changes, change{node: k, pos: o.pos[k], oldParent: g})
			} else {
				gone = append(gone, k)
				stack = append(stack, k)
			}
		}
	}
	// Below new positions: their reports, new or known.
	for n := 0; n < len(changes); n++ {
		if !changes[n].isNew {
			continue
		}
		for _, q := range p.Reports(changes[n].pos.ID) {
			i, known := o.at[q.ID]
			switch {
			case known && o.pos[i] == q:
				if !seen[i] {
					seen[i] = true
					changes = append(changes, change{node: i, pos: q, oldParent: o.parent[i]})
				}
			case !newIDs[q.ID]:
				newIDs[q.ID] = true
				changes = append(changes, change{node: -1, pos: q, isNew: true, oldParent: -1})
			}
		}
	}
	return changes, gone
}

// update applies the pending changes (and a changed policy) incrementally;
// false when they need a fresh build (an order it cannot follow, plan ranks
// run out, a policy change that concerns every position).
func (c *Checker) update(policyChanged bool) bool {
	o, p := c.o, c.plan
	var pol *policyDelta
	if policyChanged {
		var ok bool
		if pol, ok = c.diffPolicy(); !ok {
			return false
		}
		for _, id := range pol.ids {
			if c.pending == nil {
				c.pending = map[string]int{}
			}
			c.pending[id]++
		}
	}
	changes, gone := c.classify()
	fresh := 0
	for _, ch := range changes {
		if ch.isNew {
			fresh++
		}
	}
	if len(p.Positions) != c.live-len(gone)+fresh {
		return false
	}
	isGone := make(map[int32]bool, len(gone))
	for _, g := range gone {
		isGone[g] = true
	}
	newIDs := make(map[string]bool, fresh)
	for _, ch := range changes {
		if ch.isNew {
			newIDs[ch.pos.ID] = true
		}
	}
	newParent := func(pos *orgchart.Position) int32 {
		if pos.ReportsTo == "" || pos.ReportsTo == pos.ID {
			return -1
		}
		if newIDs[pos.ReportsTo] {
			return -2 // a new manager: resolved after nodes are made
		}
		if m, ok := o.at[pos.ReportsTo]; ok && !isGone[m] && o.pos[m] == p.Position(pos.ReportsTo) {
			return m
		}
		return -1
	}
	rank, ok := c.placeAll(changes, newParent)
	if !ok {
		return false
	}
	rer := func(ch change) bool { _, ok := rank[ch.pos]; return ok }
	// Managers that were pass-through (one report): their reports may start
	// a chain of their own once the manager is not.
	wasChainable := map[int32]bool{}
	noteChainable := func(m int32) {
		if m >= 0 && !isGone[m] && o.chainable(int(m)) {
			wasChainable[m] = true
		}
	}
	var goneParents []int32
	for _, g := range gone {
		if m := o.parent[g]; m >= 0 && !isGone[m] {
			goneParents = append(goneParents, m)
			noteChainable(m)
		}
	}
	for _, ch := range changes {
		if !ch.isNew {
			noteChainable(ch.node)
			noteChainable(ch.oldParent)
			noteChainable(newParent(ch.pos))
		}
	}
	if pol != nil {
		c.applyPolicy(pol)
	}
	// Take removed positions out of everything.
	for _, g := range gone {
		c.removeNode(g)
	}
	// Subtrees whose depth or top changes, and subtrees whose capability
	// roots may change.
	// refile: positions filed again under their capabilities (new ranks,
	// new capabilities, a vacancy filled or opened); reroot: positions whose
	// line up changed, whose topmost-owner status is looked at again.
	var moved []int32
	refile := map[int32]bool{}
	reroot := map[int32]bool{}
	for _, ch := range changes {
		if ch.isNew {
			continue
		}
		i := ch.node
		capsChanged := c.capsChanged(i, ch.pos)
		if rer(ch) || capsChanged || o.vacant(int(i)) != c.ncov[i].vacant {
			refile[i] = true
		} else {
			for _, k := range c.ncov[i].owns {
				c.touchCap(k) // its name may be in a message
			}
			for _, k := range c.ncov[i].sups {
				c.touchCap(k)
			}
		}
		subtree := false
		if newParent(ch.pos) != ch.oldParent {
			moved = append(moved, i)
			subtree = true
		} else if capsChanged {
			subtree = true
		}
		if subtree {
			c.eachBelow(i, func(j int32) { reroot[j] = true })
		}
	}
	// Detach (old ranks still in force).
	for j := range refile {
		c.detachCov(j)
	}
	for _, ch := range changes {
		if !ch.isNew && rer(ch) {
			c.detachPair(ch.node)
			c.tops.remove(o, ch.node)
		}
	}
	for _, i := range moved {
		c.tops.remove(o, i)
		c.detachPair(i)
	}
	for _, ch := range changes {
		if !ch.isNew && (rer(ch) || newParent(ch.pos) != ch.oldParent) && ch.oldParent >= 0 && !isGone[ch.oldParent] {
			ks := o.kidList[ch.oldParent]
			if k := slices.Index(ks, ch.node); k >= 0 {
				o.kidList[ch.oldParent] = slices.Delete(ks, k, k+1)
			}
		}
	}
	// New nodes, then the new ranks.
	for k := range changes {
		ch := &changes[k]
		if ch.isNew {
			ch.node = c.addNode(ch.pos)
			refile[ch.node] = true
		}
	}
	for pos, r := range rank {
		o.planRank[o.at[pos.ID]] = r
	}
	// Fields, parents, children.
	parentsTouched := map[int32]bool{}
	for _, m := range goneParents {
		parentsTouched[m] = true
	}
	for _, ch := range changes {
		i := ch.node
		c.setRole(i)
		np := int32(-1)
		if ch.pos.ReportsTo != "" && ch.pos.ReportsTo != ch.pos.ID {
			if m, ok := o.at[ch.pos.ReportsTo]; ok {
				np = m
			}
		}
		o.parent[i] = np
		if np >= 0 && (ch.isNew || rer(ch) || np != ch.oldParent) {
			l := rankList{o.kidList[np]}
			l.add(o, i)
			o.kidList[np] = l.nodes
		}
		if np < 0 {
			c.tops.add(o, i)
		}
		if ch.oldParent >= 0 && !isGone[ch.oldParent] {
			parentsTouched[ch.oldParent] = true
		}
		if np >= 0 {
			parentsTouched[np] = true
		}
		if ch.isNew || np != ch.oldParent {
			moved = append(moved, i)
		}
	}
	// Headcount and spans.
	for _, ch := range changes {
		hc := ch.pos.Headcount()
		if !ch.isNew {
			hc -= c.contrib[ch.node].hc
		}
		o.headcount += hc
		c.respan(ch.node)
	}
	for m := range parentsTouched {
		c.respan(m)
	}
	// Depths and tops of moved subtrees: from the topmost moved positions.
	isMoved := make(map[int32]bool, len(moved))
	for _, i := range moved {
		isMoved[i] = true
	}
	movedTops := moved[:0:0]
	for _, i := range moved {
		if m := o.parent[i]; (m < 0 || !isMoved[m]) && !slices.Contains(movedTops, i) {
			movedTops = append(movedTops, i)
		}
	}
	for _, i := range movedTops {
		d, t := int32(0), i
		if m := o.parent[i]; m >= 0 {
			d, t = o.depth[m]+1, o.top[m]
		}
		o.depth[i], o.top[i] = d, t
		c.eachBelow(i, func(j int32) {
			if j != i {
				o.depth[j], o.top[j] = o.depth[o.parent[j]]+1, t
			}
		})
	}
	// Heights up from every manager whose reports changed.
	for m := range parentsTouched {
		c.raiseHeight(m)
	}
	for _, ch := range changes {
		c.raiseHeight(ch.node)
	}
	// Coverage lists: new filings first in plan order would not matter;
	// ancestors are looked up in the tree as it is now.
	for j := range refile {
		c.attachCov(j)
	}
	for j := range reroot {
		if !refile[j] && !c.dead[j] {
			c.reroot(j)
		}
	}
	// Positions whose per-position findings may change.
	eval := map[int32]bool{}
	walkUp := func(v int32) {
		eval[v] = true
		for u, steps := o.parent[v], 0; u >= 0 && steps <= len(o.pos); u, steps = o.parent[u], steps+1 {
			eval[u] = true
			if !o.chainable(int(u)) {
				break
			}
		}
	}
	for _, m := range goneParents {
		walkUp(m)
	}
	for _, ch := range changes {
		walkUp(ch.node)
		for _, k := range o.kidList[ch.node] {
			eval[k] = true
		}
		if ch.oldParent >= 0 && !isGone[ch.oldParent] {
			walkUp(ch.oldParent)
		}
		for _, m := range []int32{ch.node, ch.oldParent, o.parent[ch.node]} {
			if m >= 0 && !isGone[m] && o.chainable(int(m)) {
				wasChainable[m] = true // pass-through now
			}
		}
	}
	for m := range wasChainable {
		for _, k := range o.kidList[m] {
			eval[k] = true
		}
	}
	if pol != nil {
		for _, i := range c.policyEval(pol) {
			walkUp(i)
		}
	}
	// Evaluate all, then take out every old finding that changed before
	// filing the new ones: one position's finding can move to another's
	// evaluation (a chain's single reports). A new finding with the place
	// of an old one of the same position replaces it where it is filed
	// (a bucket holds thousands at 100,000 positions: no shifting them).
	redo := map[int32][]Finding{}
	for i := range eval {
		if fs := c.evalRules(i); !c.sameLocal(i, fs) {
			redo[i] = slices.Clone(fs)
		}
	}
	type refiled struct {
		refs []ref
		done []bool // replaced in place already
	}
	refs := make(map[int32]refiled, len(redo))
	for i, fs := range redo {
		rf := refiled{make([]ref, len(fs)), make([]bool, len(fs))}
		for _, r := range c.local[i] {
			k := slices.IndexFunc(fs, func(f Finding) bool {
				return f.Severity == r.sev && f.Rule == r.rule && f.order == r.order && f.sub == r.sub
			})
			if k >= 0 && !rf.done[k] {
				rf.refs[k], rf.done[k] = c.replace(r, fs[k]), true
			} else {
				c.detach(r)
			}
		}
		refs[i] = rf
	}
	for i, fs := range redo {
		rf := refs[i]
		for k, f := range fs {
			if !rf.done[k] {
				rf.refs[k] = c.attach(f)
			}
		}
		c.local[i] = append(c.local[i][:0], rf.refs...)
	}
	for i := range eval {
		c.refreshContrib(i)
	}
	for _, i := range movedTops {
		c.eachBelow(i, func(j int32) {
			if !eval[j] {
				c.refreshContrib(j)
			}
		})
	}
	c.finishRecheck()
	// Only now may the nodes of removed positions serve new ones: the
	// findings taken out above still counted for them.
	c.free = append(c.free, gone...)
	return true
}

// removeNode takes a node whose position left the plan out of every list,
// count and finding it is in, and marks it dead.
func (c *Checker) removeNode(g int32) {
	o := c.o
	c.detachCov(g)
	c.detachPair(g)
	c.detachLocal(g)
	c.addContrib(&c.contrib[g], -1)
	o.headcount -= c.contrib[g].hc
	c.contrib[g] = contrib{}
	c.tops.remove(o, g)
	if m := o.parent[g]; m >= 0 {
		if k := slices.Index(o.kidList[m], g); k >= 0 {
			o.kidList[m] = slices.Delete(o.kidList[m], k, k+1)
		}
	}
	o.kidList[g] = nil
	if c.cv.custom != nil {
		delete(c.cv.custom, g)
	}
	if id := o.pos[g].ID; o.at[id] == g {
		delete(o.at, id)
	}
	o.parent[g] = -1
	o.span[g] = 0
	c.height[g] = 0
	c.dead[g] = true
	c.live--
}

// addNode makes a node for a new position: a removed position's node when
// one is free, else a new one. Its rank is set by the caller.
func (c *Checker) addNode(pos *orgchart.Position) int32 {
	o := c.o
	c.live++
	if n := len(c.free); n > 0 {
		i := c.free[n-1]
		c.free = c.free[:n-1]
		o.pos[i], o.role[i], o.rix[i], o.excluded[i] = pos, nil, -1, false
		o.parent[i], o.span[i], o.depth[i], o.top[i] = -1, 0, 0, i
		o.kidList[i], o.planRank[i], o.mark[i] = nil, c.next, false
		o.at[pos.ID] = i
		c.local[i] = c.local[i][:0]
		c.contrib[i], c.ncov[i], c.pair[i] = contrib{}, nodeCov{}, pairRef{}
		c.height[i], c.counts[i], c.dead[i] = 0, [3]int32{}, false
		return i
	}
	i := int32(len(o.pos))
	o.pos = append(o.pos, pos)
	o.role = append(o.role, nil)
	o.rix = append(o.rix, -1)
	o.excluded = append(o.excluded, false)
	o.parent = append(o.parent, -1)
	o.span = append(o.span, 0)
	o.depth = append(o.depth, 0)
	o.top = append(o.top, i)
	o.kidList = append(o.kidList, nil)
	o.planRank = append(o.planRank, c.next)
	o.mark = append(o.mark, false)
	o.at[pos.ID] = i
	c.local = append(c.local, nil)
	c.contrib = append(c.contrib, contrib{})
	c.ncov = append(c.ncov, nodeCov{})
	c.pair = append(c.pair, pairRef{})
	c.height = append(c.height, 0)
	c.counts = append(c.counts, [3]int32{})
	c.dead = append(c.dead, false)
	return i
}
