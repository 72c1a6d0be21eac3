package people

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
)

// NoteKind names what an import note is about; the kinds are stable (the JSON
// and the app group by them).
type NoteKind string

// The things an import reports about single rows. None of them stops the
// import: the row is kept and the note says what was done with it.
const (
	NoteUnmatchedTitle    NoteKind = "unmatched-title"    // no role: generic team-member, title kept
	NoteSimilarTitle      NoteKind = "similar-title"      // matched by word similarity: worth a look
	NoteAmbiguousTitle    NoteKind = "ambiguous-title"    // an abbreviation with several readings
	NoteUnknownRole       NoteKind = "unknown-role"       // the role column is not a catalog role id
	NoteUnknownManager    NoteKind = "unknown-manager"    // manager id not in the file: now a top position
	NoteManagerByName     NoteKind = "manager-by-name"    // the manager column held a name, matched to one person
	NoteSelfManager       NoteKind = "self-manager"       // reports to itself: read as a top position
	NoteCycle             NoteKind = "cycle"              // part of a reporting cycle; the first row of it now reports to nobody
	NoteBadCost           NoteKind = "bad-cost"           // not a number: cost left empty
	NoteBadCount          NoteKind = "bad-count"          // not a whole number: one person
	NoteUnknownDotted     NoteKind = "unknown-dotted"     // dotted-line manager not in the file: left out
	NoteUnknownCapability NoteKind = "unknown-capability" // owns/supports/not_owns id not in the catalog: left out
	NoteExecutive         NoteKind = "executive-match"    // matched to an executive or VP role: confirm each
	NoteManyChiefs        NoteKind = "many-chiefs"        // several rows read as one C-level role (136 CTOs)
	NoteOtherChief        NoteKind = "other-chief"        // a C-level title the catalog has no role for (COO, CFO, CPO in People)
	NoteLeftOut           NoteKind = "left-out"           // a row that is no position: an eliminated post, "Not in post", a team of 0 FTE
	NoteJobShare          NoteKind = "job-share"          // a post repeated with another holder: one position held by both
	NoteJobCode           NoteKind = "job-code"           // no title column: the title was read from the job code
)

// Note is one row that needs a person's attention.
type Note struct {
	File    string   `json:"file,omitempty"` // set for a team file's rows; else the report's file
	Line    int      `json:"line"`           // line in the file (the header is line 1)
	Kind    NoteKind `json:"kind"`
	ID      string   `json:"id"` // the row's id as written in the file
	Title   string   `json:"title,omitempty"`
	Role    string   `json:"role,omitempty"`
	Message string   `json:"message"`
}

// Report says what an import did: which columns it read, how titles matched,
// and every row that needs attention. Problems are what made the file
// unusable (Import returns them as its error too).
type Report struct {
	File      string   `json:"file"`
	Rows      int      `json:"rows"` // data rows read (blank rows skipped)
	Positions int      `json:"positions"`
	Headcount int      `json:"headcount"`
	Encoding  string   `json:"encoding,omitempty"` // "utf-16le", "windows-1252", ... ("" for plain UTF-8)
	Columns   []Column `json:"columns"`
	// CostColumn is the header the costs came from and CostPeriod what it
	// was read as ("year" or "month", multiplied by 12); empty without one.
	// CostMaxColumn is set when costs are the middle of a pay band from
	// CostColumn (its bottom) to CostMaxColumn (its top).
	CostColumn    string `json:"costColumn,omitempty"`
	CostMaxColumn string `json:"costMaxColumn,omitempty"`
	CostPeriod    string `json:"costPeriod,omitempty"`
	// ManagersBy counts the rows whose manager was found by id, by name
	// (full, "Last, First", preferred) and by email.
	ManagersBy struct {
		ID    int `json:"id"`
		Name  int `json:"name"`
		Email int `json:"email"`
	} `json:"managersBy"`
	// Scope is the plan's scope: the domains of the roles found (empty: all).
	Scope   []catalog.Domain `json:"scope"`
	Ignored []string         `json:"ignored,omitempty"` // header cells no field was read from
	// Warnings are said about the whole file (no title column, say).
	Warnings []string `json:"warnings,omitempty"`
	// Teams are the team files read with the people file.
	Teams    []TeamFile        `json:"teams,omitempty"`
	Matches  map[MatchKind]int `json:"matches"` // rows per way their role was found
	Notes    []Note            `json:"notes"`
	Problems catalog.Problems  `json:"problems,omitempty"`
}

