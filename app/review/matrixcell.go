package review

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/catalog"
)

// Columns of the coverage matrix.
const (
	columnOwned    = "owned"
	columnGaps     = "gaps"
	columnOverlaps = "overlaps"
)

// tapCell is a matrix cell that can be clicked.
type tapCell struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newTapCell(content fyne.CanvasObject, onTap func()) *tapCell {
	c := &tapCell{content: content, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *tapCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.content) }

// Tapped runs the cell's action.
func (c *tapCell) Tapped(*fyne.PointEvent) { c.onTap() }

// Cursor shows a hand: the cell opens what is behind it.
func (c *tapCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// maxCellLines caps the capabilities listed under the matrix.
const maxCellLines = 12

// cellLine is one line under the matrix: a capability and who is behind
// it; clicking it selects the first of its positions.
type cellLine struct {
	text      string
	positions []string
}

// cellDetail lists what is behind a cell of the matrix (the capabilities and
// who owns them, a line each) and the positions to select on the chart. One definition
// of each word, the checks': a gap is a required capability nobody owns
// (rules coverage.gap and coverage.support-only, which is "only supported"),
// an overlap one owned in separate branches (coverage.overlap, and
// coverage.duplicate-leader for a strategy or governance capability).
func (s *summaryPanel) cellDetail(d catalog.Domain, column string) (string, []cellLine, []string) {
	cat := s.st.Catalog()
	name := func(id string) string {
		if c := cat.Capability(id); c != nil {
			return c.Name
		}
		return id
	}
	p := s.st.Plan()
	label := func(ids []string) string {
		var out []string
		for _, id := range ids {
			out = append(out, s.st.Label(p.Position(id)))
		}
		return strings.Join(out, ", ")
	}
	var lines []cellLine
	var positions []string
	rep := s.st.Report()
	switch column {
	case columnGaps, columnOverlaps:
		rules := map[string]string{"coverage.gap": "nobody owns it", "coverage.support-only": "only supported, nobody owns it"}
		if column == columnOverlaps { // as check's summary counts them: overlaps and duplicate leaders
			rules = map[string]string{"coverage.overlap": "owned in separate branches",
				"coverage.duplicate-leader": "led in separate branches, where one leader is expected"}
		}
		for _, f := range rep.Findings {
			why, ok := rules[f.Rule]
			if !ok {
				continue
			}
			for _, id := range f.Capabilities {
				if c := cat.Capability(id); c == nil || c.Domain != d {
					continue
				}
				line := name(id) + ": " + why
				if len(f.Positions) > 0 {
					line += " (" + label(f.Positions) + ")"
				}
				lines = append(lines, cellLine{line, f.Positions})
				positions = append(positions, f.Positions...)
			}
		}
	case columnOwned:
		owners := map[string][]string{}
		for _, pos := range p.Positions {
			owns, _ := pos.Capabilities(cat)
			for _, id := range owns {
				if c := cat.Capability(id); c != nil && c.Domain == d {
					owners[id] = append(owners[id], pos.ID)
				}
			}
		}
		ids := make([]string, 0, len(owners))
		for id := range owners {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			lines = append(lines, cellLine{name(id) + ": " + label(owners[id]), owners[id]})
			positions = append(positions, owners[id]...)
		}
	}
	title := fmt.Sprintf("%s, %s", uikit.DomainName(d), column)
	if len(lines) == 0 {
		return title + ": none.", nil, nil
	}
	if len(lines) > maxCellLines {
		lines = append(lines[:maxCellLines], cellLine{text: fmt.Sprintf("and %d more", len(lines)-maxCellLines)})
	}
	return title + " (click a line to show it on the chart):", lines, positions
}

// showCell lists what is behind a cell under the matrix, a line each that
// selects its positions, and selects the first position involved on the chart.
func (s *summaryPanel) showCell(d catalog.Domain, column string) {
	title, lines, positions := s.cellDetail(d, column)
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{heading}
	for _, l := range lines {
		var tap func()
		if len(l.positions) > 0 && s.onPick != nil {
			first := l.positions[0]
			tap = func() { s.onPick(first) }
		}
		objs = append(objs, uikit.NewTapLabel(l.text, tap))
	}
	s.detail.Objects = objs
	s.detail.Show()
	s.detail.Refresh()
	s.picked = positions
	if s.onShown != nil {
		s.onShown()
	}
	if len(positions) > 0 && s.onPick != nil {
		s.onPick(positions[0])
	}
}

// detailText is what the list under the matrix says, a line each (tests).
func (s *summaryPanel) detailText() string {
	var out []string
	for _, o := range s.detail.Objects {
		switch l := o.(type) {
		case *widget.Label:
			out = append(out, l.Text)
		case *uikit.TapLabel:
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}
