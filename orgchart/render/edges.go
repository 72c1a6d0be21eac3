package render

import (
	"image"
	"math"
)

// drawPath draws a connector: solid ones as whole-pixel rectangles (every
// segment is horizontal or vertical, so lines stay crisp), dotted ones as
// dashes along their segments.
func (r *renderer) drawPath(img *canvas, p *Path) {
	if p.Dash > 0 {
		r.drawDashed(img, p)
		return
	}
	lw := max(1, r.px(p.Width))
	for k := 1; k < len(p.Points); k++ {
		a, b := p.Points[k-1], p.Points[k]
		ax, ay := r.px(a.X)-lw/2, r.px(a.Y)-lw/2
		bx, by := r.px(b.X)-lw/2, r.px(b.Y)-lw/2
		if ax > bx {
			ax, bx = bx, ax
		}
		if ay > by {
			ay, by = by, ay
		}
		fillRect(img, image.Rect(ax, ay, bx+lw, by+lw), p.Color)
	}
}

// drawDashed dashes a dotted-line connector: whole-pixel rectangles along
// axis-aligned segments, antialiased quads otherwise.
func (r *renderer) drawDashed(img *canvas, p *Path) {
	width := max(p.Width, p.Width*r.scale)
	dash, gap := p.Dash*r.scale, p.Gap*r.scale
	for k := 1; k < len(p.Points); k++ {
		ax, ay := p.Points[k-1].X*r.scale, p.Points[k-1].Y*r.scale
		bx, by := p.Points[k].X*r.scale, p.Points[k].Y*r.scale
		dx, dy := bx-ax, by-ay
		length := float32(math.Hypot(float64(dx), float64(dy)))
		if length == 0 {
			continue
		}
		if dx == 0 || dy == 0 {
			r.dashRun(img, p, ax, ay, bx, by, dash, gap)
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
			img.mask(box, p.Color, rasterise(box.Dx(), box.Dy(), quad), image.Point{})
		}
	}
}

// dashRun dashes a horizontal or vertical run with crisp rectangles.
func (r *renderer) dashRun(img *canvas, p *Path, ax, ay, bx, by, dash, gap float32) {
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
	first, last := max(0, img.rect.Min.Y-y0), min(n, img.rect.Max.Y-y0)
	if horizontal {
		first, last = max(0, img.rect.Min.X-x0), min(n, img.rect.Max.X-x0)
	}
	idx := img.pal.of(p.Color) // once, not per dash
	for i := first / (d + g) * (d + g); i < last; i += d + g {
		k := min(d, n-i)
		dr := image.Rect(x0, y0+i, x1, y0+i+k)
		if horizontal {
			dr = image.Rect(x0+i, y0, x0+i+k, y1)
		}
		if dr = dr.Intersect(img.rect); !dr.Empty() {
			img.fillIndex(dr, idx)
		}
	}
}
