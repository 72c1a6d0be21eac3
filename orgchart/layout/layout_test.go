package layout

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
)

func overlaps(a, b *Card) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// checkInvariants asserts what every layout must satisfy.
func checkInvariants(t *testing.T, p *orgchart.Plan, l *Layout) {
	t.Helper()
	for i := range l.Cards {
		a := &l.Cards[i]
		if a.X < 0 || a.Y < 0 || a.X+a.W > l.Width+0.01 || a.Y+a.H > l.Height+0.01 {
			t.Fatalf("card %s at (%v,%v) outside %vx%v", a.Position.ID, a.X, a.Y, l.Width, l.Height)
		}
		for j := i + 1; j < len(l.Cards); j++ {
			if b := &l.Cards[j]; overlaps(a, b) {
				t.Fatalf("cards %s (%v,%v) and %s (%v,%v) overlap", a.Position.ID, a.X, a.Y, b.Position.ID, b.X, b.Y)
			}
		}
	}
	// Managers above reports, reports in plan order.
	byID := map[string]int{}
	for i := range l.Cards {
		byID[l.Cards[i].Position.ID] = i
	}
	for i := range l.Cards {
		m := &l.Cards[i]
		var prev *Card
		var shown []*Card
		for _, r := range p.Reports(m.Position.ID) {
			j, ok := byID[r.ID]
			if !ok || l.Cards[j].Depth == 0 { // hidden, or the root of a cycle
				continue
			}
			c := &l.Cards[j]
			shown = append(shown, c)
			if gap := map[bool]float32{false: VGap, true: StackRowGap}[c.Stacked]; c.Y < m.Y+m.H+gap-0.01 {
				t.Fatalf("report %s (y %v) not below manager %s (bottom %v)", c.Position.ID, c.Y, m.Position.ID, m.Y+m.H)
			}
			if c.Depth != m.Depth+1 {
				t.Fatalf("report %s depth %d under manager depth %d", c.Position.ID, c.Depth, m.Depth)
			}
			if isAssistant(p, r) && c.Below == 0 && c.Hidden == 0 { // set aside, out of the reports' order
				continue
			}
			if prev != nil && prev.Stacked == c.Stacked {
				ordered := c.X > prev.X
				if c.Stacked { // down a column, across a row of a stack, or on to the next column
					ordered = c.Y > prev.Y || c.X > prev.X
				}
				if !ordered {
					t.Fatalf("reports %s and %s of %s out of plan order", prev.Position.ID, c.Position.ID, m.Position.ID)
				}
			}
			if prev == nil || prev.Stacked == c.Stacked || !c.Stacked {
				prev = c
			}
		}
		if len(shown) > 0 && m.Hidden != 0 {
			t.Fatalf("%s shows reports but says %d hidden", m.Position.ID, m.Hidden)
		}
		// The subtree box holds the card and its reports' boxes; siblings' boxes are apart.
		if !inside(m.Subtree, Rect{m.X, m.Y, m.W, m.H}) {
			t.Fatalf("%s: card outside its subtree box %+v", m.Position.ID, m.Subtree)
		}
		for k, c := range shown {
			if !inside(m.Subtree, c.Subtree) {
				t.Fatalf("%s: report %s's box %+v outside the manager's %+v", m.Position.ID, c.Position.ID, c.Subtree, m.Subtree)
			}
			for _, d := range shown[k+1:] {
				if rectsOverlap(c.Subtree, d.Subtree) {
					t.Fatalf("%s: reports %s and %s have overlapping boxes", m.Position.ID, c.Position.ID, d.Position.ID)
				}
			}
		}
	}
	checkLines(t, l)
	for _, e := range l.Edges {
		for k := 1; k < len(e.Points); k++ {
			a, b := e.Points[k-1], e.Points[k]
			if a.X != b.X && a.Y != b.Y {
				t.Fatalf("edge %d->%d segment %v-%v not orthogonal", e.From, e.To, a, b)
			}
		}
		if e.Dotted { // from the report's top or bottom to its dotted-line manager's
			m, r := &l.Cards[e.From], &l.Cards[e.To]
			first, last := e.Points[0], e.Points[len(e.Points)-1]
			if first.X != r.X+r.W/2+DottedInset || (first.Y != r.Y && first.Y != r.Y+r.H) ||
				last.X != m.X+m.W/2+DottedInset || (last.Y != m.Y && last.Y != m.Y+m.H) {
				t.Fatalf("dotted line %s -> %s from %v to %v does not join the cards", m.Position.ID, r.Position.ID, first, last)
			}
		}
		if !e.Dotted {
			m, r := &l.Cards[e.From], &l.Cards[e.To]
			first, last := e.Points[0], e.Points[len(e.Points)-1]
			fromBottom := first.Y == m.Y+m.H && first.X >= m.X && first.X <= m.X+m.W
			fromSide := first.X == m.X+m.W && first.Y > m.Y && first.Y < m.Y+m.H
			if !fromBottom && !fromSide {
				t.Fatalf("edge into %s does not start at its manager's bottom", r.Position.ID)
			}
			onTop := last.Y == r.Y && last.X == r.X+r.W/2
			onSide := r.Stacked && last.Y == r.Y+r.H/2 && (last.X == r.X || last.X == r.X+r.W)
			if !onTop && !onSide {
				t.Fatalf("edge into %s ends at %v, not on the card", r.Position.ID, last)
			}
		}
	}
}

