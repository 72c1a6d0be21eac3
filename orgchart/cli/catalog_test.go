package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func runCatalogCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader("")}, append([]string{"catalog"}, args...))
	return code, out.String(), errOut.String()
}

func TestCatalogTable(t *testing.T) {
	code, out, errOut := runCatalogCmd(t)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	lines := strings.Split(out, "\n")
	if !regexp.MustCompile(`^ID\s+TITLE\s+DOMAINS\s+LEVEL\s+SPAN$`).MatchString(lines[0]) {
		t.Fatalf("header = %q", lines[0])
	}
	row := func(id string) []string {
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, id+" ") {
				return regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(l), -1)
			}
		}
		t.Fatalf("no row for %s in:\n%s", id, out)
		return nil
	}
	if got := row("chief-information-security-officer"); len(got) != 5 || got[1] != "Chief Information Security Officer" || !strings.Contains(got[2], "SEC") || got[3] != "executive" || !regexp.MustCompile(`^\d+-\d+ [a-z-]+$`).MatchString(got[4]) {
		t.Errorf("CISO row = %q", got)
	}
	if got := row("software-engineer"); len(got) != 5 || got[3] != "IC" || got[4] != "-" {
		t.Errorf("IC row = %q, want level IC and no span", got)
	}
	// Columns line up: every title starts at the same offset as the header's.
	col := strings.Index(lines[0], "TITLE")
	for _, l := range lines[1:] {
		if l == "" {
			break
		}
		if l[col-1] != ' ' || l[col] == ' ' {
			t.Errorf("misaligned row %q", l)
		}
	}
	if !strings.Contains(out, "individual contributors") {
		t.Error("no totals line")
	}
}

func TestCatalogJSONKeys(t *testing.T) {
	code, out, errOut := runCatalogCmd(t, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	var doc map[string][]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	if got := sortedKeys(doc); !slices.Equal(got, []string{"capabilities", "conflicts", "roles"}) {
		t.Fatalf("top-level keys %v", got)
	}
	leader := []string{"careerPath", "domains", "id", "kpis", "level", "owns", "reportsTo", "responsibilities", "skills", "span", "summary", "supports", "title"}
	var sawIC, sawLeader bool
	// Optional keys, present only where the catalog sets them.
	optional := func(keys []string, opt ...string) []string {
		return slices.DeleteFunc(keys, func(k string) bool { return slices.Contains(opt, k) })
	}
	for _, r := range doc["roles"] {
		keys := optional(sortedKeys(r), "audits", "sameAs")
		if string(r["individual"]) == "true" {
			sawIC = true
			for _, k := range keys {
				if !slices.Contains(append(leader, "individual"), k) {
					t.Errorf("role %s has unexpected key %q", r["id"], k)
				}
			}
			continue
		}
		if _, ok := r["individual"]; ok {
			t.Errorf("leadership role %s must not carry \"individual\"", r["id"])
		}
		sawLeader = true
		if r["id"] != nil && string(r["id"]) == `"chief-executive-officer"` {
			continue // the top role has no reportsTo or careerPath
		}
		if !slices.Equal(keys, leader) {
			t.Errorf("role %s keys %v, want %v", r["id"], keys, leader)
		}
		var span map[string]json.RawMessage
		if err := json.Unmarshal(r["span"], &span); err != nil || !slices.Equal(sortedKeys(span), []string{"archetype", "max", "min"}) {
			t.Errorf("role %s span = %s", r["id"], r["span"])
		}
	}
	if !sawIC || !sawLeader {
		t.Fatal("the JSON must hold leadership and individual-contributor roles")
	}
	for _, k := range doc["capabilities"] {
		if got := optional(sortedKeys(k), "singleOwner"); !slices.Equal(got, []string{"description", "domain", "id", "name", "refs", "required"}) {
			t.Errorf("capability %s keys %v", k["id"], got)
		}
		var req map[string]json.RawMessage
		if err := json.Unmarshal(k["required"], &req); err != nil || !slices.Equal(sortedKeys(req), []string{"default", "fromHeadcount"}) {
			t.Errorf("capability %s required = %s, want {default, fromHeadcount}", k["id"], k["required"])
		}
	}
	for _, x := range doc["conflicts"] {
		if got := sortedKeys(x); !slices.Equal(got, []string{"manager", "reason", "report"}) {
			t.Errorf("conflict keys %v", got)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestCatalogHelp(t *testing.T) {
	code, out, _ := runCatalogCmd(t, "--help")
	if code != ExitOK || !strings.Contains(out, "Usage: orgplanner catalog") || !strings.Contains(out, "--catalog") && !strings.Contains(out, "-catalog") {
		t.Fatalf("exit %d, help:\n%s", code, out)
	}
}

func TestCatalogExtendFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mine.yaml")
	src := "roles:\n  - id: head-of-it\n    title: Head of Corporate Technology\n    domains: [IT]\n    level: head\n    summary: Overridden.\n    span: {min: 3, max: 5, archetype: player-coach}\n    owns: [it-service-desk]\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCatalogCmd(t, "--catalog", file)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !regexp.MustCompile(`(?m)^head-of-it\s+Head of Corporate Technology\s+IT\s+head\s+3-5 player-coach$`).MatchString(out) {
		t.Errorf("override not shown:\n%s", out)
	}
}

func TestCatalogInvalidFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bad.yaml")
	src := "roles:\n  - id: sre-lead\n    title: SRE lead\n    domains: [SRE, OPS]\n    level: manager\n    summary: s\n    span: {min: 8, max: 4, archetype: coach}\n    owns: [sre-on-cal]\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCatalogCmd(t, "--catalog", file)
	if code != ExitInvalid || out != "" {
		t.Fatalf("exit %d, stdout %q; want exit 2 and no output", code, out)
	}
	// With --json the same problems are JSON on standard output.
	jcode, jout, jerr := runCatalogCmd(t, "--json", "--catalog", file)
	var doc struct {
		Problems []struct {
			File    string `json:"file"`
			Line    int    `json:"line"`
			Message string `json:"message"`
		} `json:"problems"`
	}
	if err := json.Unmarshal([]byte(jout), &doc); err != nil || jcode != ExitInvalid || jerr != "" || len(doc.Problems) != 3 || doc.Problems[0].Line != 4 || doc.Problems[0].File != file {
		t.Errorf("--json: exit %d, err %v, stdout %s, stderr %q", jcode, err, jout, jerr)
	}
	want := []string{
		file + `:4: role "sre-lead": unknown domain "OPS"`,
		file + `:7: role "sre-lead": span min 8 is above max 4`,
		file + `:8: role "sre-lead": owns names unknown capability "sre-on-cal"; did you mean "sre-on-call"?`,
	}
	got := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(got) != len(want) {
		t.Fatalf("stderr:\n%s\nwant %d lines", errOut, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("line %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}

func TestCatalogUsageErrors(t *testing.T) {
	if code, _, errOut := runCatalogCmd(t, "extra.yaml"); code != ExitInvalid || !strings.Contains(errOut, "--catalog extra.yaml") {
		t.Errorf("positional argument: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCatalogCmd(t, "--nope"); code != ExitInvalid {
		t.Errorf("unknown flag: exit %d", code)
	}
	if code, _, errOut := runCatalogCmd(t, "--catalog", filepath.Join(t.TempDir(), "missing.yaml")); code != ExitInvalid || !strings.Contains(errOut, "missing.yaml: cannot read") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
}
