package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestEngineShiftsSubtreesAsPlacingWould: a move that gives its new
// manager's column more width shifts most of the chart sideways (6,541 of
// 10,000 cards here). The subtrees not laid out again move as blocks; every
// card must then be where its manager's box puts it, every solid line
// where drawing it again puts it, and every dotted line on its two cards.
func TestEngineShiftsSubtreesAsPlacingWould(t *testing.T) {
	ed := orgchart.NewEditor(generate.Shaped(10_000, 1))
	p := ed.Plan()
	e := NewEngine(p, Options{})
	before := snapshot(e.Layout())
	do := moveTeam(ed, e.Layout(), p)
	for k := 0; k < 3; k++ {
		editOrUndo(t, ed, do, k)
		e.Changed(ed.Touched()...)
		l := e.Relayout()
		if k == 0 {
			moved := 0
			for _, c := range l.Cards {
				if w, ok := before[c.Position.ID]; ok && w != [2]float32{c.X, c.Y} {
					moved++
				}
			}
			if moved <= movedScan {
				t.Fatalf("the move shifted %d cards: the test wants more than %d", moved, movedScan)
			}
		}
		checkInvariants(t, p, l)
		checkPlaced(t, e)
	}
}

// checkPlaced checks every card of an Engine against its manager's box,
// and every line against its cards.
func checkPlaced(t *testing.T, e *Engine) {
	t.Helper()
	b := e.b
	near := func(a, c float32) bool { return a-c < 0.01 && c-a < 0.01 }
	for _, i := range e.l.DepthFirst() {
		x, y := b.boxX[i], b.boxY[i]
		if m := b.parent[i]; m >= 0 {
			x, y = b.boxX[m]+b.ox[i], b.boxY[m]+b.oy[i]
		}
		c := &b.cards[i]
		if !near(b.boxX[i], x) || !near(b.boxY[i], y) || !near(c.X, x+b.rx[i]) || !near(c.Y, y) ||
			c.Subtree != (Rect{b.boxX[i], b.boxY[i], b.bw[i], b.bh[i]}) {
			t.Fatalf("card %s at (%v,%v) box (%v,%v), its manager's box puts it at (%v,%v)", c.Position.ID, c.X, c.Y, b.boxX[i], b.boxY[i], x+b.rx[i], y)
		}
		if b.parent[i] < 0 {
			continue
		}
		var raw [5]Point
		want := simplify(nil, raw[:b.edgePoints(i, &raw)])
		got := simplify(nil, e.edges[b.edgeOf[i]].Points)
		same := len(got) == len(want)
		for k := 0; same && k < len(got); k++ {
			same = near(got[k].X, want[k].X) && near(got[k].Y, want[k].Y)
		}
		if !same {
			t.Fatalf("the line into %s is %v, drawn again it is %v", c.Position.ID, got, want)
		}
	}
	r := newEngineRouter(b.cards, b.rootW, b.rootH, e.live)
	for k := range e.edges {
		ed := &e.edges[k]
		if !ed.Dotted {
			continue
		}
		s, end, _ := r.ends(int32(ed.From), int32(ed.To))
		if pts := ed.Points; pts[0] != s || pts[len(pts)-1] != end {
			t.Fatalf("dotted line %d runs %v-%v, its cards are at %v-%v", k, pts[0], pts[len(pts)-1], s, end)
		}
	}
}

// TestShiftedDottedLinesStayClear: a move that shifts most of the chart
// moves the dotted lines of the subtrees shifted as blocks with them,
// looking only along the pieces between the blocks' boxes. Every line so
// moved that kept clear of cards and solid lines before the relayout
// keeps clear after it.
func TestShiftedDottedLinesStayClear(t *testing.T) {
	ed := orgchart.NewEditor(generate.Shaped(30_000, 1))
	p := ed.Plan()
	e := NewEngine(p, Options{})
	do := moveTeam(ed, e.Layout(), p)
	key := func(l *Layout, d *Edge) string { return l.Cards[d.To].Position.ID + ">" + l.Cards[d.From].Position.ID }
	all := 0
	for k := 0; k < 4; k++ {
		// The lines clear before the relayout, by their two cards' ids.
		l := e.Layout()
		beside := map[string]bool{}
		for _, s := range dottedBesideSolid(l) {
			beside[strings.SplitN(s, ":", 2)[0]] = true
		}
		clear := map[string][]Point{}
		for i := range l.Edges {
			d := &l.Edges[i]
			if n, _ := dottedThroughCards(l, d); d.Dotted && n == 0 {
				name := l.Cards[d.To].Position.ID + " -> " + l.Cards[d.From].Position.ID
				if !beside[name] {
					clear[key(l, d)] = slices.Clone(d.Points)
				}
			}
		}
		editOrUndo(t, ed, do, k)
		e.Changed(ed.Touched()...)
		l = e.Relayout()
		beside = map[string]bool{}
		for _, s := range dottedBesideSolid(l) {
			beside[strings.SplitN(s, ":", 2)[0]] = true
		}
		moved := 0
		for i := range l.Edges {
			d := &l.Edges[i]
			was, ok := clear[key(l, d)]
			if !d.Dotted || !ok || len(was) != len(d.Points) || was[0] == d.Points[0] {
				continue
			}
			dx, dy := d.Points[0].X-was[0].X, d.Points[0].Y-was[0].Y
			same := true
			for n, q := range d.Points {
				same = same && q == Point{was[n].X + dx, was[n].Y + dy}
			}
			if !same {
				continue
			}
			moved++
			if n, first := dottedThroughCards(l, d); n > 0 {
				t.Errorf("relayout %d: a line moved with its cards by %v,%v meets a card: %s", k, dx, dy, first)
			}
			if name := l.Cards[d.To].Position.ID + " -> " + l.Cards[d.From].Position.ID; beside[name] {
				t.Errorf("relayout %d: a line moved with its cards by %v,%v runs beside a solid line: %s", k, dx, dy, name)
			}
		}
		all += moved
	}
	if all < 20 {
		t.Fatalf("the relayouts moved %d clear dotted lines with their cards: the test wants more", all)
	}
}

