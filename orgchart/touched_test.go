package orgchart_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestEditorTouched: each edit kind names what it changed, the same after
// Undo and Redo, in a fixed order.
func TestEditorTouched(t *testing.T) {
	cases := []struct {
		name     string
		edit     func(e *orgchart.Editor) error
		want     []string
		settings bool
	}{
		{"add", func(e *orgchart.Editor) error {
			_, err := e.AddPosition(orgchart.Position{ID: "f", Role: "sre-manager", ReportsTo: "b"})
			return err
		},
			[]string{"f", "b"}, false},
		{"add top", func(e *orgchart.Editor) error {
			_, err := e.AddPosition(orgchart.Position{ID: "f", Role: "sre-manager"})
			return err
		},
			[]string{"f"}, false},
		{"move", func(e *orgchart.Editor) error { return e.Move("c", "e") }, []string{"c", "b", "e"}, false},
		{"move to top", func(e *orgchart.Editor) error { return e.Move("c", "") }, []string{"c", "b"}, false},
		{"update", func(e *orgchart.Editor) error {
			return e.Update("d", func(p *orgchart.Position) { p.Holder = "Dee" })
		}, []string{"d"}, false},
		{"relation", func(e *orgchart.Editor) error { return e.SetRelation("d", "sec-policy", orgchart.RelOwns) }, []string{"d"}, false},
		// b's subtree in plan order, then its manager, then e whose dotted line to d was cut.
		{"remove subtree", func(e *orgchart.Editor) error { return e.Remove("b", orgchart.RemoveSubtree) },
			[]string{"b", "c", "d", "a", "e"}, false},
		{"remove lifting", func(e *orgchart.Editor) error { return e.Remove("b", orgchart.LiftReports) },
			[]string{"b", "a", "c", "d"}, false},
		{"remove leaf with a dotted line", func(e *orgchart.Editor) error { return e.Remove("d", orgchart.RemoveSubtree) },
			[]string{"d", "b", "e"}, false},
		{"set plan", func(e *orgchart.Editor) error {
			return e.SetPlan(func(p *orgchart.Plan) { p.Policy.LayersMax = 4 })
		}, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := small(t)
			if e.Touched() != nil || e.PlanChanged() {
				t.Fatalf("a new editor: Touched %v, PlanChanged %v", e.Touched(), e.PlanChanged())
			}
			if err := c.edit(e); err != nil {
				t.Fatal(err)
			}
			for _, step := range []string{"apply", "undo", "redo"} {
				switch step {
				case "undo":
					e.Undo()
				case "redo":
					e.Redo()
				}
				if got := e.Touched(); !slices.Equal(got, c.want) {
					t.Errorf("after %s: Touched %q, want %q", step, got, c.want)
				}
				if e.PlanChanged() != c.settings {
					t.Errorf("after %s: PlanChanged %v, want %v", step, e.PlanChanged(), c.settings)
				}
			}
		})
	}
}

// TestEditorTouchedRemoveCutsPolicy: a removal that drops an intended
// arrangement changes the policy too.
func TestEditorTouchedRemoveCutsPolicy(t *testing.T) {
	e := small(t)
	if err := e.SetPlan(func(p *orgchart.Plan) { p.Policy.Intended = []string{"c"} }); err != nil {
		t.Fatal(err)
	}
	if err := e.Remove("c", orgchart.RemoveSubtree); err != nil {
		t.Fatal(err)
	}
	if !e.PlanChanged() || !slices.Equal(e.Touched(), []string{"c", "b"}) {
		t.Errorf("PlanChanged %v, Touched %q", e.PlanChanged(), e.Touched())
	}
	if err := e.Remove("d", orgchart.RemoveSubtree); err != nil {
		t.Fatal(err)
	}
	if e.PlanChanged() {
		t.Errorf("a removal that leaves the policy alone: PlanChanged")
	}
}

