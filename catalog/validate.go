package catalog

import (
	"fmt"
	"strconv"
)

// validate checks what only the merged catalog can tell: that every reference
// names a defined role or capability, and that every capability has an owner.
func (c *Catalog) validate() Problems {
	var problems Problems
	add := func(src Source, line int, format string, args ...any) {
		if line == 0 {
			line = src.Line
		}
		problems = append(problems, Problem{File: src.File, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	var roleIDs, capIDs []string // built only when a suggestion is needed
	roleHint := func(id string) string {
		if roleIDs == nil {
			roleIDs = c.roleIDs()
		}
		return hint(id, roleIDs, "define a role with that id or remove it")
	}
	capHint := func(id string) string {
		if capIDs == nil {
			capIDs = c.capabilityIDs()
		}
		return hint(id, capIDs, "define a capability with that id or remove it")
	}

	owned := make(map[string]bool, len(c.Capabilities))
	for _, r := range c.Roles {
		what := "role " + strconv.Quote(r.ID)
		for _, key := range []string{"reportsTo", "careerPath"} {
			for i, id := range r.refList(key) {
				if c.roles[id] == nil {
					add(r.Source, itemLine(r.refs, key, i), "%s: %s names unknown role %q; %s", what, key, id, roleHint(id))
				}
			}
		}
		if r.SameAs != "" {
			if t := c.roles[r.SameAs]; t == nil {
				add(r.Source, itemLine(r.refs, "sameAs", 0), "%s: sameAs names unknown role %q; %s", what, r.SameAs, roleHint(r.SameAs))
			} else if t.SameAs != "" {
				add(r.Source, itemLine(r.refs, "sameAs", 0), "%s: sameAs names %q, which is itself the same as %q; name %q directly", what, r.SameAs, t.SameAs, t.SameAs)
			}
		}
		for _, key := range []string{"owns", "supports", "audits"} {
			for i, id := range r.refList(key) {
				if c.capabilities[id] == nil {
					add(r.Source, itemLine(r.refs, key, i), "%s: %s names unknown capability %q; %s", what, key, id, capHint(id))
				}
			}
		}
		for _, id := range r.Owns {
			owned[id] = true
		}
	}
	for _, x := range c.Conflicts {
		what := fmt.Sprintf("conflict %q -> %q", x.Manager, x.Report)
		if c.roles[x.Manager] == nil {
			add(x.Source, itemLine(x.refs, "manager", 0), "%s: manager names unknown role %q; %s", what, x.Manager, roleHint(x.Manager))
		}
		if c.roles[x.Report] == nil {
			add(x.Source, itemLine(x.refs, "report", 0), "%s: report names unknown role %q; %s", what, x.Report, roleHint(x.Report))
		}
	}
	for _, k := range c.Capabilities {
		if !owned[k.ID] {
			add(k.Source, 0, "capability %q is owned by no role; add it to the owns list of the role accountable for it", k.ID)
		}
	}
	return problems
}

func itemLine(refs refLines, key string, i int) int {
	if lines := refs[key]; i < len(lines) {
		return lines[i]
	}
	return 0
}

func hint(id string, known []string, fallback string) string {
	if s := Likely(id, known); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return fallback
}

func (c *Catalog) roleIDs() []string {
	ids := make([]string, len(c.Roles))
	for i, r := range c.Roles {
		ids[i] = r.ID
	}
	return ids
}

func (c *Catalog) capabilityIDs() []string {
	ids := make([]string, len(c.Capabilities))
	for i, k := range c.Capabilities {
		ids[i] = k.ID
	}
	return ids
}
