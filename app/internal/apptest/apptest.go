// Package apptest holds what the app's test files share: a small plan and
// the built-in catalog.
package apptest

import (
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// Plan is a small organisation: a CTO over a VP of engineering who leads
// one engineering manager (a single-report layer the checks flag) with a team.
func Plan() *orgchart.Plan {
	p := orgchart.NewPlan("Test org")
	p.Positions = []*orgchart.Position{
		{ID: "cto", Role: "chief-technology-officer", Holder: "Ada Lovelace"},
		{ID: "vpe", Role: "vp-of-engineering", ReportsTo: "cto"},
		{ID: "em", Role: "software-engineering-manager", ReportsTo: "vpe", Holder: "Grace Hopper"},
		{ID: "se", Role: "software-engineer", ReportsTo: "em", Count: 4},
		{ID: "qa", Role: "qa-engineer", ReportsTo: "em"},
		{ID: "ciso", Role: "chief-information-security-officer", ReportsTo: "cto"},
	}
	p.Reindex()
	return p
}

// Catalog is the built-in catalog.
func Catalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Default()
	if err != nil {
		t.Fatalf("catalog.Default: %v", err)
	}
	return cat
}
