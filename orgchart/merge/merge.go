// Package merge is the three-way merge of plans that `orgplanner merge` and
// git (as a merge driver) use: positions match by id and merge field by
// field, so one side moving a team and the other renaming its holder merge
// cleanly, while the same field changed two ways, a position removed on one
// side and edited on the other, or two moves that together make a reporting
// cycle are conflicts. A conflicted merge still gives a plan that loads: it
// keeps ours (or the edited position, so nothing is lost) and lists every
// conflict in the plan's header comment.
package merge

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// Conflict is one thing the two sides disagree on.
type Conflict struct {
	ID      string `json:"id,omitempty"`    // the position's id; empty for a plan field
	Title   string `json:"title,omitempty"` // the position's title as a person reads it
	Field   string `json:"field"`           // the YAML key, or "position" for the whole position
	Message string `json:"message"`         // what each side did and what the merge kept
}

func (c Conflict) String() string {
	if c.ID == "" {
		return "plan " + c.Field + ": " + c.Message
	}
	return fmt.Sprintf("%s (%s) %s: %s", c.Title, c.ID, c.Field, c.Message)
}

// Result is the merged plan and the conflicts, if any.
type Result struct {
	Plan      *orgchart.Plan
	Conflicts []Conflict
}

// ConflictMarker starts every header line recording a conflict, so a search
// for it finds them all (and fmt keeps them: they are comments).
const ConflictMarker = "MERGE CONFLICT:"

// Merge merges the changes from base to ours and from base to theirs. None
// of the plans is changed. cat names roles in conflict titles (nil: role ids).
func Merge(base, ours, theirs *orgchart.Plan, cat *catalog.Catalog) *Result {
	m := &merger{cat: cat, res: &Result{}}
	out := &orgchart.Plan{}
	m.planFields(base, ours, theirs, out)
	m.positions(base, ours, theirs, out)
	m.keepReferenced(base, ours, theirs, out)
	m.breakCycles(ours, out)
	if len(m.res.Conflicts) > 0 {
		m.record(out)
	}
	out.Reindex()
	m.res.Plan = out
	return m.res
}

// record writes the conflicts into the plan as comments: a count at the
// top, each position's conflicts above the position, the plan's own in the
// header. The plan still loads, and a search for ConflictMarker finds them.
func (m *merger) record(out *orgchart.Plan) {
	var b strings.Builder
	b.WriteString(strings.TrimRight(out.Header, "\r\n"))
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "# %s %d conflicts; the plan keeps ours where the two sides disagree, each conflict is marked where it is.\n", ConflictMarker, len(m.res.Conflicts))
	at := byID(out)
	for _, c := range m.res.Conflicts {
		line := "# " + ConflictMarker + " " + oneLine(c.String())
		pos := at[c.ID]
		if pos == nil {
			b.WriteString(line + "\n")
			continue
		}
		comments := &orgchart.Comments{Before: map[string]string{}}
		if pos.Comments != nil { // a copy: the sides' positions share theirs
			for k, v := range pos.Comments.Before {
				comments.Before[k] = v
			}
			comments.After, comments.End = pos.Comments.After, pos.Comments.End
		}
		if prev := comments.Before[""]; prev != "" {
			line = prev + "\n" + line
		}
		comments.Before[""] = line
		pos.Comments = comments
	}
	out.Header = b.String()
}

type merger struct {
	cat *catalog.Catalog
	res *Result
}

func (m *merger) conflict(pos *orgchart.Position, field, format string, args ...any) {
	c := Conflict{Field: field, Message: fmt.Sprintf(format, args...)}
	if pos != nil {
		c.ID, c.Title = pos.ID, m.title(pos)
	}
	m.res.Conflicts = append(m.res.Conflicts, c)
}

// title names a position as the chart does: its title, else its role's,
// then the holder.
func (m *merger) title(pos *orgchart.Position) string {
	t := pos.Title
	if t == "" && m.cat != nil {
		if r := m.cat.Role(pos.Role); r != nil {
			t = r.Title
		}
	}
	if t == "" {
		t = pos.Role
	}
	if pos.Holder != "" {
		t += ", " + pos.Holder
	} else {
		t += ", vacant"
	}
	return strconv.Quote(t)
}

