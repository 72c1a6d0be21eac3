package orgchart

import (
	"slices"
	"sync"
)

// index answers the tree questions (who reports to whom) in constant time.
// It is rebuilt lazily after any change to Positions, in one linear pass.
type index struct {
	byID    map[string]*Position
	reports map[string][]*Position // manager id -> direct reports in plan order
	tops    []*Position
	// dottedBy maps a position id to the positions with a dotted line to
	// it, built on first use (a removal) and only ever added to: check an
	// entry's DottedTo and its presence in the plan before trusting it.
	dottedBy map[string][]*Position
	// tree is the same tree by number (see Tree), built on first use and
	// dropped whenever the index is patched.
	treeMu sync.Mutex
	tree   *Tree
}

// Tree is the reporting tree with the positions numbered, for walks over a
// whole large plan that would otherwise look up each position's reports by
// its id (the layout of 100,000 positions hashes no strings): position i is
// Pos[i] (plan order), its direct reports are Kids[Kid0[i]:Kid0[i+1]] (plan
// order, as Reports gives them) and Tops are the top positions (as Tops). It
// belongs to the plan and holds until the plan changes: do not change it.
type Tree struct {
	Pos  []*Position
	Kid0 []int32
	Kids []int32
	Tops []int32
	// Order is the depth-first order from the tops (Walk's: managers
	// before their reports, reports in plan order), At each position's
	// place in it (-1: not reached, in a reporting cycle), Parent and Depth
	// each reached position's manager (-1 for a top) and its depth below
	// its top. Order is nil when the walk reaches a position twice (a plan
	// made in code with a repeated id).
	Order, At, Parent, Depth []int32
}

// Reports returns the numbers of position i's direct reports.
func (t *Tree) Reports(i int32) []int32 { return t.Kids[t.Kid0[i]:t.Kid0[i+1]] }

// Number returns pos's number, or -1 when it is not in the tree (a linear
// search: for a root, not for every position).
func (t *Tree) Number(pos *Position) int32 {
	for i := len(t.Pos) - 1; i >= 0; i-- { // the last, as the index keeps the last of an id
		if t.Pos[i] == pos {
			return int32(i)
		}
	}
	return -1
}

// Tree returns the plan's reporting tree by number. It is built on first use
// after a change (one pass over the index) and is safe to ask for from
// several goroutines.
func (p *Plan) Tree() *Tree {
	ix := p.index()
	ix.treeMu.Lock()
	defer ix.treeMu.Unlock()
	if ix.tree == nil || len(ix.tree.Pos) != len(p.Positions) {
		ix.tree = ix.buildTree(p.Positions)
	}
	return ix.tree
}

// buildTree numbers the positions and lists each one's reports as the index
// does, so that walking the tree visits what walking Reports would.
func (ix *index) buildTree(positions []*Position) *Tree {
	n := len(positions)
	num := make(map[*Position]int32, n)
	for i, pos := range positions {
		num[pos] = int32(i)
	}
	t := &Tree{Pos: slices.Clone(positions), Kid0: make([]int32, n+1), Kids: make([]int32, 0, n)}
	for i, pos := range positions {
		t.Kid0[i] = int32(len(t.Kids))
		for _, r := range ix.reports[pos.ID] {
			t.Kids = append(t.Kids, num[r])
		}
	}
	t.Kid0[n] = int32(len(t.Kids))
	t.Tops = make([]int32, len(ix.tops))
	for k, pos := range ix.tops {
		t.Tops[k] = num[pos]
	}
	t.order()
	return t
}

// order walks the tree depth-first from the tops into Order, At, Parent
// and Depth.
func (t *Tree) order() {
	n := len(t.Pos)
	t.Order = make([]int32, 0, n)
	ints := make([]int32, 3*n)
	t.At, t.Parent, t.Depth = ints[:n:n], ints[n:2*n:2*n], ints[2*n:]
	for i := range t.At {
		t.At[i] = -1
	}
	type frame struct{ num, parent, depth int32 }
	stack := make([]frame, 0, 64)
	for k := len(t.Tops) - 1; k >= 0; k-- {
		stack = append(stack, frame{t.Tops[k], -1, 0})
	}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if t.At[f.num] >= 0 || len(t.Order) == n { // reached twice
			t.Order, t.At, t.Parent, t.Depth = nil, nil, nil, nil
			return
		}
		t.At[f.num] = int32(len(t.Order))
		t.Order = append(t.Order, f.num)
		t.Parent[f.num], t.Depth[f.num] = f.parent, f.depth
		kids := t.Reports(f.num)
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, frame{kids[k], f.num, f.depth + 1})
		}
	}
}

// dropTree forgets the tree by number after a patch of the index.
func (ix *index) dropTree() {
	ix.treeMu.Lock()
	ix.tree = nil
	ix.treeMu.Unlock()
}

// Reindex drops the index; the next lookup rebuilds it. Call it after changing
// Positions or a ReportsTo directly (the editing operations do it for you).
func (p *Plan) Reindex() { p.idx = nil }

