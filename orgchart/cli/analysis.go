package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/analysis"
	"github.com/orgplanner/orgplanner/orgchart/people"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// exportView writes an analysis picture for export --view spans|coverage,
// atomically like the chart.
func exportView(env *Env, p *orgchart.Plan, cat *catalog.Catalog, view, out string, scale float64, dark bool) int {
	opt := analysis.Options{Scale: float32(scale), Dark: dark, Date: time.Now().Format("2 January 2006")}
	if err := safefile.Write(out, safefile.Options{}, func(f io.Writer) error { return analysis.ViewPNG(f, view, p, cat, opt) }); err != nil {
		fmt.Fprintf(env.Stderr, "orgplanner export: %s: %v\n", out, err)
		return ExitInvalid
	}
	fmt.Fprintf(env.Stdout, "wrote %s: the %s picture of %d positions\n", out, view, len(p.Positions))
	return ExitOK
}

// exportPeople writes the plan as a people CSV for export -o FILE.csv; the
// import command reads it back to the same plan.
func exportPeople(env *Env, p *orgchart.Plan, cat *catalog.Catalog, out string) int {
	if err := safefile.Write(out, safefile.Options{}, func(f io.Writer) error { return people.Export(f, p, cat) }); err != nil {
		fmt.Fprintf(env.Stderr, "orgplanner export: %s: %v\n", out, err)
		return ExitInvalid
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %d people rows\n", out, len(p.Positions))
	return ExitOK
}
