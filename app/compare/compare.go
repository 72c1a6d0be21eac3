package compare

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/chart"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/diff"
)

// compareItem is one change of the changes list: head names the change and
// the position, details say where from and to or what changed; text is the
// whole change in one line. id is the position of the open plan it selects
// ("" when there is none, as for a removed position whose manager is gone too).
type compareItem struct {
	head    string
	details []string
	text    string
	id      string
}

// maxItemDetails caps the lines under a change; Details shows everything.
const maxItemDetails = 3

// Panel compares the open plan with another plan file (orgchart/diff,
// as `orgplanner diff BEFORE AFTER` with the file as BEFORE), re-compared
// after every edit. Above, what the change does to the organisation
// (diff.Effects and plan settings); below, the changes. The chart marks
// added, moved and changed cards; clicking a change selects its card.
type Panel struct {
	host    Host
	before  *orgchart.Plan // nil when not comparing
	path    string
	diff    *diff.Diff
	marks   map[string]chart.MarkKind
	removed map[string]int // removed positions under each position left (their nearest manager)
	below   map[string]int // changes below each manager, for folded cards and blocks
	items   []compareItem
	header  *widget.Label
	effects *container.Scroll
	list    *widget.List
	tab     *container.TabItem
}

// Host is what the panel needs from the window around it.
type Host struct {
	State  *state.State
	Window fyne.Window // nil in tests without dialogs
	// Pick selects a position and brings it into view.
	Pick   func(id string)
	Status func(msg string)
	// ShowProblems shows why a file could not be read.
	ShowProblems func(path string, err error)
	// ShowTab adds the changes tab beside the inspector and selects it;
	// HideTab removes it.
	ShowTab, HideTab func(tab *container.TabItem)
	// RefreshChart redraws the chart's marks.
	RefreshChart func()
}

// New makes the panel; it shows nothing until Start.
func New(host Host) *Panel {
	c := &Panel{host: host, marks: map[string]chart.MarkKind{}, removed: map[string]int{}, below: map[string]int{}}
	c.header = widget.NewLabel("")
	c.header.Wrapping = fyne.TextWrapWord
	c.list = widget.NewList(
		func() int { return len(c.items) },
		func() fyne.CanvasObject { return newItemText() },
		func(i widget.ListItemID, o fyne.CanvasObject) { setItemText(o.(*widget.RichText), c.items[i]) },
	)
	c.list.OnSelected = func(i widget.ListItemID) {
		if id := c.items[i].id; id != "" {
			host.Pick(id)
		}
	}
	details := widget.NewButtonWithIcon("Details", theme.InfoIcon(), c.showDetails)
	stop := widget.NewButtonWithIcon("Stop comparing", theme.CancelIcon(), c.Stop)
	top := container.NewVBox(c.header, container.NewHBox(details, stop))
	c.effects = container.NewVScroll(container.NewVBox())
	changes := widget.NewLabel("Changes to positions (click to show the card)")
	changes.TextStyle.Bold = true
	split := container.NewVSplit(c.effects, container.NewBorder(container.NewVBox(widget.NewSeparator(), changes), nil, nil, nil,
		container.New(&uikit.WidthWatch{OnWidth: c.sizeItems}, c.list)))
	split.Offset = 0.5
	c.tab = container.NewTabItemWithIcon("Changes", theme.ViewRefreshIcon(), container.NewBorder(top, nil, nil, nil, split))
	return c
}

// newItemText is a change in the list: a bold line, then the details.
func newItemText() *widget.RichText {
	t := widget.NewRichText()
	t.Wrapping = fyne.TextWrapWord
	return t
}

func setItemText(t *widget.RichText, it compareItem) {
	head := widget.RichTextStyleStrong
	head.Inline = false
	segs := []widget.RichTextSegment{&widget.TextSegment{Style: head, Text: it.head}}
	for _, d := range it.details {
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: d})
	}
	t.Segments = segs
	t.Refresh()
}

// Mark is what the chart shows on a card: its own change, the positions
// removed from under it, and how many changes are below it (the chart says
// those on a folded card or a block, so the overview of a large plan still
// shows where the changes are).
func (c *Panel) Mark(id string) chart.Mark {
	if c.before == nil {
		return chart.Mark{}
	}
	return chart.Mark{Kind: c.marks[id], Removed: c.removed[id], Below: c.below[id]}
}

// countBelow finds the nearest manager left of every removed position, and
// counts the changes below every manager.
func (c *Panel) countBelow() {
	clear(c.below)
	clear(c.removed)
	p := c.host.State.Plan()
	up := func(pos *orgchart.Position, n int) {
		for m := p.Manager(pos); m != nil; m = p.Manager(m) {
			c.below[m.ID] += n
		}
	}
	for id := range c.marks {
		up(p.Position(id), 1)
	}
	if c.diff == nil {
		return
	}
	for _, r := range c.diff.Removed {
		// the removed position's manager, or theirs if they went too
		var left *orgchart.Position
		for m := r.Manager; m != nil && left == nil; {
			if left = p.Position(m.ID); left != nil {
				break
			}
			was := c.before.Position(m.ID)
			if was == nil || was.ReportsTo == "" {
				break
			}
			m = &diff.Ref{ID: was.ReportsTo}
		}
		if left != nil {
			c.removed[left.ID]++
			up(left, 1)
		}
	}
}

