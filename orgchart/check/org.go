package check

import (
	"math"
	"slices"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// org is the plan in arrays indexed by plan order, built once per Run in
// linear time: parents, children, roles, spans and DFS entry/exit numbers,
// so "is a above b" is two comparisons.
type org struct {
	plan *orgchart.Plan
	cat  *catalog.Catalog
	pol  orgchart.Policy // with defaults filled in

	pos      []*orgchart.Position
	role     []*catalog.Role // nil when the catalog has no such role
	rix      []int16         // dense index of role[i] among the plan's distinct roles; -1 for nil
	roles    []*catalog.Role // the plan's distinct known roles, by dense index
	parent   []int32         // -1 for a top position
	kidStart []int32         // children of i are kids[kidStart[i]:kidStart[i+1]], in plan order
	kids     []int32
	span     []int32 // direct reports counted for span: team counts included, excluded roles left out
	enter    []int32 // DFS entry number; -1 when not reachable from a top (a cycle)
	exit     []int32 // largest entry number in the subtree
	depth    []int32 // 0 for a top position
	top      []int32 // the top position above (or equal to) i
	excluded []bool  // role left out of span counts

	headcount int
	intended  map[string]bool
	tops      []topInfo        // top positions in plan order, with their deepest chain
	at        map[string]int32 // position id -> plan index
	mark      []bool           // scratch for roots, all false between uses

	// Set by a Checker only (nil in Run): positions are then indexed by a
	// node number that never changes, children live in kidList, and rank
	// gives plan order (a larger rank is later in the plan).
	kidList  [][]int32
	planRank []int64
}

// ord is the sort key of a finding about position i: its place in the plan.
func (o *org) ord(i int) int {
	if o.planRank == nil {
		return i
	}
	return int(o.planRank[i])
}

func newOrg(p *orgchart.Plan, cat *catalog.Catalog) *org {
	n := len(p.Positions)
	// The eight int32 arrays share one allocation: fewer objects for the
	// garbage collector at every re-check.
	block := make([]int32, 8*n+1)
	next := func(size int) []int32 {
		s := block[:size:size]
		block = block[size:]
		return s
	}
	o := &org{
		plan:     p,
		cat:      cat,
		pol:      p.Policy.WithDefaults(),
		pos:      p.Positions,
		role:     make([]*catalog.Role, n),
		rix:      make([]int16, n),
		parent:   next(n),
		kidStart: next(n + 1),
		kids:     next(n),
		span:     next(n),
		enter:    next(n),
		exit:     next(n),
		depth:    next(n),
		top:      next(n),
		excluded: make([]bool, n),
		mark:     make([]bool, n),
	}
	o.intended = make(map[string]bool, len(o.pol.Intended))
	for _, id := range o.pol.Intended {
		o.intended[id] = true
	}
	at := make(map[string]int32, n)
	o.at = at
	// Neighbouring positions often share a role (a team's members): reuse the
	// last lookup rather than hashing the role id again.
	lastID, lastRole, lastRix, lastExcluded := "", (*catalog.Role)(nil), int16(-1), false
	dense := map[string]int16{} // role id -> dense index, -1 for a role not in the catalog
	for i, pos := range o.pos {
		at[pos.ID] = int32(i)
		if i == 0 || pos.Role != lastID {
			lastID = pos.Role
			k, ok := dense[pos.Role]
			if !ok {
				k = -1
				if r := catRole(cat, pos.Role); r != nil && len(o.roles) < math.MaxInt16 {
					k = int16(len(o.roles))
					o.roles = append(o.roles, r)
				}
				dense[pos.Role] = k
			}
			lastRix, lastRole = k, nil
			if k >= 0 {
				lastRole = o.roles[k]
			}
			lastExcluded = slices.Contains(o.pol.SpanExclude, pos.Role)
		}
		o.role[i], o.rix[i], o.excluded[i] = lastRole, lastRix, lastExcluded
		o.headcount += pos.Headcount()
	}
	// Parents, then children in CSR form (counts, prefix sums, fill).
	for i, pos := range o.pos {
		o.parent[i] = -1
		if pos.ReportsTo == "" {
			continue
		}
		if m, ok := at[pos.ReportsTo]; ok && int(m) != i {
			o.parent[i] = m
			o.kidStart[m+1]++
			if !o.excluded[i] {
				o.span[m] += int32(pos.Headcount())
			}
		}
	}
	for i := 0; i < n; i++ {
		o.kidStart[i+1] += o.kidStart[i]
	}
	fill := o.top // scratch until number() sets the tops
	copy(fill, o.kidStart[:n])
	for i := range o.pos {
		if m := o.parent[i]; m >= 0 {
			o.kids[fill[m]] = int32(i)
			fill[m]++
		}
	}
	o.number()
	return o
}

// catRole looks a role up in a catalog that may be nil.
func catRole(cat *catalog.Catalog, id string) *catalog.Role {
	if cat == nil {
		return nil
	}
	return cat.Role(id)
}

// topInfo is what layers.too-deep needs about the tree under a top position.
type topInfo struct {
	top     int32
	deepest int32 // the first position (in chart order) at the greatest depth
	below   int   // positions deeper than the allowed layers
}

// number gives every position reachable from a top its DFS entry and exit
// numbers, depth and top, without recursion (chains can be thousands deep).
func (o *org) number() {
	for i := range o.enter {
		o.enter[i], o.exit[i], o.depth[i], o.top[i] = -1, -1, -1, -1
	}
	next := int32(0)
	stack := make([]int32, 0, 64)
	allowed := int32(o.allowedLayers())
	for t := range o.pos {
		if o.parent[t] != -1 {
			continue
		}
		info := topInfo{top: int32(t), deepest: int32(t)}
		stack = append(stack[:0], int32(t))
		o.depth[t], o.top[t] = 0, int32(t)
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			if o.enter[i] == -1 { // first visit: number it, push its children
				o.enter[i] = next
				next++
				if o.depth[i] > o.depth[info.deepest] {
					info.deepest = i
				}
				if o.depth[i] >= allowed {
					info.below++
				}
				ks := o.children(int(i))
				for k := len(ks) - 1; k >= 0; k-- {
					c := ks[k]
					o.depth[c], o.top[c] = o.depth[i]+1, int32(t)
					stack = append(stack, c)
				}
				continue
			}
			o.exit[i] = next - 1 // second visit: its subtree is done
			stack = stack[:len(stack)-1]
		}
		o.tops = append(o.tops, info)
	}
}

func (o *org) children(i int) []int32 {
	if o.kidList != nil {
		return o.kidList[i]
	}
	return o.kids[o.kidStart[i]:o.kidStart[i+1]]
}

// above reports whether a is a (strict) ancestor of b.
func (o *org) above(a, b int32) bool {
	return o.enter[a] >= 0 && o.enter[b] > o.enter[a] && o.enter[b] <= o.exit[a]
}

// canonical is the role id of position i with synonyms folded (the catalog's
// sameAs): SRE Manager and Site Reliability Engineering Manager are one role.
func (o *org) canonical(i int32) string {
	if o.cat == nil {
		return o.pos[i].Role
	}
	return o.cat.Canonical(o.pos[i].Role)
}

// isManager reports whether the position has anyone reporting to it.
func (o *org) isManager(i int) bool {
	if o.kidList != nil {
		return len(o.kidList[i]) > 0
	}
	return o.kidStart[i+1] > o.kidStart[i]
}

// vacant reports whether a single-person position has nobody in it. A team
// position names no single holder, so it is never counted as a vacancy.
func (o *org) vacant(i int) bool { return o.pos[i].Vacant() }
