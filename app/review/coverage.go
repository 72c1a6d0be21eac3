package review

import (
	"fmt"
	"image/color"
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

// summaryPanel shows the plan's numbers in one line and its coverage as a
// matrix of coloured cells: a row per domain in scope, columns owned, gaps
// and overlaps. Green when every required capability is owned, red where
// there are gaps, orange where two branches own the same capability, grey
// when there is nothing to report; the count is written in the cell.
type summaryPanel struct {
	st      *state.State
	onPick  func(positionID string)
	detail  *fyne.Container // what is behind the cell clicked last, a line each
	picked  []string        // the positions behind it
	onShown func()          // called when the detail is shown (the panel scrolls to it)
	line    *widget.Label
	matrix  *fyne.Container
	shown   map[catalog.Domain]check.DomainCoverage // what the matrix shows
	root    fyne.CanvasObject
}

var (
	ownedColor   = uikit.RGB(0x12b76a)
	partColor    = uikit.RGB(0x84cc9f)
	overlapColor = uikit.RGB(0xf79009)
	gapColor     = uikit.RGB(0xd92d20)
)

func newSummaryPanel(st *state.State, onPick func(string)) *summaryPanel {
	s := &summaryPanel{st: st, onPick: onPick}
	s.detail = container.NewVBox()
	s.detail.Hide()
	s.line = widget.NewLabel("")
	s.line.Wrapping = fyne.TextWrapWord
	s.matrix = container.NewVBox()
	title := widget.NewLabelWithStyle("Coverage of required capabilities", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabelWithStyle("Click a cell to list what is behind it", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	s.root = container.NewVBox(s.line, title, container.NewPadded(s.matrix), hint, s.detail)
	s.refresh()
	return s
}

// matrixCell is one coloured cell with its count.
func matrixCell(fill color.Color, text string, textColor color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(fill)
	r.CornerRadius = 3
	r.SetMinSize(fyne.NewSize(48, 20))
	t := canvas.NewText(text, textColor)
	t.TextSize = 12
	t.TextStyle.Bold = true
	t.Alignment = fyne.TextAlignCenter
	return container.NewStack(r, container.NewCenter(t))
}

func smallText(s string, c color.Color, bold bool) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = 12
	t.TextStyle.Bold = bold
	return t
}

// refresh redraws from the latest report, when the coverage changed.
func (s *summaryPanel) refresh() {
	rep := s.st.Report()
	if rep == nil {
		return
	}
	if s.st.Checking() { // the report is empty until the check of a plan opened in the background arrives
		uikit.SetLabel(s.line, checkingText)
		s.shown = nil
		s.matrix.Objects = nil
		s.matrix.Refresh()
		return
	}
	sum := rep.Summary
	text := fmt.Sprintf("%s in %s · %d vacant · %s · median span %.1f · %s",
		state.Plural(sum.Headcount, "person", "people"), state.Plural(sum.Positions, "position", "positions"), sum.Vacancies,
		state.Plural(sum.Managers, "manager", "managers"), sum.SpanMedian, state.Plural(sum.Layers, "layer", "layers"))
	if sum.Cost != nil && *sum.Cost > 0 {
		text += " · cost " + uikit.Money(*sum.Cost) + " a year"
	}
	uikit.SetLabel(s.line, text)

	if maps.Equal(sum.Coverage, s.shown) && len(s.matrix.Objects) > 0 {
		return
	}
	s.shown = maps.Clone(sum.Coverage)
	pal := uikit.ChartPalette()
	neutral := pal.CtrlFill
	// a fixed-width name column, then three equal cells
	row := func(name fyne.CanvasObject, cells ...fyne.CanvasObject) fyne.CanvasObject {
		box := container.New(layout.NewGridWrapLayout(fyne.NewSize(118, 20)), name)
		return container.NewBorder(nil, nil, box, nil, container.NewGridWithColumns(3, cells...))
	}
	heading := func(s string) fyne.CanvasObject {
		t := smallText(s, pal.Muted, true)
		t.Alignment = fyne.TextAlignCenter
		return t
	}
	grid := container.NewVBox(row(layout.NewSpacer(), heading("Owned"), heading("Gaps"), heading("Overlaps")))
	for _, d := range catalog.Domains {
		cov, ok := sum.Coverage[d]
		if !ok {
			continue
		}
		owned := neutral
		switch {
		case cov.Required > 0 && cov.Owned == cov.Required:
			owned = ownedColor
		case cov.Owned > 0:
			owned = partColor
		}
		ownedText := pal.Muted
		if owned != neutral {
			ownedText = uikit.RGB(0xffffff)
		}
		gaps, gapsText := neutral, pal.Muted
		if cov.Gaps > 0 {
			gaps, gapsText = gapColor, uikit.RGB(0xffffff)
		}
		over, overText := neutral, pal.Muted
		if cov.Overlaps > 0 {
			over, overText = overlapColor, uikit.RGB(0xffffff)
		}
		d := d
		at := func(column string) func() { return func() { s.showCell(d, column) } }
		grid.Add(row(
			container.NewHBox(container.NewCenter(cell(uikit.DomainColorOf(d, pal.Dark), 10)), container.NewCenter(smallText(uikit.DomainName(d), pal.Title, false))),
			newTapCell(matrixCell(owned, fmt.Sprintf("%d/%d", cov.Owned, cov.Required), ownedText), at(columnOwned)),
			newTapCell(matrixCell(gaps, fmt.Sprint(cov.Gaps), gapsText), at(columnGaps)),
			newTapCell(matrixCell(over, fmt.Sprint(cov.Overlaps), overText), at(columnOverlaps))))
	}
	s.matrix.Objects = []fyne.CanvasObject{grid}
	s.matrix.Refresh()
}

func cell(c color.Color, size float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.CornerRadius = 2
	r.SetMinSize(fyne.NewSize(size, size))
	return r
}