// TestAShiftedDottedLineLooksBetweenTheBoxes: the pieces of a shifted
// dotted line outside its two blocks' boxes are looked along: a card put
// onto one of them (a card not shifted with the blocks) sends the line
// to be routed again, and nothing else does.
func TestAShiftedDottedLineLooksBetweenTheBoxes(t *testing.T) {
	ed := orgchart.NewEditor(generate.Shaped(30_000, 1))
	p := ed.Plan()
	e := NewEngine(p, Options{})
	if err := moveTeam(ed, e.Layout(), p)(); err != nil {
		t.Fatal(err)
	}
	e.Changed(ed.Touched()...)
	e.Relayout()
	inBlock := e.blockOf()
	b := e.b
	tried := 0
	for k := range e.edges {
		d := e.edges[k]
		if !d.Dotted {
			continue
		}
		// The line as it was before the shift, if it moved with blocks.
		top := func(c int32) int { return e.blockAt(c, inBlock) }
		n := top(int32(d.To))
		if n < 0 || top(int32(d.From)) < 0 {
			continue
		}
		blk := e.blocks[n]
		old := d
		old.Points = make([]Point, len(d.Points))
		for i, q := range d.Points {
			old.Points[i] = Point{q.X - blk.dx, q.Y - blk.dy}
		}
		pts, looked := e.movedInBlock(&old, inBlock)
		if !looked || !slices.Equal(pts, d.Points) {
			continue
		}
		// A part of a piece outside both boxes (less their margins), and a
		// card of neither block put onto it.
		var in [2]obstacle
		for k, c := range [2]int32{int32(d.To), int32(d.From)} {
			t := e.blocks[top(c)].top
			in[k] = obstacle{b.boxX[t] + blockMargin, b.boxY[t] + blockMargin,
				b.boxX[t] + b.bw[t] - blockMargin, b.boxY[t] + b.bh[t] - blockMargin}
		}
		var out [3][2]Point
		for i := 1; i < len(pts); i++ {
			parts := outside(pts[i-1], pts[i], in, &out)
			if len(parts) == 0 || parts[0][0] == parts[0][1] {
				continue
			}
			p0, q0 := parts[0][0], parts[0][1]
			other := b.dotted.live.order[0] // the top card: placed, never in a block
			c := &b.cards[other]
			x, y := c.X, c.Y
			c.X, c.Y = (p0.X+q0.X)/2-c.W/2, (p0.Y+q0.Y)/2-c.H/2
			e.live.mark(other)
			if got, looked := e.movedInBlock(&old, inBlock); !looked || got != nil {
				t.Errorf("a card put onto the part %v-%v between the boxes leaves the line as it was", p0, q0)
			}
			c.X, c.Y = x, y
			if got, _ := e.movedInBlock(&old, inBlock); !slices.Equal(got, d.Points) {
				t.Errorf("the card put back, the line is not moved as it was")
			}
			tried++
			break
		}
	}
	if tried < 5 {
		t.Fatalf("%d shifted lines with a piece between their boxes: the test wants more", tried)
	}
}

// TestOutsideCutsAPieceByTwoBoxes: a piece running through two boxes
// keeps only its parts in neither; one beside a box keeps all of it.
func TestOutsideCutsAPieceByTwoBoxes(t *testing.T) {
	boxes := [2]obstacle{{0, 100, 50, 200}, {0, 300, 50, 400}}
	var out [3][2]Point
	cases := []struct {
		p, q Point
		want [][2]Point
	}{
		// Down through both boxes: before, between and after them.
		{Point{10, 0}, Point{10, 500}, [][2]Point{{{10, 0}, {10, 100}}, {{10, 200}, {10, 300}}, {{10, 400}, {10, 500}}}},
		// Up, from inside the first box to inside the second: between them.
		{Point{10, 350}, Point{10, 150}, [][2]Point{{{10, 200}, {10, 300}}}},
		// Inside one box: nothing.
		{Point{5, 120}, Point{45, 120}, nil},
		// Across, out of the first box to the right.
		{Point{40, 150}, Point{90, 150}, [][2]Point{{{50, 150}, {90, 150}}}},
		// Beside both boxes: all of it.
		{Point{60, 0}, Point{60, 500}, [][2]Point{{{60, 0}, {60, 500}}}},
	}
	for _, c := range cases {
		got := outside(c.p, c.q, boxes, &out)
		if len(got) != len(c.want) {
			t.Errorf("%v-%v: parts %v, want %v", c.p, c.q, got, c.want)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%v-%v: parts %v, want %v", c.p, c.q, got, c.want)
				break
			}
		}
	}
}
