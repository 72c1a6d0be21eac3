package rollup

import (
	"slices"

	"github.com/orgplanner/orgplanner/orgchart"
)

// Span is a position's span of control as orgchart/check counts it: its
// direct reports, a team as its count, vacant positions included, dotted
// lines and the roles the plan's policy leaves out of span counts
// (assistants, chiefs of staff) not.
func Span(p *orgchart.Plan, id string) int {
	exclude := p.Policy.SpanExclude
	if exclude == nil {
		exclude = orgchart.DefaultSpanExclude()
	}
	n := 0
	for _, r := range p.Reports(id) {
		if !slices.Contains(exclude, r.Role) {
			n += r.Headcount()
		}
	}
	return n
}

// Band names the span band a span falls in, as check's summary groups
// managers: "1", "2-3", "4-7", "8-12" or "13+"; "0" for no reports.
func Band(span int) string {
	switch {
	case span <= 0:
		return "0"
	case span == 1:
		return "1"
	case span <= 3:
		return "2-3"
	case span <= 7:
		return "4-7"
	case span <= 12:
		return "8-12"
	}
	return "13+"
}

// Bands lists the span bands in order, without "0".
func Bands() []string { return []string{"1", "2-3", "4-7", "8-12", "13+"} }