// planFields merges every plan-level field (name, scope, catalog, policy,
// header, and any added later) but the positions.
func (m *merger) planFields(base, ours, theirs, out *orgchart.Plan) {
	b, o, t, w := reflect.ValueOf(base).Elem(), reflect.ValueOf(ours).Elem(), reflect.ValueOf(theirs).Elem(), reflect.ValueOf(out).Elem()
	typ := w.Type()
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if !f.IsExported() || f.Name == "Positions" {
			continue
		}
		v, ok := three(b.Field(i), o.Field(i), t.Field(i))
		if !ok {
			m.conflict(nil, yamlKey(f.Name), "ours %s, theirs %s; kept ours", show(o.Field(i)), show(t.Field(i)))
		}
		w.Field(i).Set(v)
	}
}

// three is the three-way choice for one value: the side that changed it, or
// ours with ok false when both changed it differently.
func three(b, o, t reflect.Value) (reflect.Value, bool) {
	switch {
	case equal(o, t), equal(t, b):
		return o, true
	case equal(o, b):
		return t, true
	}
	return o, false
}

func equal(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.String:
		return a.String() == b.String()
	case reflect.Int:
		return a.Int() == b.Int()
	case reflect.Float64:
		return a.Float() == b.Float()
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		if a.Len() == 0 {
			return true // nil and empty lists are the same in a plan
		}
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// positionFields are the merged fields of a position: every exported one
// but the id (the match key) and the line it was read from.
func positionFields() []reflect.StructField { return mergedFields }

var mergedFields = listPositionFields()

func listPositionFields() []reflect.StructField {
	var list []reflect.StructField
	typ := reflect.TypeOf(orgchart.Position{})
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if f.IsExported() && f.Name != "ID" && f.Name != "Line" {
			list = append(list, f)
		}
	}
	return list
}

func samePosition(a, b *orgchart.Position) bool {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for _, f := range positionFields() {
		if !equal(va.FieldByIndex(f.Index), vb.FieldByIndex(f.Index)) {
			return false
		}
	}
	return true
}

// positions merges position by position. The order is ours, then the
// positions only theirs has, in their order.
func (m *merger) positions(base, ours, theirs, out *orgchart.Plan) {
	bIdx, oIdx, tIdx := byID(base), byID(ours), byID(theirs)
	var order []string
	for _, p := range ours.Positions {
		order = append(order, p.ID)
	}
	for _, p := range theirs.Positions {
		if oIdx[p.ID] == nil {
			order = append(order, p.ID)
		}
	}
	for _, id := range order {
		b, o, t := bIdx[id], oIdx[id], tIdx[id]
		var merged *orgchart.Position
		switch {
		case o != nil && t != nil:
			if b == nil {
				b = &orgchart.Position{ID: id} // added on both sides: every differing field conflicts
			}
			merged = m.fields(b, o, t)
		case o != nil: // theirs has not got it
			if b == nil {
				merged = clone(o) // added by ours
			} else if samePosition(b, o) {
				continue // removed by theirs, untouched by ours
			} else {
				m.conflict(o, "position", "removed by theirs, edited by ours; kept ours (remove it again if the removal stands)")
				merged = clone(o)
			}
		case t != nil:
			if b == nil {
				merged = clone(t) // added by theirs
			} else if samePosition(b, t) {
				continue // removed by ours, untouched by theirs
			} else {
				m.conflict(t, "position", "removed by ours, edited by theirs; kept theirs' edited position (remove it again if the removal stands)")
				merged = clone(t)
			}
		}
		merged.Line = 0
		out.Positions = append(out.Positions, merged)
	}
}

// fields merges one position present on both sides, field by field.
func (m *merger) fields(b, o, t *orgchart.Position) *orgchart.Position {
	merged := clone(o)
	vb, vo, vt, vm := reflect.ValueOf(b).Elem(), reflect.ValueOf(o).Elem(), reflect.ValueOf(t).Elem(), reflect.ValueOf(merged).Elem()
	for _, f := range positionFields() {
		v, ok := three(vb.FieldByIndex(f.Index), vo.FieldByIndex(f.Index), vt.FieldByIndex(f.Index))
		if !ok {
			m.conflict(o, yamlKey(f.Name), "ours %s, theirs %s; kept ours", show(vo.FieldByIndex(f.Index)), show(vt.FieldByIndex(f.Index)))
		}
		vm.FieldByIndex(f.Index).Set(v)
	}
	return merged
}

