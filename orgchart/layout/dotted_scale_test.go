package layout

import (
	"fmt"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// dottedThroughCards counts the pieces of dotted line e that pass
// through a card (found through the layout's card index, so it costs what
// the line covers, not the chart's cards), and names the first.
func dottedThroughCards(l *Layout, e *Edge) (pieces int, first string) {
	for k := 1; k < len(e.Points); k++ {
		p, q := e.Points[k-1], e.Points[k]
		x0, x1 := min(p.X, q.X), max(p.X, q.X)
		y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
		crosses := false
		l.Visible(x0, y0, x1, y1, func(i int) {
			c := &l.Cards[i]
			if x0 < c.X+c.W && x1 > c.X && y0 < c.Y+c.H && y1 > c.Y {
				if !crosses && first == "" {
					first = fmt.Sprintf("%s -> %s: %v-%v passes through %s's card", l.Cards[e.To].Position.ID, l.Cards[e.From].Position.ID, p, q, c.Position.ID)
				}
				crosses = true
			}
		})
		if crosses {
			pieces++
		}
	}
	return pieces, first
}

// levelsApart is how many cards there are on the two chains of managers
// from cards i and j up to the lowest manager over both (all of both
// chains when they have none).
func levelsApart(l *Layout, i, j int) (levels int, common bool) {
	up := func(c int) []string {
		var chain []string
		for pos := l.Cards[c].Position; pos != nil; {
			chain = append(chain, pos.ID)
			k := l.Index(pos.ReportsTo)
			if pos.ReportsTo == "" || k < 0 {
				break
			}
			pos = l.Cards[k].Position
		}
		return chain
	}
	a, m := up(i), up(j)
	for len(a) > 0 && len(m) > 0 && a[len(a)-1] == m[len(m)-1] {
		a, m, common = a[:len(a)-1], m[:len(m)-1], true
	}
	return len(a) + len(m), common
}

// TestDottedLinesAvoidCardsAtScale: on big generated charts (10,000 to
// 100,000 positions, with the generators' own dotted lines, most of them
// between cards far apart) no dotted line passes through a card. (They
// took the plain route through cards before: at 100,000, 246 of 246 and
// 229 of 230.) On the random tree, deeper than any organisation (287
// levels, 250 tops at 10,000), the lines more than dottedTreeLevels
// levels apart, and some between two tops (a window of more than
// dottedTreeNear tops' boxes), may keep the plain route: the tree route's
// cost is bounded by the levels and the rectangles.
func TestDottedLinesAvoidCardsAtScale(t *testing.T) {
	sizes := []int{10_000, 30_000, 100_000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	gens := []struct {
		name string
		make func(n int) *orgchart.Plan
	}{
		{"generated", func(n int) *orgchart.Plan { return generate.Generate(n, 1) }},
		{"shaped", func(n int) *orgchart.Plan { return generate.Shaped(n, 1) }},
		{"random", func(n int) *orgchart.Plan { return randomPlan(n, 1) }},
	}
	for _, g := range gens {
		for _, n := range sizes {
			if g.name == "random" && n > 10_000 {
				continue // past 10,000 its lines outrun the tree routes' budget
			}
			p := g.make(n)
			start := time.Now()
			l := Compute(p, Options{})
			took := time.Since(start)
			total, bad, deep, twoTops := 0, 0, 0, 0
			for _, e := range l.Edges {
				if !e.Dotted {
					continue
				}
				total++
				pieces, first := dottedThroughCards(l, &e)
				if pieces == 0 {
					continue
				}
				if apart, common := levelsApart(l, e.To, e.From); apart > dottedTreeLevels {
					deep++
					continue
				} else if !common {
					twoTops++
					continue
				}
				bad++
				if bad <= 3 {
					t.Errorf("%s-%d: %s", g.name, n, first)
				}
			}
			t.Logf("%s-%d: %d dotted lines, %d through cards: %d more than %d levels apart, %d between two tops; layout %v", g.name, n, total, bad+deep+twoTops, deep, dottedTreeLevels, twoTops, took)
			if g.name != "random" && deep+twoTops > 0 {
				t.Errorf("%s-%d: %d lines through cards more than %d levels apart or between two tops", g.name, n, deep+twoTops, dottedTreeLevels)
			}
		}
	}
}

// TestTreeRouteStopsWhereItCannotRoute: past dottedIndexCards a chart
// whose tree routes fail three times in four after treeTriesJudged
// tries stops trying them first; smaller charts, charts where they
// work, and an Engine's relayout go on.
func TestTreeRouteStopsWhereItCannotRoute(t *testing.T) {
	big := &dottedRouter{cards: make([]Card, dottedIndexCards+1)}
	for _, c := range []struct {
		r          *dottedRouter
		tries, won int
		want       bool
	}{
		{big, treeTriesJudged - 1, 0, true},
		{big, treeTriesJudged, treeTriesJudged/4 - 1, false},
		{big, treeTriesJudged, treeTriesJudged / 4, true},
		{big, 4 * treeTriesJudged, treeTriesJudged - 1, false},
		{&dottedRouter{cards: make([]Card, dottedIndexCards)}, treeTriesJudged, 0, true},
		{&dottedRouter{cards: big.cards, live: &live{}}, treeTriesJudged, 0, true},
	} {
		c.r.treeTries, c.r.treeWins = c.tries, c.won
		if got := c.r.treeWorks(); got != c.want {
			t.Errorf("%d cards, engine %v, %d tries, %d found: treeWorks %v, want %v", len(c.r.cards), c.r.live != nil, c.tries, c.won, got, c.want)
		}
	}
}
