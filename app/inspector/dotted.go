package inspector

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart"
)

// maxDottedChoices bounds the list of the dotted-line dialog: past it the
// person narrows the search.
const maxDottedChoices = 200

// dottedChoices lists the positions the selected one could get a dotted line
// to, whose title or holder contains query: managers first, plan order.
func dottedChoices(st *state.State, pos *orgchart.Position, query string) []*orgchart.Position {
	q := strings.ToLower(strings.TrimSpace(query))
	p := st.Plan()
	var managers, others []*orgchart.Position
	for _, c := range p.Positions {
		if c == pos || c.ID == pos.ReportsTo || slices.Contains(pos.DottedTo, c.ID) {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(st.Label(c)), q) {
			continue
		}
		if len(p.Reports(c.ID)) > 0 {
			managers = append(managers, c)
		} else {
			others = append(others, c)
		}
		if len(managers) >= maxDottedChoices {
			break
		}
	}
	out := append(managers, others...)
	return out[:min(len(out), maxDottedChoices)]
}

// addDotted asks for a dotted-line (matrix) manager of the selected position.
func (in *Inspector) addDotted(win fyne.Window) {
	pos := in.st.SelectedPosition()
	if pos == nil || win == nil {
		return
	}
	var choices []*orgchart.Position
	search := widget.NewEntry()
	search.SetPlaceHolder("Search by title or holder")
	var d dialog.Dialog
	list := widget.NewList(
		func() int { return len(choices) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(in.st.Label(choices[i])) },
	)
	list.OnSelected = func(i widget.ListItemID) {
		id := choices[i].ID
		d.Hide()
		in.apply(func(p *orgchart.Position) { p.DottedTo = append(slices.Clone(p.DottedTo), id) })
	}
	search.OnChanged = func(s string) {
		choices = dottedChoices(in.st, pos, s)
		list.UnselectAll()
		list.Refresh()
	}
	search.OnChanged("")
	body := container.NewBorder(search, nil, nil, nil, list)
	d = dialog.NewCustom("Dotted line from "+in.st.Title(pos), "Cancel", body, win)
	d.Resize(fyne.NewSize(520, 460))
	d.Show()
	win.Canvas().Focus(search)
}
