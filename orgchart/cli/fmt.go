package cli

import (
	"bytes"
	"fmt"
	"os"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

const fmtHelp = `Prints the plan in its canonical form: the header comments, then version,
name, scope, catalog, policy and the positions depth-first (managers before
their reports, in plan order). Comments other than the header are dropped.
The plan is validated first; an invalid plan is not rewritten (exit 2).

`

// runFmt prints a plan in canonical form, or rewrites the file with -w, as
// gofmt does for Go. A file Org Planner saved is canonical already.
func runFmt(env *Env, args []string) int {
	fs := newFlagSet(env, "fmt", "fmt PLAN [-w] [--catalog FILE]")
	write := fs.Bool("w", false, "write the canonical form back to the file (atomically) instead of printing it")
	cat := fs.String("catalog", "", "a catalog `FILE` extending the built-in one")
	pos, code, done := parseCommand(env, fs, fmtHelp, args)
	if done {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, "orgplanner fmt: give exactly one plan file")
		fs.Usage()
		return ExitInvalid
	}
	path := pos[0]
	p, _, code := loadPlan(env, path, *cat)
	if code != ExitOK {
		return code
	}
	out := p.Encode()
	if !*write {
		env.Stdout.Write(out)
		return ExitOK
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, out) {
		return ExitOK
	}
	if err := orgchart.WriteFile(path, p, safefile.Options{}); err != nil {
		fmt.Fprintf(env.Stderr, "orgplanner fmt: %v\n", err)
		return ExitInvalid
	}
	return ExitOK
}
