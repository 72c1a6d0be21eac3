package people

import (
	"fmt"
	"sort"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// build turns checked rows into a plan: managers resolved (ids first, then
// unique names), cycles broken, titles matched to roles.
func build(rows []row, cat *catalog.Catalog, rep *Report) *orgchart.Plan {
	note := func(rw *row, kind NoteKind, format string, args ...any) {
		rep.Notes = append(rep.Notes, Note{Line: rw.line, Kind: kind, ID: rw.id, Title: rw.title, Message: fmt.Sprintf(format, args...)})
	}
	byID := make(map[string]int, len(rows))
	for i := range rows {
		byID[rows[i].id] = i
	}
	parent := resolveManagers(rows, byID, note)
	breakCycles(rows, parent, note)

	m := newMatcher(cat)
	p := &orgchart.Plan{Version: orgchart.FormatVersion, Positions: make([]*orgchart.Position, len(rows))}
	for i := range rows {
		rw := &rows[i]
		pos := &orgchart.Position{ID: PositionID(rw.id), Holder: rw.name, Notes: rw.notes, Line: rw.line}
		if parent[i] >= 0 {
			pos.ReportsTo = PositionID(rows[parent[i]].id)
		}
		pos.Role = roleOf(rw, m, rep, note)
		if r := m.byID[pos.Role]; rw.title != "" && (r == nil || !sameTitle(rw.title, r.Title)) {
			pos.Title = rw.title
		}
		switch c, ok := parseCost(rw.cost); {
		case !ok:
			note(rw, NoteBadCost, "cost %q is not a number; left empty", rw.cost)
		case c > orgchart.MaxCost:
			note(rw, NoteBadCost, "cost %q is more than a plan allows (%d a person a year); left empty", rw.cost, orgchart.MaxCost)
		default:
			pos.Cost = c
		}
		switch n, ok := parseCount(rw.count); {
		case !ok:
			note(rw, NoteBadCount, "count %q is not a whole number; read as one person", rw.count)
		case n > orgchart.MaxCount:
			note(rw, NoteBadCount, "count %q is more than a plan allows (%d); read as one person", rw.count, orgchart.MaxCount)
		default:
			pos.Count = n
		}
		for _, d := range splitList(rw.dotted) {
			if j, ok := byID[d]; ok && j != i {
				pos.DottedTo = append(pos.DottedTo, PositionID(d))
			} else {
				note(rw, NoteUnknownDotted, "dotted-line manager %q is not an id in the file; left out", d)
			}
		}
		p.Positions[i] = pos
		rep.Headcount += pos.Headcount()
	}
	rep.Positions = len(p.Positions)
	sortNotes(rep.Notes)
	return p
}

// resolveManagers returns each row's manager row (-1 for a top position).
// A manager value that is no id but the name of exactly one person is taken
// as that person: some HR tools export "Reports To" as a name.
func resolveManagers(rows []row, byID map[string]int, note func(*row, NoteKind, string, ...any)) []int {
	var byName map[string]int // lazily: only when some manager is not an id
	parent := make([]int, len(rows))
	for i := range rows {
		rw := &rows[i]
		parent[i] = -1
		v := rw.manager
		if v == "" {
			continue
		}
		if j, ok := byID[v]; ok {
			if j == i {
				note(rw, NoteSelfManager, "%s reports to itself; read as a top position", describe(rw))
			} else {
				parent[i] = j
			}
			continue
		}
		if noManager[strings.ToLower(v)] {
			continue
		}
		if byName == nil {
			byName = namesOf(rows)
		}
		if j, ok := byName[strings.ToLower(v)]; ok && j >= 0 && j != i {
			parent[i] = j
			note(rw, NoteManagerByName, "manager %q is a name, not an id; matched to line %d", v, rows[j].line)
			continue
		}
		note(rw, NoteUnknownManager, "%s reports to %q, which is no id in the file; now a top position: fix the manager id", describe(rw), v)
	}
	return parent
}

// namesOf maps lower-case names to their row, -1 when two people share one.
func namesOf(rows []row) map[string]int {
	out := make(map[string]int, len(rows))
	for i := range rows {
		n := strings.ToLower(rows[i].name)
		if n == "" {
			continue
		}
		if _, dup := out[n]; dup {
			out[n] = -1
		} else {
			out[n] = i
		}
	}
	return out
}

// breakCycles finds every reporting cycle (each row has one manager, so a
// walk up from any row ends at a top or in a cycle) and breaks each at the
// row that comes first in the file, which becomes a top position. Every row of
// the cycle is noted; nothing is dropped. Linear: each row is walked once.
func breakCycles(rows []row, parent []int, note func(*row, NoteKind, string, ...any)) {
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
			chain := make([]string, 0, len(cycle)+1)
			lines := make([]string, 0, len(cycle))
			// Show the cycle from the row that is cut, following its managers.
			for c, n := first, 0; n <= len(cycle); c, n = parent[c], n+1 {
				chain = append(chain, describe(&rows[c]))
				if n < len(cycle) {
					lines = append(lines, fmt.Sprint(rows[c].line))
				}
			}
			parent[first] = -1
			for _, c := range cycle {
				note(&rows[c], NoteCycle, "lines %s form a reporting cycle (%s); line %d now reports to nobody: set its manager",
					strings.Join(lines, ", "), strings.Join(chain, " -> "), rows[first].line)
			}
		}
		for _, k := range path {
			state[k] = done
		}
	}
}

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
		rep.Notes = append(rep.Notes, Note{Line: rw.line, Kind: kind, ID: rw.id, Title: rw.title, Role: res.role, Message: fmt.Sprintf(format, args...)})
	}
	switch {
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
	return res.role
}

// describe names a row in messages: "Ada Lovelace (id 17)" or "vacant CTO (id 17)".
func describe(rw *row) string {
	who := rw.name
	if who == "" {
		who = "vacant " + rw.title
	}
	return fmt.Sprintf("%s (id %s)", strings.TrimSpace(who), rw.id)
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
