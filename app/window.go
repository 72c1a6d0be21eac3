package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/orgplanner/orgplanner/app/catalogpanel"
	"github.com/orgplanner/orgplanner/app/chart"
	"github.com/orgplanner/orgplanner/app/compare"
	"github.com/orgplanner/orgplanner/app/find"
	"github.com/orgplanner/orgplanner/app/inspector"
	"github.com/orgplanner/orgplanner/app/review"
	"github.com/orgplanner/orgplanner/app/state"
)

// ui is the main window: catalog on the left, chart in the middle, inspector
// and findings on the right, toolbar above, status line below.
type ui struct {
	app fyne.App
	win fyne.Window
	st  *state.State

	chart     *chart.Chart
	drag      *chart.Dragger
	catalog   *catalogpanel.Panel
	inspector *inspector.Inspector
	review    *review.Panel
	find      *find.Bar
	minimap   *chart.Minimap
	tabs      *container.AppTabs
	inspTab   *container.TabItem
	reviewTab *container.TabItem
	statusBar *widget.Label
	progress  *widget.ProgressBarInfinite // while a plan is read in the background
	undoBtn   *widget.Button
	redoBtn   *widget.Button
	removeBtn *widget.Button // disabled while nothing is selected
	toolbar   fyne.CanvasObject
	zoomLabel *widget.Label

	rec         recoveryKeeper
	compare     *compare.Panel
	rightSplit  *container.Split // chart | tabs
	mainSplit   *container.Split // catalog | the rest
	analysisWin fyne.Window      // the open analysis window, nil when none
	menu        *fyne.MainMenu
	recentItem  *fyne.MenuItem
	quitting    bool
	settling    bool // a Settle is scheduled (see settle.go)

	lastStatus string
	onChecked  func() // after the check of a plan opened in the background arrives (start-up timing)
	// later runs a function on the window's thread; nil is fyne.Do (tests
	// set it: their driver runs fyne.Do at once on the calling goroutine)
	later        func(func())
	lastProblems []string // the problems of the last failed open
	content      fyne.CanvasObject
}

// defaultChartShare is the chart's share of the width beside the tabs.
const defaultChartShare = 0.74

// newUI builds the window's content on a state; win may be a test window.
func newUI(a fyne.App, win fyne.Window, st *state.State) *ui {
	u := &ui{app: a, win: win, st: st}
	u.statusBar = widget.NewLabel("")
	u.statusBar.Truncation = fyne.TextTruncateEllipsis
	u.progress = widget.NewProgressBarInfinite()
	u.progress.Hide()
	u.chart = chart.New(st)
	u.drag = chart.NewDragger(st, u.chart, u.status)
	u.catalog = catalogpanel.New(st, u.drag)
	u.inspector = inspector.New(st, u.status)
	u.inspector.Win = win
	u.inspector.Anchor = u.chart.Anchor
	u.inspector.OnEscape = u.focusChart
	u.review = review.New(st, u.pickFinding)
	u.find = find.New(st)
	u.find.Show = u.showFound
	u.find.OnEscape = u.focusChart
	u.find.OnResults = u.chart.Refresh
	u.chart.Found = u.find.Matches
	u.chart.OnKey = u.chartKey
	u.chart.OnTapCard = func(string) { u.tabs.Select(u.inspTab) }

	u.inspTab = container.NewTabItemWithIcon("Position", theme.DocumentCreateIcon(), u.inspector.Root())
	u.reviewTab = container.NewTabItemWithIcon("Review", theme.WarningIcon(), u.review.Root())
	u.tabs = container.NewAppTabs(u.inspTab, u.reviewTab)
	u.tabs.Select(u.reviewTab)
	u.inspector.OnScreen = func() bool { return u.tabs.Selected() == u.inspTab }
	u.tabs.OnSelected = func(t *container.TabItem) {
		if t == u.inspTab {
			u.inspector.RefreshIfStale()
		}
	}
	u.compare = compare.New(compare.Host{
		State: st, Window: win, Pick: u.pickFinding, Status: u.status, ShowProblems: u.showProblems,
		ShowTab: u.showCompareTab, HideTab: u.hideCompareTab, RefreshChart: u.chart.Refresh,
	})
	u.chart.Mark = u.compare.Mark

	u.toolbar = u.makeToolbar()
	u.zoomLabel = widget.NewLabel("100%")
	u.chart.OnZoom = func(float32) { u.showZoom() }

	u.minimap = chart.NewMinimap(u.chart)
	chartArea := container.NewStack(u.chart, container.New(cornerLayout{}, u.minimap), u.find.Overlay())
	u.chart.AddCover(u.find.ResultList())
	right := container.NewHSplit(container.NewBorder(u.find.Root(), nil, nil, nil, chartArea), u.tabs)
	right.Offset = defaultChartShare
	u.rightSplit = right
	main := container.NewHSplit(u.catalog.Root(), right)
	main.Offset = 0.17
	u.mainSplit = main
	top := container.NewBorder(nil, nil, nil, u.zoomLabel, u.toolbar)
	status := container.NewBorder(nil, nil, nil, container.New(fixedWidth{200}, u.progress), u.statusBar)
	body := container.NewBorder(top, status, nil, nil, main)
	// The ghost card of a drag lives in a layer above everything (not an overlay).
	u.content = container.NewStack(body, u.drag.Layer())

	st.Listen(u.changed)
	u.changed(state.ChangedPlan | state.ChangedFile | state.ChangedSelection)
	if win != nil {
		win.SetOnDropped(func(_ fyne.Position, items []fyne.URI) { u.dropFiles(items) })
	}
	return u
}

