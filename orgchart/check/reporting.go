package check

import (
	"fmt"
	"github.com/orgplanner/orgplanner/orgchart"
	"slices"

	"github.com/orgplanner/orgplanner/catalog"
)

// checkReporting looks at each reporting line: conflicts of interest, people
// reporting to an individual contributor or to a team, lines the catalog
// does not expect, and too many dotted lines.
func (c *checker) checkReporting() {
	unusual := map[rolePair][]int32{}
	var pairs []rolePair // in order of first appearance
	lines := newLineCache(len(c.roles))
	for i := range c.pos {
		if k, ok := c.reportingAt(i, lines); ok {
			if unusual[k] == nil {
				pairs = append(pairs, k)
			}
			unusual[k] = append(unusual[k], int32(i))
		}
	}
	for _, k := range pairs {
		c.unusualManager(unusual[k])
	}
}

// rolePair is a (manager role, report role) line, for unusual-manager groups.
type rolePair struct{ manager, report string }

// reportingAt applies the reporting rules to position i and its line up;
// it returns the line's role pair when the line is unusual (reported per
// pair by unusualManager).
func (c *checker) reportingAt(i int, lines *lineCache) (rolePair, bool) {
	pos := c.pos[i]
	{
		if len(pos.DottedTo) > c.pol.DottedMax {
			c.add("reporting.dotted-overload", Warning, c.ord(i), c.ids(int32(i)),
				fmt.Sprintf("%s has dotted lines to %d managers besides its own; with that many masters, priorities conflict and nobody owns the workload.", c.name(i), len(pos.DottedTo)),
				fmt.Sprintf("Keep at most %d dotted lines: the ones where this role really takes direction.", c.pol.DottedMax))
		}
		if c.isManager(i) && c.span[i] > 0 {
			switch {
			case pos.Count > 1:
				c.add("reporting.team-manages", Warning, c.ord(i), c.ids(int32(i)),
					fmt.Sprintf("%s has %s: it is not clear which of the %d they report to.", c.name(i), orgchart.Count(int(c.span[i]), "direct report", "direct reports"), pos.Count),
					"Make the team's lead a position of its own and move the reports under it.")
			case c.role[i] != nil && c.role[i].Individual && c.role[i].ID != genericRole:
				c.add("reporting.ic-manages", Warning, c.ord(i), c.ids(int32(i)),
					fmt.Sprintf("%s is an individual-contributor role but has %s.", c.name(i), orgchart.Count(int(c.span[i]), "direct report", "direct reports")),
					c.managerRoleHint(i))
			}
		}
		m := c.parent[i]
		if m < 0 || c.rix[i] < 0 || c.rix[m] < 0 {
			return rolePair{}, false
		}
		if x := lines.conflict(c, m, int32(i)); x != nil {
			c.add("reporting.conflict", Warning, c.ord(i), c.ids(int32(i), m),
				fmt.Sprintf("%s reports to %s: %s", c.name(i), c.name(int(m)), sentence(x.Reason)),
				c.conflictHint(i, m))
			return rolePair{}, false
		}
		if k := c.auditedOwned(m, int32(i)); k >= 0 {
			cp := c.cov.caps[k]
			c.add("reporting.conflict", Warning, c.ord(i), c.ids(int32(i), m),
				fmt.Sprintf("%s reports to %s, who owns %s (%s), which the %s role independently assesses: whoever audits or governs a capability must not report to the person who runs it.",
					c.name(i), c.name(int(m)), cp.Name, cp.Domain, c.role[i].Title),
				c.conflictHint(i, m))
			return rolePair{}, false
		}
		if lines.unusual(c, m, int32(i)) {
			return rolePair{c.role[m].ID, c.role[i].ID}, true
		}
	}
	return rolePair{}, false
}

// unusualManager reports the reports in one role under managers of one role
// that the catalog does not list among the role's usual managers (one finding
// per pair of roles, so a large plan gets one line per pattern).
func (c *checker) unusualManager(reports []int32) {
	c.unusualManagerIDs(reports, c.ids(reports...))
}

// unusualManagerIDs is unusualManager given the reports' ids.
func (c *checker) unusualManagerIDs(reports []int32, ids []string) {
	first := int(reports[0])
	m := int(c.parent[first])
	expected := c.rolesByID(c.role[first].ReportsTo)
	var msg string
	if len(reports) == 1 {
		msg = fmt.Sprintf("%s reports to %s; %s usually reports to %s.", c.name(first), c.name(m), withArticle(c.role[first].Title), withArticle(roleTitles(expected)))
	} else {
		msg = fmt.Sprintf("%d %s positions report to %s; the role usually reports to %s.", len(reports), c.role[first].Title, withArticle(c.role[m].Title), withArticle(roleTitles(expected)))
	}
	c.add("reporting.unusual-manager", Info, c.ord(first), ids, msg,
		"If this is deliberate, nothing to do; otherwise move the position under "+withArticle(roleTitles(expected))+".")
}

