package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/orgplanner/orgplanner/catalog"
)

// output is how one command run writes: every write to standard output is
// checked (a full disk behind `orgplanner fmt plan.yaml > out` must fail with
// exit 2, not leave a truncated plan and exit 0), text is escaped for the
// terminal, and with --json every outcome, errors included, is JSON on
// standard output.
type output struct {
	env    *Env
	cmd    string // "fmt", "diff", ... for messages
	asJSON bool

	stdout   checkedWriter
	text     *terminalWriter
	errs     *terminalWriter
	reported bool // a write error has been reported already
}

// checkedWriter remembers the first write error; later writes are skipped.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		c.err = err
	}
	return n, err
}

func newOutput(env *Env, cmd string, asJSON bool) *output {
	o := &output{env: env, cmd: cmd, asJSON: asJSON}
	o.stdout.w = env.Stdout
	o.text = &terminalWriter{w: &o.stdout}
	o.errs = &terminalWriter{w: env.Stderr}
	return o
}

// Text is standard output for text meant for a person: escaped, checked.
func (o *output) Text() io.Writer { return o.text }

// Raw is standard output for data (a plan, a CSV, an image): exact, checked.
func (o *output) Raw() io.Writer { return &o.stdout }

// Errs is standard error, escaped.
func (o *output) Errs() io.Writer { return o.errs }

// JSON writes v as indented JSON to standard output and returns Done(code).
func (o *output) JSON(v any, code int) int {
	enc := json.NewEncoder(&o.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil && o.stdout.err == nil {
		fmt.Fprintf(o.errs, "orgplanner %s: writing JSON: %v\n", o.cmd, err)
		o.errs.flush()
		return ExitInvalid
	}
	return o.Done(code)
}

// jsonProblem is one problem in the JSON error shape; the keys are documented
// in docs/cli.md.
type jsonProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// Problems reports err (catalog.Problems, one per line as FILE:LINE: message,
// or any error) on standard error, or as {"problems": [...]} on standard
// output with --json. It returns ExitInvalid.
func (o *output) Problems(err error) int {
	var ps catalog.Problems
	if !errors.As(err, &ps) {
		prefix := "orgplanner"
		if o.cmd != "" {
			prefix += " " + o.cmd
		}
		ps = catalog.Problems{{Message: prefix + ": " + err.Error()}}
	}
	if o.asJSON {
		list := make([]jsonProblem, len(ps))
		for i, p := range ps {
			list[i] = jsonProblem{p.File, p.Line, p.Message}
		}
		return o.JSON(struct {
			Problems []jsonProblem `json:"problems"`
		}{list}, ExitInvalid)
	}
	for _, p := range ps {
		fmt.Fprintln(o.errs, p.String())
	}
	o.errs.flush()
	return o.Done(ExitInvalid)
}

// Usage reports a wrong use of the command and returns ExitInvalid.
func (o *output) Usage(format string, args ...any) int {
	return o.Problems(errors.New(fmt.Sprintf(format, args...)))
}

// Done ends the run: when a write to standard output failed it says so on
// standard error and returns ExitInvalid, otherwise code.
func (o *output) Done(code int) int {
	if o.stdout.err == nil {
		if err := o.text.flush(); err != nil {
			o.stdout.err = err
		}
	}
	o.errs.flush()
	if o.stdout.err != nil {
		if !o.reported {
			o.reported = true
			fmt.Fprintf(o.env.Stderr, "orgplanner %s: writing to standard output: %v\n", o.cmd, unwrapPathError(o.stdout.err))
		}
		return ExitInvalid
	}
	return code
}

// unwrapPathError drops the "write /dev/stdout:" wrapping: the message names
// standard output already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
