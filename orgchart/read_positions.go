package orgchart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var positionFields = []string{"id", "role", "title", "holder", "reportsTo", "count", "dottedTo", "cost", "notes", "owns", "supports", "notOwns"}

// Indexes into positionFields.
const (
	fieldID = iota
	fieldRole
	fieldTitle
	fieldHolder
	fieldReportsTo
	fieldCount
	fieldDottedTo
	fieldCost
	fieldNotes
	fieldOwns
	fieldSupports
	fieldNotOwns
)

// posMeta keeps the lines of one position's references for later checks.
type posMeta struct {
	reportsLine int
	dottedLines []int
	ownLines    [3][]int // lines of the owns, supports and notOwns items
}

// fieldProblem is a problem found inside a position, reported once the whole
// position is read so the message can name it.
type fieldProblem struct {
	line int
	msg  string
}

// positions reads the positions list; the returned metas parallel p.Positions.
func (r *reader) positions(v *yaml.Node, p *Plan) []posMeta {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		r.add(v.Line, "positions must be a list of positions (each starting with `- id:`), not %s", kindName(v))
		return nil
	}
	if len(v.Content) > MaxPositions {
		r.add(v.Line, "the plan has %d positions, more than the %d a plan may hold: split it into several plans", len(v.Content), MaxPositions)
		return nil
	}
	slab := make([]Position, len(v.Content))
	p.Positions = make([]*Position, 0, len(v.Content))
	return r.positionItems(v.Content, 0, slab, p, make([]posMeta, 0, len(v.Content)))
}

// positionItems reads items, the positions base.. of the list, into slab
// and p.Positions, appending their metas.
func (r *reader) positionItems(items []*yaml.Node, base int, slab []Position, p *Plan, metas []posMeta) []posMeta {
	var fps []fieldProblem
	for i, item := range items {
		if item.Kind != yaml.MappingNode {
			r.add(item.Line, "position %d is %s: each position is a mapping of fields (%s)", base+i+1, kindName(item), strings.Join(positionFields, ", "))
			continue
		}
		pos := &slab[base+i]
		pos.Line = item.Line
		var m posMeta
		fps = r.position(item, pos, &m, fps[:0])
		pos.Comments = positionComments(item)
		for _, fp := range fps {
			if r.full() {
				r.more++ // counted only: no message to build
				continue
			}
			r.add(fp.line, "%s %s", r.describe(pos), fp.msg)
		}
		p.Positions = append(p.Positions, pos)
		metas = append(metas, m)
	}
	return metas
}

