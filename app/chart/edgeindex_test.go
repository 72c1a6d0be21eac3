package chart

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// The edge index finds, in any view, every connector that a look at all of
// them finds: expanded, folded as opened, after edits, with dotted lines.
func TestEdgeIndexFindsEveryLineInView(t *testing.T) {
	cat := apptest.Catalog(t)
	st := state.New(cat)
	plan := generate.Shaped(1516, 3)
	st.Load(plan, cat, "")
	rng := rand.New(rand.NewPCG(1, 2))
	var x edgeIndex
	check := func(step string) {
		t.Helper()
		lay := st.Layout()
		for v := 0; v < 200; v++ {
			w := float32(50 + rng.IntN(3000))
			h := w * (0.3 + rng.Float32())
			x0 := rng.Float32()*(lay.Width+400) - 200
			y0 := rng.Float32()*(lay.Height+400) - 200
			x1, y1 := x0+w, y0+h
			var want, got []int
			for i := range lay.Edges {
				if edgeInView(&lay.Edges[i], x0, y0, x1, y1) {
					want = append(want, i)
				}
			}
			x.visit(st.Plan(), lay, x0, y0, x1, y1, func(i int) {
				if edgeInView(&lay.Edges[i], x0, y0, x1, y1) {
					got = append(got, i)
				}
			})
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: view %.0f,%.0f-%.0f,%.0f: index finds %d lines, all of them %d", step, x0, y0, x1, y1, len(got), len(want))
			}
		}
	}
	check("opened")
	st.ExpandAll()
	check("expanded")
	p := st.Plan()
	mgr := ""
	for _, pos := range p.Positions {
		if len(p.Reports(pos.ID)) > 3 && pos.ReportsTo != "" {
			mgr = pos.ID
			break
		}
	}
	if _, err := st.Add("software-engineer", mgr); err != nil {
		t.Fatal(err)
	}
	check("after an add")
	st.Undo()
	check("after its undo")
	dotted := 0
	for _, e := range st.Layout().Edges {
		if e.Dotted {
			dotted++
		}
	}
	if dotted == 0 {
		t.Log("no dotted lines in the generated plan")
	}
}
