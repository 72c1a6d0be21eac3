package cli

import (
	"bytes"
	"fmt"
	"io"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// stdinName names standard input in messages and problems.
const stdinName = "<stdin>"

// loadPlan loads the built-in catalog, extends it with catalogFlag when
// given, and reads the plan at path ("-" for standard input). Every problem
// goes to env.Stderr as FILE:LINE: message; the exit code is ExitOK or
// ExitInvalid.
func loadPlan(env *Env, path, catalogFlag string) (*orgchart.Plan, *catalog.Catalog, int) {
	p, cat, err := readPlan(env, path, catalogFlag)
	if err != nil {
		return nil, cat, newOutput(env, "", false).Problems(err)
	}
	return p, cat, ExitOK
}

// readPlan is loadPlan returning the problems instead of printing them.
func readPlan(env *Env, path, catalogFlag string) (*orgchart.Plan, *catalog.Catalog, error) {
	cat, err := loadCatalog(catalogFlag)
	if err != nil {
		return nil, nil, err
	}
	if path != "-" {
		return orgchart.ReadFile(path, cat)
	}
	data, err := readStdin(env)
	if err != nil {
		return nil, cat, err
	}
	return orgchart.Read(data, stdinName, cat)
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
