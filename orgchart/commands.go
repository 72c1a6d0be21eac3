package orgchart

import (
	"slices"

	"github.com/orgplanner/orgplanner/catalog"
)

// insertCmd puts a new position at index at of Positions.
type insertCmd struct {
	pos *Position
	at  int
}

func (c *insertCmd) do(p *Plan) {
	p.Positions = slices.Insert(p.Positions, c.at, c.pos)
	ix := p.indexed()
	// Appended last in plan order, it is its manager's last report.
	if ix == nil || c.at != len(p.Positions)-1 || ix.byID[c.pos.ID] != nil {
		p.Reindex()
		return
	}
	list, ok := ix.siblings(c.pos.ReportsTo)
	if !ok || !ix.insertSibling(c.pos.ReportsTo, c.pos, len(list)) {
		p.Reindex()
		return
	}
	ix.byID[c.pos.ID] = c.pos
	ix.noteDotted(c.pos)
}

func (c *insertCmd) touched() []string { return []string{c.pos.ID, c.pos.ReportsTo} }
func (c *insertCmd) settings() bool    { return false }

func (c *insertCmd) undo(p *Plan) {
	p.Positions = slices.Delete(p.Positions, c.at, c.at+1)
	ix := p.indexed()
	if ix == nil || ix.byID[c.pos.ID] != c.pos || ix.removeSibling(c.pos.ReportsTo, c.pos) < 0 {
		p.Reindex()
		return
	}
	delete(ix.byID, c.pos.ID)
}

// moveCmd changes a manager and makes the position the last in plan order,
// so it becomes its new manager's last report.
type moveCmd struct {
	pos      *Position
	from, to string
	at       int // index in Positions before the move
	sibAt    int // index among the old manager's reports before the move; -1 until known
}

func (c *moveCmd) do(p *Plan) {
	c.pos.ReportsTo = c.to
	p.Positions = append(slices.Delete(p.Positions, c.at, c.at+1), c.pos)
	ix := p.indexed()
	if ix == nil {
		return
	}
	c.sibAt = ix.removeSibling(c.from, c.pos)
	list, ok := ix.siblings(c.to)
	if c.sibAt < 0 || !ok || !ix.insertSibling(c.to, c.pos, len(list)) {
		p.Reindex()
	}
}

func (c *moveCmd) touched() []string { return []string{c.pos.ID, c.from, c.to} }
func (c *moveCmd) settings() bool    { return false }

func (c *moveCmd) undo(p *Plan) {
	c.pos.ReportsTo = c.from
	p.Positions = slices.Insert(p.Positions[:len(p.Positions)-1], c.at, c.pos)
	ix := p.indexed()
	if ix == nil {
		return
	}
	if ix.removeSibling(c.to, c.pos) < 0 || c.sibAt < 0 || !ix.insertSibling(c.from, c.pos, c.sibAt) {
		p.Reindex()
	}
}

// dottedChange is a position whose dotted lines lost removed positions.
type dottedChange struct {
	pos           *Position
	before, after []string
}

// removeCmd takes positions out of the plan, remembering where each was, the
// reports it lifted and the dotted lines it cut.
type removeCmd struct {
	removed []int         // indexes in Positions before the removal, ascending
	gone    []*Position   // the removed positions, parallel to removed
	lifted  []*Position   // reports moved to the removed position's manager
	from    string        // the removed position's id (LiftReports)
	to      string        // its manager's id (LiftReports)
	parent  string        // the removed position's manager's id (either mode)
	rootAt  int           // the removed position's place in gone
	sibAt   int           // its index among its manager's reports; -1 when the index was rebuilt
	lists   [][]*Position // the index's reports lists of gone, parallel to it
	dotted  []dottedChange

	// The policy loses intended arrangements of removed positions.
	policyCut                 bool
	policyBefore, policyAfter Policy
}

