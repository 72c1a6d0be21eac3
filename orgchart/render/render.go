// Package render draws an org chart layout: BuildScene turns layout and
// look into a scene (boxes, connectors, shaped text), which the PNG
// rasteriser (vector masks from golang.org/x/image, glyph outlines from
// orgchart/look's fonts) and the vector writers draw.
package render

import (
	"fmt"
	"image"
	"io"
	"math"
	"runtime"
	"sync"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// Limits of an exported image. Many viewers and libraries (and graphviz)
// refuse images wider or taller than 32,767 pixels; past 250 megapixels the
// image takes a gigabyte of memory. The renderer refuses rather than shrinks.
const (
	MaxSide   = 32767
	MaxPixels = 250_000_000
)

// Options choose how the chart looks.
type Options struct {
	Scale float32 // pixels per logical pixel; 0 means 1
	Theme string  // "light" (default) or "dark"
	// Findings puts badges with the number of findings by severity on the
	// cards; nil draws none.
	Findings *check.Report
	// Badges, when set, gives the badge counts (info, warning, error)
	// instead of Findings.
	Badges func(positionID string) [3]int
	Date   string // shown in the header; "" leaves it out
	// Shaper shapes the text; nil makes one with the built-in fonts and the
	// system's for other scripts. Pass one to share its caches or to read
	// its Missing scripts after drawing.
	Shaper *look.Shaper
	// Compression is the zlib level of the PNG; 0 means flate.BestSpeed,
	// chosen by measurement (docs/performance.md); -1 is zlib's default.
	Compression int
	// Background "transparent" leaves the page out (PNG with alpha, SVG and
	// PDF with nothing behind the chart); "" paints the theme's page colour.
	Background string
	// Page is a paper size (A4, A3, letter) to tile a PDF over; "" makes one
	// page the size of the chart. Landscape turns the paper.
	Page      string
	Landscape bool
}

// TooLargeError is returned when the image would pass MaxSide or MaxPixels.
type TooLargeError struct {
	Width, Height int
	Scale         float32
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the chart would be %d x %d pixels (%.0f megapixels) at scale %g, over the limit of %d pixels a side and %d megapixels; export a subtree, fewer levels or a smaller scale",
		e.Width, e.Height, float64(e.Width)*float64(e.Height)/1e6, e.Scale, MaxSide, MaxPixels/1_000_000)
}

// bandBytes is the memory of one band of rows (one byte a pixel); a band is
// drawn while others are compressed, whatever the image size.
const bandBytes = 1 << 20

// PNG draws the layout of plan p to w. cat gives role titles and domains
// (nil falls back to role ids and grey stripes). The image is drawn and
// encoded in bands of rows on two goroutines, so memory stays a few
// megabytes however large the chart.
func PNG(w io.Writer, p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) error {
	_, _, err := Write(w, p, cat, l, opt)
	return err
}

// Write is PNG that also returns the image's size in pixels.
func Write(w io.Writer, p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (int, int, error) {
	if err := checkScale(opt.Scale); err != nil {
		return 0, 0, err
	}
	sc, err := BuildScene(p, cat, l, opt)
	if err != nil {
		return 0, 0, err
	}
	return WriteScene(w, sc, opt.Scale, opt.Compression)
}

// WriteScene writes a scene as a PNG at a scale (0 means 1), compressed at
// level (see Options.Compression), and returns the image's size in pixels.
func WriteScene(w io.Writer, sc *Scene, scale float32, level int) (int, int, error) {
	r, err := newSceneRenderer(sc, scale)
	if err != nil {
		return 0, 0, err
	}
	width, height, err := r.checkedSize()
	if err != nil {
		return 0, 0, err
	}
	pw := newPNGWriter(w, width, height, 96*float64(r.scale))
	if err := encodeBands(pw, r, width, height, level); err != nil {
		return 0, 0, fmt.Errorf("writing the PNG: %w", err)
	}
	if err := pw.close(r.colors.colors); err != nil {
		return 0, 0, fmt.Errorf("writing the PNG: %w", err)
	}
	return width, height, nil
}

// encodeBands draws the picture band by band on one goroutine while
// workers (one a core) filter and compress finished bands, collected in
// order. Memory is a few bands, whatever the image size.
func encodeBands(pw *pngWriter, r *renderer, width, height, level int) error {
	workers := max(1, runtime.GOMAXPROCS(0))
	rows := max(8, min(height, bandBytes/width))
	r.index(rows, height)
	free := make(chan *canvas, workers+2)
	for range workers + 2 {
		free <- &canvas{pix: make([]byte, width*rows), stride: width, pal: r.colors}
	}
	jobs, outs := make(chan bandJob, workers), make(chan bandOut, workers)
	errs := make(chan error, workers)
	go func() { // draw
		defer close(jobs)
		var above []byte
		for seq, y := 0, 0; y < height; seq, y = seq+1, y+rows {
			band := <-free
			band.rect = image.Rect(0, y, width, min(y+rows, height))
			r.draw(band)
			jobs <- bandJob{seq: seq, band: band, above: above}
			last := band.pix[(band.rect.Dy()-1)*band.stride:][:width]
			above = append([]byte(nil), last...)
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() { // filter and compress
			defer wg.Done()
			enc, err := newBandEncoder(width, level)
			for j := range jobs {
				var o bandOut
				if err == nil {
					o, err = enc.encode(j)
				}
				free <- j.band
				if err != nil {
					errs <- err
					continue
				}
				outs <- o
			}
		}()
	}
	go func() { wg.Wait(); close(outs) }()
	// Collect in order; results can arrive out of order.
	pending := map[int]bandOut{}
	next := 0
	for o := range outs {
		pending[o.seq] = o
		for p, ok := pending[next]; ok; p, ok = pending[next] {
			delete(pending, next)
			next++
			pw.band(p)
		}
	}
	select {
	case err := <-errs:
		return err
	default:
	}
	if next*rows < height {
		return fmt.Errorf("only %d of %d rows were encoded", next*rows, height)
	}
	return nil
}

// Image draws the layout into one new paletted image (for tests and callers
// that want pixels rather than a file).
func Image(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (*image.Paletted, error) {
	r, err := newRenderer(p, cat, l, opt)
	if err != nil {
		return nil, err
	}
	w, h, err := r.checkedSize()
	if err != nil {
		return nil, err
	}
	c := &canvas{pix: make([]byte, w*h), stride: w, rect: image.Rect(0, 0, w, h), pal: r.colors}
	r.draw(c)
	return &image.Paletted{Pix: c.pix, Stride: w, Rect: c.rect, Palette: r.colors.palette()}, nil
}

// Size returns the pixel size the image of the layout would have.
func Size(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (int, int, error) {
	if err := checkScale(opt.Scale); err != nil {
		return 0, 0, err
	}
	sc, err := buildScene(p, cat, l, opt, false) // the page's size needs only the header
	if err != nil {
		return 0, 0, err
	}
	r, err := newSceneRenderer(sc, opt.Scale)
	if err != nil {
		return 0, 0, err
	}
	w, h := r.size()
	return w, h, nil
}

func (r *renderer) checkedSize() (int, int, error) {
	w, h := r.size()
	if w > MaxSide || h > MaxSide || w*h > MaxPixels {
		return 0, 0, &TooLargeError{Width: w, Height: h, Scale: r.scale}
	}
	return w, h, nil
}

// px converts logical pixels to whole device pixels.
func (r *renderer) px(v float32) int { return int(math.Floor(float64(v*r.scale) + 0.5)) }
