// Package analysis draws the pictures leaders would rather look at than read:
// a span-of-control histogram and a coverage heatmap. They are scenes of
// orgchart/render, in orgchart/look's palette and typeface, written as PNG
// by the chart's own rasteriser; they open no window.
package analysis

import (
	"image/color"
	"io"

	"github.com/orgplanner/orgplanner/orgchart/look"
	"github.com/orgplanner/orgplanner/orgchart/render"
)

// Options shape a picture.
type Options struct {
	Scale float32 // 1 by default; 2 for slides
	Dark  bool
	Date  string // shown in the header when not empty
	// Shaper shapes the text; nil makes one (see render.Options.Shaper).
	Shaper *look.Shaper
}

func (o Options) scale() float32 {
	if o.Scale <= 0 {
		return 1
	}
	return o.Scale
}

func (o Options) theme() look.Theme {
	if o.Dark {
		return look.Dark
	}
	return look.Light
}

// canvas collects a picture's scene, in logical pixels.
type canvas struct {
	sc    *render.Scene
	sh    *look.Shaper
	scale float32
}

func newCanvas(w, h float32, opt Options) (*canvas, error) {
	sh := opt.Shaper
	if sh == nil {
		sh = look.NewShaper()
	}
	pal := look.PaletteFor(opt.theme())
	return &canvas{sc: &render.Scene{Width: w, Height: h, Theme: opt.theme(), Page: pal.Page, Shaper: sh}, sh: sh, scale: opt.scale()}, nil
}

func face(size float32, bold bool) look.Face {
	if bold {
		return look.Face{Style: look.Bold, Size: size}
	}
	return look.Face{Style: look.Regular, Size: size}
}

// rect fills a rectangle.
func (c *canvas) rect(x, y, w, h float32, col color.NRGBA) {
	c.sc.Items = append(c.sc.Items, &render.Box{Rect: render.Rect{X: x, Y: y, W: w, H: h}, Fill: col})
}

// frame draws a rectangle's outline, one logical pixel wide.
func (c *canvas) frame(x, y, w, h float32, col color.NRGBA) {
	c.sc.Items = append(c.sc.Items, &render.Box{Rect: render.Rect{X: x, Y: y, W: w, H: h}, Stroke: col, StrokeWidth: 1})
}

// width measures text in logical pixels.
func (c *canvas) width(s string, size float32, bold bool) float32 {
	return c.sh.Measure(s, face(size, bold))
}

// text draws s with its baseline at y, starting at x.
func (c *canvas) text(x, y float32, s string, size float32, bold bool, col color.NRGBA) {
	if s == "" {
		return
	}
	f := face(size, bold)
	c.sc.Items = append(c.sc.Items, &render.Text{X: x, Y: y, Face: f, Color: col, Line: c.sh.Shape(s, f)})
}

// centred draws s centred on x.
func (c *canvas) centred(x, y float32, s string, size float32, bold bool, col color.NRGBA) {
	c.text(x-c.width(s, size, bold)/2, y, s, size, bold, col)
}

// right draws s ending at x.
func (c *canvas) right(x, y float32, s string, size float32, bold bool, col color.NRGBA) {
	c.text(x-c.width(s, size, bold), y, s, size, bold, col)
}

// wrap breaks s into at most max lines no wider than w (look's rules).
func (c *canvas) wrap(s string, w, size float32, bold bool, max int) []string {
	return look.Wrap(c.sh.Measure, s, face(size, bold), w, max)
}

// shorten cuts s to fit w, ending it with an ellipsis (look's rules).
func (c *canvas) shorten(s string, w, size float32, bold bool) string {
	return look.Ellipsize(c.sh.Measure, s, face(size, bold), w)
}

func (c *canvas) writePNG(w io.Writer) error {
	_, _, err := render.WriteScene(w, c.sc, c.scale, 0)
	return err
}
