package check

import (
	"fmt"
	"github.com/orgplanner/orgplanner/orgchart"
	"slices"
	"strconv"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
)

// coverage is who owns and who supports each catalog capability, grouped once
// per Run: positions are listed per capability in plan order.
type coverage struct {
	caps       []*catalog.Capability
	owners     [][]int32 // by capability index
	supporters [][]int32
	ownerRoles [][]*catalog.Role // catalog roles that own each capability
	inScope    func(catalog.Domain) bool
	byRole     map[*catalog.Role]*roleCaps
	byRix      []*roleCaps // byRole by the plan's dense role index
	at         map[string]int
	// custom holds the capabilities of positions whose plan entry states
	// its own ownership (owns, supports, notOwns), by plan index.
	custom map[int32]*roleCaps
}

// roleCaps is a role's owned and supported capabilities, as indexes.
type roleCaps struct{ owns, supports []int }

func (o *org) coverage() *coverage {
	cv := &coverage{inScope: o.scope()}
	if o.cat == nil {
		return cv
	}
	cv.caps = o.cat.Capabilities
	at := make(map[string]int, len(cv.caps))
	for k, cp := range cv.caps {
		at[cp.ID] = k
	}
	cv.at = at
	cv.owners = make([][]int32, len(cv.caps))
	cv.supporters = make([][]int32, len(cv.caps))
	cv.ownerRoles = make([][]*catalog.Role, len(cv.caps))
	// Each role's capability indexes, resolved once rather than per position.
	byRole := make(map[*catalog.Role]*roleCaps, len(o.cat.Roles))
	for _, r := range o.cat.Roles {
		if o.cat.Role(r.ID) != r {
			continue // overridden by a later definition
		}
		rc := &roleCaps{}
		for _, id := range r.Owns {
			if k, ok := at[id]; ok {
				rc.owns = append(rc.owns, k)
				cv.ownerRoles[k] = append(cv.ownerRoles[k], r)
			}
		}
		for _, id := range r.Supports {
			if k, ok := at[id]; ok {
				rc.supports = append(rc.supports, k)
			}
		}
		byRole[r] = rc
	}
	cv.byRole = byRole
	for i, pos := range o.pos {
		if len(pos.Owns)+len(pos.Supports)+len(pos.NotOwns) == 0 {
			continue
		}
		if cv.custom == nil {
			cv.custom = map[int32]*roleCaps{}
		}
		owns, supports := pos.Capabilities(o.cat)
		rc := &roleCaps{}
		for _, id := range owns {
			if k, ok := at[id]; ok {
				rc.owns = append(rc.owns, k)
			}
		}
		for _, id := range supports {
			if k, ok := at[id]; ok {
				rc.supports = append(rc.supports, k)
			}
		}
		cv.custom[int32(i)] = rc
	}
	o.eachRoleCaps(cv, func(i int32, rc *roleCaps) {
		for _, k := range rc.owns {
			cv.owners[k] = append(cv.owners[k], i)
		}
	})
	return cv
}

// eachRoleCaps calls visit for each position whose role has capabilities.
func (o *org) eachRoleCaps(cv *coverage, visit func(i int32, rc *roleCaps)) {
	if cv.byRix == nil {
		cv.byRix = make([]*roleCaps, len(o.roles))
		for k, r := range o.roles {
			cv.byRix[k] = cv.byRole[r]
		}
	}
	for i, k := range o.rix {
		if cv.custom != nil {
			if rc, ok := cv.custom[int32(i)]; ok {
				visit(int32(i), rc)
				continue
			}
		}
		if k < 0 {
			continue
		}
		if rc := cv.byRix[k]; rc != nil {
			visit(int32(i), rc)
		}
	}
}

// capsOf returns the capabilities position i owns and supports, as indexes.
func (o *org) capsOf(cv *coverage, i int32) *roleCaps {
	if rc, ok := cv.custom[i]; ok {
		return rc
	}
	if k := o.rix[i]; k >= 0 && cv.byRix != nil {
		return cv.byRix[k]
	}
	return nil
}

