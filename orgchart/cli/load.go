package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// stdinName names standard input in messages and problems.
const stdinName = "<stdin>"

// loadPlan loads the built-in catalog, extends it with catalogFlag when
// given, and reads the plan at path ("-" for standard input). Every problem
// goes to env.Stderr as FILE:LINE: message; the exit code is ExitOK or
// ExitInvalid.
func loadPlan(env *Env, path, catalogFlag string, catalogDirs ...string) (*orgchart.Plan, *catalog.Catalog, int) {
	p, cat, err := readPlan(env, path, catalogFlag, catalogDirs...)
	if err != nil {
		return nil, cat, newOutput(env, "", false).Problems(err)
	}
	return p, cat, ExitOK
}

// readPlan is loadPlan returning the problems instead of printing them.
// catalogDirs are the --catalog-dir folders a plan's catalog: may name a
// file in, besides the plan's own folder.
func readPlan(env *Env, path, catalogFlag string, catalogDirs ...string) (*orgchart.Plan, *catalog.Catalog, error) {
	cat, err := loadCatalog(catalogFlag)
	if err != nil {
		return nil, nil, err
	}
	opt := orgchart.ReadOptions{CatalogDirs: catalogDirs}
	if path != "-" {
		return orgchart.ReadFileWith(path, cat, opt)
	}
	data, err := readStdin(env)
	if err != nil {
		return nil, cat, err
	}
	return orgchart.ReadWith(data, stdinName, cat, opt)
}

// readStdin reads standard input, at most one byte more than a plan may
// have so that Read refuses a bigger one with its usual message.
func readStdin(env *Env) ([]byte, error) {
	if env.Stdin == nil {
		return nil, catalog.Problems{{File: stdinName, Message: "no standard input"}}
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(env.Stdin, orgchart.MaxFileSize+1)); err != nil {
		return nil, catalog.Problems{{File: stdinName, Message: fmt.Sprintf("cannot read standard input: %v", err)}}
	}
	return buf.Bytes(), nil
}

// readSource reads the bytes of a file argument ("-" for standard input)
// for commands that compare them with what they would write (fmt).
func readSource(env *Env, path string) ([]byte, error) {
	if path == "-" {
		return readStdin(env)
	}
	return readRegular(path)
}

// dirList is a repeatable flag: --catalog-dir a --catalog-dir b.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(s string) error { *d = append(*d, s); return nil }

// catalogDirFlag defines --catalog-dir for a command that reads plans.
func catalogDirFlag(fs *flag.FlagSet) *dirList {
	d := new(dirList)
	fs.Var(d, "catalog-dir", "a `DIR` whose catalog files a plan's catalog: may name, besides the plan's own folder (repeatable)")
	return d
}
