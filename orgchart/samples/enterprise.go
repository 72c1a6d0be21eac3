package samples

import (
	"github.com/orgplanner/orgplanner/orgchart"
)

// enterprise is the technology organisation of a large company, about 3,000
// positions under the CEO: a CTO with seven product engineering VPs and a
// platform VP (SRE, developer platform, cloud); a CIO with IT operations and
// enterprise applications; a CISO; a CPO with heads of product; a Chief Data
// Officer with data engineering, AI and analytics. Six layers, spans of four
// to nine, open roles, contracted teams, dotted lines and costs.
func enterprise() *orgchart.Plan {
	b := newBuilder("enterprise", "Enterprise technology organisation (about 3,000 positions)", true)
	const vacancy = 4 // percent of individual-contributor roles open

	ceo := b.add("", spec{role: "chief-executive-officer"})
	b.add(ceo, spec{role: "executive-assistant"})

	cto := b.add(ceo, spec{role: "chief-technology-officer"})
	cio := b.add(ceo, spec{role: "chief-information-officer"})
	ciso := b.add(ceo, spec{role: "chief-information-security-officer"})
	cpo := b.add(ceo, spec{role: "chief-product-officer"})
	cdo := b.add(ceo, spec{role: "chief-data-officer"})

	vps := enterpriseEngineering(b, cto, vacancy)
	enterpriseIT(b, cio, cto, vacancy)
	enterpriseSecurity(b, ciso, cdo, vps, vacancy)
	enterpriseProduct(b, cpo, vacancy)
	enterpriseData(b, cdo, cpo, vacancy)
	// Added last so that every earlier position keeps its id.
	b.add(ceo, spec{role: "chief-privacy-officer",
		notes: "Independent of security and data; privacy engineering keeps a dotted line here."})
	return b.plan
}

// enterpriseAreas are the product areas; each has an engineering VP, a head of
// product and the directorates below them.
var enterpriseAreas = []struct {
	name        string
	directorate [6]string
}{
	{"Commerce", [6]string{"Checkout", "Payments", "Catalog", "Promotions", "Order Management", "Tax and Invoicing"}},
	{"Customer Experience", [6]string{"Web", "Search and Discovery", "Personalisation", "Support Tools", "Notifications", "Accessibility"}},
	{"Enterprise Solutions", [6]string{"Admin and Billing", "Identity", "Reporting", "Integrations", "Partner APIs", "Compliance Features"}},
	{"Mobile", [6]string{"iOS", "Android", "Mobile Platform", "Mobile Growth", "Wallet", "Offline and Sync"}},
	{"Logistics", [6]string{"Fulfilment", "Routing", "Warehouse Systems", "Carrier Integrations", "Returns", "Inventory"}},
	{"Core Services", [6]string{"Accounts", "Messaging", "Media", "Feature Flags", "Public API", "Scheduling"}},
	{"Marketplace", [6]string{"Seller Onboarding", "Listings", "Reviews and Ratings", "Seller Payouts", "Ads", "Trust and Safety"}},
}

// teamNames gives the delivery teams of a directorate distinct names.
var teamNames = []string{"Foundations", "Experience", "Growth", "Reliability", "Data", "Integrations", "Tooling"}

// enterpriseEngineering adds the CTO's organisation and returns the product
// engineering VPs (security managers have dotted lines to them).
func enterpriseEngineering(b *builder, cto string, vacancy int) []string {
	b.add(cto, spec{role: "chief-of-staff", title: "Chief of Staff to the CTO"})
	b.add(cto, spec{role: "software-engineer", title: "Distinguished Engineer, Architecture"})
	var vps []string
	for a, area := range enterpriseAreas {
		vp := b.add(cto, spec{role: "vp-of-engineering", title: "VP Engineering, " + area.name})
		vps = append(vps, vp)
		b.add(vp, spec{role: "technical-program-manager", title: "Senior Technical Program Manager"})
		qa := b.add(vp, spec{role: "qa-engineering-manager", title: "QA Engineering Manager, " + area.name})
		b.team(qa, vacancy, 3, member{"qa-engineer", "QA Engineer", b.between(6, 8)})
		for d, dir := range area.directorate {
			s := spec{role: "director-of-engineering", title: "Director, " + dir + " Engineering"}
			if a == 2 && d == 4 {
				s.vacant = true
				s.notes = "Open role: the VP covers until filled; interim one-to-ones with a senior manager."
			}
			director := b.add(vp, s)
			teams := b.between(6, 7)
			for t := 0; t < teams; t++ {
				ts := spec{}
				if a == 5 && d == 1 && t == 0 {
					ts.vacant = true
					ts.notes = "Open role: interim lead is the team's staff engineer."
				}
				b.deliveryTeam(director, "Engineering Manager, "+dir+" "+teamNames[t], vacancy, ts)
			}
		}
	}

	platform := b.add(cto, spec{role: "vp-of-platform-engineering"})
	b.add(platform, spec{role: "technical-program-manager", title: "Technical Program Manager, Migrations"})
	for _, area := range []string{"Customer-Facing Services", "Core Infrastructure"} {
		dir := b.add(platform, spec{role: "sre-director", title: "SRE Director, " + area})
		for t, n := 0, b.between(5, 6); t < n; t++ {
			b.specialistTeam(dir, spec{role: "site-reliability-engineering-manager",
				title: "SRE Manager, " + area + " " + teamNames[t]}, vacancy,
				member{"site-reliability-engineer", "Site Reliability Engineer", b.between(6, 8)})
		}
	}
	dev := b.add(platform, spec{role: "director-of-engineering", title: "Director, Developer Platform"})
	for _, t := range []string{"Build and CI", "Deployment", "Service Runtime", "Developer Portal", "Release Engineering"} {
		kind := member{"platform-engineer", "Platform Engineer", b.between(6, 8)}
		if t == "Build and CI" || t == "Release Engineering" {
			kind = member{"devops-engineer", "DevOps Engineer", b.between(6, 8)}
		}
		b.specialistTeam(dev, spec{role: "platform-engineering-manager", title: "Engineering Manager, " + t}, vacancy, kind)
	}
	cloud := b.add(platform, spec{role: "director-of-engineering", title: "Director, Cloud Infrastructure"})
	for _, t := range []string{"Compute", "Networking and Edge", "Storage", "Cloud Governance and Cost", "Observability"} {
		mix := []member{{"cloud-engineer", "Cloud Engineer", b.between(6, 7)}}
		if t == "Storage" {
			mix = []member{{"cloud-engineer", "Cloud Engineer", 4}, {"database-administrator", "Database Administrator", 3}}
		}
		b.specialistTeam(cloud, spec{role: "platform-engineering-manager", title: "Engineering Manager, " + t}, vacancy, mix...)
	}
	return vps
}

