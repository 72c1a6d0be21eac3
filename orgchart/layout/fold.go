package layout

import (
	"math"
	"sort"
)

// Aspect is the shape the automatic fold aims for: a 16:9 slide.
const Aspect = 16.0 / 9.0

// mixLimit is the most cards for which folds are mixed between levels.
const mixLimit = 20_000

// estimate holds per-card subtree sizes for one choice of folds.
type estimate struct{ w, h []float32 }

// chooseFolds marks the owners: managers whose whole subtree is listed as
// indented columns under them, and how many columns (b.foldCols). Options.Fold > 0 folds every manager at that
// depth; -1 folds none; 0 picks the folds that let the chart fill a 16:9
// slide at the largest size (the smallest max(width/Aspect, height)): whole
// levels first, then the better mix of two neighbouring levels.
func (b *builder) chooseFolds() {
	n := len(b.cards)
	b.owner = make([]bool, n)
	b.inCol = make([]bool, n)
	switch {
	case b.opt.Fold > 0:
		b.foldLevel(b.opt.Fold)
		return
	case b.opt.Fold < 0 || n < 2:
		return
	}
	maxDepth := 0
	for i := range b.cards {
		maxDepth = max(maxDepth, b.cards[i].Depth)
	}
	e := estimate{w: make([]float32, n), h: make([]float32, n)}
	best, bestLevel := b.score(&e), -1
	if w, h := b.estimate(&e); w <= Aspect*h {
		return // already no wider than a slide
	}
	// Folding at maxDepth-1 or deeper changes nothing: those managers lead
	// only people who lead nobody. A folded subtree may be split into up to
	// four columns side by side (charts of up to 20,000 cards). Stop once
	// folding more stops helping.
	maxCols := 1
	if n <= mixLimit {
		maxCols = 4
	}
	bestCols := 1
	for level := maxDepth - 2; level >= max(0, maxDepth-9); level-- {
		b.foldLevel(level)
		levelBest := float32(math.Inf(1))
		for cols := 1; cols <= maxCols; cols++ {
			b.foldCols = cols
			s := b.score(&e)
			levelBest = min(levelBest, s)
			if s < best {
				best, bestLevel, bestCols = s, level, cols
			}
		}
		if levelBest > best {
			break
		}
	}
	b.foldCols = bestCols
	// Mix: fold some managers one level above the best level. Each try is
	// a pass over the chart; past 20,000 cards whole levels must do.
	if n > mixLimit {
		b.foldLevel(bestLevel)
		return
	}
	if bestLevel > 0 {
		if k, s := b.foldSome(bestLevel-1, bestLevel, &e); s < best {
			b.applyMix(bestLevel-1, bestLevel, k)
			return
		}
	}
	// Or fold only some managers at the best level, on top of the level below.
	if bestLevel >= 0 {
		if k, s := b.foldSome(bestLevel, bestLevel+1, &e); s < best {
			b.applyMix(bestLevel, bestLevel+1, k)
			return
		}
	}
	b.foldLevel(bestLevel)
}

func (b *builder) score(e *estimate) float32 {
	w, h := b.estimate(e)
	return max(w/Aspect, h)
}

// foldSome finds how many managers at depth level to fold, on top of every
// manager at depth below (= level+1), for the best score. Managers whose
// folded column is shortest go first, so the chart grows taller slowly.
func (b *builder) foldSome(level, below int, e *estimate) (int, float32) {
	b.foldLevel(level)
	b.estimate(e)
	b.mix = b.mix[:0]
	for i := range b.cards {
		if b.owner[i] {
			b.mix = append(b.mix, int32(i))
		}
	}
	heights := append([]float32(nil), e.h...)
	sort.SliceStable(b.mix, func(x, y int) bool { return heights[b.mix[x]] < heights[b.mix[y]] })
	// Width falls and height rises with k: find where width/Aspect meets height.
	k := sort.Search(len(b.mix)+1, func(k int) bool {
		b.applyMix(level, below, k)
		w, h := b.estimate(e)
		return w/Aspect <= h
	})
	bestK, best := k, float32(math.Inf(1))
	for _, kk := range []int{k - 1, k} {
		if kk < 0 || kk > len(b.mix) {
			continue
		}
		b.applyMix(level, below, kk)
		if s := b.score(e); s < best {
			bestK, best = kk, s
		}
	}
	return bestK, best
}

