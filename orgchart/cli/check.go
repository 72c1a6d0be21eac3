package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

const checkHelp = `Validates a plan and reports what an org-design reviewer would flag: spans of
control, layers, reporting lines and responsibility coverage (docs/checks.md
lists every rule). Findings are grouped by severity, most severe first, and
followed by a summary of the plan's shape.

Exit status: 0 when no finding is an error, 1 when one or more are, 2 when the
plan (or catalog) is invalid or the command is used wrongly; invalid input is
printed as FILE:LINE: message, one problem a line (with --json, as
{"problems": [...]} on standard output). PLAN may be - for standard input.

`

// runCheck loads a plan, runs the checks and prints the report.
func runCheck(env *Env, args []string) int {
	fs := newFlagSet(env, "check", "check PLAN [--json] [--min-severity info|warning|error] [--catalog FILE] [--catalog-dir DIR]")
	asJSON := fs.Bool("json", false, "print the findings and summary as JSON")
	minSev := fs.String("min-severity", "info", "leave out findings below this `severity` (info, warning, error); the exit status still counts every error")
	catFile := fs.String("catalog", "", "extend or override the built-in catalog with this YAML `FILE`")
	dirs := catalogDirFlag(fs)
	rest, code, done := parseCommand(env, fs, checkHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "check", *asJSON)
	if len(rest) != 1 {
		return o.Usage("give exactly one plan file, for example: orgplanner check plan.yaml (- reads standard input)")
	}
	floor, err := check.ParseSeverity(*minSev)
	if err != nil {
		return o.Usage("--min-severity: %v", err)
	}
	p, cat, err := readPlan(env, rest[0], *catFile, *dirs...)
	if err != nil {
		return o.Problems(err)
	}
	report := check.Run(p, cat)
	shown := make([]check.Finding, 0, len(report.Findings))
	for _, f := range report.Findings {
		if f.Severity >= floor {
			shown = append(shown, f)
		}
	}
	code = ExitOK
	if top, any := report.Max(); any && top == check.Error {
		code = ExitFindings
	}
	if *asJSON {
		return o.JSON(struct {
			Findings []check.Finding `json:"findings"`
			Summary  check.Summary   `json:"summary"`
		}{shown, report.Summary}, code)
	}
	writeCheckText(o.Text(), p, shown, report)
	return o.Done(code)
}

// writeCheckText prints the findings grouped by severity, then the summary.
func writeCheckText(w io.Writer, p *orgchart.Plan, shown []check.Finding, r *check.Report) error {
	var b strings.Builder
	name := p.Name
	if name == "" {
		name = "Plan"
	}
	var n [3]int
	for _, f := range r.Findings {
		n[f.Severity]++
	}
	fmt.Fprintf(&b, "%s: %s, %s, %s\n", name, count(n[check.Error], "error"), count(n[check.Warning], "warning"), count(n[check.Info], "info"))
	heads := map[check.Severity]string{check.Error: "Errors", check.Warning: "Warnings", check.Info: "Info"}
	for k, f := range shown {
		if k == 0 || shown[k-1].Severity != f.Severity {
			fmt.Fprintf(&b, "\n%s\n", heads[f.Severity])
		}
		fmt.Fprintf(&b, "  [%s] %s\n", f.Rule, f.Message)
		if f.Suggestion != "" {
			fmt.Fprintf(&b, "      → %s\n", f.Suggestion)
		}
	}
	b.WriteString("\nSummary\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return writeSummaryTable(w, r.Summary)
}

func writeSummaryTable(w io.Writer, s check.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) { fmt.Fprintf(tw, "  %s\t%s\n", k, v) }
	row("Positions", strconv.Itoa(s.Positions))
	row("Headcount", strconv.Itoa(s.Headcount))
	row("Vacancies", strconv.Itoa(s.Vacancies))
	row("Managers", strconv.Itoa(s.Managers))
	row("Layers", strconv.Itoa(s.Layers))
	row("Span mean", strconv.FormatFloat(s.SpanMean, 'f', -1, 64))
	row("Span median", strconv.FormatFloat(s.SpanMedian, 'f', -1, 64))
	b := s.SpanBands
	row("Span bands", fmt.Sprintf("1: %d  2-3: %d  4-7: %d  8-12: %d  13+: %d", b.One, b.TwoThree, b.FourSeven, b.EightTwelve, b.ThirteenUp))
	row("ICs/manager", strconv.FormatFloat(s.ICsPerManager, 'f', -1, 64))
	if s.Cost != nil {
		row("Cost", groupDigits(strconv.FormatFloat(*s.Cost, 'f', 0, 64))+" a year")
	}
	if s.ManagementCostShare != nil {
		row("Mgmt cost", strconv.FormatFloat(*s.ManagementCostShare*100, 'f', 0, 64)+"% of the cost is in manager positions")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := writeLayerTable(w, s.ByLayer); err != nil {
		return err
	}
	if len(s.Coverage) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\nCoverage")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  Domain\tRequired\tOwned\tGaps\tOverlaps")
	for _, d := range catalog.Domains {
		c, ok := s.Coverage[d]
		if !ok {
			continue
		}
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\n", d, c.Required, c.Owned, c.Gaps, c.Overlaps)
	}
	return tw.Flush()
}

// writeLayerTable prints the summary's byLayer figures, one row a layer.
func writeLayerTable(w io.Writer, layers []check.LayerSummary) error {
	if len(layers) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\nBy layer")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  Layer\tPositions\tHeadcount\tManagers\tSpan mean\tCost\t")
	for _, l := range layers {
		cost := "-"
		if l.Cost != nil {
			cost = groupDigits(strconv.FormatFloat(*l.Cost, 'f', 0, 64))
		}
		fmt.Fprintf(tw, "  %d\t%d\t%d\t%d\t%s\t%s\t\n", l.Layer, l.Positions, l.Headcount, l.Managers, strconv.FormatFloat(l.SpanMean, 'f', -1, 64), cost)
	}
	return tw.Flush()
}

func count(n int, what string) string {
	if n == 1 || what == "info" {
		return strconv.Itoa(n) + " " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// groupDigits writes "1100000" as "1,100,000".
func groupDigits(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