func newRemoveCmd(p *Plan, pos *Position, mode RemoveMode) *removeCmd {
	c := &removeCmd{parent: pos.ReportsTo}
	drop := map[*Position]bool{pos: true}
	if mode == RemoveSubtree {
		stack := []*Position{pos}
		for len(stack) > 0 {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, r := range p.Reports(top.ID) {
				if !drop[r] {
					drop[r] = true
					stack = append(stack, r)
				}
			}
		}
	} else {
		c.lifted = slices.Clone(p.Reports(pos.ID))
		c.from, c.to = pos.ID, pos.ReportsTo
	}
	ids := make(map[string]bool, len(drop))
	c.removed = indexesOf(p.Positions, drop)
	for _, i := range c.removed {
		q := p.Positions[i]
		if q == pos {
			c.rootAt = len(c.gone)
		}
		c.gone = append(c.gone, q)
		ids[q.ID] = true
	}
	// Positions with dotted lines to removed ones, in plan order of the
	// removed, through the index's reverse list rather than a pass over
	// every position.
	dotters := p.index().dotters(p)
	cutSeen := map[*Position]bool{}
	for _, g := range c.gone {
		for _, q := range dotters[g.ID] {
			if drop[q] || cutSeen[q] || p.Position(q.ID) != q || !slices.Contains(q.DottedTo, g.ID) {
				continue
			}
			cutSeen[q] = true
			var kept []string
			for _, d := range q.DottedTo {
				if !ids[d] {
					kept = append(kept, d)
				}
			}
			c.dotted = append(c.dotted, dottedChange{pos: q, before: q.DottedTo, after: kept})
		}
	}
	if slices.ContainsFunc(p.Policy.Intended, func(id string) bool { return ids[id] }) {
		c.policyCut = true
		c.policyBefore, c.policyAfter = p.Policy, p.Policy
		c.policyAfter.Intended = slices.DeleteFunc(slices.Clone(p.Policy.Intended), func(id string) bool { return ids[id] })
		if len(c.policyAfter.Intended) == 0 {
			c.policyAfter.Intended = nil
		}
	}
	return c
}

func (c *removeCmd) touched() []string {
	ids := make([]string, 0, len(c.gone)+1+len(c.lifted)+len(c.dotted))
	for _, q := range c.gone {
		ids = append(ids, q.ID)
	}
	ids = append(ids, c.parent)
	for _, r := range c.lifted {
		ids = append(ids, r.ID)
	}
	for _, d := range c.dotted {
		ids = append(ids, d.pos.ID)
	}
	return ids
}

func (c *removeCmd) settings() bool { return c.policyCut }

// indexesOf returns the indexes in positions of the ones in set, ascending:
// pointer comparisons alone for a few, a map lookup each for many.
func indexesOf(positions []*Position, set map[*Position]bool) []int {
	idx := make([]int, 0, len(set))
	if len(set) <= 4 {
		var w [4]*Position
		n := 0
		for q := range set {
			w[n] = q
			n++
		}
		for i, q := range positions {
			if q == w[0] || q == w[1] || q == w[2] || q == w[3] {
				if idx = append(idx, i); len(idx) == len(set) {
					break // all found
				}
			}
		}
		return idx
	}
	for i, q := range positions {
		if set[q] {
			if idx = append(idx, i); len(idx) == len(set) {
				break
			}
		}
	}
	return idx
}

func (c *removeCmd) do(p *Plan) {
	if c.policyCut {
		p.Policy = c.policyAfter
	}
	for _, r := range c.lifted {
		r.ReportsTo = c.to
	}
	for _, d := range c.dotted {
		d.pos.DottedTo = d.after
	}
	// Compact in place: the removed indexes are ascending.
	kept, next := 0, 0
	for i, q := range p.Positions {
		if next < len(c.removed) && c.removed[next] == i {
			next++
			continue
		}
		p.Positions[kept] = q
		kept++
	}
	clear(p.Positions[kept:])
	p.Positions = p.Positions[:kept]
	c.unindex(p)
}