// position reads one position's fields into pos.
func (r *reader) position(item *yaml.Node, pos *Position, m *posMeta, fps []fieldProblem) []fieldProblem {
	bad := func(n *yaml.Node, format string, args ...any) {
		fps = append(fps, fieldProblem{n.Line, fmt.Sprintf(format, args...)})
	}
	var seen [fieldNotOwns + 1]int // line of each field seen, by index in positionFields
	roleLine := 0
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		f := fieldIndex(k.Value)
		if k.Kind != yaml.ScalarNode || f < 0 {
			bad(k, "has an unknown field %q: a position has the fields %s%s", k.Value, strings.Join(positionFields, ", "), closeTo(k.Value, positionFields))
			continue
		}
		if seen[f] > 0 {
			bad(k, "has the field %s twice (first at line %d): keep one", k.Value, seen[f])
			continue
		}
		seen[f] = k.Line
		if f != fieldDottedTo && f < fieldOwns && v.Kind != yaml.ScalarNode {
			bad(v, "has %s %s: %s must be a single value", k.Value, kindName(v), k.Value)
			continue
		}
		null := v.Tag == "!!null"
		switch f {
		case fieldID:
			if !null {
				pos.ID = v.Value
			}
		case fieldRole:
			roleLine = v.Line
			if !null {
				pos.Role = v.Value
			}
		case fieldTitle:
			if !null {
				pos.Title = v.Value
			}
		case fieldHolder:
			if !null {
				pos.Holder = v.Value
			}
		case fieldReportsTo:
			m.reportsLine = v.Line
			if !null {
				pos.ReportsTo = v.Value
			}
		case fieldCount:
			if null {
				break
			}
			n, ok := wholeNumber(v)
			switch {
			case !ok:
				bad(v, "has count %q: count must be a whole number of people, such as count: 6", v.Value)
			case n < 1:
				bad(v, "has count %d: count must be at least 1 (remove it for a single person)", n)
			case n > MaxCount:
				bad(v, "has count %d: a position stands for at most %d people; split it into several teams", n, MaxCount)
			default:
				pos.Count = int(n)
			}
		case fieldDottedTo:
			pos.DottedTo, m.dottedLines = r.dotted(v, bad)
		case fieldCost:
			if null {
				break
			}
			c, ok := number(v)
			switch {
			case !ok:
				bad(v, "has cost %q: cost must be a number (yearly cost per person), such as cost: 150000", v.Value)
			case c < 0:
				bad(v, "has a negative cost %s: cost is the yearly cost per person, 0 or more", v.Value)
			case c > MaxCost:
				bad(v, "has cost %s: more than %d a year per person is not plausible; check the figure", v.Value, MaxCost)
			default:
				pos.Cost = c
			}
		case fieldNotes:
			if !null {
				pos.Notes = v.Value
			}
		case fieldOwns, fieldSupports, fieldNotOwns:
			list, lines := r.capabilityList(v, k.Value, bad)
			m.ownLines[f-fieldOwns] = lines
			switch f {
			case fieldOwns:
				pos.Owns = list
			case fieldSupports:
				pos.Supports = list
			default:
				pos.NotOwns = list
			}
		}
	}
	fps = r.ownership(pos, m, fps)
	switch {
	case pos.ID == "":
		fps = append(fps, fieldProblem{item.Line, fmt.Sprintf("has no id: add `id: %s` (any unique id; a new UUID is best)", r.newID())})
	case !validID(pos.ID):
		fps = append(fps, fieldProblem{item.Line, fmt.Sprintf("has an unusable id: ids are 1-%d letters, digits and . _ : - (a UUID is best), such as %s", MaxIDLength, r.newID())})
	}
	if pos.Role == "" {
		fps = append(fps, fieldProblem{item.Line, "has no role: add `role:` with a catalog role id, such as role: software-engineer (orgplanner catalog lists them)"})
	} else if r.cat != nil && !r.catFail && r.cat.Role(pos.Role) == nil {
		fps = append(fps, fieldProblem{roleLine, r.unknownRole(pos.Role)})
	}
	return fps
}

func fieldIndex(name string) int {
	for i, f := range positionFields {
		if f == name {
			return i
		}
	}
	return -1
}

// dotted reads a dottedTo list; ids are checked once every position is read.
func (r *reader) dotted(v *yaml.Node, bad func(*yaml.Node, string, ...any)) ([]string, []int) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		bad(v, "has dottedTo %s: dottedTo is a list of position ids, such as dottedTo: [%s]", kindName(v), v.Value)
		return nil, nil
	}
	ids := make([]string, 0, len(v.Content))
	lines := make([]int, 0, len(v.Content))
	for _, d := range v.Content {
		if d.Kind != yaml.ScalarNode || d.Tag == "!!null" || d.Value == "" {
			bad(d, "has a dottedTo entry that is %s: each entry is a position id", kindName(d))
			continue
		}
		ids = append(ids, d.Value)
		lines = append(lines, d.Line)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return ids, lines
}

