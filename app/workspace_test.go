package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// inView reports whether a position's card is wholly inside the chart.
func (u *ui) inView(id string) bool {
	lay := u.st.Layout()
	i := lay.Index(id)
	if i < 0 {
		return false
	}
	k := &lay.Cards[i]
	p0, p1 := u.chart.FromLayout(k.X, k.Y), u.chart.FromLayout(k.X+k.W, k.Y+k.H)
	s := u.chart.Size()
	return p0.X >= 0 && p0.Y >= 0 && p1.X <= s.Width && p1.Y <= s.Height
}

func TestFindJumpsToAPersonInAFoldedBranch(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.st.ToggleCollapsed("vpe")
	u.chart.SetView(1, fyne.NewPos(2000, 2000)) // nothing in view
	u.focusSearch()
	if u.win.Canvas().Focused() != u.find.Entry() {
		t.Fatal("Ctrl+F does not focus the chart's find box")
	}
	u.find.SetQuery("grace hopper")
	if got := u.find.Count(); got != "1 match" {
		t.Fatalf("count %q, want 1 match", got)
	}
	u.find.Next() // as Enter does
	if u.st.Selected() != "em" || u.st.Collapsed("vpe") || !u.inView("em") {
		t.Errorf("after Enter: selected %q, vpe folded %v, em in view %v", u.st.Selected(), u.st.Collapsed("vpe"), u.inView("em"))
	}
	if u.find.Count() != "1 of 1" {
		t.Errorf("count %q after going to the result", u.find.Count())
	}
	u.find.SetQuery("nobody-like-this")
	if !strings.HasPrefix(u.find.Count(), "No match") {
		t.Errorf("count %q for a query matching nobody", u.find.Count())
	}
	// the catalog keeps its own filter
	if u.catalog.Search().Text != "" {
		t.Errorf("the find box typed into the catalog filter: %q", u.catalog.Search().Text)
	}
}

func TestScrollToMovesTheViewTheLeast(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	off := u.chart.Offset()
	u.chart.ScrollTo("em") // in view
	if u.chart.Offset() != off {
		t.Errorf("bringing a card in view into view moved the view from %v to %v", off, u.chart.Offset())
	}
	// em just beyond the right edge: the view moves by about that much, not to centre it
	lay := u.st.Layout()
	k := lay.Cards[lay.Index("em")]
	s := u.chart.Size()
	u.chart.SetView(1, fyne.NewPos(k.X+k.W-s.Width-40, off.Y))
	before := u.chart.Offset()
	u.chart.ScrollTo("em")
	moved := u.chart.Offset().X - before.X
	if !u.inView("em") || moved <= 0 || moved > 80 || u.chart.Offset().Y != before.Y {
		t.Errorf("ScrollTo moved the view by %v,%v; want a small move right only", moved, u.chart.Offset().Y-before.Y)
	}
}

func TestAddingARoleDoesNotMoveTheView(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.chart.Fit()
	off, zoom := u.chart.Offset(), u.chart.Zoom()
	u.dragRole(t, "site-reliability-engineer", u.cardAbs(t, "ciso"), nil)
	added := u.st.Selected()
	if added == "" || u.st.Plan().Position(added).ReportsTo != "ciso" {
		t.Fatalf("the drop did not add under ciso (selected %q)", added)
	}
	if u.inView(added) && (u.chart.Offset() != off || u.chart.Zoom() != zoom) {
		t.Errorf("the view moved from %v@%.2f to %v@%.2f although the new card is in view", off, zoom, u.chart.Offset(), u.chart.Zoom())
	}
}

func TestZoomButtonsKeepTheSelectionInPlace(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.st.Select("em")
	before, _ := u.chart.CardCenter("em")
	u.chart.ZoomIn()
	u.chart.ZoomOut()
	u.chart.ZoomIn()
	after, _ := u.chart.CardCenter("em")
	if d := after.Subtract(before); d.X*d.X+d.Y*d.Y > 1 {
		t.Errorf("zooming moved the selected card from %v to %v", before, after)
	}
}

