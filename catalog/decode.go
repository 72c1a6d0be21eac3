package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// layer is what one catalog file defines, in file order, before it is merged
// with other files and its references are checked.
type layer struct {
	roles        []*Role
	capabilities []*Capability
	conflicts    []*Conflict
}

// decoder turns one file's YAML nodes into catalog entries, collecting every
// problem rather than stopping at the first.
type decoder struct {
	file     string
	problems Problems
}

// add records a problem; past MaxProblems it is only counted (by finish,
// which ends the list with "and N more"), so a hostile file cannot make the
// list, or the messages' cost, grow without bound.
func (d *decoder) add(line int, format string, args ...any) {
	if len(d.problems) > MaxProblems {
		return
	}
	d.problems = append(d.problems, Problem{File: d.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

var (
	topFields        = []string{"roles", "capabilities", "conflicts"}
	roleFields       = []string{"id", "title", "domains", "level", "individual", "summary", "responsibilities", "kpis", "skills", "reportsTo", "careerPath", "span", "owns", "supports", "audits", "sameAs"}
	capabilityFields = []string{"id", "name", "domain", "description", "refs", "required", "singleOwner"}
	conflictFields   = []string{"manager", "report", "reason"}
	spanFields       = []string{"min", "max", "archetype"}
	requiredFields   = []string{"default", "fromHeadcount"}
	respFields       = []string{"group", "text"}
	kpiFields        = []string{"metric", "target"}
)

// decodeFile parses one catalog file. Entries without an id are dropped (they
// cannot be referenced); every other entry is kept even when it has problems,
// so that references to it do not cause a second, misleading problem.
func decodeFile(data []byte, file string) (*layer, Problems) {
	d := &decoder{file: file}
	l := &layer{}
	doc, yps := ParseYAML(data, "a catalog file")
	for _, p := range yps {
		d.add(p.Line, "%s", p.Message)
	}
	if len(yps) > 0 {
		return l, d.problems
	}
	if doc == nil || len(doc.Content) == 0 {
		d.add(0, "the file is empty; a catalog file has top-level keys roles:, capabilities: and/or conflicts:")
		return l, d.problems
	}
	top := resolve(doc.Content[0])
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		// A document marker alone ("---"): yaml puts the null on the next line.
		d.add(0, "the file is empty; a catalog file has top-level keys roles:, capabilities: and/or conflicts:")
		return l, d.problems
	}
	if top.Kind != yaml.MappingNode {
		d.add(top.Line, "a catalog file must be a mapping with top-level keys roles:, capabilities: and/or conflicts:")
		return l, d.problems
	}
	d.fields(top, "the catalog file", topFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "roles":
			d.each(v, "roles", func(n *yaml.Node) {
				if r := d.role(n); r != nil {
					l.roles = append(l.roles, r)
				}
			})
		case "capabilities":
			d.each(v, "capabilities", func(n *yaml.Node) {
				if c := d.capability(n); c != nil {
					l.capabilities = append(l.capabilities, c)
				}
			})
		case "conflicts":
			d.each(v, "conflicts", func(n *yaml.Node) {
				if c := d.conflict(n); c != nil {
					l.conflicts = append(l.conflicts, c)
				}
			})
		}
	})
	d.duplicates(l)
	return l, d.problems
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// fields walks a mapping's key/value pairs, reporting unknown and repeated keys.
// Keys seen are tracked in a bit set (known has fewer than 64 names), which
// avoids a map per mapping: the catalog has thousands of small mappings.
func (d *decoder) fields(m *yaml.Node, what string, known []string, visit func(key string, k, v *yaml.Node)) {
	var seen uint64
	var firstLine [64]int // line of each known key's first occurrence
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		key := k.Value
		at := index(known, key)
		if at < 0 {
			hint := "known fields: " + strings.Join(known, ", ")
			if s := Likely(key, known); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			d.add(k.Line, "%s: unknown field %q; %s", what, key, hint)
			continue
		}
		if seen&(1<<at) != 0 {
			d.add(k.Line, "%s: field %q appears twice (first at line %d); keep one", what, key, firstLine[at])
			continue
		}
		seen |= 1 << at
		firstLine[at] = k.Line
		visit(key, k, v)
	}
}

