package render

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// renderer rasterises a scene at a scale into palette-indexed canvases,
// band by band: every item is found through an index of the bands it
// touches, so a band costs what is in it.
type renderer struct {
	sc      *Scene
	scale   float32
	colors  *palette8
	heading string // the scene's title, for the vector writers' metadata

	bounds  []image.Rectangle // device-pixel bounds of each item
	rows    int               // band height of the index; 0 until indexed
	buckets [][]int32         // items per band, in drawing order

	corners map[cornerKey]*cornerMasks
	shapes  map[shapeKey]*image.Alpha
	glyphs  map[glyphKey]*glyphMask
	placed  []placedGlyph // the glyphs of the line being drawn
	lines   lineCache
}

// newRenderer builds the chart's scene and a renderer for it.
func newRenderer(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (*renderer, error) {
	if err := checkScale(opt.Scale); err != nil {
		return nil, err
	}
	sc, err := BuildScene(p, cat, l, opt)
	if err != nil {
		return nil, err
	}
	return newSceneRenderer(sc, opt.Scale)
}

func checkScale(s float32) error {
	if s != 0 && (s < 0.25 || s > 8) {
		return fmt.Errorf("scale %g is out of range: use a value from 0.25 to 8", s)
	}
	return nil
}

// newSceneRenderer draws sc at scale (0 means 1).
func newSceneRenderer(sc *Scene, scale float32) (*renderer, error) {
	if err := checkScale(scale); err != nil {
		return nil, err
	}
	if scale == 0 {
		scale = 1
	}
	r := &renderer{sc: sc, scale: scale, colors: newPalette8(), heading: sc.Title,
		corners: map[cornerKey]*cornerMasks{}, shapes: map[shapeKey]*image.Alpha{}, glyphs: map[glyphKey]*glyphMask{}}
	// The plain colours take the first palette places, so that only
	// antialiasing steps ever fall back to a nearest colour.
	if page := r.colors.of(sc.Page); sc.Transparent {
		r.colors.clear(page)
	}
	for _, it := range sc.Items {
		switch it := it.(type) {
		case *Box:
			if it.Fill.A > 0 {
				r.colors.of(it.Fill)
			}
			if it.Stroke.A > 0 {
				r.colors.of(it.Stroke)
			}
		case *Path:
			r.colors.of(it.Color)
		case *Text:
			r.colors.of(it.Color)
		}
	}
	r.bounds = make([]image.Rectangle, len(sc.Items))
	for i, it := range sc.Items {
		r.bounds[i] = r.deviceBounds(it)
	}
	return r, nil
}

// deviceBounds is an item's extent in pixels, with room for antialiasing
// and for glyphs that reach past the font's ascent and descent.
func (r *renderer) deviceBounds(it Item) image.Rectangle {
	b := it.Bounds()
	pad := float32(2)
	if t, ok := it.(*Text); ok {
		pad += 0.4 * t.Face.Size // marks above Thai and Devanagari, deep descenders
	}
	return image.Rect(int(math.Floor(float64((b.X-pad)*r.scale))), int(math.Floor(float64((b.Y-pad)*r.scale))),
		int(math.Ceil(float64((b.X+b.W+pad)*r.scale))), int(math.Ceil(float64((b.Y+b.H+pad)*r.scale))))
}

// index sorts the items into bands of rows pixels.
func (r *renderer) index(rows, height int) {
	r.rows = rows
	r.buckets = make([][]int32, (height+rows-1)/rows)
	for i, b := range r.bounds {
		for k := max(0, b.Min.Y/rows); k < len(r.buckets) && k*rows < b.Max.Y; k++ {
			r.buckets[k] = append(r.buckets[k], int32(i))
		}
	}
}

// size is the image size in pixels.
func (r *renderer) size() (int, int) { return r.px(r.sc.Width), r.px(r.sc.Height) }

// draw paints everything that falls inside img's bounds, which may be one
// band of the picture (a band of the index when indexed): drawing clips.
func (r *renderer) draw(img *canvas) {
	b := img.Bounds()
	fillRect(img, b, r.sc.Page)
	visit := func(i int) {
		if !r.bounds[i].Overlaps(b) {
			return
		}
		switch it := r.sc.Items[i].(type) {
		case *Box:
			r.drawBox(img, it)
		case *Path:
			r.drawPath(img, it)
		case *Text:
			r.drawText(img, it)
		}
	}
	if r.rows > 0 && b.Min.Y%r.rows == 0 && b.Dy() <= r.rows && b.Min.Y/r.rows < len(r.buckets) {
		for _, i := range r.buckets[b.Min.Y/r.rows] {
			visit(int(i))
		}
		return
	}
	for i := range r.sc.Items {
		visit(i)
	}
}

// fillRect paints an opaque rectangle.
func fillRect(img *canvas, b image.Rectangle, c color.NRGBA) { img.fill(b, c) }
