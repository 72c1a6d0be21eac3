package render

import (
	"image"
	"math"

	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// drawEdge draws a connector as whole-pixel rectangles (every segment is
// horizontal or vertical, so lines stay crisp); dotted lines are dashed.
func (r *renderer) drawEdge(img *canvas, e *layout.Edge, ox, oy int) {
	if e.Dotted {
		r.drawDashed(img, e, ox, oy)
		return
	}
	lw := max(1, r.px(1))
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
		fillRect(img, image.Rect(ax, ay, bx+lw, by+lw), r.pal.line)
	}
}

// drawDashed draws a dotted-line connector as dashes along its segments:
// whole-pixel rectangles along axis-aligned ones, antialiased otherwise.
func (r *renderer) drawDashed(img *canvas, e *layout.Edge, ox, oy int) {
	width := max(1.2, 1.2*r.scale)
	dash, gap := 6*r.scale, 4*r.scale
	for k := 1; k < len(e.Points); k++ {
		ax, ay := float32(ox)+e.Points[k-1].X*r.scale, float32(oy)+e.Points[k-1].Y*r.scale
		bx, by := float32(ox)+e.Points[k].X*r.scale, float32(oy)+e.Points[k].Y*r.scale
		dx, dy := bx-ax, by-ay
		length := float32(math.Hypot(float64(dx), float64(dy)))
		if length == 0 {
			continue
		}
		if dx == 0 || dy == 0 {
			r.dashRun(img, ax, ay, bx, by, dash, gap)
			continue
		}
		ux, uy := dx/length, dy/length
		nx, ny := -uy*width/2, ux*width/2 // half the width, across the line
		for t := float32(0); t < length; t += dash + gap {
			t1 := min(t+dash, length)
			x0, y0 := ax+ux*t, ay+uy*t
			x1, y1 := ax+ux*t1, ay+uy*t1
			box := image.Rect(int(min(x0, x1)-width)-1, int(min(y0, y1)-width)-1,
				int(max(x0, x1)+width)+2, int(max(y0, y1)+width)+2)
			if !box.Overlaps(img.rect) {
				continue
			}
			quad := []pt{{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}}
			for i := range quad {
				quad[i].x -= float32(box.Min.X)
				quad[i].y -= float32(box.Min.Y)
			}
			img.mask(box, r.pal.dotted, rasterise(box.Dx(), box.Dy(), quad), image.Point{})
		}
	}
}

// dashRun dashes a horizontal or vertical run with crisp one-pixel rectangles.
func (r *renderer) dashRun(img *canvas, ax, ay, bx, by, dash, gap float32) {
	lw := max(1, r.px(1))
	x0, y0 := int(min(ax, bx)+0.5)-lw/2, int(min(ay, by)+0.5)-lw/2
	x1, y1 := int(max(ax, bx)+0.5)-lw/2+lw, int(max(ay, by)+0.5)-lw/2+lw
	horizontal := ay == by
	n := y1 - y0
	if horizontal {
		n = x1 - x0
	}
	d, g := max(1, int(dash+0.5)), max(1, int(gap+0.5))
	// Only the dashes inside the band: a long line crosses many bands.
	if x1 <= img.rect.Min.X || x0 >= img.rect.Max.X || y1 <= img.rect.Min.Y || y0 >= img.rect.Max.Y {
		return
	}
	first, last := 0, n
	if horizontal {
		first, last = max(0, img.rect.Min.X-x0), min(n, img.rect.Max.X-x0)
	} else {
		first, last = max(0, img.rect.Min.Y-y0), min(n, img.rect.Max.Y-y0)
	}
	idx := img.pal.of(r.pal.dotted) // once, not per dash
	for i := first / (d + g) * (d + g); i < last; i += d + g {
		k := min(d, n-i)
		var dr image.Rectangle
		if horizontal {
			dr = image.Rect(x0+i, y0, x0+i+k, y1)
		} else {
			dr = image.Rect(x0, y0+i, x1, y0+i+k)
		}
		if dr = dr.Intersect(img.rect); !dr.Empty() {
			img.fillIndex(dr, idx)
		}
	}
}
