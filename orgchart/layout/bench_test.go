package layout

import (
	"runtime"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// BenchmarkCompute100k lays out the generated 100,000-position organisation
// (automatic folds included); the target is under 100 ms.
func BenchmarkCompute100k(b *testing.B) {
	p := generate.Generate(100_000, 1)
	p.Tree() // build the plan's index and its tree by number outside the timing
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		Compute(p, Options{})
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkCompute100kRandom is the same on a random tree, deeper and more
// ragged than a real organisation.
func BenchmarkCompute100kRandom(b *testing.B) {
	p := randomPlan(100_000, 1)
	p.Tree()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		Compute(p, Options{})
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkVisible asks for one 1920x1080 screen of cards in the middle of
// the 100,000-position chart, as the app does every frame.
func BenchmarkVisible(b *testing.B) {
	l := Compute(generate.Generate(100_000, 1), Options{})
	l.Index("") // build the index outside the timing
	x, y := l.Width/2, l.Height/3
	n := 0
	l.Visible(x, y, x+1920, y+1080, func(int) { n++ })
	if n == 0 {
		b.Fatal("the screen shows no cards")
	}
	b.ResetTimer()
	for b.Loop() {
		l.Visible(x, y, x+1920, y+1080, func(int) {})
	}
	b.ReportMetric(float64(n), "cards/screen")
}

// relayoutBench times a relayout after one edit of the real-shaped
// organisation of n positions: a card deep in the chart changes size (a
// longer title, say), so its subtree and the path above it are laid out
// again. The target: at 100,000 positions at most twice the cost at 10,000.
func relayoutBench(b *testing.B, n int) {
	p := generate.Shaped(n, 1)
	sz := sizer{}
	e := NewEngine(p, Options{Measure: sz.measure})
	id := alikeManager(b, e.Layout(), p, 0)
	tall := false
	// The setup's garbage (the generated plan, the first layout: hundreds
	// of MB at 100,000) is collected now, not inside the timed relayouts.
	runtime.GC()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		tall = !tall
		if tall {
			sz[id] = Size{CardW, CardH + 34}
		} else {
			delete(sz, id)
		}
		e.Changed(id)
		e.Relayout()
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkRelayout10k(b *testing.B)  { relayoutBench(b, 10_000) }
func BenchmarkRelayout100k(b *testing.B) { relayoutBench(b, 100_000) }

// BenchmarkComputeShaped100k lays out the real-shaped 100,000-position organisation.
func BenchmarkComputeShaped100k(b *testing.B) {
	p := generate.Shaped(100_000, 1)
	p.Tree()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		Compute(p, Options{})
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkDottedLines5000x100: 5,000 positions with 100 dotted lines each;
// the connectors' cost grows with the number of lines (one look-up each).
func BenchmarkDottedLines5000x100(b *testing.B) { dottedBench(b, 100) }
func BenchmarkDottedLines5000x10(b *testing.B)  { dottedBench(b, 10) }

func dottedBench(b *testing.B, per int) {
	p := generate.Shaped(5000, 1)
	for i, pos := range p.Positions {
		pos.DottedTo = nil
		for k := 0; k < per; k++ {
			pos.DottedTo = append(pos.DottedTo, p.Positions[(i*7919+k*104729)%len(p.Positions)].ID)
		}
	}
	p.Reindex()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		Compute(p, Options{})
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
