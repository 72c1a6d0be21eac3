package app

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/catalogpanel"
	"github.com/orgplanner/orgplanner/app/chart"
	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/recovery"
)

// newTestUI shows the app on a plan in a test window 1400x900.
func newTestUI(t testing.TB, p *orgchart.Plan) *ui {
	t.Helper()
	a := test.NewTempApp(t)
	cat := apptest.Catalog(t)
	st := state.New(cat)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	u := newUI(a, w, st)
	t.Cleanup(u.stopRecovery) // a pending write must not fire during a later test
	// The test driver runs fyne.Do at once on the goroutine that calls it:
	// what the app hands the window's thread from another goroutine (a
	// check that arrives, a plan read in the background) waits here for
	// the test to run it on its own (runLater), as the window's thread would.
	q := &laterQueue{}
	laterQueues.Store(u, q)
	t.Cleanup(func() { laterQueues.Delete(u) })
	u.later = q.add
	w.SetContent(u.content)
	w.Resize(fyne.NewSize(1400, 900))
	st.Load(p, cat, "")
	u.chart.SetView(1, fyne.NewPos(-20, -20))
	return u
}

// laterQueue holds the functions a test window's u.later was given.
type laterQueue struct {
	mu  sync.Mutex
	fns []func()
}

var laterQueues sync.Map // *ui -> *laterQueue

func (q *laterQueue) add(f func()) {
	q.mu.Lock()
	q.fns = append(q.fns, f)
	q.mu.Unlock()
}

// pendingLater is how many functions wait for the window's thread.
func (u *ui) pendingLater() int {
	q, _ := laterQueues.Load(u)
	q.(*laterQueue).mu.Lock()
	defer q.(*laterQueue).mu.Unlock()
	return len(q.(*laterQueue).fns)
}

// runLater runs, on the test's goroutine, what was handed to the window's
// thread so far, in order.
func (u *ui) runLater() {
	q, _ := laterQueues.Load(u)
	for {
		lq := q.(*laterQueue)
		lq.mu.Lock()
		fns := lq.fns
		lq.fns = nil
		lq.mu.Unlock()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}

// dropID is the card highlighted under a drag.
func (u *ui) dropID() string {
	id, _ := u.chart.DropTarget()
	return id
}

// dropRefuse is why the highlighted card refuses the drop ("" when it accepts).
func (u *ui) dropRefuse() string {
	_, why := u.chart.DropTarget()
	return why
}

// abs is the window position of a point of the chart.
func (u *ui) chartAbs(p fyne.Position) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(u.chart).Add(p)
}

// cardAbs is the window position of the centre of a position's card.
func (u *ui) cardAbs(t testing.TB, id string) fyne.Position {
	t.Helper()
	c, ok := u.chart.CardCenter(id)
	if !ok {
		t.Fatalf("no card for %s", id)
	}
	return u.chartAbs(c)
}

// emptyAbs is a window position over the chart with no card under it.
func (u *ui) emptyAbs(t testing.TB) fyne.Position {
	t.Helper()
	s := u.chart.Size()
	// away from the edges, where a drag pans the chart, and from the overview
	mm := u.minimap.Size()
	for y := s.Height - 2*40; y > 40; y -= 20 {
		for x := s.Width - 2*40; x > 40; x -= 20 {
			p := fyne.NewPos(x, y)
			if x > s.Width-mm.Width-30 && y > s.Height-mm.Height-30 {
				continue
			}
			if u.chart.CardAt(p) < 0 {
				return u.chartAbs(p)
			}
		}
	}
	t.Fatal("no empty spot on the chart")
	return fyne.Position{}
}

// dragEvents sends a drag as the desktop driver does: events with absolute
// positions along the way, each relative to the source, then DragEnd.
// hover runs while the pointer is over the last point, before the drop.
func dragEvents(src fyne.Draggable, srcAbs, from, to fyne.Position, hover func()) {
	const steps = 5
	prev := from
	for i := 1; i <= steps; i++ {
		f := float32(i) / steps
		p := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		src.Dragged(&fyne.DragEvent{
			PointEvent: fyne.PointEvent{AbsolutePosition: p, Position: p.Subtract(srcAbs)},
			Dragged:    fyne.NewDelta(p.X-prev.X, p.Y-prev.Y),
		})
		prev = p
	}
	if hover != nil {
		hover()
	}
	src.DragEnd()
}

