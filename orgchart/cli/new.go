package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
	"github.com/orgplanner/orgplanner/orgchart/templates"
)

const newHelp = `Starts a plan from a template: one of the sample organisations shipped with
Org Planner (startup: about 40 people, scaleup: about 400, enterprise: about
3,000). Every position is vacant unless --with-people keeps the sample's
fictional names; titles, teams, costs and notes are kept. Position ids are the
sample's own, so plans made from one template compare with orgplanner diff.
The file is written atomically and never replaces an existing one unless
--force is given. The plan starts with the schema line editors use to validate
it (orgplanner schema --help).

Exit status: 0 when the plan was written, 2 otherwise.

`

// runNew writes a new plan built on a sample.
func runNew(env *Env, args []string) int {
	fs := newFlagSet(env, "new", "new --template "+strings.Join(templates.Names(), "|")+" -o PLAN.yaml [--name NAME] [--with-people] [--force]")
	tmpl := fs.String("template", "", "the `TEMPLATE` to start from: "+strings.Join(templates.Names(), ", "))
	out := fs.String("o", "", "write the plan to this `FILE` (- for standard output)")
	name := fs.String("name", "", "the plan's name (default: the sample's)")
	people := fs.Bool("with-people", false, "keep the sample's fictional holders instead of leaving every position vacant")
	force := fs.Bool("force", false, "replace the output file when it exists")
	rest, code, done := parseCommand(env, fs, newHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "new", false)
	if len(rest) != 0 || *tmpl == "" || *out == "" {
		return o.Usage("give --template and -o, for example: orgplanner new --template startup -o plan.yaml (templates: %s)", strings.Join(templates.Names(), ", "))
	}
	if !*force && *out != "-" {
		if _, err := os.Lstat(*out); err == nil { // a dangling link exists too
			return o.Usage("%s exists; use --force to replace it or choose another -o", *out)
		}
	}
	cat, err := catalog.Default()
	if err != nil {
		return o.Problems(err)
	}
	p, err := templates.New(*tmpl, cat, templates.Options{Name: *name, People: *people})
	if err != nil {
		return o.Usage("%v", err)
	}
	p.Header = SchemaHeader
	if *out == "-" {
		o.Raw().Write(p.Encode())
		return o.Done(ExitOK)
	}
	if err := orgchart.WriteFile(*out, p, safefile.Options{Force: *force}); err != nil {
		return o.Usage("%v", err)
	}
	headcount := 0
	for _, pos := range p.Positions {
		headcount += pos.Headcount()
	}
	fmt.Fprintf(o.Text(), "Wrote %s: %q, %d positions, headcount %d, from the %s template\n", *out, p.Name, len(p.Positions), headcount, *tmpl)
	return o.Done(ExitOK)
}
