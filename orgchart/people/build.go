package people

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// build turns checked rows into a plan: managers resolved (ids first, then
// unique names and emails), cycles broken, titles matched to roles, the
// scope set from the roles found. A file whose manager column resolves for
// nobody is a problem (fail), not a plan of top positions.
func build(rows []row, cat *catalog.Catalog, rep *Report, fail func(int, string, ...any)) *orgchart.Plan {
	note := func(rw *row, kind NoteKind, format string, args ...any) {
		rep.Notes = append(rep.Notes, Note{File: rw.file, Line: rw.line, Kind: kind, ID: noteID(rw), Title: rw.title, Message: fmt.Sprintf(format, args...)})
	}
	byID := make(map[string]int, len(rows))
	for i := range rows {
		byID[rows[i].id] = i
	}
	parent := resolveManagers(rows, byID, rep, note, fail)
	if len(rep.Problems) > 0 {
		return nil
	}
	breakCycles(rows, parent, note, fail)
	leaveOutEliminated(rows, parent, note)

	m := newMatcher(cat)
	perYear := 1.0
	if rep.CostPeriod == "month" {
		perYear = 12
	}
	p := &orgchart.Plan{Version: orgchart.FormatVersion, Positions: make([]*orgchart.Position, 0, len(rows))}
	kept := make([]*row, 0, len(rows)) // the row of each position
	for i := range rows {
		rw := &rows[i]
		if rw.status.leftOut() {
			continue
		}
		pos := &orgchart.Position{ID: PositionID(rw.id), Holder: holderOf(rw), Line: rw.line}
		if parent[i] >= 0 {
			pos.ReportsTo = PositionID(rows[parent[i]].id)
		}
		if rw.codeTitle {
			if rw.title == rw.jobCode {
				note(rw, NoteJobCode, "job code %q kept as the title (a code this import cannot read)", rw.jobCode)
			} else {
				note(rw, NoteJobCode, "job code %q read as the title %q", rw.jobCode, rw.title)
			}
		}
		pos.Role = roleOf(rw, m, rep, note)
		if r := m.byID[pos.Role]; rw.title != "" && (r == nil || !sameTitle(rw.title, r.Title)) {
			pos.Title = rw.title
		}
		switch n, ok := parseCount(rw.count); {
		case !ok:
			note(rw, NoteBadCount, "count %q is not a whole number; read as one person", rw.count)
		case n > orgchart.MaxCount:
			note(rw, NoteBadCount, "count %q is more than a plan allows (%d); read as one person", rw.count, orgchart.MaxCount)
		default:
			pos.Count = n
		}
		fte, fteOK := parseFTE(rw.fte)
		switch {
		case !fteOK:
			note(rw, NoteBadCount, "FTE %q is not a number; left out", rw.fte)
			fte = 0
		case rw.team && rw.count == "" && fte > 0:
			// A team's FTE is its posts: 6.5 FTE is a team of 7.
			switch n := postsOf(fte); {
			case n > orgchart.MaxCount:
				note(rw, NoteBadCount, "%s FTE is more than a plan allows (%d); read as one person", rw.fte, orgchart.MaxCount)
			case n > 1:
				pos.Count = n
			}
		}
		if rw.team && pos.Count <= 1 {
			pos.Holder = NotDisclosed // one post of a team file: held, but nobody is named
		}
		pos.Notes = notesOf(rw, fte)
		cost, costOK, costCell := costOf(rw)
		if costOK && fte > 0 && rw.team {
			cost = math.Round(cost * fte / float64(pos.Headcount())) // a team's cost is its FTE's, shared by its posts
		}
		switch {
		case !costOK:
			note(rw, NoteBadCost, "cost %q is not a number; left empty", costCell)
		case cost*perYear > orgchart.MaxCost:
			note(rw, NoteBadCost, "cost %q is more than a plan allows (%d a person a year); left empty", costCell, orgchart.MaxCost)
		default:
			pos.Cost = cost * perYear
		}
		for _, d := range splitList(rw.dotted) {
			if j, ok := byID[d]; ok && j != i {
				pos.DottedTo = append(pos.DottedTo, PositionID(d))
			} else {
				note(rw, NoteUnknownDotted, "dotted-line manager %q is not an id in the file; left out", d)
			}
		}
		unknownCap := func(id string) { note(rw, NoteUnknownCapability, "capability %q is not in the catalog; left out", id) }
		pos.Owns = capabilityIDs(rw.owns, cat, unknownCap)
		pos.Supports = capabilityIDs(rw.supports, cat, unknownCap)
		pos.NotOwns = capabilityIDs(rw.notOwns, cat, unknownCap)
		p.Positions = append(p.Positions, pos)
		kept = append(kept, rw)
		rep.Headcount += pos.Headcount()
	}
	manyChiefs(p, kept, m, rep)
	p.Scope = scopeOf(p, m)
	rep.Scope = p.Scope
	if p.Scope == nil && len(p.Positions) > 0 {
		// No role found works in a domain the catalog covers (a sales team,
		// a retailer's shop floor): every domain's gaps would be reported,
		// on-call and product roadmaps included. The plan says why they are
		// not, and how to check them.
		p.Policy.Rules = map[string]string{"coverage.gap": "off"}
		rep.Warnings = append(rep.Warnings, "no title matches a catalog role that works in IT, security, privacy, SRE, platform, engineering, product or data, so the plan switches coverage gaps off (policy: rules: coverage.gap: off) rather than report every domain's; set scope: in the plan and remove the rule to check coverage")
	}
	rep.Positions = len(p.Positions)
	sortNotes(rep.Notes)
	return p
}