// keepReferenced restores a position one side removed when the merged plan
// still points at it (the other side moved someone under it, or added a
// report or a dotted line to it): a dangling manager would not load.
func (m *merger) keepReferenced(base, ours, theirs, out *orgchart.Plan) {
	have := byID(out)
	bIdx, oIdx, tIdx := byID(base), byID(ours), byID(theirs)
	for i := 0; i < len(out.Positions); i++ {
		pos := out.Positions[i]
		refs := append([]string{pos.ReportsTo}, pos.DottedTo...)
		for _, ref := range refs {
			if ref == "" || have[ref] != nil {
				continue
			}
			src := oIdx[ref]
			if src == nil {
				src = tIdx[ref]
			}
			if src == nil {
				src = bIdx[ref]
			}
			if src == nil {
				continue // the reader will name the unknown id
			}
			back := clone(src)
			back.Line = 0
			out.Positions = append(out.Positions, back)
			have[ref] = back
			m.conflict(back, "position", "removed by one side while %s (%s) still reports to it on the other; kept it", m.title(pos), pos.ID)
		}
	}
}

// breakCycles undoes theirs' move of every position in a reporting cycle
// the merge made (ours alone has none), so the plan loads.
func (m *merger) breakCycles(ours, out *orgchart.Plan) {
	oIdx := byID(ours)
	for {
		cycle := findCycle(out)
		if len(cycle) == 0 {
			return
		}
		reverted := false
		for _, pos := range cycle {
			o := oIdx[pos.ID]
			if o == nil || o.ReportsTo == pos.ReportsTo {
				continue
			}
			m.conflict(pos, "reportsTo", "theirs moves it under %s, which with ours' moves makes a reporting cycle (%s); kept ours' manager %s",
				m.manager(out, pos.ReportsTo), cycleText(m, cycle), m.manager(out, o.ReportsTo))
			pos.ReportsTo = o.ReportsTo
			reverted = true
		}
		if !reverted { // cannot happen when ours is a valid plan; stop rather than loop
			pos := cycle[0]
			m.conflict(pos, "reportsTo", "part of a reporting cycle (%s); made a top position", cycleText(m, cycle))
			pos.ReportsTo = ""
		}
	}
}

func cycleText(m *merger, cycle []*orgchart.Position) string {
	var names []string
	for _, p := range cycle {
		names = append(names, m.title(p))
	}
	return strings.Join(names, " -> ")
}

// findCycle returns the positions of one reporting cycle, or nil.
func findCycle(p *orgchart.Plan) []*orgchart.Position {
	idx := byID(p)
	state := make(map[string]uint8, len(p.Positions)) // 1 on the current path, 2 done
	for _, start := range p.Positions {
		if state[start.ID] != 0 {
			continue
		}
		var path []*orgchart.Position
		for pos := start; pos != nil; pos = idx[pos.ReportsTo] {
			if state[pos.ID] == 2 {
				break
			}
			if state[pos.ID] == 1 {
				for i, q := range path {
					if q == pos {
						return path[i:]
					}
				}
			}
			state[pos.ID] = 1
			path = append(path, pos)
			if pos.ReportsTo == "" {
				break
			}
		}
		for _, q := range path {
			state[q.ID] = 2
		}
	}
	return nil
}

func byID(p *orgchart.Plan) map[string]*orgchart.Position {
	m := make(map[string]*orgchart.Position, len(p.Positions))
	for _, pos := range p.Positions {
		m[pos.ID] = pos
	}
	return m
}

// clone copies a position deeply (its lists are not shared).
func clone(p *orgchart.Position) *orgchart.Position {
	c := *p
	v := reflect.ValueOf(&c).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() == reflect.Slice && !f.IsNil() && f.CanSet() {
			n := reflect.MakeSlice(f.Type(), f.Len(), f.Len())
			reflect.Copy(n, f)
			f.Set(n)
		}
	}
	return &c
}

// yamlKey is a field's key in the file: ReportsTo -> reportsTo.
func yamlKey(name string) string {
	return strings.ToLower(name[:1]) + name[1:]
}

// show prints a value for a conflict message.
func show(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			return "(none)"
		}
		return strconv.Quote(v.String())
	case reflect.Slice:
		if v.Len() == 0 {
			return "(none)"
		}
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	}
	return fmt.Sprintf("%v", v.Interface())
}

// manager names the position id for a message.
func (m *merger) manager(p *orgchart.Plan, id string) string {
	if id == "" {
		return "(none: a top position)"
	}
	for _, pos := range p.Positions {
		if pos.ID == id {
			return m.title(pos) + " (" + id + ")"
		}
	}
	return id
}

// oneLine keeps a conflict on one comment line whatever the titles hold.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return ' '
		}
		return r
	}, s)
}