// TeamFile is what the report says of a team file: rows of posts under a
// manager (the UK organograms' junior staff).
type TeamFile struct {
	File     string   `json:"file"`
	Encoding string   `json:"encoding,omitempty"`
	Rows     int      `json:"rows"`
	Columns  []Column `json:"columns"`
	Ignored  []string `json:"ignored,omitempty"`
}

// Count returns the number of notes of a kind.
func (r *Report) Count(kind NoteKind) int {
	n := 0
	for _, x := range r.Notes {
		if x.Kind == kind {
			n++
		}
	}
	return n
}

// noteHeadings are the sections of the human report, in the order shown.
var noteHeadings = []struct {
	kind    NoteKind
	heading string
}{
	{NoteManyChiefs, "C-level roles read more than once (an organisation usually has one of each)"},
	{NoteExecutive, "Executive and VP matches (confirm each: these set who owns what)"},
	{NoteOtherChief, "C-level titles with no catalog role (imported as team members, title kept)"},
	{NoteCycle, "Reporting cycles (each broken at its first row, which now reports to nobody)"},
	{NoteUnknownManager, "Unknown managers (these rows are now top positions)"},
	{NoteLeftOut, "Rows that are no position (left out)"},
	{NoteJobShare, "Job shares (one position held by two people)"},
	{NoteJobCode, "Titles read from job codes (check the readings)"},
	{NoteUnmatchedTitle, "Titles that match no role (imported as role team-member, title kept)"},
	{NoteAmbiguousTitle, "Ambiguous titles (check the reading)"},
	{NoteSimilarTitle, "Titles matched by similarity (check them)"},
	{NoteUnknownRole, "Role column values that are not catalog role ids"},
	{NoteManagerByName, "Managers given by name"},
	{NoteSelfManager, "Rows that report to themselves (read as top positions)"},
	{NoteBadCost, "Costs that are not numbers (left empty)"},
	{NoteBadCount, "Counts that are not whole numbers (read as one person)"},
	{NoteUnknownDotted, "Unknown dotted-line managers (left out)"},
	{NoteUnknownCapability, "Unknown capability ids in owns, supports or not_owns (left out)"},
}

// maxLines caps each section of the human report; the JSON has every note.
const maxLines = 20

// WriteText writes the report for a person: a summary, the columns read, then
// the rows needing attention grouped by kind (titles grouped by title).
func (r *Report) WriteText(w io.Writer) {
	fmt.Fprintf(w, "Imported %s: %d rows, %d positions, headcount %d\n", r.File, r.Rows, r.Positions, r.Headcount)
	switch r.Encoding {
	case "":
	case "windows-1252":
		fmt.Fprintf(w, "The file is not UTF-8: read as %s (check accented names)\n", r.Encoding)
	default:
		fmt.Fprintf(w, "Read as %s\n", r.Encoding)
	}
	writeColumns(w, "", r.Columns, r.Ignored)
	for _, t := range r.Teams {
		fmt.Fprintf(w, "Teams from %s: %d rows", t.File, t.Rows)
		if t.Encoding != "" {
			fmt.Fprintf(w, " (read as %s)", t.Encoding)
		}
		fmt.Fprintln(w)
		writeColumns(w, "  ", t.Columns, t.Ignored)
	}
	for _, msg := range r.Warnings {
		fmt.Fprintf(w, "Warning: %s\n", msg)
	}
	if len(r.Matches) > 0 {
		var parts []string
		for _, k := range []MatchKind{MatchRole, MatchExact, MatchID, MatchAlias, MatchVariant, MatchSimilar, MatchUnmatched} {
			if n := r.Matches[k]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, matchLabels[k]))
			}
		}
		fmt.Fprintf(w, "Roles matched: %s\n", strings.Join(parts, ", "))
	}
	if mb := r.ManagersBy; mb.ID+mb.Name+mb.Email > 0 {
		fmt.Fprintf(w, "Managers found: %d by id, %d by name, %d by email\n", mb.ID, mb.Name, mb.Email)
	}
	if r.CostColumn != "" {
		from := fmt.Sprintf("column %q", r.CostColumn)
		if r.CostMaxColumn != "" {
			from = fmt.Sprintf("columns %q and %q (the middle of each pay band; for a team, times its FTE)", r.CostColumn, r.CostMaxColumn)
		}
		per := "yearly"
		if r.CostPeriod == "month" {
			per = "monthly, multiplied by 12 (--cost-period year if it is yearly)"
		} else {
			per += " (--cost-period month if it is monthly)"
		}
		fmt.Fprintf(w, "Costs from %s, read as %s\n", from, per)
	}
	if r.Positions > 0 {
		if len(r.Scope) == 0 {
			fmt.Fprintln(w, "Scope: every domain (no role found says which)")
		} else {
			ds := make([]string, len(r.Scope))
			for i, d := range r.Scope {
				ds[i] = string(d)
			}
			fmt.Fprintf(w, "Scope: %s (the domains of the roles found; coverage is checked in these only: edit scope: in the plan to change it)\n", strings.Join(ds, ", "))
		}
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "error: %s\n", p)
	}
	for _, h := range noteHeadings {
		var notes []Note
		for _, n := range r.Notes {
			if n.Kind == h.kind {
				notes = append(notes, n)
			}
		}
		if len(notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s: %d\n", h.heading, len(notes))
		if h.kind == NoteUnmatchedTitle || h.kind == NoteSimilarTitle || h.kind == NoteAmbiguousTitle || h.kind == NoteExecutive || h.kind == NoteOtherChief || h.kind == NoteJobCode {
			// Executive readings are the review list: every group, every line.
			writeByTitle(w, notes, h.kind == NoteExecutive)
			continue
		}
		for i, n := range notes {
			if i == maxLines {
				fmt.Fprintf(w, "  ... and %d more\n", len(notes)-maxLines)
				break
			}
			fmt.Fprintf(w, "  %s:%d: %s\n", nameOr(n.File, r.File), n.Line, n.Message)
		}
	}
}

