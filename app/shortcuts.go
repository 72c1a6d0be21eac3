package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart"
)

// removeDefault is what Delete does: the reports move up to the removed
// position's manager, so one key press never deletes a whole department
// (the inspector offers removing with the reports).
const removeDefault = orgchart.LiftReports

// shortcut is a keyboard shortcut and what it does, listed once for the
// window's canvas and the menus.
type shortcut struct {
	key fyne.Shortcut
	run func()
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func (u *ui) shortcuts() []shortcut {
	zoom := func(f func()) func() { return func() { f(); u.showZoom() } }
	return []shortcut{
		// The driver turns Ctrl+Z and Ctrl+Y into the standard undo and redo shortcuts.
		{&fyne.ShortcutUndo{}, u.undo},
		{&fyne.ShortcutRedo{}, u.redo},
		{ctrlShift(fyne.KeyZ), u.redo},
		{ctrl(fyne.KeyN), u.newPlan},
		{ctrl(fyne.KeyO), u.open},
		{ctrl(fyne.KeyS), func() { u.save(nil) }},
		{ctrlShift(fyne.KeyS), func() { u.saveAs(nil) }},
		{ctrl(fyne.KeyE), u.exportDialog},
		{ctrl(fyne.KeyF), u.focusSearch},
		{ctrl(fyne.KeyG), u.find.Next},
		{ctrlShift(fyne.KeyG), u.find.Previous},
		{ctrl(fyne.KeyEqual), zoom(u.chart.ZoomIn)},
		{ctrl(fyne.KeyPlus), zoom(u.chart.ZoomIn)},
		{ctrl(fyne.KeyMinus), zoom(u.chart.ZoomOut)},
		{ctrl(fyne.Key0), zoom(u.chart.Fit)},
		{ctrlShift(fyne.KeyE), u.expandAll},
		{ctrlShift(fyne.KeyL), u.tidy},
		{ctrl(fyne.KeyQ), u.quit},
		{ctrl(fyne.Key1), zoom(u.chart.ZoomReset)},
		{ctrl(fyne.KeyM), u.toggleMinimap},
		{ctrl(fyne.KeyLeftBracket), u.toggleCatalog},
		{ctrl(fyne.KeyRightBracket), u.toggleSidePanel},
	}
}

// installShortcuts registers the shortcuts on the window's canvas.
func (u *ui) installShortcuts() {
	for _, s := range u.shortcuts() {
		run := s.run
		u.win.Canvas().AddShortcut(s.key, func(fyne.Shortcut) { run() })
	}
}

func (u *ui) focusSearch() {
	if u.win != nil {
		u.win.Canvas().Focus(u.find.Entry())
	}
}

// chartKey handles keys typed on the focused chart: arrows move the
// selection to the manager (up), the first report (down) and the peers
// (left, right); Enter opens the inspector; Delete removes; Space collapses
// or expands; Escape clears.
func (u *ui) chartKey(ev *fyne.KeyEvent) {
	st := u.st
	p := st.Plan()
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		u.openInspector()
		return
	case fyne.KeyDelete, fyne.KeyBackspace:
		u.removeSelected()
		return
	case fyne.KeyEscape:
		st.Select("")
		return
	case fyne.KeySpace:
		// Space collapses or expands the selected manager, like its control
		if pos := st.SelectedPosition(); pos != nil && (len(p.Reports(pos.ID)) > 0 || st.Collapsed(pos.ID)) {
			u.chart.Anchor(pos.ID)
			st.ToggleCollapsed(pos.ID)
		}
		return
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
	default:
		return
	}
	pos := st.SelectedPosition()
	if pos == nil {
		if tops := p.Tops(); len(tops) > 0 {
			u.selectAndShow(tops[0].ID)
		}
		return
	}
	var next *orgchart.Position
	switch ev.Name {
	case fyne.KeyUp:
		next = p.Manager(pos)
	case fyne.KeyDown:
		if rs := p.Reports(pos.ID); len(rs) > 0 {
			next = rs[0]
		}
	case fyne.KeyLeft, fyne.KeyRight:
		peers := p.Tops()
		if m := p.Manager(pos); m != nil {
			peers = p.Reports(m.ID)
		}
		for i, q := range peers {
			if q != pos {
				continue
			}
			if ev.Name == fyne.KeyLeft && i > 0 {
				next = peers[i-1]
			}
			if ev.Name == fyne.KeyRight && i+1 < len(peers) {
				next = peers[i+1]
			}
			break
		}
	}
	if next != nil {
		u.selectAndShow(next.ID)
	}
}

func (u *ui) selectAndShow(id string) {
	u.st.Select(id)
	u.chart.ScrollTo(id)
}

