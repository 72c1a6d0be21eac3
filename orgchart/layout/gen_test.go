package layout

import (
	"fmt"
	"math/rand"

	"github.com/orgplanner/orgplanner/orgchart"
)

// randomPlan makes a tree of n positions with spans of 0-9, plus a few extra
// top positions and dotted lines, deterministically from the seed.
func randomPlan(n int, seed int64) *orgchart.Plan {
	rng := rand.New(rand.NewSource(seed))
	p := &orgchart.Plan{Name: "random"}
	open := []*orgchart.Position{} // managers that can take more reports
	for i := 0; i < n; i++ {
		pos := &orgchart.Position{ID: fmt.Sprintf("p%d", i), Role: "software-engineer"}
		if len(open) > 0 && rng.Intn(40) != 0 {
			k := rng.Intn(len(open))
			if rng.Intn(3) == 0 {
				k = len(open) - 1 - rng.Intn(min(len(open), 4))
			}
			pos.ReportsTo = open[k].ID
		}
		if rng.Intn(3) != 0 {
			open = append(open, pos)
		}
		if len(open) > 12 {
			open = open[1:]
		}
		if i > 0 && rng.Intn(25) == 0 {
			pos.DottedTo = []string{fmt.Sprintf("p%d", rng.Intn(i))}
		}
		p.Positions = append(p.Positions, pos)
	}
	return p
}

// chain is a plan of n positions each reporting to the previous one.
func chain(n int) *orgchart.Plan {
	p := &orgchart.Plan{}
	for i := 0; i < n; i++ {
		pos := &orgchart.Position{ID: fmt.Sprintf("c%d", i)}
		if i > 0 {
			pos.ReportsTo = fmt.Sprintf("c%d", i-1)
		}
		p.Positions = append(p.Positions, pos)
	}
	return p
}

// fan is one manager with n reports who lead nobody.
func fan(n int) *orgchart.Plan {
	p := &orgchart.Plan{Positions: []*orgchart.Position{{ID: "m"}}}
	for i := 0; i < n; i++ {
		p.Positions = append(p.Positions, &orgchart.Position{ID: fmt.Sprintf("r%d", i), ReportsTo: "m"})
	}
	return p
}