// Start compares with the plan in the file and shows the changes tab.
func (c *Panel) Start(path string) error {
	p, _, err := orgchart.ReadFile(path, c.host.State.Base())
	if err != nil {
		c.host.ShowProblems(path, err)
		return err
	}
	c.before, c.path = p, path
	c.Refresh()
	d := c.diff
	c.host.Status(fmt.Sprintf("Comparing with %s (%q): %d added, %d removed, %d moved, %d changed; the chart marks them",
		filepath.Base(path), p.Name, len(d.Added), len(d.Removed), len(d.Moved), len(d.Changed)))
	c.host.ShowTab(c.tab)
	return nil
}

func orVacant(holder string) string {
	if holder == "" {
		return "vacant"
	}
	return holder
}

// Stop ends the comparison.
func (c *Panel) Stop() {
	if c.before == nil {
		return
	}
	c.before, c.diff, c.items = nil, nil, nil
	clear(c.marks)
	clear(c.removed)
	clear(c.below)
	c.host.HideTab(c.tab)
	c.host.RefreshChart()
}

// Refresh compares again (after an edit).
func (c *Panel) Refresh() {
	if c.before == nil {
		return
	}
	st := c.host.State
	d := diff.Compare(c.before, st.Plan(), st.Catalog())
	c.diff = d
	clear(c.marks)
	c.items = c.items[:0]
	add := func(head, id string, details ...string) {
		text := head
		if len(details) > 0 {
			text += " " + strings.Join(details, ", ")
		}
		if len(details) > maxItemDetails {
			details = append(details[:maxItemDetails-1:maxItemDetails-1], strings.Join(details[maxItemDetails-1:], "; "))
		}
		c.items = append(c.items, compareItem{head: head, details: details, text: text, id: id})
	}
	for _, a := range d.Added {
		c.marks[a.ID] = chart.MarkAdded
		add("Added "+a.String(), a.ID, under(a.Manager))
	}
	for _, m := range d.Moved {
		c.marks[m.ID] = chart.MarkMoved
		add("Moved "+m.String(), m.ID, "from "+refText(m.From), "to "+refText(m.To))
	}
	for _, ch := range d.Changed {
		if c.marks[ch.ID] == chart.Unchanged {
			c.marks[ch.ID] = chart.MarkChanged
		}
		var fs []string
		for _, f := range ch.Fields {
			b, a := orNone(f.Before), orNone(f.After)
			if f.Field == diff.FieldHolder {
				b, a = orVacant(f.Before), orVacant(f.After)
			}
			fs = append(fs, fmt.Sprintf("%s was %s, now %s", f.Field, b, a))
		}
		add("Changed "+ch.String(), ch.ID, fs...)
	}
	for _, r := range d.Removed {
		id := ""
		if r.Manager != nil && st.Plan().Position(r.Manager.ID) != nil {
			id = r.Manager.ID
		}
		where := "was at the top"
		if r.Manager != nil {
			where = "was under " + r.Manager.String()
		}
		add("Removed "+r.String(), id, where)
	}
	c.countBelow()
	head := fmt.Sprintf("Compared with %s: %d added, %d removed, %d moved, %d changed.",
		filepath.Base(c.path), len(d.Added), len(d.Removed), len(d.Moved), len(d.Changed))
	if d.Empty() {
		head = fmt.Sprintf("Compared with %s: no changes to positions yet. Edit the plan and what changes shows here.", filepath.Base(c.path))
	}
	c.header.SetText(head)
	c.effects.Content = c.effectsView(d)
	c.effects.Refresh()
	c.list.UnselectAll()
	c.list.Refresh()
	c.sizeItems()
	c.host.RefreshChart() // the marks
}

// sizeItems gives every change in the list the height of its lines,
// wrapped at the list's width (uikit.WidthWatch calls it again when that changes).
func (c *Panel) sizeItems() {
	w := c.list.Size().Width - 2*theme.Padding() // as the list insets an item
	if w < 100 {
		w = 300 // not laid out yet
	}
	t := newItemText()
	for i, it := range c.items {
		setItemText(t, it)
		t.Resize(fyne.NewSize(w, t.MinSize().Height))
		c.list.SetItemHeight(i, t.MinSize().Height)
	}
}

func under(m *diff.Ref) string {
	if m == nil {
		return "at the top"
	}
	return "under " + m.String()
}

func refText(r *diff.Ref) string {
	if r == nil {
		return "the top"
	}
	return r.String()
}

// showDetails shows the whole comparison, effects included, as the command
// line prints it.
func (c *Panel) showDetails() {
	if c.diff == nil || c.host.Window == nil {
		return
	}
	var b bytes.Buffer
	c.diff.WriteText(&b)
	l := widget.NewLabel(b.String())
	l.TextStyle.Monospace = true
	scroll := container.NewScroll(l)
	scroll.SetMinSize(fyne.NewSize(720, 420))
	d := dialog.NewCustom("Changes since "+filepath.Base(c.path), "Close", scroll, c.host.Window)
	// as wide as the window allows: the report's lines are long and monospaced
	s := c.host.Window.Canvas().Size()
	d.Resize(fyne.NewSize(max(720, s.Width*0.94), max(420, s.Height*0.88)))
	d.Show()
}

// Comparing reports whether a comparison is on.
func (c *Panel) Comparing() bool { return c.before != nil }

// Tab is the changes tab (shown while comparing).
func (c *Panel) Tab() *container.TabItem { return c.tab }
