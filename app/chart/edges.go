package chart

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// edgePainter draws every connector in view into one reused image, so the
// chart has one canvas object for its lines however many cards it shows.
// Zoomed far out it also draws the cards as plain boxes.
type edgePainter struct {
	img   *image.RGBA
	index edgeIndex
}

// paint draws at scale pixels per layout unit, with off the layout point at
// the image's top-left corner.
// With boxes, drop is the card a drag is over and refused whether a drop
// there would be refused: zoomed out there are no card objects to highlight.
// lowDetail is what the raster draws below detailZoom: cards as boxes, the
// "+N" pills of folded cards, and at overview zoom the blocks (whose cards
// and inner connectors it skips).
type lowDetail struct {
	on      bool
	blocks  []int
	inBlock []bool
	subs    *subtrees
	// pillMinPx is the narrowest card (pixels) labelled, and so given its pill
	pillMinPx int
	pill      func(k *layout.Card) (fyne.Position, fyne.Size) // in pixels
}

func (e *edgePainter) paint(st *state.State, w, h int, scale float32, off fyne.Position, lod lowDetail, drop string, refused bool, pal uikit.Palette) image.Image {
	boxes := lod.on
	if e.img == nil || e.img.Rect.Dx() != w || e.img.Rect.Dy() != h {
		e.img = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(e.img.Pix)
	}
	lay := st.Layout()
	if lay == nil {
		return e.img
	}
	// visible area in layout units, with a margin for line widths
	x0, y0 := off.X-2, off.Y-2
	x1, y1 := off.X+float32(w)/scale+2, off.Y+float32(h)/scale+2
	toPx := func(x, y float32) (int, int) {
		return int((x - off.X) * scale), int((y - off.Y) * scale)
	}
	t := max(1, int(scale*1.25+0.5))
	e.index.visit(st.Plan(), lay, x0, y0, x1, y1, func(i int) {
		ed := &lay.Edges[i]
		if lod.inBlock != nil && lod.inBlock[ed.To] && lod.inBlock[ed.From] {
			return // inside a block
		}
		if !edgeInView(ed, x0, y0, x1, y1) {
			return
		}
		for j := 1; j < len(ed.Points); j++ {
			a, b := ed.Points[j-1], ed.Points[j]
			ax, ay := toPx(a.X, a.Y)
			bx, by := toPx(b.X, b.Y)
			if ed.Dotted {
				e.dashed(ax, ay, bx, by, t, max(3, int(6*scale)), max(2, int(4*scale)), pal.Dotted)
			} else {
				e.segment(ax, ay, bx, by, t, pal.Line)
			}
		}
	})
	for _, b := range lod.blocks {
		r := lod.subs.box[b]
		bx0, by0 := toPx(r.X, r.Y)
		bx1, by1 := toPx(r.X+r.W, r.Y+r.H)
		tint := uikit.DomainColor(st.Role(lay.Cards[b].Position), pal.Dark)
		e.fill(bx0, by0, bx1, by1, tint)
		e.fill(bx0+2, by0+2, bx1-2, by1-2, blend(pal.Card, tint, 0.18))
		e.fill(bx0+2, by0+2, bx0+max(3, int(layout.Metrics().Stripe*scale)), by1-2, tint)
		if lay.Cards[b].Position.ID == st.Selected() {
			e.frame(bx0-2, by0-2, bx1+2, by1+2, 2, pal.Selected)
		}
	}
	if boxes {
		sel := st.Selected()
		lay.Visible(x0, y0, x1, y1, func(i int) {
			if lod.inBlock != nil && lod.inBlock[i] {
				return
			}
			k := &lay.Cards[i]
			cx0, cy0 := toPx(k.X, k.Y)
			cx1, cy1 := toPx(k.X+k.W, k.Y+k.H)
			border := pal.Border
			if k.Position.ID == sel {
				border = pal.Selected
			}
			e.fill(cx0, cy0, cx1, cy1, border)
			e.fill(cx0+1, cy0+1, cx1-1, cy1-1, pal.Card)
			stripe := max(1, int(layout.Metrics().Stripe*scale))
			e.fill(cx0, cy0, cx0+stripe, cy1, uikit.DomainColor(st.Role(k.Position), pal.Dark))
			if k.Position.ID == sel {
				e.frame(cx0-2, cy0-2, cx1+2, cy1+2, 2, pal.Selected)
			}
			if k.Position.ID == drop {
				c := pal.Drop
				if refused {
					c = pal.Refuse
				}
				e.frame(cx0-3, cy0-3, cx1+3, cy1+3, 3, c)
			}
			if k.Hidden > 0 && lod.pill != nil && cx1-cx0 >= lod.pillMinPx {
				p, s := lod.pill(k)
				px0, py0 := int(p.X), int(p.Y)
				px1, py1 := int(p.X+s.Width), int(p.Y+s.Height)
				e.fill(px0, py0, px1, py1, pal.Accent)
				e.fill(px0+1, py0+1, px1-1, py1-1, pal.CtrlFill)
			}
		})
	}
	return e.img
}