// catalogRow finds the row of a role in the catalog list (after a search).
func (u *ui) catalogRow(t testing.TB, role string) *catalogpanel.RoleRow {
	t.Helper()
	title := u.st.Catalog().Role(role).Title
	u.catalog.Search().SetText(title)
	for _, r := range u.catalog.VisibleRows() {
		if r.Role().ID == role && !fyne.CurrentApp().Driver().AbsolutePositionForObject(r).IsZero() {
			return r
		}
	}
	t.Fatalf("no catalog row for %s", role)
	return nil
}

func (u *ui) dragRole(t testing.TB, role string, to fyne.Position, hover func()) {
	t.Helper()
	row := u.catalogRow(t, role)
	rowAbs := fyne.CurrentApp().Driver().AbsolutePositionForObject(row)
	from := rowAbs.Add(fyne.NewPos(20, row.Size().Height/2))
	dragEvents(row, rowAbs, from, to, hover)
}

func (u *ui) dragCard(t testing.TB, id string, to fyne.Position, hover func()) {
	t.Helper()
	chartAbs := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.chart)
	dragEvents(u.chart, chartAbs, u.cardAbs(t, id), to, hover)
}

func TestDropRoleOnCardAddsVacantReportAndUndoRedo(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	p := u.st.Plan()
	before := len(p.Reports("em"))

	hovered := ""
	u.dragRole(t, "site-reliability-engineer", u.cardAbs(t, "em"), func() {
		hovered = u.dropID()
		if !u.drag.GhostShown() {
			t.Error("no ghost card follows the pointer during the drag")
		}
	})
	if hovered != "em" {
		t.Errorf("card highlighted while hovering = %q, want em", hovered)
	}
	if u.drag.GhostShown() || u.dropID() != "" {
		t.Error("ghost or highlight left after the drop")
	}
	rs := p.Reports("em")
	if len(rs) != before+1 {
		t.Fatalf("em has %d reports after the drop, want %d", len(rs), before+1)
	}
	added := rs[len(rs)-1]
	if added.Role != "site-reliability-engineer" || !added.Vacant() {
		t.Errorf("added %+v, want a vacant site-reliability-engineer", added)
	}
	if u.st.Selected() != added.ID {
		t.Errorf("selection = %q, want the new position", u.st.Selected())
	}
	if !u.st.Dirty() || !strings.Contains(u.win.Title(), "unsaved") {
		t.Errorf("title %q does not show unsaved changes", u.win.Title())
	}

	u.undo()
	if p.Position(added.ID) != nil || len(p.Reports("em")) != before {
		t.Error("undo left the added position")
	}
	if u.st.Dirty() {
		t.Error("undo back to the opened state still counts as unsaved")
	}
	u.redo()
	if got := p.Position(added.ID); got == nil || got.ReportsTo != "em" {
		t.Error("redo did not bring the position back under em")
	}
}

func TestDropRoleOnEmptyCanvasAddsTopPosition(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	p := u.st.Plan()
	tops := len(p.Tops())
	u.dragRole(t, "chief-information-officer", u.emptyAbs(t), func() {
		if u.dropID() != "" {
			t.Errorf("a card is highlighted over empty canvas: %q", u.dropID())
		}
	})
	if len(p.Tops()) != tops+1 {
		t.Fatalf("%d top positions after the drop, want %d", len(p.Tops()), tops+1)
	}
	added := p.Tops()[len(p.Tops())-1]
	if added.Role != "chief-information-officer" || added.ReportsTo != "" {
		t.Errorf("added %+v, want a top chief-information-officer", added)
	}
	u.undo()
	if len(p.Tops()) != tops {
		t.Error("undo did not remove the top position")
	}
	u.redo()
	if len(p.Tops()) != tops+1 {
		t.Error("redo did not restore the top position")
	}
}

func TestDropOutsideTheChartDoesNothing(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	n := len(u.st.Plan().Positions)
	catAbs := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.catalog.Root())
	u.dragRole(t, "software-engineer", catAbs.Add(fyne.NewPos(30, 5)), nil)
	if len(u.st.Plan().Positions) != n || u.st.Editor().CanUndo() {
		t.Error("a drop outside the chart changed the plan")
	}
}

