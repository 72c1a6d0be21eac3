// Package cli implements Org Planner's headless subcommands (check, export,
// fmt, catalog, ...). main.go hands it the arguments; it never opens a window.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Env is what a command reads and writes; tests give it buffers.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader

	// What main embeds from the repository: FyneApp.toml (the version) and
	// docs/plan.schema.json (orgplanner schema). Tests read the files.
	AppMetadata []byte
	Schema      []byte
}

// Exit codes shared by every command.
const (
	ExitOK       = 0
	ExitFindings = 1 // the input is valid but has error-severity findings
	ExitInvalid  = 2 // invalid input or wrong usage
)

type command struct {
	name    string
	summary string
	run     func(env *Env, args []string) int
}

func commands() []command {
	return []command{
		{"check", "validate a plan and report org-design findings", runCheck},
		{"export", "render a plan's chart to PNG, SVG or PDF", runExport},
		{"fmt", "print plans in canonical form, list (-l), diff (-d), check (--check) or rewrite (-w) them", runFmt},
		{"catalog", "list the role catalog", runCatalog},
		{"diff", "compare two plans: changes and their effect on the organisation", runDiff},
		{"merge", "three-way merge of plans (a git merge driver)", runMerge},
		{"import", "build a plan from an HR people CSV", runImport},
		{"new", "start a plan from a template (startup, scaleup, enterprise)", runNew},
		{"schema", "print the JSON Schema of the plan format", runSchema},
		{"completion", "print a shell completion script (bash, zsh, fish)", runCompletion},
		{"version", "print the version and the commit it was built from", runVersion},
	}
}

// IsCommand reports whether name is a subcommand (rather than a plan to open).
func IsCommand(name string) bool {
	if name == "help" || strings.HasPrefix(name, "-") {
		return true
	}
	for _, c := range commands() {
		if c.name == name {
			return true
		}
	}
	return false
}

// Run runs the subcommand named by args[0] and returns the process exit code.
func Run(env *Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) == 2 && args[0] == "help" && IsCommand(args[1]) && !strings.HasPrefix(args[1], "-") {
			return Run(env, []string{args[1], "--help"})
		}
		o := newOutput(env, "help", false)
		usage(o.Raw())
		return o.Done(ExitOK)
	}
	if args[0] == "--version" || args[0] == "-version" {
		return runVersion(env, args[1:])
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "orgplanner: unknown command %s\n\n", strconv.Quote(args[0]))
	usage(env.Stderr)
	return ExitInvalid
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Org Planner designs organisations: roles from a catalog, reporting lines,
span-of-control and coverage checks, and sharp chart exports.

Usage:
  orgplanner                 open the app on the startup sample
  orgplanner PLAN.yaml       open the app on a plan
  orgplanner COMMAND [ARGS]  run a command without opening a window

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Options:
  --help
      print this help (orgplanner COMMAND --help: a command's options)
  --version
      print the version, as orgplanner version does

A file argument of - reads standard input; -o - writes standard output.
Run 'orgplanner COMMAND --help' for a command's options; docs/cli.md has them all.
`)
}

// parseArgs parses flags that may come before or after the positional
// arguments ("check plan.yaml --json" as well as "check --json plan.yaml").
// It returns the positional arguments, or an error that has been reported.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// parseCommand prints the command's long help for -h/--help (to stdout, exit 0)
// or parses its flags and returns the positional arguments. done is true when
// the command should return code at once (help shown, or a flag error
// reported: as JSON on standard output when --json is among the arguments).
func parseCommand(env *Env, fs *flag.FlagSet, help string, args []string) (rest []string, code int, done bool) {
	usage := fs.Usage
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), help)
		usage()
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			// Checked as every output is: help > /dev/full fails.
			o := newOutput(env, fs.Name(), false)
			fs.SetOutput(o.Raw())
			fs.Usage()
			return nil, o.Done(ExitOK), true
		}
	}
	out := fs.Output()
	fs.SetOutput(io.Discard)
	rest, err := parseArgs(fs, args)
	fs.SetOutput(out)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, ExitOK, true
		}
		msg := flagMessage(err)
		if wantsJSON(args) {
			return nil, newOutput(env, fs.Name(), true).Usage("%s", msg), true
		}
		fmt.Fprintf(&terminalWriter{w: env.Stderr}, "orgplanner %s: %s\n\n", fs.Name(), msg)
		usage()
		return nil, ExitInvalid, true
	}
	return rest, ExitOK, false
}

// flagMessage words the flag package's errors in the help's style: a long
// flag with two dashes ("flag provided but not defined: -nope" becomes
// "unknown flag --nope").
func flagMessage(err error) string {
	msg := strings.Replace(err.Error(), "flag provided but not defined: ", "unknown flag ", 1)
	return longFlag.ReplaceAllString(msg, "$1--$2")
}

var longFlag = regexp.MustCompile(`(^|flag |: )-([A-Za-z][A-Za-z0-9-]+)`)

// wantsJSON reports whether --json is among a command's flags.
func wantsJSON(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "--json" || a == "-json" || a == "--json=true" || a == "-json=true" {
			return true
		}
	}
	return false
}

// newFlagSet makes a flag set that reports errors to env.Stderr with the
// command's usage line.
func newFlagSet(env *Env, name, usageLine string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: orgplanner %s\n\nOptions:\n", usageLine)
		printFlags(fs.Output(), fs)
		fmt.Fprint(fs.Output(), "  --help\n      print this help\n")
	}
	return fs
}