func edgeInView(ed *layout.Edge, x0, y0, x1, y1 float32) bool {
	if len(ed.Points) == 0 {
		return false
	}
	minX, minY, maxX, maxY := ed.Points[0].X, ed.Points[0].Y, ed.Points[0].X, ed.Points[0].Y
	for _, p := range ed.Points[1:] {
		minX, maxX = min(minX, p.X), max(maxX, p.X)
		minY, maxY = min(minY, p.Y), max(maxY, p.Y)
	}
	return maxX >= x0 && minX <= x1 && maxY >= y0 && minY <= y1
}

// segment draws a line t pixels thick; connectors are axis-aligned, anything
// else is drawn as a run of small squares.
func (e *edgePainter) segment(ax, ay, bx, by, t int, c color.NRGBA) {
	h := t / 2
	switch {
	case ay == by:
		e.fill(min(ax, bx)-h, ay-h, max(ax, bx)-h+t, ay-h+t, c)
	case ax == bx:
		e.fill(ax-h, min(ay, by)-h, ax-h+t, max(ay, by)-h+t, c)
	default:
		n := max(abs(bx-ax), abs(by-ay))
		for i := 0; i <= n; i++ {
			x := ax + (bx-ax)*i/n
			y := ay + (by-ay)*i/n
			e.fill(x-h, y-h, x-h+t, y-h+t, c)
		}
	}
}

// dashed draws a dashed line, only the part inside the image: a dotted
// line can run across a chart far wider than the view.
func (e *edgePainter) dashed(ax, ay, bx, by, t, dash, gap int, c color.NRGBA) {
	n := max(abs(bx-ax), abs(by-ay))
	if n == 0 {
		return
	}
	period := dash + gap
	// the range of steps s in [0, n] whose point lies within the image
	lo, hi := 0, n
	clip := func(a, b, size int) {
		if a == b {
			if a < -t || a > size+t {
				lo, hi = 1, 0
			}
			return
		}
		s0 := (-t - a) * n / (b - a)
		s1 := (size + t - a) * n / (b - a)
		if s0 > s1 {
			s0, s1 = s1, s0
		}
		lo, hi = max(lo, s0-1), min(hi, s1+1)
	}
	clip(ax, bx, e.img.Rect.Dx())
	clip(ay, by, e.img.Rect.Dy())
	if lo > hi {
		return
	}
	for s := max(0, lo-lo%period); s <= hi; s += period {
		end := min(s+dash, n)
		e.segment(ax+(bx-ax)*s/n, ay+(by-ay)*s/n, ax+(bx-ax)*end/n, ay+(by-ay)*end/n, t, c)
	}
}

// fill paints the rectangle [x0,x1) x [y0,y1), clipped to the image.
func (e *edgePainter) fill(x0, y0, x1, y1 int, c color.NRGBA) {
	r := image.Rect(x0, y0, x1, y1).Intersect(e.img.Rect)
	if r.Empty() {
		return
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := e.img.Pix[y*e.img.Stride+r.Min.X*4 : y*e.img.Stride+r.Max.X*4]
		for i := 0; i < len(row); i += 4 {
			row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, 0xff
		}
	}
}

// frame paints a rectangle's outline t pixels wide.
func (e *edgePainter) frame(x0, y0, x1, y1, t int, c color.NRGBA) {
	e.fill(x0, y0, x1, y0+t, c)
	e.fill(x0, y1-t, x1, y1, c)
	e.fill(x0, y0, x0+t, y1, c)
	e.fill(x1-t, y0, x1, y1, c)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// blend mixes b into a by t (0..1).
func blend(a, b color.NRGBA, t float32) color.NRGBA {
	mix := func(x, y uint8) uint8 { return uint8(float32(x)*(1-t) + float32(y)*t) }
	return color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}