// manyChiefs notes each executive-level role that more than one row was
// read as: a title that says "Technology Officer" in a bank is a rank, and
// 136 CTOs are a misreading, not an organisation.
func manyChiefs(p *orgchart.Plan, rows []*row, m *matcher, rep *Report) {
	byRole := map[string][]int{}
	var order []string
	for i, pos := range p.Positions {
		if r := m.byID[pos.Role]; r != nil && r.Level == catalog.LevelExecutive && len(r.Domains) < len(catalog.Domains) {
			if byRole[pos.Role] == nil {
				order = append(order, pos.Role)
			}
			byRole[pos.Role] = append(byRole[pos.Role], i)
		}
	}
	for _, id := range order {
		is := byRole[id]
		if len(is) < 2 {
			continue
		}
		lines := make([]int, len(is))
		for k, i := range is {
			lines[k] = rows[i].line
		}
		first := rows[is[0]]
		rep.Notes = append(rep.Notes, Note{File: first.file, Line: first.line, Kind: NoteManyChiefs, ID: first.id, Title: first.title, Role: id,
			Message: fmt.Sprintf("%d rows read as %s (%s): check their titles, or give the role column", len(is), m.byID[id].Title, lineList(lines))})
	}
}

// holderOf is the name a person goes by: the preferred name when given
// (Rippling's "Preferred Name" next to the "Legal Name"), with the family
// name added to a lone first name.
func holderOf(rw *row) string {
	if rw.preferred == "" {
		return rw.name
	}
	if strings.Contains(rw.preferred, " ") {
		return rw.preferred
	}
	last := rw.last
	if last == "" {
		if ws := strings.Fields(rw.name); len(ws) > 1 {
			last = ws[len(ws)-1]
		}
	}
	return strings.TrimSpace(rw.preferred + " " + last)
}

