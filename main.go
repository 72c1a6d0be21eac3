// Command orgplanner is Org Planner: with no command it opens the desktop app;
// with a command (check, export, fmt, catalog, ...) it runs headless.
package main

import (
	"os"

	"github.com/orgplanner/orgplanner/app"
	"github.com/orgplanner/orgplanner/orgchart/cli"
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		os.Exit(app.Run(""))
	}
	if len(args) == 1 && !cli.IsCommand(args[0]) {
		os.Exit(app.Run(args[0]))
	}
	os.Exit(cli.Run(&cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin}, args))
}