// unindex takes a removed subtree out of a built index in place: its ids,
// its reports lists and its top from its manager's list (remembering where,
// for undo). Lifting reports reorders a manager's list by plan order: then
// the index is rebuilt.
func (c *removeCmd) unindex(p *Plan) {
	ix := p.indexed()
	c.sibAt = -1
	if ix == nil || len(c.lifted) > 0 || len(c.gone) == 0 {
		p.Reindex()
		return
	}
	root := c.gone[c.rootAt]
	if c.sibAt = ix.removeSibling(c.parent, root); c.sibAt < 0 {
		p.Reindex()
		return
	}
	c.lists = c.lists[:0]
	for _, q := range c.gone {
		if ix.byID[q.ID] != q {
			p.Reindex()
			return
		}
		delete(ix.byID, q.ID)
		if rs, ok := ix.reports[q.ID]; ok {
			c.lists = append(c.lists, rs)
			delete(ix.reports, q.ID)
		} else {
			c.lists = append(c.lists, nil)
		}
	}
}

func (c *removeCmd) undo(p *Plan) {
	// Open gaps in place, from the back.
	n := len(p.Positions)
	total := n + len(c.removed)
	p.Positions = slices.Grow(p.Positions, len(c.removed))[:total]
	src, next := n-1, len(c.removed)-1
	for i := total - 1; i >= 0 && next >= 0; i-- {
		if c.removed[next] == i {
			p.Positions[i] = c.gone[next]
			next--
			continue
		}
		p.Positions[i] = p.Positions[src]
		src--
	}
	for _, d := range c.dotted {
		d.pos.DottedTo = d.before
	}
	for _, r := range c.lifted {
		r.ReportsTo = c.from
	}
	if c.policyCut {
		p.Policy = c.policyBefore
	}
	c.reindex(p)
}

// reindex puts an undone removal back into a built index, from what
// unindex kept; otherwise the index is rebuilt.
func (c *removeCmd) reindex(p *Plan) {
	ix := p.indexed()
	if ix == nil || c.sibAt < 0 || len(c.lists) != len(c.gone) {
		p.Reindex()
		return
	}
	for _, q := range c.gone {
		if ix.byID[q.ID] != nil {
			p.Reindex()
			return
		}
	}
	if !ix.insertSibling(c.parent, c.gone[c.rootAt], c.sibAt) {
		p.Reindex()
		return
	}
	for k, q := range c.gone {
		ix.byID[q.ID] = q
		if c.lists[k] != nil {
			ix.reports[q.ID] = c.lists[k]
		}
		ix.noteDotted(q)
	}
	for _, d := range c.dotted {
		ix.noteDotted(d.pos)
	}
}

// updateCmd swaps a position's fields.
type updateCmd struct {
	pos           *Position
	before, after Position
}

// do and undo add the position's dotted lines to the index's reverse lists.
func (c *updateCmd) do(p *Plan)        { *c.pos = c.after; p.indexed().noteDotted(c.pos) }
func (c *updateCmd) undo(p *Plan)      { *c.pos = c.before; p.indexed().noteDotted(c.pos) }
func (c *updateCmd) touched() []string { return []string{c.pos.ID} }
func (c *updateCmd) settings() bool    { return false }

// planFields are the plan-level settings SetPlan changes.
type planFields struct {
	Name    string
	Scope   []catalog.Domain
	Policy  Policy
	Catalog string
	Header  string
}

func fieldsOf(p *Plan) planFields {
	return planFields{Name: p.Name, Scope: p.Scope, Policy: p.Policy, Catalog: p.Catalog, Header: p.Header}
}

func (f planFields) apply(p *Plan) {
	p.Name, p.Scope, p.Policy, p.Catalog, p.Header = f.Name, f.Scope, f.Policy, f.Catalog, f.Header
}

type setPlanCmd struct{ before, after planFields }

func (c *setPlanCmd) do(p *Plan)        { c.after.apply(p) }
func (c *setPlanCmd) undo(p *Plan)      { c.before.apply(p) }
func (c *setPlanCmd) touched() []string { return nil }
func (c *setPlanCmd) settings() bool    { return true }
