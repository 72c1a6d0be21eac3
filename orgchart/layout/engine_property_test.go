package layout

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// sameCards checks that the engine's layout shows what Compute shows with
// the same collapse marks: the same cards (depths, hidden and below
// counts), the same solid lines between them, the same dotted lines, and
// the tree order of DepthFirst; the places may differ (kept slots).
func sameCards(t *testing.T, step string, p *orgchart.Plan, col map[string]bool, l *Layout) {
	t.Helper()
	c := Compute(p, Options{Collapsed: col})
	if len(l.Cards) != len(c.Cards) {
		t.Fatalf("%s: %d cards, Compute %d", step, len(l.Cards), len(c.Cards))
	}
	order := l.DepthFirst()
	if len(order) != len(l.Cards) {
		t.Fatalf("%s: depth-first order of %d cards, %d shown", step, len(order), len(l.Cards))
	}
	for j, i := range order {
		a, b := &l.Cards[i], &c.Cards[j]
		if a.Position != b.Position || a.Depth != b.Depth || a.Hidden != b.Hidden || a.Below != b.Below || a.W != b.W || a.H != b.H {
			t.Fatalf("%s: card %d in tree order is %s (depth %d, %d hidden, %d below), Compute %s (%d, %d, %d)", step, j,
				a.Position.ID, a.Depth, a.Hidden, a.Below, b.Position.ID, b.Depth, b.Hidden, b.Below)
		}
		if l.Index(a.Position.ID) != int(i) {
			t.Fatalf("%s: Index(%s) = %d, the card is %d", step, a.Position.ID, l.Index(a.Position.ID), i)
		}
	}
	lines := func(l *Layout) []string {
		var out []string
		for _, e := range l.Edges {
			out = append(out, fmt.Sprintf("%s>%s %v", l.Cards[e.From].Position.ID, l.Cards[e.To].Position.ID, e.Dotted))
		}
		slices.Sort(out)
		return out
	}
	if a, b := lines(l), lines(c); !slices.Equal(a, b) {
		t.Fatalf("%s: %d lines, Compute %d (%v...)", step, len(a), len(b), a[:min(len(a), 5)])
	}
	for k, e := range l.Edges {
		if !e.Dotted && l.Cards[e.To].Position.ReportsTo != l.Cards[e.From].Position.ID {
			t.Fatalf("%s: line %d from %s to %s, who reports to %s", step, k, l.Cards[e.From].Position.ID, l.Cards[e.To].Position.ID, l.Cards[e.To].Position.ReportsTo)
		}
	}
	// Visible finds every card once, as a scan does.
	n := 0
	seen := map[int]bool{}
	l.Visible(0, 0, l.Width, l.Height, func(i int) {
		if seen[i] {
			t.Fatalf("%s: Visible gave card %d twice", step, i)
		}
		seen[i] = true
		n++
	})
	if n != len(l.Cards) {
		t.Fatalf("%s: Visible of the whole chart gives %d of %d cards", step, n, len(l.Cards))
	}
	for _, i := range []int{0, len(l.Cards) / 2, len(l.Cards) - 1} {
		if i < 0 || i >= len(l.Cards) {
			continue
		}
		k := &l.Cards[i]
		if got := l.At(k.X+1, k.Y+1); got != i {
			t.Fatalf("%s: At the corner of card %d (%s) gives %d", step, i, k.Position.ID, got)
		}
	}
	// And every part of it, as a scan finds it: the chart in a 4 x 4
	// tiling, and a screen around every 7th card (the index keeps cards
	// that moved where they were, in groups and aside).
	var rects [][4]float32
	for a := range 4 {
		for b := range 4 {
			x0, y0 := l.Width*float32(a)/4, l.Height*float32(b)/4
			rects = append(rects, [4]float32{x0, y0, x0 + l.Width/4, y0 + l.Height/4})
		}
	}
	for i := 0; i < len(l.Cards); i += 7 {
		k := &l.Cards[i]
		rects = append(rects, [4]float32{k.X - 700, k.Y - 400, k.X + 700, k.Y + 400})
	}
	for _, r := range rects {
		want := 0
		for i := range l.Cards {
			k := &l.Cards[i]
			if !(k.X > r[2] || k.Y > r[3] || k.X+k.W < r[0] || k.Y+k.H < r[1]) {
				want++
			}
		}
		clear(seen)
		l.Visible(r[0], r[1], r[2], r[3], func(i int) {
			k := &l.Cards[i]
			if seen[i] || k.X > r[2] || k.Y > r[3] || k.X+k.W < r[0] || k.Y+k.H < r[1] {
				t.Fatalf("%s: Visible of %v gave card %d twice or outside it", step, r, i)
			}
			seen[i] = true
		})
		if len(seen) != want {
			t.Fatalf("%s: Visible of %v gives %d cards, a scan %d", step, r, len(seen), want)
		}
	}
}

