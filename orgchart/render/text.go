package render

import (
	"image"
	"math"

	"golang.org/x/image/vector"

	"github.com/orgplanner/orgplanner/orgchart/look"
)

// Text is drawn glyph by glyph from the fonts' outlines: baselines on whole
// pixels (crisp x-heights and stems' ends), pen positions in quarter
// pixels (even spacing), each glyph rasterised once per size and quarter.

const subpixels = 4

type glyphKey struct {
	font *look.Font
	id   look.GlyphID
	size float32 // pixels per em
	sub  uint8   // the pen's quarter-pixel offset
}

// glyphMask is a rasterised glyph; origin is where the pen (on the
// baseline) falls in the mask.
type glyphMask struct {
	mask   *image.Alpha
	origin image.Point
	serial int32 // its number in the renderer, for the line cache's keys
}

func (r *renderer) glyph(k glyphKey) *glyphMask {
	if g, ok := r.glyphs[k]; ok {
		return g
	}
	g := rasteriseGlyph(k.font.Outline(k.id, k.size), float32(k.sub)/subpixels)
	if g != nil {
		g.serial = int32(len(r.glyphs))
	}
	r.glyphs[k] = g
	return g
}

// rasteriseGlyph fills an outline (pixels, y down, from the pen) shifted
// right by dx; nil when it draws nothing.
func rasteriseGlyph(segs []look.Segment, dx float32) *glyphMask {
	if len(segs) == 0 {
		return nil
	}
	x0, y0, x1, y1 := float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, s := range segs {
		for _, p := range s.P[:points(s.Op)] {
			x0, y0, x1, y1 = min(x0, p.X+dx), min(y0, p.Y), max(x1, p.X+dx), max(y1, p.Y)
		}
	}
	ox, oy := int(math.Floor(float64(x0))), int(math.Floor(float64(y0)))
	w, h := int(math.Ceil(float64(x1)))-ox, int(math.Ceil(float64(y1)))-oy
	if w <= 0 || h <= 0 {
		return nil
	}
	z := vector.NewRasterizer(w, h)
	fx, fy := dx-float32(ox), -float32(oy)
	open := false
	for _, s := range segs {
		p := s.P
		switch s.Op {
		case look.MoveTo:
			if open {
				z.ClosePath()
			}
			z.MoveTo(p[0].X+fx, p[0].Y+fy)
			open = true
		case look.LineTo:
			z.LineTo(p[0].X+fx, p[0].Y+fy)
		case look.QuadTo:
			z.QuadTo(p[0].X+fx, p[0].Y+fy, p[1].X+fx, p[1].Y+fy)
		case look.CubicTo:
			z.CubeTo(p[0].X+fx, p[0].Y+fy, p[1].X+fx, p[1].Y+fy, p[2].X+fx, p[2].Y+fy)
		}
	}
	if open {
		z.ClosePath()
	}
	m := image.NewAlpha(image.Rect(0, 0, w, h))
	z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	return &glyphMask{mask: m, origin: image.Point{-ox, -oy}}
}

func points(op look.SegmentOp) int {
	switch op {
	case look.QuadTo:
		return 2
	case look.CubicTo:
		return 3
	}
	return 1
}

// drawText draws a shaped line with its origin at (t.X, t.Y): from the
// line cache when the same glyphs lie over one colour again (textcache.go),
// else glyph by glyph.
func (r *renderer) drawText(img *canvas, t *Text) {
	r.placed = r.placed[:0]
	baseline := r.px(t.Y)
	var box image.Rectangle
	for _, run := range t.Line.Runs {
		size := run.Size * r.scale
		for _, g := range run.Glyphs {
			q := int(math.Floor(float64((t.X+g.X)*r.scale*subpixels) + 0.5))
			x, sub := floorDiv(q, subpixels), q-floorDiv(q, subpixels)*subpixels
			m := r.glyph(glyphKey{run.Font, g.ID, size, uint8(sub)})
			if m == nil {
				continue
			}
			y := baseline + int(math.Floor(float64(g.Y*r.scale)+0.5))
			at := image.Point{x, y}.Sub(m.origin)
			r.placed = append(r.placed, placedGlyph{m, at})
			box = box.Union(m.mask.Rect.Add(at))
		}
	}
	if r.drawCachedText(img, t, box) {
		return
	}
	for _, pg := range r.placed {
		img.mask(pg.m.mask.Rect.Add(pg.at), t.Color, pg.m.mask, image.Point{})
	}
}

// placedGlyph is a glyph's mask and where its top left falls.
type placedGlyph struct {
	m  *glyphMask
	at image.Point
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
