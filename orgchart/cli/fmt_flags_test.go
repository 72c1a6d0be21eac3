package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// twoPlans writes a canonical plan and one that is not (fields out of order).
func twoPlans(t *testing.T) (canonical, messy string) {
	t.Helper()
	dir := t.TempDir()
	canonical, messy = filepath.Join(dir, "ok.yaml"), filepath.Join(dir, "messy.yaml")
	os.WriteFile(canonical, []byte("version: 1\nname: Ok\npositions:\n  - id: a\n    role: chief-technology-officer\n"), 0o644)
	os.WriteFile(messy, []byte("name: Messy\nversion: 1\npositions:\n  - role: software-engineer\n    reportsTo: a\n    id: b\n  - {id: a, role: chief-technology-officer}\n"), 0o644)
	return canonical, messy
}

func TestFmtSeveralFilesList(t *testing.T) {
	ok, messy := twoPlans(t)
	code, out, errOut := run(t, "", "fmt", "-l", ok, messy)
	if code != ExitOK || out != messy+"\n" || errOut != "" {
		t.Errorf("fmt -l: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = run(t, "", "fmt", ok, messy)
	if code != ExitOK || strings.Count(out, "version: 1\n") != 2 {
		t.Errorf("fmt of two files: exit %d\n%s", code, out)
	}
}

func TestFmtCheck(t *testing.T) {
	ok, messy := twoPlans(t)
	if code, out, errOut := run(t, "", "fmt", "--check", ok); code != ExitOK || out != "" || errOut != "" {
		t.Errorf("--check canonical: exit %d %q %q", code, out, errOut)
	}
	code, out, errOut := run(t, "", "fmt", "--check", ok, messy)
	if code != ExitFindings || out != "" || !strings.Contains(errOut, messy+": not in canonical form") || strings.Contains(errOut, ok+":") {
		t.Errorf("--check messy: exit %d %q %q", code, out, errOut)
	}
	before, _ := os.ReadFile(messy)
	if after, _ := os.ReadFile(messy); string(after) != string(before) {
		t.Error("--check changed the file")
	}
	// An invalid plan is exit 2 whatever the others are.
	bad := "../../testdata/bad/cycle.yaml"
	if code, _, _ := run(t, "", "fmt", "--check", messy, bad); code != ExitInvalid {
		t.Errorf("--check with an invalid plan: exit %d, want 2", code)
	}
}

func TestFmtDiff(t *testing.T) {
	ok, messy := twoPlans(t)
	code, out, _ := run(t, "", "fmt", "-d", ok, messy)
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"--- " + messy + ".orig\n", "+++ " + messy + "\n", "@@ -1,7 +1,8 @@\n", "-name: Messy\n", "+name: Messy\n", "+  - id: b\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, ok) {
		t.Errorf("diff names the canonical file:\n%s", out)
	}
	// The diff applies: patch turns the file into its canonical form.
	if _, err := exec.LookPath("patch"); err == nil {
		_, want, _ := run(t, "", "fmt", messy)
		cp := filepath.Join(t.TempDir(), "copy.yaml")
		src, _ := os.ReadFile(messy)
		os.WriteFile(cp, src, 0o644)
		cmd := exec.Command("patch", "-s", cp)
		cmd.Stdin = strings.NewReader(out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch: %v %s", err, msg)
		}
		if got, _ := os.ReadFile(cp); string(got) != want {
			t.Errorf("patched file:\n%s\nwant\n%s", got, want)
		}
	}
}

func TestUnifiedDiffHunks(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 40; i++ {
		line := "line " + itoaTest(i) + "\n"
		a.WriteString(line)
		switch i {
		case 5:
			b.WriteString("changed 5\n")
		case 30:
		default:
			b.WriteString(line)
		}
	}
	var out strings.Builder
	writeUnified(&out, "a", "b", []byte(a.String()), []byte(b.String()))
	want := "--- a\n+++ b\n@@ -3,7 +3,7 @@\n line 2\n line 3\n line 4\n-line 5\n+changed 5\n line 6\n line 7\n line 8\n" +
		"@@ -28,7 +28,6 @@\n line 27\n line 28\n line 29\n-line 30\n line 31\n line 32\n line 33\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	out.Reset()
	writeUnified(&out, "a", "b", []byte("x\n"), []byte("x\n"))
	if out.Len() != 0 {
		t.Errorf("equal inputs give %q", out.String())
	}
}

func itoaTest(i int) string { return strconv.Itoa(i) }

func TestFmtStdin(t *testing.T) {
	_, messy := twoPlans(t)
	src, _ := os.ReadFile(messy)
	_, want, _ := run(t, "", "fmt", messy)
	code, out, errOut := run(t, string(src), "fmt", "-")
	if code != ExitOK || out != want {
		t.Errorf("fmt -: exit %d, %q, stderr %q", code, out, errOut)
	}
	if code, out, _ := run(t, string(src), "fmt", "-l", "-"); code != ExitOK || out != "<stdin>\n" {
		t.Errorf("fmt -l -: exit %d %q", code, out)
	}
	if code, _, errOut := run(t, string(src), "fmt", "-w", "-"); code != ExitInvalid || !strings.Contains(errOut, "standard input") {
		t.Errorf("fmt -w -: exit %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "version: 1\npositions: [}\n", "check", "-"); code != ExitInvalid || !strings.HasPrefix(errOut, "<stdin>:") {
		t.Errorf("check - of a broken plan: exit %d %q", code, errOut)
	}
}

func TestFmtWriteSeveral(t *testing.T) {
	ok, messy := twoPlans(t)
	okBefore, _ := os.ReadFile(ok)
	_, want, _ := run(t, "", "fmt", messy)
	if code, out, errOut := run(t, "", "fmt", "-w", "-l", ok, messy); code != ExitOK || out != messy+"\n" {
		t.Fatalf("fmt -w -l: exit %d %q %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(messy); string(got) != want {
		t.Errorf("rewritten:\n%s", got)
	}
	if got, _ := os.ReadFile(ok); string(got) != string(okBefore) {
		t.Error("canonical file rewritten")
	}
}

// fmt keeps every comment a person writes, in each of several files, and -l
// and --check do not count a commented canonical plan as changed.
func TestFmtKeepsCommentsInSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	commented := "version: 1\n# TODO: hire a VP before Q3\npositions:\n  # the boss\n  - id: a\n    role: chief-technology-officer # inline\n    # who holds it\n    holder: Ada\n"
	messy := "# header\nname: Messy\nversion: 1\npositions:\n  # an engineer\n  - role: software-engineer\n    reportsTo: a # under the CTO\n    id: b\n  # the CTO\n  - {id: a, role: chief-technology-officer}\n"
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	os.WriteFile(a, []byte(commented), 0o644)
	os.WriteFile(b, []byte(messy), 0o644)
	code, out, errOut := run(t, "", "fmt", "-l", "-w", a, b)
	if code != ExitOK || strings.Contains(out, a) {
		t.Fatalf("fmt -l -w: exit %d %q %q", code, out, errOut)
	}
	gotA, _ := os.ReadFile(a)
	if string(gotA) != commented {
		t.Errorf("a canonical commented plan changed:\n%s", gotA)
	}
	gotB, _ := os.ReadFile(b)
	for _, c := range []string{"# header", "# an engineer", "# under the CTO", "# the CTO"} {
		if !strings.Contains(string(gotB), c) {
			t.Errorf("fmt -w lost %q:\n%s", c, gotB)
		}
	}
	if code, _, _ := run(t, "", "fmt", "--check", a, b); code != ExitOK {
		t.Errorf("--check after -w: exit %d", code)
	}
}
