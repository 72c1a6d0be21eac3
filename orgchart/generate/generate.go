// Package generate builds realistic synthetic organisations for benchmarks,
// tests and samples: one executive at the top, spans of 1-9 (mostly 4-8),
// up to seven layers, individual contributors under first-line managers, a
// few vacancies, teams and dotted lines, all from catalog role ids.
package generate

import (
	"math"
	"math/rand/v2"

	"github.com/orgplanner/orgplanner/orgchart"
)

// team is what a first-line manager leads: the manager role and the
// individual-contributor roles below it, with weights.
type team struct {
	manager string
	ics     []string
	weights []int
}

// branch is one function under the top executive.
type branch struct {
	head, director, middle string // layer 1, layer 2, deeper middle layers
	teams                  []team
	teamWeights            []int
	weight                 int
}

var branches = []branch{
	{"vp-of-engineering", "director-of-engineering", "software-engineering-manager",
		[]team{
			{"software-engineering-manager", []string{"software-engineer", "qa-engineer", "technical-program-manager"}, []int{16, 2, 1}},
			{"qa-engineering-manager", []string{"qa-engineer", "software-engineer"}, []int{5, 1}},
		}, []int{8, 1}, 40},
	{"vp-of-site-reliability-engineering", "sre-director", "sre-manager",
		[]team{
			{"sre-manager", []string{"site-reliability-engineer"}, []int{1}},
			{"site-reliability-engineering-manager", []string{"site-reliability-engineer", "devops-engineer"}, []int{4, 1}},
		}, []int{2, 1}, 10},
	{"vp-of-platform-engineering", "director-of-engineering", "platform-engineering-manager",
		[]team{
			{"platform-engineering-manager", []string{"platform-engineer", "cloud-engineer", "devops-engineer"}, []int{4, 2, 1}},
		}, []int{1}, 10},
	{"chief-information-security-officer", "security-engineering-manager", "security-engineering-manager",
		[]team{
			{"security-engineering-manager", []string{"security-engineer", "application-security-engineer"}, []int{3, 1}},
			{"product-security-manager", []string{"application-security-engineer", "security-engineer"}, []int{3, 1}},
			{"security-operations-manager", []string{"security-analyst", "security-engineer"}, []int{3, 1}},
			{"privacy-engineering-manager", []string{"privacy-engineer"}, []int{1}},
		}, []int{3, 2, 2, 1}, 8},
	{"vp-of-it", "director-of-it-operations", "it-operations-manager",
		[]team{
			{"it-operations-manager", []string{"it-support-specialist", "it-service-desk-analyst"}, []int{3, 2}},
			{"systems-engineering-manager", []string{"systems-engineer"}, []int{1}},
			{"network-engineering-manager", []string{"network-engineer"}, []int{1}},
		}, []int{3, 1, 1}, 10},
	{"vp-of-data-and-ai", "director-of-engineering", "data-engineering-manager",
		[]team{
			{"data-engineering-manager", []string{"data-engineer", "data-scientist", "ml-engineer", "data-analyst"}, []int{4, 2, 2, 1}},
		}, []int{1}, 10},
	{"head-of-product", "director-of-product-management", "director-of-product-management",
		[]team{
			{"director-of-product-management", []string{"product-manager", "product-designer", "ux-researcher"}, []int{4, 2, 1}},
		}, []int{1}, 10},
}

// TopRole is the role of the single top position.
const TopRole = "chief-technology-officer"

// Roles returns every role id Generate may use.
func Roles() []string {
	ids := []string{TopRole}
	for _, b := range branches {
		ids = append(ids, b.head, b.director, b.middle)
		for _, t := range b.teams {
			ids = append(ids, t.manager)
			ids = append(ids, t.ics...)
		}
	}
	return ids
}

// node is one position while the tree is built layer by layer.
type node struct {
	parent   int32
	first    int32 // index of the first child in the next layer's nodes
	children int32
	branch   int8
	team     int8
}

