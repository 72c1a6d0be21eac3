// Package render draws an org chart layout: BuildScene turns layout and
// look into a scene (boxes, connectors, shaped text), which the PNG
// rasteriser (vector masks from golang.org/x/image, glyph outlines from
// orgchart/look's fonts) and the vector writers draw.
package render

import (
	"bytes"
	"errors"
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

// Limits of an exported image, from what viewers open (docs/chart.md):
// many refuse a side over 32,767 pixels (cairo and pixman, so rsvg, GNOME's
// viewers and much of the Linux desktop; graphviz too), and a viewer holds
// the picture as 8-bit RGBA, so 2^29 pixels is 2 GiB for it to allocate
// (GdkPixbuf opened the 274 MP real-shaped export in 810 MB). The PNG is
// drawn and encoded in bands, so our own memory sets no limit. The
// renderer refuses rather than shrinks.
const (
	MaxSide   = 32767
	MaxPixels = 1<<29 - 1
)

// SlidePixels is the largest image Google Slides takes (25 megapixels, its
// help says); a bigger PNG gets a note saying so.
const SlidePixels = 25_000_000

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
	// Compression is the zlib level of the PNG: 0 means the chart's own
	// encoder, chosen by measurement (docs/performance.md); 1-9 and -1
	// (zlib's default) use compress/flate at that level.
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
	return fmt.Sprintf("the chart would be %d x %d pixels (%.0f megapixels) at scale %g, over the limit of %d pixels a side and %d megapixels that image viewers open; export a subtree, fewer levels or a smaller scale",
		e.Width, e.Height, float64(e.Width)*float64(e.Height)/1e6, e.Scale, MaxSide, (MaxPixels+1)/1_000_000)
}

// bandBytes is the memory of one band of rows (one byte a pixel); a band is
// drawn while others are compressed, whatever the image size.
// A variable so that a test can cut a small chart into many bands.
var bandBytes = 1 << 20

// PNG draws the layout of plan p to w. cat gives role titles and domains
// (nil falls back to role ids and grey stripes). The image is drawn and
// encoded in bands of rows, so memory stays a few megabytes however large
// the chart.
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
//
// The palette (PLTE) comes before the pixels in a PNG, and it is complete
// only when the last band is drawn (antialiasing adds mixes as it meets
// them). So the compressed bands are kept in memory until the last one, up
// to pngBuffer bytes (a chart of a few hundred megapixels compresses to a
// few megabytes); a picture that compresses to more is drawn twice: once,
// without encoding, to fill the palette (the drawing is a small part of the
// time: filtering and compressing are most of it), and once to stream each
// band, filtered and compressed, straight to w. Palette indexes never
// change once given, so both ways write the same file, and memory is
// bounded whatever the image's size (TestBigPNGMemoryIsBoundedByBands).
func WriteScene(w io.Writer, sc *Scene, scale float32, level int) (int, int, error) {
	r, err := newSceneRenderer(sc, scale)
	if err != nil {
		return 0, 0, err
	}
	width, height, err := r.checkedSize()
	if err != nil {
		return 0, 0, err
	}
	rows := bandRows(width, height)
	r.index(rows, height)
	pw := newPNGWriter(w, width, height, 96*float64(r.scale))
	var kept []bandOut
	size := 0
	err = encodeBands(r, width, height, rows, level, func(o bandOut) error {
		if size += len(o.data); size > pngBuffer {
			return errBufferFull
		}
		o.data = bytes.Clone(o.data)
		kept = append(kept, o)
		return nil
	})
	switch {
	case err == nil:
		if err := pw.header(r.colors.colors); err != nil {
			return 0, 0, fmt.Errorf("writing the PNG: %w", err)
		}
		for _, o := range kept {
			if err := pw.band(o); err != nil {
				return 0, 0, fmt.Errorf("writing the PNG: %w", err)
			}
		}
	case errors.Is(err, errBufferFull):
		kept = nil
		r.fillPalette(width, height, rows)
		if err := pw.header(r.colors.colors); err != nil {
			return 0, 0, fmt.Errorf("writing the PNG: %w", err)
		}
		if err := encodeBands(r, width, height, rows, level, pw.band); err != nil {
			return 0, 0, fmt.Errorf("writing the PNG: %w", err)
		}
	default:
		return 0, 0, fmt.Errorf("writing the PNG: %w", err)
	}
	if err := pw.close(); err != nil {
		return 0, 0, fmt.Errorf("writing the PNG: %w", err)
	}
	return width, height, nil
}

