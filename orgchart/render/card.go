package render

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/vector"
)

// Boxes are drawn as opaque rectangles where they are straight (a memory
// fill) and through antialiased masks only at their rounded corners; the
// masks are made once per radius and border width.

type cornerKey struct{ rad, bw int }

// cornerMasks hold a disc (the fill) and a ring (the border) 2*rad wide;
// each corner of a box uses one quadrant.
type cornerMasks struct {
	fill, ring *image.Alpha
}

func (r *renderer) cornersFor(rad, bw int) *cornerMasks {
	k := cornerKey{rad, bw}
	if m, ok := r.corners[k]; ok {
		return m
	}
	d, fr, fb := 2*rad, float32(rad), float32(bw)
	m := &cornerMasks{
		fill: rasterise(d, d, roundedRect(0, 0, float32(d), float32(d), fr)),
		ring: rasterise(d, d, roundedRect(0, 0, float32(d), float32(d), fr), reverse(roundedRect(fb, fb, float32(d)-fb, float32(d)-fb, max(fr-fb, 0)))),
	}
	r.corners[k] = m
	return m
}

type shapeKey struct {
	w, h, rad int
	corners   Corners
}

// drawBox paints a box's fill, its (possibly dashed) border, then nothing
// else: stripes and pills are boxes of their own.
func (r *renderer) drawBox(img *canvas, b *Box) {
	x0, y0, x1, y1 := r.px(b.X), r.px(b.Y), r.px(b.X+b.W), r.px(b.Y+b.H)
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 {
		return
	}
	rad := 0
	if b.Radius > 0 && b.Corners != 0 {
		rad = min(r.px(b.Radius), h/2)
	}
	if rad > w/2 {
		// Narrower than its corners (a card's stripe): the shape as one mask.
		if b.Fill.A > 0 {
			img.mask(image.Rect(x0, y0, x1, y1), b.Fill, r.shapeMask(w, h, rad, b.Corners), image.Point{})
		}
		return
	}
	box := image.Rect(x0, y0, x1, y1)
	corner := [4]image.Rectangle{
		image.Rect(x0, y0, x0+rad, y0+rad), image.Rect(x1-rad, y0, x1, y0+rad),
		image.Rect(x1-rad, y1-rad, x1, y1), image.Rect(x0, y1-rad, x0+rad, y1),
	}
	quadrant := [4]image.Point{{0, 0}, {rad, 0}, {rad, rad}, {0, rad}}
	rounded := [4]bool{b.Corners&TopLeft != 0, b.Corners&TopRight != 0, b.Corners&BottomRight != 0, b.Corners&BottomLeft != 0}
	bw := 0
	if b.Stroke.A > 0 {
		bw = max(1, r.px(b.StrokeWidth))
	}
	var ms *cornerMasks
	if rad > 0 {
		ms = r.cornersFor(rad, max(bw, 1))
	}
	if b.Fill.A > 0 {
		fillRect(img, image.Rect(x0+rad, y0, x1-rad, y1), b.Fill)
		fillRect(img, image.Rect(x0, y0+rad, x0+rad, y1-rad), b.Fill)
		fillRect(img, image.Rect(x1-rad, y0+rad, x1, y1-rad), b.Fill)
		for k, c := range corner {
			if rad == 0 {
				break
			}
			if rounded[k] {
				img.mask(c, b.Fill, ms.fill, quadrant[k])
			} else {
				fillRect(img, c, b.Fill)
			}
		}
	}
	if bw == 0 {
		return
	}
	// Border: top, bottom, left, right, between the corners.
	sides := [4]image.Rectangle{
		image.Rect(x0+rad, y0, x1-rad, y0+bw), image.Rect(x0+rad, y1-bw, x1-rad, y1),
		image.Rect(x0, y0+rad, x0+bw, y1-rad), image.Rect(x1-bw, y0+rad, x1, y1-rad),
	}
	dash, gap := 0, 0
	if b.Dash > 0 {
		dash, gap = max(1, r.px(b.Dash)), max(1, r.px(b.Gap))
	}
	for k, s := range sides {
		r.dashRect(img, s, k < 2, dash, gap, b.Stroke)
	}
	for k, c := range corner {
		if rad == 0 {
			break
		}
		if rounded[k] {
			img.mask(c, b.Stroke, ms.ring, quadrant[k])
			continue
		}
		// A square corner: the border's two arms.
		fillRect(img, image.Rect(c.Min.X, max(c.Min.Y, y0), c.Max.X, min(c.Max.Y, y0+bw)).Intersect(box), b.Stroke)
		for _, s := range []image.Rectangle{
			image.Rect(c.Min.X, y1-bw, c.Max.X, y1), image.Rect(x0, c.Min.Y, x0+bw, c.Max.Y), image.Rect(x1-bw, c.Min.Y, x1, c.Max.Y),
		} {
			if s.Overlaps(c) {
				fillRect(img, s.Intersect(c), b.Stroke)
			}
		}
	}
}

// dashRect fills s, or dashes it along its length when dash > 0.
func (r *renderer) dashRect(img *canvas, s image.Rectangle, horizontal bool, dash, gap int, c color.NRGBA) {
	if dash == 0 {
		fillRect(img, s, c)
		return
	}
	n := s.Dy()
	if horizontal {
		n = s.Dx()
	}
	for i := 0; i < n; i += dash + gap {
		d := min(dash, n-i)
		if horizontal {
			fillRect(img, image.Rect(s.Min.X+i, s.Min.Y, s.Min.X+i+d, s.Max.Y), c)
		} else {
			fillRect(img, image.Rect(s.Min.X, s.Min.Y+i, s.Max.X, s.Min.Y+i+d), c)
		}
	}
}

// shapeMask is the whole mask of a w x h box whose chosen corners are
// rounded with radius rad, for boxes narrower than their corners: a card's
// rounded corner cut at the stripe's width.
func (r *renderer) shapeMask(w, h, rad int, corners Corners) *image.Alpha {
	k := shapeKey{w, h, rad, corners}
	if m, ok := r.shapes[k]; ok {
		return m
	}
	// Rasterise the card's full rounded shape, 2*rad wide at least, and
	// keep the left (or right) w columns.
	full := max(w, 2*rad)
	fr := float32(rad)
	var pts []pt
	fw, fh := float32(full), float32(h)
	if corners&LeftCorners != 0 && corners&(TopRight|BottomRight) == 0 {
		pts = roundedRect(0, 0, fw+fr, fh, fr) // extend right so only the left corners show
	} else {
		pts = roundedRect(-fr, 0, fw, fh, fr)
	}
	src := rasterise(full, h, pts)
	m := image.NewAlpha(image.Rect(0, 0, w, h))
	off := 0
	if corners&LeftCorners == 0 {
		off = full - w
	}
	for y := 0; y < h; y++ {
		copy(m.Pix[y*m.Stride:y*m.Stride+w], src.Pix[y*src.Stride+off:])
	}
	r.shapes[k] = m
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
