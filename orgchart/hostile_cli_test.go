package orgchart_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/cli"
)

// TestHostileCorpusFromTheCommandLine runs `orgplanner check`, `fmt`,
// `fmt -d`, `diff` and `merge` on every hostile plan, `check --catalog` with every hostile catalog and
// `import` on every hostile CSV: the benign files pass, the others exit 2
// with each problem on its own FILE:LINE: line.
func TestHostileCorpusFromTheCommandLine(t *testing.T) {
	okPlan := filepath.Join(hostileDir, "plans/ok-crlf.yaml")
	out := t.TempDir()
	for _, e := range readExpectations(t) {
		var runs [][]string
		switch {
		case strings.HasPrefix(e.file, "plans/"):
			path := filepath.Join(hostileDir, e.file)
			runs = [][]string{{"check", path}, {"fmt", path}, {"fmt", "-d", path}, {"diff", path, path},
				{"merge", path, path, path, "-o", filepath.Join(out, "merged-"+filepath.Base(e.file))}}
		case strings.HasPrefix(e.file, "catalogs/"):
			runs = [][]string{{"check", okPlan, "--catalog", filepath.Join(hostileDir, e.file)}}
		case strings.HasPrefix(e.file, "csv/"):
			plan := filepath.Join(out, filepath.Base(e.file)+".yaml")
			runs = [][]string{{"import", filepath.Join(hostileDir, e.file), "-o", plan}}
		}
		for _, args := range runs {
			hostileCommand(t, e, args)
		}
	}
}

func hostileCommand(t *testing.T, e expectation, args []string) {
	t.Run(args[0]+" "+e.file, func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		var code int
		bounded(t, e.file, smallInputAlloc, hostileDeadline, func() {
			code = cli.Run(&cli.Env{Stdout: &stdout, Stderr: &stderr, Stdin: strings.NewReader("")}, args)
		})
		switch e.outcome {
		case "ok", "note":
			if code == cli.ExitInvalid {
				t.Fatalf("orgplanner %s: exit %d; want the input accepted\n%s", strings.Join(args, " "), code, stderr.String())
			}
			return
		case "any":
			if code != cli.ExitInvalid {
				return
			}
		}
		if code != cli.ExitInvalid {
			t.Fatalf("orgplanner %s: exit %d; want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, cli.ExitInvalid, stdout.String(), stderr.String())
		}
		// Problems name the file at fault; a plan whose catalog is at
		// fault may add one line at its own `catalog:` line.
		named := filepath.Join(hostileDir, e.names)
		input := args[1]
		if strings.HasPrefix(e.file, "catalogs/") {
			input = args[len(args)-1]
		}
		lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
		var located []string
		for _, l := range lines {
			if !strings.HasPrefix(l, named+":") && !strings.HasPrefix(l, input+":") && !strings.HasPrefix(l, "... and") {
				t.Errorf("stderr line %q starts with neither %s: nor %s:", l, named, input)
			}
			for _, want := range e.lines {
				if strings.HasPrefix(l, fmt.Sprintf("%s:%d: ", named, want)) {
					located = append(located, l)
				}
			}
		}
		if len(e.lines) > 0 && len(located) == 0 {
			t.Errorf("no stderr line is %s:LINE: with LINE in %v:\n%s", named, e.lines, stderr.String())
		}
	})
}

// TestCheckRefusesDevices: a plan or a --catalog that is a device never ends
// (/dev/zero); both are refused at once as not regular files, not read.
func TestCheckRefusesDevices(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero on this system")
	}
	okPlan := filepath.Join(hostileDir, "plans/ok-crlf.yaml")
	for _, args := range [][]string{
		{"check", "/dev/zero"},
		{"check", okPlan, "--catalog", "/dev/zero"},
	} {
		var stderr bytes.Buffer
		var code int
		bounded(t, strings.Join(args, " "), 8<<20, hostileDeadline, func() {
			code = cli.Run(&cli.Env{Stdout: io.Discard, Stderr: &stderr, Stdin: strings.NewReader("")}, args)
		})
		if code != cli.ExitInvalid || !strings.HasPrefix(stderr.String(), "/dev/zero: ") || !strings.Contains(stderr.String(), "regular file") {
			t.Errorf("orgplanner %s: exit %d, stderr %q; want exit 2 and /dev/zero: ... not a regular file", strings.Join(args, " "), code, stderr.String())
		}
	}
}
