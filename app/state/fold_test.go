package state

import (
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// Folding one manager in a real-shaped organisation keeps every card outside
// its team where it was, so the view does not jump; unfolding gives the
// chart back as it was.
func TestFoldingOneManagerMovesNothingElse(t *testing.T) {
	cat := apptest.Catalog(t)
	s := New(cat)
	s.Load(generate.Shaped(1516, 1), cat, "")
	s.ExpandAll()
	before := s.Layout()
	where := map[string][2]float32{}
	for _, c := range before.Cards {
		where[c.Position.ID] = [2]float32{c.X, c.Y}
	}
	// A manager with a team of 20 to 60 below it.
	target := ""
	for _, c := range before.Cards {
		if c.Below >= 20 && c.Below <= 60 && c.Depth >= 2 {
			target = c.Position.ID
			break
		}
	}
	if target == "" {
		t.Fatal("no manager with a team of 20 to 60 in the generated plan")
	}
	inTeam := map[string]bool{}
	var mark func(id string)
	mark = func(id string) {
		for _, r := range s.Plan().Reports(id) {
			inTeam[r.ID] = true
			mark(r.ID)
		}
	}
	mark(target)

	s.ToggleCollapsed(target)
	moved := 0
	for _, c := range s.Layout().Cards {
		if inTeam[c.Position.ID] {
			t.Fatalf("%s is shown although its manager is folded", c.Position.ID)
		}
		if where[c.Position.ID] != [2]float32{c.X, c.Y} {
			moved++
		}
	}
	if moved != 0 {
		t.Errorf("folding %s (%d below) moved %d other cards", target, len(inTeam), moved)
	}

	s.ToggleCollapsed(target)
	moved = 0
	for _, c := range s.Layout().Cards {
		if where[c.Position.ID] != [2]float32{c.X, c.Y} {
			moved++
		}
	}
	if moved != 0 {
		t.Errorf("unfolding %s moved %d cards from where they were before the fold", target, moved)
	}
}
