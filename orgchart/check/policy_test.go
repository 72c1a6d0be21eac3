package check_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

// withPolicy reads a crafted plan and inserts a policy block before its
// positions, so each case shows the policy's effect on a known plan.
func withPolicy(t *testing.T, file, policy string) *orgchart.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "positions:\n", "policy:\n"+policy+"positions:\n", 1)
	return parsePlan(t, text)
}

func TestPolicyOverrides(t *testing.T) {
	cat := testCatalog(t)
	cases := []struct {
		name, file, policy, rule string
		want                     []check.Severity // findings of rule, in order
	}{
		{"role range widened", "span.too-narrow.yaml", "  span:\n    roles:\n      eng-manager: {min: 3, max: 8}\n", "span.too-narrow", nil},
		{"role range narrowed", "span.too-narrow.near.yaml", "  span:\n    roles:\n      eng-manager: {min: 6, max: 8}\n", "span.too-narrow", []check.Severity{check.Warning}},
		{"far outside raised", "span.too-wide.yaml", "  span:\n    farOutside: 20\n", "span.too-wide", []check.Severity{check.Warning, check.Warning}},
		{"rule off", "span.chain.yaml", "  rules:\n    span.chain: off\n", "span.chain", nil},
		{"chain off reports its members as single reports", "span.chain.yaml", "  rules:\n    span.chain: off\n", "span.single-report", []check.Severity{check.Warning, check.Warning, check.Warning}},
		{"both off", "span.chain.yaml", "  rules:\n    span.chain: off\n    span.single-report: off\n", "span.single-report", nil},
		{"severity lowered", "coverage.gap.yaml", "  rules:\n    coverage.gap: info\n", "coverage.gap", []check.Severity{check.Info}},
		{"severity raised", "span.too-wide.yaml", "  rules:\n    span.too-wide: error\n", "span.too-wide", []check.Severity{check.Error, check.Error}},
		{"intended single report", "span.single-report.yaml", "  intended: [vp]\n", "span.single-report", nil},
		{"intended breaks a chain", "span.chain.yaml", "  intended: [vp]\n", "span.chain", nil},
		{"intended breaks a chain into single reports", "span.chain.yaml", "  intended: [vp]\n", "span.single-report", []check.Severity{check.Warning, check.Warning}},
		{"layers max", "layers.too-deep.near.yaml", "  layers:\n    max: 3\n", "layers.too-deep", []check.Severity{check.Warning}},
		{"layer base", "layers.too-deep.yaml", "  layers:\n    base: 2\n", "layers.too-deep", nil},
		{"vacant manager threshold", "span.vacant-manager.near.yaml", "  span:\n    vacantManager: 5\n", "span.vacant-manager", []check.Severity{check.Warning}},
		{"dotted max", "reporting.dotted-overload.yaml", "  reporting:\n    dottedMax: 3\n", "reporting.dotted-overload", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := check.Run(withPolicy(t, c.file, c.policy), cat)
			got := byRule(r, c.rule)
			var sevs []check.Severity
			for _, f := range got {
				sevs = append(sevs, f.Severity)
			}
			if !reflect.DeepEqual(sevs, c.want) {
				t.Fatalf("%s findings: %v, want %v (%+v)", c.rule, sevs, c.want, got)
			}
		})
	}
}

