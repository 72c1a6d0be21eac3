package cli

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

const checksDir = "../../testdata/checks/"

func runCheckCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader("")}, append([]string{"check"}, args...))
	return code, out.String(), errOut.String()
}

func TestCheckExitCodes(t *testing.T) {
	cat := "--catalog=" + checksDir + "catalog.yaml"
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"no error-severity finding", []string{checksDir + "cli-clean.yaml", cat}, ExitOK},
		{"error-severity findings", []string{checksDir + "span.chain.yaml", cat}, ExitFindings},
		{"errors still count when hidden", []string{"--min-severity", "error", checksDir + "span.chain.yaml", cat}, ExitFindings},
		{"invalid plan", []string{checksDir + "cli-invalid.yaml", cat}, ExitInvalid},
		{"missing plan", []string{checksDir + "no-such-plan.yaml"}, ExitInvalid},
		{"no plan", nil, ExitInvalid},
		{"two plans", []string{checksDir + "cli-clean.yaml", checksDir + "span.chain.yaml"}, ExitInvalid},
		{"bad severity", []string{"--min-severity", "loud", checksDir + "cli-clean.yaml", cat}, ExitInvalid},
		{"unknown flag", []string{"--fast", checksDir + "cli-clean.yaml"}, ExitInvalid},
		{"help", []string{"--help"}, ExitOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := runCheckCmd(t, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, c.code, errOut)
			}
		})
	}
}

func TestCheckInvalidInputNamesFileAndLine(t *testing.T) {
	_, out, errOut := runCheckCmd(t, checksDir+"cli-invalid.yaml", "--catalog", checksDir+"catalog.yaml")
	want := checksDir + `cli-invalid.yaml:6: unknown key "tooWide" in policy.span; allowed keys: firstLine,`
	if !strings.HasPrefix(errOut, want) || out != "" {
		t.Fatalf("stderr %q\nwant prefix %q (stdout %q)", errOut, want, out)
	}
}

func TestCheckHelp(t *testing.T) {
	_, out, _ := runCheckCmd(t, "--help")
	for _, w := range []string{"Usage: orgplanner check PLAN", "--json", "--min-severity", "--catalog", "Exit status"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q:\n%s", w, out)
		}
	}
}

