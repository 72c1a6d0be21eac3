// Package app is Org Planner's Fyne user interface.
package app

import (
	"fmt"
	"os"
)

// Run opens the main window on the plan at path (the startup sample when
// empty) and returns the process exit code when the window closes.
func Run(path string) int {
	fmt.Fprintln(os.Stderr, "orgplanner: the app is not built yet; run 'orgplanner --help' for the commands")
	return 2
}
