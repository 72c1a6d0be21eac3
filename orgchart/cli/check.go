package cli

import "fmt"

// runCheck is a placeholder until the check command is built.
func runCheck(env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "orgplanner check: not built yet")
	return ExitInvalid
}
