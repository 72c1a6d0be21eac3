package samples

// Helpers shared by the larger samples: the recurring shapes of a
// technology organisation, each a manager with its individual contributors.

// between returns a number in [lo, hi].
func (b *builder) between(lo, hi int) int { return lo + b.rng.intn(hi-lo+1) }

// deliveryTeam adds a software engineering manager with a product team of
// six to eight: engineers, now and then a QA engineer or a contracted pair.
func (b *builder) deliveryTeam(manager, title string, vacancy int, s spec) string {
	s.role, s.title = "software-engineering-manager", title
	em := b.add(manager, s)
	size := b.between(6, 8)
	contractors := 0
	if b.rng.chance(15) {
		contractors = 2
	}
	if b.rng.chance(30) {
		b.team(em, vacancy, contractors,
			member{"qa-engineer", "QA Engineer", 1},
			member{"software-engineer", "Software Engineer", size - 1})
	} else {
		b.team(em, vacancy, contractors, member{"software-engineer", "Software Engineer", size})
	}
	return em
}

// directorate adds a director of engineering with the named delivery teams.
func (b *builder) directorate(manager, title string, vacancy int, teams ...string) string {
	d := b.add(manager, spec{role: "director-of-engineering", title: title})
	for _, t := range teams {
		b.deliveryTeam(d, "Engineering Manager, "+t, vacancy, spec{})
	}
	return d
}

// specialistTeam adds a manager in role with a team of one IC kind.
func (b *builder) specialistTeam(manager string, s spec, vacancy int, mix ...member) string {
	m := b.add(manager, s)
	b.team(m, vacancy, 0, mix...)
	return m
}