func TestMoveCardWithSubtreeAndUndoRedo(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	p := u.st.Plan()
	u.dragCard(t, "em", u.cardAbs(t, "ciso"), func() {
		if u.dropID() != "ciso" || u.dropRefuse() != "" {
			t.Errorf("hover state = %q/%q, want ciso accepted", u.dropID(), u.dropRefuse())
		}
	})
	if got := p.Position("em").ReportsTo; got != "ciso" {
		t.Fatalf("em reports to %q after the move, want ciso", got)
	}
	if got := p.Position("se").ReportsTo; got != "em" {
		t.Errorf("the subtree did not move with em: se reports to %q", got)
	}
	u.undo()
	if got := p.Position("em").ReportsTo; got != "vpe" {
		t.Errorf("after undo em reports to %q, want vpe", got)
	}
	u.redo()
	if got := p.Position("em").ReportsTo; got != "ciso" {
		t.Errorf("after redo em reports to %q, want ciso", got)
	}
}

func TestCycleDropIsRefusedAndTheTargetSaysWhy(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	p := u.st.Plan()
	u.dragCard(t, "vpe", u.cardAbs(t, "em"), func() {
		if u.dropID() != "em" || u.dropRefuse() == "" {
			t.Errorf("hover state = %q/%q, want em refused with a reason", u.dropID(), u.dropRefuse())
		}
		if tip := u.chart.DropTip(); tip == "" {
			t.Error("the refused target shows no reason")
		}
	})
	if got := p.Position("vpe").ReportsTo; got != "cto" {
		t.Errorf("vpe reports to %q after a refused drop, want cto", got)
	}
	if u.st.Editor().CanUndo() {
		t.Error("a refused drop left an undo step")
	}
	if u.chart.DropTip() != "" {
		t.Error("the refusal note stays after the drop")
	}
	if !strings.Contains(strings.ToLower(u.lastStatus), "not moved") {
		t.Errorf("status %q does not say the move was refused", u.lastStatus)
	}
}

func TestTapSelectsAndCollapseControlHidesReports(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	c, _ := u.chart.CardCenter("vpe")
	u.chart.Tapped(&fyne.PointEvent{Position: c})
	if u.st.Selected() != "vpe" {
		t.Fatalf("selected %q after tapping vpe", u.st.Selected())
	}
	lay := u.st.Layout()
	k := lay.Cards[lay.Index("vpe")]
	ctrl := u.chart.FromLayout(k.X+k.W-20, k.Y+k.H-10)
	u.chart.Tapped(&fyne.PointEvent{Position: ctrl})
	if !u.st.Collapsed("vpe") || u.st.Layout().Index("em") >= 0 {
		t.Fatal("tapping the collapse control did not hide vpe's reports")
	}
	k = u.st.Layout().Cards[u.st.Layout().Index("vpe")]
	if k.Hidden != 3 {
		t.Errorf("collapsed card hides %d positions, want 3", k.Hidden)
	}
	ctrl = u.chart.FromLayout(k.X+k.W-20, k.Y+k.H-10) // the card moved
	u.chart.Tapped(&fyne.PointEvent{Position: ctrl})
	if u.st.Collapsed("vpe") || u.st.Layout().Index("em") < 0 {
		t.Error("tapping again did not show the reports")
	}
}

