package layout

import (
	"slices"

	"github.com/orgplanner/orgplanner/orgchart"
)

// Assistants (a chief of staff, an executive assistant: the roles the
// plan's policy leaves out of span counts) sit to the side of their
// manager's line, between the manager and the row of its other reports, as
// yFiles' assistant placer sets them: they work for the manager, they do
// not head a part of the organisation. Only an assistant with no reports
// shown is set aside; one who leads a team is laid out with the others.
//
// arranged(m) is a manager's reports other than its assistants: the
// reports its arrangement lays out.

// assistantRoles is the set of roles the plan counts as assistants.
func assistantRoles(p *orgchart.Plan) []string {
	if p.Policy.SpanExclude != nil {
		return p.Policy.SpanExclude
	}
	return orgchart.DefaultSpanExclude()
}

// setAside reports whether card a qualifies to be set aside: an
// assistant's role, no reports shown, none hidden.
func (b *builder) setAside(a int32) bool {
	return len(b.children(a)) == 0 && b.cards[a].Hidden == 0 && slices.Contains(b.assistants, b.cards[a].Position.Role)
}

// findAsides lists m's assistants and its other reports once per call of
// arrange or write (asideFor caches them for m; both set it to -1 first).
// Only the managers collect found with assistants have any: one an Engine
// gives an assistant keeps it among its other reports until a fresh layout.
func (b *builder) findAsides(m int32) {
	if b.asideFor == m {
		return
	}
	b.asideFor = m
	b.asideAny = len(b.asideMgrs) > 0 && b.asideMgrs[b.cards[m].Position]
	if !b.asideAny {
		return
	}
	b.asd, b.arr = b.asd[:0], b.arr[:0]
	for _, k := range b.children(m) {
		if b.setAside(k) {
			b.asd = append(b.asd, k)
		} else {
			b.arr = append(b.arr, k)
		}
	}
	b.asideAny = len(b.asd) > 0
}

// asides is m's assistants set aside, arranged the rest of its reports,
// in plan order. The lists are the scratch memory's while m has
// assistants: the next manager's replace them.
func (b *builder) asides(m int32) []int32 {
	b.findAsides(m)
	if !b.asideAny {
		return nil
	}
	return b.asd
}

func (b *builder) arranged(m int32) []int32 {
	b.findAsides(m)
	if !b.asideAny {
		return b.children(m)
	}
	return b.arr
}

// isAside reports whether card r is set aside by its manager.
func (b *builder) isAside(r int32) bool {
	p := b.parent[r]
	return len(b.asideMgrs) > 0 && p >= 0 && b.asideMgrs[b.cards[p].Position] && b.setAside(r)
}

// head is the room m's assistants take around its card: how far they
// reach left (l) and right (r) of the card, and the height (h) they add
// below it. With the line down the card's middle (centre) they go in
// pairs either side of it, the first on the right; with the line down the
// card's left (hung reports) they go in one column right of it.
func (b *builder) head(m int32, centre bool) (l, r, h float32) {
	as := b.asides(m)
	if len(as) == 0 {
		return 0, 0, 0
	}
	mc := &b.cards[m]
	h = HangGap - StackRowGap
	if !centre {
		for _, a := range as {
			c := &b.cards[a]
			r = max(r, StackIndent+c.W-mc.W)
			h += c.H + StackRowGap
		}
		return 0, r, h
	}
	for k := 0; k < len(as); k += 2 {
		right := &b.cards[as[k]]
		rowH := right.H
		r = max(r, mc.W/2+StackMiddle/2+right.W-mc.W)
		if k+1 < len(as) {
			left := &b.cards[as[k+1]]
			rowH = max(rowH, left.H)
			l = max(l, StackMiddle/2+left.W-mc.W/2)
		}
		h += rowH + StackRowGap
	}
	return l, r, h
}

// placeAsides writes the offsets of m's assistants in m's box, the card
// being at rx, its line at rx+lineDX[m].
func (b *builder) placeAsides(m int32, centre bool, rx float32) {
	as := b.asides(m)
	if len(as) == 0 {
		return
	}
	mc := &b.cards[m]
	line := rx + b.lineDX[m]
	y := mc.H + HangGap
	set := func(a int32, x, y float32, join uint8) {
		c := &b.cards[a]
		b.ox[a], b.oy[a] = x, y
		b.join[a] = join
		b.spine[a] = line - x
		b.chosen[a] = 0
		b.bw[a], b.bh[a], b.rx[a] = c.W, c.H, 0
	}
	if !centre {
		for _, a := range as {
			set(a, line+StackIndent/2, y, joinLeft)
			y += b.cards[a].H + StackRowGap
		}
		return
	}
	for k := 0; k < len(as); k += 2 {
		right := &b.cards[as[k]]
		rowH := right.H
		set(as[k], line+StackMiddle/2, y, joinLeft)
		if k+1 < len(as) {
			left := &b.cards[as[k+1]]
			rowH = max(rowH, left.H)
			set(as[k+1], line-StackMiddle/2-left.W, y, joinRight)
		}
		y += rowH + StackRowGap
	}
}
