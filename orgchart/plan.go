// Package orgchart holds a plan of an organisation: its positions and reporting
// lines, the editing operations with undo, and reading and writing plan YAML.
package orgchart

import "github.com/orgplanner/orgplanner/catalog"

// FormatVersion is the plan file format this build reads and writes.
const FormatVersion = 1

// Position is one box on the chart: a role, optionally held by a named person,
// optionally a team of Count people in that role.
type Position struct {
	ID        string   // UUID, unique in the plan
	Role      string   // catalog role id
	Title     string   // overrides the role title on the chart; empty uses the role's
	Holder    string   // the person; empty means vacant
	ReportsTo string   // manager's position id; empty for a top position
	Count     int      // team size; 0 means absent (one person)
	DottedTo  []string // matrix (dotted-line) managers
	Cost      float64  // yearly cost per person; 0 means not given
	Notes     string

	// Ownership beyond the role's (see ownership.go): capability ids this
	// position owns or supports in addition to its role's, and ids its role
	// owns that this position does not.
	Owns     []string
	Supports []string
	NotOwns  []string

	// Comments are the YAML comments written around the position in its
	// file (nil when none); saves write them back.
	Comments *Comments

	// Line is where the position starts in the file it was read from (0 if new).
	Line int
}

// Vacant reports whether the position is a vacancy: one person's post that
// nobody holds. A team (count above 1) with no holder named is its people,
// not a vacancy: the checks, the figures and every card agree on this.
func (p *Position) Vacant() bool { return p.Holder == "" && p.Count <= 1 }

// Headcount is the number of people the position stands for.
func (p *Position) Headcount() int {
	if p.Count > 0 {
		return p.Count
	}
	return 1
}

// Plan is an organisation design: positions in plan order plus plan-level settings.
// Positions must only be changed through the editing operations, which keep the
// index and the undo history right.
type Plan struct {
	Version int
	Name    string
	Scope   []catalog.Domain // domains whose coverage is checked; empty means all
	Policy  Policy
	Catalog string // optional path of a catalog file extending the built-in one

	// Header is the comment block at the top of the file (such as the
	// yaml-language-server schema line); it survives every save.
	Header string
	// Comments are the other comments around the plan's own fields (nil
	// when none); the positions keep theirs.
	Comments *Comments

	Positions []*Position

	idx *index
}
