package samples

import (
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// startup is a 41-person product and engineering organisation led by its
// CTO: four delivery teams, an infrastructure team and a small product
// group. Like most startups of this size it has no security owner and no
// SRE team: the plan states that the CTO owns on-call and incident response
// and the infrastructure team production monitoring, so the checks point at
// what is really missing (vulnerability management, security incident
// response, access control) instead of asking for a VP of SRE.
func startup() *orgchart.Plan {
	b := newBuilder("startup", "Startup product and engineering (41 people)", false)
	b.plan.Scope = []catalog.Domain{catalog.ENG, catalog.PLAT, catalog.SRE, catalog.SEC, catalog.PROD}

	cto := b.add("", spec{role: "chief-technology-officer", title: "CTO and Co-founder",
		owns:  []string{"sre-on-call", "sre-incident-response"},
		notes: "Reports to the CEO; runs the on-call rota and leads incidents; also covers security and vendor questions today."})
	b.add(cto, spec{role: "software-engineer", title: "Principal Engineer",
		notes: "Owns the architecture roadmap with the CTO."})

	swe := func(n int) member { return member{"software-engineer", "Software Engineer", n} }
	for _, t := range []struct {
		title string
		n     int
		qa    bool
		open  string
	}{
		{"Engineering Manager, Core Product", 7, false, ""},
		{"Engineering Manager, Growth", 5, true, ""},
		{"Engineering Manager, Mobile", 4, false, "Senior iOS Engineer"},
		{"Engineering Manager, Payments", 4, false, "Senior Backend Engineer, Payments"},
	} {
		em := b.add(cto, spec{role: "software-engineering-manager", title: t.title})
		b.team(em, 0, 0, swe(t.n))
		if t.qa {
			b.add(em, spec{role: "qa-engineer"})
		}
		if t.open != "" {
			b.add(em, spec{role: "software-engineer", title: t.open, vacant: true,
				notes: "Open role: offer stage."})
		}
	}

	infra := b.add(cto, spec{role: "platform-engineering-manager", title: "Engineering Manager, Infrastructure",
		owns:  []string{"sre-monitoring-alerting"},
		notes: "The team runs CI/CD and the cloud account and answers pages in office hours."})
	b.team(infra, 0, 0,
		member{"platform-engineer", "Platform Engineer", 2},
		member{"devops-engineer", "DevOps Engineer", 2},
		member{"cloud-engineer", "Cloud Engineer", 1})

	product := b.add(cto, spec{role: "head-of-product"})
	b.team(product, 0, 0, member{"product-manager", "Product Manager", 2})
	b.add(product, spec{role: "product-manager", title: "Product Manager, Payments", vacant: true,
		notes: "Open role: hiring in Q3."})
	b.team(product, 0, 0, member{"product-designer", "Product Designer", 2})
	return b.plan
}
