package compare

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/chart"
	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// fixture is a compare panel on the test plan; tab is the tab the panel
// asked to show (nil once hidden).
type fixture struct {
	st  *state.State
	c   *Panel
	tab *container.TabItem
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	test.NewTempApp(t)
	cat := apptest.Catalog(t)
	f := &fixture{st: state.New(cat)}
	f.c = New(Host{
		State: f.st, Pick: f.st.Select, Status: func(string) {},
		ShowProblems: func(path string, err error) { t.Errorf("%s: %v", path, err) },
		ShowTab:      func(tab *container.TabItem) { f.tab = tab },
		HideTab:      func(*container.TabItem) { f.tab = nil },
		RefreshChart: func() {},
	})
	f.st.Listen(func(c state.Change) {
		if c&state.ChangedPlan != 0 {
			f.c.Refresh()
		}
	})
	w := test.NewTempWindow(t, f.c.Tab().Content)
	w.Resize(fyne.NewSize(600, 800))
	f.st.Load(apptest.Plan(), cat, "")
	return f
}

// save writes the plan as it is now, to compare with.
func (f *fixture) save(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "before.yaml")
	if err := orgchart.WriteFile(path, f.st.Plan(), safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCompareWithAPlanMarksChangedCards(t *testing.T) {
	f := newFixture(t)
	path := f.save(t)
	if err := f.c.Start(path); err != nil {
		t.Fatal(err)
	}
	if len(f.c.items) != 0 || f.tab != f.c.tab {
		t.Fatalf("comparing with itself: %d changes", len(f.c.items))
	}
	if !strings.Contains(f.c.header.Text, "no changes to positions yet") {
		t.Errorf("header %q", f.c.header.Text)
	}
	added, err := f.st.Add("site-reliability-engineer", "em")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.st.Move("se", "cto"); err != nil {
		t.Fatal(err)
	}
	if err := f.st.Update("qa", func(p *orgchart.Position) { p.Holder = "Edsger Dijkstra" }); err != nil {
		t.Fatal(err)
	}
	if err := f.st.Remove("ciso", orgchart.RemoveSubtree); err != nil {
		t.Fatal(err)
	}
	want := map[string]chart.MarkKind{added.ID: chart.MarkAdded, "se": chart.MarkMoved, "qa": chart.MarkChanged}
	for id, m := range want {
		if got := f.c.Mark(id); got.Kind != m {
			t.Errorf("mark of %s = %+v, want %v", id, got, m)
		}
	}
	// the removed CISO is no card: its manager, the CTO, says it
	if got := f.c.Mark("cto"); got.Removed != 1 || got.Kind != chart.Unchanged {
		t.Errorf("the CTO's mark %+v, want one removed report", got)
	}
	if len(f.c.items) != 4 {
		t.Fatalf("changes = %v", f.c.items)
	}
	removed := f.c.items[3]
	if !strings.HasPrefix(removed.text, "Removed") || removed.id != "cto" {
		t.Errorf("removed item = %+v, want one selecting the CTO", removed)
	}
	f.c.list.Select(1)
	if f.st.Selected() != "se" {
		t.Errorf("clicking the move selected %q", f.st.Selected())
	}
	f.c.Stop()
	if !f.c.Mark("se").IsZero() || !f.c.Mark("cto").IsZero() || f.tab != nil {
		t.Error("stopping left marks or the tab")
	}
}

func TestComparePanelShowsTheEffectsAndFoldedChanges(t *testing.T) {
	f := newFixture(t)
	path := f.save(t)
	if err := f.c.Start(path); err != nil {
		t.Fatal(err)
	}
	// em goes from 5 reports (band 4-7) to 9 (8-12); the CISO goes, and
	// with it the owner of the security capabilities.
	if err := f.st.Update("se", func(p *orgchart.Position) { p.Count = 8 }); err != nil {
		t.Fatal(err)
	}
	if err := f.st.Remove("ciso", orgchart.RemoveSubtree); err != nil {
		t.Fatal(err)
	}
	if err := f.st.SetPlan(func(p *orgchart.Plan) { p.Name = "Test org 2027" }); err != nil {
		t.Fatal(err)
	}
	var texts []string
	var spanLine *uikit.TapLabel
	for _, o := range test.LaidOutObjects(f.c.effects.Content) {
		switch l := o.(type) {
		case *uikit.TapLabel:
			texts = append(texts, l.Text)
			if strings.Contains(l.Text, "Grace Hopper") {
				spanLine = l
			}
		case *widget.Label:
			texts = append(texts, l.Text)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Headcount", "9 to 12 (+3)", "Layers", "Managers whose span changed band: 2", "2 to 1 report (band 2-3 to band 1)",
		"5 to 9 reports (band 4-7 to band 8-12)", "name was Test org, now Test org 2027"} {
		if !strings.Contains(all, want) {
			t.Errorf("the effects lack %q:\n%s", want, all)
		}
	}
	if d := f.c.diff; len(d.Effects.GapsOpened) > 0 && !strings.Contains(all, "Nobody owns") {
		t.Errorf("%d gaps opened, none shown:\n%s", len(d.Effects.GapsOpened), all)
	}
	if len(f.c.diff.Effects.OwnerChanges) == 0 || !strings.Contains(all, "Capabilities whose owner changed") {
		t.Errorf("owner changes not shown:\n%s", all)
	}
	if spanLine == nil {
		t.Fatal("no line for em's span")
	}
	test.Tap(spanLine)
	if f.st.Selected() != "em" {
		t.Errorf("clicking the span line selected %q", f.st.Selected())
	}
	// A folded manager tells how many changed cards it hides.
	if got := f.c.Mark("vpe"); got.Below != 1 || got.Kind != chart.Unchanged {
		t.Errorf("vpe's mark %+v, want 1 change below", got)
	}
	// every change in the list is as tall as its lines
	item := newItemText()
	setItemText(item, f.c.items[0])
	if one := newItemText(); item.MinSize().Height <= one.MinSize().Height {
		t.Error("a change with details is no taller than an empty one")
	}
}

func TestWidthWatchReportsWidthChangesOnly(t *testing.T) {
	calls := 0
	l := &uikit.WidthWatch{OnWidth: func() { calls++ }}
	o := widget.NewLabel("x")
	l.Layout([]fyne.CanvasObject{o}, fyne.NewSize(300, 100))
	l.Layout([]fyne.CanvasObject{o}, fyne.NewSize(300, 200)) // taller only
	l.Layout([]fyne.CanvasObject{o}, fyne.NewSize(240, 200))
	if calls != 2 || o.Size() != fyne.NewSize(240, 200) {
		t.Errorf("%d calls, object %v; want 2 calls and the object filling 240x200", calls, o.Size())
	}
	// a wrapped change is taller in a narrow list than in a wide one
	it := compareItem{head: "Moved Senior Security Analyst (Ana Hansen)", details: []string{
		"from Security Operations Manager (Ruth Sandoval)", "to Chief Information Security Officer (Isaac Torres)"}}
	height := func(w float32) float32 {
		r := newItemText()
		setItemText(r, it)
		r.Resize(fyne.NewSize(w, r.MinSize().Height))
		return r.MinSize().Height
	}
	if narrow, wide := height(160), height(900); narrow <= wide {
		t.Errorf("wrapped height %v at 160 wide, %v at 900", narrow, wide)
	}
}
