package review

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/orgplanner/orgplanner/app/state"
)

// Panel is the review tab: the plan's numbers and coverage above, the check
// findings below, split so that each scrolls in its part: what a cell of
// the matrix lists never pushes the findings (or the window's status line)
// out of the window.
type Panel struct {
	summary  *summaryPanel
	findings *findingsPanel
	root     fyne.CanvasObject
}

// New makes the review panel; onPick selects a finding's position on the chart.
func New(st *state.State, onPick func(positionID string)) *Panel {
	p := &Panel{summary: newSummaryPanel(st, onPick), findings: newFindingsPanel(st, onPick)}
	top := container.NewVScroll(p.summary.root)
	p.summary.onShown = func() { scrollTo(top, p.summary.detail) } // the list under the matrix
	split := container.NewVSplit(top, p.findings.root)
	split.Offset = summaryShare
	p.root = split
	return p
}

// summaryShare is the summary's share of the panel's height: the numbers
// and the matrix of eight domains whole at 1600 x 1000.
const summaryShare = 0.42

// Root is the panel's content.
func (p *Panel) Root() fyne.CanvasObject { return p.root }

// Refresh re-reads the latest check report.
func (p *Panel) Refresh() {
	p.findings.refresh()
	p.summary.refresh()
}

// ThemeChanged redraws the matrix, whose colours are the chart's.
func (p *Panel) ThemeChanged() {
	p.summary.shown = nil
	p.summary.refresh()
}

// SelectFinding selects the i-th finding of the list, as a click would.
func (p *Panel) SelectFinding(i int) { p.findings.Select(i) }

// scrollTo scrolls so that o, inside the scroll's content, starts at the
// top of the view (or as near as the content allows).
func scrollTo(sc *container.Scroll, o fyne.CanvasObject) {
	sc.Content.Resize(fyne.NewSize(sc.Size().Width, sc.Content.MinSize().Height)) // lay out the new lines
	sc.Refresh()
	drv := fyne.CurrentApp().Driver()
	y := drv.AbsolutePositionForObject(o).Y - drv.AbsolutePositionForObject(sc.Content).Y
	limit := max(0, sc.Content.Size().Height-sc.Size().Height)
	sc.Offset = fyne.NewPos(0, min(max(0, y-4), limit))
	sc.Refresh()
}
