package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEscapeTerminal(t *testing.T) {
	for in, want := range map[string]string{
		"Ada Lovelace":                "Ada Lovelace",
		"Zoë 李":                       "Zoë 李",
		"a\x1b]0;pwned\x07b":          `a\x1b]0;pwned\x07b`,
		"\x1b[2J\x1b[H0 errors":       `\x1b[2J\x1b[H0 errors`,
		"csi\u009b31m":                `csi\u009b31m`,
		"bidi \u202eevil\u202c":       `bidi \u202eevil\u202c`,
		"isolate\u2066x\u2069":        `isolate\u2066x\u2069`,
		"line\nnext\ttab\r":           "line\nnext\ttab\\x0d",
		"bad \xff byte":               `bad \xff byte`,
		"del\x7f":                     `del\x7f`,
		"zero width joiner \u200d ok": "zero width joiner \u200d ok",
	} {
		if got := escapeTerminal(in); got != want {
			t.Errorf("escapeTerminal(%q) = %q, want %q", in, got, want)
		}
	}
}

// A character split across two writes is escaped (or kept) as a whole.
func TestTerminalWriterSplitRune(t *testing.T) {
	var buf bytes.Buffer
	w := &terminalWriter{w: &buf}
	s := []byte("é\u202e!")
	for i := range s {
		w.Write(s[i : i+1])
	}
	w.flush()
	if got := buf.String(); got != `é\u202e!` {
		t.Errorf("got %q", got)
	}
}

func writeHostilePlan(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hostile.yaml")
	src := "version: 1\nname: \"Org \\e]0;owned\\a\"\npositions:\n" +
		"  - id: a\n    role: chief-technology-officer\n    holder: \"Eve \\e[2J\\e[H\\u202e\"\n" +
		"  - id: b\n    role: software-engineer\n    reportsTo: a\n    title: \"\\x9b31mFake\"\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Titles and holders reach the terminal escaped from check and diff; the
// JSON keeps them exact.
func TestCheckAndDiffEscapeControls(t *testing.T) {
	plan := writeHostilePlan(t)
	for _, args := range [][]string{{"check", plan}, {"diff", plan, plan}, {"diff", "--textconv", plan}} {
		code, out, errOut := runScenarioCmd(t, args...)
		if code == ExitInvalid {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e\u009b") {
			t.Errorf("%v prints raw control characters:\n%q", args, out)
		}
		if args[0] == "check" && !strings.Contains(out, `Org \x1b]0;owned\x07`) {
			t.Errorf("%v: escaped name missing:\n%s", args, out)
		}
	}
	code, out, _ := runScenarioCmd(t, "check", "--json", plan)
	if code == ExitInvalid || !json.Valid([]byte(out)) {
		t.Fatalf("check --json: exit %d\n%s", code, out)
	}
	var doc struct {
		Findings []struct {
			Message string `json:"message"`
		} `json:"findings"`
	}
	json.Unmarshal([]byte(out), &doc)
	exact := false
	for _, f := range doc.Findings {
		if strings.Contains(f.Message, "Eve \x1b[2J\x1b[H\u202e") {
			exact = true
		}
	}
	if !exact && strings.Contains(out, "Eve") {
		t.Errorf("JSON does not hold the holder exactly:\n%s", out)
	}
}

// Problems quoting a hostile file are escaped on standard error too.
func TestProblemsEscaped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(path, []byte("version: 1\npositions:\n  - id: a\n    role: \"\\e]0;x\\a-role\"\n"), 0o644)
	code, _, errOut := runScenarioCmd(t, "check", path)
	if code != ExitInvalid || strings.ContainsAny(errOut, "\x1b\x07") || !strings.Contains(errOut, `\x1b]0;x\x07`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// With --json, every outcome is JSON on standard output: invalid plans,
// usage errors and flag errors included, with lower-case keys.
func TestJSONErrors(t *testing.T) {
	bad := "../../testdata/bad/cycle.yaml"
	for _, args := range [][]string{
		{"check", "--json", bad},
		{"check", "--json"},
		{"check", "--json", "--min-severity", "loud", bad},
		{"check", "--json", "--nope", bad},
		{"diff", "--json", bad, bad},
		{"catalog", "--json", "--catalog", "/nonexistent.yaml"},
		{"merge", "--json", "-o", filepath.Join(t.TempDir(), "m.yaml"), bad, bad, bad},
	} {
		code, out, errOut := runScenarioCmd(t, args...)
		var doc map[string][]map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Errorf("%v: not JSON (%v):\n%s\nstderr %s", args, err, out, errOut)
			continue
		}
		ps := doc["problems"]
		if code != ExitInvalid || len(ps) == 0 || errOut != "" {
			t.Errorf("%v: exit %d, %d problems, stderr %q", args, code, len(ps), errOut)
			continue
		}
		for k := range ps[0] {
			if k != "file" && k != "line" && k != "message" {
				t.Errorf("%v: key %q", args, k)
			}
		}
		if _, ok := ps[0]["message"].(string); !ok {
			t.Errorf("%v: no message: %v", args, ps[0])
		}
	}
	_, out, _ := runScenarioCmd(t, "check", "--json", bad)
	if !strings.Contains(out, `"file": "../../testdata/bad/cycle.yaml"`) || !strings.Contains(out, `"line": `) {
		t.Errorf("check --json problems lack file and line:\n%s", out)
	}
}

// Every write to standard output is checked: a full disk fails with exit 2
// and says so instead of leaving a truncated plan behind with exit 0.
func TestStdoutFullDisk(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full:", err)
	}
	defer full.Close()
	sample := "../../assets/samples/scaleup.yaml"
	for _, args := range [][]string{
		{"fmt", sample},
		{"diff", "../../testdata/diff/startup-today.yaml", "../../testdata/diff/startup-proposal.yaml"},
		{"diff", "--json", "../../testdata/diff/startup-today.yaml", "../../testdata/diff/startup-proposal.yaml"},
		{"check", sample},
		{"check", "--json", sample},
		{"catalog"},
		{"schema"},
		{"version"},
		{"completion", "bash"},
		{"new", "--template", "startup", "-o", "-"},
		{"diff", "--textconv", sample},
		{"merge", sample, sample, sample},
		{"import", "../../testdata/hostile/csv/ok-bom-crlf.csv", "-o", "-"},
		// Help too (it exited 0 on a full disk).
		{"help"},
		{"--help"},
		{"help", "check"},
		{"check", "--help"},
		{"export", "-h"},
	} {
		var errOut bytes.Buffer
		env := testEnv()
		env.Stdout, env.Stderr = full, &errOut
		code := Run(env, args)
		if code != ExitInvalid || !strings.Contains(errOut.String(), "writing to standard output: no space left on device") {
			t.Errorf("%v > /dev/full: exit %d, stderr %q", args, code, errOut.String())
		}
	}
}

// testEnv is an Env with the files main embeds, read from the repository.
func testEnv() *Env {
	meta, _ := os.ReadFile("../../FyneApp.toml")
	schema, _ := os.ReadFile("../../docs/plan.schema.json")
	return &Env{Stdout: new(bytes.Buffer), Stderr: new(bytes.Buffer), Stdin: strings.NewReader(""), AppMetadata: meta, Schema: schema}
}

// run runs a command line with testEnv and the given standard input.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	env := testEnv()
	var out, errOut bytes.Buffer
	env.Stdout, env.Stderr, env.Stdin = &out, &errOut, strings.NewReader(stdin)
	code := Run(env, args)
	return code, out.String(), errOut.String()
}
