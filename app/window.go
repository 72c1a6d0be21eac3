package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ui is the main window: catalog on the left, chart in the middle, inspector
// and findings on the right, toolbar above, status line below.
type ui struct {
	app fyne.App
	win fyne.Window
	st  *State

	chart     *Chart
	drag      *dragger
	catalog   *catalogPanel
	inspector *inspector
	findings  *findingsPanel
	summary   *summaryPanel
	tabs      *container.AppTabs
	inspTab   *container.TabItem
	reviewTab *container.TabItem
	statusBar *widget.Label
	undoBtn   *widget.Button
	redoBtn   *widget.Button
	toolbar   fyne.CanvasObject
	zoomLabel *widget.Label

	rec         recoveryKeeper
	compare     *comparePanel
	rightSplit  *container.Split // chart | tabs
	analysisWin fyne.Window      // the open analysis window, nil when none
	menu        *fyne.MainMenu
	recentItem  *fyne.MenuItem
	quitting    bool

	lastStatus   string
	lastProblems []string // the problems of the last failed open
	content      fyne.CanvasObject
}

// defaultChartShare is the chart's share of the width beside the tabs.
const defaultChartShare = 0.7

// newUI builds the window's content on a state; win may be a test window.
func newUI(a fyne.App, win fyne.Window, st *State) *ui {
	u := &ui{app: a, win: win, st: st}
	u.statusBar = widget.NewLabel("")
	u.statusBar.Truncation = fyne.TextTruncateEllipsis
	u.chart = NewChart(st)
	u.drag = newDragger(st, u.chart, u.status)
	u.catalog = newCatalogPanel(st, u.drag)
	u.inspector = newInspector(st, u.status)
	u.inspector.win = win
	u.inspector.anchor = u.chart.Anchor
	u.findings = newFindingsPanel(st, u.pickFinding)
	u.summary = newSummaryPanel(st)
	u.chart.OnKey = u.chartKey
	u.chart.OnTapCard = func(string) { u.tabs.Select(u.inspTab) }

	u.inspTab = container.NewTabItemWithIcon("Position", theme.DocumentCreateIcon(), u.inspector.root)
	review := container.NewBorder(container.NewVBox(u.summary.root, widget.NewSeparator()), nil, nil, nil, u.findings.root)
	u.reviewTab = container.NewTabItemWithIcon("Review", theme.WarningIcon(), review)
	u.tabs = container.NewAppTabs(u.inspTab, u.reviewTab)
	u.tabs.Select(u.reviewTab)
	u.inspector.onScreen = func() bool { return u.tabs.Selected() == u.inspTab }
	u.tabs.OnSelected = func(t *container.TabItem) {
		if t == u.inspTab && u.inspector.stale {
			u.inspector.refresh()
		}
	}
	u.compare = newComparePanel(u)
	u.chart.Mark = u.compare.mark

	u.toolbar = u.makeToolbar()
	u.zoomLabel = widget.NewLabel("100%")
	u.chart.OnZoom = func(float32) { u.showZoom() }

	right := container.NewHSplit(u.chart, u.tabs)
	right.Offset = defaultChartShare
	u.rightSplit = right
	main := container.NewHSplit(u.catalog.root, right)
	main.Offset = 0.2
	top := container.NewBorder(nil, nil, nil, u.zoomLabel, u.toolbar)
	body := container.NewBorder(top, u.statusBar, nil, nil, main)
	// The ghost card of a drag lives in a layer above everything (not an overlay).
	u.content = container.NewStack(body, u.drag.layer)

	st.Listen(u.changed)
	u.changed(ChangedPlan | ChangedFile | ChangedSelection)
	return u
}

// changed refreshes what a change touches.
func (u *ui) changed(c Change) {
	if c&(ChangedPlan|ChangedLayout|ChangedSelection) != 0 {
		u.chart.Refresh()
	}
	if c&ChangedPlan != 0 && u.st.Editor().Revision() > 0 {
		u.scheduleRecovery()
	}
	if c&ChangedPlan != 0 {
		u.compare.refresh()
		u.findings.refresh()
		u.summary.refresh()
		if t := fmt.Sprintf("Review (%d)", len(u.st.Report().Findings)); t != u.reviewTab.Text {
			u.reviewTab.Text = t
			u.tabs.Refresh()
		}
	}
	if c&(ChangedPlan|ChangedSelection) != 0 {
		u.inspector.refresh()
	}
	if c&ChangedFile != 0 {
		u.updateTitle()
		u.updateUndo()
		if c&ChangedPlan != 0 && c&ChangedSelection != 0 && u.st.Editor().Revision() == 0 {
			// a plan was loaded: new catalog, new view
			u.catalog.reload()
			u.chart.placed = false
			u.chart.Refresh()
		}
	}
}

// themeChanged redraws what uses the chart palette rather than the theme.
func (u *ui) themeChanged() {
	u.chart.Refresh()
	u.catalog.list.Refresh()
	u.summary.shown = nil
	u.summary.refresh()
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
	u.redoBtn = btn("Redo", theme.ContentRedoIcon(), u.redo)
	sep := func() fyne.CanvasObject { return widget.NewSeparator() }
	return container.NewHBox(
		btn("New", theme.DocumentIcon(), u.newPlan),
		btn("Open", theme.FolderOpenIcon(), u.open),
		btn("Save", theme.DocumentSaveIcon(), func() { u.save(nil) }),
		btn("Export PNG", theme.UploadIcon(), u.exportDialog),
		sep(),
		u.undoBtn, u.redoBtn,
		sep(),
		btn("", theme.ZoomOutIcon(), zoom(u.chart.ZoomOut)),
		btn("", theme.ZoomInIcon(), zoom(u.chart.ZoomIn)),
		btn("Fit", theme.ZoomFitIcon(), zoom(u.chart.Fit)),
		btn("100%", nil, zoom(u.chart.ZoomReset)),
		sep(),
		btn("Remove", theme.DeleteIcon(), u.removeSelected),
	)
}

func (u *ui) showZoom() {
	if u.zoomLabel == nil {
		return
	}
	u.zoomLabel.SetText(fmt.Sprintf("%.0f%%", u.chart.Zoom()*100))
}

func (u *ui) undo() {
	u.chart.Anchor(u.st.Selected())
	if u.st.Undo() {
		u.status("Undone")
	}
}

func (u *ui) redo() {
	u.chart.Anchor(u.st.Selected())
	if u.st.Redo() {
		u.status("Redone")
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
	u.inspector.remove(removeDefault)
}

// openInspector shows the inspector and focuses its first field.
func (u *ui) openInspector() {
	u.tabs.Select(u.inspTab)
	if u.st.Selected() != "" && u.win != nil {
		u.win.Canvas().Focus(u.inspector.holder)
		// select the text, so typing replaces the holder
		u.inspector.holder.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}
