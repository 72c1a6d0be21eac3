package layout

import "slices"

// Columns of hung reports chosen by dynamic programming: the reports, in
// plan order, are cut into runs, each run one column whose
// reports are all fitted to one width, so that the columns together are
// as narrow as they can be while none is taller than the height asked
// for. A greedy fill (each column filled down to the height before the
// next starts) leaves the bottoms of the columns uneven; this evens them
// out, each column taking the narrowest layouts of its reports that still
// fit.

// flowDPMax is the most reports whose columns flowDP chooses; past it
// columns are filled in turn to the height.
const flowDPMax = 24

// flowWidths is the most column widths flowDP tries per manager.
const flowWidths = 40

// flowTable is, for the reports of one manager, each report's box at
// each of the column widths tried: built once per manager, used for every height the manager is fitted to.
type flowTable struct {
	m    int32
	n    int
	ws   []float32 // the widths tried, narrowest first
	ci   []int32   // [u*n+i]: report i's candidate at width ws[u]
	w, h []float32 // its box
	pre  []float32 // [u*(n+1)+i]: sum of h+StackRowGap of reports before i
}

// flowTableFor returns the table of b.items as manager m's reports.
func (b *builder) flowTableFor(m int32) *flowTable {
	t := &b.flow.table
	// Kept only while arrange lists m's candidates: anywhere else (write,
	// an Engine's kept arrangement) the reports may have changed since.
	if b.flow.valid && b.flow.arranging == m+1 && t.m == m && t.n == len(b.items) {
		return t
	}
	b.flow.valid = b.flow.arranging == m+1
	t.m, t.n = m, len(b.items)
	ws := t.ws[:0]
	for _, it := range b.items {
		if b.isPinned(it.card) || b.isStuck(it.card) {
			ws = append(ws, it.w)
			continue
		}
		for _, cd := range b.cands(it.card) {
			ws = append(ws, cd.w)
		}
	}
	slices.Sort(ws)
	ws = slices.Compact(ws)
	if len(ws) > flowWidths {
		for i := 0; i < flowWidths; i++ {
			ws[i] = ws[i*(len(ws)-1)/(flowWidths-1)]
		}
		ws = ws[:flowWidths]
	}
	t.ws = ws
	n := len(b.items)
	t.ci, t.w, t.h = grow(t.ci, len(ws)*n), growF(t.w, len(ws)*n), growF(t.h, len(ws)*n)
	t.pre = growF(t.pre, len(ws)*(n+1))
	// Each report's candidate at each width: the widest no wider (byWidth),
	// found walking its candidates as the widths grow.
	for i, it := range b.items {
		fixed := b.isPinned(it.card) || b.isStuck(it.card)
		var cs []cand
		if !fixed { // (a pinned report's list may be stale in an Engine)
			cs = b.cands(it.card)
		}
		ci := int32(0)
		for u, w := range ws {
			if fixed {
				ci = b.byWidth(it.card, w)
			} else {
				for int(ci)+1 < len(cs) && cs[ci+1].w <= w {
					ci++
				}
			}
			bw, bh, _ := b.boxOf(it.card, b.cand(it.card, ci))
			t.ci[u*n+i], t.w[u*n+i], t.h[u*n+i] = ci, bw, bh
		}
	}
	for u := range ws {
		acc := float32(0)
		for i := range n {
			t.pre[u*(n+1)+i] = acc
			acc += t.h[u*n+i] + StackRowGap
		}
		t.pre[u*(n+1)+n] = acc
	}
	return t
}

// flowScratch is flowDP's working memory: the table of the last manager
// and its DP arrays.
type flowScratch struct {
	table     flowTable
	valid     bool
	arranging int32 // 1 + the manager arrange is listing, 0 outside it
	best      []float32
	from, wat []int32
}

// flowDP splits b.items, in order, into the columns of least total width
// no taller than fit (see above). It sets b.starts and b.items; false when
// the reports cannot fit (then nothing is changed).
func (b *builder) flowDP(m int32, fit float32) bool {
	t := b.flowTableFor(m)
	n, nu := t.n, len(t.ws)
	f := &b.flow
	f.best, f.from, f.wat = growF(f.best, n+1), grow(f.from, n+1), grow(f.wat, n+1)
	best, from, wat := f.best, f.from, f.wat
	for j := range best {
		best[j] = inf
	}
	best[0] = 0
	for i := 0; i < n; i++ {
		if best[i] == inf {
			continue
		}
		u, w := 0, float32(0)
		for j := i + 1; j <= n; j++ {
			// The narrowest width at which reports i..j-1 fit in one
			// column only grows with j.
			was := u
			for u < nu && t.pre[u*(n+1)+j]-t.pre[u*(n+1)+i]-StackRowGap > fit {
				u++
			}
			if u == nu {
				break
			}
			if u != was {
				w = 0
				for k := i; k < j-1; k++ {
					w = max(w, t.w[u*n+k])
				}
			}
			w = max(w, t.w[u*n+j-1])
			if c := best[i] + StackIndent + w + ColumnGap; c < best[j] {
				best[j], from[j], wat[j] = c, int32(i), int32(u)
			}
		}
	}
	if best[n] == inf {
		return false
	}
	b.starts = b.starts[:0]
	for j := n; j > 0; j = int(from[j]) {
		u := int(wat[j])
		b.starts = append(b.starts, int(from[j]))
		for i := int(from[j]); i < j; i++ {
			it := &b.items[i]
			if ci := t.ci[u*n+i]; ci != it.cand {
				*it = b.boxItem(it.card, ci)
			}
		}
	}
	slices.Reverse(b.starts)
	return true
}

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func growF(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}
