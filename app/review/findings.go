package review

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

// findingsPanel lists the check findings, most severe first, re-read after
// every edit. Selecting one selects its position on the chart and scrolls to
// it; the full message and suggestion show below the list.
type findingsPanel struct {
	st       *state.State
	onPick   func(positionID string)
	list     *widget.List
	header   *widget.Label
	detail   *widget.Label
	findings []check.Finding
	icons    [3]fyne.Resource // by severity
	root     fyne.CanvasObject
}

func newFindingsPanel(st *state.State, onPick func(string)) *findingsPanel {
	f := &findingsPanel{st: st, onPick: onPick}
	for s := range f.icons {
		f.icons[s] = severityIcon(check.Severity(s))
	}
	f.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.detail = widget.NewLabel("Select a finding to see its suggestion and its position on the chart.")
	f.detail.Wrapping = fyne.TextWrapWord
	f.list = widget.NewList(
		func() int { return len(f.findings) },
		func() fyne.CanvasObject {
			icon := widget.NewIcon(theme.InfoIcon())
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, icon, nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			l := row.Objects[0].(*widget.Label)
			icon := row.Objects[1].(*widget.Icon)
			fd := &f.findings[i]
			// setting an unchanged text still re-shapes it: skip it
			if res := f.icons[fd.Severity]; icon.Resource != res {
				icon.SetResource(res)
			}
			if l.Text != fd.Message {
				l.SetText(fd.Message)
			}
		},
	)
	f.list.OnSelected = func(i widget.ListItemID) {
		if i < 0 || i >= len(f.findings) {
			return
		}
		fd := f.findings[i]
		text := fd.Message
		if fd.Suggestion != "" {
			text += "\n\nSuggestion: " + fd.Suggestion
		}
		f.detail.SetText(fmt.Sprintf("%s (%s)\n%s", severityTitle(fd.Severity), fd.Rule, text))
		if len(fd.Positions) > 0 {
			f.onPick(fd.Positions[0])
		}
	}
	detail := container.NewVScroll(f.detail)
	detail.SetMinSize(fyne.NewSize(0, 110))
	f.root = container.NewBorder(f.header, detail, nil, nil, f.list)
	f.refresh()
	return f
}

// refresh reloads the findings of the latest report.
func (f *findingsPanel) refresh() {
	rep := f.st.Report()
	var next []check.Finding
	if rep != nil {
		next = rep.Findings
	}
	if sameFindings(f.findings, next) && f.header.Text != "" {
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
	f.list.UnselectAll()
	f.list.Refresh()
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

// Select picks the i-th finding as a click would.
func (f *findingsPanel) Select(i int) { f.list.Select(i) }

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
