package render

import (
	"compress/zlib"
	"image"
	"io"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// BenchmarkExport1500 is layout plus PNG of the 1,500-position generated
// organisation at scale 1, with the run-length encoder and with
// compress/flate at two levels.
func BenchmarkExport1500(b *testing.B) {
	cat, err := catalog.Default()
	if err != nil {
		b.Fatal(err)
	}
	p := generate.Generate(1500, 1)
	for _, c := range []struct {
		name  string
		level int
	}{{"rle", 0}, {"flate-BestSpeed", zlib.BestSpeed}, {"flate-Default", zlib.DefaultCompression}} {
		b.Run(c.name, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				l := layout.Compute(p, layout.Options{})
				if err := PNG(io.Discard, p, cat, l, Options{Compression: c.level}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// BenchmarkEnterpriseSample draws and encodes the 3,085-position enterprise
// sample at scale 1 (layout computed once, outside the loop).
func BenchmarkEnterpriseSample(b *testing.B) {
	p, cat := loadSample(b, "enterprise")
	l := layout.Compute(p, layout.Options{})
	w, h, err := Size(p, cat, l, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d positions, %d x %d px", len(p.Positions), w, h)
	start := cpuTime()
	for b.Loop() {
		if err := PNG(io.Discard, p, cat, l, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkEnterpriseDraw is BenchmarkEnterpriseSample without the PNG
// encoding: building the picture (text shaped and fitted) and drawing it
// band by band, as the encoder's bands are.
func BenchmarkEnterpriseDraw(b *testing.B) {
	p, cat := loadSample(b, "enterprise")
	l := layout.Compute(p, layout.Options{})
	start := cpuTime()
	for b.Loop() {
		r, err := newRenderer(p, cat, l, Options{})
		if err != nil {
			b.Fatal(err)
		}
		w, h := r.size()
		rows := max(8, min(h, bandBytes/w))
		r.index(rows, h)
		band := &canvas{pix: make([]byte, w*rows), stride: w, pal: r.colors}
		for y := 0; y < h; y += rows {
			band.rect = image.Rect(0, y, w, min(y+rows, h))
			r.draw(band)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