func TestClickingAFindingSelectsItsPosition(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.chart.SetView(1, fyne.NewPos(3000, 3000)) // everything out of view
	rep := u.st.Report()
	idx := -1
	for i, f := range rep.Findings {
		if len(f.Positions) > 0 {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.Fatal("the test plan raised no finding about a position (want span.single-report on vpe)")
	}
	want := rep.Findings[idx].Positions[0]
	u.review.SelectFinding(idx)
	if u.st.Selected() != want {
		t.Fatalf("selected %q after clicking the finding, want %q", u.st.Selected(), want)
	}
	c, _ := u.chart.CardCenter(want)
	s := u.chart.Size()
	if c.X < 0 || c.Y < 0 || c.X > s.Width || c.Y > s.Height {
		t.Errorf("the finding's card is not scrolled into view: centre %v in %v", c, s)
	}
}

func TestOpenBrokenFileKeepsThePlan(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	before := u.st.Plan()
	path := filepath.Join(t.TempDir(), "broken.yaml")
	broken := "version: 1\nname: Broken\npositions:\n  - id: a\n    role: no-such-role\n  - id: b\n    role: software-engineer\n    reportsTo: nobody\n"
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := u.openPath(path); err == nil {
		t.Fatal("opening a broken plan succeeded")
	}
	if u.st.Plan() != before || len(before.Positions) != 6 {
		t.Error("a failed open replaced the plan")
	}
	if len(u.lastProblems) == 0 {
		t.Fatal("no problems shown")
	}
	withLine := false
	for _, p := range u.lastProblems {
		if strings.HasPrefix(p, path+":") && strings.Count(p, ":") >= 2 {
			withLine = true
		}
	}
	if !withLine {
		t.Errorf("problems do not name file and line: %q", u.lastProblems)
	}
}

// Every hostile plan of issue 7's corpus is refused by Open with its problems
// shown, and the plan on screen stays as it was; the benign ones ("ok-") open.
func TestOpenEveryHostilePlanKeepsThePlan(t *testing.T) {
	files, err := filepath.Glob("../testdata/hostile/plans/*.yaml")
	if err != nil || len(files) < 30 {
		t.Fatalf("hostile corpus: %d files, %v", len(files), err)
	}
	u := newTestUI(t, apptest.Plan())
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "ok-") {
			continue
		}
		before := u.st.Plan()
		if err := u.openPath(f); err == nil {
			t.Errorf("%s: opened", filepath.Base(f))
			continue
		}
		if u.st.Plan() != before {
			t.Fatalf("%s: a failed open replaced the plan", filepath.Base(f))
		}
		if len(u.lastProblems) == 0 || !strings.Contains(u.lastProblems[0], filepath.Base(f)) {
			t.Errorf("%s: problems shown %q do not name the file", filepath.Base(f), u.lastProblems)
		}
	}
	for _, f := range []string{"ok-bom.yaml", "ok-crlf.yaml", "ok-bom-crlf.yaml"} {
		if err := u.openPath(filepath.Join("../testdata/hostile/plans", f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestSaveAndReopen(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	if _, err := u.st.Add("software-engineer", "em"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := u.writeTo(path); err != nil {
		t.Fatal(err)
	}
	if u.st.Dirty() || strings.Contains(u.win.Title(), "unsaved") || !strings.Contains(u.win.Title(), "plan.yaml") {
		t.Errorf("title after saving = %q", u.win.Title())
	}
	p, _, err := orgchart.ReadFile(path, u.st.Base())
	if err != nil {
		t.Fatalf("reading the saved plan: %v", err)
	}
	if len(p.Positions) != 7 || len(p.Reports("em")) != 3 {
		t.Errorf("saved plan has %d positions, em %d reports", len(p.Positions), len(p.Reports("em")))
	}
	if err := u.openPath(path); err != nil {
		t.Fatal(err)
	}
	if u.st.Path() != path || len(u.st.Plan().Positions) != 7 {
		t.Error("reopening did not load the saved plan")
	}
	if r := u.recent(); len(r) == 0 || r[0] != path {
		t.Errorf("recent files = %q", r)
	}
}

func TestKeyboardMovesTheSelection(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	key := func(k fyne.KeyName) { u.chart.TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyDown) // nothing selected: the first top position
	if u.st.Selected() != "cto" {
		t.Fatalf("selected %q", u.st.Selected())
	}
	key(fyne.KeyDown)
	if u.st.Selected() != "vpe" {
		t.Fatalf("down: selected %q, want vpe", u.st.Selected())
	}
	key(fyne.KeyRight)
	if u.st.Selected() != "ciso" {
		t.Fatalf("right: selected %q, want ciso", u.st.Selected())
	}
	key(fyne.KeyLeft)
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	if u.st.Selected() != "se" {
		t.Fatalf("down twice: selected %q, want se", u.st.Selected())
	}
	key(fyne.KeyUp)
	if u.st.Selected() != "em" {
		t.Fatalf("up: selected %q, want em", u.st.Selected())
	}
	key(fyne.KeySpace)
	if !u.st.Collapsed("em") {
		t.Error("Space did not collapse the selected manager")
	}
	key(fyne.KeySpace)
	if u.st.Collapsed("em") {
		t.Error("Space did not expand the selected manager again")
	}
	key(fyne.KeyReturn)
	if u.tabs.Selected() != u.inspTab {
		t.Error("Enter did not open the inspector")
	}
	key(fyne.KeyDelete)
	if u.st.Plan().Position("em") != nil || u.st.Plan().Position("se") == nil {
		t.Error("Delete did not remove em keeping its reports")
	}
}

func TestChartDrawsOnlyVisibleCards(t *testing.T) {
	// a wide plan: 400 engineers under 40 managers
	p := orgchart.NewPlan("Wide")
	p.Positions = append(p.Positions, &orgchart.Position{ID: "top", Role: "chief-technology-officer"})
	for m := 0; m < 40; m++ {
		mid := "m" + string(rune('A'+m%26)) + string(rune('a'+m/26))
		p.Positions = append(p.Positions, &orgchart.Position{ID: mid, Role: "software-engineering-manager", ReportsTo: "top"})
		for e := 0; e < 10; e++ {
			p.Positions = append(p.Positions, &orgchart.Position{ID: mid + string(rune('0'+e)), Role: "software-engineer", ReportsTo: mid})
		}
	}
	p.Reindex()
	u := newTestUI(t, p)
	u.chart.SetView(1, fyne.NewPos(0, 0))
	used := len(u.chart.ShownCards())
	if used == 0 || used >= len(p.Positions)/2 {
		t.Errorf("%d card views for %d positions at zoom 1; want only those in view", used, len(p.Positions))
	}
	pool := u.chart.PoolSize()
	u.chart.SetView(1, fyne.NewPos(2000, 0)) // pan: the pool is reused
	if u.chart.PoolSize() > pool+used {
		t.Errorf("panning grew the pool from %d to %d", pool, u.chart.PoolSize())
	}
	u.chart.Fit()
	if u.chart.Zoom() < chart.DetailZoom && len(u.chart.ShownCards()) != 0 {
		t.Errorf("zoomed out to %.2f but %d card views are in use", u.chart.Zoom(), len(u.chart.ShownCards()))
	}
}

func TestRecoveryCopyOfUnsavedWorkIsRestoredAndRemovedOnSave(t *testing.T) {
	store, err := recovery.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, apptest.Plan())
	u.rec.store = store
	added, err := u.st.Add("site-reliability-engineer", "em")
	if err != nil {
		t.Fatal(err)
	}
	u.writeRecovery() // what the timer does a few seconds after the edit
	copies, problems := store.List()
	if len(copies) != 1 || len(problems) != 0 {
		t.Fatalf("recovery copies = %v, problems %v", copies, problems)
	}

	// the next start after a crash
	v := newTestUI(t, orgchart.NewPlan("empty"))
	v.rec.store = store
	if err := v.restore(copies[0]); err != nil {
		t.Fatal(err)
	}
	if got := v.st.Plan().Position(added.ID); got == nil || got.ReportsTo != "em" {
		t.Fatal("the restored plan lacks the unsaved position")
	}
	if !v.st.Dirty() {
		t.Error("restored work does not count as unsaved")
	}
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := v.writeTo(path); err != nil {
		t.Fatal(err)
	}
	if copies, _ := store.List(); len(copies) != 0 {
		t.Errorf("saving left recovery copies %v", copies)
	}
}

func TestSaveAsksWhenTheFileChangedOnDisk(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := u.writeTo(path); err != nil {
		t.Fatal(err)
	}
	if u.changedOnDisk(path) {
		t.Fatal("a file just saved counts as changed")
	}
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(data, "# edited elsewhere\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if !u.changedOnDisk(path) {
		t.Error("a file changed by another program is not noticed")
	}
}

func TestNewFromSampleAndGuardOnUnsavedChanges(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	if err := u.openSample("startup"); err != nil {
		t.Fatal(err)
	}
	if u.st.Path() != "" || len(u.st.Plan().Positions) < 30 {
		t.Fatalf("startup sample: path %q, %d positions", u.st.Path(), len(u.st.Plan().Positions))
	}
	if _, err := u.st.Add("software-engineer", ""); err != nil {
		t.Fatal(err)
	}
	ran := false
	u.guard("starting a new plan", func() { ran = true })
	if ran {
		t.Fatal("unsaved changes were discarded without asking")
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no question shown about the unsaved changes")
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.undo()
	u.guard("starting a new plan", func() { ran = true })
	if !ran {
		t.Error("with nothing unsaved the guard still asked")
	}
}

func TestLayoutDumpForTheGUITest(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	d := u.layoutDump()
	if len(d.Catalog) == 0 || len(d.Cards) != len(u.st.Plan().Positions) {
		t.Fatalf("dump has %d catalog rows and %d cards", len(d.Catalog), len(d.Cards))
	}
	text := string(d.text())
	if !strings.HasPrefix(text, "scale 1\n") || !strings.Contains(text, "\ncard cto 1 ") || !strings.Contains(text, "\ncatalog ") {
		t.Errorf("dump text:\n%s", text)
	}
	// a card's dumped centre is over that card
	for _, c := range d.Cards {
		if c.ID != "em" {
			continue
		}
		p := fyne.NewPos(float32(c.X+c.W/2), float32(c.Y+c.H/2)).Subtract(u.chartAbs(fyne.Position{}))
		if i := u.chart.CardAt(p); i < 0 || u.st.Layout().Cards[i].Position.ID != "em" {
			t.Errorf("the dumped centre of em is not over its card")
		}
	}
}

func TestExportPNGUsesTheRenderer(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	path := filepath.Join(t.TempDir(), "chart.png")
	if err := u.exportPNG(path, exportOptions{Scale: 1, Theme: "light"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("the export is no PNG: %v", err)
	}
	if cfg.Width < 400 || cfg.Height < 200 {
		t.Errorf("export is %dx%d", cfg.Width, cfg.Height)
	}
	sub := filepath.Join(t.TempDir(), "sub.png")
	if err := u.exportPNG(sub, exportOptions{Scale: 2, Theme: "dark", Subtree: "em", NoFindings: true}); err != nil {
		t.Fatal(err)
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".export-*")); len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

func TestCollapseKeepsTheCardInPlace(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	before, _ := u.chart.CardCenter("vpe")
	lay := u.st.Layout()
	k := lay.Cards[lay.Index("vpe")]
	u.chart.Tapped(&fyne.PointEvent{Position: u.chart.FromLayout(k.X+k.W-20, k.Y+k.H-10)})
	if !u.st.Collapsed("vpe") {
		t.Fatal("not collapsed")
	}
	after, _ := u.chart.CardCenter("vpe")
	if d := after.Subtract(before); d.X*d.X+d.Y*d.Y > 1 {
		t.Errorf("the collapsed card moved on screen from %v to %v", before, after)
	}
}

func TestImportPeopleCSVMakesAnUnsavedPlan(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	path := filepath.Join(t.TempDir(), "people.csv")
	csv := "id,manager id,name,title\n1,,Ada Lovelace,CTO\n2,1,Grace Hopper,VP Engineering\n3,2,Alan Turing,Software Engineer\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := u.importCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	p := u.st.Plan()
	if len(p.Positions) != 3 || !u.st.Dirty() || u.st.Path() != "" {
		t.Fatalf("imported %d positions, dirty %v, path %q", len(p.Positions), u.st.Dirty(), u.st.Path())
	}
	if text == "" {
		t.Error("no import report")
	}
	before := u.st.Plan()
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("id,manager id,name,title\n1,,A,CTO\n1,,B,CTO\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := u.importCSV(bad); err == nil {
		t.Fatal("a CSV with duplicate ids imported")
	}
	if u.st.Plan() != before || len(u.lastProblems) == 0 {
		t.Error("a failed import replaced the plan or showed no problems")
	}
}

func TestAnalysisPictures(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	imgs, err := u.analysisImages(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, view := range []string{"spans", "coverage"} {
		if img := imgs[view]; img == nil || img.Bounds().Dx() < 200 {
			t.Errorf("%s picture missing or tiny", view)
		}
	}
	w := u.analysisWindow()
	if w == nil {
		t.Fatal("no analysis window")
	}
	tabs, ok := w.Content().(*container.AppTabs)
	if !ok || len(tabs.Items) != 2 {
		t.Fatalf("analysis window content %T, want two tabs", w.Content())
	}
	again := u.analysisWindow()
	if again == w || u.analysisWin != again {
		t.Error("opening the analysis again did not replace the window")
	}
	again.Close()
	if u.analysisWin != nil {
		t.Error("a closed analysis window is still remembered")
	}
}

func TestPictureScaleFitsWidthAndHeightWhenReadable(t *testing.T) {
	view := fyne.NewSize(1300, 760)
	for _, c := range []struct {
		w, h, want float32
	}{
		{1000, 898, 760.0 / 898},     // the span chart fits whole
		{1518, 1266, 1300.0 / 1518},  // the coverage grid fits its width and scrolls
		{600, 400, 1},                // small pictures are not enlarged
		{4000, 800, minPictureScale}, // never below the readable scale
	} {
		if got := pictureScale(c.w, c.h, view); got < c.want-0.001 || got > c.want+0.001 {
			t.Errorf("pictureScale(%v, %v) = %v, want %v", c.w, c.h, got, c.want)
		}
	}
}

func TestPlanNameAndScopeAreOneUndoableEdit(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	if err := u.setPlanSettings("Platform 2027", []catalog.Domain{catalog.ENG, catalog.SEC}); err != nil {
		t.Fatal(err)
	}
	p := u.st.Plan()
	if p.Name != "Platform 2027" || len(p.Scope) != 2 {
		t.Fatalf("name %q scope %v", p.Name, p.Scope)
	}
	if !strings.Contains(u.win.Title(), "Platform 2027") {
		t.Errorf("title %q lacks the new name", u.win.Title())
	}
	if _, ok := u.st.Report().Summary.Coverage[catalog.IT]; ok {
		t.Error("coverage still checked for IT, outside the scope")
	}
	u.undo()
	if p.Name != "Test org" || len(p.Scope) != 0 {
		t.Errorf("undo left name %q scope %v", p.Name, p.Scope)
	}
}

func TestBlankPlanChartDoesNotBreak(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	u.newBlank()
	c := u.chart
	c.Fit()
	c.ZoomIn()
	c.ZoomOut()
	c.Home()
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	c.Tapped(&fyne.PointEvent{Position: fyne.NewPos(50, 50)})
	c.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -30)})
	if img := c.Paint(400, 300); img == nil {
		t.Fatal("no raster")
	}
	if !c.HintShown() {
		t.Error("an empty chart shows no hint to drag a role")
	}
	u.dragRole(t, "chief-technology-officer", u.emptyAbs(t), nil)
	if len(u.st.Plan().Positions) != 1 || !!c.HintShown() {
		t.Error("dropping a role on the blank plan did not start it")
	}
}

// findButton is the first button labelled text in the window's top overlay.
func findButton(t testing.TB, u *ui, text string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog showing (looking for %q)", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button in the dialog", text)
	return nil
}

func TestNewFromTemplateAsksAboutUnsavedChangesAndIsUntitled(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	path := filepath.Join(t.TempDir(), "mine.yaml")
	if err := u.writeTo(path); err != nil {
		t.Fatal(err)
	}
	if _, err := u.st.Add("software-engineer", "em"); err != nil {
		t.Fatal(err)
	}
	u.templateDialog()
	if u.st.Plan().Name != "Test org" {
		t.Fatal("the template replaced a plan with unsaved changes without asking")
	}
	test.Tap(findButton(t, u, "Discard changes"))
	// now the template chooser
	var group *widget.RadioGroup
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if g, ok := o.(*widget.RadioGroup); ok {
			group = g
		}
	}
	if group == nil || len(group.Options) != 3 {
		t.Fatalf("no choice of the three templates: %v", group)
	}
	group.SetSelected(group.Options[1]) // scale-up
	test.Tap(findButton(t, u, "Create"))

	p := u.st.Plan()
	if len(p.Positions) < 300 || !strings.Contains(p.Name, "Scale-up") {
		t.Fatalf("plan %q with %d positions, want the scale-up template", p.Name, len(p.Positions))
	}
	for _, pos := range p.Positions {
		if pos.Holder != "" {
			t.Fatalf("%s keeps the sample holder %q", pos.ID, pos.Holder)
		}
	}
	if u.st.Path() != "" || u.st.Dirty() || !strings.Contains(u.lastStatus, "scaleup template") {
		t.Errorf("path %q dirty %v status %q: want an untitled, clean plan", u.st.Path(), u.st.Dirty(), u.lastStatus)
	}
	if data, _ := os.ReadFile(path); strings.Contains(string(data), "Scale-up") {
		t.Error("the template was written over the previous plan's file")
	}
	if err := u.newFromTemplate("galactic-empire", false); err == nil || u.st.Plan() != p {
		t.Error("an unknown template was accepted or replaced the plan")
	}
}

func TestExportSVGAndPDF(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	dir := t.TempDir()
	for format, magic := range map[string]string{"svg": "<svg", "pdf": "%PDF-"} {
		path := filepath.Join(dir, "chart."+format)
		if _, err := u.exportChart(path, exportOptions{Format: format, Scale: 1, Theme: "light"}); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data[:min(len(data), 400)]), magic) {
			t.Errorf("the %s export starts %q", format, data[:min(len(data), 40)])
		}
		if format == "svg" && !strings.Contains(string(data), "Grace Hopper") {
			t.Error("the SVG lacks Grace Hopper's card")
		}
	}
}

