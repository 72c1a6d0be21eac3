package analysis

import (
	"fmt"
	"io"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// Views lists the pictures ViewPNG draws, as export --view names them.
func Views() []string { return []string{"spans", "coverage"} }

// ViewPNG draws the named picture ("spans" or "coverage") of the plan.
func ViewPNG(w io.Writer, view string, p *orgchart.Plan, cat *catalog.Catalog, opt Options) error {
	switch view {
	case "spans":
		return SpansPNG(w, p, cat, opt)
	case "coverage":
		return CoveragePNG(w, p, cat, opt)
	}
	return fmt.Errorf("no view %q: choose chart, %s", view, strings.Join(Views(), " or "))
}
