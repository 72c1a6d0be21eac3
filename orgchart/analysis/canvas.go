// Package analysis draws the pictures leaders would rather look at than read:
// a span-of-control histogram and a coverage heatmap, as PNG. It uses the
// same typeface as the chart export (the app theme's Noto Sans) and
// render.DomainColor for domains; it opens no window.
package analysis

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"strings"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Options shape a picture.
type Options struct {
	Scale float32 // 1 by default; 2 for slides
	Dark  bool
	Date  string // shown in the header when not empty
}

func (o Options) scale() float32 {
	if o.Scale <= 0 {
		return 1
	}
	return o.Scale
}

// palette is a picture's colours per theme.
type palette struct {
	page, panel, grid, axis, text, muted color.NRGBA
}

func paletteFor(dark bool) palette {
	if dark {
		return palette{page: hex(0x1E1F22), panel: hex(0x2B2D31), grid: hex(0x3A3D44), axis: hex(0x80848E), text: hex(0xECEDEE), muted: hex(0xA0A5AD)}
	}
	return palette{page: hex(0xF6F7F9), panel: hex(0xFFFFFF), grid: hex(0xE3E6EA), axis: hex(0x8C959F), text: hex(0x1F2328), muted: hex(0x59616B)}
}

func hex(v uint32) color.NRGBA { return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF} }

// canvas draws in logical pixels; everything is multiplied by the scale.
type canvas struct {
	img   *image.RGBA
	scale float32
	reg   *opentype.Font
	bold  *opentype.Font
	faces map[faceKey]font.Face
}

type faceKey struct {
	size float32
	bold bool
}

func newCanvas(w, h float32, opt Options) (*canvas, error) {
	s := opt.scale()
	c := &canvas{scale: s, faces: map[faceKey]font.Face{}}
	var err error
	if c.reg, err = opentype.Parse(theme.DefaultTextFont().Content()); err != nil {
		return nil, fmt.Errorf("reading the theme's font: %w", err)
	}
	if c.bold, err = opentype.Parse(theme.DefaultTextBoldFont().Content()); err != nil {
		return nil, fmt.Errorf("reading the theme's bold font: %w", err)
	}
	c.img = image.NewRGBA(image.Rect(0, 0, c.px(w), c.px(h)))
	return c, nil
}

func (c *canvas) px(v float32) int { return int(v*c.scale + 0.5) }

func (c *canvas) face(size float32, bold bool) font.Face {
	k := faceKey{size, bold}
	if f, ok := c.faces[k]; ok {
		return f
	}
	fnt := c.reg
	if bold {
		fnt = c.bold
	}
	f, err := opentype.NewFace(fnt, &opentype.FaceOptions{Size: float64(size * c.scale), DPI: 72, Hinting: font.HintingFull})
	if err != nil { // only for absurd sizes; fall back to a tiny face rather than fail a picture
		f, _ = opentype.NewFace(fnt, &opentype.FaceOptions{Size: 12, DPI: 72})
	}
	c.faces[k] = f
	return f
}

// rect fills a rectangle given in logical pixels.
func (c *canvas) rect(x, y, w, h float32, col color.Color) {
	r := image.Rect(c.px(x), c.px(y), c.px(x+w), c.px(y+h))
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Over)
}

// frame draws a rectangle's outline, one logical pixel wide.
func (c *canvas) frame(x, y, w, h float32, col color.Color) {
	c.rect(x, y, w, 1, col)
	c.rect(x, y+h-1, w, 1, col)
	c.rect(x, y, 1, h, col)
	c.rect(x+w-1, y, 1, h, col)
}

// width measures text in logical pixels.
func (c *canvas) width(s string, size float32, bold bool) float32 {
	return float32(font.MeasureString(c.face(size, bold), s).Ceil()) / c.scale
}

// text draws s with its baseline at y, starting at x.
func (c *canvas) text(x, y float32, s string, size float32, bold bool, col color.Color) {
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: c.face(size, bold),
		Dot: fixed.P(c.px(x), c.px(y))}
	d.DrawString(s)
}

// centred draws s centred on x.
func (c *canvas) centred(x, y float32, s string, size float32, bold bool, col color.Color) {
	c.text(x-c.width(s, size, bold)/2, y, s, size, bold, col)
}

// right draws s ending at x.
func (c *canvas) right(x, y float32, s string, size float32, bold bool, col color.Color) {
	c.text(x-c.width(s, size, bold), y, s, size, bold, col)
}

// wrap breaks s into at most max lines no wider than w, the last shortened
// with an ellipsis when text is left over.
func (c *canvas) wrap(s string, w, size float32, bold bool, max int) []string {
	words := strings.Fields(s)
	var lines []string
	for len(words) > 0 && len(lines) < max {
		line := words[0]
		n := 1
		for n < len(words) && c.width(line+" "+words[n], size, bold) <= w {
			line += " " + words[n]
			n++
		}
		words = words[n:]
		if len(lines) == max-1 && len(words) > 0 {
			line += " " + strings.Join(words, " ")
			words = nil
		}
		lines = append(lines, c.shorten(line, w, size, bold))
	}
	return lines
}

// shorten cuts s to fit w, ending it with an ellipsis.
func (c *canvas) shorten(s string, w, size float32, bold bool) string {
	if c.width(s, size, bold) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && c.width(string(r)+"…", size, bold) > w {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ,") + "…"
}

func (c *canvas) writePNG(w io.Writer) error {
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(w, c.img); err != nil {
		return fmt.Errorf("writing PNG: %w", err)
	}
	return nil
}

// textOn picks dark or light text for a fill colour, by its luminance.
func textOn(bg color.NRGBA) color.NRGBA {
	l := 0.2126*float64(bg.R) + 0.7152*float64(bg.G) + 0.0722*float64(bg.B)
	if l > 150 {
		return hex(0x1F2328)
	}
	return hex(0xFFFFFF)
}