// `orgplanner people.csv` imports the CSV (it was read as a plan and
// refused: "a plan is a mapping of fields ..., not text").
func TestACSVNamedOnTheCommandLineIsImported(t *testing.T) {
	for path, want := range map[string]bool{"people.csv": true, "Export.CSV": true, "a.tsv": true, "plan.yaml": false, "": false, "csv": false} {
		if isPeopleFile(path) != want {
			t.Errorf("isPeopleFile(%q) = %v", path, !want)
		}
	}
	u := newTestUI(t, apptest.Plan())
	text, err := u.importAndReport("../testdata/people/visio-orgchart-wizard.csv")
	if err != nil || !strings.Contains(text, "7 positions") {
		t.Fatalf("import: %v\n%s", err, text)
	}
	if len(u.st.Plan().Positions) != 7 || !u.st.Dirty() || u.st.Path() != "" {
		t.Errorf("%d positions, dirty %v, path %q", len(u.st.Plan().Positions), u.st.Dirty(), u.st.Path())
	}
	// The report's lines wrap in the dialog (they ran off under a sideways scroll).
	v := reportView(text)
	if l, ok := v.Content.(*widget.Label); v.Direction != container.ScrollVerticalOnly || !ok || l.Wrapping != fyne.TextWrapWord {
		t.Errorf("the report scrolls %v and wraps %v", v.Direction, ok && l.Wrapping == fyne.TextWrapWord)
	}
}

