package render

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"

	"golang.org/x/image/vector"
)

// cardMasks are the alpha masks of one card size, rasterised once and
// reused for every card of that size.
type cardMasks struct {
	fill, ring, stripe *image.Alpha
}

func (r *renderer) masksFor(w, h int) *cardMasks {
	key := [2]int{w, h}
	if m, ok := r.masks[key]; ok {
		return m
	}
	rad := float32(r.px(r.m.Radius))
	bw := float32(max(1, r.px(r.m.Border)))
	fw, fh := float32(w), float32(h)
	m := &cardMasks{
		fill: rasterise(w, h, roundedRect(0, 0, fw, fh, rad)),
		ring: rasterise(w, h, roundedRect(0, 0, fw, fh, rad), reverse(roundedRect(bw, bw, fw-bw, fh-bw, max(rad-bw, 0)))),
	}
	// The stripe is the card's own shape, cut at the stripe's width.
	m.stripe = image.NewAlpha(m.fill.Rect)
	sw := r.px(r.m.Stripe)
	for y := 0; y < h; y++ {
		copy(m.stripe.Pix[y*m.stripe.Stride:y*m.stripe.Stride+min(sw, w)], m.fill.Pix[y*m.fill.Stride:])
	}
	r.masks[key] = m
	return m
}

type pt struct{ x, y float32 }

// roundedRect is the outline of a rounded rectangle, clockwise, with each
// corner as a polyline fine enough to look round at any scale we allow.
func roundedRect(x0, y0, x1, y1, rad float32) []pt {
	const steps = 12
	var out []pt
	corner := func(cx, cy float32, from float64) {
		for i := 0; i <= steps; i++ {
			a := from + float64(i)*math.Pi/2/steps
			out = append(out, pt{cx + rad*float32(math.Cos(a)), cy + rad*float32(math.Sin(a))})
		}
	}
	corner(x1-rad, y0+rad, -math.Pi/2) // top right
	corner(x1-rad, y1-rad, 0)          // bottom right
	corner(x0+rad, y1-rad, math.Pi/2)  // bottom left
	corner(x0+rad, y0+rad, math.Pi)    // top left
	return out
}

func reverse(p []pt) []pt {
	out := make([]pt, len(p))
	for i := range p {
		out[len(p)-1-i] = p[i]
	}
	return out
}

// rasterise fills the closed outlines into a w x h mask. Outlines of
// opposite direction cancel, which cuts holes.
func rasterise(w, h int, outlines ...[]pt) *image.Alpha {
	z := vector.NewRasterizer(w, h)
	for _, o := range outlines {
		z.MoveTo(o[0].x, o[0].y)
		for _, p := range o[1:] {
			z.LineTo(p.x, p.y)
		}
		z.ClosePath()
	}
	m := image.NewAlpha(image.Rect(0, 0, w, h))
	z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	return m
}

// cardText is a card's fitted text, kept because a card across two bands
// is drawn twice.
type cardText struct {
	title  []string
	holder string
	done   bool
}

func (r *renderer) drawCard(img *canvas, ci int, ox, oy int) {
	c := &r.l.Cards[ci]
	x0, y0 := ox+r.px(c.X), oy+r.px(c.Y)
	x1, y1 := ox+r.px(c.X+c.W), oy+r.px(c.Y+c.H)
	box := image.Rect(x0, y0, x1, y1)
	if !box.Overlaps(img.Bounds()) || box.Dx() <= 0 || box.Dy() <= 0 {
		return
	}
	pos := c.Position
	fill := r.pal.card
	if pos.Vacant() {
		fill = r.pal.vacantCard
	}
	r.paintCard(img, box, fill, DomainColor(r.domainOf(pos), r.dark), pos.Vacant())

	m := r.m
	tx := x0 + r.px(m.TextX())
	right := x0 + r.px(m.TextX()+m.TextWidth(c.W))
	if r.texts == nil {
		r.texts = make([]cardText, len(r.l.Cards))
	}
	t := &r.texts[ci]
	if !t.done {
		t.title = wrap(r.title, r.titleOf(pos), right-tx, m.TitleLines)
	}
	for i, line := range t.title {
		tr := m.TitleRect(c.W, i)
		r.text(img, r.title, r.pal.title, line, tx, y0+r.px(tr.Y), r.px(tr.H))
	}

	hr := m.HolderRect(c.W)
	htop, hh := y0+r.px(hr.Y), r.px(hr.H)
	holderRight := right
	if pos.Count > 0 {
		team := m.TeamPrefix + strconv.Itoa(pos.Count)
		tw := r.smallBold.width(team)
		r.text(img, r.smallBold, r.pal.muted, team, right-tw, htop, hh)
		holderRight -= tw + r.px(8)
	}
	holderFace, holderColor, holder := r.holder, r.pal.holder, pos.Holder
	if pos.Vacant() {
		holderFace, holderColor, holder = r.vacant, r.pal.vacant, "Vacant"
	}
	if !t.done {
		t.holder, t.done = shorten(holderFace, holder, holderRight-tx), true
	}
	r.text(img, holderFace, holderColor, t.holder, tx, htop, hh)

	if r.opt.Badges != nil {
		r.drawBadges(img, r.opt.Badges(pos.ID), x0, y0)
	}
	if c.Hidden > 0 {
		cr := m.CollapseRect(c.W, c.H)
		below := fmt.Sprintf(m.BelowFormat, c.Hidden)
		bw := r.smallBold.width(below)
		r.text(img, r.smallBold, r.pal.muted, below, right-bw, y0+r.px(cr.Y), r.px(cr.H))
	}
}

