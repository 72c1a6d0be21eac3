package render

import (
	"bytes"
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

// TestBandsDecodeToTheDrawnPixels encodes an image in several bands with
// several workers and checks image/png reads back every pixel.
func TestBandsDecodeToTheDrawnPixels(t *testing.T) {
	const w, h = 37, 101
	want := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewSource(2))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{200, 210, 220, 255}
			if rng.Intn(4) == 0 {
				c = color.RGBA{uint8(rng.Intn(256)), uint8(rng.Intn(256)), uint8(rng.Intn(256)), 255}
			}
			want.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	pw, err := newPNGWriter(&buf, w, h)
	if err != nil {
		t.Fatal(err)
	}
	var above []byte
	for seq, y := 0, 0; y < h; seq, y = seq+1, y+10 {
		band := want.SubImage(image.Rect(0, y, w, min(y+10, h))).(*image.RGBA)
		enc, err := newBandEncoder(w, 1)
		if err != nil {
			t.Fatal(err)
		}
		o, err := enc.encode(bandJob{seq: seq, band: band, above: above})
		if err != nil {
			t.Fatal(err)
		}
		if err := pw.band(o); err != nil {
			t.Fatal(err)
		}
		above = band.Pix[(band.Rect.Dy()-1)*band.Stride:][:4*w]
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
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, got.At(x, y), want.At(x, y))
			}
		}
	}
}