// collectSupporters lists the supporters of the capabilities marked in need
// only: most positions support something, and only unowned required
// capabilities need their supporters named.
func (o *org) collectSupporters(cv *coverage, need []bool) {
	o.eachRoleCaps(cv, func(i int32, rc *roleCaps) {
		for _, k := range rc.supports {
			if need[k] {
				cv.supporters[k] = append(cv.supporters[k], i)
			}
		}
	})
}

// scope returns the test for domains the plan's coverage is checked in.
func (o *org) scope() func(catalog.Domain) bool {
	if len(o.plan.Scope) == 0 {
		return func(catalog.Domain) bool { return true }
	}
	return func(d catalog.Domain) bool { return slices.Contains(o.plan.Scope, d) }
}

// roots keeps the positions that have none of the others above them, in plan
// order. Sorting by DFS entry number makes each test against the last kept
// root O(1): a position is below some kept root only if it is below the last.
func (o *org) roots(is []int32) []int32 {
	if len(is) < 2 {
		return is
	}
	byEntry := slices.Clone(is)
	slices.SortFunc(byEntry, func(a, b int32) int { return int(o.enter[a]) - int(o.enter[b]) })
	last := int32(-1)
	kept := 0
	for _, i := range byEntry {
		if last >= 0 && o.above(last, i) {
			continue
		}
		o.mark[i] = true
		kept++
		if o.enter[i] >= 0 {
			last = i
		}
	}
	out := make([]int32, 0, kept)
	for _, i := range is {
		if o.mark[i] {
			out = append(out, i)
			o.mark[i] = false
		}
	}
	return out
}

func (c *checker) checkCoverage() {
	cv := c.cov
	c.overlaps = map[catalog.Domain]int{}
	vacantOnly := map[string][]int{} // owner set -> capabilities owned only by those vacant positions
	var vacantKeys []string
	overlapping := map[string][]int{} // topmost owner set -> capabilities they overlap on
	overlapRoots := map[string][]int32{}
	var overlapKeys []string
	need := make([]bool, len(cv.caps))
	needed := false
	for k, cp := range cv.caps {
		if cv.inScope(cp.Domain) && c.ownerCount(k) == 0 && cp.RequiredAt(c.headcount) {
			need[k], needed = true, true
		}
	}
	if needed && c.inc == nil {
		c.collectSupporters(cv, need)
	}
	for k, cp := range cv.caps {
		if !cv.inScope(cp.Domain) {
			continue
		}
		required := cp.RequiredAt(c.headcount)
		switch {
		case c.ownerCount(k) > 0:
			if roots, dup := c.capOverlap(k); roots != nil {
				c.overlaps[cp.Domain]++
				key := c.key(roots)
				if dup {
					key = "L" + key
				}
				if overlapping[key] == nil {
					overlapKeys = append(overlapKeys, key)
					overlapRoots[key] = roots
				}
				overlapping[key] = append(overlapping[key], k)
			}
			if required && c.allVacantOwners(k) {
				key := c.key(c.ownerList(k))
				if vacantOnly[key] == nil {
					vacantKeys = append(vacantKeys, key)
				}
				vacantOnly[key] = append(vacantOnly[key], k)
			}
		case !required:
		case len(c.supportRoots(k)) > 0:
			if fs, ok := c.inc.cachedSupportOnly(k); ok {
				c.report.Findings = append(c.report.Findings, fs...)
				break
			}
			before := len(c.report.Findings)
			sup := c.supportRoots(k)
			c.addCap("coverage.support-only", Warning, k, c.ids(sup...), []string{cp.ID},
				fmt.Sprintf("%s (%s) is supported by %s, but nobody owns it: no single person is accountable.", cp.Name, cp.Domain, c.names(sup)),
				"Make one position accountable for it (in the plan: owns: ["+cp.ID+"] on one of them, as small companies do)"+c.ownerHint(cv, k)+".")
			c.inc.keepSupportOnly(k, c.report.Findings[before:])
		default:
			c.addCap("coverage.gap", Error, k, nil, []string{cp.ID},
				fmt.Sprintf("Nobody owns %s (%s). %s", cp.Name, cp.Domain, sentence(cp.Description)),
				"Make a position accountable for it: hire for it or give it to an existing leader (in the plan: owns: ["+cp.ID+"])"+c.ownerHint(cv, k)+".")
		}
	}
	for _, key := range overlapKeys {
		if key[0] == 'L' {
			c.duplicateLeader(cv, overlapRoots[key], overlapping[key])
			continue
		}
		c.overlapFinding(cv, overlapRoots[key], overlapping[key])
	}
	for _, key := range vacantKeys {
		c.vacantOwner(cv, c.ownerList(vacantOnly[key][0]), vacantOnly[key])
	}
}

