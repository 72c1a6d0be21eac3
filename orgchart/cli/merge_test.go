package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for orgplanner when git runs it
// as a merge driver, difftool or textconv.
func TestMain(m *testing.M) {
	if os.Getenv("ORGPLANNER_TEST_AS_MAIN") == "1" {
		env := testEnv()
		env.Stdout, env.Stderr, env.Stdin = os.Stdout, os.Stderr, os.Stdin
		os.Exit(Run(env, os.Args[1:]))
	}
	os.Exit(m.Run())
}

const mergeBase = `version: 1
name: Team
positions:
  - id: cto
    role: chief-technology-officer
    holder: Ada
  - id: em1
    role: software-engineering-manager
    title: EM Payments
    reportsTo: cto
  - id: em2
    role: software-engineering-manager
    title: EM Growth
    reportsTo: cto
  - id: dev2
    role: software-engineer
    reportsTo: em2
`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestMergeCommand(t *testing.T) {
	ours := strings.Replace(mergeBase, "holder: Ada", "holder: Grace", 1)
	theirs := strings.Replace(mergeBase, "    reportsTo: em2\n", "    reportsTo: em1\n", 1)
	dir := writeFiles(t, map[string]string{"base.yaml": mergeBase, "ours.yaml": ours, "theirs.yaml": theirs,
		"conflict.yaml": strings.Replace(mergeBase, "holder: Ada", "holder: Linus", 1)})
	at := func(n string) string { return filepath.Join(dir, n) }
	code, out, errOut := run(t, "", "merge", at("base.yaml"), at("ours.yaml"), at("theirs.yaml"))
	if code != ExitOK || errOut != "" || !strings.Contains(out, "holder: Grace") || !strings.Contains(out, "  - id: dev2\n    role: software-engineer\n    reportsTo: em1\n") {
		t.Fatalf("clean merge: exit %d %s\n%s", code, errOut, out)
	}
	code, out, errOut = run(t, "", "merge", at("base.yaml"), at("ours.yaml"), at("conflict.yaml"), "-o", at("out.yaml"))
	written, _ := os.ReadFile(at("out.yaml"))
	if code != ExitFindings || out != "" || !strings.Contains(errOut, "1 conflicts") || !strings.Contains(errOut, `holder: ours "Grace", theirs "Linus"`) ||
		!strings.Contains(string(written), "# MERGE CONFLICT:") {
		t.Fatalf("conflict: exit %d\nstderr %s\nfile %s", code, errOut, written)
	}
	if code, _, errOut := run(t, "", "check", at("out.yaml")); code == ExitInvalid {
		t.Errorf("conflicted output does not load: %s", errOut)
	}
	code, out, _ = run(t, "", "merge", "--json", at("base.yaml"), at("ours.yaml"), at("conflict.yaml"), "-o", at("out2.yaml"))
	var doc struct {
		Clean     bool   `json:"clean"`
		Output    string `json:"output"`
		Conflicts []struct {
			ID      string `json:"id"`
			Title   string `json:"title"`
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"conflicts"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != ExitFindings || doc.Clean || len(doc.Conflicts) != 1 ||
		doc.Conflicts[0].ID != "cto" || doc.Conflicts[0].Field != "holder" || doc.Output != at("out2.yaml") {
		t.Errorf("--json: exit %d %v\n%s", code, err, out)
	}
	if code, _, _ := run(t, "", "merge", at("base.yaml"), at("ours.yaml")); code != ExitInvalid {
		t.Errorf("two files: exit %d", code)
	}
	if code, _, errOut := run(t, "", "merge", at("base.yaml"), "../../testdata/bad/cycle.yaml", at("theirs.yaml"), "-o", at("never.yaml")); code != ExitInvalid || !strings.Contains(errOut, "cycle.yaml") {
		t.Errorf("invalid side: exit %d %s", code, errOut)
	}
	if _, err := os.Stat(at("never.yaml")); err == nil {
		t.Error("an invalid merge wrote its output")
	}
}

// git runs orgplanner merge as the merge driver docs/git.md documents: one
// branch moves a team, the other renames a holder, and git merges them with
// no conflict; the same holder renamed on both is a conflict git reports.
func TestGitMergeDriver(t *testing.T) {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	git := func(args ...string) (string, error) {
		cmd := exec.Command(gitPath, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "ORGPLANNER_TEST_AS_MAIN=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(args ...string) {
		t.Helper()
		if out, err := git(args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "org.plan.yaml"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must("init", "-q", "-b", "main")
	// The lines docs/git.md gives, with the test binary as orgplanner.
	must("config", "merge.orgplanner.name", "Org Planner plan merge")
	must("config", "merge.orgplanner.driver", self+" merge %O %A %B -o %A")
	os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte("*.plan.yaml merge=orgplanner\n"), 0o644)
	write(mergeBase)
	must("add", ".")
	must("commit", "-qm", "base")
	must("checkout", "-qb", "move")
	write(strings.Replace(mergeBase, "    reportsTo: em2\n", "    reportsTo: em1\n", 1))
	must("commit", "-qam", "move the Growth engineer to Payments")
	must("checkout", "-q", "main")
	write(strings.Replace(mergeBase, "holder: Ada", "holder: Grace", 1))
	must("commit", "-qam", "new CTO")
	// A text merge of these two edits would conflict or not depending on
	// line distance; the driver merges fields.
	if out, err := git("merge", "-q", "--no-edit", "move"); err != nil {
		t.Fatalf("git merge: %v\n%s", err, out)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "org.plan.yaml"))
	if !strings.Contains(string(got), "holder: Grace") || !strings.Contains(string(got), "  - id: dev2\n    role: software-engineer\n    reportsTo: em1\n") {
		t.Errorf("merged plan:\n%s", got)
	}
	// Both branches change the CTO's holder: git reports the conflict and
	// the file still loads.
	must("checkout", "-qb", "other")
	write(strings.Replace(string(got), "holder: Grace", "holder: Linus", 1))
	must("commit", "-qam", "Linus")
	must("checkout", "-q", "main")
	write(strings.Replace(string(got), "holder: Grace", "holder: Barbara", 1))
	must("commit", "-qam", "Barbara")
	out, err := git("merge", "--no-edit", "other")
	if err == nil || !strings.Contains(out, "CONFLICT") {
		t.Fatalf("git merge of a conflict succeeded: %s", out)
	}
	got, _ = os.ReadFile(filepath.Join(dir, "org.plan.yaml"))
	if strings.Contains(string(got), "<<<<<<<") || !strings.Contains(string(got), "# MERGE CONFLICT:") || !strings.Contains(string(got), "holder: Barbara") {
		t.Errorf("conflicted plan:\n%s", got)
	}
	if code, _, errOut := run(t, "", "check", filepath.Join(dir, "org.plan.yaml")); code == ExitInvalid {
		t.Errorf("conflicted plan does not load: %s", errOut)
	}
}

// git diff through orgplanner: the textconv driver and the difftool lines
// of docs/git.md.
func TestGitTextconvAndDifftool(t *testing.T) {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	self, _ := os.Executable()
	dir := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(gitPath, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "ORGPLANNER_TEST_AS_MAIN=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_PAGER=cat",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q", "-b", "main")
	git("config", "diff.orgplanner.textconv", self+" diff --textconv")
	git("config", "difftool.orgplanner.cmd", self+` diff "$LOCAL" "$REMOTE"`)
	os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte("*.plan.yaml diff=orgplanner\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "org.plan.yaml"), []byte(mergeBase), 0o644)
	git("add", ".")
	git("commit", "-qm", "base")
	os.WriteFile(filepath.Join(dir, "org.plan.yaml"), []byte(strings.Replace(mergeBase, "    reportsTo: em2\n", "    reportsTo: em1\n", 1)), 0o644)
	out := git("diff")
	if !strings.Contains(out, " plan Team\n") || !strings.Contains(out, "\n-  EM Growth (vacant) [software-engineering-manager] em2\n") || strings.Contains(out, "reportsTo") {
		t.Errorf("textconv diff:\n%s", out)
	}
	out = git("difftool", "-y", "-t", "orgplanner")
	if !strings.Contains(out, "1 moved") || !strings.Contains(out, "from EM Growth") {
		t.Errorf("difftool:\n%s", out)
	}
}
