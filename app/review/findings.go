package review

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

// findingsPanel lists the check findings grouped by rule, most severe
// first, with a count per group, re-read after every edit. Filters keep one
// severity or one domain. A click on a group opens it; each finding shows
// whole, with its suggestion; a click on one selects its position on the
// chart and scrolls to it.
type findingsPanel struct {
	st       *state.State
	onPick   func(positionID string)
	list     *widget.List
	header   *widget.Label
	severity *widget.Select
	domain   *widget.Select
	findings []check.Finding
	groups   []findingGroup
	open     map[string]bool // rules whose group is open
	rows     []findingRow
	heights  []float32        // of the rows, as sizeRows set them
	icons    [3]fyne.Resource // by severity
	root     fyne.CanvasObject
}

// findingGroup is the findings of one rule that pass the filters.
type findingGroup struct {
	rule     string
	severity check.Severity
	items    []int // indexes in findings
}

// findingRow is a line of the list: a group's header, or one finding.
type findingRow struct {
	group   int
	finding int // -1 for the header
}

// Severity and domain filter choices.
const (
	allSeverities = "All severities"
	allDomains    = "All domains"
)

var severityChoices = []string{allSeverities, "Errors", "Warnings", "Notes"}

func newFindingsPanel(st *state.State, onPick func(string)) *findingsPanel {
	f := &findingsPanel{st: st, onPick: onPick, open: map[string]bool{}}
	for s := range f.icons {
		f.icons[s] = severityIcon(check.Severity(s))
	}
	f.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.severity = widget.NewSelect(severityChoices, func(string) { f.regroup() })
	f.severity.SetSelected(allSeverities)
	domains := []string{allDomains}
	for _, d := range catalog.Domains {
		domains = append(domains, uikit.DomainName(d))
	}
	f.domain = widget.NewSelect(domains, func(string) { f.regroup() })
	f.domain.SetSelected(allDomains)
	f.list = widget.NewList(
		func() int { return len(f.rows) },
		func() fyne.CanvasObject {
			open := widget.NewIcon(theme.MenuExpandIcon())
			icon := widget.NewIcon(theme.InfoIcon())
			t := widget.NewRichText()
			t.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(open, icon)), nil, t)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			t := row.Objects[0].(*widget.RichText)
			icons := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects
			f.bindRow(f.rows[i], icons[0].(*widget.Icon), icons[1].(*widget.Icon), t)
		},
	)
	f.list.OnSelected = func(i widget.ListItemID) {
		if i < 0 || i >= len(f.rows) {
			return
		}
		r := f.rows[i]
		f.list.Unselect(i)
		if r.finding < 0 {
			g := f.groups[r.group]
			f.open[g.rule] = !f.open[g.rule]
			f.layoutRows()
			return
		}
		if fd := f.findings[r.finding]; len(fd.Positions) > 0 {
			f.onPick(fd.Positions[0])
		}
	}
	filters := container.NewGridWithColumns(2, f.severity, f.domain)
	f.root = container.NewBorder(container.NewVBox(f.header, filters), nil, nil, nil,
		container.New(&uikit.WidthWatch{OnWidth: f.sizeRows}, f.list))
	f.refresh()
	return f
}

// bindRow shows a header (a closed or open arrow, the severity, "Spans wider
// than the role's range (span.too-wide) · 12") or a finding (its whole
// message and suggestion). The arrows are the theme's icons: the shipped
// font has no "▸" or "▾".
func (f *findingsPanel) bindRow(r findingRow, open, icon *widget.Icon, t *widget.RichText) {
	g := f.groups[r.group]
	var segs []widget.RichTextSegment
	if r.finding < 0 {
		arrow := theme.MenuExpandIcon()
		if f.open[g.rule] {
			arrow = theme.MenuDropDownIcon()
		}
		if open.Resource != arrow {
			open.SetResource(arrow)
		}
		segs = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleStrong,
			Text: fmt.Sprintf("%s · %d", groupTitle(g.rule), len(g.items))}}
	} else {
		fd := &f.findings[r.finding]
		segs = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: fd.Message}}
		if fd.Suggestion != "" {
			sug := widget.RichTextStyleParagraph
			sug.TextStyle.Italic = true
			segs = append(segs, &widget.TextSegment{Style: sug, Text: "Suggestion: " + fd.Suggestion})
		}
	}
	if res := f.icons[g.severity]; icon.Resource != res {
		icon.SetResource(res)
	}
	if r.finding >= 0 {
		open.Hide()
		icon.Hide()
	} else {
		open.Show()
		icon.Show()
	}
	t.Segments = segs
	t.Refresh()
}

// refresh reloads the findings of the latest report.
func (f *findingsPanel) refresh() {
	rep := f.st.Report()
	var next []check.Finding
	if rep != nil {
		next = rep.Findings
	}
	if f.st.Checking() { // a plan opened in the background: its findings are on their way
		f.findings = nil
		uikit.SetLabel(f.header, checkingText)
		f.regroup()
		return
	}
	if sameFindings(f.findings, next) && f.header.Text != "" && f.header.Text != checkingText {
		f.findings = next
		return
	}
	f.findings = next
	var n [3]int
	for _, fd := range f.findings {
		n[fd.Severity]++
	}
	if len(f.findings) == 0 {
		uikit.SetLabel(f.header, "No findings")
	} else {
		uikit.SetLabel(f.header, fmt.Sprintf("Findings: %s, %s, %s", state.Plural(n[check.Error], "error", "errors"),
			state.Plural(n[check.Warning], "warning", "warnings"), state.Plural(n[check.Info], "note", "notes")))
	}
	f.regroup()
}

