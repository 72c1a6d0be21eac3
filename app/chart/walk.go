package chart

import (
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// walkShown visits the shown cards down from the chart's tops, going into a
// card's reports only when visit says so, so a walk that skips the subtrees
// out of view costs what it looks at. stack is scratch space, returned for
// reuse.
func walkShown(p *orgchart.Plan, lay *layout.Layout, stack []int32, visit func(i int32) bool) []int32 {
	stack = stack[:0]
	for _, t := range p.Tops() {
		if i := lay.Index(t.ID); i >= 0 {
			stack = append(stack, int32(i))
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		k := &lay.Cards[i]
		if !visit(i) || k.Below == 0 {
			continue
		}
		for _, r := range p.Reports(k.Position.ID) {
			if j := lay.Index(r.ID); j >= 0 {
				stack = append(stack, int32(j))
			}
		}
	}
	return stack
}
