// Package diff compares two plans of one organisation (today's and a
// proposal, or two imports of an HR spreadsheet): positions added, removed,
// moved and changed, and what the change does to the organisation: owners of
// capabilities, coverage gaps and overlaps, spans, layers, headcount and cost.
package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// Ref names a position for a reader: its id, the title shown on the chart,
// the holder ("" when vacant) and the role.
type Ref struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Holder string `json:"holder,omitempty"`
	Role   string `json:"role"`
}

// String writes "Title (Holder)" or "Title (vacant)".
func (r Ref) String() string {
	if r.Holder == "" {
		return r.Title + " (vacant)"
	}
	return r.Title + " (" + r.Holder + ")"
}

// Placed is a position added or removed, with its manager (nil for a top).
type Placed struct {
	Ref
	Manager *Ref `json:"manager"`
}

// Move is a position whose manager changed. From and To are nil for a top
// position; in To the ids are the after plan's.
type Move struct {
	Ref
	From *Ref `json:"from"`
	To   *Ref `json:"to"`
}

// Field names a position field a change concerns.
type Field string

// The fields compared, in the order changes are listed.
const (
	FieldRole   Field = "role"
	FieldTitle  Field = "title"
	FieldHolder Field = "holder"
	FieldCount  Field = "count"
	FieldCost   Field = "cost"
	FieldDotted Field = "dottedTo"
	// The plan's own ownership lists, each as ids joined by ", ".
	FieldOwns     Field = "owns"
	FieldSupports Field = "supports"
	FieldNotOwns  Field = "notOwns"
	FieldNotes    Field = "notes"
)

