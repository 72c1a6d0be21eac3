package render

import (
	"bytes"
	"image"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// TestCachedLinesAreDrawnLines draws the scale-up sample (titles repeated
// on many cards) in bands at scale 1 and 2, with the line cache and
// without: the pixels and the palette must be the same, and the cache must
// have served lines.
func TestCachedLinesAreDrawnLines(t *testing.T) {
	p, cat := loadSample(t, "scaleup")
	l := layout.Compute(p, layout.Options{})
	defer func(n int) { lineCacheBytes = n }(lineCacheBytes)
	for _, scale := range []float32{1, 2} {
		draw := func(cache int) (*renderer, []byte) {
			lineCacheBytes = cache
			r, err := newRenderer(p, cat, l, Options{Scale: scale, Badges: func(string) [3]int { return [3]int{1, 0, 2} }})
			if err != nil {
				t.Fatal(err)
			}
			w, h := r.size()
			rows := 37 // bands cut through lines of text
			r.index(rows, h)
			out := make([]byte, 0, w*h)
			band := &canvas{pix: make([]byte, w*rows), stride: w, pal: r.colors}
			for y := 0; y < h; y += rows {
				band.rect = image.Rect(0, y, w, min(y+rows, h))
				r.draw(band)
				out = append(out, band.pix[:band.rect.Dy()*w]...)
			}
			return r, out
		}
		cached, got := draw(8 << 20)
		plain, want := draw(0)
		if len(cached.lines.kept) == 0 {
			t.Fatalf("scale %g: no line was kept", scale)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("scale %g: the cached lines differ from the drawn ones (first at byte %d)", scale, firstDiff(got, want))
		}
		if len(cached.colors.colors) != len(plain.colors.colors) {
			t.Fatalf("scale %g: %d colours with the cache, %d without", scale, len(cached.colors.colors), len(plain.colors.colors))
		}
		t.Logf("scale %g: %d lines kept, %d KB", scale, len(cached.lines.kept), cached.lines.bytes>>10)
	}
}
