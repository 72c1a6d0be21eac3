package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/render"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

const exportHelp = `Draws a plan's org chart to a PNG image, an SVG document or a PDF: cards with
the title, the holder (or "Vacant"), the domain colour and finding badges, under
a header with the plan name, the date and the headcount; dotted-line (matrix)
relationships are dashed. Every format draws the same layout and look.

  PNG  sharp text at every scale; the pixel density (96 dpi times --scale) is
       written in the file, so slides place it at its size. Charts larger than
       image viewers open (32,767 pixels a side, 536 megapixels) are refused,
       never shrunk.
  SVG  text as text, fonts embedded; no size limit.
  PDF  text selectable and searchable, fonts embedded as subsets. One page the
       size of the chart, or with --page A4|A3|letter [--landscape] the chart
       tiled over numbered pages with crop and overlap marks for printing.
  CSV  -o FILE.csv writes the people CSV that import reads back.

The format comes from the output's extension, or from --format, which -o -
(standard output) needs.

Exit status: 0 when the file is written, 2 when the plan is invalid, the
options are wrong or the chart is too large.

`

// exportOptions are the parsed flags of the export command.
type exportOptions struct {
	out, subtree, theme, catalog string
	format, background, page     string
	view                         string // chart, or an analysis picture (spans, coverage)
	scale                        float64
	depth, fold                  int
	noFindings, landscape, force bool
}

// runExport loads a plan and writes its chart. The output kind is chosen in
// one switch so other outputs (views, CSV) can be added beside the charts.
func runExport(env *Env, args []string) int {
	fs := newFlagSet(env, "export", "export PLAN -o chart.png|chart.svg|chart.pdf|people.csv|- [--format png|svg|pdf|csv] [--scale N] [--subtree ID-or-title] [--depth N] [--theme light|dark] [--background transparent] [--page A4|A3|letter [--landscape]] [--no-findings] [--catalog FILE] [--catalog-dir DIR]")
	var o exportOptions
	fs.StringVar(&o.out, "o", "", "write to this `FILE` (.png, .svg, .pdf or .csv); - writes to standard output (give --format)")
	fs.StringVar(&o.format, "format", "", "output `format`: png, svg, pdf or csv (default: from the extension of -o)")
	floatVar(fs, &o.scale, "scale", 1, "size factor: PNG pixels per point (1 for screens, 2 for slides and print), SVG and PDF size (0.25 to 8)")
	fs.StringVar(&o.subtree, "subtree", "", "draw only the subtree under this position: its `id`, or a title, holder or role that names one position")
	fs.IntVar(&o.depth, "depth", 0, "draw this many `levels` below the top (0: all); cut managers show \"+N below\"")
	fs.IntVar(&o.fold, "fold", 0, "-1: classic rows only (every report under a bus, no columns or grids); 0 or any other `value`: the layout chooses per subtree")
	fs.StringVar(&o.theme, "theme", "light", "colour `theme`: light or dark")
	fs.StringVar(&o.background, "background", "page", "`page` (the theme's background colour) or transparent")
	fs.StringVar(&o.page, "page", "", "PDF only: tile the chart over pages of this `paper` size: A4, A3 or letter")
	fs.BoolVar(&o.landscape, "landscape", false, "PDF only, with --page: turn the paper sideways")
	fs.StringVar(&o.view, "view", "chart", "what to draw: chart, spans (span-of-control histogram, PNG) or coverage (coverage heatmap, PNG)")
	fs.BoolVar(&o.noFindings, "no-findings", false, "leave out the finding badges")
	fs.BoolVar(&o.force, "force", false, "replace the output file even when it is read-only")
	fs.StringVar(&o.catalog, "catalog", "", "extend or override the built-in catalog with this YAML `FILE`")
	dirs := catalogDirFlag(fs)
	rest, code, done := parseCommand(env, fs, exportHelp, args)
	if done {
		return code
	}
	if len(rest) != 1 || o.out == "" {
		fmt.Fprintln(env.Stderr, "orgplanner export: give one plan and an output file, for example: orgplanner export plan.yaml -o chart.png")
		return ExitInvalid
	}
	format, msg := o.resolveFormat()
	if msg == "" {
		msg = o.validate(format)
	}
	if msg != "" {
		fmt.Fprintln(env.Stderr, "orgplanner export: "+msg)
		return ExitInvalid
	}
	p, cat, code := loadPlan(env, rest[0], o.catalog, *dirs...)
	if code != ExitOK {
		return code
	}
	switch {
	case format == "csv":
		return exportPeople(env, p, cat, o)
	case o.view != "chart":
		return exportView(env, p, cat, o)
	}
	return exportChart(env, p, cat, format, o)
}