func TestRandomTreesKeepInvariants(t *testing.T) {
	for seed := int64(1); seed <= 40; seed++ {
		n := 1 + int(seed*7)%300
		p := randomPlan(n, seed)
		l := Compute(p, Options{})
		if len(l.Cards) != n {
			t.Fatalf("seed %d: %d cards for %d positions", seed, len(l.Cards), n)
		}
		checkInvariants(t, p, l)
		if again := Compute(p, Options{}); !reflect.DeepEqual(again.Cards, l.Cards) || !reflect.DeepEqual(again.Edges, l.Edges) {
			t.Fatalf("seed %d: layout is not deterministic", seed)
		}
	}
}

func TestVariableCardSizes(t *testing.T) {
	p := randomPlan(200, 3)
	rng := rand.New(rand.NewSource(9))
	sizes := map[string]Size{}
	for _, pos := range p.Positions {
		sizes[pos.ID] = Size{float32(120 + rng.Intn(200)), float32(40 + rng.Intn(80))}
	}
	l := Compute(p, Options{Measure: func(pos *orgchart.Position) Size { return sizes[pos.ID] }})
	checkInvariants(t, p, l)
}

func TestThousandsOfPositionsStayNarrow(t *testing.T) {
	p := randomPlan(1500, 11)
	l := Compute(p, Options{})
	// Stacking keeps the chart far narrower than one card per report in a row.
	leaves := 0
	for _, c := range l.Cards {
		if len(p.Reports(c.Position.ID)) == 0 {
			leaves++
		}
	}
	if row := float32(leaves) * (CardW + HGap); l.Width > row/3 {
		t.Errorf("width %v for %d leaves: no better than a third of a single row (%v)", l.Width, leaves, row)
	}
}

func TestDepthAndCollapseHidePositions(t *testing.T) {
	p := randomPlan(300, 5)
	full := Compute(p, Options{})
	below := map[string]int{}
	var count func(id string) int
	count = func(id string) int {
		n := 0
		for _, r := range p.Reports(id) {
			n += 1 + count(r.ID)
		}
		below[id] = n
		return n
	}
	for _, top := range p.Tops() {
		count(top.ID)
	}
	for depth := 1; depth <= 3; depth++ {
		l := Compute(p, Options{Depth: depth})
		checkInvariants(t, p, l)
		shown := 0
		for _, c := range full.Cards {
			if c.Depth <= depth {
				shown++
			}
		}
		if len(l.Cards) != shown {
			t.Fatalf("depth %d: %d cards, want %d", depth, len(l.Cards), shown)
		}
		hidden := 0
		for _, c := range l.Cards {
			want := 0
			if c.Depth == depth {
				want = below[c.Position.ID]
			}
			if c.Hidden != want {
				t.Fatalf("depth %d: %s hidden %d, want %d", depth, c.Position.ID, c.Hidden, want)
			}
			hidden += c.Hidden
		}
		if hidden+len(l.Cards) != len(p.Positions) {
			t.Fatalf("depth %d: %d shown + %d hidden != %d", depth, len(l.Cards), hidden, len(p.Positions))
		}
	}
	// Collapse the first manager with a deep subtree.
	var m string
	for _, c := range full.Cards {
		if below[c.Position.ID] > 5 && c.Depth > 0 {
			m = c.Position.ID
			break
		}
	}
	l := Compute(p, Options{Collapsed: map[string]bool{m: true}})
	checkInvariants(t, p, l)
	if c := l.Cards[l.Index(m)]; c.Hidden != below[m] {
		t.Fatalf("collapsed %s hides %d, want %d", m, c.Hidden, below[m])
	}
	if len(l.Cards) != len(p.Positions)-below[m] {
		t.Fatalf("collapsed: %d cards, want %d", len(l.Cards), len(p.Positions)-below[m])
	}
}

