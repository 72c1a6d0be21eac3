package orgchart

import (
	"fmt"
	"strings"
)

// tree checks the references between positions: unique ids, reporting lines
// and dotted lines that name positions, no cycles, and the depth limit.
func (r *reader) tree(p *Plan, metas []posMeta) {
	byID := make(map[string]int, len(p.Positions))
	for i, pos := range p.Positions {
		if pos.ID == "" {
			continue
		}
		if first, dup := byID[pos.ID]; dup {
			r.add(pos.Line, "%s has the same id as the position at line %d: ids must be unique; give one of them a new id, such as %s",
				r.describe(pos), p.Positions[first].Line, r.newID())
			continue
		}
		byID[pos.ID] = i
	}
	parent := make([]int32, len(p.Positions))
	for i, pos := range p.Positions {
		parent[i] = -1
		m := metas[i]
		if pos.ReportsTo != "" {
			j, ok := byID[pos.ReportsTo]
			switch {
			case pos.ReportsTo == pos.ID:
				r.add(m.reportsLine, "%s reports to itself: set reportsTo to its manager's id, or remove it to make the position a top position", r.describe(pos))
			case !ok:
				r.add(m.reportsLine, "%s reports to %s, which is not in the plan: fix reportsTo or add that position", r.describe(pos), pos.ReportsTo)
			default:
				parent[i] = int32(j)
			}
		}
		for k, d := range pos.DottedTo {
			_, ok := byID[d]
			switch {
			case d == pos.ID:
				r.add(m.dottedLines[k], "%s has a dotted line to itself: remove %s from dottedTo", r.describe(pos), d)
			case !ok:
				r.add(m.dottedLines[k], "%s has a dotted line to %s, which is not in the plan: fix dottedTo or add that position", r.describe(pos), d)
			case indexOf(pos.DottedTo[:k], d) >= 0:
				r.add(m.dottedLines[k], "%s lists %s twice in dottedTo: keep one", r.describe(pos), d)
			}
		}
	}
	r.cycles(p, parent)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// cycles reports every reporting cycle once, naming its positions with their
// lines, and any reporting chain deeper than MaxDepth. Linear time: each
// position is walked once.
func (r *reader) cycles(p *Plan, parent []int32) {
	const unknown = -1
	const onPath = -2
	const inCycle = -3 // in a cycle, or leading into one: no depth
	depth := make([]int32, len(parent))
	for i := range depth {
		depth[i] = unknown
	}
	deepReported := false
	var path []int32
	for start := range parent {
		if depth[start] != unknown {
			continue
		}
		path = path[:0]
		i := int32(start)
		for i >= 0 && depth[i] == unknown {
			depth[i] = onPath
			path = append(path, i)
			i = parent[i]
		}
		base := int32(-1) // depth of the node the path ends at
		switch {
		case i < 0:
		case depth[i] == onPath:
			at := len(path) - 1
			for path[at] != i {
				at--
			}
			r.cycle(p, path[at:])
			base = inCycle
		case depth[i] == inCycle:
			base = inCycle
		default:
			base = depth[i]
		}
		for k := len(path) - 1; k >= 0; k-- {
			n := path[k]
			if base == inCycle {
				depth[n] = inCycle
				continue
			}
			base++
			depth[n] = base
			if base > MaxDepth && !deepReported {
				deepReported = true
				pos := p.Positions[n]
				r.add(pos.Line, "%s is %d levels below its top position, deeper than the %d a plan may have: flatten the reporting lines",
					r.describe(pos), base, MaxDepth)
			}
		}
	}
}

// cycle reports one cycle at the line of its first position in the file.
func (r *reader) cycle(p *Plan, members []int32) {
	first := 0
	for k, n := range members {
		if n < members[first] {
			first = k
		}
	}
	// members run from a position to its manager; start at the first in file order.
	var b strings.Builder
	const shown = 12
	for k := 0; k < len(members) && k < shown; k++ {
		pos := p.Positions[members[(first+k)%len(members)]]
		if k > 0 {
			b.WriteString(", which reports to ")
		}
		fmt.Fprintf(&b, "%s at line %d", r.describe(pos), pos.Line)
	}
	if len(members) > shown {
		fmt.Fprintf(&b, ", ... (%d positions in all)", len(members))
	}
	head := p.Positions[members[first]]
	fmt.Fprintf(&b, ", which reports back to %s", head.ID)
	r.add(head.Line, "reporting cycle: %s: make one of them report to a position outside the cycle, or to nobody", b.String())
}
