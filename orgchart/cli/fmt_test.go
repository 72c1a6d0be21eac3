package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func runFmtCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader("")}, append([]string{"fmt"}, args...))
	return code, out.String(), errOut.String()
}

const messyPlan = `# yaml-language-server: $schema=../docs/plan.schema.json
# Platform plan
version: 1
positions:
  # the engineers first, on purpose
  - role: software-engineer
    id: e1
    reportsTo: m1
    holder: 'Grace Hopper'
  - {id: m1, role: software-engineering-manager, holder: Ada Lovelace}
name: Platform
`

const canonicalPlan = `# yaml-language-server: $schema=../docs/plan.schema.json
# Platform plan
version: 1
name: Platform
positions:
  - id: m1
    role: software-engineering-manager
    holder: Ada Lovelace
  # the engineers first, on purpose
  - id: e1
    role: software-engineer
    holder: Grace Hopper
    reportsTo: m1
`

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o640); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFmtPrintsCanonicalForm(t *testing.T) {
	path := writeTemp(t, "plan.yaml", messyPlan)
	code, out, errOut := runFmtCmd(t, path)
	if code != ExitOK || out != canonicalPlan {
		t.Fatalf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
	if data, _ := os.ReadFile(path); string(data) != messyPlan {
		t.Errorf("fmt without -w changed the file")
	}
}

func TestFmtWriteRewritesAtomicallyAndIsIdempotent(t *testing.T) {
	path := writeTemp(t, "plan.yaml", messyPlan)
	if code, out, errOut := runFmtCmd(t, path, "-w"); code != ExitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, _ := os.ReadFile(path)
	if string(data) != canonicalPlan {
		t.Fatalf("file after fmt -w:\n%s", data)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("permissions %v, want 0640 kept", st.Mode().Perm())
	}
	if code, out, _ := runFmtCmd(t, path); code != ExitOK || out != canonicalPlan {
		t.Errorf("fmt of a canonical file is not the same bytes:\n%s", out)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

func TestFmtInvalidPlanExits2WithEveryProblem(t *testing.T) {
	path := writeTemp(t, "bad.yaml", "version: 1\npositions:\n  - id: a\n    role: sre-manger\n  - id: b\n    role: software-engineer\n    reportsTo: q\n")
	code, out, errOut := runFmtCmd(t, path, "-w")
	if code != ExitInvalid || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{path + ":4: position a", "sre-manager", path + ":7: position b", "reports to q, which is not in the plan"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "sre-manger") {
		t.Errorf("an invalid plan was rewritten")
	}
}

// widgetCatalog is a user catalog adding one role, widget-wrangler.
const widgetCatalog = `roles:
  - id: widget-wrangler
    title: Widget Wrangler
    domains: [ENG]
    level: individual
    individual: true
    summary: Wrangles widgets.
`

func TestFmtCatalogFlagExtendsTheCatalog(t *testing.T) {
	dir := t.TempDir()
	cat := filepath.Join(dir, "extra.yaml")
	os.WriteFile(cat, []byte(widgetCatalog), 0o644)
	plan := filepath.Join(dir, "plan.yaml")
	os.WriteFile(plan, []byte("version: 1\npositions:\n  - id: a\n    role: widget-wrangler\n"), 0o644)
	if code, _, errOut := runFmtCmd(t, plan); code != ExitInvalid || !strings.Contains(errOut, "widget-wrangler") {
		t.Errorf("without --catalog: exit %d, %s", code, errOut)
	}
	if code, out, errOut := runFmtCmd(t, plan, "--catalog", cat); code != ExitOK || !strings.Contains(out, "role: widget-wrangler") {
		t.Errorf("with --catalog: exit %d, %s", code, errOut)
	}
}

func TestFmtUsage(t *testing.T) {
	// Help that was asked for goes to standard output, as for every command.
	code, out, _ := runFmtCmd(t, "--help")
	if code != ExitOK || !strings.Contains(out, "Usage: orgplanner fmt [-l] [-d] [-w [--force]] [--check]") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
	if code, _, _ := runFmtCmd(t); code != ExitInvalid {
		t.Errorf("no plan: exit %d, want 2", code)
	}
	if code, _, errOut := runFmtCmd(t, "/nonexistent/plan.yaml"); code != ExitInvalid || !strings.Contains(errOut, "/nonexistent/plan.yaml") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
}

// TestFmtBadPlansExit2WithLine: every malformed plan in testdata/bad gives
// exit 2 and FILE:LINE: problems on stderr, and nothing on stdout.
func TestFmtBadPlansExit2WithLine(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/bad/*.yaml")
	if len(files) < 30 {
		t.Fatalf("only %d bad plans", len(files))
	}
	for _, f := range files {
		code, out, errOut := runFmtCmd(t, f)
		if code != ExitInvalid || out != "" {
			t.Errorf("%s: exit %d, stdout %q", f, code, out)
			continue
		}
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(f) + `:[1-9][0-9]*: \S`).MatchString(errOut) {
			t.Errorf("%s: no FILE:LINE: problem in\n%s", f, errOut)
		}
	}
}

// TestFmtSamplesAreCanonical: `orgplanner fmt` prints every sample plan and
// the canonical fixture exactly as they are on disk.
func TestFmtSamplesAreCanonical(t *testing.T) {
	files, _ := filepath.Glob("../../assets/samples/*.yaml")
	files = append(files, "../../testdata/plans/full.yaml")
	if len(files) < 4 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		want, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runFmtCmd(t, f)
		if code != ExitOK || out != string(want) {
			t.Errorf("%s: exit %d, stderr %q, output differs from the file: %v", f, code, errOut, out != string(want))
		}
	}
}