// scopeOf is the set of domains the plan's roles work in, so that a company
// is checked on what it has (a retailer's IT department is not judged on SRE
// or product). An executive or VP brings every domain of its role (a CTO
// leads engineering and platform); any other leader its role's first
// domain; individual contributors their role's first domain once three or
// more work in it (two database administrators do not make a platform
// organisation). Roles that belong to every domain (CEO, chief of staff) and
// the generic team member say nothing. Nil when no role does: the plan keeps
// every domain.
func scopeOf(p *orgchart.Plan, m *matcher) []catalog.Domain {
	const team = 3
	in := map[catalog.Domain]bool{}
	ics := map[catalog.Domain]int{}
	for _, pos := range p.Positions {
		r := m.byID[pos.Role]
		if r == nil || len(r.Domains) == 0 || len(r.Domains) >= len(catalog.Domains) {
			continue
		}
		switch {
		case r.Level == catalog.LevelExecutive || r.Level == catalog.LevelVP:
			for _, d := range r.Domains {
				in[d] = true
			}
		case r.Individual || r.Level == catalog.LevelIndividual:
			ics[r.Domains[0]] += max(pos.Count, 1)
		default:
			in[r.Domains[0]] = true
		}
	}
	var out []catalog.Domain
	for _, d := range catalog.Domains {
		if in[d] || ics[d] >= team {
			out = append(out, d)
		}
	}
	return out
}

// resolveManagers returns each row's manager row (-1 for a top position).
// Each manager value (one per manager column: Workday reports may have both
// "Manager ID" and "Manager") is tried as an id, then as the name or email of
// exactly one person, then as "Last, First". HR tools export the manager as a
// name (BambooHR, Rippling, Personio, HiBob), an email (Google Workspace) or
// a user principal name (Entra).
func resolveManagers(rows []row, byID map[string]int, rep *Report, note func(*row, NoteKind, string, ...any), fail func(int, string, ...any)) []int {
	var byKey map[string]int // lazily: only when some manager is not an id
	parent := make([]int, len(rows))
	// With several manager columns, the one that finds the most people is
	// tried first: a "ManagerID" from another numbering must not beat a
	// "ManagerName" that names everyone (nor a name beat a real id column).
	order := managerColumnOrder(rows, byID)
	given, resolved, firstGiven := 0, 0, -1
	var byName []int // rows whose manager was found by name or email
	for i := range rows {
		rw := &rows[i]
		parent[i] = -1
		// The first value given, best column first: a "Board of Directors"
		// in the manager name column makes a top position, whatever number
		// another numbering's ManagerID column gives beside it.
		var v string
		for _, c := range order {
			x := rw.managers[c]
			if x == "" {
				continue
			}
			if _, isID := byID[x]; isID || !noManager[strings.ToLower(x)] {
				v = x
			}
			break
		}
		if v == "" {
			continue
		}
		given++
		if firstGiven < 0 {
			firstGiven = i
		}
		how, j := "", -1
		for _, c := range order {
			x := rw.managers[c]
			if _, isID := byID[x]; x == "" || (!isID && noManager[strings.ToLower(x)]) {
				continue
			}
			if k, ok := byID[x]; ok {
				how, j = "id", k
				if strings.Contains(x, "@") {
					how = "email" // an email standing in for a missing id
				} else if rows[k].nameIsID {
					how = "name" // a name standing in for a missing id
				}
				break
			}
			if byKey == nil {
				byKey = keysOf(rows)
			}
			if k, ok := lookupPerson(byKey, x); ok {
				how, j = "name", k
				if strings.Contains(x, "@") {
					how = "email"
				}
				break
			}
			if k, ok := trailingID(x, byID); ok {
				how, j = "id", k
				break
			}
		}
		if j >= 0 {
			resolved++
		}
		switch {
		case j == i:
			note(rw, NoteSelfManager, "%s reports to itself; read as a top position", describe(rw))
		case j >= 0:
			parent[i] = j
			switch how {
			case "id":
				rep.ManagersBy.ID++
			case "email":
				rep.ManagersBy.Email++
			default:
				rep.ManagersBy.Name++
			}
			if how != "id" {
				byName = append(byName, i)
			}
		case j == -2:
			note(rw, NoteUnknownManager, "%s reports to %q, a name two or more people share; now a top position: give the manager's id", describe(rw), v)
		default:
			note(rw, NoteUnknownManager, "%s reports to %q, which is no id, name or email in the file; now a top position: fix the manager", describe(rw), v)
		}
	}
	// A file that gives managers mostly by id and a few by name deserves a
	// look at those few; one that gives them all by name does not.
	if rep.ManagersBy.ID > 0 {
		for _, i := range byName {
			note(&rows[i], NoteManagerByName, "manager %q is a name, not an id; matched to line %d", managerValue(&rows[i]), rows[parent[i]].line)
		}
	}
	// Three or more managers given and none of them found: the column holds
	// something else (another system's codes, a name column that is not
	// in the file) and the plan would be a row of top positions.
	if given >= 3 && resolved == 0 {
		var headers []string
		for _, c := range rep.Columns {
			if c.Field == FieldManager {
				headers = append(headers, fmt.Sprintf("%q", c.Header))
			}
		}
		rw := &rows[firstGiven]
		fail(rw.line, "no manager in column %s is the id, name or email of a person in the file (this row names %q): every row would be a top position; name the column that holds managers with --map COLUMN=manager, or the one they refer to with --map COLUMN=id",
			strings.Join(headers, ", "), managerValue(rw))
	}
	return parent
}

