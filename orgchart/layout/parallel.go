package layout

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Arranging a subtree needs only its own cards, so the chart is cut into
// pieces of whole subtrees that goroutines arrange at the same time, and
// the few managers above the pieces are arranged after them. The result is
// the serial one exactly: every subtree's candidates are the same whoever
// lists them, and they are gathered in card order.

// pieceCands is the room for candidates per card that each piece of the
// chart is given in the arena (real-shaped charts list 1.4 per card,
// random trees 2.7).
const pieceCands = 3

// arenaSlack is the room past pieceCands per card made ready for the
// managers above the pieces.
const arenaSlack = 1 << 14

// minParallel is the fewest cards worth more than one goroutine.
const minParallel = 4096

// piece is a run of whole sibling subtrees: cards [lo, hi).
type piece struct{ lo, hi int32 }

// workers is how many goroutines arrange the chart.
func (b *builder) workers() int {
	if !b.dfs {
		return 1
	}
	return b.workersFor(len(b.cards))
}

// workersFor is how many goroutines share work over n cards.
func (b *builder) workersFor(n int) int {
	if n < minParallel {
		return 1
	}
	if b.opt.workers > 0 {
		return b.opt.workers
	}
	return min(runtime.GOMAXPROCS(0), 8)
}

// pieces cuts the chart into runs of sibling subtrees of about limit
// cards; upper lists, in card order, the cards above them.
func (b *builder) pieces(limit int32) (ps []piece, upper []int32) {
	var split func(lo, hi int32) // the sibling subtrees in [lo, hi)
	split = func(lo, hi int32) {
		start := int32(-1)
		flush := func(end int32) {
			if start >= 0 {
				ps = append(ps, piece{start, end})
				start = -1
			}
		}
		for i := lo; i < hi; i += b.size[i] {
			if b.size[i] > limit {
				flush(i)
				upper = append(upper, i)
				split(i+1, i+b.size[i])
				continue
			}
			if start < 0 {
				start = i
			} else if i+b.size[i]-start > limit {
				flush(i)
				start = i
			}
		}
		flush(hi)
	}
	split(0, int32(len(b.cards)))
	return ps, upper
}

// worker is a copy of the builder with scratch memory of its own (the
// arranging goroutines give it an arena of its own too).
func (b *builder) worker() *builder {
	w := *b
	w.scratch = &scratch{gridOf: -1, asideFor: -1}
	return &w
}

// arrangeParallel lists every subtree's candidates, reports before
// managers.
func (b *builder) arrangeParallel() {
	nw := b.workers()
	if nw <= 1 {
		for i := len(b.cards) - 1; i >= 0; i-- {
			b.arrange(int32(i))
		}
		return
	}
	ps, upper := b.pieces(int32(len(b.cards)/(8*nw)) + 1)
	// Each piece lists its candidates into its own share of one arena,
	// pieceCands per card, and the shares are then closed up in card order
	// in place: one allocation, no copy. A piece that lists more than its
	// share gets an array of its own, and the arena is made again.
	base := len(b.arena)
	need := base + pieceCands*len(b.cards) + b.tune.cands*len(upper) + 64
	if b.arenaNext != nil {
		if a := <-b.arenaNext; base == 0 && cap(a) >= need {
			b.arena = a
		}
		b.arenaNext = nil
	}
	if cap(b.arena) < need {
		b.arena = append(make([]cand, 0, need), b.arena...)
	}
	buf := b.arena[:cap(b.arena)]
	type out struct {
		arena []cand
		teams map[teamKey]teamCands
	}
	outs := make([]out, len(ps))
	b.run(nw, len(ps), func(w *builder, k int) {
		p := ps[k]
		lo, hi := base+pieceCands*int(p.lo), base+pieceCands*int(p.hi)
		w.arena = buf[lo:lo:hi]
		w.teams = nil
		for i := p.hi - 1; i >= p.lo; i-- {
			w.arrange(i)
		}
		outs[k] = out{w.arena, w.teams}
	})
	// Gather the pieces' candidates in card order.
	for k, p := range ps {
		if len(outs[k].arena) > pieceCands*int(p.hi-p.lo) {
			total := base
			for k := range outs {
				total += len(outs[k].arena)
			}
			b.arena = append(make([]cand, 0, total+b.tune.cands*len(upper)+64), b.arena[:base]...)
			break
		}
	}
	b.arena = b.arena[:base]
	for k, p := range ps {
		off := int32(len(b.arena))
		b.arena = append(b.arena, outs[k].arena...) // (in place: never past the share it comes from)
		for i := p.lo; i < p.hi; i++ {
			b.c0[i] += off
		}
		for key, at := range outs[k].teams {
			if _, ok := b.teams[key]; !ok {
				if b.teams == nil {
					b.teams = map[teamKey]teamCands{}
				}
				b.teams[key] = teamCands{at.c0 + off, at.cn}
			}
		}
	}
	for k := len(upper) - 1; k >= 0; k-- {
		b.arrange(upper[k])
	}
}

// applyParallel writes every subtree's chosen arrangement, managers
// before their reports.
func (b *builder) applyParallel() { b.topDown(func(w *builder, i int32) { w.write(i) }) }

// topDown calls do for every card, managers before their reports: with
// several workers, the cards above the pieces first, then the pieces at
// the same time, each card with the worker that has its piece.
func (b *builder) topDown(do func(w *builder, i int32)) {
	nw := b.workers()
	if nw <= 1 {
		for i := range b.cards {
			do(b, int32(i))
		}
		return
	}
	ps, upper := b.pieces(int32(len(b.cards)/(8*nw)) + 1)
	for _, i := range upper {
		do(b, i)
	}
	b.run(nw, len(ps), func(w *builder, k int) {
		for i := ps[k].lo; i < ps[k].hi; i++ {
			do(w, i)
		}
	})
}

// run calls do for jobs 0..n-1 on nw goroutines, each with its own worker.
func (b *builder) run(nw, n int, do func(w *builder, k int)) {
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(nw, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := b.worker()
			for {
				k := int(next.Add(1)) - 1
				if k >= n {
					return
				}
				do(w, k)
			}
		}()
	}
	wg.Wait()
}
