package layout

import (
	"fmt"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// sameLayout fails unless a and b are the same chart: every card, every
// connector point and the size.
func sameLayout(t *testing.T, name string, a, b *Layout) {
	t.Helper()
	if a.Width != b.Width || a.Height != b.Height || len(a.Cards) != len(b.Cards) || len(a.Edges) != len(b.Edges) {
		t.Fatalf("%s: %vx%v with %d cards, %d lines against %vx%v with %d cards, %d lines", name,
			a.Width, a.Height, len(a.Cards), len(a.Edges), b.Width, b.Height, len(b.Cards), len(b.Edges))
	}
	for i := range a.Cards {
		if a.Cards[i] != b.Cards[i] {
			t.Fatalf("%s: card %d differs: %+v against %+v", name, i, a.Cards[i], b.Cards[i])
		}
	}
	for i := range a.Edges {
		x, y := a.Edges[i], b.Edges[i]
		if x.From != y.From || x.To != y.To || x.Dotted != y.Dotted || fmt.Sprint(x.Points) != fmt.Sprint(y.Points) {
			t.Fatalf("%s: line %d differs: %+v against %+v", name, i, x, y)
		}
	}
}

// TestParallelLayoutIsTheSerialOne: arranging subtrees on several
// goroutines gives the chart one goroutine gives, card for card and point
// for point, whatever the number of goroutines (run it with -race too).
func TestParallelLayoutIsTheSerialOne(t *testing.T) {
	plans := map[string]*orgchart.Plan{
		"shaped-10k":   generate.Shaped(10_000, 3),
		"generated-6k": generate.Generate(6_000, 2),
		"random-8k":    randomPlan(8_000, 5),
	}
	for _, name := range []string{"shaped-10k", "generated-6k", "random-8k"} {
		p := plans[name]
		for k, opt := range []Options{{}, {Fold: -1}, {Collapsed: map[string]bool{p.Positions[7].ID: true}, Depth: 9}, {Root: p.Positions[1].ID}} {
			serial := opt
			serial.workers = 1
			want := Compute(p, serial)
			if k == 0 && len(want.Cards) < minParallel {
				t.Fatalf("%s: %d cards, too few to be arranged in parallel", name, len(want.Cards))
			}
			for _, n := range []int{2, 3} {
				par := opt
				par.workers = n
				sameLayout(t, fmt.Sprintf("%s, %d goroutines", name, n), want, Compute(p, par))
			}
		}
	}
}

// TestPiecesCoverEveryCardOnce: the pieces and the cards above them are
// every card once, each piece whole subtrees under one manager.
func TestPiecesCoverEveryCardOnce(t *testing.T) {
	b := newBuilder(generate.Shaped(30_000, 1), Options{})
	ps, upper := b.pieces(int32(len(b.cards) / 16))
	seen := make([]int, len(b.cards))
	for _, m := range upper {
		seen[m]++
	}
	for _, p := range ps {
		for i := p.lo; i < p.hi; i++ {
			seen[i]++
		}
		if p.lo > p.hi || p.lo+b.size[p.lo] > p.hi {
			t.Fatalf("piece %v cuts the subtree of card %d (%d cards)", p, p.lo, b.size[p.lo])
		}
		for i := p.lo; i < p.hi; i += b.size[i] {
			if b.parent[i] != b.parent[p.lo] {
				t.Fatalf("piece %v holds subtrees of two managers", p)
			}
		}
	}
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("card %d is in %d pieces", i, n)
		}
	}
	if len(ps) < 8 {
		t.Fatalf("only %d pieces", len(ps))
	}
}
