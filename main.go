// Command orgplanner is Org Planner: with no command it opens the desktop app;
// with a command (check, export, fmt, merge, ...) it runs headless.
package main

import (
	_ "embed"
	"fmt"
	"os"

	"github.com/orgplanner/orgplanner/app"
	"github.com/orgplanner/orgplanner/orgchart/cli"
)

// The version lives in FyneApp.toml (fyne package reads it too) and the
// plan schema in docs/: one copy of each, built in.
var (
	//go:embed FyneApp.toml
	appMetadata []byte
	//go:embed docs/plan.schema.json
	planSchema []byte
)

func main() {
	args := os.Args[1:]
	env := &cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin, AppMetadata: appMetadata, Schema: planSchema}
	if len(args) > 1 || (len(args) == 1 && cli.IsCommand(args[0])) {
		os.Exit(cli.Run(env, args))
	}
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	if err := cli.DisplayAvailable(); err != nil {
		fmt.Fprintf(os.Stderr, "orgplanner: cannot open the app: %v; the commands work without one (orgplanner help)\n", err)
		os.Exit(cli.ExitInvalid)
	}
	os.Exit(app.Run(path))
}