// auditedOwned returns the index of a capability that report i's role audits
// (catalog audits) and its manager m owns, by role or by the plan, or -1.
func (c *checker) auditedOwned(m, i int32) int {
	audits := c.role[i].Audits
	if len(audits) == 0 || c.cov == nil || c.cov.at == nil {
		return -1
	}
	rc := c.capsOf(c.cov, m)
	if rc == nil {
		return -1
	}
	for _, id := range audits {
		if k, ok := c.cov.at[id]; ok && slices.Contains(rc.owns, k) {
			return k
		}
	}
	return -1
}

// rolesByID looks up catalog roles, skipping unknown ids.
func (c *checker) rolesByID(ids []string) []*catalog.Role {
	roles := make([]*catalog.Role, 0, len(ids))
	for _, id := range ids {
		if r := c.cat.Role(id); r != nil {
			roles = append(roles, r)
		}
	}
	return roles
}

// conflictHint suggests another manager from the role's usual reporting line
// that the catalog does not mark as a conflict.
func (c *checker) conflictHint(i int, m int32) string {
	var better []*catalog.Role
	for _, r := range c.rolesByID(c.role[i].ReportsTo) {
		if c.cat.Conflict(r.ID, c.role[i].ID) == nil && !c.auditsOwnedBy(c.role[i], r) {
			better = append(better, r)
		}
	}
	if len(better) == 0 {
		return fmt.Sprintf("Move %s under a leader independent of the %s, and keep a dotted line to the %s if they need to work closely.", c.title(i), c.title(int(m)), c.title(int(m)))
	}
	return fmt.Sprintf("Have %s report to %s instead, and keep a dotted line to the %s if they need to work closely.", c.title(i), withArticle(roleTitles(better)), c.title(int(m)))
}

// auditsOwnedBy reports whether role r owns a capability that role a audits.
func (c *checker) auditsOwnedBy(a, r *catalog.Role) bool {
	for _, id := range a.Audits {
		if slices.Contains(r.Owns, id) {
			return true
		}
	}
	return false
}

// managerRoleHint suggests a manager role for an individual contributor with reports.
func (c *checker) managerRoleHint(i int) string {
	role := c.role[i]
	for _, r := range c.cat.Roles {
		if r.Individual || r.Level != catalog.LevelManager || len(role.Domains) == 0 || !slices.Contains(r.Domains, role.Domains[0]) {
			continue
		}
		return "Change the position's role to a manager role (such as " + r.Title + ") or move its reports to its manager."
	}
	return "Change the position's role to a manager role or move its reports to its manager."
}

// sentence ends s with a full stop.
func sentence(s string) string {
	if s == "" {
		return "the catalog marks this line as a conflict of interest."
	}
	if last := s[len(s)-1]; last != '.' && last != '!' && last != '?' {
		return s + "."
	}
	return s
}

// lineCache remembers, per pair of (manager role, report role), whether the
// line is a conflict and whether it is usual, so each position costs two
// array reads instead of hashing role ids.
type lineCache struct {
	n         int
	known     []bool
	conflicts []*catalog.Conflict
	usual     []bool // the report's role lists the manager's role (or lists none)
}

func newLineCache(roles int) *lineCache {
	return &lineCache{n: roles, known: make([]bool, roles*roles),
		conflicts: make([]*catalog.Conflict, roles*roles), usual: make([]bool, roles*roles)}
}

func (l *lineCache) at(c *checker, m, i int32) int {
	k := int(c.rix[m])*l.n + int(c.rix[i])
	if !l.known[k] {
		mr, r := c.role[m], c.role[i]
		l.known[k] = true
		l.conflicts[k] = c.cat.Conflict(mr.ID, r.ID)
		if l.conflicts[k] == nil { // synonyms share their conflicts
			l.conflicts[k] = c.cat.Conflict(c.cat.Canonical(mr.ID), c.cat.Canonical(r.ID))
		}
		l.usual[k] = len(r.ReportsTo) == 0 || slices.Contains(r.ReportsTo, mr.ID)
	}
	return k
}

// conflict returns the catalog's conflict for the line from i up to m, or nil.
func (l *lineCache) conflict(c *checker, m, i int32) *catalog.Conflict {
	return l.conflicts[l.at(c, m, i)]
}

// unusual reports whether i's role does not usually report to m's role.
func (l *lineCache) unusual(c *checker, m, i int32) bool { return !l.usual[l.at(c, m, i)] }