// Generate returns a plan of n positions, the same for the same n and seed.
func Generate(n int, seed int64) *orgchart.Plan {
	p := orgchart.NewPlan("Generated organisation")
	if n <= 0 {
		return p
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	sizes := layerSizes(n)
	layers := make([][]node, len(sizes))
	layers[0] = []node{{parent: -1}}
	for d := 1; d < len(sizes); d++ {
		parents := layers[d-1]
		spans := distribute(sizes[d], len(parents), rng)
		layer := make([]node, 0, sizes[d])
		for pi := range parents {
			parents[pi].first = int32(len(layer))
			parents[pi].children = int32(spans[pi])
			for k := 0; k < spans[pi]; k++ {
				nd := node{parent: int32(pi), branch: parents[pi].branch, team: parents[pi].team}
				if d == 1 {
					nd.branch = int8(pickBranch(len(layer), rng))
				}
				if d == len(sizes)-2 {
					b := &branches[nd.branch]
					nd.team = int8(pick(b.teamWeights, rng))
				}
				layer = append(layer, nd)
			}
		}
		layers[d] = layer
	}
	g := &gen{rng: rng, layers: layers, slab: make([]orgchart.Position, n)}
	p.Positions = make([]*orgchart.Position, 0, n)
	g.emit(p)
	p.Reindex()
	return p
}

type gen struct {
	rng    *rand.Rand
	layers [][]node
	slab   []orgchart.Position
	next   int
	ids    [][]string // ids by layer and node
}

// emit writes the positions depth-first (the canonical order), so the plan
// order is also the file order.
func (g *gen) emit(p *orgchart.Plan) {
	g.ids = make([][]string, len(g.layers))
	for d, l := range g.layers {
		g.ids[d] = make([]string, len(l))
		for i := range l {
			g.ids[d][i] = g.uuid()
		}
	}
	type frame struct{ d, i int32 }
	stack := []frame{{0, 0}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p.Positions = append(p.Positions, g.position(int(f.d), int(f.i)))
		nd := g.layers[f.d][f.i]
		for c := nd.first + nd.children - 1; c >= nd.first; c-- {
			stack = append(stack, frame{f.d + 1, c})
		}
	}
}

func (g *gen) position(d, i int) *orgchart.Position {
	nd := g.layers[d][i]
	last := len(g.layers) - 1
	pos := &g.slab[g.next]
	g.next++
	pos.ID = g.ids[d][i]
	if d > 0 {
		pos.ReportsTo = g.ids[d-1][nd.parent]
	}
	b := &branches[nd.branch]
	level := 0 // 0 executive, 1 head, 2 director, 3 middle, 4 first-line, 5 individual
	switch {
	case d == 0:
		pos.Role = TopRole
	case d == last && last > 0:
		t := &b.teams[nd.team]
		pos.Role = t.ics[pick(t.weights, g.rng)]
		level = 5
	case d == last-1:
		pos.Role = b.teams[nd.team].manager
		level = 4
	case d == 1:
		pos.Role, level = b.head, 1
	case d == 2:
		pos.Role, level = b.director, 2
	default:
		pos.Role, level = b.middle, 3
	}
	g.staff(pos, level, d > 0)
	// Some first-line managers have a dotted line to another director.
	if level == 4 && d >= 2 && g.rng.IntN(100) < 2 {
		grand := g.layers[d-1][nd.parent].parent
		if other := g.rng.IntN(len(g.layers[d-2])); other != int(grand) {
			pos.DottedTo = []string{g.ids[d-2][other]}
		}
	}
	base := baseCost[level]
	pos.Cost = math.Round(base*(0.9+0.2*g.rng.Float64())/1000) * 1000
	return pos
}

var baseCost = [...]float64{340000, 270000, 220000, 195000, 175000, 135000}

var hireNotes = []string{"Hire in Q1", "Hire in Q2", "Hire in Q3", "Backfill: open requisition", "Budget approved, not yet posted"}

var firstNames = []string{"Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Dennis",
	"Radia", "Linus", "Katherine", "John", "Hedy", "Tim", "Karen", "Niklaus", "Shafi", "Leslie",
	"Sophie", "Vint", "Anita", "Bjarne", "Adele", "Guido", "Mary", "James", "Lynn", "Robin",
	"Amara", "Chen", "Priya", "Mateo", "Yuki", "Olu", "Ingrid", "Rafael", "Fatima", "Lars"}

var lastNames = []string{"Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Ritchie",
	"Perlman", "Torvalds", "Johnson", "McCarthy", "Lamarr", "Berners-Lee", "Jones", "Wirth", "Goldwasser", "Lamport",
	"Wilson", "Cerf", "Borg", "Stroustrup", "Goldberg", "van Rossum", "Keller", "Gosling", "Conway", "Milner",
	"Okafor", "Wei", "Sharma", "Garcia", "Tanaka", "Adeyemi", "Larsen", "Costa", "Haddad", "Nilsson"}

// pickBranch gives the first layer-1 positions one branch each, then weighs.
func pickBranch(k int, rng *rand.Rand) int {
	if k < len(branches) {
		return k
	}
	total := 0
	for _, b := range branches {
		total += b.weight
	}
	x := rng.IntN(total)
	for i, b := range branches {
		if x < b.weight {
			return i
		}
		x -= b.weight
	}
	return 0
}

func pick(weights []int, rng *rand.Rand) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := rng.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return 0
}

