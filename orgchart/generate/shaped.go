package generate

import (
	"math"
	"math/rand/v2"

	"github.com/orgplanner/orgplanner/orgchart"
)

// The shape of a real 1,516-person HR export (measured): ten layers, 491
// managers of whom 343 lead only individual contributors, and spans of
// 1 (121 managers), 2 (179), 3 (58), 4 (67) and 9 (66). Real organisations
// are deep and narrow far more often than spans of 4-8 suggest.
const (
	RealSize   = 1516 // positions in the measured organisation
	RealLayers = 10
	// realManagers and realLeadICs are the measured ratios: managers per
	// position, and managers who lead only individual contributors per manager.
	realManagers = 491.0 / 1516.0
	realLeadICs  = 343.0 / 491.0
)

// realSpans and realSpanCounts are the measured span distribution.
var (
	realSpans      = []int{1, 2, 3, 4, 9}
	realSpanCounts = []int{121, 179, 58, 67, 66}
)

// upperProfile weighs how many managers of managers sit at depths 1-7 (the
// top executive is depth 0): few near the top, most in the middle layers.
var upperProfile = []float64{3, 7, 13, 20, 24, 20, 12}

// Shaped returns a plan of n positions shaped like the measured real
// organisation: ten layers (for n of a few hundred and more), about a third
// of positions managers, 70% of managers leading only individual
// contributors, spans of 1-9 drawn from the measured distribution, reports
// in a mixed order (managers and individual contributors interleaved, as an
// export sorted by name gives them). The same n and seed give the same plan.
// RealSize gives the measured organisation's size; 10,000 and 100,000 keep
// the shape (wider layers, same depth).
func Shaped(n int, seed int64) *orgchart.Plan {
	p := orgchart.NewPlan("Real-shaped organisation")
	if n <= 0 {
		return p
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x51ed27))
	g := &gen{rng: rng, slab: make([]orgchart.Position, n)}
	t := shapeTree(n, rng)
	p.Positions = make([]*orgchart.Position, 0, n)
	ids := make([]string, len(t.parent))
	for i := range ids {
		ids[i] = g.uuid()
	}
	branchOf := make([]int8, len(t.parent))
	stack := []int32{0}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		pos := &g.slab[g.next]
		g.next++
		pos.ID = ids[v]
		par := t.parent[v]
		if par >= 0 {
			pos.ReportsTo = ids[par]
			branchOf[v] = branchOf[par]
			if t.depth[v] == 1 {
				branchOf[v] = int8(pickBranch(int(t.rank[v]), rng))
			}
		}
		g.dress(pos, t, v, branchOf[v], ids)
		p.Positions = append(p.Positions, pos)
		kids := t.kids[v]
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, kids[k])
		}
	}
	p.Reindex()
	return p
}

// shape is a tree of positions by index: 0 is the top.
type shape struct {
	parent []int32
	depth  []int8
	rank   []int32 // index among its siblings
	kids   [][]int32
	upper  []bool // leads at least one manager
}

// dress gives a position its role, holder, cost and the odd vacancy, team
// or dotted line, by its place in the tree.
func (g *gen) dress(pos *orgchart.Position, t *shape, v int32, br int8, ids []string) {
	b := &branches[br]
	tm := &b.teams[int(v)%len(b.teams)]
	level := 0
	switch {
	case v == 0:
		pos.Role = TopRole
	case len(t.kids[v]) == 0:
		if par := t.parent[v]; len(t.kids[par]) > 0 {
			tm = &b.teams[int(par)%len(b.teams)]
		}
		pos.Role, level = tm.ics[pick(tm.weights, g.rng)], 5
	case !t.upper[v]:
		pos.Role, level = tm.manager, 4
	case t.depth[v] == 1:
		pos.Role, level = b.head, 1
	case t.depth[v] == 2:
		pos.Role, level = b.director, 2
	default:
		pos.Role, level = b.middle, 3
	}
	g.staff(pos, level, v > 0)
	if level == 4 && g.rng.IntN(100) < 3 {
		if other := g.rng.IntN(len(ids)); other != int(v) && len(t.kids[other]) > 0 {
			pos.DottedTo = []string{ids[other]}
		}
	}
	pos.Cost = math.Round(baseCost[level]*(0.9+0.2*g.rng.Float64())/1000) * 1000
}

