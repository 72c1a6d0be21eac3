package find

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
)

// resultRows is how many results the list shows without scrolling.
const resultRows = 5

// Bar is the find box above the chart: the query, the count ("3 of 12",
// "No match for …"), previous and next, and the results as you type in a
// list laid over the top of the chart (Overlay), so the chart never moves
// when it opens or closes. Enter goes to the next result, Shift+Enter to the
// previous one; Escape closes the list and gives the focus back to the
// chart (the query and its outlines stay; typing opens the list again).
type Bar struct {
	st *state.State
	// Show brings a result into view: expand the path, select, scroll.
	Show func(id string)
	// OnEscape runs when Escape is pressed in the box.
	OnEscape func()
	// OnResults runs when the results change (the chart marks them).
	OnResults func()

	entry   *queryEntry
	count   *widget.Label
	prev    *widget.Button
	next    *widget.Button
	list    *widget.List
	results []Result
	cur     int // index of the result shown, -1 before the first

	index    *Index
	indexRev uint64
	indexOf  any // the plan indexed
	listBox  *fyne.Container
	closed   bool // Escape closed the list of results
	listBg   *canvas.Rectangle
	overlay  *fyne.Container
	root     *fyne.Container
}

// New makes the find bar on the state's plan.
func New(st *state.State) *Bar {
	b := &Bar{st: st, cur: -1}
	b.entry = newQueryEntry(b)
	b.entry.SetPlaceHolder("Find people, titles, roles, ids, capabilities (Ctrl+F)")
	b.entry.OnChanged = func(string) { b.search() }
	b.entry.OnSubmitted = func(string) { b.Next() }
	b.count = widget.NewLabel("")
	b.prev = widget.NewButtonWithIcon("", theme.MoveUpIcon(), b.Previous)
	b.next = widget.NewButtonWithIcon("", theme.MoveDownIcon(), b.Next)
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), b.Clear)
	for _, btn := range []*widget.Button{b.prev, b.next, clear} {
		btn.Importance = widget.LowImportance
	}
	b.list = widget.NewList(
		func() int { return len(b.results) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := b.results[i]
			o.(*widget.Label).SetText(r.Label + "  ·  " + r.Why)
		},
	)
	b.list.OnSelected = func(i widget.ListItemID) { b.goTo(i) }
	row := widget.NewLabel("x").MinSize().Height
	b.listBg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	b.listBg.StrokeWidth = 1
	b.listBox = container.NewStack(b.listBg, b.list)
	b.listBox.Hide()
	sep := theme.SeparatorThicknessSize()
	b.overlay = container.New(&topLayout{h: func() float32 {
		// as tall as the results, up to resultRows: one match leaves the
		// chart below its row in view
		n := float32(min(len(b.results), resultRows))
		return n*row + (n+1)*sep
	}}, b.listBox)
	right := container.NewHBox(b.count, b.prev, b.next, clear)
	b.root = container.NewBorder(nil, nil, nil, right, b.entry)
	b.update()
	return b
}

// Root is the bar's content: the query row.
func (b *Bar) Root() fyne.CanvasObject { return b.root }

// Overlay is the list of results, to lay over the top of the chart (in a
// stack with it): it takes the width and the height of a few rows there,
// and nothing when there is no list.
func (b *Bar) Overlay() fyne.CanvasObject { return b.overlay }

// ResultList is the list of results itself, hidden when closed: the chart
// keeps what it brings into view clear of it.
func (b *Bar) ResultList() fyne.CanvasObject { return b.listBox }

// ListOpen reports whether the list of results shows.
func (b *Bar) ListOpen() bool { return b.listBox.Visible() }

// Entry is the query box (Ctrl+F focuses it).
func (b *Bar) Entry() fyne.Focusable { return b.entry }

// SetQuery types a query, as a person would.
func (b *Bar) SetQuery(q string) { b.entry.SetText(q) }

// Results are the positions matching the query, in chart order.
func (b *Bar) Results() []Result { return b.results }

// Count is the count line ("3 of 12", "12 matches", "No match for …").
func (b *Bar) Count() string { return b.count.Text }