// The export dialog has the command line's choices: a PDF tiled on paper,
// landscape, a transparent background; clicking the chosen format again
// keeps it chosen (it left none).
func TestExportFormHasTheCommandLinesChoices(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	items, read := u.exportForm()
	var format *widget.RadioGroup
	var paper *widget.Select
	var transparent, landscape *widget.Check
	for _, it := range items {
		switch w := it.Widget.(type) {
		case *widget.RadioGroup:
			if it.Text == "Format" {
				format = w
			}
		case *widget.Select:
			if it.Text == "Paper" {
				paper = w
			}
		case *widget.Check:
			switch w.Text {
			case "Transparent background":
				transparent = w
			case "Landscape":
				landscape = w
			}
		}
	}
	if format == nil || paper == nil || transparent == nil || landscape == nil {
		t.Fatalf("the form lacks format %v, paper %v, transparent %v or landscape %v", format != nil, paper != nil, transparent != nil, landscape != nil)
	}
	if !paper.Disabled() {
		t.Error("paper is offered for a PNG")
	}
	// click PDF twice, as a person does
	var pdf fyne.Tappable
	for _, o := range test.WidgetRenderer(format).Objects() {
		if tp, ok := o.(fyne.Tappable); ok {
			pdf = tp // the last item: PDF
		}
	}
	if pdf == nil {
		t.Fatal("no format item to click")
	}
	test.Tap(pdf)
	test.Tap(pdf)
	if format.Selected != "PDF" || paper.Disabled() {
		t.Errorf("format %q after a second click, paper disabled %v", format.Selected, paper.Disabled())
	}
	paper.SetSelected("A4")
	landscape.SetChecked(true)
	transparent.SetChecked(true)
	o, err := read()
	if err != nil || o.Format != "pdf" || o.Page != "A4" || !o.Landscape || o.Background != "transparent" {
		t.Fatalf("read %+v, %v", o, err)
	}
	path := filepath.Join(t.TempDir(), "tiles.pdf")
	if _, err := u.exportChart(path, o); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "/MediaBox [0 0 841.") {
		t.Errorf("the PDF is not on landscape A4 pages (%v)", err)
	}
}

// A plan or a people CSV dropped on the window from a file manager opens
// (nothing happened); anything else is refused in the status line.
func TestDroppingAFileOnTheWindowOpensIt(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	abs := func(p string) fyne.URI {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return storage.NewFileURI(a)
	}
	u.dropFiles([]fyne.URI{abs("../testdata/plans/full.yaml")})
	if !strings.HasSuffix(u.st.Path(), "full.yaml") {
		t.Fatalf("after dropping a plan the open plan is %q", u.st.Path())
	}
	u.dropFiles([]fyne.URI{abs("../testdata/people/visio-orgchart-wizard.csv")})
	if n := len(u.st.Plan().Positions); n != 7 || u.st.Path() != "" {
		t.Fatalf("after dropping a CSV: %d positions (want 7), path %q", n, u.st.Path())
	}
	u.dropFiles([]fyne.URI{abs("../README.md")})
	if !strings.Contains(u.lastStatus, "Not opened: README.md") {
		t.Errorf("status %q after dropping a README", u.lastStatus)
	}
}
