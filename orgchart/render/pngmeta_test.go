package render

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"testing"
)

// pngChunk returns the data of the first chunk of a kind, or nil.
func pngChunk(data []byte, kind string) []byte {
	for p := 8; p+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[p:]))
		if string(data[p+4:p+8]) == kind {
			return data[p+8 : p+8+n]
		}
		p += 12 + n
	}
	return nil
}

func TestPNGHasItsPixelDensity(t *testing.T) {
	_, export := goldenVector(t)
	for _, scale := range []float32{1, 2} {
		data, _ := export("png", Options{Scale: scale})
		phys := pngChunk(data, "pHYs")
		if len(phys) != 9 || phys[8] != 1 {
			t.Fatalf("scale %g: pHYs %v", scale, phys)
		}
		dpi := float64(binary.BigEndian.Uint32(phys)) * 0.0254
		if want := 96 * float64(scale); dpi < want-0.1 || dpi > want+0.1 {
			t.Errorf("scale %g: %.2f dpi, want %g", scale, dpi, want)
		}
	}
}

func TestTransparentBackground(t *testing.T) {
	_, export := goldenVector(t)
	data, _ := export("png", Options{Background: "transparent"})
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := img.At(1, 1).RGBA(); a != 0 {
		t.Fatalf("the page corner has alpha %d, want 0", a)
	}
	// Cards stay opaque; antialiased edges over the page are partly clear
	// (no halo of the page colour).
	partial := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a > 0 && a < 0xFFFF {
				partial++
			}
		}
	}
	if partial == 0 {
		t.Error("no partly transparent pixels: text over the page would have a halo")
	}
	opaque, _ := export("png", Options{})
	if pngChunk(opaque, "tRNS") != nil {
		t.Error("an opaque chart has a tRNS chunk")
	}
	svg, _ := export("svg", Options{Background: "transparent"})
	full, _ := export("svg", Options{})
	if bytes.Count(svg, []byte("<rect")) != bytes.Count(full, []byte("<rect"))-1 {
		t.Error("the transparent SVG should lack only the page rectangle")
	}
}