// Current is the id of the result shown last ("" for none).
func (b *Bar) Current() string {
	if b.cur < 0 || b.cur >= len(b.results) {
		return ""
	}
	return b.results[b.cur].ID
}

// Matches reports whether a position is among the results (the chart marks them).
func (b *Bar) Matches(id string) bool {
	for i := range b.results {
		if b.results[i].ID == id {
			return true
		}
	}
	return false
}

// Next shows the next result (the first after the last).
func (b *Bar) Next() {
	if len(b.results) > 0 {
		b.goTo((b.cur + 1) % len(b.results))
	}
}

// Previous shows the previous result (the last before the first).
func (b *Bar) Previous() {
	if n := len(b.results); n > 0 {
		b.goTo((b.cur - 1 + n) % n)
	}
}

// Clear empties the query.
func (b *Bar) Clear() { b.entry.SetText("") }

// PlanChanged searches again after an edit or when another plan was opened.
func (b *Bar) PlanChanged() {
	if b.entry.Text != "" {
		cur, closed := b.Current(), b.closed
		b.search()
		b.closed = closed // an edit is no reason to open the list over the chart again
		for i := range b.results {
			if b.results[i].ID == cur {
				b.cur = i
			}
		}
		b.update()
	}
}

func (b *Bar) goTo(i int) {
	if i < 0 || i >= len(b.results) {
		return
	}
	b.cur = i
	b.update()
	if b.Show != nil {
		b.Show(b.results[i].ID)
	}
}

// search runs the query over an index of the current plan revision.
func (b *Bar) search() {
	ed := b.st.Editor()
	if b.index == nil || b.indexOf != any(b.st.Plan()) || b.indexRev != ed.Revision() {
		b.index = NewIndex(b.st.Plan(), b.st.Catalog(), b.st.Title)
		b.indexOf, b.indexRev = b.st.Plan(), ed.Revision()
	}
	b.results = b.index.Search(b.entry.Text)
	b.cur = -1
	b.closed = false
	b.list.UnselectAll()
	b.list.Refresh()
	b.update()
	if b.OnResults != nil {
		b.OnResults()
	}
}

// update shows the count and enables previous and next.
func (b *Bar) update() {
	q := b.entry.Text
	n := len(b.results)
	switch {
	case q == "":
		b.count.SetText("")
	case n == 0:
		b.count.SetText(fmt.Sprintf("No match for “%s”", q))
	case b.cur >= 0:
		b.count.SetText(fmt.Sprintf("%d of %d", b.cur+1, n))
	case n == 1:
		b.count.SetText("1 match")
	default:
		b.count.SetText(fmt.Sprintf("%d matches", n))
	}
	if n > 0 {
		b.prev.Enable()
		b.next.Enable()
	} else {
		b.prev.Disable()
		b.next.Disable()
	}
	if n > 0 && !b.closed {
		// opaque over the chart, in the theme's colours of the moment
		b.listBg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
		b.listBg.StrokeColor = theme.Color(theme.ColorNameSeparator)
		b.listBox.Show()
	} else {
		b.listBox.Hide()
	}
	b.root.Refresh()
	b.overlay.Refresh()
}

// queryEntry is the query box: Shift+Enter goes back, Escape leaves.
type queryEntry struct {
	widget.Entry
	bar *Bar
}

func newQueryEntry(b *Bar) *queryEntry {
	e := &queryEntry{bar: b}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape and Shift+Enter before the entry does.
func (e *queryEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		e.bar.closed = true
		e.bar.update()
		if e.bar.OnEscape != nil {
			e.bar.OnEscape()
		}
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
			e.bar.Previous()
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// FocusGained opens the list of results again after Escape closed it.
func (e *queryEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.bar.closed && len(e.bar.results) > 0 {
		e.bar.closed = false
		e.bar.update()
	}
}

// topLayout puts its objects at the top of the space, as wide as it and h()
// high (less when the space is lower); it asks for no room of its own.
type topLayout struct{ h func() float32 }

func (l *topLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, min(l.h(), size.Height)))
	}
}

func (l *topLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }
