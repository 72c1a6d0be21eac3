package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

func TestNewFromEveryTemplate(t *testing.T) {
	dir := t.TempDir()
	cat, _ := catalog.Default()
	for _, name := range []string{"startup", "scaleup", "enterprise"} {
		out := filepath.Join(dir, name+".yaml")
		code, stdout, stderr := runScenarioCmd(t, "new", "--template", name, "-o", out, "--name", "Our "+name)
		if code != ExitOK || !strings.Contains(stdout, "Wrote "+out) {
			t.Fatalf("%s: exit %d %s %s", name, code, stdout, stderr)
		}
		p, _, err := orgchart.ReadFile(out, cat)
		if err != nil || p.Name != "Our "+name || p.Positions[0].Holder != "" {
			t.Errorf("%s: %v %q", name, err, p.Name)
		}
	}
	out := filepath.Join(dir, "startup.yaml")
	before, _ := os.ReadFile(out)
	if code, _, stderr := runScenarioCmd(t, "new", "--template", "startup", "-o", out, "--with-people"); code != ExitInvalid || !strings.Contains(stderr, "exists") {
		t.Errorf("overwrite: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("the existing file changed")
	}
	if code, _, _ := runScenarioCmd(t, "new", "--template", "startup", "-o", out, "--with-people", "--force"); code != ExitOK {
		t.Error("--force refused")
	}
	if code, _, stderr := runScenarioCmd(t, "new", "--template", "huge", "-o", filepath.Join(dir, "x.yaml")); code != ExitInvalid || !strings.Contains(stderr, "startup, scaleup, enterprise") {
		t.Errorf("unknown template: %d %s", code, stderr)
	}
}
