//go:build linux

package orgchart_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/cli"
)

func runCLI(args ...string) (int, string) {
	var stderr bytes.Buffer
	code := cli.Run(&cli.Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, Stdin: strings.NewReader("")}, args)
	return code, stderr.String()
}

func modeOf(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// TestCommandsWriteFilesAsTheUserExpects: issue 14's file-mode defects, from
// the command line: outputs follow the umask, an existing 0600 CSV stays
// 0600, a 0444 plan is not rewritten without --force, a symbolic link stays
// a link, and new does not write through a dangling link without --force.
func TestCommandsWriteFilesAsTheUserExpects(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.yaml")
	if code, msg := runCLI("new", "--template", "startup", "-o", plan); code != 0 {
		t.Fatalf("new: %d %s", code, msg)
	}
	if m := modeOf(t, plan); m != 0o640 {
		t.Errorf("new -o with umask 027: mode %04o, want 0640", m)
	}
	csv := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(csv, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, msg := runCLI("export", plan, "-o", csv); code != 0 {
		t.Fatalf("export csv: %d %s", code, msg)
	}
	if m := modeOf(t, csv); m != 0o600 {
		t.Errorf("an existing 0600 people CSV became %04o", m)
	}
	// A read-only plan.
	messy := filepath.Join(dir, "messy.yaml")
	data, _ := os.ReadFile(plan)
	messyData := append([]byte("# note\n"), bytes.ReplaceAll(data, []byte("version: 1\n"), []byte("version:   1\n"))...)
	if err := os.WriteFile(messy, messyData, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(messy, 0o444); err != nil {
		t.Fatal(err)
	}
	if code, msg := runCLI("fmt", "-w", messy); code != 2 || !strings.Contains(msg, "read-only") {
		t.Errorf("fmt -w on a 0444 plan: exit %d, %q", code, msg)
	}
	if got, _ := os.ReadFile(messy); !bytes.Equal(got, messyData) {
		t.Error("fmt -w rewrote a read-only plan")
	}
	if code, msg := runCLI("fmt", "-w", "--force", messy); code != 0 {
		t.Errorf("fmt -w --force: exit %d, %q", code, msg)
	}
	if m := modeOf(t, messy); m != 0o444 {
		t.Errorf("fmt -w --force changed the mode to %04o", m)
	}
	// Links.
	link := filepath.Join(dir, "chart.svg")
	target := filepath.Join(dir, "real.svg")
	os.WriteFile(target, []byte("<svg/>"), 0o644)
	if err := os.Symlink("real.svg", link); err != nil {
		t.Fatal(err)
	}
	if code, msg := runCLI("export", plan, "-o", link); code != 0 {
		t.Fatalf("export through a link: %d %s", code, msg)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("export -o replaced the symbolic link")
	}
	if got, _ := os.ReadFile(target); len(got) < 100 {
		t.Error("export -o did not write the link's target")
	}
	dangling := filepath.Join(dir, "dangling.yaml")
	os.Symlink("nowhere.yaml", dangling)
	if code, _ := runCLI("new", "--template", "startup", "-o", dangling); code != 2 {
		t.Errorf("new -o over a dangling link without --force: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere.yaml")); err == nil {
		t.Error("new wrote through a dangling link without --force")
	}
}
