package orgchart_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
)

const extraCatalog = "roles:\n  - {id: widget-wrangler, title: Widget Wrangler, domains: [ENG], level: individual, individual: true, summary: Wrangles widgets.}\n"

func planNaming(catalogPath string) []byte {
	return []byte("version: 1\nname: x\ncatalog: " + catalogPath + "\npositions:\n  - id: a\n    role: widget-wrangler\n")
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestCatalogPathStaysInThePlansFolder: a plan is a file people send each
// other; its catalog: may only name a catalog inside its own folder (or one
// the user allows), and nothing else is opened or quoted (issue 14: a plan
// naming /etc/shadow printed a password hash).
func TestCatalogPathStaysInThePlansFolder(t *testing.T) {
	root := t.TempDir()
	planDir := filepath.Join(root, "plans")
	plan := filepath.Join(planDir, "plan.yaml")
	writeFile(t, filepath.Join(planDir, "cat", "extra.yaml"), extraCatalog)
	secret := "root:$6$s3cr3tHash:19000:0:99999:7:::"
	writeFile(t, filepath.Join(root, "secret.yaml"), secret+"\n")
	writeFile(t, filepath.Join(root, "team", "extra.yaml"), extraCatalog)
	writeFile(t, filepath.Join(planDir, "notes.yaml"), "password: "+secret+"\n")
	if err := os.Symlink(filepath.Join(root, "secret.yaml"), filepath.Join(planDir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	cat := builtin(t)

	for _, ok := range []string{"cat/extra.yaml", "./cat/../cat/extra.yaml"} {
		if _, _, err := orgchart.Read(planNaming(ok), plan, cat); err != nil {
			t.Errorf("catalog %s inside the plan's folder: %v", ok, err)
		}
	}
	for name, want := range map[string]string{
		"../secret.yaml":                       "outside the plan's folder",
		filepath.Join(root, "secret.yaml"):     "outside the plan's folder",
		"cat/../../secret.yaml":                "outside the plan's folder",
		"link.yaml":                            "symbolic link",
		"/etc/shadow":                          ".yaml or .yml",
		"../../../../../../../../etc/passwd":   ".yaml or .yml",
		"notes.yaml":                           "not a catalog file",
		"../no-such-file.yaml":                 "outside the plan's folder",
		"../team/extra.yaml":                   "--catalog-dir",
		filepath.Join(root, "team/extra.yaml"): "--catalog-dir",
	} {
		_, _, err := orgchart.Read(planNaming(name), plan, cat)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("catalog %s: want a refusal saying %q, got %v", name, want, err)
			continue
		}
		if strings.Contains(err.Error(), "s3cr3t") || strings.Contains(err.Error(), "no such file") {
			t.Errorf("catalog %s: the message discloses another file: %v", name, err)
		}
	}
	// The folders the user allows (--catalog-dir).
	opt := orgchart.ReadOptions{CatalogDirs: []string{filepath.Join(root, "team")}}
	for _, name := range []string{"../team/extra.yaml", filepath.Join(root, "team/extra.yaml")} {
		if _, _, err := orgchart.ReadWith(planNaming(name), plan, cat, opt); err != nil {
			t.Errorf("catalog %s in an allowed folder: %v", name, err)
		}
	}
	if _, _, err := orgchart.ReadWith(planNaming("../secret.yaml"), plan, cat, opt); err == nil || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("a file beside the allowed folder: %v", err)
	}
}

// TestPlanAndCatalogFIFOsRefusedBeforeOpening: opening a FIFO blocks until a
// writer comes; both are refused at once.
func TestPlanAndCatalogFIFOsRefusedBeforeOpening(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := mkfifo(fifo); err != nil {
		t.Skip(err)
	}
	var err error
	bounded(t, "plan FIFO", 8<<20, hostileDeadline, func() { _, _, err = orgchart.ReadFile(fifo, nil) })
	if err == nil || !strings.Contains(err.Error(), "FIFO") {
		t.Errorf("plan FIFO: %v", err)
	}
	bounded(t, "catalog FIFO", 8<<20, hostileDeadline, func() {
		_, _, err = orgchart.Read(planNaming("fifo.yaml"), filepath.Join(dir, "plan.yaml"), builtin(t))
	})
	if err == nil || !strings.Contains(err.Error(), "FIFO") {
		t.Errorf("catalog FIFO: %v", err)
	}
	bounded(t, "plan folder", 8<<20, hostileDeadline, func() { _, _, err = orgchart.ReadFile(dir, nil) })
	if err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
}