// writeColumns says which column feeds which field, and which are ignored.
func writeColumns(w io.Writer, indent string, columns []Column, ignored []string) {
	var cols []string
	for _, c := range columns {
		s := fmt.Sprintf("%s <- %q", c.Field, c.Header)
		if c.Mapped {
			s += " (--map)"
		}
		cols = append(cols, s)
	}
	if len(cols) > 0 {
		fmt.Fprintf(w, "%sColumns: %s\n", indent, strings.Join(cols, ", "))
	}
	if len(ignored) > 0 {
		fmt.Fprintf(w, "%sIgnored columns: %s (name them with --map COLUMN=FIELD)\n", indent, strings.Join(ignored, ", "))
	}
}

// writeByTitle lists notes grouped by title, most frequent first, with their
// lines: at most maxLines groups and 8 lines each unless all.
func writeByTitle(w io.Writer, notes []Note, all bool) {
	type group struct {
		file, title, msg string
		lines            []int
	}
	byTitle := map[string]*group{}
	var order []*group
	for _, n := range notes {
		key := n.File + "\x00" + n.Title + "\x00" + n.Message
		g := byTitle[key]
		if g == nil {
			g = &group{file: n.File, title: n.Title, msg: n.Message}
			byTitle[key] = g
			order = append(order, g)
		}
		g.lines = append(g.lines, n.Line)
	}
	sort.SliceStable(order, func(i, j int) bool { return len(order[i].lines) > len(order[j].lines) })
	for i, g := range order {
		if i == maxLines && !all {
			fmt.Fprintf(w, "  ... and %d more titles\n", len(order)-maxLines)
			break
		}
		show := 8
		if all {
			show = len(g.lines)
		}
		in := ""
		if g.file != "" {
			in = g.file + " " // a team file's rows
		}
		fmt.Fprintf(w, "  %q on %s%s: %s\n", g.title, in, linesShown(g.lines, show), g.msg)
	}
}

// lineList writes "line 4" or "lines 4, 9, 12 and 30 more".
func lineList(lines []int) string { return linesShown(lines, 8) }

// linesShown is lineList naming at most show lines.
func linesShown(lines []int, show int) string {
	parts := make([]string, 0, show)
	for i, l := range lines {
		if i == show {
			break
		}
		parts = append(parts, fmt.Sprint(l))
	}
	s := strings.Join(parts, ", ")
	if len(lines) > show {
		s += fmt.Sprintf(" and %d more", len(lines)-show)
	}
	if len(lines) == 1 {
		return "line " + s
	}
	return "lines " + s
}

// matchLabels says in the report how each row's role was found.
var matchLabels = map[MatchKind]string{
	MatchRole:      "from the role column",
	MatchExact:     "by exact title",
	MatchID:        "by role id",
	MatchAlias:     "by abbreviation or common variant",
	MatchVariant:   "by title without seniority words",
	MatchSimilar:   "by the closest title",
	MatchUnmatched: "unmatched (team member)",
}
