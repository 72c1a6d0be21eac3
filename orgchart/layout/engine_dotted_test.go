package layout

import (
	"fmt"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestEngineLeavesADottedLineWhoseCardsStay: a dotted line from deep in
// the chart to its top card is not routed again by an edit elsewhere. The
// top card is placed again after every edit (it heads every path) without
// moving, and the line was looked at along its whole length each time: at
// 100,000 positions that was most of a relayout. When a card placed again
// comes onto the line, it is routed again.
func TestEngineLeavesADottedLineWhoseCardsStay(t *testing.T) {
	p := generate.Shaped(3000, 1)
	for _, pos := range p.Positions {
		pos.DottedTo = nil
	}
	top := p.Tops()[0]
	l := Compute(p, Options{})
	from := l.Cards[l.Index(deepManager(t, l, p, 0))].Position
	from.DottedTo = []string{top.ID}
	ed := orgchart.NewEditor(p)
	p = ed.Plan()
	e := NewEngine(p, Options{})
	line := func(l *Layout) *Edge {
		for k := range l.Edges {
			if ed := &l.Edges[k]; ed.Dotted {
				return ed
			}
		}
		t.Fatal("no dotted line")
		return nil
	}
	was := line(e.Layout()).Points
	other := deepManager(t, e.Layout(), p, 30)
	for k := 0; k < 4; k++ {
		if err := ed.Update(other, func(q *orgchart.Position) { q.Holder = string(rune('a' + k)) }); err != nil {
			t.Fatal(err)
		}
		e.Changed(ed.Touched()...)
		l := e.Relayout()
		checkInvariants(t, p, l)
		if now := line(l).Points; &now[0] != &was[0] || len(now) != len(was) {
			t.Fatalf("edit %d elsewhere routed the line to the top again: %v, was %v", k, now, was)
		}
	}
	// A card placed again onto the line: it is routed again.
	ln := line(e.Layout())
	mid := ln.Points[len(ln.Points)/2]
	if stay, _ := e.stays(ln, e.movedNear(nil, nil)); !stay {
		t.Fatal("the line does not stay with nothing placed again")
	}
	i := int32(e.Layout().Index(other))
	x, y := e.b.cards[i].X, e.b.cards[i].Y
	e.b.cards[i].X, e.b.cards[i].Y = mid.X-10, mid.Y-10
	if stay, _ := e.stays(ln, e.movedNear([]int32{i}, nil)); stay {
		t.Fatal("a card placed onto the line leaves it as it was")
	}
	// The same when most of the chart shifted (the cards are looked up in
	// the spatial index rather than walked over).
	many := make([]int32, 0, movedScan+1)
	for c := range e.b.cards {
		if int32(c) != i && len(many) <= movedScan {
			many = append(many, int32(c))
		}
	}
	e.live.mark(i)
	e.b.cards[i].X, e.b.cards[i].Y = x, y
	if stay, _ := e.stays(ln, e.movedNear(nil, many)); !stay {
		t.Fatal("many cards shifted, none near the line, and it does not stay")
	}
	e.b.cards[i].X, e.b.cards[i].Y = mid.X-10, mid.Y-10
	if stay, _ := e.stays(ln, e.movedNear([]int32{i}, many)); stay {
		t.Fatal("a card shifted onto the line, among many, leaves it as it was")
	}
	e.b.cards[i].X, e.b.cards[i].Y = x, y
}

// TestEngineKeepsARouteItsSearchGivesUpOn: a dotted line across a chart
// of 10,000 cards, from the end of a chain deeper than a tree route goes,
// is past the search's bounds in an Engine and keeps the plain route,
// through cards. An edit of a card it crosses placed that
// card again, and the line was routed again, to the same plain route, at
// every such edit (20-40 us at 100,000). Once routed again to the same
// points with its cards unmoved, it is left as it is.
func TestEngineKeepsARouteItsSearchGivesUpOn(t *testing.T) {
	p := generate.Shaped(10_000, 1)
	for _, pos := range p.Positions {
		pos.DottedTo = nil
	}
	l := Compute(p, Options{})
	// The report near the bottom left, its dotted-line manager near the top right.
	var from, to *Card
	for i := range l.Cards {
		c := &l.Cards[i]
		if c.Depth >= 2 && (from == nil || c.Y-c.X > from.Y-from.X) {
			from = c
		}
	}
	// The report heads a chain deeper than a tree route goes
	// (dottedTreeLevels): its dotted line is routed at the end of it.
	end := from.Position
	for k := 0; k <= dottedTreeLevels; k++ {
		pos := &orgchart.Position{ID: fmt.Sprintf("chain-%d", k), Role: end.Role, ReportsTo: end.ID}
		p.Positions = append(p.Positions, pos)
		end = pos
	}
	p.Reindex()
	l = Compute(p, Options{})
	e0 := &l.Cards[l.Index(end.ID)]
	for i := range l.Cards {
		c := &l.Cards[i]
		if c.Depth >= 2 && c.Below > 0 && (to == nil || (c.X-e0.X)*(e0.Y-c.Y) > (to.X-e0.X)*(e0.Y-to.Y)) {
			to = c
		}
	}
	end.DottedTo = []string{to.Position.ID}
	ed := orgchart.NewEditor(p)
	p = ed.Plan()
	e := NewEngine(p, Options{})
	line := func() *Edge {
		for k := range e.edges {
			if d := &e.edges[k]; d.Dotted {
				return d
			}
		}
		t.Fatal("no dotted line")
		return nil
	}
	// Route it as an Engine does (Compute's router searches the whole chart).
	ln := line()
	e.SetCollapsed(to.Position.ID, true)
	e.Relayout()
	e.SetCollapsed(to.Position.ID, false)
	e.Relayout()
	ln = line()
	crosses := false
	for i := range e.b.cards {
		c := &e.b.cards[i]
		for n := 1; n < len(ln.Points) && i != ln.From && i != ln.To; n++ {
			a, b := ln.Points[n-1], ln.Points[n]
			crosses = crosses || min(a.X, b.X) < c.X+c.W && max(a.X, b.X) > c.X && min(a.Y, b.Y) < c.Y+c.H && max(a.Y, b.Y) > c.Y
		}
	}
	if !crosses {
		t.Fatalf("the line %v crosses no card: the test wants one past the search's bounds", ln.Points)
	}
	// Edits of the report's manager: the report's card is placed again,
	// with its manager's other reports, some of them near the line.
	mgr := end.ReportsTo
	was := ln.Points
	for k := 0; k < 3; k++ {
		if err := ed.Update(mgr, func(q *orgchart.Position) { q.Holder = string(rune('a' + k)) }); err != nil {
			t.Fatal(err)
		}
		e.Changed(ed.Touched()...)
		checkInvariants(t, p, e.Relayout())
		now := line().Points
		if k == 0 && &now[0] == &was[0] {
			t.Fatal("the first edit left the line as it was: the test wants one that routes it again")
		}
		if k > 0 && (&now[0] != &was[0] || len(now) != len(was)) {
			t.Fatalf("edit %d routed the line again: %v, was %v", k, now, was)
		}
		was = now
	}
}

// TestAnEditKeepsDottedLinesClear: a new holder's name on a card with
// dotted lines draws again only that card's lines. Every line was drawn
// again once, in one relayout's bounds: past them, the later ones kept
// the plain route through the cards (11 of the 22 lines at 10,000
// positions, 224 of 230 at 100,000) until the chart was tidied.
func TestAnEditKeepsDottedLinesClear(t *testing.T) {
	ed := orgchart.NewEditor(generate.Shaped(10_000, 1))
	p := ed.Plan()
	e := NewEngine(p, Options{})
	through := func(l *Layout) (lines, cut int) {
		for k := range l.Edges {
			if d := &l.Edges[k]; d.Dotted {
				lines++
				if n, _ := dottedThroughCards(l, d); n > 0 {
					cut++
				}
			}
		}
		return lines, cut
	}
	lines, cut := through(e.Layout())
	if lines < 10 || cut > 0 {
		t.Fatalf("the fresh layout has %d dotted lines, %d through cards: the test wants 10 or more, clear", lines, cut)
	}
	edited := 0
	for _, pos := range p.Positions {
		if len(pos.DottedTo) == 0 || edited == 6 {
			continue
		}
		edited++
		if err := ed.Update(pos.ID, func(q *orgchart.Position) { q.Holder = "New Holder " + pos.ID[:4] }); err != nil {
			t.Fatal(err)
		}
		e.Changed(ed.Touched()...)
		l := e.Relayout()
		if n, c := through(l); n != lines || c > 0 {
			t.Fatalf("after a new holder on %s: %d dotted lines (was %d), %d through cards", pos.ID, n, lines, c)
		}
	}
	if edited == 0 {
		t.Fatal("no card with a dotted line to edit")
	}
}

// TestADottedLineComesBackWithItsCard: collapsing the manager of a
// dotted line's manager hides the line; expanding it shows the card again
// and the line into it from a card that did not change.
func TestADottedLineComesBackWithItsCard(t *testing.T) {
	p := generate.Shaped(3000, 1)
	e := NewEngine(p, Options{})
	count := func(l *Layout, from, to string) int {
		n := 0
		for k := range l.Edges {
			d := &l.Edges[k]
			if d.Dotted && l.Cards[d.From].Position.ID == to && l.Cards[d.To].Position.ID == from {
				n++
			}
		}
		return n
	}
	// A line x -> m whose m has a manager above neither x nor x's line.
	var x, m, boss string
	above := func(a, b string) bool { // a is b or above it
		for id := b; id != ""; id = p.Position(id).ReportsTo {
			if id == a {
				return true
			}
		}
		return false
	}
	for _, pos := range p.Positions {
		for _, to := range pos.DottedTo {
			if mgr := p.Position(to).ReportsTo; mgr != "" && !above(mgr, pos.ID) && count(e.Layout(), pos.ID, to) == 1 {
				x, m, boss = pos.ID, to, mgr
				break
			}
		}
		if x != "" {
			break
		}
	}
	if x == "" {
		t.Fatal("no dotted line to a card whose manager can fold it away")
	}
	e.SetCollapsed(boss, true)
	if n := count(e.Relayout(), x, m); n != 0 {
		t.Fatalf("with %s collapsed, %d lines into its report %s", boss, n, m)
	}
	e.SetCollapsed(boss, false)
	l := e.Relayout()
	if n := count(l, x, m); n != 1 {
		t.Fatalf("with %s expanded again, %d lines from %s into %s, want 1", boss, n, x, m)
	}
	checkInvariants(t, p, l)
}

// TestSettleRoutesWhatAMoveLeftPlain: a move of a big team routes many
// dotted lines again, more than one relayout's budget; those past it keep
// the plain route, through cards, until Settle routes them (the app calls
// it while idle). After Settle the chart has about as few lines through
// cards as a fresh layout of the plan has.
func TestSettleRoutesWhatAMoveLeftPlain(t *testing.T) {
	ed := orgchart.NewEditor(generate.Shaped(30_000, 1))
	p := ed.Plan()
	e := NewEngine(p, Options{})
	cut := func(l *Layout) int {
		n := 0
		for k := range l.Edges {
			if d := &l.Edges[k]; d.Dotted {
				if c, _ := dottedThroughCards(l, d); c > 0 {
					n++
				}
			}
		}
		return n
	}
	var big []string
	for _, i := range e.Layout().DepthFirst() {
		if c := &e.Layout().Cards[i]; c.Below >= 200 && c.Below <= 2000 {
			big = append(big, c.Position.ID)
		}
	}
	left, moves := 0, 0
	for k := 0; k < len(big)/2 && moves < 6; k += 7 {
		x, m := big[k], big[len(big)-1-k]
		if ed.CanMove(x, m) != nil {
			continue
		}
		if err := ed.Move(x, m); err != nil {
			t.Fatal(err)
		}
		moves++
		e.Changed(ed.Touched()...)
		l := e.Relayout()
		left += e.Unsettled()
		for n := 0; !e.Settled(); n++ {
			if n > 50 {
				t.Fatalf("move %d: Settle is not done after 50 calls (%d lines to route)", moves, e.Unsettled())
			}
			e.Settle()
		}
		checkInvariants(t, p, l)
		if got, fresh := cut(l), cut(Compute(p, Options{})); got > fresh+2 {
			t.Fatalf("move %d (%s under %s): %d dotted lines through cards after Settle, a fresh layout %d", moves, x, m, got, fresh)
		}
	}
	if moves < 4 || left < 10 {
		t.Fatalf("%d moves left %d lines to Settle: the test wants more", moves, left)
	}
}

// TestSettleLooksAlongEveryLine: a relayout looks at the dotted lines of
// the cards it moved; a line whose two cards stayed while another card
// came onto it is found by Settle's look along every line, and routed
// around that card.
func TestSettleLooksAlongEveryLine(t *testing.T) {
	p := generate.Shaped(3000, 1)
	e := NewEngine(p, Options{})
	l := e.Layout()
	// A long dotted line, and a card of neither end put onto its middle
	// (as a relayout would leave it after moving that card).
	var line *Edge
	for k := range l.Edges {
		d := &l.Edges[k]
		if d.Dotted && len(d.Points) >= 3 && (line == nil || len(d.Points) > len(line.Points)) {
			line = d
		}
	}
	if line == nil {
		t.Fatal("no dotted line")
	}
	from, to := line.From, line.To
	a, b := line.Points[len(line.Points)/2-1], line.Points[len(line.Points)/2]
	c := -1
	for i := range l.Cards {
		if i != from && i != to && len(p.Reports(l.Cards[i].Position.ID)) == 0 {
			c = i
			break
		}
	}
	k := &e.b.cards[c]
	k.X, k.Y = (a.X+b.X)/2-k.W/2, (a.Y+b.Y)/2-k.H/2
	e.live.mark(int32(c))
	if n, _ := dottedThroughCards(l, line); n == 0 {
		t.Fatal("the card put onto the line does not cross it")
	}
	e.sweepDue = true // as after a relayout
	for n := 0; !e.Settled(); n++ {
		if n > 50 {
			t.Fatal("Settle is not done after 50 calls")
		}
		e.Settle()
	}
	for i := range l.Edges {
		if d := &l.Edges[i]; d.Dotted && d.From == from && d.To == to {
			if n, first := dottedThroughCards(l, d); n > 0 {
				t.Fatalf("after Settle the line still crosses a card: %s", first)
			}
			return
		}
	}
	t.Fatal("the line is gone")
}