// mainMenu is the window's menu bar. Menu shortcuts work even while a text
// field has the focus (the driver offers them to the menu first), so the
// file, view and redo keys live here; Ctrl+Z and Ctrl+Y stay on the canvas,
// where a focused text field gets them first for its own undo.
func (u *ui) mainMenu() *fyne.MainMenu {
	item := func(label string, key fyne.Shortcut, run func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, run)
		it.Shortcut = key
		return it
	}
	zoom := func(f func()) func() { return func() { f(); u.showZoom() } }
	recent := fyne.NewMenuItem("Open Recent", nil)
	recent.ChildMenu = fyne.NewMenu("")
	u.recentItem = recent
	quit := item("Quit", ctrl(fyne.KeyQ), u.quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New…", ctrl(fyne.KeyN), u.newPlan),
		fyne.NewMenuItem("New from template…", u.templateDialog),
		item("Open…", ctrl(fyne.KeyO), u.open),
		recent,
		fyne.NewMenuItem("Import people CSV…", u.importDialog),
		fyne.NewMenuItem("Compare with plan…", u.compareDialog),
		fyne.NewMenuItemSeparator(),
		item("Save", ctrl(fyne.KeyS), func() { u.save(nil) }),
		item("Save As…", ctrlShift(fyne.KeyS), func() { u.saveAs(nil) }),
		item("Export chart (PNG, SVG, PDF)…", ctrl(fyne.KeyE), u.exportDialog),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu("Edit",
		fyne.NewMenuItem("Undo  (Ctrl+Z)", u.undo),
		item("Redo  (or Ctrl+Y)", ctrlShift(fyne.KeyZ), u.redo),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Remove position, keep its reports  (Delete)", u.removeSelected),
		item("Find in chart…", ctrl(fyne.KeyF), u.focusSearch),
		item("Find next", ctrl(fyne.KeyG), u.find.Next),
		item("Find previous", ctrlShift(fyne.KeyG), u.find.Previous),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Plan name and scope…", u.planSettingsDialog),
	)
	view := fyne.NewMenu("View",
		item("Zoom in", ctrl(fyne.KeyEqual), zoom(u.chart.ZoomIn)),
		item("Zoom out", ctrl(fyne.KeyMinus), zoom(u.chart.ZoomOut)),
		item("Fit chart", ctrl(fyne.Key0), zoom(u.chart.Fit)),
		item("Actual size", ctrl(fyne.Key1), zoom(u.chart.ZoomReset)),
		fyne.NewMenuItemSeparator(),
		item("Show or hide the overview", ctrl(fyne.KeyM), u.toggleMinimap),
		item("Show or hide the catalog", ctrl(fyne.KeyLeftBracket), u.toggleCatalog),
		item("Show or hide the side panel", ctrl(fyne.KeyRightBracket), u.toggleSidePanel),
		item("Expand all", ctrlShift(fyne.KeyE), u.expandAll),
		u.collapseMenu(),
		item("Tidy layout", ctrlShift(fyne.KeyL), u.tidy),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Analysis pictures…", u.analysisDialog),
	)
	u.menu = fyne.NewMainMenu(file, edit, view)
	u.refreshMenu()
	return u.menu
}

// refreshMenu lists the recent files.
func (u *ui) refreshMenu() {
	if u.recentItem == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, p := range u.recent() {
		path := p
		items = append(items, fyne.NewMenuItem(path, func() {
			u.guard("opening another plan", func() { u.openChosen(path) })
		}))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent plans", nil)
		none.Disabled = true
		items = append(items, none)
	}
	u.recentItem.ChildMenu.Items = items
	if u.menu != nil {
		u.menu.Refresh()
	}
}

// quit closes the window after asking about unsaved changes.
func (u *ui) quit() {
	u.guard("quitting", func() {
		u.quitting = true
		u.stopRecovery()
		if !u.st.Dirty() {
			u.dropRecovery(u.st.Path()) // a clean quit leaves no copy
		}
		u.win.Close()
	})
}

// collapseMenu is View > Collapse to level: the top N levels stay open.
func (u *ui) collapseMenu() *fyne.MenuItem {
	it := fyne.NewMenuItem("Collapse to level", nil)
	var items []*fyne.MenuItem
	for n := 1; n <= 5; n++ {
		items = append(items, fyne.NewMenuItem(fmt.Sprintf("Level %d", n), func() { u.collapseTo(n) }))
	}
	it.ChildMenu = fyne.NewMenu("", items...)
	return it
}

// expandAll shows every position; the selected card (or the top-left of
// the view) stays where it is on screen.
func (u *ui) expandAll() {
	u.anchorView()
	u.st.ExpandAll()
	u.status(fmt.Sprintf("Every position shown: %s", state.Plural(len(u.st.Layout().Cards), "card", "cards")))
}

// tidy lays the chart out afresh, compact again, the selected card (else
// the top) where it was on screen.
func (u *ui) tidy() {
	u.anchorView()
	u.st.Tidy()
	u.status("Laid out afresh: the room edits kept in place is given back")
}

// collapseTo folds every manager at level n (1 = the top positions).
func (u *ui) collapseTo(n int) {
	u.anchorView()
	u.st.CollapseToLevel(n)
	u.status(fmt.Sprintf("Collapsed to level %d: %s shown", n, state.Plural(len(u.st.Layout().Cards), "card", "cards")))
}

// anchorView keeps the selected card in place across the next re-layout,
// else the first top position.
func (u *ui) anchorView() {
	if id := u.st.Selected(); id != "" {
		u.chart.Anchor(id)
	} else if tops := u.st.Plan().Tops(); len(tops) > 0 {
		u.chart.Anchor(tops[0].ID)
	}
}
