package layout

import (
	"slices"

	"github.com/orgplanner/orgplanner/orgchart"
)

// Collecting walks the plan's tree by number (orgchart.Tree): at 100,000
// positions, looking up each one's reports by its id was most of the cost.
// Sizes are measured in card order on one goroutine (Options.Measure need
// not be safe for concurrent use).

// collect lists the shown positions depth-first in plan order, with sizes,
// depths, their managers and hidden counts, and each card's reports.
func (b *builder) collect(t *orgchart.Tree, roots []int32) {
	roles := assistantRoles(b.p)
	var asst []bool
	if t.Order != nil && b.opt.Root == "" && b.opt.Depth <= 0 && len(b.opt.Collapsed) == 0 {
		asst = b.collectOrder(t, roles)
	} else {
		n := len(t.Pos)
		b.cards = make([]Card, 0, n)
		b.parent = make([]int32, 0, n)
		var nkids []int32
		nkids, asst = b.walkTree(t, roots, roles)
		// Children lists in card order, which is plan order among siblings.
		b.kid0 = make([]int32, len(b.cards)+1)
		for i, n := range nkids {
			b.kid0[i+1] = b.kid0[i] + n
		}
		b.kids = make([]int32, b.kid0[len(b.cards)])
		fill := nkids // no longer needed as counts
		copy(fill, b.kid0[:len(b.cards)])
		for i, par := range b.parent {
			if par >= 0 {
				b.kids[fill[par]] = int32(i)
				fill[par]++
			}
		}
	}
	if len(roles) > 0 {
		b.assistants = roles
		for i, par := range b.parent {
			if par >= 0 && asst[i] && b.kid0[i+1] == b.kid0[i] && b.cards[i].Hidden == 0 {
				if b.asideMgrs == nil {
					b.asideMgrs = map[*orgchart.Position]bool{}
				}
				b.asideMgrs[b.cards[par].Position] = true
			}
		}
	}
}

// collectOrder collects the whole chart, every position shown: then the
// cards are the tree's depth-first order, and each card can be written
// apart from the others, on several goroutines. Sizes are measured after,
// in card order on this goroutine, unless they are the default.
func (b *builder) collectOrder(t *orgchart.Tree, roles []string) (asst []bool) {
	n := len(t.Order)
	b.cards = make([]Card, n)
	ints := make([]int32, 3*n+1)
	b.parent, b.kid0, b.kids = ints[:n:n], ints[n:2*n+1:2*n+1], ints[2*n+1:]
	for i, num := range t.Order {
		b.kid0[i+1] = b.kid0[i] + t.Kid0[num+1] - t.Kid0[num]
	}
	flags := make([]uint8, n) // 1: has dotted lines, 2: an assistant's role
	const chunk = 4096
	b.run(b.workersFor(n), (n+chunk-1)/chunk, func(_ *builder, k int) {
		for i := k * chunk; i < min(n, (k+1)*chunk); i++ {
			num := t.Order[i]
			pos := t.Pos[num]
			sz := DefaultSize(pos)
			b.cards[i] = Card{Position: pos, W: sz.W, H: sz.H, Depth: int(t.Depth[num])}
			b.parent[i] = -1
			if p := t.Parent[num]; p >= 0 {
				b.parent[i] = t.At[p]
			}
			out := b.kids[b.kid0[i]:b.kid0[i+1]]
			for x, r := range t.Reports(num) {
				out[x] = t.At[r]
			}
			if len(pos.DottedTo) > 0 {
				flags[i] |= 1
			}
			if len(roles) > 0 && slices.Contains(roles, pos.Role) {
				flags[i] |= 2
			}
		}
	})
	if b.opt.Measure != nil {
		for i := range b.cards {
			sz := b.measure(b.cards[i].Position)
			b.cards[i].W, b.cards[i].H = sz.W, sz.H
		}
	}
	if len(roles) > 0 {
		asst = make([]bool, n)
	}
	for i, f := range flags {
		if f&1 != 0 {
			b.withDotted = append(b.withDotted, int32(i))
		}
		if f&2 != 0 {
			asst[i] = true
		}
	}
	return asst
}

// walkTree walks the tree from the roots into b.cards, b.parent and
// b.withDotted and returns each card's number of shown reports and whether
// its role is one of the assistants' roles. (Each position is read once,
// here: at 100,000 positions every read of one is a cache miss.)
func (b *builder) walkTree(t *orgchart.Tree, roots []int32, roles []string) (nkids []int32, asst []bool) {
	type frame struct{ num, depth, parent int32 }
	nkids = make([]int32, 0, cap(b.parent))
	if len(roles) > 0 {
		asst = make([]bool, 0, cap(b.parent))
	}
	stack := make([]frame, 0, 64)
	fold := len(b.opt.Collapsed) > 0 || b.opt.Depth > 0
	for _, r := range roots {
		stack = append(stack[:0], frame{r, 0, -1})
		for len(stack) > 0 {
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			pos := t.Pos[f.num]
			i := int32(len(b.cards))
			sz := b.measure(pos)
			b.cards = append(b.cards, Card{Position: pos, W: sz.W, H: sz.H, Depth: int(f.depth)})
			b.parent = append(b.parent, f.parent)
			nkids = append(nkids, 0)
			if f.parent >= 0 {
				nkids[f.parent]++
			}
			if len(pos.DottedTo) > 0 {
				b.withDotted = append(b.withDotted, i)
			}
			if asst != nil {
				asst = append(asst, slices.Contains(roles, pos.Role))
			}
			kids := t.Reports(f.num)
			if len(kids) == 0 {
				continue
			}
			if fold && (b.opt.Collapsed[pos.ID] || (b.opt.Depth > 0 && int(f.depth) >= b.opt.Depth)) {
				b.cards[i].Hidden = b.treeBelow(t, f.num)
				continue
			}
			for k := len(kids) - 1; k >= 0; k-- {
				if b.opt.Root != "" && t.Pos[kids[k]].ID == b.opt.Root {
					continue // a root inside a reporting cycle is not reached again
				}
				stack = append(stack, frame{kids[k], f.depth + 1, i})
			}
		}
	}
	return nkids, asst
}

// treeBelow counts the positions in position num's subtree other than it
// (countBelow, on the tree by number).
func (b *builder) treeBelow(t *orgchart.Tree, num int32) int {
	n := 0
	todo := []int32{num}
	for len(todo) > 0 {
		q := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, k := range t.Reports(q) {
			if b.opt.Root != "" && t.Pos[k].ID == b.opt.Root {
				continue
			}
			n++
			todo = append(todo, k)
		}
	}
	return n
}
