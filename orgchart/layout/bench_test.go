package layout

import "testing"

func BenchmarkCompute100k(b *testing.B) {
	p := randomPlan(100_000, 1)
	p.Reports("") // build the plan's index outside the timing
	b.ResetTimer()
	for b.Loop() {
		Compute(p, Options{})
	}
}

func BenchmarkVisible(b *testing.B) {
	l := Compute(randomPlan(100_000, 1), Options{})
	l.Index("")
	b.ResetTimer()
	n := 0
	for b.Loop() {
		l.Visible(l.Width/2, l.Height/2, l.Width/2+1920, l.Height/2+1080, func(int) { n++ })
	}
}