func TestAShortDragOnACardMovesNothing(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	from := u.cardAbs(t, "em")
	chartAbs := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.chart)
	dragEvents(u.chart, chartAbs, from, from.Add(fyne.NewPos(5, 3)), func() {
		if u.drag.GhostShown() {
			t.Error("a 6-pixel slip picked the card up")
		}
	})
	if u.st.Plan().Position("em").ReportsTo != "vpe" || u.st.Editor().CanUndo() {
		t.Error("a short drag on a card changed the plan")
	}
}

func TestDraggingTheBackgroundPans(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	off := u.chart.Offset()
	from := u.emptyAbs(t)
	chartAbs := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.chart)
	dragEvents(u.chart, chartAbs, from, from.Add(fyne.NewPos(-100, -50)), nil)
	if d := u.chart.Offset().Subtract(off); d.X != 100 || d.Y != 50 {
		t.Errorf("dragging the background by -100,-50 moved the view by %v", d)
	}
	if u.st.Editor().CanUndo() {
		t.Error("a pan changed the plan")
	}
}

func TestEscapeCancelsACardDrag(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.dragCard(t, "em", u.cardAbs(t, "ciso"), func() {
		if !u.drag.GhostShown() {
			t.Fatal("no drag under way")
		}
		u.chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if u.drag.GhostShown() || u.dropID() != "" {
			t.Error("Escape left the ghost or the highlight")
		}
	})
	if u.st.Plan().Position("em").ReportsTo != "vpe" || u.st.Editor().CanUndo() {
		t.Error("a cancelled drag moved the card")
	}
}

func TestEscapeCancelsARoleDrag(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	n := len(u.st.Plan().Positions)
	u.dragRole(t, "software-engineer", u.cardAbs(t, "em"), func() {
		u.chart.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	})
	if len(u.st.Plan().Positions) != n {
		t.Error("a cancelled role drag added a position")
	}
}

func TestACardDroppedOnEmptyCanvasStaysWhereItWas(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.dragCard(t, "em", u.emptyAbs(t), func() {
		if h := u.chart.CanvasHint(); !strings.Contains(h, "nothing moves") {
			t.Errorf("over empty canvas the chart says %q", h)
		}
	})
	if u.st.Plan().Position("em").ReportsTo != "vpe" || u.st.Editor().CanUndo() {
		t.Error("dropping a card on empty canvas moved it")
	}
	if u.chart.CanvasHint() != "" {
		t.Error("the canvas note stays after the drop")
	}
}

func TestARoleOverEmptyCanvasSaysItMakesATopPosition(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	tops := len(u.st.Plan().Tops())
	u.dragRole(t, "chief-information-officer", u.emptyAbs(t), func() {
		if h := u.chart.CanvasHint(); !strings.Contains(h, "new top position") {
			t.Errorf("a role over empty canvas: the chart says %q", h)
		}
		// what it says is not under the ghost card
		drv := fyne.CurrentApp().Driver()
		tip, ghost := u.chart.TipObject(), u.drag.Ghost()
		tp, gp := drv.AbsolutePositionForObject(tip), drv.AbsolutePositionForObject(ghost)
		ts, gs := tip.Size(), ghost.Size()
		if !tip.Visible() || tp.X < gp.X+gs.Width && gp.X < tp.X+ts.Width && tp.Y < gp.Y+gs.Height && gp.Y < tp.Y+ts.Height {
			t.Errorf("the canvas hint at %v %v is under the ghost at %v %v", tp, ts, gp, gs)
		}
	})
	if len(u.st.Plan().Tops()) != tops+1 {
		t.Error("the role dropped on empty canvas made no top position")
	}
}

func TestPlansOpenFitted(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	if err := u.openSample("startup"); err != nil {
		t.Fatal(err)
	}
	lay := u.st.Layout()
	for _, k := range lay.Cards {
		if !u.inView(k.Position.ID) {
			t.Fatalf("%s is out of view in the first view of the sample (zoom %.2f)", k.Position.ID, u.chart.Zoom())
		}
	}
}

