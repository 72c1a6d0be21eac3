package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/orgplanner/orgplanner/catalog"
)

const catalogHelp = `Lists the role catalog: every role's id, title, domains, level and span of
control range (individual contributors are marked IC). With --json it prints
the whole catalog as {"roles": [...], "capabilities": [...], "conflicts": [...]}.
With --catalog FILE the built-in catalog is first extended (and overridden by
id) by FILE; every problem in FILE is printed as FILE:LINE: message (exit 2).

`

// runCatalog prints the built-in catalog, optionally extended by a user file.
func runCatalog(env *Env, args []string) int {
	fs := newFlagSet(env, "catalog", "catalog [--json] [--catalog FILE]")
	asJSON := fs.Bool("json", false, "print the whole catalog (roles, capabilities, conflicts) as JSON")
	file := fs.String("catalog", "", "extend or override the built-in catalog with this YAML `FILE`")
	rest, code, done := parseCommand(env, fs, catalogHelp, args)
	if done {
		return code
	}
	o := newOutput(env, "catalog", *asJSON)
	if len(rest) > 0 {
		return o.Usage("unexpected argument %q; to use a catalog file pass --catalog %s", rest[0], rest[0])
	}
	cat, err := loadCatalog(*file)
	if err != nil {
		return o.Problems(err)
	}
	if *asJSON {
		return o.JSON(cat, ExitOK)
	}
	writeRoleTable(o.Text(), cat)
	return o.Done(ExitOK)
}

// printProblems writes each problem on its own line as FILE:LINE: message,
// escaped for the terminal. Commands with an output use o.Problems instead.
func printProblems(w io.Writer, prefix string, err error) {
	newOutput(&Env{Stdout: io.Discard, Stderr: w}, strings.TrimPrefix(strings.TrimPrefix(prefix, "orgplanner"), " "), false).Problems(err)
}

// writeRoleTable prints one aligned row per role and a one-line total.
func writeRoleTable(w io.Writer, cat *catalog.Catalog) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tDOMAINS\tLEVEL\tSPAN")
	ics := 0
	for _, r := range cat.Roles {
		domains := make([]string, len(r.Domains))
		for i, d := range r.Domains {
			domains[i] = string(d)
		}
		level, span := string(r.Level), "-"
		if r.Individual {
			ics++
			level = "IC"
		}
		if r.Span != nil {
			span = fmt.Sprintf("%d-%d %s", r.Span.Min, r.Span.Max, r.Span.Archetype)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Title, orDash(strings.Join(domains, ",")), level, span)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d roles (%d leadership, %d individual contributors), %d capabilities, %d conflicts of interest; --json prints everything.\n",
		len(cat.Roles), len(cat.Roles)-ics, ics, len(cat.Capabilities), len(cat.Conflicts))
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
