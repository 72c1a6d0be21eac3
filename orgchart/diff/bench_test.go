package diff

import (
	"fmt"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// BenchmarkCompare10k compares a generated 10,000-position plan with a copy in
// which 1% of positions moved, 1% changed holder, 0.5% were removed and
// 0.5% added, with the default catalog (the checks run on both plans).
func BenchmarkCompare10k(b *testing.B) {
	cat, err := catalog.Default()
	if err != nil {
		b.Fatal(err)
	}
	before := generate.Generate(10000, 1)
	after := generate.Generate(10000, 1)
	ps := after.Positions
	for i := 100; i < 200; i++ {
		ps[i].Holder = fmt.Sprint("New person ", i)
	}
	var managers []string
	for _, p := range ps {
		if len(after.Reports(p.ID)) > 0 {
			managers = append(managers, p.ID)
		}
	}
	for i := 0; i < 100; i++ {
		p := ps[len(ps)-1-i*7]
		if len(after.Reports(p.ID)) == 0 {
			p.ReportsTo = managers[i%len(managers)]
		}
	}
	kept := ps[:0]
	for i, p := range ps {
		if i%200 == 199 && len(after.Reports(p.ID)) == 0 {
			continue
		}
		kept = append(kept, p)
	}
	for i := 0; i < 50; i++ {
		kept = append(kept, &orgchart.Position{ID: fmt.Sprint("added-", i), Role: "software-engineer", ReportsTo: managers[i]})
	}
	after.Positions = kept
	after.Reindex()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := Compare(before, after, cat)
		if len(d.Added) != 50 {
			b.Fatalf("%d added", len(d.Added))
		}
	}
}
