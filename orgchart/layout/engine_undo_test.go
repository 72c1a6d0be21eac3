package layout

import (
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestUndoingAnAddMovesOneCard: adding a report to the top manager and
// undoing it, again and again (what the app's edit benchmark does), moves
// the new card and the top's card only. The row that shrank once kept its
// slot by keeping the top's card where it was and moving every report over
// by a card's width: the whole chart jumped on each undo, and a relayout
// cost the chart, not the edit.
func TestUndoingAnAddMovesOneCard(t *testing.T) {
	for _, p := range []*orgchart.Plan{generate.Generate(3000, 1), generate.Shaped(1516, 2)} {
		ed := orgchart.NewEditor(p)
		e := NewEngine(p, Options{})
		top := p.Tops()[0].ID
		for step := 0; step < 6; step++ {
			was := map[*orgchart.Position][2]float32{}
			for _, c := range e.Layout().Cards {
				was[c.Position] = [2]float32{c.X, c.Y}
			}
			if step%2 == 0 {
				if _, err := ed.Add("software-engineer", top); err != nil {
					t.Fatal(err)
				}
			} else if !ed.Undo() {
				t.Fatal("nothing to undo")
			}
			e.Changed(ed.Touched()...)
			l := e.Relayout()
			moved := 0
			for _, c := range l.Cards {
				if w, ok := was[c.Position]; ok && w != [2]float32{c.X, c.Y} && c.Position.ID != top {
					moved++
				}
			}
			if moved > 0 {
				t.Errorf("%s, step %d: %d cards besides the top moved", p.Name, step, moved)
			}
			checkInvariants(t, p, l)
		}
	}
}
