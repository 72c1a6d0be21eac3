package layout

// The dotted-line search's memory for the cells it looks at (dotted.go):
// a hash table of the states and cells reached, and the window's cards
// in buckets, so that whether a card covers a cell is one look at the few
// cards around it. Both cost what the search touches, not the size of its
// grid of cells.

// unseen marks a state (or a cell) the search has not reached.
const unseen int32 = -2

// dottedState is what the search knows of a state: the cost of reaching
// it and the state it was reached from (for a cell: 1 when a card covers it).
type dottedState struct {
	cost float32
	from int32
}

// stateTable maps states (non-negative int32s) to what the search knows of
// them, by open addressing: keys hold key+1, 0 for an empty slot.
type stateTable struct {
	keys  []int32
	vals  []dottedState
	n     int
	shift uint32
	// filled lists the slots taken while they are few, so that emptying a
	// big table after a small search (a tree route's searches are many and
	// small) costs what the search put in it.
	filled []int32
	// A small grid's states are an array instead, marked by a stamp of
	// the search that set them (no emptying at all).
	dense bool
	stamp []uint32
	gen   uint32
	dvals []dottedState
}

// denseCells is the most states a search keeps in an array.
const denseCells = 1 << 14

// resetFor empties the table for a search of n states at most.
func (t *stateTable) resetFor(n int) {
	if n > denseCells {
		t.dense = false
		t.reset()
		return
	}
	t.dense = true
	if t.stamp == nil {
		t.stamp, t.dvals = make([]uint32, denseCells), make([]dottedState, denseCells)
	}
	t.gen++
	if t.gen == 0 { // wrapped: old stamps could match
		clear(t.stamp)
		t.gen = 1
	}
}

// reset empties the table.
func (t *stateTable) reset() {
	switch {
	case len(t.keys) == 0 || len(t.keys) > 1<<16 && t.n < len(t.keys)/16:
		t.make(1 << 10)
		return
	case t.n <= cap(t.filled):
		for _, h := range t.filled {
			t.keys[h] = 0
		}
	default:
		clear(t.keys)
	}
	t.n, t.filled = 0, t.filled[:0]
}

func (t *stateTable) make(size int) {
	t.keys, t.vals, t.n = make([]int32, size), make([]dottedState, size), 0
	t.filled = make([]int32, 0, size/16)
	t.shift = 32
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
}

func (t *stateTable) slot(key int32) uint32 { return (uint32(key) * 2654435769) >> t.shift }

// at is key's entry, added (as unseen) when it has none. The pointer holds
// until the next key is added.
func (t *stateTable) at(key int32) *dottedState {
	if t.dense {
		if t.stamp[key] != t.gen {
			t.stamp[key], t.dvals[key] = t.gen, dottedState{0, unseen}
		}
		return &t.dvals[key]
	}
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := uint32(len(t.keys) - 1)
	for h := t.slot(key); ; h = (h + 1) & mask {
		switch t.keys[h] {
		case key + 1:
			return &t.vals[h]
		case 0:
			t.keys[h], t.vals[h] = key+1, dottedState{0, unseen}
			if t.n < cap(t.filled) {
				t.filled = append(t.filled, int32(h))
			}
			t.n++
			return &t.vals[h]
		}
	}
}

// get is key's entry, unseen when it has none.
func (t *stateTable) get(key int32) dottedState {
	if t.dense {
		if t.stamp[key] != t.gen {
			return dottedState{0, unseen}
		}
		return t.dvals[key]
	}
	mask := uint32(len(t.keys) - 1)
	for h := t.slot(key); ; h = (h + 1) & mask {
		switch t.keys[h] {
		case key + 1:
			return t.vals[h]
		case 0:
			return dottedState{0, unseen}
		}
	}
}

func (t *stateTable) grow() {
	keys, vals := t.keys, t.vals
	t.make(2 * len(keys))
	for k, key := range keys {
		if key != 0 {
			*t.at(key - 1) = vals[k]
		}
	}
}

// obstacle is a rectangle the search goes around: a card, or a
// subtree's box (see treeRoute).
type obstacle struct{ x0, y0, x1, y1 float32 }

// buckets holds the search window's obstacles in a uniform grid of
// buckets, each in every bucket its rectangle meets.
type buckets struct {
	x0, y0, bw, bh float32
	cols, rows     int
	start          []int32 // bucket c holds items[start[c]:start[c+1]]
	items, fill    []int32
}

func (q *buckets) build(obst []obstacle, wx0, wy0, wx1, wy1 float32) {
	q.x0, q.y0, q.bw, q.bh = wx0, wy0, CardW+HGap, CardH+VGap
	for { // about as many buckets as obstacles, whatever the window's shape
		q.cols, q.rows = int((wx1-wx0)/q.bw)+1, int((wy1-wy0)/q.bh)+1
		if q.cols*q.rows <= 2*len(obst)+16 {
			break
		}
		q.bw, q.bh = 2*q.bw, 2*q.bh
	}
	n := q.cols * q.rows
	q.start = resize(q.start, n+1)
	clear(q.start)
	for i := range obst {
		c0, r0, c1, r1 := q.span(&obst[i])
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				q.start[r*q.cols+c+1]++
			}
		}
	}
	for i := 1; i <= n; i++ {
		q.start[i] += q.start[i-1]
	}
	q.items = resize(q.items, int(q.start[n]))
	q.fill = append(q.fill[:0], q.start[:n]...)
	for i := range obst {
		c0, r0, c1, r1 := q.span(&obst[i])
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				q.items[q.fill[r*q.cols+c]] = int32(i)
				q.fill[r*q.cols+c]++
			}
		}
	}
}

// cell is the bucket column (row) of v along an axis from o in steps of size.
func bucketOf(v, o, size float32, n int) int {
	return min(max(int((v-o)/size), 0), n-1)
}

func (q *buckets) span(k *obstacle) (c0, r0, c1, r1 int) {
	return bucketOf(k.x0, q.x0, q.bw, q.cols), bucketOf(k.y0, q.y0, q.bh, q.rows),
		bucketOf(k.x1, q.x0, q.bw, q.cols), bucketOf(k.y1, q.y0, q.bh, q.rows)
}

// at lists the obstacles in the bucket of the point (x, y), among them
// every obstacle of the window that holds the point.
func (q *buckets) at(x, y float32) []int32 {
	c := bucketOf(y, q.y0, q.bh, q.rows)*q.cols + bucketOf(x, q.x0, q.bw, q.cols)
	return q.items[q.start[c]:q.start[c+1]]
}
