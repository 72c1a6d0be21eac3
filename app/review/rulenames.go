package review

// ruleNames say in words what each check rule finds, for the group headings
// of the findings list; the rule id follows in the heading, as `check` and
// docs/checks.md name it. A rule not listed here is shown by its id alone.
var ruleNames = map[string]string{
	"span.single-report":            "Managers with a single report",
	"span.chain":                    "Chains of single-report managers",
	"span.too-narrow":               "Spans narrower than the role's range",
	"span.too-wide":                 "Spans wider than the role's range",
	"span.missing-manager":          "Leaders of leaders with no manager below",
	"span.mixed":                    "Managers leading managers and individual contributors",
	"span.vacant-manager":           "Vacant managers of people who are there",
	"coverage.gap":                  "Required capabilities nobody owns",
	"coverage.support-only":         "Required capabilities only supported, not owned",
	"coverage.overlap":              "Capabilities owned in separate branches",
	"coverage.vacant-owner":         "Capabilities whose owners are all vacant",
	"coverage.duplicate-leader":     "Strategy and governance led in separate branches",
	"layers.too-deep":               "Too many layers",
	"reporting.conflict":            "Reporting lines that are conflicts of interest",
	"reporting.ic-manages":          "Individual contributors with reports",
	"reporting.team-manages":        "Teams with reports",
	"reporting.unusual-manager":     "Unusual managers for the role",
	"reporting.dotted-overload":     "Too many dotted-line managers",
	"reporting.orphan":              "Individual contributors at the top",
	"reporting.seniority-inversion": "Positions reporting to a lower level",
}

// groupTitle is a group's heading: the rule in words, then its id.
func groupTitle(rule string) string {
	if name := ruleNames[rule]; name != "" {
		return name + " (" + rule + ")"
	}
	return rule
}
