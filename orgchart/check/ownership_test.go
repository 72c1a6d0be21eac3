package check_test

import (
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

// Each case is a plan that raises a rule the way a changed rule now does,
// and its near miss one step away.
func TestChangedRulesRaiseAndNearMiss(t *testing.T) {
	cases := []struct {
		name, rule  string
		raise, near string
		sev         check.Severity
		messageHas  string // the finding's words; the near miss has no such finding
	}{
		{
			name: "derived conflict: the CISO under the owner of what it audits", rule: "reporting.conflict",
			raise: `version: 1
positions:
  - {id: cto, role: cto, holder: A}
  - {id: it, role: it-ops-manager, holder: B, reportsTo: cto}
  - {id: sec, role: ciso, holder: C, reportsTo: it}
`,
			near: `version: 1
positions:
  - {id: cto, role: cto, holder: A}
  - {id: it, role: it-ops-manager, holder: B, reportsTo: cto, notOwns: [it-operations]}
  - {id: sec, role: ciso, holder: C, reportsTo: it}
`,
			sev: check.Warning, messageHas: "who owns IT operations (IT), which the Chief Information Security Officer role independently assesses",
		},
		{
			name: "synonym roles are one role: no overlap among four SRE managers", rule: "coverage.overlap",
			raise: `version: 1
positions:
  - {id: cto, role: cto, holder: A}
  - {id: d1, role: sre-dir, holder: B, reportsTo: cto}
  - {id: m1, role: sre-mgr, holder: C, reportsTo: d1}
  - {id: em, role: eng-manager, holder: D, reportsTo: cto, owns: [sre-toil-work]}
`,
			near: `version: 1
positions:
  - {id: cto, role: cto, holder: A}
  - {id: d1, role: sre-dir, holder: B, reportsTo: cto}
  - {id: m1, role: sre-mgr, holder: C, reportsTo: d1}
  - {id: m2, role: sre-mgr, holder: D, reportsTo: d1}
  - {id: m3, role: site-reliability-mgr, holder: E, reportsTo: d1}
  - {id: m4, role: site-reliability-mgr, holder: F, reportsTo: d1}
`,
			sev: check.Warning, messageHas: "Toil reduction (SRE) is owned by",
		},
		{
			name: "plan ownership closes a gap; notOwns opens one", rule: "coverage.gap",
			raise: `version: 1
positions:
  - {id: cto, role: cto, holder: A}
  - {id: sm, role: sec-manager, holder: B, reportsTo: cto, notOwns: [sec-vulnerability]}
`,
			near: `version: 1
positions:
  - {id: cto, role: cto, holder: A, owns: [sec-vulnerability, sre-pager]}
  - {id: sm, role: eng-manager, holder: B, reportsTo: cto}
`,
			sev: check.Error, messageHas: "Nobody owns Vulnerability management (SEC)",
		},
		{
			name: "two stacked single-report managers: a warning, not an error", rule: "span.chain",
			raise: `version: 1
positions:
  - {id: vp, role: vp-eng, holder: A}
  - {id: em, role: eng-manager, holder: B, reportsTo: vp}
  - {id: lead, role: generic-lead, holder: C, reportsTo: em}
  - {id: devs, role: engineer, count: 6, reportsTo: lead}
`,
			near: `version: 1
positions:
  - {id: vp, role: vp-eng, holder: A}
  - {id: em, role: eng-manager, holder: B, reportsTo: vp}
  - {id: em2, role: eng-manager, holder: X, reportsTo: vp}
  - {id: lead, role: generic-lead, holder: C, reportsTo: em}
  - {id: devs, role: engineer, count: 6, reportsTo: lead}
`,
			sev: check.Warning, messageHas: "2 managers in a row",
		},
	}
	cat := testCatalog(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			find := func(text string) *check.Finding {
				for _, f := range byRule(check.Run(parsePlan(t, text), cat), c.rule) {
					if strings.Contains(f.Message, c.messageHas) {
						return &f
					}
				}
				return nil
			}
			got := find(c.raise)
			if got == nil {
				t.Fatalf("no %s finding with %q", c.rule, c.messageHas)
			}
			if got.Severity != c.sev {
				t.Errorf("got %v %q, want %v", got.Severity, got.Message, c.sev)
			}
			if near := find(c.near); near != nil {
				t.Errorf("near miss raised %s: %s", c.rule, near.Message)
			}
		})
	}
}

// layers.too-deep is an error three or more layers over what the headcount
// warrants (12 layers for 303 people), a warning when one or two over.
func TestTooDeepSeverityFollowsHowFar(t *testing.T) {
	cat := testCatalog(t)
	build := func(layers, people int) *orgchart.Plan {
		p := orgchart.NewPlan("deep")
		prev := ""
		for k := 0; k < layers-1; k++ {
			id := "l" + string(rune('a'+k))
			p.Positions = append(p.Positions, &orgchart.Position{ID: id, Role: "generic-lead", Holder: "H", ReportsTo: prev})
			prev = id
		}
		p.Positions = append(p.Positions, &orgchart.Position{ID: "team", Role: "engineer", Count: people - (layers - 1), ReportsTo: prev})
		return p
	}
	for _, c := range []struct {
		layers, people int
		sev            check.Severity
	}{{12, 303, check.Error}, {8, 303, check.Warning}} {
		got := byRule(check.Run(build(c.layers, c.people), cat), "layers.too-deep")
		if len(got) != 1 || got[0].Severity != c.sev {
			t.Errorf("%d layers for %d people: %+v, want one %v", c.layers, c.people, got, c.sev)
		}
	}
}

func TestSummaryShapeFigures(t *testing.T) {
	cat := testCatalog(t)
	p := parsePlan(t, `version: 1
positions:
  - {id: vp, role: vp-eng, holder: A, cost: 300000}
  - {id: em1, role: eng-manager, holder: B, reportsTo: vp, cost: 200000}
  - {id: t1, role: engineer, count: 6, reportsTo: em1, cost: 100000}
  - {id: em2, role: eng-manager, reportsTo: vp, cost: 200000}
  - {id: t2, role: engineer, count: 4, reportsTo: em2, cost: 100000}
`)
	s := check.Run(p, cat).Summary
	if s.ICsPerManager != 3.33 {
		t.Errorf("icsPerManager %v, want 10/3 = 3.33", s.ICsPerManager)
	}
	if s.ManagementCostShare == nil || *s.ManagementCostShare != 0.41 {
		t.Errorf("managementCostShare %v, want 700k/1.7M = 0.41", s.ManagementCostShare)
	}
	if len(s.ByLayer) != 3 {
		t.Fatalf("byLayer %+v", s.ByLayer)
	}
	l2 := s.ByLayer[1]
	// The vacant second manager is left out of the span mean.
	if l2.Layer != 2 || l2.Positions != 2 || l2.Managers != 2 || l2.SpanMean != 6 || l2.Cost == nil || *l2.Cost != 400000 {
		t.Errorf("layer 2 %+v", l2)
	}
	if l3 := s.ByLayer[2]; l3.Headcount != 10 || l3.Managers != 0 || *l3.Cost != 1000000 {
		t.Errorf("layer 3 %+v", l3)
	}
	if s := check.Run(parsePlan(t, "version: 1\npositions:\n  - {id: a, role: engineer}\n"), cat).Summary; s.ManagementCostShare != nil {
		t.Error("managementCostShare without costs must be null")
	}
}
