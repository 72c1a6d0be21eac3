package review

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
)

// Panel is the review tab: the plan's numbers and coverage above, the check
// findings below.
type Panel struct {
	summary  *summaryPanel
	findings *findingsPanel
	root     fyne.CanvasObject
}

// New makes the review panel; onPick selects a finding's position on the chart.
func New(st *state.State, onPick func(positionID string)) *Panel {
	p := &Panel{summary: newSummaryPanel(st, onPick), findings: newFindingsPanel(st, onPick)}
	p.root = container.NewBorder(container.NewVBox(p.summary.root, widget.NewSeparator()), nil, nil, nil, p.findings.root)
	return p
}

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
