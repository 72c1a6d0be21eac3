package cli

import (
	"encoding/json"
	"fmt"

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
by --catalog and by AFTER's own catalog: line).

Exit status: 0 when both plans are valid (whatever changed), 2 when either is
invalid or the command is used wrongly.

`

// runDiff loads two plans and prints what changed between them.
func runDiff(env *Env, args []string) int {
	fs := newFlagSet(env, "diff", "diff BEFORE.yaml AFTER.yaml [--json] [--catalog FILE]")
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	catFile := fs.String("catalog", "", "extend or override the built-in catalog with this YAML `FILE`")
	rest, code, done := parseCommand(env, fs, diffHelp, args)
	if done {
		return code
	}
	if len(rest) != 2 {
		fmt.Fprintln(env.Stderr, "orgplanner diff: give two plan files, for example: orgplanner diff today.yaml proposal.yaml")
		return ExitInvalid
	}
	before, _, code := loadPlan(env, rest[0], *catFile)
	after, cat, code2 := loadPlan(env, rest[1], *catFile)
	if code != ExitOK || code2 != ExitOK {
		return ExitInvalid
	}
	d := diff.Compare(before, after, cat)
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			fmt.Fprintf(env.Stderr, "orgplanner diff: writing JSON: %v\n", err)
			return ExitInvalid
		}
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "Comparing %s (%s) with %s (%s)\n", rest[0], before.Name, rest[1], after.Name)
	d.WriteText(env.Stdout)
	return ExitOK
}
