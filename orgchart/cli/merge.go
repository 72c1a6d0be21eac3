package cli

import (
	"fmt"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/merge"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

const mergeHelp = `Merges two plans that grew apart from a common base, position by position and
field by field: one side moving a team while the other renames its holder
merges cleanly. The same field changed two ways, a position removed on one
side and edited on the other, and moves that together would make a reporting
cycle are conflicts: the merged plan keeps ours (or the edited position, so
nothing is lost), marks every conflict with the position's title in a comment
above the position (lines starting "# MERGE CONFLICT:", counted at the top) and
still loads. The merged plan
is canonical (as orgplanner fmt writes it). As a git merge driver (docs/git.md):

  git config merge.orgplanner.driver 'orgplanner merge %O %A %B -o %A'
  echo '*.plan.yaml merge=orgplanner' >> .gitattributes

Exit status: 0 when the merge is clean, 1 when there are conflicts (the output
is written all the same), 2 when a plan is invalid or the command is used
wrongly (nothing is written).

`

// runMerge merges BASE, OURS and THEIRS.
func runMerge(env *Env, args []string) int {
	fs := newFlagSet(env, "merge", "merge BASE OURS THEIRS [-o OUT] [--json] [--catalog FILE] [--catalog-dir DIR]")
	out := fs.String("o", "-", "write the merged plan to this `FILE` (- for standard output); git's driver passes -o %A")
	asJSON := fs.Bool("json", false, "print the conflicts as JSON on standard output (needs -o FILE for the plan)")
	catFile := fs.String("catalog", "", "extend or override the built-in catalog with this YAML `FILE`")
	dirs := catalogDirFlag(fs)
	rest, code, done := parseCommand(env, fs, mergeHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "merge", *asJSON)
	if len(rest) != 3 {
		return o.Usage("give three plan files: BASE OURS THEIRS, for example: orgplanner merge base.yaml ours.yaml theirs.yaml -o merged.yaml")
	}
	if *asJSON && *out == "-" {
		return o.Usage("--json prints the conflicts on standard output: give -o FILE for the merged plan")
	}
	var plans [3]*orgchart.Plan
	var cat *catalog.Catalog
	var problems catalog.Problems
	for i, path := range rest {
		p, c, err := readPlan(env, path, *catFile, *dirs...)
		if err != nil {
			problems = append(problems, asProblems(err)...)
			continue
		}
		plans[i], cat = p, c
	}
	if len(problems) > 0 {
		return o.Problems(problems)
	}
	res := merge.Merge(plans[0], plans[1], plans[2], cat)
	data := res.Plan.Encode()
	// The merged plan must load; a problem here is a defect of the merge,
	// reported rather than written.
	if _, _, err := orgchart.Read(data, *out, nil); err != nil {
		return o.Problems(err)
	}
	if *out == "-" {
		o.Raw().Write(data)
	} else if err := orgchart.WriteFile(*out, res.Plan, safefile.Options{}); err != nil {
		return o.Problems(err)
	}
	code = ExitOK
	if len(res.Conflicts) > 0 {
		code = ExitFindings
	}
	if *asJSON {
		conflicts := res.Conflicts
		if conflicts == nil {
			conflicts = []merge.Conflict{}
		}
		return o.JSON(struct {
			Clean     bool             `json:"clean"`
			Output    string           `json:"output"`
			Conflicts []merge.Conflict `json:"conflicts"`
		}{len(conflicts) == 0, *out, conflicts}, code)
	}
	if len(res.Conflicts) > 0 {
		fmt.Fprintf(o.Errs(), "orgplanner merge: %d conflicts (kept ours; each is marked # %s in the plan):\n", len(res.Conflicts), merge.ConflictMarker)
		for _, c := range res.Conflicts {
			fmt.Fprintf(o.Errs(), "  %s\n", c)
		}
	}
	return o.Done(code)
}

// asProblems is err as a problem list.
func asProblems(err error) catalog.Problems {
	if ps, ok := err.(catalog.Problems); ok {
		return ps
	}
	return catalog.Problems{{Message: err.Error()}}
}