// managerColumnOrder orders the manager columns by how many rows' values
// they resolve (as an id, or a unique name or email), most first, header
// order among equals. One column needs no count.
func managerColumnOrder(rows []row, byID map[string]int) []int {
	n := 0
	if len(rows) > 0 {
		n = len(rows[0].managers)
	}
	order := make([]int, n)
	for c := range order {
		order[c] = c
	}
	if n < 2 {
		return order
	}
	byKey := keysOf(rows)
	found := make([]int, n)
	for i := range rows {
		for c, x := range rows[i].managers {
			if x == "" {
				continue
			}
			if _, ok := byID[x]; ok {
				found[c]++
			} else if j, ok := lookupPerson(byKey, x); ok && j >= 0 {
				found[c]++
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return found[order[a]] > found[order[b]] })
	return order
}

// trailingID finds a manager written as a name followed by an id, as lookup
// fields show a person ("Ada Lovelace 1017", "Ada Lovelace (1017)", "Ada
// Lovelace - 1017"): the last word is tried as an id.
func trailingID(v string, byID map[string]int) (int, bool) {
	ws := strings.Fields(v)
	if len(ws) < 2 {
		return -1, false
	}
	last := strings.Trim(ws[len(ws)-1], "()[]")
	k, ok := byID[last]
	return k, ok
}

// managerValue is the first manager value a row gives.
func managerValue(rw *row) string {
	for _, x := range rw.managers {
		if x != "" {
			return x
		}
	}
	return ""
}

// personKey normalises a name or email for lookup: lower case, words only
// ("Hopper, Grace" stays in that order: see lookupPerson).
func personKey(s string) string {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '\t' || r == ','
	})
	for i, w := range ws {
		ws[i] = strings.TrimSuffix(w, ".") // "R." is "R"
	}
	return strings.Join(ws, " ")
}

// keysOf maps every name a person goes by (full name, first and last,
// preferred name, "Last, First") and every email to their row; -2 when two
// people share one.
func keysOf(rows []row) map[string]int {
	out := make(map[string]int, 3*len(rows))
	add := func(k string, i int) {
		if k = personKey(k); k == "" {
			return
		}
		if j, dup := out[k]; dup && j != i {
			out[k] = -2
		} else {
			out[k] = i
		}
	}
	for i := range rows {
		rw := &rows[i]
		seen := map[string]bool{}
		for _, k := range nameForms(rw.name, rw.first+" "+rw.last, holderOf(rw)) {
			if k = personKey(k); k != "" && !seen[k] {
				seen[k] = true
				add(k, i)
			}
		}
		for _, e := range rw.emails {
			add(e, i)
		}
	}
	return out
}

// nameForms are the ways a manager column may write a person's names: as
// written, "Last, First" turned to "First Last" (a name column in "Adinolfi,
// Wilson K" form, a manager column in "Wilson Adinolfi" form), and without
// middle initials ("Brandon R. LeBlanc" as "Brandon LeBlanc").
func nameForms(names ...string) []string {
	out := make([]string, 0, 4*len(names))
	for _, n := range names {
		forms := []string{n}
		if last, first, ok := strings.Cut(n, ","); ok {
			forms = append(forms, first+" "+last)
		}
		for _, f := range forms {
			out = append(out, f)
			ws := strings.Fields(f)
			kept := ws[:0:0]
			for _, w := range ws {
				if len(strings.TrimSuffix(w, ".")) > 1 {
					kept = append(kept, w)
				}
			}
			if len(kept) >= 2 && len(kept) < len(ws) {
				out = append(out, strings.Join(kept, " "))
			}
		}
	}
	return out
}

