package merge_test

import (
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/merge"
)

// BenchmarkMerge200k merges two edited copies of a 200,000-position plan
// (the largest a plan may have) shaped like a real HR export: ours renames
// every tenth holder, theirs moves every hundredth position to its
// grandmanager. Encoding the merged plan is included, as the driver does it.
const benchN = 200000

func BenchmarkMerge200k(b *testing.B) {
	base := generate.Shaped(benchN, 1)
	copyPlan := func() *orgchart.Plan {
		p := &orgchart.Plan{Version: base.Version, Name: base.Name}
		for _, pos := range base.Positions {
			c := *pos
			p.Positions = append(p.Positions, &c)
		}
		return p
	}
	ours, theirs := copyPlan(), copyPlan()
	for i, pos := range ours.Positions {
		if i%10 == 0 {
			pos.Holder = "Renamed " + pos.ID
		}
	}
	byID := map[string]*orgchart.Position{}
	for _, pos := range theirs.Positions {
		byID[pos.ID] = pos
	}
	for i, pos := range theirs.Positions {
		if m := byID[pos.ReportsTo]; i%100 == 0 && m != nil && m.ReportsTo != "" {
			pos.ReportsTo = m.ReportsTo
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := merge.Merge(base, ours, theirs, nil)
		if len(res.Conflicts) != 0 {
			b.Fatalf("%d conflicts", len(res.Conflicts))
		}
		res.Plan.Encode()
	}
}