func TestOpeningAnotherPlanEndsTheComparison(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	path := t.TempDir() + "/before.yaml"
	if err := u.writeTo(path); err != nil {
		t.Fatal(err)
	}
	if err := u.compare.Start(path); err != nil {
		t.Fatal(err)
	}
	u.newBlank()
	if u.compare.Comparing() || u.tabs.Selected() == u.compare.Tab() {
		t.Error("the comparison goes on after a new plan")
	}
}

func TestSidePanelsCollapseForMoreChart(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.win.Resize(fyne.NewSize(1280, 720))
	w0 := u.chart.Size().Width
	if w0 < 1280*0.55 {
		t.Errorf("at 1280x720 the chart gets %.0f of 1280: the side panels take too much", w0)
	}
	u.toggleSidePanel()
	u.toggleCatalog()
	if w := u.chart.Size().Width; w < 1200 {
		t.Errorf("with both side panels hidden the chart is %.0f wide", w)
	}
	u.toggleSidePanel()
	u.toggleCatalog()
	if w := u.chart.Size().Width; w != w0 {
		t.Errorf("showing the panels again: chart %.0f wide, was %.0f", w, w0)
	}
}

func TestFileDialogsAreSizedToTheWindow(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.compareDialog()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file dialog")
	}
	found := false
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Compare with plan" {
			found = true
		}
	}
	if !found {
		t.Error("the compare picker is not titled Compare with plan")
	}
	want := u.dialogSize()
	if want.Width < u.win.Canvas().Size().Width*0.8 {
		t.Errorf("dialogs are %v in a %v window", want, u.win.Canvas().Size())
	}
}

