package check

import (
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// DefaultSeverity returns a rule's severity when the policy leaves it alone
// (span.too-wide, span.chain, layers.too-deep, coverage.duplicate-leader and
// reporting.seniority-inversion change severity with how far off the plan
// is; the default is the usual case's), and false for
// an unknown rule id. docs/checks.md explains each rule and its default.
func DefaultSeverity(rule string) (Severity, bool) {
	switch rule {
	case "coverage.gap", "coverage.duplicate-leader":
		return Error, true
	case "reporting.unusual-manager", "span.mixed":
		return Info, true
	case "span.single-report", "span.chain", "span.too-narrow", "span.too-wide", "span.vacant-manager",
		"span.missing-manager", "layers.too-deep", "coverage.support-only", "coverage.overlap",
		"coverage.vacant-owner", "reporting.conflict", "reporting.ic-manages", "reporting.team-manages",
		"reporting.dotted-overload", "reporting.seniority-inversion", "reporting.orphan":
		return Warning, true
	}
	return Info, false
}

// Run checks a plan against the catalog under the plan's policy. It reads the
// plan without changing it. A nil catalog checks structure only; a nil plan
// is an empty one.
func Run(p *orgchart.Plan, cat *catalog.Catalog) *Report {
	if p == nil {
		p = &orgchart.Plan{}
	}
	o := newOrg(p, cat)
	c := &checker{org: o, report: &Report{}}
	c.cov = o.coverage()
	c.checkSpans()
	c.checkSpanMix()
	c.checkLayers()
	c.checkReporting()
	c.checkSeniority()
	c.checkOrphans()
	c.checkCoverage()
	c.report.Summary = o.summary(c.cov, c.overlaps)
	c.report.finish(o.at, len(o.pos))
	return c.report
}

// checker collects findings, applying the policy's rule settings.
type checker struct {
	*org
	report   *Report
	cov      *coverage
	inc      *Checker               // set when a Checker re-checks: cached coverage per capability
	overlaps map[catalog.Domain]int // capabilities with an overlap, for the summary
}

// on reports whether a rule is turned on in the policy.
func (c *checker) on(rule string) bool { return c.pol.Rules[rule] != "off" }

// add records a finding of a rule at its severity (sev is the rule's own
// severity for this case; a policy setting replaces it).
func (c *checker) add(rule string, sev Severity, order int, positions []string, message, suggestion string) {
	switch c.pol.Rules[rule] {
	case "off":
		return
	case "info":
		sev = Info
	case "warning":
		sev = Warning
	case "error":
		sev = Error
	}
	c.report.Findings = append(c.report.Findings, Finding{
		Rule: rule, Severity: sev, Positions: positions,
		Message: message, Suggestion: suggestion, order: order,
	})
}

// addCap is add for a coverage finding, recording the capabilities it is about.
func (c *checker) addCap(rule string, sev Severity, order int, positions, caps []string, message, suggestion string) {
	before := len(c.report.Findings)
	c.add(rule, sev, order, positions, message, suggestion)
	if len(c.report.Findings) > before {
		c.report.Findings[before].Capabilities = caps
	}
}