// lookupPerson finds the one person a manager value names; it tries
// "Last, First" as "First Last" too. ok is false when nobody has the name;
// a shared name gives -2 with ok true.
func lookupPerson(byKey map[string]int, v string) (int, bool) {
	if j, ok := byKey[personKey(v)]; ok {
		return j, true
	}
	if last, first, ok := strings.Cut(v, ","); ok {
		if j, ok := byKey[personKey(first+" "+last)]; ok {
			return j, true
		}
	}
	return -1, false
}

// breakCycles finds every reporting cycle (each row has one manager, so a
// walk up from any row ends at a top or in a cycle) and breaks each at the
// row that comes first in the file, which becomes a top position. Each
// cycle gets one note, on that row, naming at most cycleShown of its rows:
// time and memory stay linear in the file however long the cycle. A cycle
// longer than a plan's deepest chain is also a problem (fail), named the
// same way.
func breakCycles(rows []row, parent []int, note func(*row, NoteKind, string, ...any), fail func(int, string, ...any)) {
	const (
		unseen = 0
		done   = -1
	)
	state := make([]int, len(rows)) // unseen, done, or the walk number that reached it
	walk := 0
	var path []int
	for start := range rows {
		if state[start] != unseen {
			continue
		}
		walk++
		path = path[:0]
		i := start
		for i >= 0 && state[i] == unseen {
			state[i] = walk
			path = append(path, i)
			i = parent[i]
		}
		if i >= 0 && state[i] == walk { // came back to this walk: a cycle from i
			var cycle []int
			for k := len(path) - 1; k >= 0; k-- {
				cycle = append(cycle, path[k])
				if path[k] == i {
					break
				}
			}
			first := cycle[0]
			for _, c := range cycle {
				if rows[c].line < rows[first].line {
					first = c
				}
			}
			chain := make([]string, 0, cycleShown+2)
			lines := make([]string, 0, cycleShown+1)
			// Show the cycle from the row that is cut, following its managers.
			for c, n := first, 0; n <= len(cycle); c, n = parent[c], n+1 {
				if n == cycleShown && len(cycle) > cycleShown {
					chain = append(chain, fmt.Sprintf("... %d more", len(cycle)-cycleShown), describe(&rows[first]))
					lines = append(lines, fmt.Sprintf("and %d more", len(cycle)-cycleShown))
					break
				}
				chain = append(chain, describe(&rows[c]))
				if n < len(cycle) {
					lines = append(lines, fmt.Sprint(rows[c].line))
				}
			}
			parent[first] = -1
			note(&rows[first], NoteCycle, "lines %s form a reporting cycle of %d (%s); line %d now reports to nobody: set its manager",
				strings.Join(lines, ", "), len(cycle), strings.Join(chain, " -> "), rows[first].line)
			if len(cycle) > orgchart.MaxDepth+1 {
				// Cut anywhere, the cycle is a chain deeper than a plan may
				// be: refuse it naming the cycle, not a row deep inside it.
				fail(rows[first].line, "lines %s form a reporting cycle of %d (%s): cut at line %d it is still a chain of %d rows, deeper than the %d levels a plan may have: set the managers of these rows",
					strings.Join(lines, ", "), len(cycle), strings.Join(chain, " -> "), rows[first].line, len(cycle), orgchart.MaxDepth)
			}
		}
		for _, k := range path {
			state[k] = done
		}
	}
}

// cycleShown is how many rows of a reporting cycle its note names.
const cycleShown = 10

