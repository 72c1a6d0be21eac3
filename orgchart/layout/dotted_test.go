package layout

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/samples"
)

// dottedCrossings lists the dotted lines' pieces that pass through a card
// (its inside, not its edge), and the lines that do not start on their
// report's edge and end on their manager's.
func dottedCrossings(l *Layout) []string {
	var bad []string
	onEdge := func(p Point, c *Card) bool {
		in := p.X >= c.X && p.X <= c.X+c.W && p.Y >= c.Y && p.Y <= c.Y+c.H
		return in && (p.X == c.X || p.X == c.X+c.W || p.Y == c.Y || p.Y == c.Y+c.H)
	}
	for _, e := range l.Edges {
		if !e.Dotted {
			continue
		}
		from, to := &l.Cards[e.From], &l.Cards[e.To]
		name := fmt.Sprintf("%s -> %s", to.Position.ID, from.Position.ID)
		if !onEdge(e.Points[0], to) || !onEdge(e.Points[len(e.Points)-1], from) {
			bad = append(bad, name+": does not join its cards' edges")
		}
		for k := 1; k < len(e.Points); k++ {
			p, q := e.Points[k-1], e.Points[k]
			if p.X != q.X && p.Y != q.Y {
				bad = append(bad, fmt.Sprintf("%s: a slanted piece %v-%v", name, p, q))
			}
			x0, x1 := min(p.X, q.X), max(p.X, q.X)
			y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
			for i := range l.Cards {
				c := &l.Cards[i]
				if x0 < c.X+c.W && x1 > c.X && y0 < c.Y+c.H && y1 > c.Y {
					bad = append(bad, fmt.Sprintf("%s: %v-%v passes through %s's card", name, p, q, c.Position.ID))
				}
			}
		}
	}
	return bad
}

// withDottedLines adds n dotted lines between random positions of p (none
// to itself, its manager or twice the same).
func withDottedLines(p *orgchart.Plan, n int, seed int64) *orgchart.Plan {
	rng := rand.New(rand.NewSource(seed))
	for added := 0; added < n; {
		a, m := p.Positions[rng.Intn(len(p.Positions))], p.Positions[rng.Intn(len(p.Positions))]
		if a == m || a.ReportsTo == m.ID || len(a.DottedTo) > 0 {
			continue
		}
		a.DottedTo = []string{m.ID}
		added++
	}
	return p
}

// dottedCases are the plans the dotted-line tests lay out: the samples, the
// generated plans with their own dotted lines, and real-shaped and
// generated ones with dotted lines between random positions.
func dottedCases(t *testing.T) map[string]*orgchart.Plan {
	t.Helper()
	cases := map[string]*orgchart.Plan{
		"generated-1516":          generate.Generate(1516, 1),
		"shaped-1516":             generate.Shaped(generate.RealSize, 1),
		"shaped-1516-60-random":   withDottedLines(generate.Shaped(generate.RealSize, 2), 60, 1),
		"generated-400-40-random": withDottedLines(generate.Generate(400, 3), 40, 2),
	}
	for _, name := range []string{"startup", "scaleup", "enterprise"} {
		p, err := samples.Build(name)
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = p
	}
	return cases
}

// TestDottedLinesGoAroundCards: on the samples, on the generated plans
// with their own dotted lines, and on the real-shaped organisation with
// dotted lines between random positions anywhere in the chart, no dotted
// line passes behind a card, and every one joins its two cards' edges.
func TestDottedLinesGoAroundCards(t *testing.T) {
	cases := dottedCases(t)
	for name, p := range cases {
		for _, fold := range []int{0, -1} {
			start := time.Now()
			l := Compute(p, Options{Fold: fold})
			took := time.Since(start)
			dotted := 0
			for _, e := range l.Edges {
				if e.Dotted {
					dotted++
				}
			}
			bad := dottedCrossings(l)
			t.Logf("%s, fold %d: %d dotted lines, %d bad, layout %v", name, fold, dotted, len(bad), took)
			for _, b := range bad[:min(len(bad), 5)] {
				t.Errorf("%s, fold %d: %s", name, fold, b)
			}
		}
	}
}
