package app

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgplanner/orgchart"
	"orgplanner/orgchart/diff"
)

// Marks a compared card carries on the chart.
const (
	markAdded   = "new"
	markMoved   = "moved"
	markChanged = "changed"
)

// compareItem is one line of the changes list; id is the position of the
// open plan it selects ("" when there is none, as for a removed position
// whose manager is gone too).
type compareItem struct {
	text string
	id   string
}

// comparePanel compares the open plan with another plan file (orgchart/diff,
// as `orgplanner diff BEFORE AFTER` with the file as BEFORE), re-compared
// after every edit. The chart marks added, moved and changed cards; clicking
// a change selects its card.
type comparePanel struct {
	u      *ui
	before *orgchart.Plan // nil when not comparing
	path   string
	diff   *diff.Diff
	marks  map[string]string
	items  []compareItem
	header *widget.Label
	list   *widget.List
	tab    *container.TabItem
}

func newComparePanel(u *ui) *comparePanel {
	c := &comparePanel{u: u, marks: map[string]string{}}
	c.header = widget.NewLabel("")
	c.header.Wrapping = fyne.TextWrapWord
	c.list = widget.NewList(
		func() int { return len(c.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { setLabel(o.(*widget.Label), c.items[i].text) },
	)
	c.list.OnSelected = func(i widget.ListItemID) {
		if id := c.items[i].id; id != "" {
			u.pickFinding(id)
		}
	}
	details := widget.NewButtonWithIcon("Details", theme.InfoIcon(), c.showDetails)
	stop := widget.NewButtonWithIcon("Stop comparing", theme.CancelIcon(), c.stop)
	top := container.NewVBox(c.header, container.NewHBox(details, stop))
	c.tab = container.NewTabItemWithIcon("Changes", theme.ViewRefreshIcon(), container.NewBorder(top, nil, nil, nil, c.list))
	return c
}

// mark is what the chart shows on a card ("" for nothing).
func (c *comparePanel) mark(id string) string { return c.marks[id] }

// start compares with the plan in the file and shows the changes tab.
func (c *comparePanel) start(path string) error {
	p, _, err := orgchart.ReadFile(path, c.u.st.Base())
	if err != nil {
		c.u.showProblems(path, err)
		return err
	}
	c.before, c.path = p, path
	c.refresh()
	tabs := c.u.tabs
	if !containsTab(tabs, c.tab) {
		tabs.Append(c.tab)
	}
	tabs.Select(c.tab)
	return nil
}

func containsTab(tabs *container.AppTabs, t *container.TabItem) bool {
	for _, x := range tabs.Items {
		if x == t {
			return true
		}
	}
	return false
}

// stop ends the comparison.
func (c *comparePanel) stop() {
	c.before, c.diff, c.items = nil, nil, nil
	clear(c.marks)
	c.u.tabs.Remove(c.tab)
	c.u.chart.Refresh()
}

// refresh compares again (after an edit).
func (c *comparePanel) refresh() {
	if c.before == nil {
		return
	}
	st := c.u.st
	d := diff.Compare(c.before, st.Plan(), st.Catalog())
	c.diff = d
	clear(c.marks)
	c.items = c.items[:0]
	for _, a := range d.Added {
		c.marks[a.ID] = markAdded
		c.items = append(c.items, compareItem{"Added " + a.String() + under(a.Manager), a.ID})
	}
	for _, m := range d.Moved {
		c.marks[m.ID] = markMoved
		c.items = append(c.items, compareItem{"Moved " + m.String() + " from " + refText(m.From) + " to " + refText(m.To), m.ID})
	}
	for _, ch := range d.Changed {
		if c.marks[ch.ID] == "" {
			c.marks[ch.ID] = markChanged
		}
		var fs []string
		for _, f := range ch.Fields {
			fs = append(fs, fmt.Sprintf("%s from %q to %q", f.Field, f.Before, f.After))
		}
		c.items = append(c.items, compareItem{"Changed " + ch.String() + ": " + strings.Join(fs, ", "), ch.ID})
	}
	for _, r := range d.Removed {
		id := ""
		if r.Manager != nil && st.Plan().Position(r.Manager.ID) != nil {
			id = r.Manager.ID
		}
		c.items = append(c.items, compareItem{"Removed " + r.String() + under(r.Manager), id})
	}
	e := d.Effects
	c.header.SetText(fmt.Sprintf("Compared with %s: %d added, %d removed, %d moved, %d changed.\nHeadcount %d before, %d now; managers %d, %d; layers %d, %d.",
		filepath.Base(c.path), len(d.Added), len(d.Removed), len(d.Moved), len(d.Changed),
		e.Headcount.Before, e.Headcount.After, e.Managers.Before, e.Managers.After, e.Layers.Before, e.Layers.After))
	c.list.UnselectAll()
	c.list.Refresh()
	c.u.chart.Refresh() // the marks
}

func under(m *diff.Ref) string {
	if m == nil {
		return " at the top"
	}
	return " under " + m.String()
}

func refText(r *diff.Ref) string {
	if r == nil {
		return "the top"
	}
	return r.String()
}

// showDetails shows the whole comparison, effects included, as the command
// line prints it.
func (c *comparePanel) showDetails() {
	if c.diff == nil || c.u.win == nil {
		return
	}
	var b bytes.Buffer
	c.diff.WriteText(&b)
	l := widget.NewLabel(b.String())
	l.TextStyle.Monospace = true
	scroll := container.NewScroll(l)
	scroll.SetMinSize(fyne.NewSize(720, 420))
	dialog.ShowCustom("Changes since "+filepath.Base(c.path), "Close", scroll, c.u.win)
}

// compareDialog asks for the plan to compare with.
func (u *ui) compareDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		_ = u.compare.start(path) // problems are shown
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".yaml", ".yml"}))
	u.startIn(d)
	d.Show()
}
