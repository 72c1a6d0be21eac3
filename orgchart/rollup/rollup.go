// Package rollup totals, for every position, what sits below it: headcount,
// vacancies and cost. Leaders read these per manager ("who runs how many people
// and how much money"); the inspector, check's summary and diff show them.
package rollup

import "github.com/orgplanner/orgplanner/orgchart"

// Totals is what one position's subtree holds, the position itself excluded.
type Totals struct {
	Positions int `json:"positions"` // positions below (a team counts once)
	Headcount int `json:"headcount"` // people below, team counts included
	Vacancies int `json:"vacancies"` // single-person positions below with no holder (as check's summary counts them)
	// Cost is the yearly cost below: each position's cost times its headcount.
	// Positions without a cost add nothing; Unpriced counts them.
	Cost     float64 `json:"cost"`
	Unpriced int     `json:"unpriced"` // positions below with no cost given
}

// add adds the totals of a subtree and its top position to t.
func (t *Totals) add(sub Totals, top *orgchart.Position) {
	t.Positions += sub.Positions + 1
	t.Headcount += sub.Headcount + top.Headcount()
	t.Vacancies += sub.Vacancies
	if top.Vacant() {
		t.Vacancies++
	}
	t.Cost += sub.Cost + top.Cost*float64(top.Headcount())
	t.Unpriced += sub.Unpriced
	if top.Cost == 0 {
		t.Unpriced++
	}
}

// Rollup holds the totals below every position of one plan, computed once.
// It does not follow later edits: compute a new one after changing the plan.
type Rollup struct {
	at    map[string]int32 // position id -> index in below
	below []Totals
	all   Totals
}

// Compute totals the plan in one pass, linear in the number of positions.
// Positions not reachable from a top position (only possible in an invalid
// plan with a reporting cycle) are left out.
func Compute(p *orgchart.Plan) *Rollup {
	order := make([]*orgchart.Position, 0, len(p.Positions))
	p.Walk(func(pos *orgchart.Position, _ int) bool {
		order = append(order, pos)
		return true
	})
	r := &Rollup{at: make(map[string]int32, len(order)), below: make([]Totals, len(order))}
	parent := make([]int32, len(order))
	for i, pos := range order {
		r.at[pos.ID] = int32(i)
		parent[i] = -1
		if pos.ReportsTo != "" {
			// Walk lists managers before their reports, so the manager's
			// index is already known when it is in the tree.
			if m, ok := r.at[pos.ReportsTo]; ok {
				parent[i] = m
			}
		}
	}
	// Going backwards every subtree is complete before it is added to its manager.
	for i := len(order) - 1; i >= 0; i-- {
		if m := parent[i]; m >= 0 {
			r.below[m].add(r.below[i], order[i])
		} else {
			r.all.add(r.below[i], order[i])
		}
	}
	return r
}

// Below returns the totals of everything below the position with the id;
// zero for an individual contributor or an unknown id.
func (r *Rollup) Below(id string) Totals {
	if i, ok := r.at[id]; ok {
		return r.below[i]
	}
	return Totals{}
}

// Plan returns the totals of the whole plan (every top position and all below).
func (r *Rollup) Plan() Totals { return r.all }

// Including returns the totals of the position's subtree with the position itself.
func (r *Rollup) Including(pos *orgchart.Position) Totals {
	var t Totals
	t.add(r.Below(pos.ID), pos)
	return t
}
