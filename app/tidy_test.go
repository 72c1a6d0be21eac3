package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// TestTidyLayoutIsInTheViewMenu: after a team moved away and back (its
// slot kept, so that the view did not jump), View > Tidy layout
// (Ctrl+Shift+L) lays the chart out as a plan just opened is, and says so.
func TestTidyLayoutIsInTheViewMenu(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.st.Load(generate.Shaped(generate.RealSize, 1), u.st.Base(), "")
	u.st.ExpandAll()
	p := u.st.Plan()
	top := p.Tops()[0].ID
	team, under := "", ""
	for _, r := range p.Reports(top) {
		for _, m := range p.Reports(r.ID) {
			if len(p.Reports(m.ID)) > 0 && under == "" && team != "" {
				under = m.ID
			}
		}
		if team == "" {
			team = r.ID
		}
	}
	if err := u.st.Move(team, under); err != nil {
		t.Fatal(err)
	}
	if err := u.st.Move(team, top); err != nil {
		t.Fatal(err)
	}
	c := layout.Compute(p, layout.Options{})
	if l := u.st.Layout(); l.Width == c.Width && l.Height == c.Height {
		t.Fatalf("the move and back kept no room (%v x %v): the test wants a chart to tidy", l.Width, l.Height)
	}
	u.mainMenu()
	found := false
	for _, m := range u.menu.Items {
		for _, it := range m.Items {
			found = found || (m.Label == "View" && it.Label == "Tidy layout" && it.Shortcut != nil)
		}
	}
	if !found {
		t.Error("no View > Tidy layout with its shortcut")
	}
	u.runShortcut(t, fyne.KeyL, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	if l := u.st.Layout(); l.Width != c.Width || l.Height != c.Height || len(l.Cards) != len(c.Cards) {
		t.Fatalf("tidied: %v x %v, a fresh layout %v x %v", l.Width, l.Height, c.Width, c.Height)
	}
	if !strings.Contains(u.lastStatus, "afresh") {
		t.Errorf("the status says %q", u.lastStatus)
	}
}