// enterpriseIT adds the CIO's organisation: IT operations and workplace, and
// enterprise applications.
func enterpriseIT(b *builder, cio, cto string, vacancy int) {
	for i := 0; i < 3; i++ {
		b.add(cio, spec{role: "enterprise-architect", dotted: []string{cto}})
	}
	ops := b.add(cio, spec{role: "vp-of-it", title: "VP, IT Operations and Workplace"})
	desk := b.add(ops, spec{role: "director-of-it-operations", title: "Director, Service Desk"})
	for _, region := range []string{"Americas", "EMEA", "APAC", "India", "Follow the Sun", "VIP and Executive Support"} {
		m := b.add(desk, spec{role: "it-operations-manager", title: "Service Desk Manager, " + region})
		b.team(m, vacancy, 2,
			member{"it-support-specialist", "IT Support Specialist", 2},
			member{"it-service-desk-analyst", "IT Service Desk Analyst", b.between(6, 7)})
	}
	work := b.add(ops, spec{role: "director-of-it-operations", title: "Director, Workplace Technology"})
	for _, t := range []string{"Endpoint Engineering", "Collaboration Tools", "Onsite Support North", "Onsite Support South", "IT Asset Management"} {
		m := b.add(work, spec{role: "it-operations-manager", title: "Manager, " + t})
		b.team(m, vacancy, 0, member{"it-support-specialist", "IT Support Specialist", b.between(6, 8)})
	}
	b.specialistTeam(work, spec{role: "systems-engineering-manager", title: "Manager, Identity and Access Engineering"}, vacancy,
		member{"systems-engineer", "Systems Engineer", 7})
	itsm := b.add(ops, spec{role: "director-of-it-operations", title: "Director, IT Service Management"})
	for _, t := range []string{"Major Incident and Problem", "Change and Release", "Requests and Service Catalogue", "Monitoring and Event Management"} {
		m := b.add(itsm, spec{role: "it-operations-manager", title: "Manager, " + t})
		b.team(m, vacancy, 0,
			member{"it-service-desk-analyst", "IT Service Analyst", b.between(3, 4)},
			member{"systems-engineer", "Systems Engineer", b.between(3, 4)})
	}
	infra := b.add(ops, spec{role: "director-of-it-operations", title: "Director, Infrastructure and Network Operations"})
	for _, t := range []string{"Windows and Linux Servers", "Virtualisation", "Messaging and Directory", "Backup and Storage"} {
		b.specialistTeam(infra, spec{role: "systems-engineering-manager", title: "Manager, " + t}, vacancy,
			member{"systems-engineer", "Systems Engineer", b.between(6, 7)})
	}
	for _, t := range []string{"Campus Networks", "WAN and Remote Access", "Data Centre Networks"} {
		b.specialistTeam(infra, spec{role: "network-engineering-manager", title: "Manager, " + t}, vacancy,
			member{"network-engineer", "Network Engineer", b.between(6, 7)})
	}

	apps := b.add(cio, spec{role: "vp-of-it", title: "VP, Enterprise Applications"})
	for _, dir := range []struct {
		title string
		teams []string
	}{
		{"Director, Finance and People Systems", []string{"ERP", "Procurement", "HR Systems", "Payroll", "Expenses"}},
		{"Director, Customer Systems", []string{"CRM", "Customer Support Platform", "Marketing Systems", "Contract Management", "Partner Portal"}},
		{"Director, Integration Services", []string{"Integration Platform", "Master Data Operations", "Document Management", "Application Support"}},
		{"Director, Corporate Applications", []string{"Legal and Compliance Systems", "Facilities and Travel Systems", "Intranet and Knowledge", "Low-Code Platform"}},
	} {
		d := b.add(apps, spec{role: "director-of-it-operations", title: dir.title})
		for _, t := range dir.teams {
			m := b.add(d, spec{role: "it-operations-manager", title: "Manager, " + t})
			b.team(m, vacancy, 0,
				member{"business-systems-analyst", "Business Systems Analyst", b.between(4, 5)},
				member{"systems-engineer", "Systems Engineer", b.between(2, 3)})
		}
	}
}

