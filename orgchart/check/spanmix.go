package check

import "fmt"

// missingManagerICs is the number of individual contributors directly under a
// senior leader from which a first-line manager is missing: the top of
// Larson's and Grove's 6-8 for one team.
const missingManagerICs = 8

// mixedICs is the number of individual contributors beside two or more
// managers from which a span is reported as mixed.
const mixedICs = 3

// directMix counts position i's counted reports who manage people and the
// people in those who do not.
func (o *org) directMix(i int) (managers, ics int) {
	for _, k := range o.children(i) {
		if o.excluded[k] {
			continue
		}
		if o.isManager(int(k)) {
			managers++
		} else {
			ics += o.pos[k].Headcount()
		}
	}
	return managers, ics
}

// checkSpanMix reports leaders who manage a large group of individual
// contributors themselves (span.missing-manager: a manager of managers, VP or
// executive with 8 or more) and spans that mix managers and individual
// contributors (span.mixed, info), where the leader runs two jobs at once.
func (c *checker) checkSpanMix() {
	for i := range c.pos {
		if !c.spanRole(i) {
			continue
		}
		managers, ics := c.directMix(i)
		senior := c.rank(i) >= 3 // VP or executive
		switch {
		case ics >= missingManagerICs && (managers > 0 || senior):
			besides := ""
			if managers > 0 {
				besides = " besides " + plural(managers, "manager", "managers")
			}
			c.add("span.missing-manager", Warning, i, c.ids(int32(i)),
				fmt.Sprintf("%s leads %s directly%s: a group that large needs a first-line manager of its own.", c.name(i), plural(ics, "individual contributor", "individual contributors"), besides),
				fmt.Sprintf("Make one of them (or a new hire) the team's manager so that %s leads leaders; split them into two teams if there are more than 8.", c.title(i)))
		case managers >= 2 && ics >= mixedICs:
			c.add("span.mixed", Info, i, c.ids(int32(i)),
				fmt.Sprintf("%s leads %s and %s directly: the span mixes managing managers with managing the work.", c.name(i), plural(managers, "manager", "managers"), plural(ics, "individual contributor", "individual contributors")),
				"If the individual contributors are staff roles (architects, programme managers), nothing to do; otherwise group them under one of the managers.")
		}
	}
}
