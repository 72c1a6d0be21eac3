package cli

import (
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// loadPlan loads the built-in catalog, extends it with catalogFlag when
// given, and reads the plan at path. Every problem goes to env.Stderr as
// FILE:LINE: message; the exit code is ExitOK or ExitInvalid.
func loadPlan(env *Env, path, catalogFlag string) (*orgchart.Plan, *catalog.Catalog, int) {
	cat, err := catalog.Default()
	if err != nil {
		printProblems(env.Stderr, "orgplanner", err)
		return nil, nil, ExitInvalid
	}
	if catalogFlag != "" {
		if cat, err = cat.ExtendFile(catalogFlag); err != nil {
			printProblems(env.Stderr, "orgplanner", err)
			return nil, nil, ExitInvalid
		}
	}
	p, cat, err := orgchart.ReadFile(path, cat)
	if err != nil {
		printProblems(env.Stderr, "orgplanner", err)
		return nil, cat, ExitInvalid
	}
	return p, cat, ExitOK
}
