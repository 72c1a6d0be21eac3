package cli

import (
	"bytes"
	"fmt"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

const fmtHelp = `Prints each plan in its canonical form: the header comments, then version,
name, scope, catalog, policy and the positions depth-first (managers before
their reports, in plan order), each comment kept with the position or key it
precedes. Like gofmt: -l lists the files that are not canonical, -d prints
what would change as a unified diff, -w rewrites them (atomically), and
--check exits 1 when any is not canonical (for CI). A file of - is standard
input. Every plan is validated first; an invalid plan is reported and never
rewritten.

Exit status: 0 when every plan is valid (and, with --check, canonical); 1 with
--check when one or more are not canonical; 2 when a plan is invalid, a write
fails or the command is used wrongly.

`

// runFmt prints plans in canonical form, or lists, diffs, checks or rewrites
// them, as gofmt does for Go. A file Org Planner saved is canonical already.
func runFmt(env *Env, args []string) int {
	fs := newFlagSet(env, "fmt", "fmt [-l] [-d] [-w [--force]] [--check] [--catalog FILE] [--catalog-dir DIR] PLAN...")
	list := fs.Bool("l", false, "list the files whose formatting differs from the canonical form")
	diffs := fs.Bool("d", false, "print a unified diff of what formatting would change")
	write := fs.Bool("w", false, "rewrite each file that is not canonical (atomically), instead of printing it")
	force := fs.Bool("force", false, "with -w, rewrite a read-only plan too")
	check := fs.Bool("check", false, "exit 1 when any file is not canonical, naming each on standard error")
	cat := fs.String("catalog", "", "extend or override the built-in catalog with this YAML `FILE`")
	dirs := catalogDirFlag(fs)
	pos, code, done := parseCommand(env, fs, fmtHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "fmt", false)
	if len(pos) == 0 {
		fs.Usage()
		return o.Usage("give one or more plan files, for example: orgplanner fmt -w plan.yaml (- reads standard input)")
	}
	base, err := loadCatalog(*cat)
	if err != nil {
		return o.Problems(err)
	}
	printPlan := !*list && !*diffs && !*write && !*check
	result := ExitOK
	for _, path := range pos {
		if *write && path == "-" {
			return o.Usage("-w cannot rewrite standard input; drop -w to print the canonical form")
		}
		old, err := readSource(env, path)
		if err != nil {
			result = o.Problems(err)
			continue
		}
		name := path
		if path == "-" {
			name = stdinName
		}
		p, _, err := orgchart.ReadWith(old, name, base, orgchart.ReadOptions{CatalogDirs: *dirs})
		if err != nil {
			result = o.Problems(err)
			continue
		}
		out := p.Encode()
		if printPlan {
			o.Raw().Write(out)
			continue
		}
		if bytes.Equal(old, out) {
			continue
		}
		if *list {
			fmt.Fprintln(o.Text(), name)
		}
		if *diffs {
			writeUnified(o.Text(), name+".orig", name, old, out)
		}
		if *check && result == ExitOK {
			result = ExitFindings
		}
		if *check && !*list {
			fmt.Fprintf(o.Errs(), "%s: not in canonical form; orgplanner fmt -w %s rewrites it\n", name, name)
		}
		if *write {
			if err := orgchart.WriteFile(path, p, safefile.Options{Force: *force}); err != nil {
				result = o.Problems(err)
			}
		}
	}
	if o.stdout.err != nil {
		return o.Done(ExitInvalid)
	}
	return o.Done(result)
}

// loadCatalog is the built-in catalog, extended by catalogFlag when given.
func loadCatalog(catalogFlag string) (*catalog.Catalog, error) {
	cat, err := catalog.Default()
	if err != nil || catalogFlag == "" {
		return cat, err
	}
	return cat.ExtendFile(catalogFlag)
}