// shapeTree builds the tree: managers of managers by depth (upperProfile),
// managers who lead only individual contributors hung under them, spans
// drawn from the measured distribution, then individual contributors.
func shapeTree(n int, rng *rand.Rand) *shape {
	t := &shape{}
	add := func(par int32, d int8, upper bool) int32 {
		v := int32(len(t.parent))
		t.parent = append(t.parent, par)
		t.depth = append(t.depth, d)
		t.kids = append(t.kids, nil)
		t.upper = append(t.upper, upper)
		t.rank = append(t.rank, 0)
		if par >= 0 {
			t.rank[v] = int32(len(t.kids[par]))
			t.kids[par] = append(t.kids[par], v)
		}
		return v
	}
	add(-1, 0, n > 2)
	if n == 1 {
		return t
	}
	m := max(1, int(math.Round(realManagers*float64(n))))
	u := max(1, int(math.Round((1-realLeadICs)*float64(m))))
	if n < 4 {
		m, u = 1, 0
	}
	// Managers of managers, by depth: each one hangs under a manager of
	// managers one layer up, round-robin with a random start so layers fill evenly.
	byDepth := [][]int32{{0}}
	if u > 1 {
		total := 0.0
		for _, w := range upperProfile {
			total += w
		}
		left := u - 1
		for d := 1; d <= len(upperProfile) && left > 0; d++ {
			// At most four (six under the top) per manager one layer up, so
			// spans stay within 9 once the other reports join.
			k := int(math.Round(upperProfile[d-1] / total * float64(u-1)))
			k = max(1, min(k, left, 4*len(byDepth[d-1])+2))
			if d == len(upperProfile) {
				k = left
			}
			left -= k
			prev := byDepth[d-1]
			layer := make([]int32, 0, k)
			off := rng.IntN(len(prev))
			for i := 0; i < k; i++ {
				par := prev[(off+i)%len(prev)]
				if i >= len(prev) {
					par = prev[rng.IntN(len(prev))]
				}
				layer = append(layer, add(par, int8(d), true))
			}
			byDepth = append(byDepth, layer)
		}
	}
	var uppers []int32
	for _, l := range byDepth {
		uppers = append(uppers, l...)
	}
	// Managers of only individual contributors: first one under every
	// manager of managers that has no manager below it yet, then the rest
	// spread over all of them, favouring the deeper ones.
	leadICs := m - len(uppers)
	for _, v := range uppers {
		if leadICs == 0 {
			t.upper[v] = false
			continue
		}
		if len(t.kids[v]) == 0 {
			add(v, t.depth[v]+1, false)
			leadICs--
		}
	}
	for tries := 0; leadICs > 0; tries++ {
		par := uppers[rng.IntN(len(uppers))]
		if alt := uppers[rng.IntN(len(uppers))]; t.depth[alt] > t.depth[par] {
			par = alt
		}
		if len(t.kids[par]) < 9 || tries > 100*m {
			add(par, t.depth[par]+1, false)
			leadICs--
		}
	}
	// Spans: each manager draws one from the measured distribution, at
	// least its managers below; individual contributors fill the rest.
	managers := len(t.parent)
	want := make([]int, managers)
	total := managers
	for v := 0; v < managers; v++ {
		s := drawSpan(rng)
		for s < len(t.kids[v]) {
			s = drawSpan(rng)
			if s == 9 {
				s = max(s, len(t.kids[v]))
			}
		}
		want[v] = s - len(t.kids[v])
		total += want[v]
	}
	// Match n: move random managers' spans to the next smaller (or larger)
	// measured span, keeping the distribution's values; the last few by one.
	for i := 0; total != n && i < 100*managers; i++ {
		v := rng.IntN(managers)
		s := len(t.kids[v]) + want[v]
		next := s
		for _, x := range realSpans {
			if total > n && x < s && want[v]-(s-x) >= 0 && (x > 1 || len(t.kids[v]) > 0 || want[v] > 0) {
				next = x // the largest smaller one
			}
			if total < n && x > s && next == s {
				next = x
			}
		}
		if d := next - s; d != 0 && (total > n) == (d < 0) && abs(total+d-n) < abs(total-n)+4 {
			want[v] += d
			total += d
		}
		if i > 50*managers || abs(total-n) <= 2 {
			if total > n && want[v] > 1 {
				want[v]--
				total--
			} else if total < n && s < 9 {
				want[v]++
				total++
			}
		}
	}
	for v := 0; total < n; v = (v + 1) % managers {
		want[v]++
		total++
	}
	for v := 0; v < managers; v++ {
		for k := 0; k < want[v]; k++ {
			add(int32(v), t.depth[v]+1, false)
		}
		shuffle(rng, t.kids[v])
	}
	for v := range t.kids {
		for r, c := range t.kids[v] {
			t.rank[c] = int32(r)
		}
	}
	return t
}

func drawSpan(rng *rand.Rand) int {
	return realSpans[pick(realSpanCounts, rng)]
}

func shuffle(rng *rand.Rand, s []int32) {
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