// capabilityList reads an owns, supports or notOwns list of capability ids;
// the ids are checked by ownership once the position is read.
func (r *reader) capabilityList(v *yaml.Node, field string, bad func(*yaml.Node, string, ...any)) ([]string, []int) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		bad(v, "has %s %s: %s is a list of capability ids, such as %s: [sre-oncall]", field, kindName(v), field, field)
		return nil, nil
	}
	ids := make([]string, 0, len(v.Content))
	lines := make([]int, 0, len(v.Content))
	for _, d := range v.Content {
		if d.Kind != yaml.ScalarNode || d.Tag == "!!null" || d.Value == "" {
			bad(d, "has a %s entry that is %s: each entry is a capability id", field, kindName(d))
			continue
		}
		ids = append(ids, d.Value)
		lines = append(lines, d.Line)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return ids, lines
}

// ownership reports unknown, repeated and contradictory capability ids in
// the position's owns, supports and notOwns, each at its own line.
func (r *reader) ownership(pos *Position, m *posMeta, fps []fieldProblem) []fieldProblem {
	if len(pos.Owns)+len(pos.Supports)+len(pos.NotOwns) == 0 {
		return fps
	}
	cat := r.cat
	if r.catFail {
		cat = nil
	}
	for _, pr := range ownershipProblems(pos, cat, r.capabilityIDs) {
		fps = append(fps, fieldProblem{m.ownLines[pr.field][pr.item], pr.msg})
	}
	return fps
}

// capabilityIDs lists the catalog's capability ids once, for suggestions.
func (r *reader) capabilityIDs() []string {
	if r.capIDs == nil {
		r.capIDs = capabilityIDs(r.cat)
	}
	return r.capIDs
}

// wholeNumber parses an integer scalar, or a float one with no fraction
// (count: 2.0): JSON Schema, and so docs/plan.schema.json, holds 2.0 to be
// the integer 2, and the reader agrees with the schema.
func wholeNumber(v *yaml.Node) (int64, bool) {
	if v.Kind != yaml.ScalarNode {
		return 0, false
	}
	if v.Tag == "!!int" {
		n, err := strconv.ParseInt(v.Value, 0, 64)
		return n, err == nil
	}
	f, ok := number(v)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// number parses an int or float scalar; it refuses text, .inf and .nan.
func number(v *yaml.Node) (float64, bool) {
	switch v.Tag {
	case "!!int":
		n, err := strconv.ParseInt(v.Value, 0, 64)
		return float64(n), err == nil
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
	}
	return 0, false
}

// validID reports whether id can be a position id: 1-MaxIDLength characters
// from letters, digits and . _ : - (UUIDs are recommended, not required).
func validID(id string) bool {
	if id == "" || len(id) > MaxIDLength {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

// maxRoleHints bounds the distinct unknown roles given a "closest:" list.
const maxRoleHints = 100

// unknownRole explains a role id missing from the catalog and names the
// three closest known ids; the answer is cached per role id.
func (r *reader) unknownRole(role string) string {
	if r.full() {
		return "has a role that is not in the catalog" // only counted
	}
	if msg, ok := r.roleHints[role]; ok {
		return msg
	}
	if len(r.roleHints) >= maxRoleHints {
		// Each suggestion compares the id with every catalog id: past this
		// many distinct unknown roles the plan is not a typo away from right.
		return fmt.Sprintf("has role %q, which is not in the catalog: use a catalog role id (orgplanner catalog lists them) or add the role to a catalog file", role)
	}
	if r.roleIDs == nil {
		seen := map[string]bool{}
		for _, ro := range r.cat.Roles {
			if !seen[ro.ID] {
				seen[ro.ID] = true
				r.roleIDs = append(r.roleIDs, ro.ID)
			}
		}
		r.roleHints = map[string]string{}
	}
	msg := fmt.Sprintf("has role %q, which is not in the catalog: use a catalog role id", role)
	if near := closest(role, r.roleIDs, 3); len(near) > 0 {
		msg += fmt.Sprintf(" (closest: %s)", strings.Join(near, ", "))
	}
	msg += " or add the role to a catalog file"
	r.roleHints[role] = msg
	return msg
}

// describe names a position in messages: id, what it is and who holds it.
func (r *reader) describe(pos *Position) string {
	return describePosition(pos, r.cat)
}