func TestCheckJSONShape(t *testing.T) {
	code, out, errOut := runCheckCmd(t, checksDir+"cli-clean.yaml", "--json", "--catalog", checksDir+"catalog.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if keys := checkKeys(doc); !slices.Equal(keys, []string{"findings", "summary"}) {
		t.Fatalf("top-level keys %v", keys)
	}
	var findings []map[string]json.RawMessage
	if err := json.Unmarshal(doc["findings"], &findings); err != nil || len(findings) != 1 {
		t.Fatalf("findings: %v %s", err, doc["findings"])
	}
	if keys := checkKeys(findings[0]); !slices.Equal(keys, []string{"message", "positions", "rule", "severity", "suggestion"}) {
		t.Fatalf("finding keys %v", keys)
	}
	var f struct {
		Rule, Severity, Message, Suggestion string
		Positions                           []string
	}
	if err := json.Unmarshal([]byte(mustMarshal(findings[0])), &f); err != nil {
		t.Fatal(err)
	}
	if f.Rule != "span.vacant-manager" || f.Severity != "warning" || !slices.Equal(f.Positions, []string{"em3"}) {
		t.Fatalf("finding %+v", f)
	}

	var summary map[string]json.RawMessage
	if err := json.Unmarshal(doc["summary"], &summary); err != nil {
		t.Fatal(err)
	}
	want := []string{"byLayer", "cost", "coverage", "headcount", "icsPerManager", "layers", "managementCostShare", "managers", "positions", "spanBands", "spanMean", "spanMedian", "vacancies"}
	if keys := checkKeys(summary); !slices.Equal(keys, want) {
		t.Fatalf("summary keys %v, want %v", keys, want)
	}
	var s struct {
		Positions, Headcount, Vacancies, Managers, Layers int
		SpanMean, SpanMedian                              float64
		SpanBands                                         map[string]int
		Cost                                              *float64
		Coverage                                          map[string]map[string]int
	}
	if err := json.Unmarshal(doc["summary"], &s); err != nil {
		t.Fatal(err)
	}
	// 8 positions, 23 people; em3 and d2v vacant; cto, em1, em2, em3 manage.
	// Filled managers' spans: cto 3, em1 6, em2 6 (em3 is vacant, left out).
	if s.Positions != 8 || s.Headcount != 23 || s.Vacancies != 2 || s.Managers != 4 || s.Layers != 3 {
		t.Errorf("counts %+v", s)
	}
	if s.SpanMean != 5 || s.SpanMedian != 6 {
		t.Errorf("span mean %v median %v, want 5 and 6", s.SpanMean, s.SpanMedian)
	}
	wantBands := map[string]int{"1": 0, "2-3": 1, "4-7": 2, "8-12": 0, "13+": 0}
	if len(s.SpanBands) != 5 || !mapsEqual(s.SpanBands, wantBands) {
		t.Errorf("bands %v, want %v", s.SpanBands, wantBands)
	}
	if s.Cost == nil || *s.Cost != 200000+6*150000 {
		t.Errorf("cost %v, want 1100000", s.Cost)
	}
	it, ok := s.Coverage["IT"]
	if len(s.Coverage) != 1 || !ok {
		t.Fatalf("coverage %v, want only the scope's IT", s.Coverage)
	}
	if keys := checkKeys(it); !slices.Equal(keys, []string{"gaps", "overlaps", "owned", "required"}) {
		t.Errorf("coverage keys %v", keys)
	}
}

func TestCheckJSONEmptyFindingsAndNullCost(t *testing.T) {
	_, out, _ := runCheckCmd(t, checksDir+"cli-clean.yaml", "--json", "--min-severity", "error", "--catalog", checksDir+"catalog.yaml")
	if !strings.Contains(out, `"findings": []`) {
		t.Errorf("an empty finding list must be [] not null:\n%s", out)
	}
	_, out, _ = runCheckCmd(t, checksDir+"span.chain.yaml", "--json", "--catalog", checksDir+"catalog.yaml")
	if !strings.Contains(out, `"cost": null`) {
		t.Errorf("a plan without costs has cost null:\n%s", out)
	}
}

func TestCheckTextReport(t *testing.T) {
	_, out, _ := runCheckCmd(t, checksDir+"span.chain.yaml", "--catalog", checksDir+"catalog.yaml")
	iErr, iWarn, iInfo, iSum := strings.Index(out, "\nErrors\n"), strings.Index(out, "\nWarnings\n"), strings.Index(out, "\nInfo\n"), strings.Index(out, "\nSummary\n")
	if iErr < 0 || iWarn < iErr || iInfo < iWarn || iSum < iInfo {
		t.Fatalf("sections out of order or missing:\n%s", out)
	}
	for _, w := range []string{"CTO (Ann) › VP of Engineering (Bo) › Engineering Manager (Cy)", "[span.chain]", "      → ", "  Headcount    10\n", "  Span bands   1: 3  2-3: 0  4-7: 1  8-12: 0  13+: 0\n", "Domain  Required  Owned  Gaps  Overlaps"} {
		if !strings.Contains(out, w) {
			t.Errorf("report lacks %q:\n%s", w, out)
		}
	}
	_, out, _ = runCheckCmd(t, checksDir+"span.chain.yaml", "--min-severity", "warning", "--catalog", checksDir+"catalog.yaml")
	if strings.Contains(out, "\nInfo\n") || !strings.Contains(out, "\nWarnings\n") {
		t.Errorf("--min-severity warning must hide info findings only:\n%s", out)
	}
}

func checkKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func mustMarshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
