package diff

import (
	"strings"

	"github.com/orgplanner/orgplanner/orgchart"
)

// matching pairs positions of two plans. The maps are keyed by position,
// not id: at 200,000 positions hashing and comparing 36-byte UUIDs was a
// third of a diff.
type matching struct {
	toAfter  map[*orgchart.Position]*orgchart.Position // before position -> after position
	toBefore map[*orgchart.Position]*orgchart.Position // after position -> before position
	counts   MatchCounts
}

func (m *matching) pair(b, a *orgchart.Position) {
	m.toAfter[b] = a
	m.toBefore[a] = b
}

// matchPositions pairs positions in three passes, each over what the
// earlier ones left: the same id; then the same role and holder when that
// pair is unique on both sides (plans from separate imports or edits that
// re-created a position); then, for vacant positions, the same role and
// title under matched managers, in plan order.
func matchPositions(before, after *orgchart.Plan) *matching {
	m := &matching{
		toAfter:  make(map[*orgchart.Position]*orgchart.Position, len(before.Positions)),
		toBefore: make(map[*orgchart.Position]*orgchart.Position, len(after.Positions)),
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
		if m.toAfter[b] == nil && b.Holder != "" {
			bByKey[keyOf(b)] = append(bByKey[keyOf(b)], b)
		}
	}
	aByKey := map[key][]*orgchart.Position{}
	for _, a := range after.Positions {
		if m.toBefore[a] == nil && a.Holder != "" {
			aByKey[keyOf(a)] = append(aByKey[keyOf(a)], a)
		}
	}
	for _, a := range after.Positions {
		if m.toBefore[a] != nil || a.Holder == "" {
			continue
		}
		k := keyOf(a)
		if bs, as := bByKey[k], aByKey[k]; len(bs) == 1 && len(as) == 1 {
			m.pair(bs[0], a)
			m.counts.ByRoleHolder++
		}
	}
	// Vacant positions: same role and title under the same (matched)
	// manager, paired in plan order. The after plan is walked managers
	// first, so a vacant manager matched here lets its vacant reports match
	// too, however long the chain of vacancies: one pass, linear.
	type slot struct{ manager, role, title string }
	free := map[slot][]*orgchart.Position{}
	for _, b := range before.Positions {
		if m.toAfter[b] != nil || b.Holder != "" {
			continue
		}
		mgr := ""
		if bm := before.Manager(b); bm != nil {
			mgr = bm.ID
		}
		s := slot{mgr, b.Role, b.Title}
		free[s] = append(free[s], b)
	}
	if len(free) > 0 {
		after.Walk(func(a *orgchart.Position, _ int) bool {
			if m.toBefore[a] != nil || a.Holder != "" {
				return true
			}
			mgr := ""
			if am := after.Manager(a); am != nil {
				bm := m.toBefore[am]
				if bm == nil {
					return true // its manager has no match: nothing to be under
				}
				mgr = bm.ID
			}
			s := slot{mgr, a.Role, a.Title}
			if bs := free[s]; len(bs) > 0 {
				m.pair(bs[0], a)
				free[s] = bs[1:]
				m.counts.ByRoleManager++
			}
			return true
		})
	}
	return m
}