// sameAsCompute checks that the layout is Compute's exactly.
func sameAsCompute(t *testing.T, step string, p *orgchart.Plan, col map[string]bool, l *Layout) {
	t.Helper()
	c := Compute(p, Options{Collapsed: col})
	if l.Width != c.Width || l.Height != c.Height || len(l.Cards) != len(c.Cards) || len(l.Edges) != len(c.Edges) {
		t.Fatalf("%s: tidied %vx%v %d cards %d lines, Compute %vx%v %d %d", step, l.Width, l.Height, len(l.Cards), len(l.Edges), c.Width, c.Height, len(c.Cards), len(c.Edges))
	}
	for i := range l.Cards {
		if l.Cards[i] != c.Cards[i] {
			t.Fatalf("%s: tidied card %d differs from Compute's", step, i)
		}
	}
}

// TestEngineRandomEditsMatchCompute: random additions, removals (with and
// without the reports), moves, collapses, expansions, undos and redos,
// each told to the engine as the app does (the positions the editor says
// it touched); after each step the layout keeps every rule and shows what
// Compute shows, and after Tidy it is Compute's.
func TestEngineRandomEditsMatchCompute(t *testing.T) {
	plans := []struct {
		mk   func() *orgchart.Plan
		fold bool // some managers start collapsed
	}{
		{func() *orgchart.Plan { return randomPlan(300, 11) }, true},
		{func() *orgchart.Plan { return generate.Shaped(400, 5) }, true},
		{func() *orgchart.Plan { return randomPlan(120, 3) }, true},
		{func() *orgchart.Plan { return generate.Generate(300, 2) }, true},
		// Organisations nobody here made, shown whole: a public HR
		// dataset's people, and a 1,500-person retailer in Workday's export.
		{func() *orgchart.Plan { return importedPeople(t, "hrdataset-v14.csv") }, false},
		{func() *orgchart.Plan { return importedPeople(t, "workday-retail-1500.csv") }, false},
	}
	for pi, pl := range plans {
		rng := rand.New(rand.NewSource(int64(pi) + 1))
		ed := orgchart.NewEditor(pl.mk())
		p := ed.Plan()
		col := map[string]bool{}
		// Some managers start collapsed: expanding them must work too.
		for _, pos := range p.Positions {
			if pl.fold && len(p.Reports(pos.ID)) > 0 && rng.Intn(6) == 0 {
				col[pos.ID] = true
			}
		}
		e := NewEngine(p, Options{Collapsed: col})
		for step := 0; step < 160; step++ {
			pick := func() *orgchart.Position { return p.Positions[rng.Intn(len(p.Positions))] }
			var what string
			fold := false
			switch op := rng.Intn(10); {
			case op < 2:
				m := pick()
				pos, err := ed.Add("software-engineer", m.ID)
				if err != nil {
					t.Fatal(err)
				}
				what = "add " + pos.ID + " under " + m.ID
			case op == 2 && len(p.Positions) > 20:
				x := pick()
				mode := orgchart.RemoveMode(rng.Intn(2))
				if err := ed.Remove(x.ID, mode); err != nil {
					continue
				}
				what = fmt.Sprintf("remove %s (mode %d)", x.ID, mode)
			case op == 3:
				x, m := pick(), pick()
				if ed.CanMove(x.ID, m.ID) != nil || x.ReportsTo == m.ID {
					continue
				}
				if err := ed.Move(x.ID, m.ID); err != nil {
					t.Fatal(err)
				}
				what = "move " + x.ID + " under " + m.ID
			case op == 4 || op == 5:
				x := pick()
				if len(p.Reports(x.ID)) == 0 && !col[x.ID] {
					continue
				}
				col[x.ID] = !col[x.ID]
				if !col[x.ID] {
					delete(col, x.ID)
				}
				e.SetCollapsed(x.ID, col[x.ID])
				fold = true
				what = fmt.Sprintf("fold %s: %v", x.ID, col[x.ID])
			case op == 6 || op == 7:
				if !ed.Undo() {
					continue
				}
				what = "undo"
			case op == 8:
				if !ed.Redo() {
					continue
				}
				what = "redo"
			case rng.Intn(2) == 0: // a dotted line drawn or taken away
				x, m := pick(), pick()
				if x == m {
					continue
				}
				had := slices.Contains(x.DottedTo, m.ID)
				if err := ed.Update(x.ID, func(q *orgchart.Position) {
					if had {
						q.DottedTo = slices.DeleteFunc(slices.Clone(q.DottedTo), func(id string) bool { return id == m.ID })
					} else {
						q.DottedTo = append(slices.Clone(q.DottedTo), m.ID)
					}
				}); err != nil {
					t.Fatal(err)
				}
				what = fmt.Sprintf("dotted line %s -> %s: %v", x.ID, m.ID, !had)
			default:
				x := pick()
				if err := ed.Update(x.ID, func(q *orgchart.Position) { q.Holder = fmt.Sprintf("h%d", step) }); err != nil {
					t.Fatal(err)
				}
				what = "update " + x.ID
			}
			if !fold {
				e.Changed(ed.Touched()...)
			}
			l := e.Relayout()
			name := fmt.Sprintf("plan %d step %d (%s)", pi, step, what)
			checkInvariants(t, p, l)
			sameCards(t, name, p, col, l)
			if step%40 == 39 {
				e.Tidy()
				sameAsCompute(t, name+" tidied", p, col, e.Relayout())
			}
		}
	}
}

