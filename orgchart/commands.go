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
	removed []int       // indexes in Positions before the removal, ascending
	gone    []*Position // the removed positions, parallel to removed
	lifted  []*Position // reports moved to the removed position's manager
	from    string      // the removed position's id (LiftReports)
	to      string      // its manager's id (LiftReports)
	parent  string      // the removed position's manager's id (either mode)
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
	for i, q := range p.Positions {
		if drop[q] {
			c.removed = append(c.removed, i)
			c.gone = append(c.gone, q)
			ids[q.ID] = true
		}
	}
	for _, q := range p.Positions {
		if drop[q] || len(q.DottedTo) == 0 {
			continue
		}
		var kept []string
		cut := false
		for _, d := range q.DottedTo {
			if ids[d] {
				cut = true
			} else {
				kept = append(kept, d)
			}
		}
		if cut {
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

func (c *removeCmd) do(p *Plan) {
	defer p.Reindex()
	if c.policyCut {
		p.Policy = c.policyAfter
	}
	for _, r := range c.lifted {
		r.ReportsTo = c.to
	}
	for _, d := range c.dotted {
		d.pos.DottedTo = d.after
	}
	kept := make([]*Position, 0, len(p.Positions)-len(c.removed))
	next := 0
	for i, q := range p.Positions {
		if next < len(c.removed) && c.removed[next] == i {
			next++
			continue
		}
		kept = append(kept, q)
	}
	p.Positions = kept
}

func (c *removeCmd) undo(p *Plan) {
	defer p.Reindex()
	all := make([]*Position, 0, len(p.Positions)+len(c.removed))
	rest, next := 0, 0
	for i := 0; i < len(p.Positions)+len(c.removed); i++ {
		if next < len(c.removed) && c.removed[next] == i {
			all = append(all, c.gone[next])
			next++
			continue
		}
		all = append(all, p.Positions[rest])
		rest++
	}
	p.Positions = all
	for _, d := range c.dotted {
		d.pos.DottedTo = d.before
	}
	for _, r := range c.lifted {
		r.ReportsTo = c.from
	}
	if c.policyCut {
		p.Policy = c.policyBefore
	}
}

// updateCmd swaps a position's fields.
type updateCmd struct {
	pos           *Position
	before, after Position
}

func (c *updateCmd) do(p *Plan)        { *c.pos = c.after }
func (c *updateCmd) undo(p *Plan)      { *c.pos = c.before }
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
