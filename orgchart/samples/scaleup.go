package samples

import (
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// scaleup is a scale-up's technology organisation of about 400 people under
// the CEO: a CTO with two product engineering VPs, infrastructure (SRE and
// platform) and data and AI; a CPO with three product directors; a CISO with
// security engineering, operations, product security and privacy. Corporate
// IT sits with the COO and is out of scope. Costs are given, a few roles are
// open and a few lines are dotted.
func scaleup() *orgchart.Plan {
	b := newBuilder("scaleup", "Scale-up technology organisation (about 400 people)", true)
	b.plan.Scope = []catalog.Domain{catalog.ENG, catalog.PLAT, catalog.SRE, catalog.SEC, catalog.PRIV, catalog.PROD, catalog.DATA}
	// Only the CEO's technology reports are in this plan.
	b.plan.Policy = orgchart.Policy{RoleSpans: map[string]orgchart.Range{
		"chief-executive-officer": {Min: 3, Max: 12},
	}}
	const vacancy = 5 // percent of individual-contributor roles open

	ceo := b.add("", spec{role: "chief-executive-officer",
		notes: "Also leads the CFO, CRO and COO, who are outside this plan."})
	b.add(ceo, spec{role: "chief-of-staff"})

	cto := b.add(ceo, spec{role: "chief-technology-officer"})
	b.add(cto, spec{role: "software-engineer", title: "Principal Engineer, Architecture"})

	consumer := b.add(cto, spec{role: "vp-of-engineering", title: "VP Engineering, Consumer"})
	b.add(consumer, spec{role: "technical-program-manager"})
	qa := b.add(consumer, spec{role: "qa-engineering-manager"})
	b.team(qa, vacancy, 2, member{"qa-engineer", "QA Engineer", 7})
	b.directorate(consumer, "Director, Consumer Apps", vacancy, "Web App", "Onboarding", "Search", "Notifications")
	b.directorate(consumer, "Director, Growth and Marketplace", vacancy, "Growth", "Marketplace", "Pricing Experiments", "Seller Tools")
	b.directorate(consumer, "Director, Content and Discovery", vacancy, "Feed", "Recommendations", "Media", "Reviews")
	mobile := b.add(consumer, spec{role: "director-of-engineering", title: "Director, Mobile", vacant: true,
		notes: "Open role: the VP Engineering, Consumer covers until filled."})
	for _, t := range []string{"iOS", "Android", "Mobile Platform", "Mobile Growth"} {
		b.deliveryTeam(mobile, "Engineering Manager, "+t, vacancy, spec{})
	}

	business := b.add(cto, spec{role: "vp-of-engineering", title: "VP Engineering, Business"})
	b.add(business, spec{role: "technical-program-manager"})
	payments := b.add(business, spec{role: "director-of-engineering", title: "Director, Payments Engineering"})
	b.deliveryTeam(payments, "Engineering Manager, Checkout", vacancy, spec{vacant: true,
		notes: "Open role: the director holds one-to-ones until a manager starts."})
	for _, t := range []string{"Billing", "Payouts", "Fraud", "Ledger"} {
		b.deliveryTeam(payments, "Engineering Manager, "+t, vacancy, spec{})
	}
	b.directorate(business, "Director, Enterprise Products", vacancy, "Admin Console", "Reporting", "Permissions", "Enterprise Integrations")
	b.directorate(business, "Director, Identity and Accounts", vacancy, "Accounts", "Authentication", "Profiles", "Developer API")
	b.directorate(business, "Director, Logistics", vacancy, "Shipping", "Inventory", "Returns", "Carrier Integrations")

	infra := b.add(cto, spec{role: "vp-of-infrastructure-engineering"})
	b.specialistTeam(infra, spec{role: "sre-manager", title: "SRE Manager, Core Services",
		dotted: []string{payments}}, vacancy, member{"site-reliability-engineer", "Site Reliability Engineer", 6})
	b.specialistTeam(infra, spec{role: "sre-manager", title: "SRE Manager, Data and Storage"}, vacancy,
		member{"site-reliability-engineer", "Site Reliability Engineer", 6})
	b.specialistTeam(infra, spec{role: "platform-engineering-manager", title: "Engineering Manager, Developer Platform"}, vacancy,
		member{"platform-engineer", "Platform Engineer", 7})
	b.specialistTeam(infra, spec{role: "platform-engineering-manager", title: "Engineering Manager, Cloud Infrastructure"}, vacancy,
		member{"cloud-engineer", "Cloud Engineer", 5}, member{"database-administrator", "Database Administrator", 1})
	b.specialistTeam(infra, spec{role: "platform-engineering-manager", title: "Engineering Manager, CI/CD and Release"}, vacancy,
		member{"devops-engineer", "DevOps Engineer", 6})

	data := b.add(cto, spec{role: "vp-of-data-and-ai"})
	b.specialistTeam(data, spec{role: "data-engineering-manager", title: "Engineering Manager, Data Platform"}, vacancy,
		member{"data-engineer", "Data Engineer", 7})
	analytics := b.specialistTeam(data, spec{role: "data-engineering-manager", title: "Manager, Analytics"}, vacancy,
		member{"data-analyst", "Data Analyst", 6})
	b.specialistTeam(data, spec{role: "data-engineering-manager", title: "Manager, Machine Learning"}, vacancy,
		member{"data-scientist", "Data Scientist", 3}, member{"ml-engineer", "ML Engineer", 4})
	b.add(data, spec{role: "data-governance-analyst"})

	cpo := b.add(ceo, spec{role: "chief-product-officer"})
	for _, area := range []struct {
		title        string
		pm, designer int
	}{
		{"Director of Product, Consumer", 5, 2},
		{"Director of Product, Business", 5, 2},
		{"Director of Product, Platform and Data", 3, 1},
	} {
		d := b.add(cpo, spec{role: "director-of-product-management", title: area.title})
		b.team(d, vacancy, 0,
			member{"product-manager", "Product Manager", area.pm},
			member{"product-designer", "Product Designer", area.designer})
	}
	b.add(cpo, spec{role: "ux-researcher", title: "UX Research", count: 3,
		notes: "Shared research team; works with every product director."})
	// Analytics answers to the CPO on product metrics.
	b.position(analytics).DottedTo = []string{cpo}

	ciso := b.add(ceo, spec{role: "chief-information-security-officer",
		owns:  []string{"priv-program-governance", "priv-processor-oversight", "priv-breach-notification", "priv-awareness-training"},
		notes: "Also runs the privacy programme until the company hires a privacy officer."})
	b.specialistTeam(ciso, spec{role: "security-engineering-manager"}, vacancy,
		member{"security-engineer", "Security Engineer", 6})
	b.specialistTeam(ciso, spec{role: "security-operations-manager"}, vacancy,
		member{"security-analyst", "Security Analyst", 6})
	b.specialistTeam(ciso, spec{role: "product-security-manager", dotted: []string{business}}, vacancy,
		member{"application-security-engineer", "Application Security Engineer", 5})
	b.specialistTeam(ciso, spec{role: "privacy-engineering-manager", dotted: []string{data}}, vacancy,
		member{"privacy-engineer", "Privacy Engineer", 5})
	b.team(ciso, 0, 0, member{"grc-analyst", "GRC Analyst", 2})
	return b.plan
}
