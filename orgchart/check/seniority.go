package check

import (
	"fmt"
	"github.com/orgplanner/orgplanner/orgchart"

	"github.com/orgplanner/orgplanner/catalog"
)

// rank is the seniority of position i's catalog role (executive 4 ...
// individual 0), or -1 when the role is unknown.
func (o *org) rank(i int) int {
	if r := o.role[i]; r != nil {
		return r.Level.Rank()
	}
	return -1
}

// checkSeniority reports positions that report to a position of a lower
// catalog level: a VP under a manager, a CEO under an intern. One finding per
// manager, listing every report above it; two or more levels apart is an
// error (the roles or the line are wrong), one level a warning (often an
// interim arrangement or a title inflated on one side).
func (c *checker) checkSeniority() {
	if !c.seniorityOn() {
		return
	}
	for m := range c.pos {
		c.seniorityAt(m)
	}
}

func (c *checker) seniorityOn() bool { return c.cat != nil && c.on("reporting.seniority-inversion") }

// seniorityAt applies reporting.seniority-inversion to manager m.
func (c *checker) seniorityAt(m int) {
	{
		if !c.isManager(m) {
			return
		}
		mr := c.rank(m)
		if mr < 0 {
			return
		}
		// The generic role of unmatched imported rows says nothing about
		// seniority; only an executive under it is surely wrong.
		generic := c.role[m].ID == genericRole
		var above []int32
		gap := 0
		for _, k := range c.children(m) {
			r := c.rank(int(k))
			if r <= mr || generic && r < catalog.LevelExecutive.Rank() {
				continue
			}
			above = append(above, k)
			gap = max(gap, r-mr)
		}
		if len(above) == 0 {
			return
		}
		sev := Warning
		if gap >= 2 {
			sev = Error
		}
		first := int(above[0])
		var msg string
		if len(above) == 1 {
			msg = fmt.Sprintf("%s, %s, reports to %s, %s: %s below it.",
				c.name(first), levelName(c.role[first].Level), c.name(m), levelName(c.role[m].Level), orgchart.Count(gap, "level", "levels"))
		} else {
			msg = fmt.Sprintf("%s report to %s, %s: up to %s below them.",
				c.names(above), c.name(m), levelName(c.role[m].Level), orgchart.Count(gap, "level", "levels"))
		}
		c.add("reporting.seniority-inversion", sev, c.ord(m), c.ids(append([]int32{int32(m)}, above...)...), msg,
			fmt.Sprintf("Move %s under %s or someone more senior, or correct the roles if a title was matched wrongly (an import that read \"Chief\" or \"VP\" into the wrong role).", c.title(first), levelName(c.role[first].Level)))
	}
}

// levelName says what a level is in a sentence: "a VP", "an executive".
func levelName(l catalog.Level) string {
	switch l {
	case catalog.LevelExecutive:
		return "an executive"
	case catalog.LevelVP:
		return "a VP"
	case catalog.LevelIndividual:
		return "an individual contributor"
	case "":
		return "a role of unknown level"
	}
	return withArticle(string(l))
}

// checkOrphans reports individual contributors that are top positions in a
// plan led by someone: almost always a row whose manager was lost (an import
// whose manager column did not match, a move that went wrong).
func (c *checker) checkOrphans() {
	if !c.on("reporting.orphan") {
		return
	}
	leader := -1
	var orphans []int32
	for _, t := range c.tops {
		i := int(t.top)
		switch {
		case c.isManager(i):
			if leader < 0 {
				leader = i
			}
		case c.role[i] != nil && c.role[i].Individual && !c.excluded[i]:
			orphans = append(orphans, t.top)
		}
	}
	if leader < 0 || len(orphans) == 0 {
		return
	}
	msg := fmt.Sprintf("%s %s no manager: an individual contributor at the top of a plan led by %s.", c.names(orphans), hasHave(len(orphans)), c.name(leader))
	if len(orphans) > 1 {
		msg = fmt.Sprintf("%s individual contributors have no manager (%s) in a plan led by %s.", orgchart.Thousands(len(orphans)), c.names(orphans), c.name(leader))
	}
	c.add("reporting.orphan", Warning, c.ord(int(orphans[0])), c.ids(orphans...), msg,
		"Set reportsTo to the manager each works for; in an import, check the manager column of these rows.")
}

func hasHave(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}