// drawBadges draws a pill per severity with findings, errors first.
func (r *renderer) drawBadges(img *canvas, counts [3]int, x0, y0 int) {
	slot := 0
	for sev := 2; sev >= 0; sev-- {
		n := counts[sev]
		if n <= 0 {
			continue
		}
		br := r.m.BadgeRect(slot)
		slot++
		box := image.Rect(x0+r.px(br.X), y0+r.px(br.Y), x0+r.px(br.X+br.W), y0+r.px(br.Y+br.H))
		key := [2]int{-box.Dx(), -box.Dy()} // negative keys: pills, not cards
		pill, ok := r.masks[key]
		if !ok {
			h := float32(box.Dy())
			pill = &cardMasks{fill: rasterise(box.Dx(), box.Dy(), roundedRect(0, 0, float32(box.Dx()), h, h/2))}
			r.masks[key] = pill
		}
		paint(img, box, r.pal.badge[sev], pill.fill)
		label := strconv.Itoa(n)
		if n > 99 {
			label = "99+"
		}
		lw := r.smallBold.width(label)
		r.text(img, r.smallBold, r.pal.badgeText[sev], label, box.Min.X+(box.Dx()-lw)/2, box.Min.Y, box.Dy())
	}
}

// paintCard draws a card's body, border and stripe: straight parts as
// opaque rectangles (a memory fill), only the four corners through the
// antialiased masks. A vacant card's border is dashed along its sides.
func (r *renderer) paintCard(img *canvas, box image.Rectangle, fill, stripe color.NRGBA, dashed bool) {
	ms := r.masksFor(box.Dx(), box.Dy())
	x0, y0, x1, y1 := box.Min.X, box.Min.Y, box.Max.X, box.Max.Y
	rad := min(r.px(r.m.Radius), box.Dx()/2, box.Dy()/2)
	bw := max(1, r.px(r.m.Border))
	sw := min(r.px(r.m.Stripe), box.Dx())
	corners := [4]image.Rectangle{
		image.Rect(x0, y0, x0+rad, y0+rad), image.Rect(x1-rad, y0, x1, y0+rad),
		image.Rect(x0, y1-rad, x0+rad, y1), image.Rect(x1-rad, y1-rad, x1, y1),
	}
	fillRect(img, image.Rect(x0+rad, y0, x1-rad, y1), fill)
	fillRect(img, image.Rect(x0, y0+rad, x0+rad, y1-rad), fill)
	fillRect(img, image.Rect(x1-rad, y0+rad, x1, y1-rad), fill)
	for _, c := range corners {
		paintAt(img, c, fill, ms.fill, c.Min.Sub(box.Min))
	}
	// Border: top, bottom, left, right.
	sides := [4]image.Rectangle{
		image.Rect(x0+rad, y0, x1-rad, y0+bw), image.Rect(x0+rad, y1-bw, x1-rad, y1),
		image.Rect(x0, y0+rad, x0+bw, y1-rad), image.Rect(x1-bw, y0+rad, x1, y1-rad),
	}
	dash, gap := r.px(6), r.px(4)
	for k, s := range sides {
		if !dashed {
			fillRect(img, s, r.pal.border)
			continue
		}
		horizontal := k < 2
		n := s.Dy()
		if horizontal {
			n = s.Dx()
		}
		for i := 0; i < n; i += dash + gap {
			d := min(dash, n-i)
			if horizontal {
				fillRect(img, image.Rect(s.Min.X+i, s.Min.Y, s.Min.X+i+d, s.Max.Y), r.pal.border)
			} else {
				fillRect(img, image.Rect(s.Min.X, s.Min.Y+i, s.Max.X, s.Min.Y+i+d), r.pal.border)
			}
		}
	}
	for _, c := range corners {
		paintAt(img, c, r.pal.border, ms.ring, c.Min.Sub(box.Min))
	}
	// Stripe: the card's shape left of sw, over the border.
	fillRect(img, image.Rect(x0, y0+rad, x0+sw, y1-rad), stripe)
	if sw > rad {
		fillRect(img, image.Rect(x0+rad, y0, x0+sw, y1), stripe)
	}
	for _, c := range corners[0:4:4] {
		if c.Min.X == x0 {
			paintAt(img, c, stripe, ms.stripe, c.Min.Sub(box.Min))
		}
	}
}

// paintAt lays a solid colour over box through the mask from point mp.
func paintAt(img *canvas, box image.Rectangle, c color.NRGBA, mask *image.Alpha, mp image.Point) {
	img.mask(box, c, mask, mp)
}

// paint lays a solid colour through a mask the size of box.
func paint(img *canvas, box image.Rectangle, c color.NRGBA, mask *image.Alpha) {
	img.mask(box, c, mask, image.Point{})
}
