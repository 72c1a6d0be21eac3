package state

import (
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// cardsOf maps each card of the state's layout to its place; it fails when
// the layout does not show every position of the expanded plan exactly once.
func cardsOf(t *testing.T, s *State, step string) map[string][2]float32 {
	t.Helper()
	lay := s.Layout()
	where := map[string][2]float32{}
	for _, c := range lay.Cards {
		if _, twice := where[c.Position.ID]; twice {
			t.Fatalf("%s: %s has two cards", step, c.Position.ID)
		}
		if s.Plan().Position(c.Position.ID) != c.Position {
			t.Fatalf("%s: the card of %s is not the plan's position (removed or stale)", step, c.Position.ID)
		}
		where[c.Position.ID] = [2]float32{c.X, c.Y}
		if lay.Index(c.Position.ID) < 0 {
			t.Fatalf("%s: Index does not find %s", step, c.Position.ID)
		}
	}
	if len(where) != len(s.Plan().Positions) {
		t.Fatalf("%s: %d cards for %d positions", step, len(where), len(s.Plan().Positions))
	}
	return where
}

// Undo and redo lay out through the engine (only what the edit changed):
// the layout shows the plan as it is after each. How many other cards an
// undone add moves is the engine's to keep small (logged).
func TestUndoRedoLayOutWhatChanged(t *testing.T) {
	cat := apptest.Catalog(t)
	s := New(cat)
	s.Load(generate.Shaped(1516, 2), cat, "")
	s.ExpandAll()
	p := s.Plan()
	top := p.Tops()[0].ID
	mgr := p.Reports(top)[0].ID
	other := p.Reports(top)[len(p.Reports(top))-1].ID
	cardsOf(t, s, "opened")

	pos, err := s.Add("software-engineer", mgr)
	if err != nil {
		t.Fatal(err)
	}
	added := cardsOf(t, s, "add")
	if !s.Undo() {
		t.Fatal("nothing to undo")
	}
	undone := cardsOf(t, s, "undo of the add")
	if _, ok := undone[pos.ID]; ok {
		t.Fatal("the undone position still has a card")
	}
	moved := 0
	for id, at := range undone {
		if added[id] != at {
			moved++
		}
	}
	t.Logf("undoing one added card moved %d of %d other cards", moved, len(undone))
	if !s.Redo() {
		t.Fatal("nothing to redo")
	}
	cardsOf(t, s, "redo of the add")

	if err := s.Move(mgr, other); err != nil {
		t.Fatal(err)
	}
	cardsOf(t, s, "move")
	s.Undo()
	cardsOf(t, s, "undo of the move")
	if err := s.Remove(mgr, orgchart.RemoveSubtree); err != nil {
		t.Fatal(err)
	}
	cardsOf(t, s, "remove with reports")
	s.Undo()
	cardsOf(t, s, "undo of the removal")
	s.Redo()
	cardsOf(t, s, "redo of the removal")
	s.Undo()
	if err := s.Remove(mgr, orgchart.LiftReports); err != nil {
		t.Fatal(err)
	}
	cardsOf(t, s, "remove lifting the reports")
	s.Undo()
	cardsOf(t, s, "undo of the lifting removal")
	if err := s.SetPlan(func(pl *orgchart.Plan) { pl.Name = "Renamed" }); err != nil {
		t.Fatal(err)
	}
	cardsOf(t, s, "plan settings")
	s.Undo()
	cardsOf(t, s, "undo of the plan settings")
}
