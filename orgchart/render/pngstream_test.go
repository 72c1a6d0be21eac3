package render

import (
	"bytes"
	"fmt"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"testing"
)

func TestAdlerMatchesTheStandardLibrary(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n += 37 {
		p := make([]byte, n*7)
		for i := range p {
			if rng.Intn(5) == 0 {
				p[i] = byte(rng.Intn(256))
			}
		}
		half := len(p) / 3
		got := adler32Update(adler32Update(1, p[:half]), p[half:])
		if want := adler32.Checksum(p); got != want {
			t.Fatalf("n=%d: %08x, want %08x", len(p), got, want)
		}
		if c := adler32Combine(adler32.Checksum(p[:half]), adler32.Checksum(p[half:]), int64(len(p)-half)); c != adler32.Checksum(p) {
			t.Fatalf("combine n=%d: %08x, want %08x", len(p), c, adler32.Checksum(p))
		}
	}
}

// TestBandsDecodeToTheDrawnPixels encodes an image in several bands and
// checks image/png reads back every pixel.
func TestBandsDecodeToTheDrawnPixels(t *testing.T) {
	for _, level := range []int{0, 1, 9} {
		t.Run(fmt.Sprint("level ", level), func(t *testing.T) { testBands(t, level) })
	}
}

func testBands(t *testing.T, level int) {
	const w, h = 637, 101
	pal := newPalette8()
	want := &canvas{pix: make([]byte, w*h), stride: w, rect: image.Rect(0, 0, w, h), pal: pal}
	rng := rand.New(rand.NewSource(2))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBA{200, 210, 220, 255}
			if rng.Intn(4) == 0 && (x < 300 || y%7 == 0) { // long runs too
				c = color.NRGBA{uint8(rng.Intn(8) * 30), uint8(rng.Intn(256)), 7, 255}
			}
			want.set(x, y, c)
		}
	}
	var buf bytes.Buffer
	pw := newPNGWriter(&buf, w, h, 96)
	if err := pw.header(pal.colors); err != nil {
		t.Fatal(err)
	}
	var above []byte
	for seq, y := 0, 0; y < h; seq, y = seq+1, y+10 {
		band := &canvas{pix: want.pix[y*w:], stride: w, rect: image.Rect(0, y, w, min(y+10, h))}
		enc, err := newBandEncoder(w, level)
		if err != nil {
			t.Fatal(err)
		}
		o, err := enc.encode(bandJob{seq: seq, band: band, above: above}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := pw.band(o); err != nil {
			t.Fatal(err)
		}
		above = band.pix[(band.rect.Dy()-1)*w:][:w]
	}
	if err := pw.close(); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("decoding: %v", err)
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r1, g1, b1, _ := got.At(x, y).RGBA()
			r2, g2, b2, _ := pal.colors[want.pix[y*w+x]].RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, got.At(x, y), pal.colors[want.pix[y*w+x]])
			}
		}
	}
}

func TestPaletteMixesAndOverflows(t *testing.T) {
	p := newPalette8()
	black, white := p.of(color.NRGBA{0, 0, 0, 255}), p.of(color.NRGBA{255, 255, 255, 255})
	mid := p.colors[p.mix(white, black, 8)]
	if mid.R < 130 || mid.R > 140 {
		t.Fatalf("white over black at 8/15: %v", mid)
	}
	for i := 0; i < 400; i++ {
		p.of(color.NRGBA{uint8(i), uint8(i / 2), 0, 255})
	}
	if len(p.colors) != 256 {
		t.Fatalf("%d colours", len(p.colors))
	}
	if c := p.colors[p.of(color.NRGBA{255, 255, 254, 255})]; c.R < 250 || c.B < 250 {
		t.Fatalf("nearest of near-white is %v", c)
	}
}