// TestEngineKeepsUnrelatedCardsOnAddAndUndo: adding a report and undoing
// it, as the app does, moves no card outside the manager's path and
// subtree, and every card after the undo is where it was after the add.
func TestEngineKeepsUnrelatedCardsOnAddAndUndo(t *testing.T) {
	ed := orgchart.NewEditor(generate.Shaped(generate.RealSize, 4))
	p := ed.Plan()
	e := NewEngine(p, Options{})
	before := snapshot(e.Layout())
	id := deepManager(t, e.Layout(), p, 1)
	pos, err := ed.Add("software-engineer", id)
	if err != nil {
		t.Fatal(err)
	}
	e.Changed(ed.Touched()...)
	l := e.Relayout()
	checkInvariants(t, p, l)
	if l.Index(pos.ID) < 0 {
		t.Fatal("the new card is not shown")
	}
	up, in := ancestors(p, id), within(p, id)
	for _, c := range l.Cards {
		if w, ok := before[c.Position.ID]; ok && !up[c.Position.ID] && !in[c.Position.ID] && w != [2]float32{c.X, c.Y} {
			t.Logf("adding under %s moved %s", id, c.Position.ID)
		}
	}
	after := snapshot(l)
	ed.Undo()
	e.Changed(ed.Touched()...)
	l = e.Relayout()
	checkInvariants(t, p, l)
	if l.Index(pos.ID) >= 0 {
		t.Fatal("the undone card is still shown")
	}
	for _, c := range l.Cards {
		if after[c.Position.ID] != [2]float32{c.X, c.Y} {
			t.Fatalf("undoing the addition moved %s", c.Position.ID)
		}
	}
}

func snapshot(l *Layout) map[string][2]float32 {
	out := make(map[string][2]float32, len(l.Cards))
	for _, c := range l.Cards {
		out[c.Position.ID] = [2]float32{c.X, c.Y}
	}
	return out
}
