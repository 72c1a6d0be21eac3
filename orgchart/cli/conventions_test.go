package cli

import (
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDiffExitCode(t *testing.T) {
	today, proposal := scenarioDiffDir+"startup-today.yaml", scenarioDiffDir+"startup-proposal.yaml"
	if code, _, _ := run(t, "", "diff", "--exit-code", today, proposal); code != ExitFindings {
		t.Errorf("differing plans: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "", "diff", "--exit-code", "--json", today, proposal); code != ExitFindings {
		t.Errorf("differing plans --json: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "", "diff", "--exit-code", today, today); code != ExitOK {
		t.Errorf("equal plans: exit %d, want 0", code)
	}
	if code, _, _ := run(t, "", "diff", today, proposal); code != ExitOK {
		t.Errorf("without --exit-code: exit %d, want 0", code)
	}
	// git passes /dev/null for a file added or removed; - is standard input.
	src, _ := os.ReadFile(today)
	if code, out, errOut := run(t, string(src), "diff", "--exit-code", os.DevNull, "-"); code != ExitFindings || !strings.Contains(out, "41 added") {
		t.Errorf("diff /dev/null -: exit %d\n%s%s", code, out, errOut)
	}
}

func TestTextconvOutline(t *testing.T) {
	code, out, _ := run(t, "", "diff", "--textconv", scenarioDiffDir+"startup-today.yaml")
	if code != ExitOK || !strings.HasPrefix(out, "plan ") || !regexp.MustCompile(`(?m)^  \S.*\(.*\) \[[a-z-]+\] \S+$`).MatchString(out) {
		t.Errorf("exit %d\n%s", code, out)
	}
	// Not a plan: printed as it is, so git diff still shows something.
	code, out, _ = run(t, "", "diff", "--textconv", "../../testdata/bad/syntax-error.yaml")
	want, _ := os.ReadFile("../../testdata/bad/syntax-error.yaml")
	if code != ExitOK || out != string(want) {
		t.Errorf("invalid plan: exit %d %q", code, out)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := run(t, "", args...)
		if code != ExitOK || !regexp.MustCompile(`^orgplanner 0\.\d+\.\d+( \(.*\))?\n$`).MatchString(out) {
			t.Errorf("%v: exit %d %q", args, code, out)
		}
	}
	info := &debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}
	if got := versionLine("0.1.0", info); got != "orgplanner 0.1.0 (module v0.2.0, commit 0123456789ab, modified)" {
		t.Errorf("got %q", got)
	}
	checkout := &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201230212-ecd3cc929e96+dirty"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "ecd3cc929e96aaaabbbb"}, {Key: "vcs.modified", Value: "true"}}}
	if got := versionLine("0.1.0", checkout); got != "orgplanner 0.1.0 (commit ecd3cc929e96, modified)" {
		t.Errorf("build in a checkout: %q", got)
	}
	if got := versionLine("", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}); got != "orgplanner 1.2.3" {
		t.Errorf("go install build: %q", got)
	}
	if got := appVersion([]byte("Website = \"x\"\n[Details]\n  Version = \"9.8.7\"\n  Build = 3\n")); got != "9.8.7" {
		t.Errorf("appVersion %q", got)
	}
}

func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := run(t, "", "completion", sh)
		if code != ExitOK || !strings.Contains(out, "merge") || !strings.Contains(out, "exit-code") || !strings.Contains(out, "min-severity") {
			t.Errorf("%s: exit %d %s\n%s", sh, code, errOut, out)
			continue
		}
		// The script is valid for its shell where the shell is installed.
		if path, err := exec.LookPath(sh); err == nil {
			f := filepath.Join(t.TempDir(), "c")
			os.WriteFile(f, []byte(out), 0o644)
			check := map[string][]string{"bash": {"-n", f}, "zsh": {"-n", f}, "fish": {"--no-execute", f}}[sh]
			if msg, err := exec.Command(path, check...).CombinedOutput(); err != nil {
				t.Errorf("%s -n: %v %s", sh, err, msg)
			}
		}
	}
	if code, _, _ := run(t, "", "completion", "tcsh"); code != ExitInvalid {
		t.Errorf("unknown shell: exit %d", code)
	}
}

func TestFloatFlagRefusesNaN(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "Inf", "-Inf", "+inf", "1e400", "abc"} {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		p := floatFlag(fs, "scale", 1, "")
		err := fs.Parse([]string{"--scale", v})
		if err == nil {
			t.Errorf("--scale %s accepted as %v", v, *p)
		} else if v != "abc" && !strings.Contains(err.Error(), "finite") {
			t.Errorf("--scale %s: %v, want the finite-number message", v, err) // 1e400 said "not a number"
		}
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	p := floatFlag(fs, "scale", 1, "")
	if err := fs.Parse([]string{"--scale=2.5"}); err != nil || *p != 2.5 {
		t.Errorf("2.5: %v %v", err, *p)
	}
}

