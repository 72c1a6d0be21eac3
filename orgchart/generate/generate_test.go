package generate_test

import (
	"bytes"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

func TestGenerateIsDeterministicAndExact(t *testing.T) {
	for _, n := range []int{0, 1, 2, 9, 40, 400, 3000} {
		a, b := generate.Generate(n, 5), generate.Generate(n, 5)
		if len(a.Positions) != n {
			t.Errorf("n=%d: %d positions", n, len(a.Positions))
		}
		if !bytes.Equal(a.Encode(), b.Encode()) {
			t.Errorf("n=%d: two runs with one seed differ", n)
		}
	}
	if bytes.Equal(generate.Generate(100, 1).Encode(), generate.Generate(100, 2).Encode()) {
		t.Errorf("different seeds give the same plan")
	}
}

// TestGenerateIsRealistic: one executive top, spans 1-9 with most 4-8, five
// to seven layers for large plans, ICs only under managers, a few vacancies,
// teams and dotted lines, every role in the catalog, and a plan Read accepts.
func TestGenerateIsRealistic(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range generate.Roles() {
		if cat.Role(id) == nil {
			t.Errorf("role %s is not in the catalog", id)
		}
	}
	for _, n := range []int{10_000, 100_000} {
		p := generate.Generate(n, 1)
		if _, _, err := orgchart.Read(p.Encode(), "gen.yaml", cat); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		tops := p.Tops()
		if len(tops) != 1 || tops[0].Role != generate.TopRole {
			t.Fatalf("n=%d: tops %d", n, len(tops))
		}
		maxDepth, vacant, teams, dotted, managers, typical := 0, 0, 0, 0, 0, 0
		p.Walk(func(pos *orgchart.Position, depth int) bool {
			maxDepth = max(maxDepth, depth)
			if pos.Vacant() && pos.Count == 0 { // a count of 1 is no vacancy the generator makes
				vacant++
			}
			if pos.Count > 1 {
				teams++
			}
			dotted += len(pos.DottedTo)
			role := cat.Role(pos.Role)
			span := len(p.Reports(pos.ID))
			if role.Individual != (span == 0) {
				t.Fatalf("n=%d: %s (%s) has %d reports", n, pos.ID, pos.Role, span)
			}
			if span > 0 {
				managers++
				if span > 9 {
					t.Errorf("n=%d: span %d", n, span)
				}
				if span >= 4 && span <= 8 {
					typical++
				}
			}
			return true
		})
		if layers := maxDepth + 1; layers < 5 || layers > 7 {
			t.Errorf("n=%d: %d layers", n, layers)
		}
		if frac := float64(typical) / float64(managers); frac < 0.7 {
			t.Errorf("n=%d: only %.0f%% of spans are 4-8", n, 100*frac)
		}
		if frac := float64(vacant) / float64(n); frac < 0.03 || frac > 0.08 {
			t.Errorf("n=%d: %.1f%% vacancies", n, 100*frac)
		}
		if teams == 0 || dotted == 0 {
			t.Errorf("n=%d: %d teams, %d dotted lines", n, teams, dotted)
		}
	}
}
