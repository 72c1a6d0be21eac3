package cli

import "fmt"

// runFmt is a placeholder until the fmt command is built.
func runFmt(env *Env, args []string) int {
	fmt.Fprintln(env.Stderr, "orgplanner fmt: not built yet")
	return ExitInvalid
}
