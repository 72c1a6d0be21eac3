package layout

import (
	"github.com/orgplanner/orgplanner/orgchart"
)

// Collecting a big chart is mostly looking up every position's reports;
// below the top few levels the subtrees are walked on several goroutines
// and then joined in plan order. Sizes are measured on one goroutine
// (Options.Measure need not be safe for concurrent use).

// walked is a part of the chart walked depth-first: per position, its
// depth, its manager (an index in the same list, -1 for the part's roots),
// its hidden count, and in the walk of the top levels the part that walks
// it (job, -1 for none).
type walked struct {
	pos    []*orgchart.Position
	depth  []int32
	parent []int32
	hidden []int32
	job    []int32
}

// part is a subtree below the top levels, walked on its own.
type part struct {
	pos   *orgchart.Position
	depth int
	at    int32 // its entry in the walk of the top levels
	w     walked
}

// walk lists root's shown subtree into w. With stop >= 0 a position at
// that depth is not walked into but listed as a new part of parts.
func (b *builder) walk(root *orgchart.Position, depth int, w *walked, stop int, parts *[]part) {
	type frame struct {
		pos    *orgchart.Position
		depth  int
		parent int32
	}
	stack := []frame{{root, depth, -1}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		i := int32(len(w.pos))
		w.pos = append(w.pos, f.pos)
		w.depth = append(w.depth, int32(f.depth))
		w.parent = append(w.parent, f.parent)
		w.hidden = append(w.hidden, 0)
		if parts != nil {
			w.job = append(w.job, -1)
			if f.depth == stop {
				w.job[i] = int32(len(*parts))
				*parts = append(*parts, part{pos: f.pos, depth: f.depth, at: i})
				continue
			}
		}
		reports := b.reports(f.pos)
		if len(reports) == 0 {
			continue
		}
		if b.opt.Collapsed[f.pos.ID] || (b.opt.Depth > 0 && f.depth >= b.opt.Depth) {
			w.hidden[i] = int32(b.countBelow(f.pos))
			continue
		}
		for k := len(reports) - 1; k >= 0; k-- {
			stack = append(stack, frame{reports[k], f.depth + 1, i})
		}
	}
}

// walkAll walks the chart from the roots into b.cards and b.parent and
// returns each card's number of shown reports.
func (b *builder) walkAll(roots []*orgchart.Position) []int32 {
	nkids := make([]int32, 0, cap(b.parent))
	emit := func(pos *orgchart.Position, depth, parent, hidden int32) int32 {
		i := int32(len(b.cards))
		sz := b.measure(pos)
		b.cards = append(b.cards, Card{Position: pos, W: sz.W, H: sz.H, Depth: int(depth), Hidden: int(hidden)})
		b.parent = append(b.parent, parent)
		nkids = append(nkids, 0)
		if parent >= 0 {
			nkids[parent]++
		}
		return i
	}
	nw := b.workersFor(len(b.p.Positions))
	stop := -1
	if nw > 1 {
		stop = b.splitDepth(roots, 16*nw)
	}
	var top walked
	var parts []part
	var ps *[]part
	if stop >= 0 {
		ps = &parts
	}
	for _, r := range roots {
		b.walk(r, 0, &top, stop, ps)
	}
	if len(parts) == 0 {
		for k := range top.pos {
			emit(top.pos[k], top.depth[k], top.parent[k], top.hidden[k])
		}
		return nkids
	}
	b.run(nw, len(parts), func(_ *builder, k int) {
		b.walk(parts[k].pos, parts[k].depth, &parts[k].w, -1, nil)
	})
	if b.opt.Measure != nil { // measured on one goroutine
		at := make([]int32, len(top.pos)) // card of each top-level entry
		for k := range top.pos {
			par := int32(-1)
			if top.parent[k] >= 0 {
				par = at[top.parent[k]]
			}
			j := top.job[k]
			if j < 0 {
				at[k] = emit(top.pos[k], top.depth[k], par, top.hidden[k])
				continue
			}
			w := &parts[j].w
			base := int32(len(b.cards))
			at[k] = base
			for e := range w.pos {
				p := par
				if w.parent[e] >= 0 {
					p = base + w.parent[e]
				}
				emit(w.pos[e], w.depth[e], p, w.hidden[e])
			}
		}
		return nkids
	}
	// Every card the default size: the top levels on this goroutine, then
	// each part's cards at the place the walk gives them, on several.
	at := make([]int32, len(top.pos)) // card of each top-level entry
	n := int32(0)
	for k := range top.pos {
		at[k] = n
		if j := top.job[k]; j >= 0 {
			n += int32(len(parts[j].w.pos))
		} else {
			n++
		}
	}
	b.cards, b.parent, nkids = b.cards[:n], b.parent[:n], nkids[:n]
	put := func(i int32, pos *orgchart.Position, depth, parent, hidden int32) {
		sz := DefaultSize(pos)
		b.cards[i] = Card{Position: pos, W: sz.W, H: sz.H, Depth: int(depth), Hidden: int(hidden)}
		b.parent[i] = parent
		nkids[i] = 0
	}
	for k := range top.pos {
		par := int32(-1)
		if top.parent[k] >= 0 {
			par = at[top.parent[k]]
		}
		if top.job[k] < 0 {
			put(at[k], top.pos[k], top.depth[k], par, top.hidden[k])
		} else {
			b.parent[at[k]] = par // the part's root, for the counts below
		}
	}
	b.run(nw, len(parts), func(_ *builder, j int) {
		w := &parts[j].w
		base := at[parts[j].at]
		for e := range w.pos {
			p := b.parent[base] // the part's root keeps its manager
			if w.parent[e] >= 0 {
				p = base + w.parent[e]
			}
			put(base+int32(e), w.pos[e], w.depth[e], p, w.hidden[e])
		}
	})
	for _, p := range b.parent {
		if p >= 0 {
			nkids[p]++
		}
	}
	return nkids
}

// splitDepth is the shallowest depth with at least want positions shown
// (at most 8), or -1 when the chart never gets that wide.
func (b *builder) splitDepth(roots []*orgchart.Position, want int) int {
	level := roots
	var next []*orgchart.Position
	for d := 0; d <= 8; d++ {
		if len(level) >= want {
			return d
		}
		next = next[:0]
		for _, pos := range level {
			if b.opt.Collapsed[pos.ID] || (b.opt.Depth > 0 && d >= b.opt.Depth) {
				continue
			}
			next = append(next, b.reports(pos)...)
		}
		if len(next) == 0 {
			return -1
		}
		level, next = next, level[:0:0]
	}
	return -1
}
