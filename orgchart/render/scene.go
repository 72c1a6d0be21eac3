package render

import (
	"image/color"

	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// Scene is a picture as a display list, in logical pixels: what the PNG
// rasteriser, the SVG writer and the PDF writer all draw, so every format
// shows the same thing. Items are in drawing order. The chart's scene comes
// from BuildScene; the analysis pictures build their own.
type Scene struct {
	Width, Height float32 // logical pixels; device pixels are round(v * scale)
	Theme         look.Theme
	Page          color.NRGBA // the background
	Transparent   bool        // leave the page out (PNG with alpha, SVG and PDF with nothing behind)
	Title         string      // what the picture is called (the plan's name): SVG <title>, PDF /Title
	Items         []Item
	// Shaper shaped the scene's texts: Missing() names scripts that had no
	// font (print it once), Fonts() lists the fonts to embed.
	Shaper *look.Shaper
}

// Item is a Box, a Path or a Text.
type Item interface {
	Bounds() Rect
}

// Rect is an axis-aligned rectangle in logical pixels.
type Rect struct{ X, Y, W, H float32 }

// Corners says which corners of a Box are rounded.
type Corners uint8

const (
	TopLeft Corners = 1 << iota
	TopRight
	BottomRight
	BottomLeft

	AllCorners  = TopLeft | TopRight | BottomRight | BottomLeft
	LeftCorners = TopLeft | BottomLeft
)

// Box is a filled and/or outlined rounded rectangle: a card, its stripe, a
// badge (a pill: Radius = H/2), a legend swatch.
type Box struct {
	Rect
	Fill        color.NRGBA // A == 0: not filled
	Stroke      color.NRGBA // A == 0: no border
	StrokeWidth float32     // the border lies inside the box
	Dash, Gap   float32     // a dashed border when Dash > 0
	Radius      float32
	Corners     Corners // rounded corners (when Radius > 0)
	ID          string  // the position id of a card's body; "" otherwise
}

func (b *Box) Bounds() Rect { return b.Rect }

// Path is a connector: an open polyline of axis-aligned segments.
type Path struct {
	Points    []layout.Point
	Color     color.NRGBA
	Width     float32
	Dash, Gap float32 // a dotted-line (matrix) connector when Dash > 0
	From, To  string  // position ids of the manager and the report
}

func (p *Path) Bounds() Rect {
	if len(p.Points) == 0 {
		return Rect{}
	}
	x0, y0, x1, y1 := p.Points[0].X, p.Points[0].Y, p.Points[0].X, p.Points[0].Y
	for _, q := range p.Points[1:] {
		x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
	}
	h := p.Width / 2
	return Rect{x0 - h, y0 - h, x1 - x0 + p.Width, y1 - y0 + p.Width}
}

// Text is one shaped line of text. Line.Text is the string; its runs give
// the fonts and positioned glyphs.
type Text struct {
	X, Y  float32 // the line's origin: its left edge, on the baseline (y down)
	Face  look.Face
	Color color.NRGBA
	Line  *look.Line
}

func (t *Text) Bounds() Rect {
	return Rect{t.X, t.Y - t.Line.Ascent, t.Line.Width, t.Line.Ascent + t.Line.Descent}
}