// changed refreshes what a change touches.
func (u *ui) changed(c state.Change) {
	if c&(state.ChangedPlan|state.ChangedLayout|state.ChangedSelection) != 0 {
		u.chart.Refresh()
	}
	if c&(state.ChangedPlan|state.ChangedLayout) != 0 {
		u.scheduleSettle()
	}
	if c&state.ChangedPlan != 0 && u.st.Editor().Revision() > 0 {
		u.scheduleRecovery()
	}
	if c&state.ChangedPlan != 0 {
		u.find.PlanChanged()
		u.compare.Refresh()
		u.review.Refresh()
		t := fmt.Sprintf("Review (%d)", len(u.st.Report().Findings))
		if u.st.Checking() {
			t = "Review (…)" // the findings of a plan just opened are on their way
		}
		if t != u.reviewTab.Text {
			u.reviewTab.Text = t
			u.tabs.Refresh()
		}
	}
	if c&(state.ChangedPlan|state.ChangedSelection) != 0 {
		u.inspector.Refresh()
		if u.removeBtn != nil {
			if u.st.Selected() == "" {
				u.removeBtn.Disable()
			} else {
				u.removeBtn.Enable()
			}
		}
	}
	if c&state.ChangedFile != 0 {
		u.updateTitle()
		u.updateUndo()
		if c&state.ChangedPlan != 0 && c&state.ChangedSelection != 0 && u.st.Editor().Revision() == 0 {
			// a plan was loaded: new catalog, new view, and a comparison
			// with the plan before it means nothing now
			u.compare.Stop()
			u.catalog.Reload()
			u.chart.NewPlan()
		}
	}
}

// themeChanged redraws what uses the chart palette rather than the theme.
func (u *ui) themeChanged() {
	u.chart.Refresh()
	u.catalog.ThemeChanged()
	u.review.ThemeChanged()
}

// title is the window title: plan name, file, and a mark for unsaved changes.
func (u *ui) title() string {
	name := u.st.Plan().Name
	if name == "" {
		name = "Untitled plan"
	}
	t := name
	if p := u.st.Path(); p != "" {
		t += " - " + filepath.Base(p)
	}
	if u.st.Dirty() {
		t = "• " + t + " (unsaved)"
	}
	return t + " - Org Planner"
}

func (u *ui) updateTitle() {
	if u.win != nil {
		u.win.SetTitle(u.title())
	}
}

func (u *ui) updateUndo() {
	if u.toolbar == nil {
		return
	}
	ed := u.st.Editor()
	if ed.CanUndo() {
		u.undoBtn.Enable()
	} else {
		u.undoBtn.Disable()
	}
	if ed.CanRedo() {
		u.redoBtn.Enable()
	} else {
		u.redoBtn.Disable()
	}
}

// status shows a message in the status line.
func (u *ui) status(msg string) {
	u.lastStatus = msg
	u.statusBar.SetText(msg)
}

// makeToolbar builds the row of buttons above the chart. Fyne toolbars have
// no tooltips, so the file and edit buttons carry words as well as icons.
func (u *ui) makeToolbar() fyne.CanvasObject {
	btn := func(label string, icon fyne.Resource, tapped func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, tapped)
		b.Importance = widget.LowImportance
		return b
	}
	zoom := func(f func()) func() { return func() { f(); u.showZoom() } }
	u.undoBtn = btn("Undo", theme.ContentUndoIcon(), u.undo)
	u.removeBtn = btn("Remove", theme.DeleteIcon(), u.removeSelected)
	u.removeBtn.Disable() // until a card is selected
	u.redoBtn = btn("Redo", theme.ContentRedoIcon(), u.redo)
	sep := func() fyne.CanvasObject { return widget.NewSeparator() }
	return container.NewHBox(
		btn("New", theme.DocumentIcon(), u.newPlan),
		btn("Open", theme.FolderOpenIcon(), u.open),
		btn("Save", theme.DocumentSaveIcon(), func() { u.save(nil) }),
		btn("Export", theme.UploadIcon(), u.exportDialog),
		sep(),
		u.undoBtn, u.redoBtn,
		sep(),
		btn("", theme.ZoomOutIcon(), zoom(u.chart.ZoomOut)),
		btn("", theme.ZoomInIcon(), zoom(u.chart.ZoomIn)),
		btn("Fit", theme.ZoomFitIcon(), zoom(u.chart.Fit)),
		btn("100%", nil, zoom(u.chart.ZoomReset)),
		sep(),
		u.removeBtn,
	)
}