// resolveFormat is the output format: --format, else the extension of -o.
func (o exportOptions) resolveFormat() (string, string) {
	if o.format != "" {
		f := strings.ToLower(o.format)
		if f != "png" && f != "svg" && f != "pdf" && f != "csv" {
			return "", fmt.Sprintf("--format %q: use png, svg, pdf or csv", o.format)
		}
		return f, ""
	}
	if o.out == "-" {
		return "", "-o - writes to standard output: say what to write with --format png, svg, pdf or csv"
	}
	if f := render.FormatOf(filepath.Base(o.out)); f != "" {
		return f, ""
	}
	return "", fmt.Sprintf("cannot tell the format of %q: name the output FILE.png, .svg, .pdf or .csv, or give --format", o.out)
}

func (o exportOptions) validate(format string) string {
	switch {
	case !(o.scale >= 0.25 && o.scale <= 8): // also refuses NaN and infinities
		return fmt.Sprintf("--scale %g is out of range: use 1 for screens, 2 for slides (0.25 to 8)", o.scale)
	case o.depth < 0:
		return fmt.Sprintf("--depth %d: give 0 for every level or a positive number of levels", o.depth)
	case o.fold < -1:
		return fmt.Sprintf("--fold %d: give -1 for classic rows only, or 0 to let the layout choose", o.fold)
	case o.view != "chart" && o.view != "spans" && o.view != "coverage":
		return fmt.Sprintf("--view %q: use chart, spans or coverage", o.view)
	case o.view != "chart" && format != "png" && format != "csv":
		return fmt.Sprintf("--view %s draws a PNG picture: name the output FILE.png", o.view)
	case o.theme != "light" && o.theme != "dark":
		return fmt.Sprintf("--theme %q: use light or dark", o.theme)
	case o.background != "page" && o.background != "transparent":
		return fmt.Sprintf("--background %q: use page or transparent", o.background)
	case o.page != "" && format != "pdf":
		return fmt.Sprintf("--page %s tiles a PDF: name the output FILE.pdf or give --format pdf", o.page)
	case o.page != "" && !slices.ContainsFunc(render.PaperNames, func(n string) bool { return strings.EqualFold(n, o.page) }):
		return fmt.Sprintf("--page %q: use %s", o.page, strings.Join(render.PaperNames, ", "))
	case o.landscape && o.page == "":
		return "--landscape turns the paper of --page: give --page A4, A3 or letter too"
	}
	return ""
}

// outputName is how messages name the output.
func (o exportOptions) outputName() string {
	if o.out == "-" {
		return "standard output"
	}
	return o.out
}

// info is where "wrote ..." lines go: standard error when the file itself
// goes to standard output.
func (o exportOptions) info(env *Env) io.Writer {
	if o.out == "-" {
		return env.Stderr
	}
	return env.Stdout
}

// writeOutput writes an export to o.out atomically (through a symbolic link
// to its target, keeping the file's mode), or to standard output for "-";
// every write is checked.
func writeOutput(env *Env, o exportOptions, fill func(io.Writer) error) error {
	if o.out != "-" {
		return safefile.Write(o.out, safefile.Options{Force: o.force}, fill)
	}
	bw := bufio.NewWriterSize(env.Stdout, 1<<16)
	if err := fill(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing to standard output: %w", err)
	}
	return nil
}