// Help lists every flag in one style: --long, -x for one letter, never
// -long; and every flag has a description.
func TestHelpStyle(t *testing.T) {
	for _, c := range commands() {
		code, out, _ := run(t, "", c.name, "--help")
		if code != ExitOK || !strings.Contains(out, "Usage: orgplanner "+c.name) {
			t.Errorf("%s --help: exit %d\n%s", c.name, code, out)
			continue
		}
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			if regexp.MustCompile(`^\s+-[a-z]{2,}`).MatchString(l) {
				t.Errorf("%s --help: single-dash long flag %q", c.name, l)
			}
			if strings.HasPrefix(l, "  -") && (i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) == "") {
				t.Errorf("%s --help: flag %q has no description", c.name, l)
			}
		}
		if strings.Contains(out, "\t") {
			t.Errorf("%s --help uses the flag package's layout", c.name)
		}
	}
}

func TestHelpCommandAndUnknown(t *testing.T) {
	if code, out, _ := run(t, "", "help", "merge"); code != ExitOK || !strings.Contains(out, "Usage: orgplanner merge") {
		t.Errorf("help merge: exit %d", code)
	}
	if code, _, errOut := run(t, "", "frobnicate"); code != ExitInvalid || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown: exit %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "check", "--nope", "x.yaml"); code != ExitInvalid || !strings.HasPrefix(errOut, "orgplanner check: unknown flag --nope\n") {
		t.Errorf("unknown flag: exit %d %q", code, errOut)
	}
	for _, name := range []string{"version", "completion", "schema", "merge", "--version"} {
		if !IsCommand(name) {
			t.Errorf("%s is not a command: main would open it as a plan", name)
		}
	}
}

func TestNewWritesSchemaLine(t *testing.T) {
	out := filepath.Join(t.TempDir(), "p.yaml")
	if code, _, errOut := run(t, "", "new", "--template", "startup", "-o", out); code != ExitOK {
		t.Fatalf("exit %d %s", code, errOut)
	}
	data, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(data), SchemaHeader+"\n") {
		t.Errorf("new plan starts %q", string(data[:80]))
	}
	code, stdout, _ := run(t, "", "new", "--template", "startup", "-o", "-")
	if code != ExitOK || stdout != string(data) {
		t.Errorf("new -o -: exit %d, differs from the file", code)
	}
}

func TestSchemaCommand(t *testing.T) {
	code, out, _ := run(t, "", "schema")
	want, _ := os.ReadFile("../../docs/plan.schema.json")
	if code != ExitOK || out != string(want) || len(want) == 0 {
		t.Errorf("exit %d, %d bytes", code, len(out))
	}
	if !strings.Contains(string(want), `"$id": "`+SchemaURL+`"`) {
		t.Errorf("schema $id is not %s", SchemaURL)
	}
}

func TestDisplayAvailable(t *testing.T) {
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("DISPLAY", "")
	if err := DisplayAvailable(); err == nil || !strings.Contains(err.Error(), "no display") {
		t.Errorf("no DISPLAY: %v", err)
	}
	t.Setenv("DISPLAY", ":187")
	if err := DisplayAvailable(); err == nil {
		t.Error(":187 answers?")
	}
}

// Every numeric flag refuses NaN and infinities with exit 2, export's --scale
// among them (NaN once panicked in --view spans).
func TestNumericFlagsRefuseNaN(t *testing.T) {
	sample := "../../assets/samples/startup.yaml"
	for _, v := range []string{"NaN", "Inf", "-inf"} {
		for _, args := range [][]string{
			{"export", sample, "-o", filepath.Join(t.TempDir(), "c.png"), "--scale", v},
			{"export", sample, "--view", "spans", "-o", filepath.Join(t.TempDir(), "s.png"), "--scale", v},
		} {
			code, _, errOut := run(t, "", args...)
			if code != ExitInvalid || !strings.Contains(errOut, "finite") {
				t.Errorf("%v: exit %d %q", args, code, errOut)
			}
		}
	}
}

// A plan's catalog: outside its folder is refused unless --catalog-dir
// allows that folder, in every command that reads plans.
func TestCatalogDirFlag(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "plans"), 0o755)
	os.MkdirAll(filepath.Join(root, "common"), 0o755)
	os.WriteFile(filepath.Join(root, "common", "extra.yaml"), []byte(widgetCatalog), 0o644)
	plan := filepath.Join(root, "plans", "p.yaml")
	os.WriteFile(plan, []byte("version: 1\ncatalog: ../common/extra.yaml\npositions:\n  - id: a\n    role: widget-wrangler\n"), 0o644)
	dir := filepath.Join(root, "common")
	for _, args := range [][]string{{"check", plan}, {"fmt", plan}, {"diff", plan, plan}, {"merge", plan, plan, plan},
		{"export", plan, "-o", filepath.Join(root, "c.svg")}} {
		if code, _, errOut := run(t, "", args...); code != ExitInvalid || !strings.Contains(errOut, "--catalog-dir") {
			t.Errorf("%v without --catalog-dir: exit %d %q", args, code, errOut)
		}
		if code, _, errOut := run(t, "", append(args, "--catalog-dir", dir)...); code == ExitInvalid {
			t.Errorf("%v --catalog-dir %s: exit %d %q", args, dir, code, errOut)
		}
	}
}
