package analysis

import "testing"

// The heatmap reads the plan's ownership: the startup's CTO owns on-call in
// the plan, so on-call is owned (by the CTO), not "supported only".
func TestCoverageUsesPlanOwnership(t *testing.T) {
	p, cat := sample(t, "startup")
	for _, row := range Coverage(p, cat, nil) {
		for _, c := range row.Cells {
			if c.ID != "sre-on-call" {
				continue
			}
			if c.State != StateOwned || len(c.Owners) != 1 || c.Owners[0] != "CTO and Co-founder (Tariq Oliveira)" {
				t.Errorf("on-call cell %+v", c)
			}
			return
		}
	}
	t.Fatal("no on-call cell")
}
