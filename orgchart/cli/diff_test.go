package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const scenarioDiffDir = "../../testdata/diff/"

// runScenarioCmd runs one command line and returns its exit code, stdout and stderr.
func runScenarioCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader("")}, args)
	return code, out.String(), errOut.String()
}

func TestDiffSamplesHumanReport(t *testing.T) {
	code, out, errOut := runScenarioCmd(t, "diff", scenarioDiffDir+"startup-today.yaml", scenarioDiffDir+"startup-proposal.yaml")
	if code != ExitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, s := range []string{
		"Matched 40 positions (40 by id): 4 added, 1 removed, 4 moved, 3 changed.",
		"+ VP of Engineering (vacant), under CTO and Co-founder (Tariq Oliveira)",
		"- Software Engineer (Kai Ghosh), was under Engineering Manager, Growth (Darius Hansen)",
		"> Engineering Manager, Payments (Gabriel Oliveira): from CTO and Co-founder (Tariq Oliveira) to VP of Engineering (vacant)",
		"~ Senior iOS Engineer (Noor Haddad): holder vacant -> Noor Haddad",
		"Layers                                3            4         +1",
		"Gaps closed: 2",
		"nobody -> Security Engineering Manager (vacant)",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q\n%s", s, out)
		}
	}
}

func TestDiffJSON(t *testing.T) {
	code, out, _ := runScenarioCmd(t, "diff", "--json", scenarioDiffDir+"startup-today.yaml", scenarioDiffDir+"startup-proposal.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var d struct {
		Added   []struct{ ID, Title string }
		Moved   []struct{ From, To struct{ Title string } }
		Effects struct {
			Layers     struct{ Before, After int }
			GapsClosed []struct{ ID string }
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(d.Added) != 4 || len(d.Moved) != 4 || d.Moved[0].To.Title != "VP of Engineering" || d.Effects.Layers.After != 4 || len(d.Effects.GapsClosed) != 2 {
		t.Errorf("JSON %+v", d)
	}
}

func TestDiffInvalidInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("version: 1\npositions:\n  - id: a\n    role: no-such-role\n"), 0o644)
	for _, args := range [][]string{
		{"diff", scenarioDiffDir + "startup-today.yaml"},
		{"diff", scenarioDiffDir + "startup-today.yaml", bad},
		{"diff", scenarioDiffDir + "startup-today.yaml", filepath.Join(dir, "missing.yaml")},
		{"diff", "--nope", scenarioDiffDir + "startup-today.yaml", scenarioDiffDir + "startup-today.yaml"},
	} {
		code, _, errOut := runScenarioCmd(t, args...)
		if code != ExitInvalid || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	code, out, _ := runScenarioCmd(t, "diff", "--help")
	if code != ExitOK || !strings.Contains(out, "Usage: orgplanner diff") {
		t.Errorf("--help: %d %s", code, out)
	}
	// The same plan twice: no changes, exit 0.
	code, out, _ = runScenarioCmd(t, "diff", scenarioDiffDir+"startup-today.yaml", scenarioDiffDir+"startup-today.yaml")
	if code != ExitOK || !strings.Contains(out, "No changes to positions.") {
		t.Errorf("same plan: %d\n%s", code, out)
	}
}

func TestDiffOfTwoImports(t *testing.T) {
	// Two HR exports a quarter apart: the CSV ids give the same plan ids, so
	// the promotion, the move, the hire and the leaver show as such.
	dir := t.TempDir()
	before, after := filepath.Join(dir, "q1.yaml"), filepath.Join(dir, "q2.yaml")
	for _, x := range [][2]string{{"hris.csv", before}, {"hris-next.csv", after}} {
		if code, _, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+x[0], "-o", x[1]); code != ExitOK {
			t.Fatalf("import %s: %s", x[0], stderr)
		}
	}
	code, out, _ := runScenarioCmd(t, "diff", before, after)
	for _, s := range []string{
		"Matched 13 positions (13 by id): 1 added, 1 removed, 2 moved, 3 changed.",
		"+ Security Engineer (Hedy Lamarr), under CISO (Radia Perlman)",
		"- Chief Happiness Wizard (Frances Allen), was under CEO (Ada Lovelace)",
		"> Eng Manager (Ken Thompson): from Eng Manager (Linus Torvalds) to VP, Engineering (Hamilton, Margaret)",
		"~ Eng Manager (Ken Thompson): role software-engineer -> software-engineering-manager; title \"Sr. Software Engineer\" -> \"Eng Manager\"; cost 170,000 -> 190,000",
		"~ Software Engineer (Brian Kernighan): holder vacant -> Brian Kernighan",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("diff lacks %q", s)
		}
	}
	if code != ExitOK || t.Failed() {
		t.Logf("exit %d\n%s", code, out)
	}
}
