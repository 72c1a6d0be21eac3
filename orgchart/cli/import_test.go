package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
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

func TestImportHRExportWithoutMap(t *testing.T) {
	out := filepath.Join(t.TempDir(), "plan.yaml")
	code, stdout, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+"personio.csv", "-o", out, "--cost-period", "month")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{"38 rows, 38 positions", "read as windows-1252", `Costs from column "Fixed salary", read as monthly`,
		"Executive and VP matches", `"CPO" on line 5: read as Chief People Officer`, "Scope: IT, SEC, SRE, PLAT, ENG, PROD"} {
		if !strings.Contains(stdout, s) {
			t.Errorf("report lacks %q:\n%s", s, stdout)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), SchemaHeader+"\nversion: 1\nname: personio\nscope: [IT, SEC, SRE, PLAT, ENG, PROD]\n") {
		t.Errorf("plan starts:\n%.300s", data)
	}
	if code, _, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+"personio.csv", "-o", out, "--force", "--cost-period", "week"); code != ExitInvalid || !strings.Contains(stderr, "--cost-period") {
		t.Errorf("--cost-period week: exit %d %s", code, stderr)
	}
}

func TestImportRefusesFIFOWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "people.csv")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan struct{})
	var code int
	var stderr string
	go func() {
		code, _, stderr = runScenarioCmd(t, "import", fifo, "-o", filepath.Join(dir, "plan.yaml"))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("import of a FIFO blocks")
	}
	if code != ExitInvalid || !strings.Contains(stderr, "FIFO") {
		t.Errorf("exit %d: %s", code, stderr)
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
	if !strings.HasPrefix(stdout, SchemaHeader+"\nversion: 1\n") {
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

func TestExportPeopleCSVAndViews(t *testing.T) {
	dir := t.TempDir()
	sample := "../../assets/samples/startup.yaml"
	csv := filepath.Join(dir, "people.csv")
	if code, _, stderr := runScenarioCmd(t, "export", sample, "-o", csv); code != ExitOK {
		t.Fatalf("export -o people.csv: %d %s", code, stderr)
	}
	back := filepath.Join(dir, "back.yaml")
	if code, _, stderr := runScenarioCmd(t, "import", csv, "-o", back); code != ExitOK {
		t.Fatalf("import of the export: %d %s", code, stderr)
	}
	code, out, _ := runScenarioCmd(t, "diff", sample, back)
	if code != ExitOK || !strings.Contains(out, "Matched 41 positions (41 by id): 0 added, 0 removed, 0 moved, 0 changed.") {
		t.Errorf("sample -> CSV -> plan is not the same organisation:\n%s", out)
	}
	for _, view := range []string{"spans", "coverage"} {
		png := filepath.Join(dir, view+".png")
		code, _, stderr := runScenarioCmd(t, "export", sample, "--view", view, "-o", png, "--theme", "dark")
		data, _ := os.ReadFile(png)
		if code != ExitOK || len(data) < 1000 || string(data[1:4]) != "PNG" {
			t.Errorf("--view %s: exit %d %s, %d bytes", view, code, stderr, len(data))
		}
	}
	if code, _, _ := runScenarioCmd(t, "export", sample, "--view", "pie", "-o", filepath.Join(dir, "x.png")); code != ExitInvalid {
		t.Errorf("--view pie: exit %d", code)
	}
}

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }

// With --json a refused file is JSON on standard output, in the shape every
// command uses, with lower-case keys.
func TestImportJSONProblems(t *testing.T) {
	out := filepath.Join(t.TempDir(), "plan.yaml")
	code, stdout, _ := runScenarioCmd(t, "import", scenarioPeopleDir+"unusable.csv", "-o", out, "--json")
	if code != ExitInvalid {
		t.Fatalf("exit %d, want %d", code, ExitInvalid)
	}
	var got struct {
		Problems []map[string]any `json:"problems"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Problems) == 0 {
		t.Fatalf("stdout is not {\"problems\": [...]}: %v\n%s", err, stdout)
	}
	for _, p := range got.Problems {
		if _, ok := p["file"]; !ok || p["line"] == nil || p["message"] == nil {
			t.Errorf("problem without file, line and message keys: %v", p)
		}
	}
	if !strings.Contains(stdout, `"line": 4`) {
		t.Errorf("the empty id on line 4 is not reported:\n%s", stdout)
	}
	code, stdout, _ = runScenarioCmd(t, "import", scenarioPeopleDir+"mapped.csv", "-o", filepath.Join(t.TempDir(), "p.yaml"), "--map", "worker=id,boss=manager,who=name,job=title", "--json")
	if code != ExitOK || !strings.Contains(stdout, `"rows": 3`) {
		t.Errorf("the report is not JSON on standard output (exit %d):\n%s", code, stdout)
	}
}

func TestImportSeniorAndJuniorOrganogram(t *testing.T) {
	out := filepath.Join(t.TempDir(), "plan.yaml")
	code, stdout, stderr := runScenarioCmd(t, "import", scenarioPeopleDir+"uk-organogram-senior.csv", scenarioPeopleDir+"uk-organogram-junior.csv", "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{"13 rows, 28 positions", "Teams from " + scenarioPeopleDir + "uk-organogram-junior.csv: 19 rows",
		`Costs from columns "Actual Pay Floor (£)" and "Actual Pay Ceiling (£)"`, "post DDTR (Deputy Director, Transformation) is eliminated; left out",
		scenarioPeopleDir + "uk-organogram-junior.csv:20: \"Accounts Officer\" under \"DDFIN\" has 0 FTE"} {
		if !strings.Contains(stdout, s) {
			t.Errorf("report lacks %q:\n%s", s, stdout)
		}
	}
	cat, _ := catalog.Default()
	if p, _, err := orgchart.ReadFile(out, cat); err != nil || len(p.Positions) != 28 {
		t.Fatalf("written plan: %v", err)
	}
	// The junior file alone names the fix.
	code, _, stderr = runScenarioCmd(t, "import", scenarioPeopleDir+"uk-organogram-junior.csv", "-o", out, "--force")
	if code != ExitInvalid || !strings.Contains(stderr, "uk-organogram-junior.csv:1: a file of teams") || !strings.Contains(stderr, "orgplanner import senior.csv") {
		t.Errorf("junior alone: exit %d %s", code, stderr)
	}
}