func TestRootStartsASubtree(t *testing.T) {
	p := randomPlan(200, 8)
	full := Compute(p, Options{})
	var root string
	for _, c := range full.Cards {
		if c.Depth == 1 && len(p.Reports(c.Position.ID)) > 2 {
			root = c.Position.ID
			break
		}
	}
	l := Compute(p, Options{Root: root, Depth: 1})
	checkInvariants(t, p, l)
	if l.Cards[0].Position.ID != root || l.Cards[0].Depth != 0 {
		t.Fatalf("first card %s depth %d, want the root %s", l.Cards[0].Position.ID, l.Cards[0].Depth, root)
	}
	if len(l.Cards) != 1+len(p.Reports(root)) {
		t.Fatalf("%d cards, want root and %d reports", len(l.Cards), len(p.Reports(root)))
	}
	if l := Compute(p, Options{Root: "no-such-id"}); len(l.Cards) != 0 || l.Index("p0") != -1 || l.At(0, 0) != -1 {
		t.Fatalf("unknown root gave %d cards", len(l.Cards))
	}
}

func TestCyclesAndEmptyPlansDoNotHang(t *testing.T) {
	p := &orgchart.Plan{Positions: []*orgchart.Position{
		{ID: "a", ReportsTo: "b"}, {ID: "b", ReportsTo: "a"}, {ID: "c", ReportsTo: "a"},
	}}
	l := Compute(p, Options{Root: "a"})
	if len(l.Cards) != 3 {
		t.Fatalf("cycle from a: %d cards, want a, b, c", len(l.Cards))
	}
	checkInvariants(t, p, l)
	if l := Compute(&orgchart.Plan{}, Options{}); len(l.Cards) != 0 || l.Width != 0 {
		t.Fatalf("empty plan gave %+v", l)
	}
	// A long chain is deep but must still lay out.
	c := chain(5000)
	if l := Compute(c, Options{}); len(l.Cards) != 5000 || l.Cards[4999].Depth != 4999 {
		t.Fatalf("chain: %d cards", len(l.Cards))
	}
}

func TestDottedLinesJoinShownCards(t *testing.T) {
	p := &orgchart.Plan{Positions: []*orgchart.Position{
		{ID: "ceo"}, {ID: "cto", ReportsTo: "ceo"}, {ID: "ciso", ReportsTo: "ceo"},
		{ID: "sec", ReportsTo: "cto", DottedTo: []string{"ciso", "gone"}},
		{ID: "dev", ReportsTo: "cto"},
	}}
	l := Compute(p, Options{})
	checkInvariants(t, p, l)
	dotted := 0
	for _, e := range l.Edges {
		if e.Dotted {
			dotted++
			if l.Cards[e.From].Position.ID != "ciso" || l.Cards[e.To].Position.ID != "sec" {
				t.Errorf("dotted edge %s -> %s", l.Cards[e.From].Position.ID, l.Cards[e.To].Position.ID)
			}
		}
	}
	if dotted != 1 {
		t.Fatalf("%d dotted edges, want 1", dotted)
	}
	if l := Compute(p, Options{Root: "cto"}); len(l.Edges) != 2 {
		t.Fatalf("subtree without the dotted manager: %d edges, want 2 solid", len(l.Edges))
	}
}

func TestVisibleAgreesWithBruteForce(t *testing.T) {
	p := randomPlan(2000, 21)
	l := Compute(p, Options{})
	rng := rand.New(rand.NewSource(4))
	for q := 0; q < 300; q++ {
		x0, y0 := rng.Float32()*l.Width*1.1-50, rng.Float32()*l.Height*1.1-50
		x1, y1 := x0+rng.Float32()*1500, y0+rng.Float32()*900
		got := map[int]int{}
		l.Visible(x0, y0, x1, y1, func(i int) { got[i]++ })
		want := 0
		for i, c := range l.Cards {
			in := c.X <= x1 && c.Y <= y1 && c.X+c.W >= x0 && c.Y+c.H >= y0
			if in {
				want++
				if got[i] != 1 {
					t.Fatalf("query %v: card %d visited %d times", []float32{x0, y0, x1, y1}, i, got[i])
				}
			}
		}
		if len(got) != want {
			t.Fatalf("query %d: %d visited, want %d", q, len(got), want)
		}
		// At agrees with a scan.
		x, y := rng.Float32()*l.Width, rng.Float32()*l.Height
		wantAt := -1
		for i, c := range l.Cards {
			if x >= c.X && y >= c.Y && x < c.X+c.W && y < c.Y+c.H {
				wantAt = i
			}
		}
		if got := l.At(x, y); got != wantAt {
			t.Fatalf("At(%v,%v) = %d, want %d", x, y, got, wantAt)
		}
	}
	for i, c := range l.Cards {
		if l.Index(c.Position.ID) != i {
			t.Fatalf("Index(%s) != %d", c.Position.ID, i)
		}
	}
}

