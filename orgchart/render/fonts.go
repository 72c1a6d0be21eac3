package render

import (
	"fmt"
	"image"
	"image/draw"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// fonts are the app theme's typefaces (Noto Sans, bundled with Fyne), so an
// exported chart reads like the app.
type fonts struct {
	regular, bold, italic *opentype.Font
	// The font files, which the SVG and PDF writers embed.
	regularData, boldData, italicData []byte
}

func loadFonts() (*fonts, error) {
	var f fonts
	for _, x := range []struct {
		dst  **opentype.Font
		keep *[]byte
		data []byte
		name string
	}{
		{&f.regular, &f.regularData, theme.DefaultTextFont().Content(), "regular"},
		{&f.bold, &f.boldData, theme.DefaultTextBoldFont().Content(), "bold"},
		{&f.italic, &f.italicData, theme.DefaultTextItalicFont().Content(), "italic"},
	} {
		*x.keep = x.data
		parsed, err := opentype.Parse(x.data)
		if err != nil {
			return nil, fmt.Errorf("reading the theme's %s font: %w", x.name, err)
		}
		*x.dst = parsed
	}
	return &f, nil
}

// face returns a face of the font at size logical pixels times scale, with
// advances hinted to whole pixels and glyphs cached.
func face(f *opentype.Font, size, scale float32) (*cachedFace, error) {
	ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(size * scale), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, fmt.Errorf("making a %.1f px font face: %w", size*scale, err)
	}
	return &cachedFace{Face: ff, glyphs: map[rune]glyph{}, advances: map[rune]fixed.Int26_6{}, kerns: map[[2]rune]fixed.Int26_6{}}, nil
}

// cachedFace draws every glyph at whole-pixel positions (sharp, and the same
// bitmap every time), so each glyph is rasterised once per face.
type cachedFace struct {
	font.Face
	glyphs   map[rune]glyph
	advances map[rune]fixed.Int26_6
	kerns    map[[2]rune]fixed.Int26_6
}

type glyph struct {
	dr      image.Rectangle // relative to the dot
	mask    *image.Alpha
	advance fixed.Int26_6
	ok      bool
}

func (f *cachedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	g, seen := f.glyphs[r]
	if !seen {
		dr, mask, maskp, adv, ok := f.Face.Glyph(fixed.Point26_6{}, r)
		g = glyph{dr: dr, advance: adv, ok: ok}
		if ok && mask != nil {
			// The face reuses its mask buffer: keep a copy.
			m := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
			draw.Draw(m, m.Bounds(), mask, maskp, draw.Src)
			g.mask = m
		}
		f.glyphs[r] = g
	}
	if !g.ok || g.mask == nil {
		return image.Rectangle{}, nil, image.Point{}, g.advance, g.ok
	}
	at := image.Point{dot.X.Round(), dot.Y.Round()}
	return g.dr.Add(at), g.mask, image.Point{}, g.advance, true
}

func (f *cachedFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	if a, ok := f.advances[r]; ok {
		return a, true
	}
	a, ok := f.Face.GlyphAdvance(r)
	if ok {
		f.advances[r] = a
	}
	return a, ok
}

// Kern is cached too: the font's kerning lookup measured as a tenth of the
// time of drawing a chart.
func (f *cachedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k, ok := f.kerns[[2]rune{r0, r1}]
	if !ok {
		k = f.Face.Kern(r0, r1)
		f.kerns[[2]rune{r0, r1}] = k
	}
	return k
}

// width is the advance of s in pixels.
func (f *cachedFace) width(s string) int {
	return font.MeasureString(f, s).Ceil()
}
