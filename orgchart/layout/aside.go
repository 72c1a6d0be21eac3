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
// A manager's assistants come first in its list of children (the rest
// keep plan order); arranged(m) is the rest, the reports its arrangement
// lays out.

// assistantRoles is the set of roles the plan counts as assistants.
func assistantRoles(p *orgchart.Plan) []string {
	if p.Policy.SpanExclude != nil {
		return p.Policy.SpanExclude
	}
	return orgchart.DefaultSpanExclude()
}

// isAssistant reports whether the layout sets pos aside next to its
// manager's line rather than among its manager's other reports, when it
// shows no reports of its own.
func isAssistant(p *orgchart.Plan, pos *orgchart.Position) bool {
	return pos.Role != "" && slices.Contains(assistantRoles(p), pos.Role)
}

// markAssistants finds the assistants among the collected cards (nkids:
// shown reports per card) and sets b.aside and b.asides.
func (b *builder) markAssistants(nkids []int32) {
	if len(assistantRoles(b.p)) == 0 {
		return
	}
	for i := range b.cards {
		par := b.parent[i]
		if par < 0 || nkids[i] != 0 || b.cards[i].Hidden != 0 || !isAssistant(b.p, b.cards[i].Position) {
			continue
		}
		if b.aside == nil {
			b.aside = make([]bool, len(b.cards))
			b.asides = make([]uint8, len(b.cards))
		}
		if b.asides[par] == 255 {
			continue // a manager with hundreds of assistants: the rest go in the row
		}
		b.aside[i] = true
		b.asides[par]++
	}
}

// asideCount is how many of m's children are assistants.
func (b *builder) asideCount(m int32) int32 {
	if b.asides == nil {
		return 0
	}
	return int32(b.asides[m])
}

// arranged is m's reports other than its assistants.
func (b *builder) arranged(m int32) []int32 {
	return b.kids[b.kid0[m]+b.asideCount(m) : b.kid0[m+1]]
}

// isAside reports whether card r is set aside by its manager.
func (b *builder) isAside(r int32) bool { return b.aside != nil && b.aside[r] }

// head is the room m's assistants take around its card: how far they
// reach left (l) and right (r) of the card, and the height (h) they add
// below it. With the line down the card's middle (centre) they go in
// pairs either side of it, the first on the right; with the line down the
// card's left (hung reports) they go in one column right of it.
func (b *builder) head(m int32, centre bool) (l, r, h float32) {
	n := b.asideCount(m)
	if n == 0 {
		return 0, 0, 0
	}
	mc := &b.cards[m]
	as := b.kids[b.kid0[m] : b.kid0[m]+n]
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
	n := b.asideCount(m)
	if n == 0 {
		return
	}
	mc := &b.cards[m]
	as := b.kids[b.kid0[m] : b.kid0[m]+n]
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
