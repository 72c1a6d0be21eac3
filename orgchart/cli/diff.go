package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/diff"
)

const diffHelp = `Compares two plans of one organisation, say today's and a proposal: positions
added, removed, moved (from which manager to which) and changed (role, title,
holder, count, cost, dotted lines, notes), then what the change does to the
organisation: headcount, vacancies, layers, span of control and cost before and
after, capabilities whose owner changed, coverage gaps and overlaps opened and
closed, managers whose span moved to another band, and headcount and cost
below each manager. Positions match by id; plans from separate imports also
match by role and holder. docs/scenarios.md documents the report and its JSON.

Both plans are checked against the catalog of AFTER (the built-in one, extended
by --catalog and by AFTER's own catalog: line). Either may be - (standard
input) or /dev/null (an empty plan: git passes it for an added file).

With --textconv PLAN it prints one plan as an outline, a line per position
indented under its manager, for git's textconv (docs/git.md); a file that is
not a valid plan is printed as it is.

Exit status: 0 when both plans are valid (with --exit-code: and equal), 1 with
--exit-code when they differ, 2 when either is invalid, a write fails or the
command is used wrongly.

`

// runDiff loads two plans and prints what changed between them.
func runDiff(env *Env, args []string) int {
	fs := newFlagSet(env, "diff", "diff BEFORE AFTER [--json] [--exit-code] [--catalog FILE] [--catalog-dir DIR] | diff --textconv PLAN")
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	exitCode := fs.Bool("exit-code", false, "exit 1 when the plans differ, as git diff --exit-code")
	textconv := fs.Bool("textconv", false, "print one plan as an outline for git's textconv")
	catFile := fs.String("catalog", "", "extend or override the built-in catalog with this YAML `FILE`")
	dirs := catalogDirFlag(fs)
	rest, code, done := parseCommand(env, fs, diffHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "diff", *asJSON)
	if *textconv {
		if len(rest) != 1 {
			return o.Usage("--textconv takes one plan file")
		}
		return writeOutline(env, o, rest[0], *catFile, *dirs...)
	}
	if len(rest) != 2 {
		return o.Usage("give two plan files, for example: orgplanner diff today.yaml proposal.yaml")
	}
	// Reading is most of a diff of big plans: the two are read at once
	// (standard input only ever by one of them).
	var before *orgchart.Plan
	var err1 error
	read := make(chan struct{})
	go func() {
		defer close(read)
		before, _, err1 = readDiffPlan(env, rest[0], *catFile, *dirs...)
	}()
	if rest[0] == "-" {
		<-read
	}
	after, cat, err2 := readDiffPlan(env, rest[1], *catFile, *dirs...)
	<-read
	if err1 != nil || err2 != nil {
		var all []error
		for _, err := range []error{err1, err2} {
			if err != nil {
				all = append(all, err)
			}
		}
		var ps = asProblems(all[0])
		if len(all) == 2 {
			ps = append(ps, asProblems(all[1])...)
		}
		return o.Problems(ps)
	}
	d := diff.Compare(before, after, cat)
	code = ExitOK
	if *exitCode && !d.Empty() {
		code = ExitFindings
	}
	if *asJSON {
		return o.JSON(d, code)
	}
	fmt.Fprintf(o.Text(), "Comparing %s (%s) with %s (%s)\n", rest[0], before.Name, rest[1], after.Name)
	d.WriteText(o.Text())
	return o.Done(code)
}

// readDiffPlan reads a plan; /dev/null (git's stand-in for a file that does
// not exist on one side) is an empty plan.
func readDiffPlan(env *Env, path, catFile string, dirs ...string) (*orgchart.Plan, *catalog.Catalog, error) {
	if path == os.DevNull {
		cat, err := loadCatalog(catFile)
		return orgchart.NewPlan(""), cat, err
	}
	return readPlan(env, path, catFile, dirs...)
}

// writeOutline prints a plan a line per position, indented under its
// manager: what git shows a diff of when orgplanner diff is its textconv.
func writeOutline(env *Env, o *output, path, catFile string, dirs ...string) int {
	p, cat, err := readDiffPlan(env, path, catFile, dirs...)
	if err != nil {
		// git needs text whatever the file holds: the file as it is.
		data, rerr := readSource(env, path)
		if rerr != nil {
			return o.Problems(err)
		}
		o.Raw().Write(data)
		return o.Done(ExitOK)
	}
	w := o.Text()
	fmt.Fprintf(w, "plan %s\n", p.Name)
	p.Walk(func(pos *orgchart.Position, depth int) bool {
		title := pos.Title
		if title == "" {
			if r := cat.Role(pos.Role); r != nil {
				title = r.Title
			}
		}
		holder := pos.Holder
		if holder == "" {
			holder = "vacant"
		}
		line := strings.Repeat("  ", depth) + title + " (" + holder + ")"
		if pos.Count > 1 {
			line += fmt.Sprintf(" x%d", pos.Count)
		}
		line += " [" + pos.Role + "] " + pos.ID
		fmt.Fprintln(w, line)
		return true
	})
	return o.Done(ExitOK)
}