// layerSizes splits n positions into layers, one top position first, with
// the number of layers (at most seven) that makes the average span closest
// to 6.5. The last layer (individual contributors) takes the rest.
func layerSizes(n int) []int {
	if n == 1 {
		return []int{1}
	}
	bestL, bestS := 2, float64(n-1)
	for L := 2; L <= 7; L++ {
		s := spanFor(n, L)
		if math.Abs(s-6.5) < math.Abs(bestS-6.5) {
			bestL, bestS = L, s
		}
	}
	sizes := make([]int, bestL)
	sizes[0] = 1
	sum := 1
	for d := 1; d < bestL-1; d++ {
		sizes[d] = max(sizes[d-1], int(math.Round(float64(sizes[d-1])*bestS)))
		sum += sizes[d]
	}
	sizes[bestL-1] = n - sum
	// Every first-line manager needs at least one report.
	for bestL > 2 && sizes[bestL-1] < sizes[bestL-2] {
		sizes[bestL-2]--
		sizes[bestL-1]++
	}
	return sizes
}

// spanFor solves 1 + s + s^2 + ... + s^(L-1) = n for s.
func spanFor(n, L int) float64 {
	lo, hi := 1.0, float64(n)
	for range 60 {
		mid := (lo + hi) / 2
		sum, term := 0.0, 1.0
		for range L {
			sum += term
			term *= mid
		}
		if sum < float64(n) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// distribute splits k children among m parents: every parent gets at least
// one (when k >= m), spans mostly 4-8, a few small ones and a few of 9.
func distribute(k, m int, rng *rand.Rand) []int {
	spans := make([]int, m)
	if m == 0 {
		return spans
	}
	weights := make([]float64, m)
	total := 0.0
	for i := range weights {
		switch r := rng.IntN(100); {
		case r < 10:
			weights[i] = float64(1 + rng.IntN(3))
		case r < 95:
			weights[i] = float64(4 + rng.IntN(5))
		default:
			weights[i] = 9
		}
		total += weights[i]
	}
	given := 0
	for i, w := range weights {
		spans[i] = int(w * float64(k) / total)
		given += spans[i]
	}
	for i := 0; given < k; i = (i + 1) % m {
		j := (i*7919 + rng.IntN(m)) % m
		spans[j]++
		given++
	}
	// Cap spans at 9, handing the overflow to the parents with the most room.
	over := 0
	for i := range spans {
		if spans[i] > 9 {
			over += spans[i] - 9
			spans[i] = 9
		}
	}
	for limit := 8; over > 0 && limit <= 9; limit++ {
		for i := 0; over > 0 && i < m; i++ {
			j := (i*7919 + 13) % m
			for spans[j] < limit && over > 0 {
				spans[j]++
				over--
			}
		}
	}
	for i := 0; over > 0; i = (i + 1) % m { // more than 9 per parent is unavoidable
		spans[i]++
		over--
	}
	if k >= m {
		big := 0
		for i := range spans {
			if spans[i] > spans[big] {
				big = i
			}
		}
		for i := range spans {
			for spans[i] == 0 {
				if spans[big] <= 1 {
					for j := range spans {
						if spans[j] > spans[big] {
							big = j
						}
					}
				}
				spans[big]--
				spans[i]++
			}
		}
	}
	return spans
}

const hex = "0123456789abcdef"

// uuid returns a version 4 UUID from the generator's random stream.
// staff fills a position's holder the way real plans are staffed: about 5%
// of positions below the top vacant (a few with a hiring note), and about 3%
// of individual-contributor positions a vacant group of 2 to 5 hires.
func (g *gen) staff(pos *orgchart.Position, level int, belowTop bool) {
	r := g.rng.IntN(1000)
	if belowTop && r < 50 {
		if r < 20 {
			pos.Notes = hireNotes[g.rng.IntN(len(hireNotes))]
		}
	} else {
		pos.Holder = firstNames[g.rng.IntN(len(firstNames))] + " " + lastNames[g.rng.IntN(len(lastNames))]
	}
	if level == 5 && g.rng.IntN(100) < 3 {
		pos.Count = 2 + g.rng.IntN(4)
		pos.Holder = ""
	}
}

func (g *gen) uuid() string {
	var b [16]byte
	a, c := g.rng.Uint64(), g.rng.Uint64()
	for i := range 8 {
		b[i] = byte(a >> (8 * i))
		b[8+i] = byte(c >> (8 * i))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	j := 0
	for i, x := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s[j] = '-'
			j++
		}
		s[j], s[j+1] = hex[x>>4], hex[x&15]
		j += 2
	}
	return string(s[:])
}
