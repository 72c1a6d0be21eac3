package state

import (
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// BenchmarkEditParts10000 splits an edit's cost: the checks and the layout alone.
func BenchmarkEditParts10000(b *testing.B) {
	p := generate.Generate(10000, 1)
	cat := apptest.Catalog(b)
	b.Run("check", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			check.Run(p, cat)
		}
	})
	b.Run("layout-expanded", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			layout.Compute(p, layout.Options{})
		}
	})
	b.Run("layout-overview", func(b *testing.B) {
		collapsed := overview(p)
		for i := 0; i < b.N; i++ {
			layout.Compute(p, layout.Options{Collapsed: collapsed})
		}
	})
}
