package render

import (
	"fmt"
	"image/color"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// The SVG and PDF writers draw the same chart as the PNG, from the same
// layout, palette, card metrics and fitted text, through vecPainter: one
// composition (vectorChart), two backends. Coordinates are logical pixels
// with y down; each backend maps them to its own units.

// vecPainter is what a vector backend draws.
type vecPainter interface {
	rect(x, y, w, h float32, c color.NRGBA)
	card(x, y, w, h float32, s cardStyle)
	pill(x, y, w, h float32, c color.NRGBA)
	polyline(pts []layout.Point, c color.NRGBA, width float32, dashed bool)
	text(x, baseline float32, f vface, c color.NRGBA, s string)
}

// cardStyle is how a card's body, border and stripe look.
type cardStyle struct {
	radius, border, stripe  float32
	fill, line, stripeColor color.NRGBA
	dashed                  bool // a vacant card's dashed border
}

// vecFont is one typeface as the vector writers use it: its file (to embed
// a subset), glyph ids and advances, and the glyphs a chart used.
type vecFont struct {
	name       string // PostScript name
	weight     int
	italic     bool
	data       []byte
	sf         *sfnt.Font
	buf        sfnt.Buffer
	upem       float32
	asc, desc  float32 // per unit of font size
	bbox       [4]float32
	italicAng  float32
	capHeight  float32
	gid        map[rune]uint16
	adv        map[uint16]float32 // per unit of font size
	used       map[uint16]rune    // glyph -> the text it stands for
	usedOrder  []uint16
	subsetName string
}

func newVecFont(data []byte, weight int, italic bool) (*vecFont, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("reading a chart font: %w", err)
	}
	f := &vecFont{weight: weight, italic: italic, data: data, sf: sf, gid: map[rune]uint16{},
		adv: map[uint16]float32{}, used: map[uint16]rune{}}
	f.upem = float32(sf.UnitsPerEm())
	ppem := fixed.Int26_6(sf.UnitsPerEm()) << 6
	m, err := sf.Metrics(&f.buf, ppem, 0)
	if err != nil {
		return nil, fmt.Errorf("reading a chart font's metrics: %w", err)
	}
	f.asc, f.desc = float32(m.Ascent)/64/f.upem, float32(m.Descent)/64/f.upem
	f.capHeight = float32(m.CapHeight) / 64 / f.upem
	b, err := sf.Bounds(&f.buf, ppem, 0)
	if err == nil {
		// sfnt bounds have y down.
		f.bbox = [4]float32{float32(b.Min.X) / 64 / f.upem, -float32(b.Max.Y) / 64 / f.upem, float32(b.Max.X) / 64 / f.upem, -float32(b.Min.Y) / 64 / f.upem}
	}
	if name, err := sf.Name(&f.buf, sfnt.NameIDPostScript); err == nil && name != "" {
		f.name = name
	} else {
		f.name = "NotoSans"
	}
	if italic {
		f.italicAng = -12
	}
	return f, nil
}

// glyph returns the glyph id of a rune (0 when the font lacks it) and
// records it as used.
func (f *vecFont) glyph(r rune) uint16 {
	g, ok := f.gid[r]
	if !ok {
		i, err := f.sf.GlyphIndex(&f.buf, r)
		if err == nil {
			g = uint16(i)
		}
		f.gid[r] = g
		if _, seen := f.used[g]; !seen {
			f.used[g] = r
			f.usedOrder = append(f.usedOrder, g)
		}
	}
	return g
}

// advance is the advance of glyph g per unit of font size.
func (f *vecFont) advance(g uint16) float32 {
	a, ok := f.adv[g]
	if !ok {
		v, err := f.sf.GlyphAdvance(&f.buf, sfnt.GlyphIndex(g), fixed.Int26_6(f.sf.UnitsPerEm())<<6, 0)
		if err == nil {
			a = float32(v) / 64 / f.upem
		}
		f.adv[g] = a
	}
	return a
}

// vface is a font at a size in logical pixels.
type vface struct {
	f    *vecFont
	size float32
}

func (v vface) width(s string) float32 {
	w := float32(0)
	for _, r := range s {
		w += v.f.advance(v.f.glyph(r))
	}
	return w * v.size
}

// vecFonts are the chart's three typefaces.
type vecFonts struct{ regular, bold, italic *vecFont }

func (r *renderer) vectorFonts() (*vecFonts, error) {
	var vf vecFonts
	for _, x := range []struct {
		dst    **vecFont
		style  look.Style
		weight int
		italic bool
	}{{&vf.regular, look.Regular, 400, false}, {&vf.bold, look.Bold, 700, false}, {&vf.italic, look.Italic, 400, true}} {
		data, err := r.sc.Shaper.Font(x.style).Data()
		if err != nil {
			return nil, err
		}
		if *x.dst, err = newVecFont(data, x.weight, x.italic); err != nil {
			return nil, err
		}
	}
	return &vf, nil
}

func (vf *vecFonts) all() []*vecFont { return []*vecFont{vf.regular, vf.bold, vf.italic} }

// face is the vector font of a look face.
func (vf *vecFonts) face(f look.Face) vface {
	switch f.Style {
	case look.Bold:
		return vface{vf.bold, f.Size}
	case look.Italic:
		return vface{vf.italic, f.Size}
	}
	return vface{vf.regular, f.Size}
}

// vectorChart draws the chart's scene through vp, item by item in the
// scene's order: the same picture as the PNG. A card's body and the stripe
// that follows it go to vp.card together.
func (r *renderer) vectorChart(vp vecPainter, vf *vecFonts, transparent bool) {
	sc := r.sc
	if !transparent {
		vp.rect(0, 0, sc.Width, sc.Height, sc.Page)
	}
	items := sc.Items
	for i := 0; i < len(items); i++ {
		switch it := items[i].(type) {
		case *Box:
			switch {
			case it.Stroke.A > 0:
				st := cardStyle{radius: it.Radius, border: it.StrokeWidth, fill: it.Fill, line: it.Stroke, dashed: it.Dash > 0}
				if it.ID != "" && i+1 < len(items) {
					if s, ok := items[i+1].(*Box); ok && s.Corners == LeftCorners {
						st.stripe, st.stripeColor = s.W, s.Fill
						i++
					}
				}
				vp.card(it.X, it.Y, it.W, it.H, st)
			case it.Radius > 0 && it.Corners == AllCorners:
				vp.pill(it.X, it.Y, it.W, it.H, it.Fill)
			default:
				vp.rect(it.X, it.Y, it.W, it.H, it.Fill)
			}
		case *Path:
			vp.polyline(it.Points, it.Color, it.Width, it.Dash > 0)
		case *Text:
			vp.text(it.X, it.Y, vf.face(it.Face), it.Color, it.Line.Text)
		}
	}
}

// vectorRenderer builds the chart's scene for the vector writers, with the
// chart's size in logical pixels.
func vectorRenderer(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (*renderer, float32, float32, error) {
	opt.Scale = 1
	r, err := newRenderer(p, cat, l, opt)
	if err != nil {
		return nil, 0, 0, err
	}
	return r, r.sc.Width, r.sc.Height, nil
}
