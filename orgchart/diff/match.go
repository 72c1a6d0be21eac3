package diff

import (
	"strings"
	"unicode/utf8"

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
	// Role and holder, unique on both sides. Each key is made once (at
	// 200,000 unrelated positions making them five times was a fifth of a
	// diff); a key seen twice on a side is marked -1.
	type key struct{ role, holder string }
	index := func(ps []*orgchart.Position, matched map[*orgchart.Position]*orgchart.Position) ([]key, map[key]int32) {
		keys := make([]key, len(ps))
		at := map[key]int32{}
		for i, p := range ps {
			if matched[p] != nil || p.Holder == "" {
				continue
			}
			k := key{p.Role, holderKey(p.Holder)}
			keys[i] = k
			if _, dup := at[k]; dup {
				at[k] = -1
			} else {
				at[k] = int32(i)
			}
		}
		return keys, at
	}
	_, bAt := index(before.Positions, m.toAfter)
	aKeys, aAt := index(after.Positions, m.toBefore)
	for i, a := range after.Positions {
		if m.toBefore[a] != nil || a.Holder == "" {
			continue
		}
		k := aKeys[i]
		if bi, ok := bAt[k]; ok && bi >= 0 && aAt[k] >= 0 {
			m.pair(before.Positions[bi], a)
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

// holderKey is a holder's name as matching compares it: lower case, runs of
// spaces as one. Names already in that form, and plain ASCII ones, cost no
// more than one copy.
func holderKey(s string) string {
	ascii, plain := true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			ascii = false
		case 'A' <= c && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			plain = false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			plain = false
		}
	}
	switch {
	case !ascii:
		return strings.ToLower(strings.Join(strings.Fields(s), " "))
	case plain:
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || '\t' <= c && c <= '\r' {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}