func TestAPlanIsReadInTheBackground(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	path := t.TempDir() + "/big.yaml"
	if err := orgchart.WriteFile(path, generate.Shaped(2000, 3), safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	// The test driver runs fyne.Do at once on the calling goroutine: what
	// the app runs on the window's thread runs here, on the test's.
	// Other work comes to the window's thread too (the dotted lines
	// settling after an edit): run what comes until what is awaited has.
	calls := make(chan func(), 16)
	u.later = func(f func()) { calls <- f }
	run := func(what string, done func() bool) {
		t.Helper()
		for !done() {
			select {
			case f := <-calls:
				f()
			case <-time.After(20 * time.Second):
				t.Fatalf("%s never came", what)
			}
		}
	}
	var opened error = errors.New("not called")
	reads, checked := 0, false
	u.onChecked = func() { checked = true }
	u.openInBackground(path, func(err error) { opened = err; reads++ })
	if !strings.HasPrefix(u.lastStatus, "Opening big.yaml") {
		t.Errorf("while reading, the status says %q", u.lastStatus)
	}
	run("the end of the background read", func() bool { return reads == 1 })
	if opened != nil {
		t.Fatal(opened)
	}
	if u.st.Checking() && (!strings.HasSuffix(u.lastStatus, "checking…") || u.reviewTab.Text != "Review (…)") {
		t.Errorf("while checking, the status says %q and the review tab %q", u.lastStatus, u.reviewTab.Text)
	}
	if u.st.Checking() {
		run("the check of the plan", func() bool { return !u.st.Checking() })
	}
	if !checked {
		t.Error("the check never arrived")
	}
	if len(u.st.Plan().Positions) != 2000 || u.st.Path() != path || u.progress.Visible() {
		t.Errorf("after the read: %d positions, path %q, progress shown %v", len(u.st.Plan().Positions), u.st.Path(), u.progress.Visible())
	}
	if u.st.Checking() || len(u.st.Report().Findings) == 0 || !strings.Contains(u.lastStatus, "checked") {
		t.Errorf("after the check: checking %v, %d findings, status %q", u.st.Checking(), len(u.st.Report().Findings), u.lastStatus)
	}
	if want := fmt.Sprintf("Review (%d)", len(u.st.Report().Findings)); u.reviewTab.Text != want {
		t.Errorf("the review tab says %q, want %q", u.reviewTab.Text, want)
	}

	// An edit made while another plan is read is not thrown away by it.
	before := u.st.Plan()
	u.openInBackground(path, func(err error) { opened = err; reads++ })
	if _, err := u.st.Add("software-engineer", before.Tops()[0].ID); err != nil {
		t.Fatal(err)
	}
	run("the end of the second read", func() bool { return reads == 2 })
	if opened == nil || u.st.Plan() != before || !strings.Contains(u.lastStatus, "was not opened") {
		t.Errorf("a plan edited while another was read: replaced %v, error %v, status %q", u.st.Plan() != before, opened, u.lastStatus)
	}
}

// A card brought into view never ends under the overview in the corner.
func TestScrollToKeepsTheCardClearOfTheOverview(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	if !u.minimap.Visible() || u.minimap.Size().Width == 0 {
		t.Fatal("the overview is not shown")
	}
	lay := u.st.Layout()
	k := lay.Cards[lay.Index("em")]
	s := u.chart.Size()
	// em just beyond the bottom-right corner, where the overview is drawn
	u.chart.SetView(1, fyne.NewPos(k.X+k.W-s.Width+20, k.Y+k.H-s.Height+20))
	u.chart.ScrollTo("em")
	drv := fyne.CurrentApp().Driver()
	at := drv.AbsolutePositionForObject(u.minimap).Subtract(drv.AbsolutePositionForObject(u.chart))
	ms := u.minimap.Size()
	p0 := u.chart.FromLayout(k.X, k.Y)
	p1 := u.chart.FromLayout(k.X+k.W, k.Y+k.H)
	if p1.X > at.X && p1.Y > at.Y && p0.X < at.X+ms.Width && p0.Y < at.Y+ms.Height {
		t.Errorf("em at %v-%v is under the overview at %v size %v", p0, p1, at, ms)
	}
	if !u.inView("em") {
		t.Error("em is not in view")
	}
}

// The find list opens over the chart: the chart does not move or shrink as
// results come and go, a result shown is not left under the list, and
// Escape closes the list.
func TestFindListLiesOverTheChartAndEscapeClosesIt(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	drv := fyne.CurrentApp().Driver()
	at, size := drv.AbsolutePositionForObject(u.chart), u.chart.Size()
	off := u.chart.Offset()
	u.focusSearch()
	test.Type(u.win.Canvas().Focused().(fyne.Focusable), "engineer")
	if len(u.find.Results()) < 2 || !u.find.ListOpen() {
		t.Fatalf("%d results, list open %v", len(u.find.Results()), u.find.ListOpen())
	}
	if a, s := drv.AbsolutePositionForObject(u.chart), u.chart.Size(); a != at || s != size || u.chart.Offset() != off {
		t.Errorf("the chart moved from %v %v to %v %v as the results opened", at, size, a, s)
	}
	// the first result, at the top of the chart, comes out from under the list
	lay := u.st.Layout()
	first := u.find.Results()[0].ID
	k := lay.Cards[lay.Index(first)]
	u.chart.SetView(1, fyne.NewPos(k.X-40, k.Y-30)) // its card at the top, where the list is
	u.find.Next()
	list := u.find.ResultList()
	la := drv.AbsolutePositionForObject(list).Subtract(drv.AbsolutePositionForObject(u.chart))
	p0, p1 := u.chart.FromLayout(k.X, k.Y), u.chart.FromLayout(k.X+k.W, k.Y+k.H)
	if p0.Y < la.Y+list.Size().Height && p1.Y > la.Y {
		t.Errorf("%s shown at %v-%v, under the find list down to %v", first, p0, p1, la.Y+list.Size().Height)
	}
	if !u.inView(first) {
		t.Errorf("%s is not in view", first)
	}
	// Escape closes the list and leaves the query; typing opens it again
	test.Type(u.find.Entry().(fyne.Focusable), "")
	u.find.Entry().(fyne.Focusable).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.find.ListOpen() || len(u.find.Results()) == 0 {
		t.Errorf("after Escape: list open %v, %d results", u.find.ListOpen(), len(u.find.Results()))
	}
	if u.win.Canvas().Focused() != u.chart {
		t.Error("Escape did not give the focus to the chart")
	}
	u.focusSearch()
	test.Type(u.find.Entry().(fyne.Focusable), "ing")
	if !u.find.ListOpen() {
		t.Error("typing again did not open the list")
	}
	if a, s := drv.AbsolutePositionForObject(u.chart), u.chart.Size(); a != at || s != size {
		t.Errorf("the chart moved to %v %v", a, s)
	}
}

// A small plan opens in well under a millisecond: the status line says so
// ("0.3 ms"), where it said "read in 0 ms, laid out in 0 ms".
func TestOpenedStatusSaysTimesUnderAMillisecond(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	p := apptest.Plan()
	o := &opening{path: "/tmp/small.yaml", start: time.Now(), prep: state.Prepare(p, apptest.Catalog(t)),
		read: 300 * time.Microsecond, laidOut: 700 * time.Microsecond}
	u.showOpened(o)
	if !strings.Contains(u.lastStatus, "read in 0.3 ms, laid out in 0.4 ms") || strings.Contains(u.lastStatus, " 0 ms") {
		t.Errorf("status %q", u.lastStatus)
	}
}

// The check of a plan opened in the background arrives on another
// goroutine; what it changes in the window (the report, the status line,
// every panel's text) is changed on the window's thread. It was changed on
// the check's goroutine in the tests (their driver runs fyne.Do at once, on
// the goroutine that calls it) while the test went on measuring and
// painting: two goroutines shaping with Fyne's one HarfBuzz shaper, which
// panicked once under load (go test -race reports it every time).
func TestACheckThatArrivesIsInstalledOnTheWindowsThread(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	o := &opening{path: "/tmp/big.yaml", start: time.Now(), prep: state.Prepare(generate.Shaped(300, 3), apptest.Catalog(t))}
	u.showOpened(o)
	// the window is used while the check is on its way and when it arrives
	use := func() {
		_ = fyne.MeasureText(u.lastStatus, 13, fyne.TextStyle{})
		u.status("Still working")
		u.win.Canvas().Refresh(u.content)
		_ = test.LaidOutObjects(u.content)
	}
	deadline := time.Now().Add(20 * time.Second)
	for u.pendingLater() == 0 && u.st.Checking() && time.Now().Before(deadline) {
		use()
		time.Sleep(time.Millisecond)
	}
	for range 20 {
		use()
	}
	if !u.st.Checking() {
		t.Fatal("the check was installed away from the window's thread")
	}
	u.runLater()
	if u.st.Checking() || len(u.st.Report().Findings) == 0 {
		t.Errorf("after the window ran what arrived: checking %v, %d findings", u.st.Checking(), len(u.st.Report().Findings))
	}
}

// A card dropped at a small zoom leaves the zoom as it was and the target
// where it was: the view zoomed to 100% around the moved card, a jump away
// from where the user was working.
func TestMovingACardAtASmallZoomKeepsTheView(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.chart.SetView(0.45, fyne.NewPos(-20, -20))
	before, _ := u.chart.CardCenter("ciso")
	u.dragCard(t, "em", u.cardAbs(t, "ciso"), nil)
	if got := u.st.Plan().Position("em").ReportsTo; got != "ciso" {
		t.Fatalf("em reports to %q, want ciso", got)
	}
	after, _ := u.chart.CardCenter("ciso")
	if z := u.chart.Zoom(); z != 0.45 {
		t.Errorf("the drop changed the zoom to %.2f", z)
	}
	if d := after.Subtract(before); d.X*d.X+d.Y*d.Y > 1 && !u.inView("em") {
		t.Errorf("the target moved on screen from %v to %v and em is out of view", before, after)
	}
	u.undo()
	if got := u.st.Plan().Position("em").ReportsTo; got != "vpe" || u.chart.Zoom() != 0.45 {
		t.Errorf("after undo em reports to %q and the zoom is %.2f", got, u.chart.Zoom())
	}
}
