package render

import (
	"image"

	"orgplanner/orgchart/layout"
)

// drawEdge draws a connector as whole-pixel rectangles (every segment is
// horizontal or vertical, so lines stay crisp); dotted lines are dashed.
func (r *renderer) drawEdge(img *canvas, e *layout.Edge, ox, oy int) {
	lw := max(1, r.px(1))
	c := r.pal.line
	dash, gap := 0, 0
	if e.Dotted {
		c = r.pal.dotted
		dash, gap = r.px(6), r.px(4)
	}
	phase := 0
	for k := 1; k < len(e.Points); k++ {
		a, b := e.Points[k-1], e.Points[k]
		ax, ay := ox+r.px(a.X)-lw/2, oy+r.px(a.Y)-lw/2
		bx, by := ox+r.px(b.X)-lw/2, oy+r.px(b.Y)-lw/2
		if ax > bx {
			ax, bx = bx, ax
		}
		if ay > by {
			ay, by = by, ay
		}
		seg := image.Rect(ax, ay, bx+lw, by+lw)
		if dash == 0 {
			fillRect(img, seg, c)
			continue
		}
		horizontal := seg.Dx() > seg.Dy()
		n := max(seg.Dx(), seg.Dy())
		for i := 0; i < n; i++ {
			if (phase+i)%(dash+gap) >= dash {
				continue
			}
			if horizontal {
				fillRect(img, image.Rect(seg.Min.X+i, seg.Min.Y, seg.Min.X+i+1, seg.Max.Y), c)
			} else {
				fillRect(img, image.Rect(seg.Min.X, seg.Min.Y+i, seg.Max.X, seg.Min.Y+i+1), c)
			}
		}
		phase += n
	}
}
