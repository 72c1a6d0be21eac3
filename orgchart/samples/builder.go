package samples

import (
	"fmt"

	"github.com/orgplanner/orgplanner/orgchart"

	"github.com/google/uuid"
)

// namespace makes sample ids version 5 UUIDs: the same sample name and
// position number always give the same id, so rebuilding a sample gives the
// same bytes.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://orgplanner.invalid/samples"))

// spec describes one position to add; the builder fills in id, holder and cost.
type spec struct {
	role   string
	title  string   // empty uses the role's title
	vacant bool     // leave the holder empty (an open role)
	count  int      // a team of count people in this role (no single holder)
	dotted []string // matrix managers
	owns   []string // capabilities owned beyond the role's (plan ownership)
	notes  string
}

// builder adds positions to one sample plan in depth-first order.
type builder struct {
	sample string
	plan   *orgchart.Plan
	rng    *rng
	people *people
	costs  bool // give every position a yearly cost
	n      int
	byID   map[string]*orgchart.Position
}

func newBuilder(sample, name string, costs bool) *builder {
	r := newRNG(sample)
	p := orgchart.NewPlan(name)
	p.Header = Header
	return &builder{sample: sample, plan: p, rng: r, people: newPeople(r), costs: costs,
		byID: map[string]*orgchart.Position{}}
}

// add appends a position under manager ("" for a top position) and returns its id.
func (b *builder) add(manager string, s spec) string {
	id := uuid.NewSHA1(namespace, fmt.Appendf(nil, "%s/%d", b.sample, b.n)).String()
	b.n++
	pos := &orgchart.Position{
		ID:        id,
		Role:      s.role,
		Title:     s.title,
		ReportsTo: manager,
		DottedTo:  s.dotted,
		Owns:      s.owns,
		Notes:     s.notes,
	}
	if s.count > 1 {
		pos.Count = s.count
	} else if !s.vacant {
		pos.Holder = b.people.name()
	}
	if b.costs {
		pos.Cost = b.cost(s.role)
	}
	b.plan.Positions = append(b.plan.Positions, pos)
	b.byID[id] = pos
	return id
}

// position returns a position added earlier, to add a line that needs a
// position added later (a dotted line to a peer further down).
func (b *builder) position(id string) *orgchart.Position { return b.byID[id] }

// cost is a plausible fully loaded yearly cost for the role, varied by up
// to ±10% and rounded to the thousand.
func (b *builder) cost(role string) float64 {
	base, ok := baseCost[role]
	if !ok {
		base = 140
	}
	return float64(base*(90+b.rng.intn(21))/100) * 1000
}

// baseCost is in thousands a year; figures are illustrative, not survey data.
var baseCost = map[string]int{
	"chief-executive-officer":              600,
	"chief-technology-officer":             450,
	"chief-information-officer":            420,
	"chief-information-security-officer":   400,
	"chief-product-officer":                420,
	"chief-data-officer":                   380,
	"vp-of-engineering":                    340,
	"vp-of-infrastructure-engineering":     330,
	"vp-of-platform-engineering":           330,
	"vp-of-data-and-ai":                    320,
	"vp-of-it":                             280,
	"director-of-engineering":              270,
	"director-of-product-management":       250,
	"director-of-it-operations":            210,
	"head-of-product":                      280,
	"sre-director":                         270,
	"software-engineering-manager":         220,
	"platform-engineering-manager":         220,
	"sre-manager":                          225,
	"site-reliability-engineering-manager": 225,
	"data-engineering-manager":             215,
	"security-engineering-manager":         230,
	"security-operations-manager":          190,
	"product-security-manager":             225,
	"privacy-engineering-manager":          215,
	"qa-engineering-manager":               185,
	"it-operations-manager":                150,
	"systems-engineering-manager":          170,
	"network-engineering-manager":          175,
	"software-engineer":                    175,
	"site-reliability-engineer":            185,
	"platform-engineer":                    180,
	"cloud-engineer":                       170,
	"devops-engineer":                      165,
	"database-administrator":               150,
	"security-engineer":                    185,
	"application-security-engineer":        185,
	"security-analyst":                     130,
	"grc-analyst":                          125,
	"privacy-engineer":                     180,
	"qa-engineer":                          135,
	"technical-program-manager":            190,
	"product-manager":                      185,
	"product-designer":                     160,
	"ux-researcher":                        150,
	"data-engineer":                        170,
	"data-analyst":                         130,
	"data-scientist":                       175,
	"ml-engineer":                          195,
	"data-governance-analyst":              125,
	"enterprise-architect":                 200,
	"business-systems-analyst":             125,
	"systems-engineer":                     130,
	"network-engineer":                     130,
	"it-support-specialist":                85,
	"it-service-desk-analyst":              70,
	"chief-of-staff":                       200,
	"executive-assistant":                  95,
}

// icTitle gives an individual contributor a seniority title now and then,
// the way real charts read ("Senior Software Engineer").
func (b *builder) icTitle(role, base string) string {
	switch k := b.rng.intn(20); {
	case k < 6:
		return "Senior " + base
	case k == 6 && seniorLadder[role]:
		return "Staff " + base
	default:
		return ""
	}
}

// seniorLadder marks the roles whose ladder has a staff level.
var seniorLadder = map[string]bool{
	"software-engineer":         true,
	"site-reliability-engineer": true,
	"platform-engineer":         true,
	"security-engineer":         true,
	"data-engineer":             true,
	"ml-engineer":               true,
	"data-scientist":            true,
}

// member is one kind of individual contributor in a team mix.
type member struct {
	role  string
	title string // the role's title, the base for seniority titles
	n     int
}

// team adds the individual contributors under manager: each member kind n
// times, a share of them as open roles. When contractors is above 1, that many
// of the last kind are one contracted team position instead: the manager's
// span is the same (a team counts as its size) and the chart shows a team.
func (b *builder) team(manager string, vacancyPercent, contractors int, mix ...member) {
	last := mix[len(mix)-1]
	if contractors < 2 || last.n < contractors {
		contractors = 0
	}
	for k, m := range mix {
		n := m.n
		if k == len(mix)-1 {
			n -= contractors
		}
		for i := 0; i < n; i++ {
			s := spec{role: m.role, title: b.icTitle(m.role, m.title)}
			if b.rng.chance(vacancyPercent) {
				s.vacant = true
				s.notes = "Open role: approved headcount, hiring now."
			}
			b.add(manager, s)
		}
	}
	if contractors > 0 {
		b.add(manager, spec{role: last.role, title: last.title + " (contract)", count: contractors,
			notes: "Contracted through a delivery partner; renewed yearly."})
	}
}
