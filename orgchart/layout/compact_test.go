package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/people"
	"github.com/orgplanner/orgplanner/orgchart/samples"
)

// packedArea is the area the cards would need perfectly packed with their
// minimum gaps: each card with one horizontal and one vertical gap.
func packedArea(l *Layout) float64 {
	a := 0.0
	for _, c := range l.Cards {
		a += float64(c.W+HGap) * float64(c.H+VGap)
	}
	return a
}

// compactness is the chart's area over packedArea, and its aspect (the
// longer side over the shorter).
func compactness(l *Layout) (ratio, aspect float64) {
	ratio = float64(l.Width) * float64(l.Height) / packedArea(l)
	aspect = float64(l.Width) / float64(l.Height)
	if aspect < 1 {
		aspect = 1 / aspect
	}
	return ratio, aspect
}

// workdayRetail is the 1,500-person Workday export fixture (a retailer's
// shape, written from Workday's real header row by the import engineer)
// imported as a user would.
func workdayRetail(t testing.TB) *orgchart.Plan { return importedPeople(t, "workday-retail-1500.csv") }

// importedPeople is the people CSV fixture of testdata/people with that
// name, imported as a user would.
func importedPeople(t testing.TB, name string) *orgchart.Plan {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "testdata", "people", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, _, err := people.Import(f, path, cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func enterprisePlan(t testing.TB) *orgchart.Plan {
	p, err := samples.Build("enterprise")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRealOrganisationsPackCompactly: at normal card size, the enterprise
// sample, the imported Workday export, the spans-4-8 generator and the
// real-shaped organisation (ten layers, most managers leading one or two)
// over ten seeds fill at least two thirds of their picture (area at most
// 1.5 times the cards packed with their gaps, the target; seeds
// 1-10 measured 1.41-1.49, see docs/performance.md); the real-shaped
// 10,000 at most 1.6; all within 4:1.
func TestRealOrganisationsPackCompactly(t *testing.T) {
	type tc struct {
		name  string
		p     *orgchart.Plan
		ratio float64
	}
	cases := []tc{
		{"enterprise", enterprisePlan(t), 1.5},
		{"workday-retail-1500", workdayRetail(t), 1.5},
		{"generated-1516", generate.Generate(1516, 1), 1.5},
		{"shaped-10k", generate.Shaped(10_000, 1), 1.6},
	}
	for seed := int64(1); seed <= 10; seed++ {
		cases = append(cases, tc{fmt.Sprintf("shaped-1516-%d", seed), generate.Shaped(generate.RealSize, seed), 1.5})
	}
	for _, c := range cases {
		l := Compute(c.p, Options{})
		ratio, aspect := compactness(l)
		t.Logf("%s: %d cards, %.0f x %.0f, area %.2fx packed, aspect %.2f:1", c.name, len(l.Cards), l.Width, l.Height, ratio, aspect)
		if ratio > c.ratio {
			t.Errorf("%s: area %.2f times the packed cards, want at most %.1f", c.name, ratio, c.ratio)
		}
		if aspect > 4 {
			t.Errorf("%s: aspect %.2f:1, want within 4:1", c.name, aspect)
		}
		for _, k := range l.Cards {
			if k.W != CardW || k.H != CardH {
				t.Fatalf("%s: card %s is %vx%v, not the normal size", c.name, k.Position.ID, k.W, k.H)
			}
		}
	}
}

// TestRealOrganisationsKeepInvariants checks every layout rule on the
// real-shaped organisation and the enterprise sample, and that the layout
// is the same every time.
func TestRealOrganisationsKeepInvariants(t *testing.T) {
	for _, p := range []*orgchart.Plan{generate.Shaped(generate.RealSize, 1), generate.Shaped(generate.RealSize, 2), enterprisePlan(t)} {
		l := Compute(p, Options{})
		if len(l.Cards) != len(p.Positions) {
			t.Fatalf("%d cards for %d positions", len(l.Cards), len(p.Positions))
		}
		checkInvariants(t, p, l)
		again := Compute(p, Options{})
		for i := range l.Cards {
			if l.Cards[i] != again.Cards[i] {
				t.Fatalf("card %d differs between two layouts", i)
			}
		}
	}
}

// BenchmarkComputeShaped1516 is the layout of the real-shaped 1,516-person
// organisation: a chart small enough to try every search tuning.
func BenchmarkComputeShaped1516(b *testing.B) {
	p := generate.Shaped(generate.RealSize, 4)
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		Compute(p, Options{})
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
