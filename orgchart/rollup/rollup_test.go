package rollup

import (
	"fmt"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

func plan(ps ...*orgchart.Position) *orgchart.Plan {
	return &orgchart.Plan{Version: 1, Name: "t", Positions: ps}
}

func TestComputeTotalsBelowEveryManager(t *testing.T) {
	p := plan(
		&orgchart.Position{ID: "cto", Role: "chief-technology-officer", Holder: "Ada", Cost: 300000},
		&orgchart.Position{ID: "vp", Role: "vp-of-engineering", ReportsTo: "cto", Cost: 250000}, // vacant
		&orgchart.Position{ID: "em", Role: "software-engineering-manager", ReportsTo: "vp", Holder: "Bo", Cost: 180000},
		&orgchart.Position{ID: "team", Role: "software-engineer", ReportsTo: "em", Count: 6, Cost: 150000},
		&orgchart.Position{ID: "open", Role: "software-engineer", ReportsTo: "em", Cost: 150000},        // vacant
		&orgchart.Position{ID: "sre", Role: "site-reliability-engineer", ReportsTo: "em", Holder: "Cy"}, // no cost
		// A team without a named holder is planned headcount, not a vacancy.
		&orgchart.Position{ID: "ciso", Role: "chief-information-security-officer", ReportsTo: "cto", Holder: "Di", Cost: 280000},
	)
	r := Compute(p)

	want := map[string]Totals{
		"em":   {Positions: 3, Headcount: 8, Vacancies: 1, Cost: 1050000, Unpriced: 1},
		"vp":   {Positions: 4, Headcount: 9, Vacancies: 1, Cost: 1230000, Unpriced: 1},
		"cto":  {Positions: 6, Headcount: 11, Vacancies: 2, Cost: 1760000, Unpriced: 1},
		"team": {},
		"ciso": {},
		"nope": {},
	}
	for id, w := range want {
		if got := r.Below(id); got != w {
			t.Errorf("Below(%q) = %+v, want %+v", id, got, w)
		}
	}
	if got, w := r.Plan(), (Totals{Positions: 7, Headcount: 12, Vacancies: 2, Cost: 2060000, Unpriced: 1}); got != w {
		t.Errorf("Plan() = %+v, want %+v", got, w)
	}
	if got, w := r.Including(p.Position("em")), (Totals{Positions: 4, Headcount: 9, Vacancies: 1, Cost: 1230000, Unpriced: 1}); got != w {
		t.Errorf("Including(em) = %+v, want %+v", got, w)
	}
}

func TestComputeSeveralTopsAndOrphans(t *testing.T) {
	// A manager id that does not exist makes the position a top (as the index does).
	p := plan(
		&orgchart.Position{ID: "a", Holder: "A"},
		&orgchart.Position{ID: "b", ReportsTo: "a"},
		&orgchart.Position{ID: "c", ReportsTo: "missing", Holder: "C", Count: 3},
		&orgchart.Position{ID: "d", ReportsTo: "c", Holder: "D"},
	)
	r := Compute(p)
	if got := r.Below("a").Headcount; got != 1 {
		t.Errorf("a headcount below = %d, want 1", got)
	}
	if got := r.Below("c").Headcount; got != 1 {
		t.Errorf("c headcount below = %d, want 1", got)
	}
	if got := r.Plan().Headcount; got != 6 {
		t.Errorf("plan headcount = %d, want 6", got)
	}
}

func TestComputeDeepChainIsLinear(t *testing.T) {
	// A 100,000-deep chain: no recursion, and the totals right at every level.
	const n = 100000
	ps := make([]*orgchart.Position, n)
	for i := range ps {
		ps[i] = &orgchart.Position{ID: fmt.Sprint(i), Holder: "x", Cost: 1}
		if i > 0 {
			ps[i].ReportsTo = fmt.Sprint(i - 1)
		}
	}
	r := Compute(plan(ps...))
	for _, i := range []int{0, 1, n / 2, n - 2, n - 1} {
		if got, w := r.Below(fmt.Sprint(i)).Headcount, n-1-i; got != w {
			t.Errorf("Below(%d).Headcount = %d, want %d", i, got, w)
		}
	}
}

func BenchmarkCompute100k(b *testing.B) {
	const n = 100000
	ps := make([]*orgchart.Position, n)
	for i := range ps {
		ps[i] = &orgchart.Position{ID: fmt.Sprint(i), Cost: 100}
		if i > 0 {
			ps[i].ReportsTo = fmt.Sprint((i - 1) / 7)
		}
	}
	p := plan(ps...)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compute(p)
	}
}

func TestSpanCountsTeamsAndLeavesOutExcludedRoles(t *testing.T) {
	p := plan(
		&orgchart.Position{ID: "m"},
		&orgchart.Position{ID: "a", ReportsTo: "m", Count: 5},
		&orgchart.Position{ID: "b", ReportsTo: "m"},
		&orgchart.Position{ID: "cos", Role: "chief-of-staff", ReportsTo: "m", Holder: "C"},
	)
	if got := Span(p, "m"); got != 6 {
		t.Errorf("Span = %d, want 6 (team of 5, one vacancy, chief of staff left out)", got)
	}
	p.Policy.SpanExclude = []string{}
	if got := Span(p, "m"); got != 7 {
		t.Errorf("Span with no exclusions = %d, want 7", got)
	}
	for span, band := range map[int]string{0: "0", 1: "1", 3: "2-3", 4: "4-7", 12: "8-12", 13: "13+"} {
		if Band(span) != band {
			t.Errorf("Band(%d) = %s, want %s", span, Band(span), band)
		}
	}
}

func BenchmarkCompute10kGenerated(b *testing.B) {
	p := generate.Generate(10000, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compute(p)
	}
}
