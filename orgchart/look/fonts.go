package look

import (
	"bytes"
	"fmt"
	"os"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"github.com/orgplanner/orgplanner/assets"
)

// Style is a font style of the chart's typeface.
type Style uint8

const (
	Regular Style = iota
	Bold
	Italic
)

func (s Style) String() string {
	switch s {
	case Bold:
		return "Bold"
	case Italic:
		return "Italic"
	}
	return "Regular"
}

// Face is a font request: a style at a size in logical pixels (points at
// 72 dpi). The font that draws a given character is the shaper's choice.
type Face struct {
	Style Style
	Size  float32
}

// Font is one font file (or one face of a collection) that shaped text
// uses: the embedded Noto Sans, or a system font found for another script.
type Font struct {
	Name       string // family and style, e.g. "Noto Sans Bold", "Noto Sans CJK JP Regular"
	Family     string
	Style      Style  // the style it was chosen for
	Path       string // the system file; "" for the embedded fonts
	Index      int    // face index inside a font collection (.ttc), 0 otherwise
	UnitsPerEm int

	face *font.Face
	mu   *sync.Mutex // the shaper's: go-text faces are not safe for concurrent use
	data []byte
}

// Embedded reports whether the font is one of the Noto Sans files built in.
func (f *Font) Embedded() bool { return f.Path == "" }

// Data is the font file's bytes, to embed in a PDF or an SVG. A system
// font's file is read on the first call.
func (f *Font) Data() ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.data == nil {
		b, err := os.ReadFile(f.Path)
		if err != nil {
			return nil, fmt.Errorf("reading the font %s: %w", f.Name, err)
		}
		f.data = b
	}
	return f.data, nil
}

// GlyphID is a glyph's index in its font.
type GlyphID uint16

// SegmentOp is the drawing operation of an outline segment.
type SegmentOp uint8

const (
	MoveTo SegmentOp = iota
	LineTo
	QuadTo  // one control point, then the end point
	CubicTo // two control points, then the end point
)

// Point is a position in pixels.
type Point struct{ X, Y float32 }

// Segment is one step of a glyph outline.
type Segment struct {
	Op SegmentOp
	P  [3]Point // 1, 1, 2 or 3 points by Op
}

// Outline is the glyph's outline at size pixels per em, in pixels with y
// down, relative to the glyph's origin on the baseline. Bitmap-only glyphs
// (colour emoji) have none.
func (f *Font) Outline(id GlyphID, size float32) []Segment {
	f.mu.Lock()
	data := f.face.GlyphData(font.GID(id))
	f.mu.Unlock()
	o, ok := data.(font.GlyphOutline)
	if !ok {
		return nil
	}
	k := size / float32(f.UnitsPerEm)
	out := make([]Segment, len(o.Segments))
	for i, s := range o.Segments {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			out[i].Op = MoveTo
		case ot.SegmentOpLineTo:
			out[i].Op = LineTo
		case ot.SegmentOpQuadTo:
			out[i].Op = QuadTo
		case ot.SegmentOpCubeTo:
			out[i].Op = CubicTo
		}
		for j, p := range s.ArgsSlice() {
			out[i].P[j] = Point{p.X * k, -p.Y * k}
		}
	}
	return out
}

// extents are the font's ascent and descent (both positive) at size px;
// the caller holds f.mu.
func (f *Font) extents(size float32) (ascent, descent float32) {
	e, ok := f.face.FontHExtents()
	if !ok {
		return 0.8 * size, 0.2 * size
	}
	k := size / float32(f.UnitsPerEm)
	return e.Ascender * k, -e.Descender * k
}

// embeddedFonts parses the built-in Noto Sans files, by Style.
func embeddedFonts(mu *sync.Mutex) ([3]*Font, error) {
	var out [3]*Font
	for st, data := range [3][]byte{assets.NotoSansRegular, assets.NotoSansBold, assets.NotoSansItalic} {
		face, err := font.ParseTTF(bytes.NewReader(data))
		if err != nil {
			return out, fmt.Errorf("reading the built-in Noto Sans %s: %w", Style(st), err)
		}
		out[st] = newFont(face, Style(st), "", 0, mu)
		out[st].data = data
	}
	return out, nil
}

func newFont(face *font.Face, st Style, path string, index int, mu *sync.Mutex) *Font {
	d := face.Describe()
	name := d.Family
	if d.Aspect.Weight >= font.WeightBold {
		name += " Bold"
	} else if d.Aspect.Style == font.StyleItalic {
		name += " Italic"
	} else {
		name += " Regular"
	}
	return &Font{Name: name, Family: d.Family, Style: st, Path: path, Index: index,
		UnitsPerEm: int(face.Upem()), face: face, mu: mu}
}
