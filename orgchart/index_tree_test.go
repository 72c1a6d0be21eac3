package orgchart_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// treeMatches checks the tree by number against the index's lists.
func treeMatches(p *orgchart.Plan) error {
	t := p.Tree()
	if len(t.Pos) != len(p.Positions) || len(t.Kid0) != len(p.Positions)+1 {
		return fmt.Errorf("tree of %d positions (%d offsets), plan of %d", len(t.Pos), len(t.Kid0), len(p.Positions))
	}
	for i, pos := range p.Positions {
		if t.Pos[i] != pos {
			return fmt.Errorf("tree position %d is %s, plan's is %s", i, t.Pos[i].ID, pos.ID)
		}
		if t.Number(pos) != int32(i) {
			return fmt.Errorf("Number(%s) = %d, want %d", pos.ID, t.Number(pos), i)
		}
		rs, ks := p.Reports(pos.ID), t.Reports(int32(i))
		if len(rs) != len(ks) {
			return fmt.Errorf("%s: %d reports in the tree, %d in the index", pos.ID, len(ks), len(rs))
		}
		for k := range rs {
			if t.Pos[ks[k]] != rs[k] {
				return fmt.Errorf("%s: report %d is %s in the tree, %s in the index", pos.ID, k, t.Pos[ks[k]].ID, rs[k].ID)
			}
		}
	}
	if t.Order == nil {
		return nil // (a plan whose walk reaches a position twice)
	}
	k := 0
	bad := error(nil)
	p.Walk(func(pos *orgchart.Position, depth int) bool {
		switch {
		case k >= len(t.Order) || t.Pos[t.Order[k]] != pos:
			bad = fmt.Errorf("order %d is not Walk's %s", k, pos.ID)
		case t.At[t.Order[k]] != int32(k) || t.Depth[t.Order[k]] != int32(depth):
			bad = fmt.Errorf("%s: at %d depth %d, want %d and %d", pos.ID, t.At[t.Order[k]], t.Depth[t.Order[k]], k, depth)
		case (t.Parent[t.Order[k]] < 0) != (p.Manager(pos) == nil) || (t.Parent[t.Order[k]] >= 0 && t.Pos[t.Parent[t.Order[k]]] != p.Manager(pos)):
			bad = fmt.Errorf("%s: wrong parent", pos.ID)
		}
		k++
		return bad == nil
	})
	if bad != nil {
		return bad
	}
	if k != len(t.Order) {
		return fmt.Errorf("order of %d, Walk visits %d", len(t.Order), k)
	}
	tops := p.Tops()
	if len(tops) != len(t.Tops) {
		return fmt.Errorf("%d tops in the tree, %d in the index", len(t.Tops), len(tops))
	}
	for k := range tops {
		if t.Pos[t.Tops[k]] != tops[k] {
			return fmt.Errorf("top %d differs", k)
		}
	}
	return nil
}

// TestTreeFollowsEdits: the tree by number is built again after every kind
// of edit and its undo (the commands patch the index in place), so a layout
// never walks a stale one.
func TestTreeFollowsEdits(t *testing.T) {
	p := generate.Generate(300, 2)
	e := orgchart.NewEditor(p)
	e.SetCatalog(builtin(t))
	if err := treeMatches(p); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 9))
	pick := func() *orgchart.Position { return p.Positions[rng.IntN(len(p.Positions))] }
	kinds := map[string]int{}
	for i := 0; i < 600; i++ {
		var err error
		kind := ""
		switch op := rng.IntN(6); op {
		case 0:
			kind = "add"
			_, err = e.Add("software-engineer", pick().ID)
		case 1:
			kind = "move"
			if err = e.Move(pick().ID, pick().ID); err != nil {
				err, kind = nil, "" // a cycle: refused, nothing changed
			}
		case 2:
			if len(p.Positions) > 100 {
				kind = "remove"
				err = e.Remove(pick().ID, orgchart.RemoveSubtree)
			}
		case 3:
			kind = "lift"
			err = e.Remove(pick().ID, orgchart.LiftReports)
		case 4:
			kind = "undo"
			e.Undo()
		default:
			kind = "redo"
			e.Redo()
		}
		if err != nil {
			t.Fatalf("edit %d (%s): %v", i, kind, err)
		}
		kinds[kind]++
		if err := treeMatches(p); err != nil {
			t.Fatalf("after edit %d (%s): %v", i, kind, err)
		}
	}
	for _, k := range []string{"add", "move", "remove", "lift", "undo", "redo"} {
		if kinds[k] < 20 {
			t.Errorf("only %d edits of kind %s", kinds[k], k)
		}
	}
}

// TestTreeOfDuplicatesAndUnknownManagers: positions reporting to an
// unknown id are tops, as in the index, and a plan built in code with a
// repeated id lists the same reports under both, as Reports does.
func TestTreeOfDuplicatesAndUnknownManagers(t *testing.T) {
	p := &orgchart.Plan{Positions: []*orgchart.Position{
		{ID: "a"}, {ID: "b", ReportsTo: "a"}, {ID: "c", ReportsTo: "nobody"}, {ID: "a"}, {ID: "d", ReportsTo: "a"},
	}}
	tr := p.Tree()
	if tr.Order != nil {
		t.Fatal("a tree reaching positions twice has a depth-first order")
	}
	if err := treeMatches(p); err != nil {
		t.Fatal(err)
	}
	if got := len(tr.Reports(0)); got != 2 {
		t.Errorf("first a has %d reports in the tree, want 2 (b, d)", got)
	}
	if len(tr.Tops) != 3 {
		t.Errorf("%d tops, want 3 (a, c, a)", len(tr.Tops))
	}
	if tr.Number(&orgchart.Position{ID: "a"}) != -1 {
		t.Error("a position not in the plan has a number")
	}
}

// BenchmarkTree100k builds the index and the tree by number of a
// 100,000-position plan, BenchmarkIndex100k the index alone: the tree is
// built once per change of the plan (the layout benchmarks build both
// before timing).
func BenchmarkTree100k(b *testing.B)  { indexBench(b, true) }
func BenchmarkIndex100k(b *testing.B) { indexBench(b, false) }

func indexBench(b *testing.B, tree bool) {
	p := generate.Shaped(100_000, 1)
	for b.Loop() {
		p.Reindex()
		p.Tops()
		if tree {
			p.Tree()
		}
	}
}

// TestTreeOrderLeavesCyclesOut: positions in a reporting cycle are not
// reached from the tops and have no place in the order.
func TestTreeOrderLeavesCyclesOut(t *testing.T) {
	p := &orgchart.Plan{Positions: []*orgchart.Position{
		{ID: "a"}, {ID: "x", ReportsTo: "y"}, {ID: "b", ReportsTo: "a"}, {ID: "y", ReportsTo: "x"},
	}}
	if err := treeMatches(p); err != nil {
		t.Fatal(err)
	}
	tr := p.Tree()
	if len(tr.Order) != 2 || tr.At[1] != -1 || tr.At[3] != -1 || tr.At[2] != 1 || tr.Parent[2] != 0 || tr.Depth[2] != 1 {
		t.Errorf("order %v, at %v, parent %v, depth %v", tr.Order, tr.At, tr.Parent, tr.Depth)
	}
}
