package cli

import "fmt"

// runExport is a placeholder until the export command is built.
func runExport(env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "orgplanner export: not built yet")
	return ExitInvalid
}
