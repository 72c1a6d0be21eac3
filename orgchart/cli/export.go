package cli

import (
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/render"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

const exportHelp = `Draws a plan's org chart to a PNG image: cards with the title, the holder (or
"Vacant"), the domain colour and finding badges, under a header with the plan
name, the date and the headcount. Text is drawn sharp at every scale. Charts
that would be larger than 32,767 pixels a side or 250 megapixels are refused,
never shrunk: export a subtree, fewer levels or a smaller scale instead.

Exit status: 0 when the image is written, 2 when the plan is invalid, the
options are wrong or the chart is too large.

`

// exportOptions are the parsed flags of the export command.
type exportOptions struct {
	out, subtree, theme, catalog string
	view                         string // chart, or an analysis picture (spans, coverage)
	scale                        float64
	depth, fold                  int
	noFindings                   bool
}

// runExport loads a plan and writes its chart. The output kind is chosen in
// one switch so other outputs (views, CSV) can be added beside the PNG.
func runExport(env *Env, args []string) int {
	fs := newFlagSet(env, "export", "export PLAN -o chart.png [--scale N] [--subtree ID-or-title] [--depth N] [--theme light|dark] [--no-findings] [--catalog FILE]")
	var o exportOptions
	fs.StringVar(&o.out, "o", "", "write the chart to this `FILE` (.png)")
	fs.Float64Var(&o.scale, "scale", 1, "pixels per point: 1 for screens, 2 for slides and print (0.25 to 8)")
	fs.StringVar(&o.subtree, "subtree", "", "draw only the subtree under this position: its `id`, or a title, holder or role that names one position")
	fs.IntVar(&o.depth, "depth", 0, "draw this many `levels` below the top (0: all); cut managers show \"+N below\"")
	fs.IntVar(&o.fold, "fold", 0, "list managers at this `depth` and below as indented columns (0: chosen to fit a 16:9 slide, -1: never)")
	fs.StringVar(&o.theme, "theme", "light", "colour `theme`: light or dark")
	fs.StringVar(&o.view, "view", "chart", "what to draw: chart, spans (span-of-control histogram) or coverage (coverage heatmap); FILE.csv writes a people CSV instead")
	fs.BoolVar(&o.noFindings, "no-findings", false, "leave out the finding badges")
	fs.StringVar(&o.catalog, "catalog", "", "extend or override the built-in catalog with this YAML `FILE`")
	rest, code, done := parseCommand(env, fs, exportHelp, args)
	if done {
		return code
	}
	if len(rest) != 1 || o.out == "" {
		fmt.Fprintln(env.Stderr, "orgplanner export: give one plan and an output file, for example: orgplanner export plan.yaml -o chart.png")
		return ExitInvalid
	}
	if msg := o.validate(); msg != "" {
		fmt.Fprintln(env.Stderr, "orgplanner export: "+msg)
		return ExitInvalid
	}
	p, cat, code := loadPlan(env, rest[0], o.catalog)
	if code != ExitOK {
		return code
	}
	switch ext := strings.ToLower(filepath.Ext(o.out)); ext {
	case ".png":
		if o.view != "chart" {
			return exportView(env, p, cat, o.view, o.out, o.scale, o.theme == "dark")
		}
		return exportChart(env, p, cat, o)
	case ".csv":
		return exportPeople(env, p, cat, o.out)
	default:
		fmt.Fprintf(env.Stderr, "orgplanner export: cannot write %q: name the output FILE.png\n", o.out)
		return ExitInvalid
	}
}

func (o exportOptions) validate() string {
	switch {
	case o.scale < 0.25 || o.scale > 8:
		return fmt.Sprintf("--scale %g is out of range: use 1 for screens, 2 for slides (0.25 to 8)", o.scale)
	case o.depth < 0:
		return fmt.Sprintf("--depth %d: give 0 for every level or a positive number of levels", o.depth)
	case o.fold < -1:
		return fmt.Sprintf("--fold %d: give a depth, 0 to choose automatically or -1 to never fold", o.fold)
	case o.view != "chart" && o.view != "spans" && o.view != "coverage":
		return fmt.Sprintf("--view %q: use chart, spans or coverage", o.view)
	case o.theme != "light" && o.theme != "dark":
		return fmt.Sprintf("--theme %q: use light or dark", o.theme)
	}
	return ""
}

// exportChart lays out and draws the chart to o.out, through a temporary
// file so a failed export never leaves half an image.
func exportChart(env *Env, p *orgchart.Plan, cat *catalog.Catalog, o exportOptions) int {
	root := ""
	if o.subtree != "" {
		id, msg := findSubtree(p, cat, o.subtree)
		if msg != "" {
			fmt.Fprint(env.Stderr, msg)
			return ExitInvalid
		}
		root = id
	}
	l := layout.Compute(p, layout.Options{Root: root, Depth: o.depth, Fold: o.fold})
	ropt := render.Options{Scale: float32(o.scale), Theme: o.theme, Date: time.Now().Format("2 January 2006")}
	if !o.noFindings {
		ropt.Findings = check.Run(p, cat)
	}
	var w, h int
	err := safefile.Write(o.out, safefile.Options{}, func(f io.Writer) (err error) {
		w, h, err = render.Write(f, p, cat, l, ropt)
		return err
	})
	var tooLarge *render.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		fmt.Fprintf(env.Stderr, "orgplanner export: %v.\n", err)
		fmt.Fprintf(env.Stderr, "  Try --subtree ID-or-title (one department), --depth N (fewer levels) or --scale %g (smaller).\n", smallerScale(o.scale, tooLarge))
		return ExitInvalid
	case err != nil:
		fmt.Fprintf(env.Stderr, "orgplanner export: %s: %v\n", o.out, err)
		return ExitInvalid
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %d x %d pixels, %d of %d positions\n", o.out, w, h, len(l.Cards), len(p.Positions))
	return ExitOK
}

// smallerScale suggests a scale at which the chart would fit: sides grow
// with the scale and the pixel count with its square. Rounded down to a quarter.
func smallerScale(scale float64, e *render.TooLargeError) float64 {
	w, h := float64(e.Width), float64(e.Height)
	f := min(float64(render.MaxSide)/max(w, h), math.Sqrt(float64(render.MaxPixels)/(w*h)))
	return max(math.Floor(scale*f*4)/4, 0.25)
}
