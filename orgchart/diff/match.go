package diff

import (
	"strings"

	"github.com/orgplanner/orgplanner/orgchart"
)

// matching pairs positions of two plans.
type matching struct {
	toAfter  map[string]*orgchart.Position // before id -> after position
	toBefore map[string]*orgchart.Position // after id -> before position
	counts   MatchCounts
}

func (m *matching) pair(b, a *orgchart.Position) {
	m.toAfter[b.ID] = a
	m.toBefore[a.ID] = b
}

// matchPositions pairs positions in three passes, each over what the
// earlier ones left: the same id; then the same role and holder when that
// pair is unique on both sides (plans from separate imports or edits that
// re-created a position); then, for vacant positions, the same role and
// title under matched managers, in plan order.
func matchPositions(before, after *orgchart.Plan) *matching {
	m := &matching{
		toAfter:  make(map[string]*orgchart.Position, len(before.Positions)),
		toBefore: make(map[string]*orgchart.Position, len(after.Positions)),
	}
	for _, a := range after.Positions {
		if b := before.Position(a.ID); b != nil {
			m.pair(b, a)
			m.counts.ByID++
		}
	}
	// Role and holder, unique on both sides.
	type key struct{ role, holder string }
	keyOf := func(p *orgchart.Position) key {
		return key{p.Role, strings.ToLower(strings.Join(strings.Fields(p.Holder), " "))}
	}
	bByKey := map[key][]*orgchart.Position{}
	for _, b := range before.Positions {
		if m.toAfter[b.ID] == nil && b.Holder != "" {
			bByKey[keyOf(b)] = append(bByKey[keyOf(b)], b)
		}
	}
	aByKey := map[key][]*orgchart.Position{}
	for _, a := range after.Positions {
		if m.toBefore[a.ID] == nil && a.Holder != "" {
			aByKey[keyOf(a)] = append(aByKey[keyOf(a)], a)
		}
	}
	for _, a := range after.Positions {
		if m.toBefore[a.ID] != nil || a.Holder == "" {
			continue
		}
		k := keyOf(a)
		if bs, as := bByKey[k], aByKey[k]; len(bs) == 1 && len(as) == 1 {
			m.pair(bs[0], a)
			m.counts.ByRoleHolder++
		}
	}
	// Vacant positions: same role and title under the same (matched) manager,
	// paired in plan order. A vacant manager's match lets its vacant reports
	// match in the next pass; a few passes cover realistic chains of vacancies.
	for pass, changed := 0, true; changed && pass < 8; pass++ {
		changed = false
		type slot struct{ manager, role, title string }
		free := map[slot][]*orgchart.Position{}
		for _, b := range before.Positions {
			if m.toAfter[b.ID] != nil || b.Holder != "" {
				continue
			}
			mgr := ""
			if bm := before.Manager(b); bm != nil {
				a := m.toAfter[bm.ID]
				if a == nil {
					continue
				}
				mgr = a.ID
			}
			s := slot{mgr, b.Role, b.Title}
			free[s] = append(free[s], b)
		}
		for _, a := range after.Positions {
			if m.toBefore[a.ID] != nil || a.Holder != "" {
				continue
			}
			s := slot{a.ReportsTo, a.Role, a.Title}
			if after.Manager(a) == nil {
				s.manager = ""
			}
			if bs := free[s]; len(bs) > 0 {
				m.pair(bs[0], a)
				free[s] = bs[1:]
				m.counts.ByRoleManager++
				changed = true
			}
		}
	}
	return m
}