// look is what Touched promises to cover about one position: its fields,
// its manager and its reports in order.
func look(p *orgchart.Plan) map[string]string {
	out := make(map[string]string, len(p.Positions))
	for _, pos := range p.Positions {
		var reports []string
		for _, r := range p.Reports(pos.ID) {
			reports = append(reports, r.ID)
		}
		out[pos.ID] = fmt.Sprintf("%s|%s|%s|%d|%v|%v|%s|%v|%v|%v|%s|%v",
			pos.Role, pos.Title, pos.Holder, pos.Count, pos.Cost, pos.DottedTo, pos.Notes,
			pos.Owns, pos.Supports, pos.NotOwns, pos.ReportsTo, reports)
	}
	return out
}

// TestEditorTouchedIsExact: over random edits, undos and redos Touched
// lists exactly the positions whose fields, manager or reports differ, and
// PlanChanged says exactly when the settings did.
func TestEditorTouchedIsExact(t *testing.T) {
	p := generate.Generate(300, 11)
	e := orgchart.NewEditor(p)
	e.SetCatalog(builtin(t))
	rng := rand.New(rand.NewPCG(3, 11))
	pick := func() *orgchart.Position { return p.Positions[rng.IntN(len(p.Positions))] }
	kinds := map[string]int{}
	for i := 0; i < 3000; i++ {
		before, settings := look(p), fmt.Sprint(p.Name, p.Scope, p.Policy)
		rev := e.Revision()
		kind := ""
		switch op := rng.IntN(100); {
		case len(p.Positions) < 20:
			kind = "add"
			_, _ = e.Add("software-engineer", "")
		case op < 20:
			kind = "add"
			_, _ = e.Add("software-engineer", pick().ID)
		case op < 40:
			kind = "move"
			_ = e.Move(pick().ID, pick().ID) // cycles are refused
		case op < 48 && len(p.Positions) > 200:
			kind = "remove"
			_ = e.Remove(pick().ID, orgchart.RemoveSubtree)
		case op < 56 && len(p.Positions) > 50:
			kind = "lift"
			_ = e.Remove(pick().ID, orgchart.LiftReports)
		case op < 68:
			kind = "update"
			other := pick().ID
			_ = e.Update(pick().ID, func(q *orgchart.Position) {
				q.Holder = fmt.Sprint("H", i)
				if other != q.ID && !slices.Contains(q.DottedTo, other) {
					q.DottedTo = append(q.DottedTo, other)
				}
			})
		case op < 74:
			kind = "policy"
			intended := []string{pick().ID}
			_ = e.SetPlan(func(q *orgchart.Plan) { q.Policy.Intended = intended; q.Name = fmt.Sprint("P", i) })
		case op < 88:
			kind = "undo"
			e.Undo()
		default:
			kind = "redo"
			e.Redo()
		}
		if e.Revision() == rev {
			continue
		}
		kinds[kind]++
		after := look(p)
		var changed []string
		for id, b := range before {
			if a, ok := after[id]; !ok || a != b {
				changed = append(changed, id)
			}
		}
		for id := range after {
			if _, ok := before[id]; !ok {
				changed = append(changed, id)
			}
		}
		got := e.Touched()
		if len(slices.Compact(slices.Sorted(slices.Values(got)))) != len(got) {
			t.Fatalf("edit %d (%s): Touched repeats an id: %q", i, kind, got)
		}
		sort.Strings(changed)
		if g := slices.Sorted(slices.Values(got)); !slices.Equal(g, changed) {
			t.Fatalf("edit %d (%s): Touched %q, changed %q", i, kind, g, changed)
		}
		if want := settings != fmt.Sprint(p.Name, p.Scope, p.Policy); e.PlanChanged() != want {
			t.Fatalf("edit %d (%s): PlanChanged %v, settings changed %v", i, kind, e.PlanChanged(), want)
		}
	}
	for _, k := range []string{"add", "move", "remove", "lift", "update", "policy", "undo", "redo"} {
		if kinds[k] < 20 {
			t.Errorf("only %d %s edits: the test does not exercise them", kinds[k], k)
		}
	}
}