// capOverlap returns the topmost owners of capability k when a finding
// names them (dup: two or more owners of a single-owner capability, for
// coverage.duplicate-leader; else an overlap), or nil.
func (c *checker) capOverlap(k int) (roots []int32, dup bool) {
	if c.inc != nil {
		return c.inc.capOverlap(k)
	}
	return c.overlapOf(k, c.roots(c.cov.owners[k]))
}

// ownerCount is the number of positions that own capability k.
func (c *checker) ownerCount(k int) int {
	if c.inc != nil {
		return c.inc.ownerCount[k]
	}
	return len(c.cov.owners[k])
}

// ownerList returns the owners of capability k in plan order; a Checker
// keeps its vacant owners only, which are all of them when a finding needs
// the list (coverage.vacant-owner).
func (c *checker) ownerList(k int) []int32 {
	if c.inc != nil {
		return c.inc.vacantOwners[k].nodes
	}
	return c.cov.owners[k]
}

// supportRoots returns the topmost supporters of capability k (Run collects
// them for unowned required capabilities only).
func (c *checker) supportRoots(k int) []int32 {
	if c.inc != nil {
		return c.inc.supRoots[k].nodes
	}
	return c.roots(c.cov.supporters[k])
}

// allVacantOwners reports whether every owner of capability k is vacant.
func (c *checker) allVacantOwners(k int) bool {
	if c.inc != nil {
		return c.inc.heldOwners[k] == 0
	}
	return c.allVacant(c.cov.owners[k])
}

// overlapOf is capOverlap given the topmost owners.
func (c *checker) overlapOf(k int, roots []int32) ([]int32, bool) {
	if c.cov.caps[k].SingleOwner && c.on("coverage.duplicate-leader") {
		if len(roots) > 1 {
			return roots, true
		}
		return nil, false
	}
	if r := c.overlap(c.ownerCount(k), roots); r != nil {
		return r, false
	}
	return nil, false
}

// overlap returns the topmost owners of one capability when they sit in
// separate branches with different roles, else nil. Owners below another
// owner are delegation, and owners sharing a role under one top position are
// one capability split across teams.
func (c *checker) overlap(owners int, roots []int32) []int32 {
	if owners < 2 {
		return nil
	}
	type group struct {
		role string
		top  int32
	}
	first := group{c.canonical(roots[0]), c.top[roots[0]]}
	for _, i := range roots[1:] {
		if g := (group{c.canonical(i), c.top[i]}); g != first || g.top < 0 {
			return roots
		}
	}
	return nil
}

// overlapFinding reports the capabilities that one set of owners overlaps
// on, as one finding: two SRE managers in separate branches typically
// overlap on a dozen SRE capabilities at once.
func (c *checker) overlapFinding(cv *coverage, roots []int32, caps []int) {
	c.addCap("coverage.overlap", Warning, caps[0], c.ids(roots...), c.capIDs(cv, caps),
		fmt.Sprintf("%s %s owned by %s in separate branches: more than one person is accountable for the same thing.", c.capNames(cv, caps), isAre(len(caps)), c.names(roots)),
		"Keep one owner and make the others supporters, or split the capability explicitly (by product line or region) and say so in the positions' notes.")
}

