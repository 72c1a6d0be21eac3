package check

import "sort"

// Finding is one thing a reviewer would flag, with the positions it concerns.
type Finding struct {
	Rule       string   `json:"rule"`      // stable id such as "span.too-wide"
	Severity   Severity `json:"severity"`  // after the plan's policy
	Positions  []string `json:"positions"` // position ids, never nil
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion"`

	// order places findings of one rule: the plan index of the position the
	// finding is about, or the catalog index of its capability.
	order int
}

// Report is the result of Run: findings, most severe first, and a summary.
type Report struct {
	Findings []Finding `json:"findings"`
	Summary  Summary   `json:"summary"`

	counts map[string][3]int
}

// Counts returns the number of findings of each severity (info, warning,
// error) that name the position, for badges on the chart.
func (r *Report) Counts(positionID string) [3]int {
	if r == nil {
		return [3]int{}
	}
	return r.counts[positionID]
}

// Max returns the highest severity among the findings and whether there is any.
func (r *Report) Max() (Severity, bool) {
	if len(r.Findings) == 0 {
		return Info, false
	}
	return r.Findings[0].Severity, true
}

// finish sorts the findings (severity descending, then rule, then plan or
// catalog order) and counts them per position.
func (r *Report) finish() {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := &r.Findings[i], &r.Findings[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.order < b.order
	})
	r.counts = make(map[string][3]int)
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Positions == nil {
			f.Positions = []string{}
		}
		for _, id := range f.Positions {
			c := r.counts[id]
			c[f.Severity]++
			r.counts[id] = c
		}
	}
}
