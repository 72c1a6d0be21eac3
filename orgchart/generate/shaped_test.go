package generate_test

import (
	"bytes"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// shapeStats measures a plan the way the real organisation was measured.
type shapeStats struct {
	layers, managers, leadICs, over9 int
	spans                            map[int]int
}

func measure(p *orgchart.Plan) shapeStats {
	s := shapeStats{spans: map[int]int{}}
	p.Walk(func(pos *orgchart.Position, depth int) bool {
		s.layers = max(s.layers, depth+1)
		rs := p.Reports(pos.ID)
		if len(rs) == 0 {
			return true
		}
		s.managers++
		s.spans[len(rs)]++
		if len(rs) > 9 {
			s.over9++
		}
		ics := true
		for _, r := range rs {
			ics = ics && len(p.Reports(r.ID)) == 0
		}
		if ics {
			s.leadICs++
		}
		return true
	})
	return s
}

func TestShapedIsDeterministicAndExact(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 9, 40, 400, generate.RealSize} {
		a, b := generate.Shaped(n, 5), generate.Shaped(n, 5)
		if len(a.Positions) != n {
			t.Errorf("n=%d: %d positions", n, len(a.Positions))
		}
		if !bytes.Equal(a.Encode(), b.Encode()) {
			t.Errorf("n=%d: two runs with one seed differ", n)
		}
	}
	if bytes.Equal(generate.Shaped(500, 1).Encode(), generate.Shaped(500, 2).Encode()) {
		t.Errorf("different seeds give the same plan")
	}
}

// TestShapedMatchesTheRealOrganisation: ten layers, about a third of
// positions managers, about 70% of them leading only individual
// contributors, spans 1-9 with most managers leading one or two, one top,
// roles that agree with the catalog, and a plan Read accepts.
func TestShapedMatchesTheRealOrganisation(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{generate.RealSize, 10_000, 100_000} {
		for seed := int64(1); seed <= 3; seed++ {
			if n == 100_000 && seed > 1 {
				continue
			}
			p := generate.Shaped(n, seed)
			if n < 20_000 {
				if _, _, err := orgchart.Read(p.Encode(), "shaped.yaml", cat); err != nil {
					t.Fatalf("n=%d: %v", n, err)
				}
			}
			if tops := p.Tops(); len(tops) != 1 {
				t.Fatalf("n=%d: %d tops", n, len(tops))
			}
			s := measure(p)
			t.Logf("n=%d seed=%d: %d layers, %d managers (%d lead only ICs), spans %v", n, seed, s.layers, s.managers, s.leadICs, s.spans)
			if s.layers != generate.RealLayers {
				t.Errorf("n=%d seed %d: %d layers, want 10", n, seed, s.layers)
			}
			if f := float64(s.managers) / float64(n); f < 0.28 || f > 0.37 {
				t.Errorf("n=%d: %.2f of positions are managers, want about 0.32", n, f)
			}
			if f := float64(s.leadICs) / float64(s.managers); f < 0.6 || f > 0.8 {
				t.Errorf("n=%d: %.2f of managers lead only ICs, want about 0.70", n, f)
			}
			if f := float64(s.spans[1]+s.spans[2]) / float64(s.managers); f < 0.45 {
				t.Errorf("n=%d: %.2f of managers lead one or two, want about 0.61", n, f)
			}
			if s.spans[9] == 0 || s.over9 > s.managers/100 {
				t.Errorf("n=%d: %d spans of 9, %d over 9", n, s.spans[9], s.over9)
			}
			p.Walk(func(pos *orgchart.Position, depth int) bool {
				role := cat.Role(pos.Role)
				if role == nil {
					t.Fatalf("role %s not in the catalog", pos.Role)
				}
				if span := len(p.Reports(pos.ID)); role.Individual != (span == 0) {
					t.Fatalf("n=%d: %s (%s) has %d reports", n, pos.ID, pos.Role, span)
				}
				return true
			})
		}
	}
}