func (p *Plan) index() *index {
	if p.idx == nil {
		p.idx = buildIndex(p.Positions)
	}
	return p.idx
}

// buildIndex indexes positions in one linear pass.
func buildIndex(positions []*Position) *index {
	ix := &index{
		byID:    make(map[string]*Position, len(positions)),
		reports: make(map[string][]*Position),
	}
	for _, pos := range positions {
		ix.byID[pos.ID] = pos
	}
	for _, pos := range positions {
		if pos.ReportsTo == "" || ix.byID[pos.ReportsTo] == nil {
			ix.tops = append(ix.tops, pos)
			continue
		}
		ix.reports[pos.ReportsTo] = append(ix.reports[pos.ReportsTo], pos)
	}
	return ix
}

// Position returns the position with the id, or nil.
func (p *Plan) Position(id string) *Position { return p.index().byID[id] }

// Reports returns the direct reports of the position with the id, in plan order.
// The slice belongs to the plan: do not change it.
func (p *Plan) Reports(id string) []*Position { return p.index().reports[id] }

// Tops returns the positions that report to nobody, in plan order.
func (p *Plan) Tops() []*Position { return p.index().tops }

// Manager returns the position pos reports to, or nil for a top position.
func (p *Plan) Manager(pos *Position) *Position {
	if pos.ReportsTo == "" {
		return nil
	}
	return p.index().byID[pos.ReportsTo]
}

// Walk visits every position depth-first, managers before their reports and
// reports in plan order, with the depth below its top position (tops are 0).
// It stops early when visit returns false.
func (p *Plan) Walk(visit func(pos *Position, depth int) bool) { p.index().walk(visit) }

func (ix *index) walk(visit func(pos *Position, depth int) bool) {
	type frame struct {
		pos   *Position
		depth int
	}
	stack := make([]frame, 0, 64)
	for i := len(ix.tops) - 1; i >= 0; i-- {
		stack = append(stack, frame{ix.tops[i], 0})
	}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(f.pos, f.depth) {
			return
		}
		rs := ix.reports[f.pos.ID]
		for i := len(rs) - 1; i >= 0; i-- {
			stack = append(stack, frame{rs[i], f.depth + 1})
		}
	}
}

// The editing commands keep a built index up to date in place rather than
// dropping it, so an edit on a large plan costs no rebuild. Slices handed out
// by Reports and Tops are never changed in place: a patched list is a new slice.

// indexed returns the index when it is built, else nil (nothing to patch).
func (p *Plan) indexed() *index { return p.idx }

// siblings returns the list pos belongs in: its manager's reports, or the
// tops. ok is false when the manager is not in the index (then rebuild).
func (ix *index) siblings(managerID string) (list []*Position, ok bool) {
	if managerID == "" {
		return ix.tops, true
	}
	if ix.byID[managerID] == nil {
		return nil, false
	}
	return ix.reports[managerID], true
}

func (ix *index) setSiblings(managerID string, list []*Position) {
	ix.dropTree()
	if managerID == "" {
		ix.tops = list
		return
	}
	if len(list) == 0 {
		delete(ix.reports, managerID)
		return
	}
	ix.reports[managerID] = list
}

// insertSibling puts pos at index at of its manager's list (a new slice).
func (ix *index) insertSibling(managerID string, pos *Position, at int) bool {
	list, ok := ix.siblings(managerID)
	if !ok || at < 0 || at > len(list) {
		return false
	}
	next := make([]*Position, 0, len(list)+1)
	next = append(append(append(next, list[:at]...), pos), list[at:]...)
	ix.setSiblings(managerID, next)
	return true
}

// removeSibling takes pos out of its manager's list (a new slice) and
// returns where it was, or -1.
func (ix *index) removeSibling(managerID string, pos *Position) int {
	list, ok := ix.siblings(managerID)
	if !ok {
		return -1
	}
	at := -1
	for i, q := range list {
		if q == pos {
			at = i
			break
		}
	}
	if at < 0 {
		return -1
	}
	next := make([]*Position, 0, len(list)-1)
	next = append(append(next, list[:at]...), list[at+1:]...)
	ix.setSiblings(managerID, next)
	return at
}

// dotters returns the reverse dotted lines (see index.dottedBy).
func (ix *index) dotters(p *Plan) map[string][]*Position {
	if ix.dottedBy == nil {
		ix.dottedBy = map[string][]*Position{}
		for _, q := range p.Positions {
			ix.noteDotted(q)
		}
	}
	return ix.dottedBy
}

// noteDotted records q's dotted lines in the reverse lists, once each,
// when they are built.
func (ix *index) noteDotted(q *Position) {
	if ix == nil || ix.dottedBy == nil {
		return
	}
	for _, d := range q.DottedTo {
		if !slices.Contains(ix.dottedBy[d], q) {
			ix.dottedBy[d] = append(ix.dottedBy[d], q)
		}
	}
}
