package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/analysis"
	"github.com/orgplanner/orgplanner/orgchart/look"
	"github.com/orgplanner/orgplanner/orgchart/people"
)

// exportView writes an analysis picture for export --view spans|coverage,
// atomically like the chart.
func exportView(env *Env, p *orgchart.Plan, cat *catalog.Catalog, o exportOptions) int {
	opt := analysis.Options{Scale: float32(o.scale), Dark: o.theme == "dark", Date: time.Now().Format("2 January 2006"), Shaper: look.NewShaper()}
	if err := writeOutput(env, o, func(f io.Writer) error { return analysis.ViewPNG(f, o.view, p, cat, opt) }); err != nil {
		fmt.Fprintf(env.Stderr, "orgplanner export: %s: %v\n", o.outputName(), err)
		return ExitInvalid
	}
	if note := opt.Shaper.MissingNote(); note != "" {
		fmt.Fprintf(env.Stderr, "orgplanner export: note: %s\n", note)
	}
	fmt.Fprintf(o.info(env), "wrote %s: the %s picture of %d positions\n", o.outputName(), o.view, len(p.Positions))
	return ExitOK
}

// exportPeople writes the plan as a people CSV for export -o FILE.csv; the
// import command reads it back to the same plan.
func exportPeople(env *Env, p *orgchart.Plan, cat *catalog.Catalog, o exportOptions) int {
	if err := writeOutput(env, o, func(f io.Writer) error { return people.Export(f, p, cat) }); err != nil {
		fmt.Fprintf(env.Stderr, "orgplanner export: %s: %v\n", o.outputName(), err)
		return ExitInvalid
	}
	fmt.Fprintf(o.info(env), "wrote %s: %d people rows\n", o.outputName(), len(p.Positions))
	return ExitOK
}
