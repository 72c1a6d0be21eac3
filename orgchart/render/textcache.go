package render

import (
	"bytes"
	"encoding/binary"
	"image"
)

// A chart repeats its texts: the same role title on many cards, over the
// same card colour. A line drawn a second time over one colour is kept as
// pixels (the glyphs laid over that colour once), and every later time its
// rows are copied instead of blending each glyph's coverage again. Blending
// is per pixel, so the copy is exactly what drawing would give wherever the
// band under the line is that one colour; elsewhere the line is drawn. Only
// lines met on two Text items are kept (names are mostly unique), within
// lineCacheBytes.

// lineCacheBytes bounds the pixels kept, whatever the chart (a variable so
// that a test can turn the cache off).
var lineCacheBytes = 8 << 20

type lineCache struct {
	first map[string]*Text       // the first Text each line was met on
	kept  map[string]*linePixels // lines met on two Texts
	bytes int
	key   []byte
}

// linePixels is a line drawn over one colour: its box's pixels.
type linePixels struct{ pix []uint8 }

// drawCachedText draws r.placed (the line of t, box its extent) from the
// cache, keeping it there on its second Text; false when it must be drawn
// glyph by glyph.
func (r *renderer) drawCachedText(img *canvas, t *Text, box image.Rectangle) bool {
	clip := box.Intersect(img.rect)
	if clip.Empty() {
		return true
	}
	bg := img.pix[(clip.Min.Y-img.rect.Min.Y)*img.stride+clip.Min.X-img.rect.Min.X]
	if !img.uniform(clip, bg) {
		return false
	}
	lc := &r.lines
	if lc.first == nil {
		lc.first, lc.kept = map[string]*Text{}, map[string]*linePixels{}
	}
	// The key: colours and each glyph's number and place in the box.
	k := append(lc.key[:0], r.colors.of(t.Color), bg)
	for _, pg := range r.placed {
		k = binary.LittleEndian.AppendUint32(k, uint32(pg.m.serial))
		k = binary.LittleEndian.AppendUint32(k, uint32(pg.at.X-box.Min.X))
		k = binary.LittleEndian.AppendUint32(k, uint32(pg.at.Y-box.Min.Y))
	}
	lc.key = k
	lp := lc.kept[string(k)]
	if lp == nil {
		first, ok := lc.first[string(k)]
		if !ok {
			lc.first[string(k)] = t
		}
		if !ok || first == t || lc.bytes+box.Dx()*box.Dy() > lineCacheBytes {
			return false
		}
		lp = &linePixels{pix: make([]uint8, box.Dx()*box.Dy())}
		c := &canvas{pix: lp.pix, stride: box.Dx(), rect: box, pal: r.colors}
		c.fillIndex(box, bg)
		for _, pg := range r.placed {
			c.mask(pg.m.mask.Rect.Add(pg.at), t.Color, pg.m.mask, image.Point{})
		}
		lc.kept[string(k)] = lp
		lc.bytes += len(lp.pix)
	}
	w := box.Dx() // the kept line's box has this one's size: the same glyphs in the same places
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		src := lp.pix[(y-box.Min.Y)*w+clip.Min.X-box.Min.X:][:clip.Dx()]
		copy(img.pix[(y-img.rect.Min.Y)*img.stride+clip.Min.X-img.rect.Min.X:][:clip.Dx()], src)
	}
	return true
}

// uniform says whether every pixel of r (inside the canvas) is colour i.
func (c *canvas) uniform(r image.Rectangle, i uint8) bool {
	var row [256]uint8
	for k := range row {
		row[k] = i
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		line := c.pix[(y-c.rect.Min.Y)*c.stride+r.Min.X-c.rect.Min.X:][:r.Dx()]
		for len(line) > 0 {
			n := min(len(line), len(row))
			if !bytes.Equal(line[:n], row[:n]) {
				return false
			}
			line = line[n:]
		}
	}
	return true
}