func (u *ui) showZoom() {
	if u.zoomLabel == nil {
		return
	}
	u.zoomLabel.SetText(fmt.Sprintf("%.0f%%", u.chart.Zoom()*100))
}

// undo undoes the last edit, says what it undid and brings it into view.
func (u *ui) undo() {
	u.chart.Anchor(u.st.Selected())
	if u.st.Undo() {
		u.showStep("Undid", u.st.LastStep())
	}
}

// redo redoes the last undone edit, says what and brings it into view.
func (u *ui) redo() {
	u.chart.Anchor(u.st.Selected())
	if u.st.Redo() {
		u.showStep("Redid", u.st.LastStep())
	}
}

// showStep tells what undo or redo did and shows the position it touched
// (or the manager it was under, when it is gone), moving the view the least.
func (u *ui) showStep(verb string, s state.Step) {
	if s.What == "" {
		u.status(verb + " the last change")
		return
	}
	u.status(fmt.Sprintf("%s %s (Ctrl+Z undoes, Ctrl+Shift+Z redoes)", verb, s.What))
	for _, id := range []string{s.ID, s.Near} {
		if id != "" && u.st.Plan().Position(id) != nil {
			u.st.Select(id)
			u.chart.ScrollIntoView(id) // at the zoom the change was made at
			u.showZoom()
			return
		}
	}
}

// pickFinding selects a finding's position and brings it into view.
func (u *ui) pickFinding(id string) {
	u.st.Select(id)
	u.chart.ScrollTo(id)
	u.showZoom()
}

// removeSelected removes the selected position with everything below it.
func (u *ui) removeSelected() {
	u.inspector.Remove(removeDefault)
}

// openInspector shows the inspector and focuses its first field.
func (u *ui) openInspector() {
	u.tabs.Select(u.inspTab)
	u.inspector.FocusHolder()
}

// compareShare is the chart's share of the width beside the compare panel:
// the changes read better in a wider panel than the inspector needs.
const compareShare = 0.64

// showCompareTab adds the compare panel's tab and selects it.
func (u *ui) showCompareTab(t *container.TabItem) {
	found := false
	for _, x := range u.tabs.Items {
		found = found || x == t
	}
	if !found {
		u.tabs.Append(t)
	}
	u.tabs.Select(t)
	if sp := u.rightSplit; sp != nil && sp.Offset > compareShare {
		sp.SetOffset(compareShare)
	}
}

// hideCompareTab removes the compare panel's tab when comparing ends.
func (u *ui) hideCompareTab(t *container.TabItem) {
	u.tabs.Remove(t)
	if sp := u.rightSplit; sp != nil && sp.Offset < defaultChartShare {
		sp.SetOffset(defaultChartShare)
	}
	u.chart.Refresh()
}

// compareDialog asks for the plan to compare with.
func (u *ui) compareDialog() {
	u.askOpenPath("Compare with plan", "Compare", planExtensions, func(path string) {
		_ = u.compare.Start(path) // problems are shown
	})
}

// showFound brings a find result into view: the managers above it expand,
// the card is selected and scrolled into view (the least it takes).
func (u *ui) showFound(id string) {
	u.st.Select(id)
	u.chart.ScrollTo(id)
	u.showZoom()
}

// focusChart gives the keyboard focus to the chart (Escape in a field).
func (u *ui) focusChart() {
	if u.win != nil {
		u.win.Canvas().Focus(u.chart)
	}
}

// cornerLayout puts its objects at their minimum size in the bottom-right
// corner (the overview over the chart).
type cornerLayout struct{}

func (cornerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	const margin = 10
	for _, o := range objs {
		// at most about a quarter of a small chart, same shape
		m := o.MinSize()
		if f := min(1, size.Width*0.28/m.Width, size.Height*0.3/m.Height); f < 1 {
			m = fyne.NewSize(m.Width*f, m.Height*f)
		}
		o.Resize(m)
		o.Move(fyne.NewPos(size.Width-m.Width-margin, size.Height-m.Height-margin))
	}
}

func (cornerLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

// toggleCatalog hides the catalog panel for more chart, or shows it again.
func (u *ui) toggleCatalog() { toggle(u.catalog.Root(), u.mainSplit) }

// toggleSidePanel hides the inspector and review tabs, or shows them again.
func (u *ui) toggleSidePanel() { toggle(u.tabs, u.rightSplit) }

func toggle(o fyne.CanvasObject, split *container.Split) {
	if o.Visible() {
		o.Hide()
	} else {
		o.Show()
	}
	split.Refresh()
}

// toggleMinimap shows or hides the overview.
func (u *ui) toggleMinimap() {
	if u.minimap.Visible() {
		u.minimap.Hide()
	} else {
		u.minimap.Show()
	}
}

// fixedWidth lays its objects out at a fixed width and their height.
type fixedWidth struct{ w float32 }

func (l fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(l.w, size.Height))
	}
}

func (l fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	if h == 0 {
		return fyne.NewSize(0, 0)
	}
	return fyne.NewSize(l.w, h)
}
