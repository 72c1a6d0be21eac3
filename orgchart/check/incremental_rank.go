package check

import (
	"math"

	"github.com/orgplanner/orgplanner/orgchart"
)

// rankGap is the distance between the plan ranks of neighbouring positions
// when ranks are given afresh, so that a position put back between two
// others (an undone move or removal) finds a rank between theirs.
const rankGap = 1 << 20

// placeAll gives plan ranks to the positions whose place in the plan may
// have changed: new ones and ones with a new manager (a move puts them
// last; an undone move or removal puts them back where they were), and
// ones named by more than one edit since the last Recheck (moved twice, a
// position can be back under its manager but elsewhere in the plan). Those at
// the end of the plan, with the pending positions among them, get ranks
// after every other; the others get ranks between their neighbours', found
// by one scan of the plan, unless their ranks already lie between. false
// when the plan does not hold them or two ranks leave no room between.
func (c *Checker) placeAll(changes []change, newParent func(*orgchart.Position) int32) (map[*orgchart.Position]int64, bool) {
	p := c.plan
	place := map[*orgchart.Position]bool{}
	for _, ch := range changes {
		if ch.isNew || newParent(ch.pos) != ch.oldParent || c.pending[ch.pos.ID] > 1 {
			place[ch.pos] = true
		}
	}
	rank := map[*orgchart.Position]int64{}
	n := len(p.Positions)
	for n > 0 && (place[p.Positions[n-1]] || c.pending[p.Positions[n-1].ID] > 0) {
		n--
	}
	tail := p.Positions[n:]
	inTail := make(map[*orgchart.Position]bool, len(tail))
	for _, pos := range tail {
		inTail[pos] = true
	}
	var mid []*orgchart.Position
	for pos := range place {
		if !inTail[pos] {
			mid = append(mid, pos)
		}
	}
	if len(mid) > 0 {
		idx := findIndexes(p.Positions[:n], mid)
		if len(idx) != len(mid) {
			return nil, false
		}
		for a := 0; a < len(idx); {
			b := a
			for b+1 < len(idx) && idx[b+1] == idx[b]+1 {
				b++
			}
			lo, hi := int64(math.MinInt64/2), c.next
			if idx[a] > 0 {
				r, ok := c.rankOf(p.Positions[idx[a]-1])
				if !ok {
					return nil, false
				}
				lo = r
			}
			if idx[b]+1 < n {
				r, ok := c.rankOf(p.Positions[idx[b]+1])
				if !ok {
					return nil, false
				}
				hi = r
			}
			run := p.Positions[idx[a] : idx[b]+1]
			if !c.ranksWithin(run, lo, hi) {
				step := (hi - lo) / int64(len(run)+1)
				if step < 1 {
					return nil, false
				}
				for k, pos := range run {
					rank[pos] = lo + step*int64(k+1)
				}
			}
			a = b + 1
		}
	}
	for _, pos := range tail {
		rank[pos] = c.next
		c.next += rankGap
	}
	return rank, true
}

// findIndexes returns the indexes in positions of the ones in want, in
// ascending order: one scan, comparing pointers.
func findIndexes(positions, want []*orgchart.Position) []int {
	idx := make([]int, 0, len(want))
	if len(want) <= 4 {
		var w [4]*orgchart.Position
		copy(w[:], want)
		for j, q := range positions {
			if q == w[0] || q == w[1] || q == w[2] || q == w[3] {
				if idx = append(idx, j); len(idx) == len(want) {
					break // all found
				}
			}
		}
		return idx
	}
	set := make(map[*orgchart.Position]bool, len(want))
	for _, q := range want {
		set[q] = true
	}
	for j, q := range positions {
		if set[q] {
			if idx = append(idx, j); len(idx) == len(want) {
				break
			}
		}
	}
	return idx
}

// rankOf is the rank of a position the checker knows.
func (c *Checker) rankOf(pos *orgchart.Position) (int64, bool) {
	i, ok := c.o.at[pos.ID]
	if !ok || c.o.pos[i] != pos {
		return 0, false
	}
	return c.o.planRank[i], true
}

// ranksWithin reports whether every position of run is known and their
// ranks rise strictly between lo and hi.
func (c *Checker) ranksWithin(run []*orgchart.Position, lo, hi int64) bool {
	last := lo
	for _, pos := range run {
		r, ok := c.rankOf(pos)
		if !ok || r <= last || r >= hi {
			return false
		}
		last = r
	}
	return true
}
