package check

import (
	"fmt"
	"github.com/orgplanner/orgplanner/orgchart"
	"strconv"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
)

// spanRange is the range of direct reports a manager should have, and where
// it comes from, put into words only when a finding needs them.
type spanRange struct {
	min, max int
	from     rangeSource
	role     *catalog.Role
}

type rangeSource uint8

const (
	fromPolicyRole rangeSource = iota
	fromCatalog
	fromExecutive
	fromManagersOfManagers
	fromFirstLine
)

// describe completes "... has 14 direct reports; " for the manager at i:
// "a coach-type role works best with 6-8".
func (r spanRange) describe(o *org, i int) string {
	var who string
	switch r.from {
	case fromPolicyRole:
		who = "this plan's policy says " + o.title(i)
	case fromCatalog:
		who = "the " + r.role.Title + " role"
		if r.role.Span.Archetype != "" {
			who = withArticle(string(r.role.Span.Archetype)) + "-type role"
		}
	case fromExecutive:
		who = "an executive"
	case fromManagersOfManagers:
		who = "a manager of managers"
	default:
		who = "a first-line manager"
	}
	return who + " works best with " + strconv.Itoa(r.min) + "-" + strconv.Itoa(r.max)
}

// rangeFor picks the span range for a manager: the plan's policy for its role,
// else the catalog role's range, else the policy default for its kind.
func (o *org) rangeFor(i int) spanRange {
	role := o.role[i]
	if len(o.pol.RoleSpans) > 0 {
		if r, ok := o.pol.RoleSpans[o.pos[i].Role]; ok {
			return spanRange{r.Min, r.Max, fromPolicyRole, role}
		}
	}
	if role != nil && role.Span != nil && role.Span.Max > 0 {
		return spanRange{role.Span.Min, role.Span.Max, fromCatalog, role}
	}
	switch {
	case role != nil && role.Level == catalog.LevelExecutive:
		return spanRange{o.pol.Executive.Min, o.pol.Executive.Max, fromExecutive, role}
	case o.managesManagers(i):
		return spanRange{o.pol.ManagersOfManagers.Min, o.pol.ManagersOfManagers.Max, fromManagersOfManagers, role}
	default:
		return spanRange{o.pol.FirstLine.Min, o.pol.FirstLine.Max, fromFirstLine, role}
	}
}

// managesManagers reports whether any counted report of i manages people.
func (o *org) managesManagers(i int) bool {
	for _, k := range o.children(i) {
		if !o.excluded[k] && o.isManager(int(k)) {
			return true
		}
	}
	return false
}

// genericRole is the catalog role of imported rows that match no role: it says
// nothing about the job, so a position in it that has reports is checked as a
// manager (with the policy's default ranges) rather than as an individual.
const genericRole = "team-member"

// spanRole reports whether the span rules apply to i: a manager in a role
// meant to manage. Individual-contributor roles and team positions with
// reports get a reporting finding instead.
func (o *org) spanRole(i int) bool {
	if !o.isManager(i) || o.span[i] == 0 || o.pos[i].Count > 1 {
		return false
	}
	r := o.role[i]
	return r == nil || !r.Individual || r.ID == genericRole
}

// chainable: a span-checked manager with exactly one report, not intended.
func (o *org) chainable(i int) bool {
	return o.spanRole(i) && o.span[i] == 1 && !o.intended[o.pos[i].ID]
}

// single returns the one counted report of a manager whose span is 1.
func (o *org) single(i int) int32 {
	for _, k := range o.children(i) {
		if !o.excluded[k] {
			return k
		}
	}
	return -1
}

// next returns the single report of i when it continues a chain, else -1.
func (o *org) next(i int) int32 {
	if !o.chainable(i) {
		return -1
	}
	if k := o.single(i); k >= 0 && o.chainable(int(k)) {
		return k
	}
	return -1
}

func (c *checker) checkSpans() {
	for i := range c.pos {
		c.spanAt(i)
	}
}

// spanAt applies the span rules to position i.
func (c *checker) spanAt(i int) {
	{
		if !c.spanRole(i) {
			return
		}
		s := int(c.span[i])
		switch {
		case s == 1:
			c.singleReport(i)
		case s > 1:
			c.spanWidth(i, s)
		}
		if people := c.heldReports(i); c.vacant(i) && people >= c.pol.VacantManagerTeam {
			sugg := "Name an interim manager or make this hire first."
			if m := c.parent[i]; m >= 0 {
				sugg = "Name an interim manager (" + c.name(int(m)) + " could cover) or make this hire first."
			}
			c.add("span.vacant-manager", Warning, c.ord(i), c.ids(int32(i)),
				fmt.Sprintf("%s is vacant and leads %s; until it is filled they have no manager to go to.", c.title(i), orgchart.Count(people, "person", "people")),
				sugg)
		}
	}
}

