package compare

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/diff"
)

// effectsView builds what a comparison does to the organisation, as a leader
// reads it: the numbers before and now, then gaps, owners, spans and plan
// settings that changed. Lines naming a position select its card.
func (c *Panel) effectsView(d *diff.Diff) fyne.CanvasObject {
	e := &d.Effects
	// no padding between the lines: each label carries its own
	box := container.New(layout.NewCustomPaddedVBoxLayout(0))

	// Two multi-line labels side by side: one line a number, tighter than a
	// form of a label per row, so the gaps and owners below show too.
	var names, values []string
	row := func(name, value string) {
		names = append(names, name)
		values = append(values, value)
	}
	ints := func(name string, p diff.IntPair) {
		row(name, pairText(float64(p.Before), float64(p.After), intText))
	}
	ints("Headcount", e.Headcount)
	ints("Vacancies", e.Vacancies)
	ints("Managers", e.Managers)
	ints("Layers", e.Layers)
	row("Mean span", pairText(e.SpanMean.Before, e.SpanMean.After, func(v float64) string { return fmt.Sprintf("%.1f", v) }))
	if e.Cost.Before != nil || e.Cost.After != nil {
		if e.Cost.Before != nil && e.Cost.After != nil {
			row("Yearly cost", pairText(*e.Cost.Before, *e.Cost.After, moneyText))
		} else {
			row("Yearly cost", costOrNone(e.Cost.Before)+" to "+costOrNone(e.Cost.After))
		}
	}
	fb, fa := e.Findings.Before, e.Findings.After
	row("Findings", pairText(float64(fb.Error+fb.Warning+fb.Info), float64(fa.Error+fa.Warning+fa.Info), intText))
	nameCol := widget.NewLabel(strings.Join(names, "\n"))
	valueCol := widget.NewLabel(strings.Join(values, "\n"))
	valueCol.Truncation = fyne.TextTruncateEllipsis
	form := container.NewBorder(nil, nil, nameCol, nil, valueCol)
	box.Add(form)

	heading := func(text string) {
		l := widget.NewLabel(text)
		l.TextStyle.Bold = true
		box.Add(l)
	}
	line := func(text, id string, importance widget.Importance) {
		var tap func()
		if id != "" && c.host.State.Plan().Position(id) != nil {
			tap = func() { c.host.Pick(id) }
		}
		l := uikit.NewTapLabel(text, tap)
		l.Importance = importance
		box.Add(l)
	}
	caps := func(cs []diff.CapRef) string {
		names := make([]string, len(cs))
		for i, x := range cs {
			names[i] = fmt.Sprintf("%s (%s)", x.Name, x.Domain)
		}
		return strings.Join(names, ", ")
	}
	if len(e.GapsOpened) > 0 {
		heading(fmt.Sprintf("Gaps opened: %d", len(e.GapsOpened)))
		line("Nobody owns "+caps(e.GapsOpened), "", widget.DangerImportance)
	}
	if len(e.GapsClosed) > 0 {
		heading(fmt.Sprintf("Gaps closed: %d", len(e.GapsClosed)))
		line("Now owned: "+caps(e.GapsClosed), "", widget.SuccessImportance)
	}
	if len(e.OwnerChanges) > 0 {
		heading(fmt.Sprintf("Capabilities whose owner changed: %d", len(e.OwnerChanges)))
		for _, g := range ownerGroups(e.OwnerChanges) {
			line(g.caps+": "+g.how, g.id, widget.MediumImportance)
		}
	}
	if len(e.Spans) > 0 {
		heading(fmt.Sprintf("Managers whose span changed band: %d", len(e.Spans)))
		for _, s := range e.Spans {
			unit := "reports"
			if s.After == 1 {
				unit = "report"
			}
			line(fmt.Sprintf("%s: %d to %d %s (%s to %s)", s.String(), s.Before, s.After, unit, bandWords(s.BandBefore), bandWords(s.BandAfter)), s.ID, widget.MediumImportance)
		}
	}
	if len(d.Settings) > 0 {
		heading("Plan settings")
		for _, s := range d.Settings {
			line(fmt.Sprintf("%s was %s, now %s", s.Setting, orNone(s.Before), orNone(s.After)), "", widget.MediumImportance)
		}
	}
	if len(e.GapsOpened)+len(e.GapsClosed)+len(e.OwnerChanges)+len(e.Spans)+len(d.Settings) == 0 {
		l := widget.NewLabel("No capability changed owner, no gap opened or closed, no span changed band.")
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}

// ownerGroup is capabilities handed over the same way, in one line.
type ownerGroup struct {
	caps, how string
	id        string // an owner now, to select
}

func ownerGroups(ocs []diff.OwnerChange) []ownerGroup {
	var out []ownerGroup
	index := map[string]int{}
	for _, oc := range ocs {
		how := ownerWords(oc)
		i, ok := index[how]
		if !ok {
			i = len(out)
			index[how] = i
			g := ownerGroup{how: how}
			if len(oc.After) > 0 {
				g.id = oc.After[0].ID
			}
			out = append(out, g)
		}
		if out[i].caps != "" {
			out[i].caps += ", "
		}
		out[i].caps += oc.Name
	}
	return out
}

// ownerWords says how a capability's owners changed.
func ownerWords(oc diff.OwnerChange) string {
	switch {
	case len(oc.Before) == 0:
		return "now " + refList(oc.After)
	case len(oc.After) == 0:
		return "nobody now (was " + refList(oc.Before) + ")"
	case len(oc.Lost) == len(oc.Before):
		return refList(oc.After) + " (was " + refList(oc.Before) + ")"
	}
	var parts []string
	if len(oc.Gained) > 0 {
		parts = append(parts, "now also "+refList(oc.Gained))
	}
	if len(oc.Lost) > 0 {
		parts = append(parts, "no longer "+refList(oc.Lost))
	}
	return strings.Join(parts, "; ")
}

func refList(rs []diff.Ref) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.String()
	}
	return strings.Join(parts, " and ")
}

func bandWords(b string) string {
	if b == "0" {
		return "no reports"
	}
	return "band " + b
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func costOrNone(v *float64) string {
	if v == nil {
		return "not given"
	}
	return moneyText(*v)
}

// pairText is "before to now (+difference)", or one number when unchanged.
func pairText(before, after float64, format func(float64) string) string {
	if d := format(math.Abs(after - before)); format(before) == format(after) && strings.Trim(d, "0.") == "" {
		return format(after) + " (same)"
	}
	sign := "+"
	if after < before {
		sign = "–" // an en dash: the shipped font has no minus sign
	}
	return fmt.Sprintf("%s to %s (%s%s)", format(before), format(after), sign, format(math.Abs(after-before)))
}

func intText(v float64) string { return fmt.Sprintf("%d", int64(math.Round(v))) }

// moneyText writes a yearly cost short enough for the panel: 73.8M, 303k.
func moneyText(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e6:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", v/1e6), ".0") + "M"
	case a >= 1e3:
		return fmt.Sprintf("%.0fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}