func index(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// each calls visit for every item of a sequence.
func (d *decoder) each(v *yaml.Node, key string, visit func(n *yaml.Node)) {
	switch {
	case isNull(v):
		return
	case v.Kind != yaml.SequenceNode:
		d.add(v.Line, "%s: must be a list of entries, each starting with \"- \"", key)
		return
	}
	for _, n := range v.Content {
		visit(resolve(n))
	}
}

func isNull(v *yaml.Node) bool {
	return v.Kind == yaml.ScalarNode && v.Tag == "!!null"
}

// str reads a text field; any scalar is accepted as text.
func (d *decoder) str(v *yaml.Node, what, key string) string {
	switch {
	case isNull(v):
		return ""
	case v.Kind != yaml.ScalarNode:
		d.add(v.Line, "%s: %s must be text, not a list or mapping", what, key)
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// strs reads a list of text items and the line of each item.
func (d *decoder) strs(v *yaml.Node, what, key string) ([]string, []int) {
	switch {
	case isNull(v):
		return nil, nil
	case v.Kind != yaml.SequenceNode:
		d.add(v.Line, "%s: %s must be a list, e.g. %s: [a, b]", what, key, key)
		return nil, nil
	}
	out := make([]string, 0, len(v.Content))
	lines := make([]int, 0, len(v.Content))
	for _, item := range v.Content {
		item = resolve(item)
		if item.Kind != yaml.ScalarNode || isNull(item) || strings.TrimSpace(item.Value) == "" {
			d.add(item.Line, "%s: every item of %s must be non-empty text", what, key)
			continue
		}
		out = append(out, strings.TrimSpace(item.Value))
		lines = append(lines, item.Line)
	}
	return out, lines
}

// integer reads a whole number.
func (d *decoder) integer(v *yaml.Node, what, key string) int {
	if v.Kind == yaml.ScalarNode && !isNull(v) {
		if n, err := strconv.Atoi(v.Value); err == nil {
			return n
		}
	}
	d.add(v.Line, "%s: %s must be a whole number", what, key)
	return 0
}

// boolean reads true or false.
func (d *decoder) boolean(v *yaml.Node, what, key string) bool {
	if v.Kind == yaml.ScalarNode {
		switch strings.ToLower(v.Value) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	d.add(v.Line, "%s: %s must be true or false", what, key)
	return false
}

// label names an entry in messages by its id (or other key fields) when present.
func label(kind string, n *yaml.Node, keys ...string) string {
	var parts []string
	for _, key := range keys {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				if v := resolve(n.Content[i+1]); v.Kind == yaml.ScalarNode && v.Value != "" {
					parts = append(parts, strconv.Quote(v.Value))
				}
				break
			}
		}
	}
	if len(parts) == 0 {
		return kind
	}
	return kind + " " + strings.Join(parts, " -> ")
}

// mapping checks that an entry is a mapping.
func (d *decoder) mapping(n *yaml.Node, what, example string) bool {
	if n.Kind == yaml.MappingNode {
		return true
	}
	d.add(n.Line, "each %s must be a mapping of fields, e.g. %s", what, example)
	return false
}

// duplicates reports ids defined twice in one file and drops the repeats,
// so the first definition is the one that counts.
func (d *decoder) duplicates(l *layer) {
	roles := make(map[string]int, len(l.roles))
	keptRoles := l.roles[:0]
	for _, r := range l.roles {
		if first, dup := roles[r.ID]; dup {
			d.add(r.Source.Line, "role id %q is defined twice in this file (first at line %d); rename or remove one", r.ID, first)
			continue
		}
		roles[r.ID] = r.Source.Line
		keptRoles = append(keptRoles, r)
	}
	l.roles = keptRoles

	caps := make(map[string]int, len(l.capabilities))
	keptCaps := l.capabilities[:0]
	for _, c := range l.capabilities {
		if first, dup := caps[c.ID]; dup {
			d.add(c.Source.Line, "capability id %q is defined twice in this file (first at line %d); rename or remove one", c.ID, first)
			continue
		}
		caps[c.ID] = c.Source.Line
		keptCaps = append(keptCaps, c)
	}
	l.capabilities = keptCaps

	pairs := make(map[[2]string]int, len(l.conflicts))
	keptConflicts := l.conflicts[:0]
	for _, c := range l.conflicts {
		key := [2]string{c.Manager, c.Report}
		if first, dup := pairs[key]; dup {
			d.add(c.Source.Line, "conflict %q -> %q is defined twice in this file (first at line %d); remove one", c.Manager, c.Report, first)
			continue
		}
		pairs[key] = c.Source.Line
		keptConflicts = append(keptConflicts, c)
	}
	l.conflicts = keptConflicts
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