// roleOf decides the row's role: a catalog role id in the role column wins,
// else the title is matched.
func roleOf(rw *row, m *matcher, rep *Report, note func(*row, NoteKind, string, ...any)) string {
	if rw.role != "" {
		if _, ok := m.byID[rw.role]; ok {
			rep.Matches[MatchRole]++
			return rw.role
		}
		note(rw, NoteUnknownRole, "role %q is not a catalog role id; the title was matched instead", rw.role)
		if rw.title == "" {
			rw.title = rw.role
		}
	}
	res := m.match(rw.title, rw.dept)
	rep.Matches[res.kind]++
	title := func(id string) string {
		if r := m.byID[id]; r != nil {
			return r.Title
		}
		return id
	}
	add := func(kind NoteKind, format string, args ...any) {
		rep.Notes = append(rep.Notes, Note{File: rw.file, Line: rw.line, Kind: kind, ID: noteID(rw), Title: rw.title, Role: res.role, Message: fmt.Sprintf(format, args...)})
	}
	switch {
	case res.kind == MatchUnmatched && res.reading != "":
		add(NoteOtherChief, "read as %s, which no catalog role is; imported as %s with the title kept", res.reading, GenericRole)
	case res.kind == MatchUnmatched:
		add(NoteUnmatchedTitle, "no catalog role; imported as %s with the title kept", GenericRole)
	case res.kind == MatchSimilar:
		add(NoteSimilarTitle, "read as %s (%.0f%% of words shared)", title(res.role), res.score*100)
	case len(res.alternatives) > 0:
		alts := make([]string, len(res.alternatives))
		for i, a := range res.alternatives {
			alts[i] = title(a)
		}
		add(NoteAmbiguousTitle, "read as %s; could be %s: write the full title or give a department", title(res.role), strings.Join(alts, " or "))
	}
	// Executives and VPs own the most: every such reading is listed for a
	// person to confirm, however certain the match.
	if r := m.byID[res.role]; r != nil && (r.Level == catalog.LevelExecutive || r.Level == catalog.LevelVP) {
		how := matchLabels[res.kind]
		if rw.dept != "" {
			how += fmt.Sprintf(", department %q", rw.dept)
		}
		add(NoteExecutive, "read as %s (%s)", r.Title, how)
	}
	return res.role
}

// describe names a row in messages: "Ada Lovelace (id 17)", "vacant CTO
// (id 17)" or, in a team file, "the team "Policy Adviser" on line 4".
func describe(rw *row) string {
	if rw.team {
		return fmt.Sprintf("the team %q on line %d of %s", rw.title, rw.line, rw.file)
	}
	who := rw.name
	if who == "" {
		who = "vacant " + rw.title
	}
	return fmt.Sprintf("%s (id %s)", strings.TrimSpace(who), rw.id)
}

// noteID is the id a note gives for a row: as written in the file, none for
// a team row (whose id the import made up).
func noteID(rw *row) string {
	if rw.team {
		return ""
	}
	return rw.id
}

// leaveOutEliminated takes the organograms' eliminated posts ("Eliminated"
// as the name: the post was in the last release but no longer exists), and
// people whose status says they have left, out of the reporting lines:
// whoever reported to one reports to its manager. The rows themselves are
// left out of the plan, each with a note.
func leaveOutEliminated(rows []row, parent []int, note func(*row, NoteKind, string, ...any)) {
	gone := func(i int) bool { return i >= 0 && rows[i].status.leftOut() }
	// up[i] is the first ancestor of a left-out row i that stays, found once
	// per row (a chain of 100,000 left-out rows costs linear time, not
	// quadratic): walk up to a known answer, then write it along the path.
	up := map[int]int{}
	var path []int
	stays := func(i int) int {
		path = path[:0]
		j := i
		for gone(j) {
			if k, ok := up[j]; ok {
				j = k
				break
			}
			path = append(path, j)
			j = parent[j] // cycles are broken already, so this ends
		}
		for _, k := range path {
			up[k] = j
		}
		return j
	}
	moved := map[int]int{}
	for i := range rows {
		if !gone(parent[i]) {
			continue
		}
		if !gone(i) {
			moved[parent[i]]++ // the reports that stay, for the note
		}
		parent[i] = stays(parent[i])
	}
	for i := range rows {
		if !rows[i].status.leftOut() {
			continue
		}
		msg := fmt.Sprintf("post %s (%s) is eliminated; left out", rows[i].id, nameOr(rows[i].title, "no title"))
		switch {
		case rows[i].status == departed && strings.Contains(strings.ToLower(rows[i].disabled), "current"):
			msg = fmt.Sprintf("%s is a past version of a row (%s); left out", describe(&rows[i]), rows[i].disabled)
		case rows[i].status == departed && rows[i].disabled != "":
			msg = fmt.Sprintf("%s has a disabled account (%s); left out", describe(&rows[i]), rows[i].disabled)
		case rows[i].status == departed:
			msg = fmt.Sprintf("%s has the status %q; left out", describe(&rows[i]), rows[i].employment)
		}
		if n := moved[i]; n > 0 {
			to := "top positions"
			if j := parent[i]; j >= 0 {
				to = describe(&rows[j]) // not left out: parents were moved up above
			}
			if n == 1 {
				msg += ": its one report now reports to " + to
			} else {
				msg += fmt.Sprintf(": its %d reports now report to %s", n, to)
			}
		}
		note(&rows[i], NoteLeftOut, "%s", msg)
	}
}

