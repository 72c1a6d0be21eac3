package catalog

import (
	"strings"
	"testing"
)

// knownRefs lists the framework entries research/domain.md names; a
// capability's refs must cite one of them exactly, so a typo cannot ship.
var knownRefs = map[string][]string{
	"NIST CSF 2.0 ": {"GV.OC", "GV.RM", "GV.RR", "GV.PO", "GV.OV", "GV.SC", "ID.AM", "ID.RA", "ID.IM",
		"PR.AA", "PR.AT", "PR.DS", "PR.PS", "PR.IR", "DE.CM", "DE.AE", "RS.MA", "RS.AN", "RS.CO", "RS.MI", "RC.RP", "RC.CO"},
	// NIST Privacy Framework 1.0 categories (ID.IM-P ...), cited rather than
	// the five functions alone.
	"NIST PF ": {"ID.IM-P", "ID.BE-P", "ID.RA-P", "ID.DE-P", "GV.PO-P", "GV.RM-P", "GV.AT-P", "GV.MT-P",
		"CT.PO-P", "CT.DM-P", "CT.DP-P", "CM.PO-P", "CM.AW-P", "PR.PO-P", "PR.AC-P", "PR.DS-P", "PR.MA-P", "PR.PT-P"},
	"NIST AI RMF ": {"GOVERN", "MAP", "MEASURE", "MANAGE"},
	"ITIL 4: ": {"architecture management", "continual improvement", "information security management",
		"knowledge management", "measurement and reporting", "organizational change management",
		"portfolio management", "project management", "relationship management", "risk management",
		"service financial management", "strategy management", "supplier management",
		"workforce and talent management", "availability management", "business analysis",
		"capacity and performance management", "change enablement", "incident management",
		"IT asset management", "monitoring and event management", "problem management",
		"release management", "service catalogue management", "service configuration management",
		"service continuity management", "service design", "service desk", "service level management",
		"service request management", "service validation and testing", "deployment management",
		"infrastructure and platform management", "software development and management"},
	"SRE: ": {"SLIs and SLOs", "error budgets", "monitoring and alerting", "on-call", "incident response",
		"postmortems", "capacity planning and overload handling", "toil reduction and automation",
		"release engineering", "reliability testing", "launch readiness", "data integrity"},
	"DORA: ": {"continuous delivery", "deployment automation", "trunk-based development", "version control",
		"continuous integration", "test automation", "test data management", "database change management",
		"loosely coupled teams", "streamlined change approval", "monitoring and observability",
		"proactive failure notification", "pervasive security", "flexible infrastructure", "small batches",
		"WIP limits", "visual management", "value-stream visibility", "customer feedback",
		"documentation quality", "code maintainability", "generative culture", "learning culture",
		"job satisfaction", "transformational leadership", "team experimentation", "well-being"},
	"DAMA: ": {"data governance", "data architecture", "data modeling and design", "data storage and operations",
		"data security", "data integration and interoperability", "document and content management",
		"reference and master data", "data warehousing and business intelligence", "metadata management",
		"data quality"},
	"Product management: ": {"discovery and research", "market and competitive analysis", "vision and strategy",
		"portfolio", "roadmap", "requirements and backlog", "pricing and packaging", "business case",
		"go-to-market and launch", "lifecycle and retirement", "product analytics and outcomes", "product operations"},
}

func TestDefaultCapabilityRefsAreKnown(t *testing.T) {
	c := loadDefault(t)
	for _, k := range c.Capabilities {
		for _, ref := range k.Refs {
			if !knownRef(ref) {
				t.Errorf("capability %s (%s): unknown framework reference %q", k.ID, k.Source, ref)
			}
		}
	}
}

func knownRef(ref string) bool {
	for prefix, names := range knownRefs {
		if name, ok := strings.CutPrefix(ref, prefix); ok {
			return contains(names, name)
		}
	}
	return false
}

func TestKnownRefRejectsTypos(t *testing.T) {
	for _, ref := range []string{"NIST CSF 2.0 RS.XX", "ITIL 4: incident", "DORA continuous delivery", "NIST PF CT-X"} {
		if knownRef(ref) {
			t.Errorf("knownRef(%q) = true", ref)
		}
	}
}
