package render

import (
	"encoding/binary"
	"image"
	"image/color"
)

// The picture is drawn in palette indexes, one byte a pixel: a chart uses a
// few dozen colours plus the antialiasing steps between pairs of them, so a
// palette of 256 holds it, and a quarter of the bytes of RGBA is drawn,
// filtered, checksummed and compressed. Antialiasing uses 16 coverage steps.

// levels is the number of coverage steps of antialiased edges and text.
const levels = 16

// palette8 assigns palette indexes to colours as they are first used.
type palette8 struct {
	colors []color.NRGBA
	index  map[color.NRGBA]uint8
	mixes  []uint16 // fg<<12 | bg<<4 | level -> index+1; 0 when not made yet (untouched pages cost nothing)
}

func newPalette8() *palette8 {
	return &palette8{index: map[color.NRGBA]uint8{}, mixes: make([]uint16, 256*256*levels)}
}

// of returns the index of a colour, adding it while there is room; a full
// palette answers with the nearest colour it has.
func (p *palette8) of(c color.NRGBA) uint8 {
	if i, ok := p.index[c]; ok {
		return i
	}
	if len(p.colors) < 256 {
		i := uint8(len(p.colors))
		p.colors = append(p.colors, c)
		p.index[c] = i
		return i
	}
	best, bestD := 0, 1<<30
	for i, q := range p.colors {
		dr, dg, db, da := int(q.R)-int(c.R), int(q.G)-int(c.G), int(q.B)-int(c.B), int(q.A)-int(c.A)
		if d := dr*dr + dg*dg + db*db + da*da; d < bestD {
			best, bestD = i, d
		}
	}
	p.index[c] = uint8(best)
	return uint8(best)
}

// mix is colour fg laid over colour bg at coverage level/(levels-1).
func (p *palette8) mix(fg, bg uint8, level int) uint8 {
	k := int(fg)<<12 | int(bg)<<4 | level
	if v := p.mixes[k]; v > 0 {
		return uint8(v - 1)
	}
	a, b := p.colors[fg], p.colors[bg]
	t := float32(level) / (levels - 1)
	// Source over, in straight alpha: over an opaque colour a plain
	// blend; over the transparent page, the colour itself, partly clear.
	af, ab := t*float32(a.A)/255, float32(b.A)/255
	ao := af + ab*(1-af)
	lerp := func(x, y uint8) uint8 {
		if ao == 0 {
			return 0
		}
		return uint8((float32(x)*af+float32(y)*ab*(1-af))/ao + 0.5)
	}
	i := p.of(color.NRGBA{lerp(a.R, b.R), lerp(a.G, b.G), lerp(a.B, b.B), uint8(ao*255 + 0.5)})
	p.mixes[k] = uint16(i) + 1
	return i
}

// clear makes colour i fully transparent (the page, for a transparent
// background); antialiased edges over it become partly transparent.
func (p *palette8) clear(i uint8) { p.colors[i].A = 0 }

// Palette returns the colours for image.Paletted.
func (p *palette8) palette() color.Palette {
	out := make(color.Palette, len(p.colors))
	for i, c := range p.colors {
		out[i] = c
	}
	return out
}

// coverage maps a mask alpha to a coverage level.
var coverage = func() (t [256]uint8) {
	for a := range t {
		t[a] = uint8((a*(levels-1) + 127) / 255)
	}
	return t
}()

// canvas is the picture, or one band of its rows, in palette indexes.
// Drawing clips to its bounds.
type canvas struct {
	pix    []uint8
	stride int
	rect   image.Rectangle
	pal    *palette8
}

func (c *canvas) Bounds() image.Rectangle { return c.rect }

// fill paints an opaque rectangle.
func (c *canvas) fill(r image.Rectangle, col color.NRGBA) {
	r = r.Intersect(c.rect)
	if r.Empty() {
		return
	}
	c.fillIndex(r, c.pal.of(col))
}

// fillIndex paints a rectangle, already clipped, with palette index i: the
// first row by doubling copies (memmove speed), or a clear for index 0 (the
// page), then the others copied from it; full rows, such as a band's
// page, as one run.
func (c *canvas) fillIndex(r image.Rectangle, i uint8) {
	start := (r.Min.Y-c.rect.Min.Y)*c.stride + r.Min.X - c.rect.Min.X
	n, rows := r.Dx(), r.Dy()
	if n == c.stride {
		n, rows = n*rows, 1
	}
	first := c.pix[start:][:n]
	if i == 0 {
		clear(first)
	} else {
		first[0] = i
		for k := 1; k < len(first); k *= 2 {
			copy(first[k:], first[:k])
		}
	}
	for y := 1; y < rows; y++ {
		copy(c.pix[start+y*c.stride:][:n], first)
	}
}

// mask lays col over r through the mask, read from point mp.
func (c *canvas) mask(r image.Rectangle, col color.NRGBA, m *image.Alpha, mp image.Point) {
	clipped := r.Intersect(c.rect)
	if clipped.Empty() {
		return
	}
	mp = mp.Add(clipped.Min.Sub(r.Min))
	fg := c.pal.of(col)
	lastBg, lut := c.pal.of(col), c.pal.mixes[int(fg)<<12|int(fg)<<4:][:levels]
	for y := 0; y < clipped.Dy(); y++ {
		row := c.pix[(clipped.Min.Y+y-c.rect.Min.Y)*c.stride+clipped.Min.X-c.rect.Min.X:][:clipped.Dx()]
		mrow := m.Pix[(mp.Y+y-m.Rect.Min.Y)*m.Stride+mp.X-m.Rect.Min.X:][:clipped.Dx()]
		for x := 0; x < len(mrow); {
			if x+8 <= len(mrow) {
				// Eight pixels of no coverage (most of a glyph's box) or of
				// full coverage at once.
				switch binary.LittleEndian.Uint64(mrow[x:]) {
				case 0:
					x += 8
					continue
				case ^uint64(0):
					for k := x; k < x+8; k++ {
						row[k] = fg
					}
					x += 8
					continue
				}
			}
			switch lv := coverage[mrow[x]]; lv {
			case 0:
			case levels - 1:
				row[x] = fg
			default:
				// The mixes over the last background met, at hand: most of a
				// glyph lies over one colour.
				if bg := row[x]; bg != lastBg {
					lastBg, lut = bg, c.pal.mixes[int(fg)<<12|int(bg)<<4:][:levels]
				}
				if v := lut[lv]; v > 0 {
					row[x] = uint8(v - 1)
				} else {
					row[x] = c.pal.mix(fg, row[x], int(lv))
				}
			}
			x++
		}
	}
}

// set paints one pixel.
func (c *canvas) set(x, y int, col color.NRGBA) {
	if (image.Point{x, y}).In(c.rect) {
		c.pix[(y-c.rect.Min.Y)*c.stride+x-c.rect.Min.X] = c.pal.of(col)
	}
}
