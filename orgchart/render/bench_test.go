package render

import (
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// benchPlan is the 1,500-position organisation of the export benchmarks,
// shaped like the measured real one (generate.Shaped: ten layers, spans of
// 1-9, many managers of one or two).
func benchPlan(b *testing.B) (*orgchart.Plan, *catalog.Catalog) {
	cat, err := catalog.Default()
	if err != nil {
		b.Fatal(err)
	}
	return generate.Shaped(1500, 1), cat
}

// countingWriter counts the bytes of a file without keeping them.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkExport1500 measures, in one run, graphviz's dot -Tpng (the peer)
// and layout plus each of our formats on the same 1,500-position tree: the
// target is every format in at most half of dot's time. File sizes are
// reported as bytes/file.
func BenchmarkExport1500(b *testing.B) {
	p, cat := benchPlan(b)
	b.Run("dot-png", func(b *testing.B) {
		dot, err := exec.LookPath("dot")
		if err != nil {
			b.Skip("graphviz is not installed")
		}
		src := filepath.Join(b.TempDir(), "org.dot")
		if err := os.WriteFile(src, dotSource(p, cat), 0o644); err != nil {
			b.Fatal(err)
		}
		out := filepath.Join(b.TempDir(), "org.png")
		var cpu time.Duration
		for b.Loop() {
			cmd := exec.Command(dot, "-Tpng", "-o", out, src)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				b.Fatalf("dot: %v: %s", err, stderr.String())
			}
			cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		}
		b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
		if fi, err := os.Stat(out); err == nil {
			b.ReportMetric(float64(fi.Size()), "bytes/file")
		}
	})
	for _, c := range []struct {
		name, format string
		opt          Options
	}{
		{"png", "png", Options{}},
		{"png-scale2", "png", Options{Scale: 2}},
		{"svg", "svg", Options{}},
		{"pdf", "pdf", Options{}},
		{"pdf-A4-tiles", "pdf", Options{Page: "A4", Landscape: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			start := cpuTime()
			var size int64
			for b.Loop() {
				l := layout.Compute(p, layout.Options{})
				var cw countingWriter
				if _, err := Export(&cw, c.format, p, cat, l, c.opt); err != nil {
					var tl *TooLargeError
					if errors.As(err, &tl) {
						b.Skipf("%v (needs the compact layout)", err)
					}
					b.Fatal(err)
				}
				size = cw.n
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
			b.ReportMetric(float64(size), "bytes/file")
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

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkEnterpriseScene is the scene alone: header, connectors and
// cards, every text shaped and fitted (a new shaper each time: no warm
// cache).
func BenchmarkEnterpriseScene(b *testing.B) {
	p, cat := loadSample(b, "enterprise")
	l := layout.Compute(p, layout.Options{})
	start := cpuTime()
	for b.Loop() {
		if _, err := BuildScene(p, cat, l, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkDottedLines draws 5,000 positions with 10 and 100 dotted lines
// each (issue 14: 8 s and 67 s before): the time must grow with the number
// of connectors, not faster.
func BenchmarkDottedLines(b *testing.B) {
	for _, k := range []int{10, 100} {
		p := generate.Generate(5000, 1)
		for i, pos := range p.Positions {
			pos.DottedTo = nil
			for j := 1; j <= k; j++ {
				if q := p.Positions[(i*7+j*13)%len(p.Positions)]; q != pos {
					pos.DottedTo = append(pos.DottedTo, q.ID)
				}
			}
		}
		l := layout.Compute(p, layout.Options{})
		for _, format := range []string{"png", "svg", "pdf"} {
			b.Run(fmt.Sprintf("%d-each/%s", k, format), func(b *testing.B) {
				for b.Loop() {
					if _, err := Export(io.Discard, format, p, nil, l, Options{Scale: 0.25}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(l.Edges)), "connectors")
			})
		}
	}
}

// BenchmarkPNGEncoders compares, in one run, the chart's own deflate
// encoder (level 0, the default) with compress/flate at BestSpeed (what it
// replaced) and at its default level, on the 1,500-position organisation at
// scale 2 (279 MP) and the enterprise sample at scale 1: the scene is built
// once, outside the loop; drawing and encoding are measured.
func BenchmarkPNGEncoders(b *testing.B) {
	p, cat := benchPlan(b)
	ent, entCat := loadSample(b, "enterprise")
	for _, c := range []struct {
		name  string
		scene func() (*Scene, error)
		scale float32
	}{
		{"shaped1500-scale2", func() (*Scene, error) { return BuildScene(p, cat, layout.Compute(p, layout.Options{}), Options{}) }, 2},
		{"enterprise", func() (*Scene, error) {
			return BuildScene(ent, entCat, layout.Compute(ent, layout.Options{}), Options{})
		}, 1},
	} {
		sc, err := c.scene()
		if err != nil {
			b.Fatal(err)
		}
		for _, enc := range []struct {
			name  string
			level int
		}{{"ours", 0}, {"flate-bestspeed", 1}, {"flate-default", -1}} {
			b.Run(c.name+"/"+enc.name, func(b *testing.B) {
				start := cpuTime()
				var cw countingWriter
				for b.Loop() {
					cw = countingWriter{}
					if _, _, err := WriteScene(&cw, sc, c.scale, enc.level); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
				b.ReportMetric(float64(cw.n), "bytes/file")
			})
		}
	}
}