// pngBuffer is how many compressed bytes a PNG keeps in memory before it
// draws its palette first instead (a variable so that a test can take the
// streaming way on a small chart).
var pngBuffer = 16 << 20

var errBufferFull = errors.New("the compressed rows are over the buffer")

// bandRows is the height of a band: about bandBytes of pixels.
func bandRows(width, height int) int { return max(8, min(height, bandBytes/max(1, width))) }

// fillPalette draws every band into one scratch band and throws the pixels
// away: what is left is the palette, complete.
func (r *renderer) fillPalette(width, height, rows int) {
	band := &canvas{pix: make([]byte, width*rows), stride: width, pal: r.colors}
	for y := 0; y < height; y += rows {
		band.rect = image.Rect(0, y, width, min(y+rows, height))
		r.draw(band)
	}
}

// encodeBands draws the picture band by band on one goroutine while
// workers (one a core) filter and compress finished bands; emit gets them
// in order as they come (its buffer is reused after it returns). Memory is
// a few bands, whatever the image size: the drawer waits for a free band,
// and a compressed band's buffer is reused as soon as it is emitted. An
// error from emit stops the drawing and is returned.
func encodeBands(r *renderer, width, height, rows, level int, emit func(bandOut) error) error {
	workers := max(1, runtime.GOMAXPROCS(0))
	free := make(chan *canvas, workers+2)
	for range workers + 2 {
		free <- &canvas{pix: make([]byte, width*rows), stride: width, pal: r.colors}
	}
	jobs, outs := make(chan bandJob, workers), make(chan bandOut, workers)
	errs := make(chan error, workers)
	done := make(chan struct{}) // closed when the collector is through
	var drawing, wg sync.WaitGroup
	// Every goroutine has stopped when this returns: the caller may draw
	// again (the palette is not safe for two drawers).
	defer func() { close(done); drawing.Wait(); wg.Wait() }()
	drawing.Add(1)
	go func() { // draw
		defer drawing.Done()
		defer close(jobs)
		var above []byte
		for seq, y := 0, 0; y < height; seq, y = seq+1, y+rows {
			var band *canvas
			select {
			case band = <-free:
			case <-done:
				return
			}
			band.rect = image.Rect(0, y, width, min(y+rows, height))
			r.draw(band)
			select {
			case jobs <- bandJob{seq: seq, band: band, above: above}:
			case <-done:
				return
			}
			last := band.pix[(band.rect.Dy()-1)*band.stride:][:width]
			above = append(above[:0:0], last...)
		}
	}()
	spare := make(chan []byte, 2*workers+2) // compressed buffers to reuse
	for range workers {
		wg.Add(1)
		go func() { // filter and compress
			defer wg.Done()
			enc, err := newBandEncoder(width, level)
			reported := false
			for j := range jobs {
				var o bandOut
				if err == nil {
					var buf []byte
					select {
					case buf = <-spare:
					default:
					}
					o, err = enc.encode(j, buf)
				}
				free <- j.band
				if err != nil {
					if !reported {
						errs <- err
						reported = true
					}
					continue
				}
				select {
				case outs <- o:
				case <-done:
				}
			}
		}()
	}
	go func() { wg.Wait(); close(outs) }()
	// Write in order; results can arrive out of order, at most a few ahead.
	pending := map[int]bandOut{}
	next := 0
	for o := range outs {
		pending[o.seq] = o
		for p, ok := pending[next]; ok; p, ok = pending[next] {
			delete(pending, next)
			next++
			if err := emit(p); err != nil {
				return err
			}
			select {
			case spare <- p.data[:0]:
			default:
			}
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