// checkingText is what the review says while a plan opened in the
// background is being checked (its report is empty until then).
const checkingText = "Checking the plan…"

// regroup groups the findings that pass the filters by rule, in report
// order (most severe first). A report of a few findings opens every group.
func (f *findingsPanel) regroup() {
	if f.list == nil {
		return
	}
	sev := -1
	switch f.severity.Selected {
	case "Errors":
		sev = int(check.Error)
	case "Warnings":
		sev = int(check.Warning)
	case "Notes":
		sev = int(check.Info)
	}
	var dom catalog.Domain
	for _, d := range catalog.Domains {
		if uikit.DomainName(d) == f.domain.Selected {
			dom = d
		}
	}
	f.groups = f.groups[:0]
	at := map[string]int{}
	for i := range f.findings {
		fd := &f.findings[i]
		if sev >= 0 && int(fd.Severity) != sev || dom != "" && !f.inDomain(fd, dom) {
			continue
		}
		g, ok := at[fd.Rule]
		if !ok {
			g = len(f.groups)
			at[fd.Rule] = g
			f.groups = append(f.groups, findingGroup{rule: fd.Rule, severity: fd.Severity})
		}
		f.groups[g].items = append(f.groups[g].items, i)
		f.groups[g].severity = max(f.groups[g].severity, fd.Severity)
	}
	total := 0
	for _, g := range f.groups {
		total += len(g.items)
	}
	if total <= 12 {
		for _, g := range f.groups {
			f.open[g.rule] = true
		}
	}
	f.layoutRows()
}

// inDomain reports whether a finding is about the domain: one of its
// capabilities is, or the role of one of its positions is.
func (f *findingsPanel) inDomain(fd *check.Finding, d catalog.Domain) bool {
	cat := f.st.Catalog()
	for _, id := range fd.Capabilities {
		if c := cat.Capability(id); c != nil && c.Domain == d {
			return true
		}
	}
	p := f.st.Plan()
	for _, id := range fd.Positions {
		if r := f.st.Role(p.Position(id)); r != nil {
			for _, rd := range r.Domains {
				if rd == d {
					return true
				}
			}
		}
	}
	return false
}

// layoutRows lists the headers and the findings of the open groups.
func (f *findingsPanel) layoutRows() {
	f.rows = f.rows[:0]
	for gi, g := range f.groups {
		f.rows = append(f.rows, findingRow{group: gi, finding: -1})
		if f.open[g.rule] {
			for _, i := range g.items {
				f.rows = append(f.rows, findingRow{group: gi, finding: i})
			}
		}
	}
	f.sizeRows()
	f.list.Refresh()
}

// sizeRows gives every row the height of its wrapped text at the list's width.
func (f *findingsPanel) sizeRows() {
	w := f.list.Size().Width - 2*theme.Padding() - theme.IconInlineSize() - theme.Padding()
	if w < 100 {
		w = 300 // not laid out yet
	}
	open, icon := widget.NewIcon(nil), widget.NewIcon(nil)
	t := widget.NewRichText()
	t.Wrapping = fyne.TextWrapWord
	f.heights = f.heights[:0]
	for i, r := range f.rows {
		// headings too: a rule's name wraps in a narrow panel (beside
		// two icons, the arrow and the severity)
		f.bindRow(r, open, icon, t)
		tw := w
		if r.finding < 0 {
			tw -= theme.IconInlineSize() + theme.Padding()
		}
		t.Resize(fyne.NewSize(tw, t.MinSize().Height))
		h := t.MinSize().Height
		f.list.SetItemHeight(i, h)
		f.heights = append(f.heights, h)
	}
}

// sameFindings reports whether two reports list the same findings, so an
// edit that changes none of them costs no list refresh.
func sameFindings(a, b []check.Finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Rule != b[i].Rule || a[i].Severity != b[i].Severity || a[i].Message != b[i].Message {
			return false
		}
	}
	return true
}

// Select picks the finding at index i of the report as a click on it
// would: its group opens and its position is selected.
func (f *findingsPanel) Select(i int) {
	for gi, g := range f.groups {
		for _, x := range g.items {
			if x != i {
				continue
			}
			f.open[g.rule] = true
			f.layoutRows()
			for ri, r := range f.rows {
				if r.group == gi && r.finding == i {
					f.list.Select(ri)
					return
				}
			}
		}
	}
}

func severityIcon(s check.Severity) fyne.Resource {
	switch s {
	case check.Error:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case check.Warning:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.NewPrimaryThemedResource(theme.InfoIcon())
}

func severityTitle(s check.Severity) string {
	switch s {
	case check.Error:
		return "Error"
	case check.Warning:
		return "Warning"
	}
	return "Note"
}