// duplicateLeader reports strategy and governance capabilities (singleOwner
// in the catalog) owned in separate branches: the company can have only one
// technology strategy or security governance, so two CTOs or two CISOs, even
// in the same role, leave nobody able to settle a disagreement. It is an
// error under one top position and a warning across separate top positions
// (which may be separate companies drawn in one plan).
func (c *checker) duplicateLeader(cv *coverage, roots []int32, caps []int) {
	sev := Error
	for _, i := range roots[1:] {
		if c.top[i] != c.top[roots[0]] || c.top[i] < 0 {
			sev = Warning
		}
	}
	who := c.names(roots)
	if same := c.sameRole(roots); same != "" {
		who = orgchart.Thousands(len(roots)) + " " + same + " positions: " + who + ","
	}
	c.addCap("coverage.duplicate-leader", sev, caps[0], c.ids(roots...), c.capIDs(cv, caps),
		fmt.Sprintf("%s %s owned by %s in separate branches. The company needs one owner for %s: with more than one, nobody can settle a disagreement between them.", c.capNames(cv, caps), isAre(len(caps)), who, itThem(len(caps))),
		"Keep one owner and make the others report to them or support them (notOwns in the plan), or, if these are separate companies, give each its own plan.")
}

// sameRole returns the role title all the positions share (synonyms
// folded), or "" when they differ.
func (c *checker) sameRole(is []int32) string {
	first := c.canonical(is[0])
	for _, i := range is[1:] {
		if c.canonical(i) != first {
			return ""
		}
	}
	if r := catRole(c.cat, first); r != nil {
		return r.Title
	}
	return c.title(int(is[0]))
}

func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// capIDs returns the ids of capabilities by index.
func (c *checker) capIDs(cv *coverage, caps []int) []string {
	ids := make([]string, len(caps))
	for n, k := range caps {
		ids[n] = cv.caps[k].ID
	}
	return ids
}

// capNames names up to three capabilities with their domain, then "and N more".
func (c *checker) capNames(cv *coverage, caps []int) string {
	names := make([]string, 0, 4)
	for n, k := range caps {
		if n == 3 {
			names = append(names, strconv.Itoa(len(caps)-3)+" more")
			break
		}
		names = append(names, cv.caps[k].Name+" ("+string(cv.caps[k].Domain)+")")
	}
	return joinAnd(names)
}

// vacantOwner reports capabilities whose every owner is a vacancy, grouped by
// the set of owners so one vacant leader gives one finding.
func (c *checker) vacantOwner(cv *coverage, owners []int32, caps []int) {
	what := "the only owner"
	if len(owners) > 1 {
		what = "the only owners"
	}
	before := len(c.report.Findings)
	c.addCap("coverage.vacant-owner", Warning, c.ord(int(owners[0])), c.ids(owners...), c.capIDs(cv, caps),
		fmt.Sprintf("%s %s %s of %s; until the post is filled nobody is accountable.", c.names(owners), isAre(len(owners)), what, c.capNames(cv, caps)),
		"Name an interim owner for these until the hire starts, or make this hire first.")
	if len(c.report.Findings) > before {
		c.report.Findings[before].sub = caps[0]
	}
}

func (c *checker) allVacant(is []int32) bool {
	for _, i := range is {
		if !c.vacant(int(i)) {
			return false
		}
	}
	return true
}

// key identifies a set of positions (already in plan order).
func (c *checker) key(is []int32) string {
	var b strings.Builder
	for _, i := range is {
		b.WriteString(strconv.Itoa(int(i)))
		b.WriteByte(',')
	}
	return b.String()
}

// ownerHint names catalog roles that own the capability: ": the catalog's
// Chief Information Security Officer owns it".
func (c *checker) ownerHint(cv *coverage, k int) string {
	roles := cv.ownerRoles[k]
	if len(roles) == 0 {
		return ""
	}
	return "; in the catalog, " + withArticle(roleTitles(roles)) + " owns it"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
