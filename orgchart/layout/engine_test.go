package layout

import (
	"fmt"
	"slices"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// sizer gives cards the default size except those it was told otherwise.
type sizer map[string]Size

func (s sizer) measure(p *orgchart.Position) Size {
	if z, ok := s[p.ID]; ok {
		return z
	}
	return DefaultSize(p)
}

// relative is each card's place inside its subtree's box, by id.
func relative(l *Layout) map[string][4]float32 {
	out := make(map[string][4]float32, len(l.Cards))
	for _, c := range l.Cards {
		out[c.Position.ID] = [4]float32{c.X - c.Subtree.X, c.Y - c.Subtree.Y, c.Subtree.W, c.Subtree.H}
	}
	return out
}

// deepManager is a manager at depth >= 3 with reports (deterministic).
func deepManager(t testing.TB, l *Layout, p *orgchart.Plan, skip int) string {
	for _, c := range l.Cards {
		if c.Depth >= 3 && len(p.Reports(c.Position.ID)) > 1 && c.Below < 40 {
			if skip == 0 {
				return c.Position.ID
			}
			skip--
		}
	}
	t.Fatal("no deep manager")
	return ""
}

// alikeManager is a manager of the same shape in any real-shaped chart,
// for benchmarks that compare one edit at two sizes: at depth 6, three to
// five reports, 12 to 20 cards below (deepManager's pick at 100,000 heads
// a team twice as big, nine reports at depth 7, as at 10,000). skip
// skips that many such managers in tree order.
func alikeManager(t testing.TB, l *Layout, p *orgchart.Plan, skip int) string {
	for _, i := range l.DepthFirst() {
		c := &l.Cards[i]
		if n := len(p.Reports(c.Position.ID)); c.Depth == 6 && n >= 3 && n <= 5 && c.Below >= 12 && c.Below <= 20 {
			if skip == 0 {
				return c.Position.ID
			}
			skip--
		}
	}
	t.Fatal("no manager of that shape")
	return ""
}

// ancestors is the set of id and its managers.
func ancestors(p *orgchart.Plan, id string) map[string]bool {
	out := map[string]bool{}
	for pos := p.Position(id); pos != nil; pos = p.Manager(pos) {
		out[pos.ID] = true
	}
	return out
}

// within is the set of positions in id's subtree.
func within(p *orgchart.Plan, id string) map[string]bool {
	out := map[string]bool{id: true}
	todo := []string{id}
	for len(todo) > 0 {
		x := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, r := range p.Reports(x) {
			out[r.ID] = true
			todo = append(todo, r.ID)
		}
	}
	return out
}

func TestEngineStartsAsCompute(t *testing.T) {
	p := generate.Shaped(generate.RealSize, 1)
	e := NewEngine(p, Options{})
	l, c := e.Layout(), Compute(p, Options{})
	if l.Width != c.Width || l.Height != c.Height || len(l.Cards) != len(c.Cards) {
		t.Fatalf("engine %vx%v, Compute %vx%v", l.Width, l.Height, c.Width, c.Height)
	}
	for i := range l.Cards {
		if l.Cards[i] != c.Cards[i] {
			t.Fatalf("card %d differs", i)
		}
	}
	if e.Relayout() != l {
		t.Fatal("a relayout with nothing changed made a new layout")
	}
}

// TestCollapseMovesOnlyWhatItMust: collapsing a manager keeps every other
// subtree's own arrangement (it moves as a whole at most), keeps every
// rule, and expanding it again gives back the chart as it was.
func TestCollapseMovesOnlyWhatItMust(t *testing.T) {
	for _, p := range []*orgchart.Plan{generate.Shaped(generate.RealSize, 2), enterprisePlan(t), randomPlan(400, 7)} {
		e := NewEngine(p, Options{})
		before := e.Layout()
		rel := relative(before)
		pos := map[string][2]float32{}
		for _, c := range before.Cards {
			pos[c.Position.ID] = [2]float32{c.X, c.Y}
		}
		for skip := 0; skip < 3; skip++ {
			id := deepManager(t, before, p, skip*5)
			e.SetCollapsed(id, true)
			l := e.Relayout()
			checkInvariants(t, p, l)
			up, gone := ancestors(p, id), within(p, id)
			if len(l.Cards) != len(before.Cards)-len(gone)+1 {
				t.Fatalf("collapsed %s: %d cards", id, len(l.Cards))
			}
			moved := 0
			for _, c := range l.Cards {
				if up[c.Position.ID] {
					continue
				}
				if relative(&Layout{Cards: []Card{c}})[c.Position.ID] != rel[c.Position.ID] {
					t.Fatalf("collapsing %s rearranged the unrelated subtree of %s: %v, was %v", id, c.Position.ID, relative(&Layout{Cards: []Card{c}})[c.Position.ID], rel[c.Position.ID])
				}
				if pos[c.Position.ID] != [2]float32{c.X, c.Y} {
					moved++
				}
			}
			t.Logf("collapsing %s (%d below): %d of %d cards moved", id, len(gone)-1, moved, len(l.Cards))
			e.SetCollapsed(id, false)
			back := e.Relayout()
			for _, c := range back.Cards {
				if pos[c.Position.ID] != [2]float32{c.X, c.Y} {
					t.Fatalf("after expanding %s again, %s is at %v,%v, was %v", id, c.Position.ID, c.X, c.Y, pos[c.Position.ID])
				}
			}
		}
	}
}

// TestEditRelaysOutOnlyItsPath: a card that grows (a longer title, say)
// leaves every subtree off its path arranged as it was, and the layout
// keeps every rule; an addition does too.
func TestEditRelaysOutOnlyItsPath(t *testing.T) {
	p := generate.Shaped(generate.RealSize, 3)
	sz := sizer{}
	e := NewEngine(p, Options{Measure: sz.measure})
	before := e.Layout()
	rel := relative(before)
	id := deepManager(t, before, p, 2)
	sz[id] = Size{CardW, CardH + 40}
	e.Changed(id)
	l := e.Relayout()
	checkInvariants(t, p, l)
	up := ancestors(p, id)
	for _, c := range l.Cards {
		if !up[c.Position.ID] && relative(&Layout{Cards: []Card{c}})[c.Position.ID] != rel[c.Position.ID] {
			t.Fatalf("growing %s rearranged the unrelated subtree of %s", id, c.Position.ID)
		}
	}
	if c := l.Cards[l.Index(id)]; c.H != CardH+40 {
		t.Fatalf("the card is %v high", c.H)
	}
	// Add a report under it, then remove it again.
	np := &orgchart.Position{ID: "new-report", Role: "software-engineer", ReportsTo: id}
	p.Positions = append(p.Positions, np)
	p.Reindex()
	e.Changed(np.ID, id)
	l = e.Relayout()
	checkInvariants(t, p, l)
	if l.Index(np.ID) < 0 || len(l.Cards) != len(p.Positions) {
		t.Fatalf("the new report is not shown (%d cards)", len(l.Cards))
	}
	p.Positions = p.Positions[:len(p.Positions)-1]
	p.Reindex()
	e.Changed(np.ID, id)
	l = e.Relayout()
	checkInvariants(t, p, l)
	if l.Index(np.ID) >= 0 {
		t.Fatal("the removed report is still shown")
	}
}

func TestEngineOnRandomEdits(t *testing.T) {
	for seed := int64(1); seed <= 10; seed++ {
		p := randomPlan(150, seed)
		sz := sizer{}
		e := NewEngine(p, Options{Measure: sz.measure})
		for k := 0; k < 8; k++ {
			pos := p.Positions[(int(seed)*31+k*17)%len(p.Positions)]
			switch k % 3 {
			case 0:
				sz[pos.ID] = Size{CardW + float32(10*k), CardH + float32(5*k)}
				e.Changed(pos.ID)
			case 1:
				e.SetCollapsed(pos.ID, !e.opt.Collapsed[pos.ID])
			default:
				np := &orgchart.Position{ID: fmt.Sprintf("n%d-%d", seed, k), ReportsTo: pos.ID}
				p.Positions = append(p.Positions, np)
				p.Reindex()
				e.Changed(np.ID, pos.ID)
			}
			l := e.Relayout()
			checkInvariants(t, p, l)
		}
	}
}

// moves counts the cards of l shown in was too whose place changed.
func moves(was, l *Layout) (moved int) {
	for _, c := range l.Cards {
		if i := was.Index(c.Position.ID); i >= 0 && (was.Cards[i].X != c.X || was.Cards[i].Y != c.Y) {
			moved++
		}
	}
	return moved
}

// TestCollapsing30CardsMovesNothingElse: in the real-shaped organisation,
// collapsing a manager of about 30 cards leaves every other card where it
// was (the freed space stays until the chart is laid out afresh), and
// expanding it again moves nothing either; removing a report moves nothing.
func TestCollapsing30CardsMovesNothingElse(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		p := generate.Shaped(generate.RealSize, seed)
		e := NewEngine(p, Options{})
		before := e.Layout()
		id := ""
		for _, c := range before.Cards {
			if c.Depth >= 2 && c.Below >= 25 && c.Below <= 40 {
				id = c.Position.ID
				break
			}
		}
		if id == "" {
			t.Fatalf("seed %d: no manager of about 30 cards", seed)
		}
		was := &Layout{Cards: append([]Card(nil), before.Cards...), Width: before.Width, Height: before.Height}
		e.SetCollapsed(id, true)
		l := e.Relayout()
		checkInvariants(t, p, l)
		if m := moves(was, l); m != 0 {
			t.Fatalf("seed %d: collapsing %s (%d below) moved %d cards", seed, id, before.Cards[before.Index(id)].Below, m)
		}
		if l.Width != was.Width || l.Height != was.Height {
			t.Fatalf("seed %d: the chart changed size", seed)
		}
		e.SetCollapsed(id, false)
		l = e.Relayout()
		checkInvariants(t, p, l)
		if m := moves(was, l); m != 0 {
			t.Fatalf("seed %d: expanding %s again moved %d cards", seed, id, m)
		}
		// Remove the last report of the manager: nothing else moves.
		rs := p.Reports(id)
		gone := rs[len(rs)-1]
		if len(p.Reports(gone.ID)) == 0 {
			k := slicesIndex(p.Positions, gone)
			p.Positions = append(p.Positions[:k:k], p.Positions[k+1:]...)
			p.Reindex()
			e.Changed(gone.ID, id)
			l = e.Relayout()
			checkInvariants(t, p, l)
			if m := moves(was, l); m != 0 {
				t.Fatalf("seed %d: removing a report moved %d cards", seed, m)
			}
		}
	}
}

