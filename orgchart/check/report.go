package check

import (
	"cmp"
	"slices"
	"strings"
)

// Finding is one thing a reviewer would flag, with the positions it concerns.
type Finding struct {
	Rule       string   `json:"rule"`      // stable id such as "span.too-wide"
	Severity   Severity `json:"severity"`  // after the plan's policy
	Positions  []string `json:"positions"` // position ids, never nil
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion"`
	// Capabilities lists the catalog capability ids a coverage finding is
	// about (nil for other rules). Not part of the JSON output.
	Capabilities []string `json:"-"`

	// order places findings of one rule: the plan index of the position the
	// finding is about, or the catalog index of its capability.
	order int
	sub   int // breaks ties of order within a rule: the first capability of a coverage.vacant-owner group
}

// Report is the result of Run: findings, most severe first, and a summary.
type Report struct {
	Findings []Finding `json:"findings"`
	Summary  Summary   `json:"summary"`

	at     map[string]int32 // position id -> plan index, shared with the run
	counts [][3]int32       // by plan index
}

// Counts returns the number of findings of each severity (info, warning,
// error) that name the position, for badges on the chart.
func (r *Report) Counts(positionID string) [3]int {
	if r == nil {
		return [3]int{}
	}
	if i, ok := r.at[positionID]; ok {
		c := r.counts[i]
		return [3]int{int(c[0]), int(c[1]), int(c[2])}
	}
	return [3]int{}
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
func (r *Report) finish(at map[string]int32, n int) {
	// Sort indexes rather than the 100-byte findings; the index breaks ties,
	// so the order is the same on every run.
	fs := r.Findings
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(i, j int32) int {
		a, b := &fs[i], &fs[j]
		if a.Severity != b.Severity {
			return cmp.Compare(b.Severity, a.Severity)
		}
		if a.Rule != b.Rule {
			return strings.Compare(a.Rule, b.Rule)
		}
		if a.order != b.order {
			return cmp.Compare(a.order, b.order)
		}
		return cmp.Compare(i, j)
	})
	sorted := make([]Finding, len(fs))
	for k, i := range idx {
		sorted[k] = fs[i]
	}
	r.Findings = sorted
	r.at = at
	r.counts = make([][3]int32, n)
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Positions == nil {
			f.Positions = []string{}
		}
		for _, id := range f.Positions {
			if k, ok := at[id]; ok {
				r.counts[k][f.Severity]++
			}
		}
	}
}

// CapabilitiesFlagged returns the ids of the capabilities that findings of
// the rule (coverage.gap, coverage.overlap, ...) are about. Callers use it
// rather than reading capability names out of messages, which are for people.
func (r *Report) CapabilitiesFlagged(rule string) map[string]bool {
	out := map[string]bool{}
	for _, f := range r.Findings {
		if f.Rule == rule {
			for _, id := range f.Capabilities {
				out[id] = true
			}
		}
	}
	return out
}
