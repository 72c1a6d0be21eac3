package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/people"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

const importHelp = `Builds a plan from a people CSV exported by an HR system: a row per person with
an id, the manager's id, a name and a job title, and optionally a department, a
yearly cost, a team count, dotted-line managers and notes. Common header names
are recognised (Employee ID, Reports To, Full Name, Job Title, Dept, Salary, ...);
--map names the others. Titles are matched to catalog roles (exact titles,
abbreviations such as CISO or "VP, Engineering", seniority variants, then the
closest); rows that match none become role team-member with their title kept.
The report lists every row that needs a look, with its line number: unmatched
titles, unknown managers (imported as top positions), reporting cycles (broken
at their first row), costs that are not numbers. docs/scenarios.md has the rules.

The default exports of BambooHR, Workday, Rippling, HiBob, Personio, Google
Workspace, Microsoft Entra, SAP SuccessFactors, ADP Workforce Now, the UK
government's organograms, Oracle's HR sample schema and Northwind import
without --map: first and last names are
joined, a manager may be given by id, by name ("First Last" or "Last, First")
or by email, and the file may be UTF-8 (with or without a byte-order mark),
UTF-16 (Excel's "Unicode Text") or Windows-1252, separated by commas,
semicolons, tabs or pipes. Every executive and VP reading is listed for review.
The plan's scope is the set of domains of the roles found. Costs are yearly
unless --cost-period month (or a header saying monthly); the report names the
column it read. Without a title column a job code column gives the titles
(IT_PROG is a Programmer); without either, positions have no titles.

Team files follow the people file: files of posts under a manager, with a count
or FTE and no id or name, such as the organograms' junior staff file
(orgplanner import senior.csv junior.csv -o plan.yaml). Each row is a team of
its FTE rounded up under the post it names. Names such as Vacant, N/D (not
disclosed: the post is held) and Eliminated (the post is left out) are read as
what they say; a post repeated with another name is a job share; people whose
status is Terminated or Inactive, or whose account is disabled, are left out,
their reports moved up.

Exit status: 0 when the plan was written (read the report), 2 when the file is
unusable (no header; no id, manager or name column; empty or duplicate ids;
rows with the wrong number of fields; a manager column that names nobody in the
file; a team file without its people file: each printed as FILE:LINE: message)
or the command is used wrongly.

`

// runImport imports a people CSV into a new plan file.
func runImport(env *Env, args []string) int {
	fs := newFlagSet(env, "import", "import PEOPLE.csv [TEAMS.csv...] -o PLAN.yaml [--map COLUMN=FIELD,...] [--name NAME] [--cost-period year|month] [--catalog FILE] [--json] [--force]")
	out := fs.String("o", "", "write the plan to this `FILE` (- for standard output, the report then goes to standard error)")
	mapFlag := fs.String("map", "", "name columns the headers do not: `COLUMN=FIELD,...` with fields id, manager, name, first-name, last-name, preferred-name, email, title, role, department, cost, count, dotted, notes, owns, supports, not-owns, job-code, fte, grade, cost-min, cost-max, status, enabled, ignore")
	name := fs.String("name", "", "the plan's name (default: the CSV's file name)")
	catFile := fs.String("catalog", "", "match titles against the built-in catalog extended by this YAML `FILE`; the plan refers to it")
	costPeriod := fs.String("cost-period", "", "what the salary or cost column holds: `year` (the default) or month (multiplied by 12)")
	asJSON := fs.Bool("json", false, "print the import report as JSON")
	force := fs.Bool("force", false, "overwrite the output file when it exists")
	rest, code, done := parseCommand(env, fs, importHelp, args)
	if done {
		return code
	}
	// Every outcome goes through o: with --json, failures are JSON on standard
	// output too, and text meant for a person is escaped for the terminal.
	o := newOutput(env, "import", *asJSON)
	if len(rest) == 0 || *out == "" {
		return o.Usage("give a CSV file (and any team files) and -o, for example: orgplanner import people.csv -o plan.yaml")
	}
	if *out != "-" && !*force {
		if _, err := os.Stat(*out); err == nil {
			return o.Usage("%s exists; use --force to replace it or choose another -o", *out)
		}
	}
	mapping, err := people.ParseMapping(*mapFlag)
	if err != nil {
		return o.Problems(err)
	}
	if *costPeriod != "" && *costPeriod != "year" && *costPeriod != "month" {
		return o.Usage("--cost-period %q: use year or month", *costPeriod)
	}
	cat, err := catalog.Default()
	if err == nil && *catFile != "" {
		cat, err = cat.ExtendFile(*catFile)
	}
	if err != nil {
		return o.Problems(err)
	}
	// safefile.Open refuses a FIFO, a device or a folder before opening it
	// (opening a FIFO blocks until someone writes to it).
	var ins []people.Input
	for _, path := range rest {
		f, err := safefile.Open(path)
		if err != nil {
			return o.Problems(err)
		}
		defer f.Close()
		ins = append(ins, people.Input{File: path, R: f})
	}
	p, rep, err := people.ImportFiles(ins, cat, people.Options{Mapping: mapping, CostPeriod: *costPeriod})
	if err != nil {
		return o.Problems(err)
	}
	if *name != "" {
		p.Name = *name
	}
	// The schema line, as new writes it, so editors check and complete the plan.
	p.Header = SchemaHeader
	if *catFile != "" {
		p.Catalog = catalogRef(*catFile, *out)
	}
	// Read the plan back before writing it: what import writes must load.
	if _, _, err := orgchart.Read(p.Encode(), *out, cat); err != nil {
		fmt.Fprintln(o.Errs(), "orgplanner import: the imported plan does not load (please report this):")
		return o.Problems(err)
	}
	if *out == "-" {
		// The plan is standard output's data; the report goes to standard error.
		if _, err := o.Raw().Write(p.Encode()); err != nil {
			return o.Done(ExitInvalid)
		}
		if *asJSON {
			writeJSON(env.Stderr, rep)
		} else {
			rep.WriteText(o.Errs())
		}
		return o.Done(ExitOK)
	}
	if err := orgchart.WriteFile(*out, p, safefile.Options{}); err != nil {
		return o.Problems(err)
	}
	if *asJSON {
		return o.JSON(rep, ExitOK)
	}
	rep.WriteText(o.Text())
	fmt.Fprintf(o.Text(), "\nWrote %s\n", *out)
	return o.Done(ExitOK)
}

// catalogRef is the catalog file as the plan's catalog: line names it,
// relative to the plan's folder when it can be.
func catalogRef(catFile, planPath string) string {
	if planPath == "-" {
		return catFile
	}
	absCat, err1 := filepath.Abs(catFile)
	absDir, err2 := filepath.Abs(filepath.Dir(planPath))
	if err1 != nil || err2 != nil {
		return catFile
	}
	if rel, err := filepath.Rel(absDir, absCat); err == nil {
		return filepath.ToSlash(rel)
	}
	return absCat
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
