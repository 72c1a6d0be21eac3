package cli

import "fmt"

// runCatalog is a placeholder until the catalog command is built.
func runCatalog(env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "orgplanner catalog: not built yet")
	return ExitInvalid
}