// exportChart lays out and draws the chart in the format to o.out; a
// failed export never leaves half a file.
func exportChart(env *Env, p *orgchart.Plan, cat *catalog.Catalog, format string, o exportOptions) int {
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
	ropt := render.Options{Scale: float32(o.scale), Theme: o.theme, Date: time.Now().Format("2 January 2006"),
		Page: o.page, Landscape: o.landscape}
	if o.background == "transparent" {
		ropt.Background = "transparent"
	}
	if !o.noFindings {
		ropt.Findings = check.Run(p, cat)
	}
	var res render.Result
	err := writeOutput(env, o, func(f io.Writer) (err error) {
		res, err = render.Export(f, format, p, cat, l, ropt)
		return err
	})
	var tooLarge *render.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		fmt.Fprintf(env.Stderr, "orgplanner export: %v.\n", tooLarge)
		hint := "  Try --subtree ID-or-title (one department), --depth N (fewer levels)"
		if s, ok := smallerScale(p, cat, l, ropt, tooLarge); ok {
			hint += fmt.Sprintf(", --scale %g (smaller)", s)
		}
		fmt.Fprintf(env.Stderr, "%s, or -o chart.svg or chart.pdf (vector, no size limit).\n", hint)
		return ExitInvalid
	case err != nil:
		fmt.Fprintf(env.Stderr, "orgplanner export: %s: %v\n", o.outputName(), err)
		return ExitInvalid
	}
	for _, n := range res.Notes {
		fmt.Fprintf(env.Stderr, "orgplanner export: note: %s\n", n)
	}
	shown := orgchart.Thousands(len(l.Cards)) + " of " + orgchart.Count(len(p.Positions), "position", "positions")
	info := o.info(env)
	switch format {
	case "png":
		dpi := math.Round(96*o.scale*100) / 100 // 38.4, not 38.400000000000006
		fmt.Fprintf(info, "wrote %s: %.0f x %.0f pixels (%.1f x %.1f in at %g dpi), %s\n", o.outputName(), res.Width, res.Height, float64(res.Width)/dpi, float64(res.Height)/dpi, dpi, shown)
	case "svg":
		fmt.Fprintf(info, "wrote %s: %.0f x %.0f px, %s\n", o.outputName(), res.Width, res.Height, shown)
	case "pdf":
		if o.page == "" {
			fmt.Fprintf(info, "wrote %s: one page of %.1f x %.1f in, %s\n", o.outputName(), res.Width/72, res.Height/72, shown)
		} else {
			turn := "portrait"
			if o.landscape {
				turn = "landscape"
			}
			pages := "pages"
			if res.Pages == 1 {
				pages = "page"
			}
			fmt.Fprintf(info, "wrote %s: %d %s %s %s, %s\n", o.outputName(), res.Pages, o.page, turn, pages, shown)
		}
	}
	return ExitOK
}

// smallerScale suggests a scale at which the PNG would fit: sides grow
// with the scale and the pixel count with its square, rounded down to a
// quarter, then checked (text does not shrink exactly with the scale) and
// lowered until it fits. It reports false when no scale from 0.25 fits.
func smallerScale(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt render.Options, e *render.TooLargeError) (float64, bool) {
	w, h := float64(e.Width), float64(e.Height)
	f := min(float64(render.MaxSide)/max(w, h), math.Sqrt(float64(render.MaxPixels)/(w*h)))
	for s := math.Floor(float64(e.Scale)*f*4) / 4; s >= 0.25; s -= 0.25 {
		opt.Scale = float32(s)
		if w, h, err := render.Size(p, cat, l, opt); err == nil && w <= render.MaxSide && h <= render.MaxSide && w*h <= render.MaxPixels {
			return s, true
		}
	}
	return 0, false
}
