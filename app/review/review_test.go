package review

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
)

func TestSelectingAFindingPicksItsPosition(t *testing.T) {
	test.NewTempApp(t)
	cat := apptest.Catalog(t)
	st := state.New(cat)
	picked := ""
	p := New(st, func(id string) { picked = id })
	st.Listen(func(c state.Change) {
		if c&state.ChangedPlan != 0 {
			p.Refresh()
		}
	})
	w := test.NewTempWindow(t, p.Root())
	w.Resize(fyne.NewSize(420, 800))
	st.Load(apptest.Plan(), cat, "")
	rep := st.Report()
	for i, f := range rep.Findings {
		if len(f.Positions) == 0 {
			continue
		}
		p.SelectFinding(i)
		if picked != f.Positions[0] {
			t.Errorf("selecting %q picked %q, want %q", f.Message, picked, f.Positions[0])
		}
		return
	}
	t.Fatal("the test plan raised no finding about a position")
}
