package catalog

import "go.yaml.in/yaml/v3"

// capability decodes one entry under capabilities:; nil when it has no id.
func (d *decoder) capability(n *yaml.Node) *Capability {
	if !d.mapping(n, "capability", "{id: sec-incident-response, name: ..., domain: SEC, ...}") {
		return nil
	}
	what := label("capability", n, "id")
	c := &Capability{Source: Source{File: d.file, Line: n.Line}}
	lines := map[string]int{}
	d.fields(n, what, capabilityFields, func(key string, _, v *yaml.Node) {
		lines[key] = v.Line
		switch key {
		case "id":
			c.ID = d.str(v, what, key)
		case "name":
			c.Name = d.str(v, what, key)
		case "domain":
			c.Domain = Domain(d.str(v, what, key))
			if c.Domain != "" && !contains(Domains, c.Domain) {
				d.add(v.Line, "%s: unknown domain %q; use one of %s", what, c.Domain, joinList(Domains))
			}
		case "description":
			c.Description = d.str(v, what, key)
		case "refs":
			c.Refs, _ = d.strs(v, what, key)
		case "required":
			c.Required = d.requirement(v, what)
		case "singleOwner":
			c.SingleOwner = d.boolean(v, what, key)
		}
	})
	if c.ID == "" {
		d.add(n.Line, "%s: id is missing; give every capability a kebab-case id such as sec-incident-response", what)
		return nil
	}
	if !isKebab(c.ID) {
		d.add(lineOr(lines, "id", n.Line), "%s: id must be kebab-case (lowercase letters, digits and single hyphens), e.g. %q", what, IDFromTitle(c.ID))
	}
	d.required(what, lines, n.Line, []field{
		{"name", c.Name}, {"domain", string(c.Domain)}, {"description", c.Description},
	})
	return c
}

func (d *decoder) requirement(v *yaml.Node, what string) Requirement {
	var r Requirement
	if !d.mapping(v, "required", "{default: true, fromHeadcount: 50}") {
		return r
	}
	d.fields(v, what+" required", requiredFields, func(key string, _, val *yaml.Node) {
		switch key {
		case "default":
			r.Default = d.boolean(val, what, "required default")
		case "fromHeadcount":
			r.FromHeadcount = d.integer(val, what, "required fromHeadcount")
			if r.FromHeadcount < 0 {
				d.add(val.Line, "%s: required fromHeadcount %d is below 0; use 0 or more", what, r.FromHeadcount)
			}
		}
	})
	return r
}

// conflict decodes one entry under conflicts:; nil when it names no roles.
func (d *decoder) conflict(n *yaml.Node) *Conflict {
	if !d.mapping(n, "conflict", "{manager: director-of-it-operations, report: chief-information-security-officer, reason: ...}") {
		return nil
	}
	what := label("conflict", n, "manager", "report")
	c := &Conflict{Source: Source{File: d.file, Line: n.Line}, refs: refLines{}}
	lines := map[string]int{}
	d.fields(n, what, conflictFields, func(key string, _, v *yaml.Node) {
		lines[key] = v.Line
		switch key {
		case "manager":
			c.Manager = d.str(v, what, key)
			c.refs[key] = []int{v.Line}
		case "report":
			c.Report = d.str(v, what, key)
			c.refs[key] = []int{v.Line}
		case "reason":
			c.Reason = d.str(v, what, key)
		}
	})
	d.required(what, lines, n.Line, []field{
		{"manager", c.Manager}, {"report", c.Report}, {"reason", c.Reason},
	})
	if c.Manager == "" || c.Report == "" {
		return nil
	}
	return c
}

// field is a decoded text field, for the required-field check.
type field struct{ key, value string }

// required reports each empty field at its line, or at the entry's line when
// the field is absent.
func (d *decoder) required(what string, lines map[string]int, entryLine int, fields []field) {
	for _, f := range fields {
		if f.value == "" {
			d.add(lineOr(lines, f.key, entryLine), "%s: %s is required and must not be empty", what, f.key)
		}
	}
}