func slicesIndex(ps []*orgchart.Position, p *orgchart.Position) int {
	for i, q := range ps {
		if q == p {
			return i
		}
	}
	return -1
}

// TestEngineStartsFromTheDottedIndex: the Engine takes the card index the
// dotted lines' router built over the same cards, rather than building its
// own over the whole chart at the first relayout (6.5 ms of a 0.03 ms edit
// at 100,000 positions).
func TestEngineStartsFromTheDottedIndex(t *testing.T) {
	p := generate.Shaped(5000, 1)
	e := NewEngine(p, Options{})
	if !e.live.built || e.live.g.cols == 0 {
		t.Fatal("the Engine's card index is built at its first relayout, not taken from the dotted lines' router")
	}
	// And it finds what a fresh index finds.
	l := e.Layout()
	fresh := newGrid(l.Cards, l.Width, l.Height)
	x0, y0 := l.Width/3, l.Height/3
	var got, want []int
	e.live.query(l.Cards, l.Width, l.Height, x0, y0, x0+1500, y0+900, alike{}, func(i int) { got = append(got, i) })
	fresh.query(l.Cards, nil, x0, y0, x0+1500, y0+900, func(i int) { want = append(want, i) })
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Fatalf("the kept index finds %d cards, a fresh one %d", len(got), len(want))
	}
}