// applyMix folds every manager at depth below and the first k of b.mix.
func (b *builder) applyMix(level, below, k int) {
	for i := range b.cards {
		b.owner[i] = b.cards[i].Depth == below && !b.isLeaf(int32(i))
	}
	for _, c := range b.mix[:k] {
		b.owner[c] = true
	}
	b.markColumns()
}

// foldLevel makes every manager at the depth an owner (none for -1).
func (b *builder) foldLevel(depth int) {
	for i := range b.cards {
		b.owner[i] = b.cards[i].Depth == depth && !b.isLeaf(int32(i))
	}
	b.markColumns()
}

// markColumns marks the cards inside an owner's column; they own nothing.
func (b *builder) markColumns() {
	for i := range b.cards {
		p := b.parent[i]
		b.inCol[i] = p >= 0 && (b.inCol[p] || b.owner[p])
		if b.inCol[i] {
			b.owner[i] = false
		}
	}
}

// estimate sizes the chart for the current owners, bottom-up: a row of
// subtrees is as wide as their sum (the tidy packing can only do better),
// a column as tall as its cards.
func (b *builder) estimate(e *estimate) (float32, float32) {
	for i := len(b.cards) - 1; i >= 0; i-- { // reports come after managers
		c := &b.cards[i]
		kids := b.children(int32(i))
		switch {
		case len(kids) == 0:
			e.w[i], e.h[i] = c.W, c.H
		case b.inCol[i]: // an indented list
			w, h := c.W, c.H
			for _, k := range kids {
				w = max(w, StackIndent+e.w[k])
				h += StackRowGap + e.h[k]
			}
			e.w[i], e.h[i] = w, h
		default:
			rowW, rowH := float32(0), float32(0)
			var colW, colH float32
			leaves, hung := 0, 0
			for _, k := range kids {
				switch {
				case b.owner[i] && !b.isLeaf(k):
					hung++
					colW = max(colW, e.w[k])
					colH += e.h[k] + StackRowGap
				case b.owner[i] || (b.isLeaf(k) && b.stacks[i]):
					leaves++
					colW = max(colW, b.cards[k].W)
					colH += b.cards[k].H + StackRowGap
				default:
					rowW += e.w[k] + HGap
					rowH = max(rowH, e.h[k])
				}
			}
			if colH > 0 {
				if hung == 0 && leaves > StackColumns {
					colW, colH = 2*colW+StackMiddle, colH/2
				}
				if hung > 0 && b.foldCols > 1 {
					colW, colH = b.estimateColumns(kids, e)
				}
				rowW += StackIndent + colW + HGap
				rowH = max(rowH, colH)
			}
			e.w[i], e.h[i] = max(c.W, rowW-HGap), c.H+VGap+rowH
		}
	}
	w, h := float32(0), float32(0)
	for i := range b.cards {
		if b.parent[i] < 0 {
			w += e.w[i] + HGap
			h = max(h, e.h[i])
		}
	}
	return w - HGap, h
}

// estimateColumns sizes an owner's folded subtrees split into b.foldCols
// columns, as shapeFolded will place them (widths without the spine room of
// the first column, which the caller adds).
func (b *builder) estimateColumns(kids []int32, e *estimate) (float32, float32) {
	b.heights = b.heights[:0]
	for _, k := range kids {
		b.heights = append(b.heights, e.h[k])
	}
	cols := splitColumns(b.heights, b.foldCols)
	var w, h, colW, colH float32
	for i, k := range kids {
		if i > 0 && cols[i] != cols[i-1] {
			w += colW + HGap + StackIndent
			h = max(h, colH-StackRowGap)
			colW, colH = 0, 0
		}
		colW = max(colW, e.w[k])
		colH += e.h[k] + StackRowGap
	}
	return w + colW, max(h, colH-StackRowGap)
}

// splitColumns deals items of the given heights, in order, into at most cols
// columns of similar height: an item starts a new column when its middle
// would pass the even share.
func splitColumns(heights []float32, cols int) []int {
	out := make([]int, len(heights))
	if cols <= 1 {
		return out
	}
	total := float32(0)
	for _, h := range heights {
		total += h + StackRowGap
	}
	share := total / float32(cols)
	col, acc := 0, float32(0)
	for i, h := range heights {
		if acc > 0 && acc+h/2 > share && col < cols-1 {
			col, acc = col+1, 0
		}
		out[i] = col
		acc += h + StackRowGap
	}
	return out
}
