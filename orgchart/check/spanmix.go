package check

import (
	"fmt"
	"github.com/orgplanner/orgplanner/orgchart"
)

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

// leadsLeaders reports whether i is meant to lead leaders: a VP or an
// executive; a director or head with a manager below; anyone else (a
// manager-level role, an unknown level) with two or more managers below. A
// first-line manager with one team lead under it is still a first-line
// manager.
func (o *org) leadsLeaders(i, managers int) bool {
	r := o.rank(i)
	if o.role[i] != nil && o.role[i].ID == genericRole {
		r = -1
	}
	switch {
	case r >= 3:
		return true
	case r == 2:
		return managers > 0
	}
	return managers >= 2
}

// checkSpanMix reports leaders who manage a large group of individual
// contributors themselves (span.missing-manager: 8 or more under a VP, an
// executive or a director leading managers) and spans that mix managers and individual
// contributors (span.mixed, info), where the leader runs two jobs at once.
func (c *checker) checkSpanMix() {
	for i := range c.pos {
		c.spanMixAt(i)
	}
}

// spanMixAt applies span.missing-manager and span.mixed to position i.
func (c *checker) spanMixAt(i int) {
	{
		if !c.spanRole(i) {
			return
		}
		managers, ics := c.directMix(i)
		switch {
		case ics >= missingManagerICs && c.leadsLeaders(i, managers):
			besides := ""
			if managers > 0 {
				besides = " besides " + orgchart.Count(managers, "manager", "managers")
			}
			c.add("span.missing-manager", Warning, c.ord(i), c.ids(int32(i)),
				fmt.Sprintf("%s leads %s directly%s: a group that large needs a first-line manager of its own.", c.name(i), orgchart.Count(ics, "individual contributor", "individual contributors"), besides),
				fmt.Sprintf("Make one of them (or a new hire) the team's manager so that %s leads leaders; split them into two teams if there are more than 8.", c.title(i)))
		case managers >= 2 && ics >= mixedICs:
			c.add("span.mixed", Info, c.ord(i), c.ids(int32(i)),
				fmt.Sprintf("%s leads %s and %s directly: the span mixes managing managers with managing the work.", c.name(i), orgchart.Count(managers, "manager", "managers"), orgchart.Count(ics, "individual contributor", "individual contributors")),
				"If the individual contributors are staff roles (architects, programme managers), nothing to do; otherwise group them under one of the managers.")
		}
	}
}