func ExampleCompute() {
	p := &orgchart.Plan{Positions: []*orgchart.Position{
		{ID: "cto"}, {ID: "a", ReportsTo: "cto"}, {ID: "b", ReportsTo: "cto"},
	}}
	l := Compute(p, Options{})
	for _, c := range l.Cards {
		fmt.Println(c.Position.ID, c.X, c.Y)
	}
	// Output:
	// cto 122 0
	// a 0 98
	// b 244 98
}

func inside(outer, r Rect) bool {
	const eps = 0.01
	return r.X >= outer.X-eps && r.Y >= outer.Y-eps && r.X+r.W <= outer.X+outer.W+eps && r.Y+r.H <= outer.Y+outer.H+eps
}

func rectsOverlap(a, b Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// checkLines asserts that who reports to whom is unambiguous: no solid line
// runs through a card, and no piece of line is shared by two managers.
func checkLines(t *testing.T, l *Layout) {
	t.Helper()
	type seg struct {
		at, lo, hi float32
		from       int
	}
	var vert, horiz []seg
	for _, e := range l.Edges {
		if e.Dotted {
			continue
		}
		for k := 1; k < len(e.Points); k++ {
			a, b := e.Points[k-1], e.Points[k]
			x0, x1, y0, y1 := min(a.X, b.X), max(a.X, b.X), min(a.Y, b.Y), max(a.Y, b.Y)
			l.Visible(x0, y0, x1, y1, func(i int) {
				c := &l.Cards[i]
				if x0 < c.X+c.W && c.X < x1 && y0 < c.Y+c.H && c.Y < y1 || // crosses the inside
					(x0 == x1 && x0 > c.X && x0 < c.X+c.W && y0 < c.Y+c.H && c.Y < y1) ||
					(y0 == y1 && y0 > c.Y && y0 < c.Y+c.H && x0 < c.X+c.W && c.X < x1) {
					t.Fatalf("line %s -> %s segment %v-%v runs through card %s", l.Cards[e.From].Position.ID, l.Cards[e.To].Position.ID, a, b, c.Position.ID)
				}
			})
			if x0 == x1 {
				vert = append(vert, seg{x0, y0, y1, e.From})
			} else {
				horiz = append(horiz, seg{y0, x0, x1, e.From})
			}
		}
	}
	for _, segs := range [][]seg{vert, horiz} {
		sort.Slice(segs, func(i, j int) bool {
			if segs[i].at != segs[j].at {
				return segs[i].at < segs[j].at
			}
			return segs[i].lo < segs[j].lo
		})
		for i := 1; i < len(segs); i++ {
			// Compare with the furthest-reaching earlier segment on the same line.
			for j := i - 1; j >= 0 && segs[j].at == segs[i].at; j-- {
				if segs[j].hi > segs[i].lo && segs[j].from != segs[i].from {
					t.Fatalf("lines of %s and %s share a piece at %v [%v,%v]", l.Cards[segs[j].from].Position.ID, l.Cards[segs[i].from].Position.ID, segs[i].at, segs[i].lo, min(segs[i].hi, segs[j].hi))
				}
				if segs[i].lo-segs[j].lo > 1e5 {
					break
				}
			}
		}
	}
}

func TestFoldMinusOneKeepsClassicRows(t *testing.T) {
	p := randomPlan(200, 13)
	l := Compute(p, Options{Fold: -1})
	checkInvariants(t, p, l)
	for _, c := range l.Cards {
		if c.Stacked {
			t.Fatalf("Fold -1: %s is stacked", c.Position.ID)
		}
	}
	if auto := Compute(p, Options{}); auto.Width*auto.Height >= l.Width*l.Height {
		t.Fatalf("the chosen arrangements are no smaller than classic rows: %vx%v vs %vx%v", auto.Width, auto.Height, l.Width, l.Height)
	}
}

func TestLeavesGoInAGridUnderTheirManager(t *testing.T) {
	for _, n := range []int{3, 9, 40} {
		p := fan(n)
		l := Compute(p, Options{})
		checkInvariants(t, p, l)
		xs := map[float32]bool{}
		for _, c := range l.Cards[1:] {
			if !c.Stacked {
				t.Errorf("%d reports: %s not stacked", n, c.Position.ID)
			}
			xs[c.X] = true
		}
		if n >= 9 && len(xs) < 2 {
			t.Errorf("%d reports in %d column(s)", n, len(xs))
		}
		if r, a := compactness(l); a > 4 || (n >= 9 && r > 1.5) {
			t.Errorf("%d reports: %vx%v, area %.2fx, aspect %.1f", n, l.Width, l.Height, r, a)
		}
	}
}
