package render

import (
	"bytes"
	"image/png"
	"math"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// TestBandedPNGIsTheWholeImage cuts a small chart into bands of a few rows
// (so every band boundary falls through cards, text and lines) and checks
// the PNG decodes to exactly the pixels of the chart drawn whole.
func TestBandedPNGIsTheWholeImage(t *testing.T) {
	p := smallPlan()
	l := layout.Compute(p, layout.Options{})
	sh := look.NewShaperWith(look.Options{NoSystemFonts: true})
	defer func(b, k int) { bandBytes, pngBuffer = b, k }(bandBytes, pngBuffer)
	for _, opt := range []Options{
		{Scale: 1, Badges: smallBadges},
		{Scale: 2, Badges: smallBadges, Theme: "dark"},
		{Scale: 1.5, Background: "transparent"},
	} {
		opt.Shaper = sh
		whole, err := Image(p, nil, l, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ rows, buffer int }{{8, 1 << 30}, {1 << 20, 1 << 30}, {8, 0}, {13, 100}} {
			rows := c.rows
			// Kept in memory until the end, or (a buffer too small) the
			// palette drawn first and the bands streamed.
			bandBytes, pngBuffer = rows*whole.Rect.Dx(), c.buffer
			var buf bytes.Buffer
			if err := PNG(&buf, p, nil, l, opt); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if got.Bounds() != whole.Rect {
				t.Fatalf("scale %g: %v, whole %v", opt.Scale, got.Bounds(), whole.Rect)
			}
			for y := whole.Rect.Min.Y; y < whole.Rect.Max.Y; y++ {
				for x := whole.Rect.Min.X; x < whole.Rect.Max.X; x++ {
					r1, g1, b1, a1 := got.At(x, y).RGBA()
					r2, g2, b2, a2 := whole.At(x, y).RGBA()
					if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
						t.Fatalf("scale %g, bands of %d rows, buffer %d: pixel (%d,%d) is %v, drawn whole %v",
							opt.Scale, rows, c.buffer, x, y, got.At(x, y), whole.At(x, y))
					}
				}
			}
		}
	}
}

// peakHeap runs f while sampling the heap, and returns how far the heap in
// use rose above what it was before. The collector runs often meanwhile, so
// that garbage waiting to be collected counts little.
func peakHeap(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	peak := base
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
		}
	}()
	f()
	close(stop)
	wg.Wait()
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapInuse)
	return peak - base
}

// TestBigPNGMemoryIsBoundedByBands exports the real-shaped 1,516-person
// organisation at scale 2 (about 300 megapixels: over the old 250 MP limit,
// which was set by memory) and at scale 1 (a quarter of the pixels), the
// compressed rows over the buffer (the palette drawn first, the bands
// streamed), and checks the memory does not follow the image: the heap
// grows by less than 32 MB for either (the scene, a few bands, the
// encoders), and the four times larger image costs less than 2 MB more
// (holding the compressed rows until the end costs 4 MB more; holding the
// image, 200 MB more). Kept in memory (the default buffer), they cost at
// most the buffer more.
func TestBigPNGMemoryIsBoundedByBands(t *testing.T) {
	if testing.Short() {
		t.Skip("draws 300 megapixels")
	}
	defer func(k int) { pngBuffer = k }(pngBuffer)
	p := generate.Shaped(generate.RealSize, 1)
	l := layout.Compute(p, layout.Options{})
	sc, err := BuildScene(p, nil, l, Options{Shaper: look.NewShaperWith(look.Options{NoSystemFonts: true})})
	if err != nil {
		t.Fatal(err)
	}
	// At least 250 megapixels at the larger scale, whatever the layout's
	// compactness does.
	big := float32(2)
	if px := float64(sc.Width) * float64(sc.Height) * 4; px < 250e6 {
		big = float32(math.Ceil(20*2*math.Sqrt(250e6/px)) / 20)
	}
	var grew [3]uint64
	for k, scale := range []float32{big / 2, big, big} {
		pngBuffer = 1 << 20
		if k == 2 {
			pngBuffer = 16 << 20
		}
		var cw countingWriter
		var w, h int
		var werr error
		grew[k] = peakHeap(func() { w, h, werr = WriteScene(&cw, sc, scale, 0) })
		if werr != nil {
			t.Fatal(werr)
		}
		t.Logf("%d x %d px (%.0f MP) at scale %g: %.1f MB file, heap grew by %.1f MB",
			w, h, float64(w)*float64(h)/1e6, scale, float64(cw.n)/1e6, float64(grew[k])/1e6)
		if k == 1 && float64(w)*float64(h) < 250e6 {
			t.Fatalf("%d x %d px: not the big image the test needs", w, h)
		}
		if limit := uint64(32<<20 + pngBuffer); k == 2 && grew[k] > limit || k < 2 && grew[k] > 32<<20 {
			t.Errorf("scale %g, buffer %d: the heap grew by %.1f MB", scale, pngBuffer, float64(grew[k])/1e6)
		}
	}
	if grew[1] > grew[0]+2<<20 {
		t.Errorf("four times the pixels took %.1f MB more", float64(grew[1]-grew[0])/1e6)
	}
}

// BenchmarkBigPNG is the scale-2 PNG of the real-shaped 1,516-person
// organisation (layout outside the loop), with the heap's peak growth.
func BenchmarkBigPNG(b *testing.B) {
	p := generate.Shaped(generate.RealSize, 1)
	l := layout.Compute(p, layout.Options{})
	sh := look.NewShaperWith(look.Options{NoSystemFonts: true})
	var grew uint64
	start := cpuTime()
	for b.Loop() {
		var cw countingWriter
		var err error
		grew = max(grew, peakHeap(func() { err = PNG(&cw, p, nil, l, Options{Scale: 2, Shaper: sh}) }))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(grew)/1e6, "peak-heap-MB")
}