// heldReports counts the people in i's direct reports who are there today:
// held positions and teams. Vacant reports are plans, not people left without
// a manager, so a skeleton of vacant positions raises no vacant-manager warning.
func (o *org) heldReports(i int) int {
	n := 0
	for _, k := range o.children(i) {
		if !o.vacant(int(k)) {
			n += o.pos[k].Headcount()
		}
	}
	return n
}

// singleReport reports a pass-through manager, or the chain it starts.
func (c *checker) singleReport(i int) {
	if !c.chainable(i) {
		return // intended
	}
	if m := c.parent[i]; m >= 0 && c.next(int(m)) == int32(i) {
		return // part of a chain reported from its start
	}
	chain := []int32{int32(i)}
	for k := c.next(i); k >= 0 && len(chain) <= len(c.pos); k = c.next(int(k)) {
		chain = append(chain, k)
	}
	if len(chain) == 1 || !c.on("span.chain") {
		// A chain whose rule is off still has pass-through managers.
		for _, j := range chain {
			c.passThrough(int(j))
		}
		return
	}
	// Name every manager of a short chain; of a long one the first three and
	// the last, so a pathological plan does not make a megabyte message.
	var names []string
	for k, j := range chain {
		if len(chain) > 5 && k == 3 {
			names = append(names, "… "+strconv.Itoa(len(chain)-4)+" more")
		}
		if len(chain) <= 5 || k < 3 || k == len(chain)-1 {
			names = append(names, c.name(int(j)))
		}
	}
	msg := fmt.Sprintf("%d managers in a row have a single direct report each: %s", len(chain), strings.Join(names, " › ")) // a character Noto Sans has (the app draws findings in it)
	// Two stacked pass-through managers are a warning (often a transition);
	// three or more are an error, the cost of the layers compounding.
	sev := Warning
	if len(chain) >= 3 {
		sev = Error
	}
	c.add("span.chain", sev, c.ord(i), c.ids(chain...),
		msg+". Every decision passes through "+strconv.Itoa(len(chain))+" layers that add cost and delay but no capacity.",
		"Remove all but one of these layers: have the lowest position report to "+c.title(i)+" directly, or give each manager a real team.")
}

// narrowHint suggests how to widen a narrow span: leaders get more leaders
// under them (often by removing a layer), first-line managers merge teams.
func (c *checker) narrowHint(i, least int) string {
	if c.managesManagers(i) {
		return fmt.Sprintf("Give %s %d or more direct reports (remove a layer below it, or move a peer's teams here), or merge it into a peer organisation.", c.title(i), least)
	}
	return fmt.Sprintf("Combine the team with a peer team so one manager leads %d or more, or make the role a player-coach (tech lead) who also does the work.", least)
}

// passThrough reports one manager with a single direct report.
func (c *checker) passThrough(i int) {
	k := c.single(i)
	c.add("span.single-report", Warning, c.ord(i), c.ids(int32(i)),
		fmt.Sprintf("%s has a single direct report, %s: a pass-through layer that slows decisions and blurs who is accountable.", c.name(i), c.name(int(k))),
		"Give "+c.title(i)+" more reports, merge the two roles, or, if it is an interim or chief-of-staff arrangement, list it under policy.intended.")
}

// spanWidth reports a span outside the range the manager's role calls for.
func (c *checker) spanWidth(i, s int) {
	r := c.rangeFor(i)
	switch {
	case s > r.max:
		sev := Warning
		if s > max(c.pol.FarOutside, r.max+r.max/2) {
			sev = Error
		}
		sugg := "Split the team: give a senior member a team-lead role over part of it, or move " + orgchart.Count(s-r.max, "report", "reports") + " to a peer manager."
		if c.managesManagers(i) {
			sugg = fmt.Sprintf("Group some of the %d reports under a new manager, or move %d of them to a peer.", s, s-r.max)
		}
		c.add("span.too-wide", sev, c.ord(i), c.ids(int32(i)),
			c.name(i)+" has "+orgchart.Count(s, "direct report", "direct reports")+"; "+r.describe(c.org, i)+".", sugg)
	case s < r.min:
		c.add("span.too-narrow", Warning, c.ord(i), c.ids(int32(i)),
			c.name(i)+" has "+orgchart.Count(s, "direct report", "direct reports")+"; "+r.describe(c.org, i)+".",
			c.narrowHint(i, r.min))
	}
}