// FieldChange is one field's value before and after, written as text
// ("" for empty; dotted lines as titles joined by "; ").
type FieldChange struct {
	Field  Field  `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Change is a matched position with fields that differ (besides its manager,
// which is a Move).
type Change struct {
	Ref                    // as after the change
	BeforeID string        `json:"beforeId,omitempty"` // when matched by role and holder rather than id
	Fields   []FieldChange `json:"fields"`
}

// MatchCounts says how many positions matched in each way.
type MatchCounts struct {
	ByID          int `json:"id"`
	ByRoleHolder  int `json:"roleHolder"`  // same role and holder, ids differ (separate imports)
	ByRoleManager int `json:"roleManager"` // vacant, same role and title under the same manager
}

// Diff is the comparison of two plans. Lists are in the after plan's order
// (Removed in the before plan's). See docs/scenarios.md for the JSON.
type Diff struct {
	Before  string      `json:"before"` // plan names
	After   string      `json:"after"`
	Matched MatchCounts `json:"matched"`
	Added   []Placed    `json:"added"`
	Removed []Placed    `json:"removed"`
	Moved   []Move      `json:"moved"`
	Changed []Change    `json:"changed"`
	// Settings lists plan-level changes (name, scope, catalog, policy): a
	// changed scope or policy explains findings that change with no position moving.
	Settings []SettingChange `json:"settings"`
	Effects  Effects         `json:"effects"`
}

// SettingChange is a plan-level setting that differs between the plans.
type SettingChange struct {
	Setting string `json:"setting"` // name, scope, catalog or policy
	Before  string `json:"before"`
	After   string `json:"after"`
}

// Empty reports whether the plans hold the same positions in the same places
// (plan-level settings are not compared).
func (d *Diff) Empty() bool {
	return len(d.Added) == 0 && len(d.Removed) == 0 && len(d.Moved) == 0 && len(d.Changed) == 0
}

// Compare compares two plans with one catalog (for role titles, capability
// owners and the checks). It does not change either plan.
func Compare(before, after *orgchart.Plan, cat *catalog.Catalog) *Diff {
	m := matchPositions(before, after)
	added, removed := 0, 0
	for _, b := range m.toBefore {
		if b < 0 {
			added++
		}
	}
	for _, a := range m.toAfter {
		if a < 0 {
			removed++
		}
	}
	d := &Diff{Before: before.Name, After: after.Name, Matched: m.counts,
		Added: make([]Placed, 0, added), Removed: make([]Placed, 0, removed), Moved: []Move{}, Changed: []Change{}}
	for ai, a := range after.Positions {
		bi := m.toBefore[ai]
		if bi < 0 {
			d.Added = append(d.Added, Placed{Ref: refOf(a, cat), Manager: m.a.managerRef(int32(ai), cat)})
			continue
		}
		b := before.Positions[bi]
		if m.moved(bi, int32(ai)) {
			d.Moved = append(d.Moved, Move{Ref: refOf(a, cat), From: m.b.managerRef(bi, cat), To: m.a.managerRef(int32(ai), cat)})
		}
		if fs := fieldChanges(m, b, a, cat); len(fs) > 0 {
			c := Change{Ref: refOf(a, cat), Fields: fs}
			if b.ID != a.ID {
				c.BeforeID = b.ID
			}
			d.Changed = append(d.Changed, c)
		}
	}
	for bi, b := range before.Positions {
		if m.toAfter[bi] < 0 {
			d.Removed = append(d.Removed, Placed{Ref: refOf(b, cat), Manager: m.b.managerRef(int32(bi), cat)})
		}
	}
	d.Settings = settingChanges(before, after)
	d.Effects = effects(before, after, m, cat)
	return d
}

// settingChanges compares the plan-level settings.
func settingChanges(before, after *orgchart.Plan) []SettingChange {
	out := []SettingChange{}
	add := func(setting, b, a string) {
		if b != a {
			out = append(out, SettingChange{Setting: setting, Before: b, After: a})
		}
	}
	scope := func(p *orgchart.Plan) string {
		if len(p.Scope) == 0 {
			return "all domains"
		}
		parts := make([]string, len(p.Scope))
		for i, d := range p.Scope {
			parts[i] = string(d)
		}
		return strings.Join(parts, ", ")
	}
	add("name", before.Name, after.Name)
	add("scope", scope(before), scope(after))
	add("catalog", before.Catalog, after.Catalog)
	if !reflect.DeepEqual(before.Policy, after.Policy) {
		out = append(out, SettingChange{Setting: "policy", Before: "as before", After: "changed (orgplanner fmt shows both)"})
	}
	return out
}

// moved reports whether a matched position has another manager: its before
// manager is not the match of its after manager (a removed manager counts
// as a move, a manager matched under a new id does not).
func (m *matching) moved(b, a int32) bool {
	bm, am := m.b.mgr[b], m.a.mgr[a]
	switch {
	case bm < 0 && am < 0:
		return false
	case bm < 0 || am < 0:
		return true
	}
	return m.toAfter[bm] != am
}

func fieldChanges(m *matching, b, a *orgchart.Position, cat *catalog.Catalog) []FieldChange {
	var out []FieldChange
	add := func(f Field, x, y string) {
		if x != y {
			out = append(out, FieldChange{Field: f, Before: x, After: y})
		}
	}
	add(FieldRole, b.Role, a.Role)
	add(FieldTitle, b.Title, a.Title)
	add(FieldHolder, b.Holder, a.Holder)
	// Numbers are written only when they differ (200,000 pairs, most equal).
	if max(b.Count, 1) != max(a.Count, 1) {
		add(FieldCount, countText(b.Count), countText(a.Count))
	}
	if b.Cost != a.Cost {
		add(FieldCost, costText(b.Cost), costText(a.Cost))
	}
	if len(b.DottedTo) > 0 || len(a.DottedTo) > 0 {
		dottedChange(m, b, a, cat, &out)
	}
	if len(b.Owns)+len(a.Owns)+len(b.Supports)+len(a.Supports)+len(b.NotOwns)+len(a.NotOwns) > 0 {
		add(FieldOwns, idsText(b.Owns), idsText(a.Owns))
		add(FieldSupports, idsText(b.Supports), idsText(a.Supports))
		add(FieldNotOwns, idsText(b.NotOwns), idsText(a.NotOwns))
	}
	add(FieldNotes, b.Notes, a.Notes)
	return out
}

// dottedChange compares dotted lines as sets of matched positions.
func dottedChange(m *matching, b, a *orgchart.Position, cat *catalog.Catalog, out *[]FieldChange) {
	bd := make([]string, 0, len(b.DottedTo))
	for _, id := range b.DottedTo {
		if bi := m.b.index(id); bi >= 0 && m.toAfter[bi] >= 0 {
			bd = append(bd, m.a.plan.Positions[m.toAfter[bi]].ID)
		} else {
			bd = append(bd, "before:"+id)
		}
	}
	ad := slices.Clone(a.DottedTo)
	slices.Sort(bd)
	slices.Sort(ad)
	if !slices.Equal(bd, ad) {
		*out = append(*out, FieldChange{Field: FieldDotted, Before: dottedText(m.b.plan, b.DottedTo, cat), After: dottedText(m.a.plan, a.DottedTo, cat)})
	}
}

// idsText writes a capability id list in sorted order, so reordering it is
// no change.
func idsText(ids []string) string {
	s := slices.Clone(ids)
	slices.Sort(s)
	return strings.Join(s, ", ")
}

func countText(n int) string {
	if n <= 1 {
		return ""
	}
	return strconv.Itoa(n)
}

func costText(c float64) string {
	if c == 0 {
		return ""
	}
	return strconv.FormatFloat(c, 'f', -1, 64)
}

func dottedText(p *orgchart.Plan, ids []string, cat *catalog.Catalog) string {
	parts := make([]string, 0, len(ids))
	for _, id := range ids {
		if pos := p.Position(id); pos != nil {
			parts = append(parts, refOf(pos, cat).String())
		} else {
			parts = append(parts, id)
		}
	}
	return strings.Join(parts, "; ")
}

// refOf names a position; the title is the position's own or its role's.
func refOf(pos *orgchart.Position, cat *catalog.Catalog) Ref {
	return Ref{ID: pos.ID, Title: Title(pos, cat), Holder: pos.Holder, Role: pos.Role}
}

// Title is the title a position shows: its own, its role's, or the role id.
func Title(pos *orgchart.Position, cat *catalog.Catalog) string {
	if pos.Title != "" {
		return pos.Title
	}
	if cat != nil {
		if r := cat.Role(pos.Role); r != nil {
			return r.Title
		}
	}
	if pos.Role == "" {
		return fmt.Sprintf("position %s", pos.ID)
	}
	return pos.Role
}
