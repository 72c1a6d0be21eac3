package find

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart"
)

func newTestBar(t *testing.T) (*Bar, *state.State, *[]string) {
	t.Helper()
	test.NewTempApp(t)
	cat := apptest.Catalog(t)
	st := state.New(cat)
	st.Load(apptest.Plan(), cat, "")
	b := New(st)
	var shown []string
	b.Show = func(id string) { shown = append(shown, id) }
	w := test.NewTempWindow(t, b.Root())
	w.Resize(fyne.NewSize(700, 300))
	return b, st, &shown
}

func TestBarCountsAsYouTypeAndCyclesWithEnter(t *testing.T) {
	b, _, shown := newTestBar(t)
	test.Type(b.entry, "engineer")
	n := len(b.Results())
	if n < 3 || b.Count() != strings.Replace("N matches", "N", strconv.Itoa(n), 1) {
		t.Fatalf("typing engineer: %d results, count %q", n, b.Count())
	}
	b.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(*shown) != 1 || (*shown)[0] != b.Results()[0].ID || b.Count() != "1 of "+strconv.Itoa(n) {
		t.Fatalf("Enter showed %v, count %q", *shown, b.Count())
	}
	b.Next()
	b.Previous()
	b.Previous() // wraps to the last
	if got := (*shown)[len(*shown)-1]; got != b.Results()[n-1].ID || b.Count() != strconv.Itoa(n)+" of "+strconv.Itoa(n) {
		t.Errorf("previous from the first showed %s, count %q", got, b.Count())
	}
	b.list.Select(1) // a click on a result
	if got := (*shown)[len(*shown)-1]; got != b.Results()[1].ID {
		t.Errorf("clicking the second result showed %s", got)
	}
}

func TestBarSaysNoMatchAndDisablesNextPrevious(t *testing.T) {
	b, _, shown := newTestBar(t)
	test.Type(b.entry, "zebra")
	if b.Count() != "No match for “zebra”" || !b.next.Disabled() || !b.prev.Disabled() || b.listBox.Visible() {
		t.Errorf("count %q, next disabled %v, list shown %v", b.Count(), b.next.Disabled(), b.listBox.Visible())
	}
	b.Next()
	if len(*shown) != 0 {
		t.Error("next with no match showed something")
	}
	b.Clear()
	if b.Count() != "" || len(b.Results()) != 0 {
		t.Errorf("after clearing: count %q, %d results", b.Count(), len(b.Results()))
	}
}

func TestBarFollowsEditsAndEscapeLeaves(t *testing.T) {
	b, st, _ := newTestBar(t)
	left := false
	b.OnEscape = func() { left = true }
	st.Listen(func(c state.Change) {
		if c&state.ChangedPlan != 0 {
			b.PlanChanged()
		}
	})
	test.Type(b.entry, "katherine")
	if len(b.Results()) != 0 {
		t.Fatal("katherine found before anyone is called so")
	}
	if err := st.Update("qa", func(p *orgchart.Position) { p.Holder = "Katherine Johnson" }); err != nil {
		t.Fatal(err)
	}
	if rs := b.Results(); len(rs) != 1 || rs[0].ID != "qa" {
		t.Errorf("after naming qa's holder: %v", rs)
	}
	b.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !left {
		t.Error("Escape in the find box did not leave it")
	}
	if b.entry.Text != "katherine" {
		t.Errorf("Escape changed the query to %q", b.entry.Text)
	}
	if b.ListOpen() || len(b.Results()) != 1 {
		t.Errorf("after Escape the list is open (%v) or the results went (%d)", b.ListOpen(), len(b.Results()))
	}
	// An edit on the chart (a drag) searches again but leaves the list
	// closed: it opened over the chart after every move.
	if err := st.Update("qa", func(p *orgchart.Position) { p.Notes = "moved" }); err != nil {
		t.Fatal(err)
	}
	if b.ListOpen() || len(b.Results()) != 1 {
		t.Errorf("after an edit the closed list is open (%v), results %d", b.ListOpen(), len(b.Results()))
	}
	test.Type(b.entry, "x") // typing opens it again
	b.Clear()
	test.Type(b.entry, "katherine")
	if !b.ListOpen() {
		t.Error("typing a new query left the list closed")
	}
}

// The list of results is as tall as its results (up to resultRows): one
// match must not hide five rows of the chart under an empty panel.
func TestResultListIsAsTallAsItsResults(t *testing.T) {
	b, _, _ := newTestBar(t)
	w := test.NewTempWindow(t, b.Overlay())
	w.Resize(fyne.NewSize(700, 600))
	row := b.list.MinSize().Height
	test.Type(b.entry, "engineer")
	many := len(b.Results())
	b.overlay.Refresh()
	tall := b.listBox.Size().Height
	b.Clear()
	test.Type(b.entry, "Grace")
	if len(b.Results()) != 1 {
		t.Fatalf("Grace: %d results", len(b.Results()))
	}
	b.overlay.Refresh()
	one := b.listBox.Size().Height
	if many < 3 || one <= 0 || one >= tall/2 || one > 2*row+10 {
		t.Errorf("list %v high for one result, %v for %d (a row %v)", one, tall, many, row)
	}
}
