package layout

import (
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// BenchmarkCompute100k lays out the generated 100,000-position organisation
// (automatic folds included); the target is under 100 ms.
func BenchmarkCompute100k(b *testing.B) {
	p := generate.Generate(100_000, 1)
	p.Reports("") // build the plan's index outside the timing
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
	p.Reports("")
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
