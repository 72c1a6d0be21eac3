package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart"
)

// runShortcut runs what the window does for a shortcut (the test canvas
// cannot fire canvas shortcuts).
func (u *ui) runShortcut(t *testing.T, key fyne.KeyName, mod fyne.KeyModifier) {
	t.Helper()
	for _, s := range u.shortcuts() {
		if c, ok := s.key.(*desktop.CustomShortcut); ok && c.KeyName == key && c.Modifier == mod {
			s.run()
			return
		}
	}
	t.Fatalf("no shortcut %v+%v", mod, key)
}

func TestUndoAndRedoSayWhatAndShowIt(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	if err := u.st.Move("qa", "ciso"); err != nil {
		t.Fatal(err)
	}
	u.st.Select("cto")
	u.chart.SetView(1, fyne.NewPos(3000, 3000)) // away from everything
	u.undo()
	if !strings.Contains(u.lastStatus, "Undid moving QA Engineer (vacant) under Chief Information Security Officer") {
		t.Errorf("undo says %q", u.lastStatus)
	}
	if u.st.Selected() != "qa" || !u.inView("qa") {
		t.Errorf("after undo: selected %q, qa in view %v", u.st.Selected(), u.inView("qa"))
	}
	u.redo()
	if !strings.HasPrefix(u.lastStatus, "Redid moving QA Engineer") {
		t.Errorf("redo says %q", u.lastStatus)
	}
	// undoing an add shows the manager it was added under
	added, err := u.st.Add("site-reliability-engineer", "em")
	if err != nil {
		t.Fatal(err)
	}
	u.undo()
	if u.st.Plan().Position(added.ID) != nil || u.st.Selected() != "em" || !strings.Contains(u.lastStatus, "adding Site Reliability Engineer under Software Engineering Manager (Grace Hopper)") {
		t.Errorf("undoing the add: selected %q, status %q", u.st.Selected(), u.lastStatus)
	}
}

func TestCtrlQAsksAboutUnsavedChanges(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	if err := u.st.Update("qa", func(p *orgchart.Position) { p.Holder = "Edsger Dijkstra" }); err != nil {
		t.Fatal(err)
	}
	u.runShortcut(t, fyne.KeyQ, fyne.KeyModifierShortcutDefault)
	findButton(t, u, "Discard changes")
	test.Tap(findButton(t, u, "Cancel"))
	if u.quitting {
		t.Error("Cancel quit anyway")
	}
	u.mainMenu()
	quit := u.menu.Items[0].Items[len(u.menu.Items[0].Items)-1]
	if quit.Shortcut == nil || !quit.IsQuit {
		t.Errorf("File > Quit shows no shortcut: %+v", quit)
	}
}

func TestMenusShowTheirShortcuts(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.mainMenu()
	for _, m := range u.menu.Items {
		for _, it := range m.Items {
			if it.IsSeparator || it.ChildMenu != nil || it.Shortcut != nil {
				continue
			}
			switch it.Label {
			case "Undo  (Ctrl+Z)", "Remove position, keep its reports  (Delete)":
				continue // the canvas keeps these for text fields; the label says the key
			}
			if strings.Contains(it.Label, "Find") || strings.Contains(it.Label, "Save") || strings.Contains(it.Label, "Zoom") || it.Label == "Quit" || strings.HasPrefix(it.Label, "Expand") {
				t.Errorf("%s > %s shows no shortcut", m.Label, it.Label)
			}
		}
	}
}

func TestEscapeInAFieldGoesBackToTheChart(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.st.Select("qa")
	u.openInspector()
	f := u.win.Canvas().Focused()
	if f == nil || f == fyne.Focusable(u.chart) {
		t.Fatal("the inspector's holder field has no focus")
	}
	test.Type(f, "Barbara Liskov")
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Focused() != fyne.Focusable(u.chart) {
		t.Fatalf("after Escape the focus is on %T, not the chart", u.win.Canvas().Focused())
	}
	// Delete now acts on the chart: it removes qa (one position, no question)
	u.chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if u.st.Plan().Position("qa") != nil {
		t.Error("Delete after Escape did not act on the chart")
	}
	if u.st.Editor().CanUndo() && u.st.UndoStep().What != "" && strings.Contains(u.st.UndoStep().What, "editing") {
		t.Error("Escape committed the typed holder")
	}
}

func TestSummaryAndInspectorUseCorrectPlurals(t *testing.T) {
	p := orgchart.NewPlan("one")
	p.Positions = []*orgchart.Position{
		{ID: "cto", Role: "chief-technology-officer", Holder: "Ada"},
		{ID: "se", Role: "software-engineer", ReportsTo: "cto", Holder: "Alan"},
	}
	p.Reindex()
	u := newTestUI(t, p)
	u.tabs.Select(u.inspTab)
	u.st.Select("cto")
	texts := strings.Join(labelTexts(u.win.Canvas().Content()), "\n")
	for _, bad := range []string{"1 people", "1 positions", "1 managers", "1 direct reports"} {
		if strings.Contains(texts, bad) {
			t.Errorf("the window says %q", bad)
		}
	}
	if !strings.Contains(texts, "1 person in 1 position") {
		t.Errorf("the inspector does not say 1 person in 1 position:\n%s", texts)
	}
}

func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestRemoveIsDisabledWithNothingSelected(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	if !u.removeBtn.Disabled() {
		t.Error("Remove is enabled with nothing selected")
	}
	u.st.Select("qa")
	if u.removeBtn.Disabled() {
		t.Error("Remove is disabled with qa selected")
	}
	u.st.Select("")
	if !u.removeBtn.Disabled() {
		t.Error("Remove stays enabled after the selection is cleared")
	}
}