// enterpriseSecurity adds the CISO's organisation, with product security
// dotted to the engineering VPs and privacy dotted to the Chief Data Officer.
func enterpriseSecurity(b *builder, ciso, cdo string, vps []string, vacancy int) {
	b.specialistTeam(ciso, spec{role: "security-engineering-manager", title: "Security Engineering Manager, Identity and Cloud"}, vacancy,
		member{"security-engineer", "Security Engineer", 7})
	b.specialistTeam(ciso, spec{role: "security-engineering-manager", title: "Security Engineering Manager, Detection Engineering"}, vacancy,
		member{"security-engineer", "Security Engineer", 6})
	b.specialistTeam(ciso, spec{role: "security-operations-manager", title: "Security Operations Centre Manager"}, vacancy,
		member{"security-analyst", "Security Analyst", 9})
	b.specialistTeam(ciso, spec{role: "product-security-manager", title: "Product Security Manager, Commerce and Mobile",
		dotted: []string{vps[0], vps[3]}}, vacancy,
		member{"application-security-engineer", "Application Security Engineer", 6})
	b.specialistTeam(ciso, spec{role: "product-security-manager", title: "Product Security Manager, Enterprise and Core",
		dotted: []string{vps[2], vps[5]}}, vacancy,
		member{"application-security-engineer", "Application Security Engineer", 6})
	b.specialistTeam(ciso, spec{role: "privacy-engineering-manager", dotted: []string{cdo}}, vacancy,
		member{"privacy-engineer", "Privacy Engineer", 6})
	b.team(ciso, 0, 0, member{"grc-analyst", "GRC Analyst", 2})
}

// enterpriseProduct adds the CPO's organisation: a head of product per area
// with product directors, and a shared research team.
func enterpriseProduct(b *builder, cpo string, vacancy int) {
	for _, area := range enterpriseAreas[:5] {
		head := b.add(cpo, spec{role: "head-of-product", title: "Head of Product, " + area.name})
		for d := 0; d < 4; d++ {
			dir := b.add(head, spec{role: "director-of-product-management",
				title: "Director of Product, " + area.directorate[d]})
			b.team(dir, vacancy, 0,
				member{"product-manager", "Product Manager", b.between(4, 5)},
				member{"product-designer", "Product Designer", 2})
		}
	}
	b.add(cpo, spec{role: "ux-researcher", title: "UX Research", count: 4,
		notes: "Central research team; lends researchers to areas by quarter."})
}

// enterpriseData adds the Chief Data Officer's organisation.
func enterpriseData(b *builder, cdo, cpo string, vacancy int) {
	for _, vp := range []struct {
		title string
		teams []string
		mix   func() []member
	}{
		{"VP, Data Engineering", []string{"Ingestion", "Lakehouse", "Streaming", "Customer Data", "Finance Data", "Data Reliability"},
			func() []member { return []member{{"data-engineer", "Data Engineer", b.between(6, 8)}} }},
		{"VP, AI and Machine Learning", []string{"Recommendations", "Search Ranking", "Forecasting", "Fraud Models", "ML Platform"},
			func() []member {
				return []member{{"data-scientist", "Data Scientist", 3}, {"ml-engineer", "ML Engineer", b.between(3, 5)}}
			}},
		{"VP, Analytics", []string{"Commerce Analytics", "Customer Analytics", "Finance Analytics", "Operations Analytics", "Experimentation"},
			func() []member { return []member{{"data-analyst", "Data Analyst", b.between(6, 8)}} }},
	} {
		s := spec{role: "vp-of-data-and-ai", title: vp.title}
		if vp.title == "VP, Analytics" {
			s.dotted = []string{cpo}
		}
		v := b.add(cdo, s)
		if vp.title != "VP, AI and Machine Learning" {
			// One VP answers for AI strategy and governance; the others' role
			// would own them too.
			b.position(v).NotOwns = []string{"data-ai-strategy", "data-ai-governance"}
		}
		for _, t := range vp.teams {
			b.specialistTeam(v, spec{role: "data-engineering-manager", title: "Manager, " + t}, vacancy, vp.mix()...)
		}
	}
	b.specialistTeam(cdo, spec{role: "data-engineering-manager", title: "Manager, Data Governance"}, vacancy,
		member{"data-governance-analyst", "Data Governance Analyst", 6})
}