// The policy's default ranges apply to roles without a range of their own,
// chosen by the manager's kind: first-line, manager of managers, executive.
func TestPolicyDefaultRangesByKind(t *testing.T) {
	cat := testCatalog(t)
	plan := `version: 1
positions:
  - {id: top, role: generic-lead, holder: T}
  - {id: m1, role: generic-lead, holder: A, reportsTo: top}
  - {id: m1t, role: engineer, count: 3, reportsTo: m1}
  - {id: m2, role: generic-lead, holder: B, reportsTo: top}
  - {id: m2t, role: engineer, count: 11, reportsTo: m2}
`
	r := check.Run(parsePlan(t, plan), cat)
	narrow, wide := byRule(r, "span.too-narrow"), byRule(r, "span.too-wide")
	// top: a manager of managers with 2 reports (3-8): too narrow.
	// m1: first-line with 3 (4-10): too narrow. m2: first-line with 11: too wide.
	if len(narrow) != 2 || narrow[0].Positions[0] != "top" || narrow[1].Positions[0] != "m1" {
		t.Fatalf("too-narrow: %+v", narrow)
	}
	if !strings.Contains(narrow[0].Message, "a manager of managers works best with 3-8") ||
		!strings.Contains(narrow[1].Message, "a first-line manager works best with 4-10") {
		t.Errorf("messages do not name the default: %q / %q", narrow[0].Message, narrow[1].Message)
	}
	if len(wide) != 1 || wide[0].Positions[0] != "m2" {
		t.Fatalf("too-wide: %+v", wide)
	}
	plan = strings.Replace(plan, "positions:\n", "policy:\n  span:\n    firstLine: {min: 3, max: 11}\n    managersOfManagers: {min: 2}\npositions:\n", 1)
	r = check.Run(parsePlan(t, plan), cat)
	if n := len(byRule(r, "span.too-narrow")) + len(byRule(r, "span.too-wide")); n != 0 {
		t.Fatalf("policy ranges not applied: %+v", r.Findings)
	}
}

// Chiefs of staff and assistants are left out of span counts by default;
// `exclude: []` counts them.
func TestPolicySpanExclude(t *testing.T) {
	cat := testCatalog(t)
	plan := `version: 1
positions:
  - {id: cto, role: cto, holder: Ann}
  - {id: cos, role: chief-of-staff, holder: Cos, reportsTo: cto}
  - {id: a, role: generic-lead, holder: A, reportsTo: cto}
  - {id: at, role: engineer, count: 5, reportsTo: a}
  - {id: b, role: generic-lead, holder: B, reportsTo: cto}
  - {id: bt, role: engineer, count: 5, reportsTo: b}
`
	r := check.Run(parsePlan(t, plan), cat)
	if f := byRule(r, "span.too-narrow"); len(f) != 1 || !strings.Contains(f[0].Message, "has 2 direct reports") {
		t.Fatalf("chief of staff should not count: %+v", f)
	}
	plan = strings.Replace(plan, "positions:\n", "policy:\n  span:\n    exclude: []\npositions:\n", 1)
	r = check.Run(parsePlan(t, plan), cat)
	if f := byRule(r, "span.too-narrow"); len(f) != 0 {
		t.Fatalf("with exclude: [] the chief of staff counts: %+v", f)
	}
}

func TestPolicyUnknownKeyIsAnInputError(t *testing.T) {
	_, _, err := orgchart.Read([]byte("version: 1\npolicy:\n  span:\n    firstLine: {min: 3}\n    widest: 9\npositions: []\n"), "org.yaml", testCatalog(t))
	var ps catalog.Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	if ps[0].Line != 5 || !strings.Contains(ps[0].String(), `org.yaml:5: unknown key "widest" in policy.span; allowed keys: firstLine, managersOfManagers`) {
		t.Fatalf("problem %q", ps[0].String())
	}
}

// A plan with every policy key reads and writes back byte-identical.
func TestPolicyRoundTripsThroughThePlanFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(dir, "policy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := orgchart.Read(data, "policy.yaml", testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if p.Policy.IsZero() || len(p.Policy.Rules) != 2 || p.Policy.FarOutside != 20 {
		t.Fatalf("policy not read: %+v", p.Policy)
	}
	if out := p.Encode(); string(out) != string(data) {
		t.Fatalf("policy.yaml is not written back byte-identical:\n%s", out)
	}
}

func TestPolicyIntendedUnknownIDIsAnInputError(t *testing.T) {
	_, _, err := orgchart.Read([]byte("version: 1\npolicy:\n  intended:\n    - ghost\npositions:\n  - {id: a, role: cto, holder: A}\n"), "org.yaml", testCatalog(t))
	var ps catalog.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Line != 4 || !strings.Contains(ps[0].Message, `"ghost"`) {
		t.Fatalf("want org.yaml:4 naming ghost, got %v", err)
	}
}
