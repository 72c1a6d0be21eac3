package layout

import (
	"math/rand/v2"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestTheLiveIndexFollowsShiftedGroups: a move that shifts most of the
// chart by a gap leaves the shifted cards in the Engine's index where
// they were, in groups moved by an offset. Every query must still find
// the cards where they are now, each once, as a look at every card does;
// and a query leaving out the cards a relayout shifted alike with a
// dotted line leaves out only cards that moved by that offset in it.
func TestTheLiveIndexFollowsShiftedGroups(t *testing.T) {
	ed := orgchart.NewEditor(generate.Shaped(10_000, 1))
	p := ed.Plan()
	e := NewEngine(p, Options{})
	do := moveTeam(ed, e.Layout(), p)
	rng := rand.New(rand.NewPCG(1, 2))
	grouped, leftOut := 0, 0
	for k := 0; k < 8; k++ {
		before := map[*orgchart.Position]Point{}
		for _, c := range e.Layout().Cards {
			before[c.Position] = Point{c.X, c.Y}
		}
		editOrUndo(t, ed, do, k)
		e.Changed(ed.Touched()...)
		l := e.Relayout()
		v := e.live
		for n := 1; n < len(v.groups); n++ {
			grouped += v.groups[n].cards
		}
		// The offset most shifted cards moved by in this relayout.
		var delta Point
		best := int32(-1)
		for _, s := range e.blocks {
			if b := e.b.size[s.top]; b > best {
				best, delta = b, Point{s.dx, s.dy}
			}
		}
		for q := 0; q < 60; q++ {
			w, h := rng.Float32()*3000+1, rng.Float32()*2000+1
			x0, y0 := rng.Float32()*l.Width-w/2, rng.Float32()*l.Height-h/2
			x1, y1 := x0+w, y0+h
			want := map[int]bool{}
			for i := range l.Cards {
				c := &l.Cards[i]
				if !(c.X > x1 || c.Y > y1 || c.X+c.W < x0 || c.Y+c.H < y0) {
					want[i] = true
				}
			}
			got := map[int]bool{}
			v.query(l.Cards, l.Width, l.Height, x0, y0, x1, y1, alike{}, func(i int) {
				if got[i] {
					t.Fatalf("relayout %d: the index gives card %d twice", k, i)
				}
				got[i] = true
			})
			if len(got) != len(want) {
				t.Fatalf("relayout %d: the index finds %d cards in %v,%v-%v,%v, a look at every card %d", k, len(got), x0, y0, x1, y1, len(want))
			}
			for i := range want {
				if !got[i] {
					t.Fatalf("relayout %d: the index misses card %d at %v,%v", k, i, l.Cards[i].X, l.Cards[i].Y)
				}
			}
			if best < 0 {
				continue
			}
			kept := map[int]bool{}
			v.query(l.Cards, l.Width, l.Height, x0, y0, x1, y1, alike{v.epoch, delta}, func(i int) { kept[i] = true })
			for i := range want {
				if kept[i] {
					continue
				}
				c := &l.Cards[i]
				was, ok := before[c.Position]
				if !ok || abs32(c.X-was.X-delta.X) > 0.01 || abs32(c.Y-was.Y-delta.Y) > 0.01 {
					t.Fatalf("relayout %d: leaving out the cards shifted by %v leaves out card %s, which moved from %v to %v,%v", k, delta, c.Position.ID, was, c.X, c.Y)
				}
				leftOut++
			}
		}
	}
	if grouped < 1000 || leftOut < 1000 {
		t.Fatalf("the relayouts kept %d cards in groups and left out %d: the test wants more of each", grouped, leftOut)
	}
}

// TestAGridQueryFindsMovedCards: cards moved after the grid was built,
// each group by its own offset of up to half a cell, are found where they
// are now, each once, as a look at every card finds them; and a group
// left out is not found.
func TestAGridQueryFindsMovedCards(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cards := make([]Card, 3000)
	for i := range cards {
		cards[i] = Card{X: rng.Float32() * 20000, Y: rng.Float32() * 12000, W: CardW, H: CardH}
	}
	g := newGrid(cards, 20000+CardW, 12000+CardH)
	offs := []Point{{}, {g.cellW / 2, 0}, {-g.cellW / 3, g.cellH / 2}, {7, -g.cellH / 2}}
	group := make([]uint8, len(cards))
	var pad Point
	for n := 1; n < len(offs); n++ {
		pad = Point{max(pad.X, abs32(offs[n].X)), max(pad.Y, abs32(offs[n].Y))}
	}
	for i := range cards {
		n := uint8(rng.IntN(len(offs)))
		group[i] = n
		cards[i].X += offs[n].X
		cards[i].Y += offs[n].Y
	}
	for q := 0; q < 300; q++ {
		w, h := rng.Float32()*2500+1, rng.Float32()*1500+1
		x0, y0 := rng.Float32()*20000-w/2, rng.Float32()*12000-h/2
		x1, y1 := x0+w, y0+h
		leave := uint8(rng.IntN(len(offs)))
		mv := moved{group: group, offs: offs, pad: pad}
		if leave > 0 {
			mv.leave = 1 << leave
		}
		got := map[int]bool{}
		g.queryMoved(cards, nil, mv, x0, y0, x1, y1, func(i int) {
			if got[i] {
				t.Fatalf("card %d given twice", i)
			}
			got[i] = true
		})
		for i := range cards {
			c := &cards[i]
			in := !(c.X > x1 || c.Y > y1 || c.X+c.W < x0 || c.Y+c.H < y0) && (leave == 0 || group[i] != leave)
			if in != got[i] {
				t.Fatalf("card %d of group %d at %v,%v: found %v, in %v,%v-%v,%v %v (group %d left out)", i, group[i], c.X, c.Y, got[i], x0, y0, x1, y1, in, leave)
			}
		}
	}
}
