package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

const dir = "../../testdata/checks"

// testCatalog is the small fixed catalog of testdata/checks, so that the crafted
// plans keep their meaning when the built-in catalog is tuned.
func testCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Parse(data, "catalog.yaml")
	if err != nil {
		t.Fatalf("test catalog: %v", err)
	}
	return cat
}

func readPlan(t testing.TB, path string, cat *catalog.Catalog) *orgchart.Plan {
	t.Helper()
	p, _, err := orgchart.ReadFile(path, cat)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return p
}

// parsePlan reads a plan from text against the test catalog.
func parsePlan(t testing.TB, text string) *orgchart.Plan {
	t.Helper()
	p, _, err := orgchart.Read([]byte(text), "test.yaml", testCatalog(t))
	if err != nil {
		t.Fatalf("test plan: %v", err)
	}
	return p
}

func byRule(r *check.Report, rule string) []check.Finding {
	var out []check.Finding
	for _, f := range r.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// What each raising plan in testdata/checks must give for its rule: the
// findings' severities and positions, in report order.
var raised = map[string][]struct {
	sev       check.Severity
	positions []string
}{
	"span.single-report":        {{check.Warning, []string{"vp"}}},
	"span.chain":                {{check.Error, []string{"cto", "vp", "em"}}},
	"span.too-narrow":           {{check.Warning, []string{"em"}}},
	"span.too-wide":             {{check.Error, []string{"em2"}}, {check.Warning, []string{"em1"}}},
	"span.vacant-manager":       {{check.Warning, []string{"em"}}},
	"layers.too-deep":           {{check.Warning, []string{"l1", "l2", "l3", "l4", "l5"}}},
	"coverage.gap":              {{check.Error, []string{}}},
	"coverage.support-only":     {{check.Warning, []string{"secs"}}},
	"coverage.overlap":          {{check.Warning, []string{"vp", "it"}}},
	"coverage.vacant-owner":     {{check.Warning, []string{"sec"}}},
	"reporting.conflict":        {{check.Warning, []string{"sec", "it"}}},
	"reporting.ic-manages":      {{check.Warning, []string{"e1"}}},
	"reporting.team-manages":    {{check.Warning, []string{"devs"}}},
	"reporting.unusual-manager": {{check.Info, []string{"e1", "e2"}}},
	"reporting.dotted-overload": {{check.Warning, []string{"x"}}},
	"reporting.seniority-inversion": {
		{check.Error, []string{"em", "vp"}}, {check.Error, []string{"intern", "c1", "c2"}},
		{check.Warning, []string{"vp2", "sec"}},
	},
	"reporting.orphan":          {{check.Warning, []string{"lost"}}},
	"coverage.duplicate-leader": {{check.Error, []string{"a", "b"}}},
	"span.missing-manager":      {{check.Warning, []string{"vp"}}},
	"span.mixed":                {{check.Info, []string{"vp"}}},
}

// TestEveryRuleRaisedAndNearMissed runs each crafted plan: <rule>.yaml must
// raise the rule exactly as listed in raised, <rule>.near*.yaml must not.
func TestEveryRuleRaisedAndNearMissed(t *testing.T) {
	cat := testCatalog(t)
	for _, rule := range orgchart.RuleIDs() {
		t.Run(rule, func(t *testing.T) {
			want, ok := raised[rule]
			if !ok {
				t.Fatalf("no expectation for rule %s", rule)
			}
			r := check.Run(readPlan(t, filepath.Join(dir, rule+".yaml"), cat), cat)
			got := byRule(r, rule)
			if len(got) != len(want) {
				t.Fatalf("%s.yaml: %d findings of %s, want %d: %+v", rule, len(got), rule, len(want), got)
			}
			for k, f := range got {
				if f.Severity != want[k].sev || !slices.Equal(f.Positions, want[k].positions) {
					t.Errorf("finding %d: %v %v, want %v %v (%s)", k, f.Severity, f.Positions, want[k].sev, want[k].positions, f.Message)
				}
				if f.Message == "" || f.Suggestion == "" {
					t.Errorf("finding %d lacks a message or suggestion: %+v", k, f)
				}
			}
			nears, _ := filepath.Glob(filepath.Join(dir, rule+".near*.yaml"))
			if len(nears) == 0 {
				t.Fatalf("no near-miss plan for %s", rule)
			}
			for _, near := range nears {
				r := check.Run(readPlan(t, near, cat), cat)
				if got := byRule(r, rule); len(got) > 0 {
					t.Errorf("%s raised %s: %s", filepath.Base(near), rule, got[0].Message)
				}
			}
		})
	}
}

func TestMessagesReadForAVP(t *testing.T) {
	cat := testCatalog(t)
	r := check.Run(readPlan(t, filepath.Join(dir, "span.too-wide.yaml"), cat), cat)
	f := byRule(r, "span.too-wide")[1]
	want := "Engineering Manager (Cy) has 10 direct reports; a coach-type role works best with 5-8."
	if f.Message != want {
		t.Errorf("message %q\nwant    %q", f.Message, want)
	}
	if !strings.Contains(f.Suggestion, "move 2 reports to a peer manager") {
		t.Errorf("suggestion %q does not say how many to move", f.Suggestion)
	}
	r = check.Run(readPlan(t, filepath.Join(dir, "reporting.conflict.yaml"), cat), cat)
	f = byRule(r, "reporting.conflict")[0]
	if !strings.Contains(f.Message, "Security engineering reviews the systems IT operations runs.") {
		t.Errorf("conflict message lacks the catalog's reason: %q", f.Message)
	}
	if !strings.Contains(f.Suggestion, "report to a Chief Information Security Officer instead") {
		t.Errorf("conflict suggestion does not name a better manager: %q", f.Suggestion)
	}
	r = check.Run(readPlan(t, filepath.Join(dir, "coverage.gap.yaml"), cat), cat)
	f = byRule(r, "coverage.gap")[0]
	if !strings.Contains(f.Message, "Nobody owns Vulnerability management (SEC)") ||
		!strings.Contains(f.Suggestion, "a Security Engineering Manager owns it") {
		t.Errorf("gap finding: %q / %q", f.Message, f.Suggestion)
	}
}

func TestFindingsSortedBySeverityRuleAndPlanOrder(t *testing.T) {
	cat := testCatalog(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, file := range files {
		if filepath.Base(file) == "catalog.yaml" {
			continue
		}
		p, _, err := orgchart.ReadFile(file, cat)
		if err != nil {
			continue // the invalid-input fixtures
		}
		fs := check.Run(p, cat).Findings
		for k := 1; k < len(fs); k++ {
			a, b := fs[k-1], fs[k]
			if a.Severity < b.Severity || (a.Severity == b.Severity && a.Rule > b.Rule) {
				t.Errorf("%s: %s/%s before %s/%s", filepath.Base(file), a.Severity, a.Rule, b.Severity, b.Rule)
			}
		}
	}
	// Plan order within a rule: the two too-narrow managers come as listed.
	p := parsePlan(t, `version: 1
positions:
  - {id: b, role: eng-manager, holder: B}
  - {id: b1, role: engineer, count: 2, reportsTo: b}
  - {id: a, role: eng-manager, holder: A}
  - {id: a1, role: engineer, count: 3, reportsTo: a}
`)
	got := byRule(check.Run(p, cat), "span.too-narrow")
	if len(got) != 2 || got[0].Positions[0] != "b" || got[1].Positions[0] != "a" {
		t.Fatalf("not in plan order: %+v", got)
	}
}

func TestCountsPerPosition(t *testing.T) {
	cat := testCatalog(t)
	r := check.Run(readPlan(t, filepath.Join(dir, "span.too-wide.yaml"), cat), cat)
	if c := r.Counts("em2"); c != [3]int{0, 0, 1} {
		t.Errorf("Counts(em2) = %v, want one error", c)
	}
	if c := r.Counts("em1"); c != [3]int{0, 1, 0} {
		t.Errorf("Counts(em1) = %v, want one warning", c)
	}
	if c := r.Counts("em3"); c != [3]int{} {
		t.Errorf("Counts(em3) = %v, want none", c)
	}
	var nilReport *check.Report
	if c := nilReport.Counts("x"); c != [3]int{} {
		t.Errorf("nil report counts %v", c)
	}
}

func TestRunDoesNotChangeThePlan(t *testing.T) {
	cat := testCatalog(t)
	p := readPlan(t, filepath.Join(dir, "span.chain.yaml"), cat)
	before := string(p.Encode())
	a := check.Run(p, cat)
	b := check.Run(p, cat)
	if string(p.Encode()) != before {
		t.Fatal("Run changed the plan")
	}
	if len(a.Findings) != len(b.Findings) || a.Summary.Headcount != b.Summary.Headcount {
		t.Fatal("Run is not repeatable")
	}
}

func TestNilCatalogAndEmptyPlan(t *testing.T) {
	if r := check.Run(nil, nil); len(r.Findings) != 0 || r.Summary.Positions != 0 {
		t.Fatalf("nil plan: %+v", r)
	}
	r := check.Run(orgchart.NewPlan("empty"), nil)
	if len(r.Findings) != 0 || r.Summary.Positions != 0 || r.Summary.Layers != 0 {
		t.Fatalf("empty plan: %+v", r)
	}
	p := parsePlan(t, "version: 1\npositions:\n  - {id: a, role: eng-manager, holder: A}\n  - {id: b, role: engineer, holder: B, reportsTo: a}\n")
	r = check.Run(p, nil) // structure only: no roles known
	if got := byRule(r, "span.single-report"); len(got) != 1 {
		t.Fatalf("without a catalog the span rules still run: %+v", r.Findings)
	}
}

// A cycle cannot come from a file (the reader refuses it), but a plan built in
// code can hold one; Run must neither loop nor panic.
func TestCycleInCodeBuiltPlan(t *testing.T) {
	p := orgchart.NewPlan("cycle")
	p.Positions = []*orgchart.Position{
		{ID: "a", Role: "eng-manager", ReportsTo: "b"},
		{ID: "b", Role: "eng-manager", ReportsTo: "a"},
		{ID: "c", Role: "engineer", ReportsTo: "a"},
		{ID: "d", Role: "engineer", ReportsTo: "d"},
	}
	p.Reindex()
	r := check.Run(p, testCatalog(t))
	if r.Summary.Positions != 4 {
		t.Fatalf("summary %+v", r.Summary)
	}
}

func TestCoverageFindingsNameTheirCapabilities(t *testing.T) {
	cat := testCatalog(t)
	want := map[string][]string{
		"coverage.gap":          {"sec-vulnerability"},
		"coverage.support-only": {"sec-vulnerability"},
		"coverage.overlap":      {"eng-release", "eng-deployment"}, // one finding per set of owners
		"coverage.vacant-owner": {"sec-vulnerability", "sec-incident-response"},
	}
	for rule, caps := range want {
		r := check.Run(readPlan(t, filepath.Join(dir, rule+".yaml"), cat), cat)
		got := byRule(r, rule)
		if len(got) != 1 || !slices.Equal(got[0].Capabilities, caps) {
			t.Errorf("%s: capabilities %v, want %v", rule, got, caps)
		}
	}
	r := check.Run(readPlan(t, filepath.Join(dir, "span.chain.yaml"), cat), cat)
	if c := byRule(r, "span.chain")[0].Capabilities; c != nil {
		t.Errorf("a span finding names capabilities %v", c)
	}
}

// escalates lists the rules whose severity follows how far off the plan is.
var escalates = map[string]bool{
	"span.too-wide": true, "span.chain": true, "layers.too-deep": true,
	"reporting.seniority-inversion": true, "coverage.duplicate-leader": true,
}

// DefaultSeverity is what the rules emit (the escalating rules also give the
// other severity), and it knows exactly the policy's rule ids.
func TestDefaultSeverityMatchesTheRules(t *testing.T) {
	for _, rule := range orgchart.RuleIDs() {
		sev, ok := check.DefaultSeverity(rule)
		if !ok {
			t.Errorf("DefaultSeverity does not know %s", rule)
			continue
		}
		for _, w := range raised[rule] {
			if w.sev != sev && !escalates[rule] {
				t.Errorf("%s emits %v, DefaultSeverity says %v", rule, w.sev, sev)
			}
		}
	}
	if _, ok := check.DefaultSeverity("span.too-big"); ok {
		t.Error("DefaultSeverity knows an unknown rule")
	}
}

// A 20,000-deep chain built in code: one chain finding with a short message,
// one deep-layers finding, and no recursion.
func TestVeryDeepChain(t *testing.T) {
	p := orgchart.NewPlan("deep")
	const n = 20_000
	for i := 0; i < n; i++ {
		pos := &orgchart.Position{ID: fmt.Sprintf("p%d", i), Role: "generic-lead", Holder: "H"}
		if i > 0 {
			pos.ReportsTo = fmt.Sprintf("p%d", i-1)
		}
		p.Positions = append(p.Positions, pos)
	}
	p.Reindex()
	r := check.Run(p, testCatalog(t))
	chain := byRule(r, "span.chain")
	if len(chain) != 1 || len(chain[0].Positions) != n-1 || len(chain[0].Message) > 500 {
		t.Fatalf("chain findings: %d, positions %d, message %d bytes", len(chain), len(chain[0].Positions), len(chain[0].Message))
	}
	if !strings.Contains(chain[0].Message, "… 19995 more") {
		t.Errorf("message %q", chain[0].Message)
	}
	if deep := byRule(r, "layers.too-deep"); len(deep) != 1 || r.Summary.Layers != n {
		t.Fatalf("layers %d, deep findings %d", r.Summary.Layers, len(deep))
	}
}
