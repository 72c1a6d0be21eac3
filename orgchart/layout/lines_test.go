package layout

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// checkLineIndex: EdgeInto and DottedEdges find what one look at every
// line finds.
func checkLineIndex(t *testing.T, step string, l *Layout) {
	t.Helper()
	into := make([]int, len(l.Cards))
	for i := range into {
		into[i] = -1
	}
	var dotted, got []int
	for k, ed := range l.Edges {
		if ed.Dotted {
			dotted = append(dotted, k)
		} else {
			into[ed.To] = k
		}
	}
	for i := range l.Cards {
		if l.EdgeInto(i) != into[i] {
			t.Fatalf("%s: EdgeInto(%d) = %d, want %d", step, i, l.EdgeInto(i), into[i])
		}
	}
	l.DottedEdges(func(k int) { got = append(got, k) })
	slices.Sort(got)
	if !slices.Equal(got, dotted) {
		t.Fatalf("%s: DottedEdges gives %d lines, the edges hold %d", step, len(got), len(dotted))
	}
}

func TestLineIndexFollowsEdits(t *testing.T) {
	p := generate.Generate(3000, 4)
	rng := rand.New(rand.NewPCG(3, 4))
	dotted := 0
	for _, pos := range p.Positions {
		dotted += len(pos.DottedTo)
	}
	if dotted == 0 {
		t.Fatal("the generated plan has no dotted lines to look at")
	}
	checkLineIndex(t, "compute", Compute(p, Options{}))
	c := Compute(p, Options{})
	checkLineIndex(t, "by hand", &Layout{Cards: c.Cards, Edges: c.Edges})
	ed := orgchart.NewEditor(p)
	e := NewEngine(p, Options{})
	checkLineIndex(t, "engine", e.Layout())
	for step := 0; step < 60; step++ {
		pos := p.Positions[rng.IntN(len(p.Positions))]
		switch rng.IntN(4) {
		case 0:
			if _, err := ed.Add("software-engineer", pos.ID); err != nil {
				t.Fatal(err)
			}
		case 1:
			if pos.ReportsTo != "" && len(p.Reports(pos.ID)) < 5 {
				_ = ed.Remove(pos.ID, orgchart.RemoveSubtree)
			}
		case 2:
			ed.Undo()
		default:
			to := p.Positions[rng.IntN(len(p.Positions))]
			_ = ed.Move(pos.ID, to.ID) // refused when it would make a cycle
		}
		e.Changed(ed.Touched()...)
		checkLineIndex(t, "after edit", e.Relayout())
	}
}
