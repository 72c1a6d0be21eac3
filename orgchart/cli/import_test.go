package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orgplanner/catalog"
	"orgplanner/orgchart"
)

const scenarioPeopleDir = "../../testdata/people/"

func TestImportWritesPlanAndReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "plan.yaml")
	code, stdout, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+"hris.csv", "-o", out, "--name", "Acme today")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{"14 rows, 14 positions", `"Chief Happiness Wizard" on line 13`, "Wrote " + out} {
		if !strings.Contains(stdout, s) {
			t.Errorf("report lacks %q:\n%s", s, stdout)
		}
	}
	cat, _ := catalog.Default()
	p, _, err := orgchart.ReadFile(out, cat)
	if err != nil || p.Name != "Acme today" || len(p.Positions) != 14 {
		t.Fatalf("written plan: %v %+v", err, p)
	}
	// Existing output: refused without --force.
	if code, _, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+"hris.csv", "-o", out); code != ExitInvalid || !strings.Contains(stderr, "--force") {
		t.Errorf("overwrite without --force: %d %s", code, stderr)
	}
	if code, _, _ := runScenarioCmd(t, "import", scenarioPeopleDir+"hris.csv", "-o", out, "--force"); code != ExitOK {
		t.Errorf("--force: exit %d", code)
	}
}

func TestImportUnusableExits2WithLines(t *testing.T) {
	out := filepath.Join(t.TempDir(), "plan.yaml")
	code, _, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+"unusable.csv", "-o", out)
	if code != ExitInvalid || !strings.Contains(stderr, "unusable.csv:4: empty id") || !strings.Contains(stderr, "unusable.csv:7: 2 fields") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a plan was written for an unusable file")
	}
}

func TestImportMapStdoutAndJSON(t *testing.T) {
	code, stdout, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+"mapped.csv", "-o", "-", "--map", "worker=id,boss=manager,who=name,job=title", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "version: 1\n") {
		t.Errorf("stdout is not the plan:\n%s", stdout)
	}
	var rep struct {
		Rows    int
		Ignored []string
	}
	if err := json.Unmarshal([]byte(stderr), &rep); err != nil || rep.Rows != 3 || len(rep.Ignored) != 1 {
		t.Errorf("JSON report on stderr: %v %+v\n%s", err, rep, stderr)
	}
	if code, _, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+"mapped.csv", "-o", "-", "--map", "worker"); code != ExitInvalid || !strings.Contains(stderr, "column=field") {
		t.Errorf("bad --map: %d %s", code, stderr)
	}
	if code, _, _ := runScenarioCmd(t, "import", scenarioPeopleDir+"mapped.csv"); code != ExitInvalid {
		t.Errorf("no -o: exit %d", code)
	}
}