// notesOf is the position's notes: what the row says besides the notes
// column that a plan has no field for (grade, a part-time FTE, the job
// code), then the notes as written.
func notesOf(rw *row, fte float64) string {
	var extra []string
	switch g := rw.grade; {
	case g == "" || noValue(g):
	case len(g) > 6 && strings.EqualFold(g[:6], "grade "): // "Grade 7"
		extra = append(extra, g)
	default:
		extra = append(extra, "Grade "+g)
	}
	// A part-time post (0.6), or a team whose FTE is not its posts (6.5 of 7).
	if f := math.Round(fte*100) / 100; rw.fte != "" && f > 0 && f != 1 && (!rw.team || f != math.Trunc(f)) {
		extra = append(extra, formatFTE(fte)+" FTE")
	}
	if rw.codeTitle && rw.title != rw.jobCode {
		extra = append(extra, "Job code "+rw.jobCode)
	}
	if len(extra) == 0 {
		return rw.notes
	}
	s := strings.Join(extra, "; ")
	if strings.TrimSpace(rw.notes) != "" {
		s += ". " + rw.notes
	}
	return s
}

// costOf is the row's yearly cost before the cost period: the cost column,
// or the middle of a pay band (bottom and top columns; a band of 0 to 0, as
// organograms write for vacant posts, is no cost). ok is false for a cell
// that is not a number, which cell is also returned.
func costOf(rw *row) (cost float64, ok bool, cell string) {
	if rw.cost != "" || (rw.costMin == "" && rw.costMax == "") {
		c, ok := parseCost(rw.cost)
		return c, ok, rw.cost
	}
	lo, okLo := parseCost(rw.costMin)
	if !okLo {
		return 0, false, rw.costMin
	}
	hi, okHi := parseCost(rw.costMax)
	if !okHi {
		return 0, false, rw.costMax
	}
	switch {
	case lo == 0 || hi == 0:
		return max(lo, hi), true, rw.costMin
	case hi < lo:
		lo, hi = hi, lo
	}
	return math.Round((lo + hi) / 2), true, rw.costMin
}

// sameTitle compares titles ignoring case and spacing.
func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// sortNotes orders notes by line, keeping each line's notes in the order made.
func sortNotes(ns []Note) {
	// Notes are made in passes over the rows; a stable sort by line merges them.
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].Line < ns[j].Line })
}

// capabilityIDs reads an owns, supports or not_owns cell: catalog capability
// ids separated by ";". Unknown or repeated ids are left out with a note.
func capabilityIDs(cell string, cat *catalog.Catalog, unknown func(id string)) []string {
	var out []string
	for _, id := range splitList(cell) {
		switch {
		case cat != nil && cat.Capability(id) == nil:
			unknown(id)
		case slices.Contains(out, id):
		default:
			out = append(out, id)
		}
	}
	return out
}
