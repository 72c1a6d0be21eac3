package diff

import (
	"hash/maphash"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// side is one plan with each position's index and its manager's index, so
// that matching and comparing work on arrays: at 200,000 positions the maps
// keyed by position (and the manager lookups by id) were a third of a diff.
type side struct {
	plan *orgchart.Plan
	at   map[*orgchart.Position]int32 // position -> index in plan.Positions
	mgr  []int32                      // manager's index, -1 for a top position
	refs []*Ref                       // managerRef's, by the manager's index
}

func newSide(p *orgchart.Plan) side {
	s := side{plan: p, at: make(map[*orgchart.Position]int32, len(p.Positions)), mgr: make([]int32, len(p.Positions))}
	for i, pos := range p.Positions {
		s.at[pos] = int32(i)
	}
	for i, pos := range p.Positions {
		s.mgr[i] = -1
		if m := p.Manager(pos); m != nil {
			s.mgr[i] = s.at[m]
		}
	}
	return s
}

// managerRef names the manager of the position at index i (nil for a top),
// one *Ref per manager however many reports list it: 200,000 added
// positions made 200,000 copies of the names of 25,000 managers.
func (s *side) managerRef(i int32, cat *catalog.Catalog) *Ref {
	m := s.mgr[i]
	if m < 0 {
		return nil
	}
	if s.refs == nil {
		s.refs = make([]*Ref, len(s.plan.Positions))
	}
	if s.refs[m] == nil {
		r := refOf(s.plan.Positions[m], cat)
		s.refs[m] = &r
	}
	return s.refs[m]
}

// index returns the index of the position with the id, -1 when there is none.
func (s *side) index(id string) int32 {
	if pos := s.plan.Position(id); pos != nil {
		return s.at[pos]
	}
	return -1
}

// matching pairs positions of two plans by index: toAfter[i] is the index in
// the after plan of the before plan's position i, -1 when unmatched.
type matching struct {
	b, a     side
	toAfter  []int32
	toBefore []int32
	counts   MatchCounts
}

func (m *matching) pair(b, a int32) {
	m.toAfter[b] = a
	m.toBefore[a] = b
}

func unmatched(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// matchPositions pairs positions in three passes, each over what the
// earlier ones left: the same id; then the same role and holder when that
// pair is unique on both sides (plans from separate imports or edits that
// re-created a position); then, for vacant positions, the same role and
// title under matched managers, in plan order.
func matchPositions(before, after *orgchart.Plan) *matching {
	// The two plans' indexes are built at once (each plan by one goroutine).
	m := &matching{toAfter: unmatched(len(before.Positions)), toBefore: unmatched(len(after.Positions))}
	done := make(chan struct{})
	go func() {
		defer close(done)
		m.b = newSide(before)
	}()
	m.a = newSide(after)
	<-done
	for i, a := range after.Positions {
		if b := m.b.index(a.ID); b >= 0 {
			m.pair(b, int32(i))
			m.counts.ByID++
		}
	}
	// Role and holder, unique on both sides. Each key is made once (at
	// 200,000 unrelated positions making them five times was a fifth of a
	// diff) and the maps hold its 64-bit hash: hashing a struct of two
	// strings was a tenth. Two different keys with one hash are told apart
	// by comparing the keys; should that ever happen, the pass is done
	// again with maps of the keys themselves.
	seed := maphash.MakeSeed()
	bs, as := roleHolderKeys(before.Positions, m.toAfter, seed), roleHolderKeys(after.Positions, m.toBefore, seed)
	pairs, ok := bs.pairs(as, before.Positions, after.Positions)
	if !ok {
		pairs = exactRoleHolderPairs(bs, as, before.Positions, after.Positions)
	}
	for _, p := range pairs {
		m.pair(p[0], p[1])
	}
	m.counts.ByRoleHolder = len(pairs)
	// Vacant positions: same role and title under the same (matched)
	// manager, paired in plan order. The after plan is walked managers
	// first, so a vacant manager matched here lets its vacant reports match
	// too, however long the chain of vacancies: one pass, linear.
	type slot struct {
		manager     int32 // index in the before plan, -1 for a top
		role, title string
	}
	free := map[slot][]int32{}
	for i, b := range before.Positions {
		if m.toAfter[i] >= 0 || b.Holder != "" {
			continue
		}
		s := slot{m.b.mgr[i], b.Role, b.Title}
		free[s] = append(free[s], int32(i))
	}
	if len(free) > 0 {
		after.Walk(func(a *orgchart.Position, _ int) bool {
			ai := m.a.at[a]
			if m.toBefore[ai] >= 0 || a.Holder != "" {
				return true
			}
			mgr := int32(-1)
			if am := m.a.mgr[ai]; am >= 0 {
				mgr = m.toBefore[am]
				if mgr < 0 {
					return true // its manager has no match: nothing to be under
				}
			}
			s := slot{mgr, a.Role, a.Title}
			if bs := free[s]; len(bs) > 0 {
				m.pair(bs[0], ai)
				free[s] = bs[1:]
				m.counts.ByRoleManager++
			}
			return true
		})
	}
	return m
}

// roleHolder is the role-and-holder key of each unmatched held position of
// one plan: holder[i] is holderKey of its holder, at
// maps a key's hash to the one position with it, or to -2-first when more
// than one has it.
type roleHolder struct {
	held      []bool // unmatched and held: has a key
	holder    []string
	hash      []uint64
	at        map[uint64]int32
	collision bool // two different keys with one hash
}

func roleHolderKeys(ps []*orgchart.Position, matched []int32, seed maphash.Seed) roleHolder {
	var k roleHolder
	for i, p := range ps {
		if matched[i] >= 0 || p.Holder == "" {
			continue
		}
		if k.at == nil {
			k.held, k.holder, k.hash = make([]bool, len(ps)), make([]string, len(ps)), make([]uint64, len(ps))
			k.at = make(map[uint64]int32, len(ps)-i)
		}
		hk := holderKey(p.Holder)
		h := maphash.String(seed, p.Role) ^ bits.RotateLeft64(maphash.String(seed, hk), 29)
		k.held[i], k.holder[i], k.hash[i] = true, hk, h
		v, seen := k.at[h]
		if !seen {
			k.at[h] = int32(i)
			continue
		}
		first := v
		if v < 0 {
			first = -2 - v
		}
		if ps[first].Role != p.Role || k.holder[first] != hk {
			k.collision = true
		}
		k.at[h] = -2 - first
	}
	return k
}

// pairs lists the (before, after) index pairs whose key is once on each
// side; false when a hash collision makes the hashes unusable.
func (b *roleHolder) pairs(a roleHolder, before, after []*orgchart.Position) ([][2]int32, bool) {
	if b.collision || a.collision {
		return nil, false
	}
	var out [][2]int32
	if len(b.at) == 0 || len(a.at) == 0 {
		return out, true
	}
	for i, h := range a.hash {
		if !a.held[i] {
			continue
		}
		if bi, ok := b.at[h]; ok && bi >= 0 && a.at[h] >= 0 {
			if before[bi].Role != after[i].Role || b.holder[bi] != a.holder[i] {
				return nil, false
			}
			out = append(out, [2]int32{bi, int32(i)})
		}
	}
	return out, true
}

// exactRoleHolderPairs is pairs keyed by the keys themselves.
func exactRoleHolderPairs(b, a roleHolder, before, after []*orgchart.Position) [][2]int32 {
	type key struct{ role, holder string }
	index := func(k roleHolder, ps []*orgchart.Position) map[key]int32 {
		at := map[key]int32{}
		for i, hk := range k.holder {
			if !k.held[i] {
				continue
			}
			kk := key{ps[i].Role, hk}
			if _, dup := at[kk]; dup {
				at[kk] = -1
			} else {
				at[kk] = int32(i)
			}
		}
		return at
	}
	bAt, aAt := index(b, before), index(a, after)
	var out [][2]int32
	for i, hk := range a.holder {
		if !a.held[i] {
			continue
		}
		kk := key{after[i].Role, hk}
		if bi, ok := bAt[kk]; ok && bi >= 0 && aAt[kk] >= 0 {
			out = append(out, [2]int32{bi, int32(i)})
		}
	}
	return out
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
