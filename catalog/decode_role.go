package catalog

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// responsibilityGroups are the groups a role blueprint sorts responsibilities into.
var responsibilityGroups = []string{"strategic", "operational", "technical", "cross-functional", "governance", "leadership"}

// levels lists every level in order of seniority, individual contributors last.
var levels = []Level{LevelExecutive, LevelVP, LevelDirector, LevelHead, LevelManager, LevelIndividual}

// archetypes lists the manager archetypes from narrowest to widest span.
var archetypes = []Archetype{PlayerCoach, Coach, Supervisor, Facilitator, Coordinator}

// role decodes one entry under roles:. It returns nil only when the entry has
// no usable id.
func (d *decoder) role(n *yaml.Node) *Role {
	if !d.mapping(n, "role", "{id: vp-of-it, title: VP of IT, ...}") {
		return nil
	}
	what := label("role", n, "id")
	r := &Role{Source: Source{File: d.file, Line: n.Line}}
	lines := map[string]int{}
	individualSet := false
	d.fields(n, what, roleFields, func(key string, k, v *yaml.Node) {
		lines[key] = v.Line
		switch key {
		case "id":
			r.ID = d.str(v, what, key)
		case "title":
			r.Title = d.str(v, what, key)
		case "summary":
			r.Summary = d.str(v, what, key)
		case "level":
			r.Level = Level(d.str(v, what, key))
			if r.Level != "" && !contains(levels, r.Level) {
				d.add(v.Line, "%s: unknown level %q; use one of %s", what, r.Level, joinList(levels))
			}
		case "individual":
			r.Individual = d.boolean(v, what, key)
			individualSet = true
		case "domains":
			r.Domains = d.domains(v, what)
		case "responsibilities":
			r.Responsibilities = d.responsibilities(v, what)
		case "kpis":
			r.KPIs = d.kpis(v, what)
		case "skills":
			r.Skills, _ = d.strs(v, what, key)
		case "span":
			r.Span = d.span(v, what)
		case "sameAs":
			r.SameAs = d.str(v, what, key)
			if r.refs == nil {
				r.refs = refLines{}
			}
			r.refs[key] = []int{v.Line}
		case "reportsTo", "careerPath", "owns", "supports", "audits":
			vals, itemLines := d.strs(v, what, key)
			if r.refs == nil {
				r.refs = refLines{}
			}
			r.refs[key] = itemLines
			switch key {
			case "reportsTo":
				r.ReportsTo = vals
			case "careerPath":
				r.CareerPath = vals
			case "owns":
				r.Owns = vals
			case "supports":
				r.Supports = vals
			case "audits":
				r.Audits = vals
			}
		}
	})
	if r.Domains == nil {
		r.Domains = []Domain{} // JSON shows [] rather than null
	}
	if r.ID == "" {
		d.add(n.Line, "%s: id is missing; give every role a kebab-case id such as vp-of-it", what)
		return nil
	}
	if !isKebab(r.ID) {
		d.add(lineOr(lines, "id", n.Line), "%s: id must be kebab-case (lowercase letters, digits and single hyphens), e.g. %q", what, IDFromTitle(r.ID))
	}

	// Individual contributors have level "individual"; either marker implies the other.
	switch {
	case r.Level == LevelIndividual:
		if individualSet && !r.Individual {
			d.add(lines["individual"], "%s: level individual needs individual: true (or remove the individual field)", what)
		}
		r.Individual = true
	case r.Individual && r.Level == "":
		r.Level = LevelIndividual
	case r.Individual:
		d.add(lines["level"], "%s: an individual contributor has level individual, not %q; fix the level or set individual: false", what, r.Level)
	}

	need := func(key string, empty bool) {
		if empty {
			d.add(lineOr(lines, key, n.Line), "%s: %s is required and must not be empty", what, key)
		}
	}
	need("title", r.Title == "")
	need("summary", r.Summary == "")
	need("level", r.Level == "")
	if !r.Individual {
		need("domains", len(r.Domains) == 0)
		need("span", r.Span == nil)
	}
	d.listChecks(r, what)
	return r
}

// listChecks reports repeated items and a capability both owned and supported.
func (d *decoder) listChecks(r *Role, what string) {
	for _, key := range []string{"owns", "supports", "audits", "reportsTo", "careerPath"} {
		vals := r.refList(key)
		for i, v := range vals {
			if contains(vals[:i], v) {
				d.add(r.refs[key][i], "%s: %q is listed twice in %s; remove one", what, v, key)
			}
		}
	}
	for i, s := range r.Supports {
		if contains(r.Owns, s) {
			d.add(r.refs["supports"][i], "%s: capability %q is both owned and supported; a role either owns (is accountable for) it or supports it", what, s)
		}
	}
	for i, a := range r.Audits {
		if contains(r.Owns, a) {
			d.add(r.refs["audits"][i], "%s: capability %q is both owned and audited; a role cannot independently assess what it runs", what, a)
		}
	}
	if r.SameAs == r.ID && r.ID != "" {
		d.add(r.refs["sameAs"][0], "%s: a role cannot be the same as itself; remove sameAs", what)
	}
	for i, id := range r.ReportsTo {
		if id == r.ID {
			d.add(r.refs["reportsTo"][i], "%s: a role cannot report to itself; remove %q from reportsTo", what, id)
		}
	}
}

// refList returns the values of one of the reference fields.
func (r *Role) refList(key string) []string {
	switch key {
	case "reportsTo":
		return r.ReportsTo
	case "careerPath":
		return r.CareerPath
	case "owns":
		return r.Owns
	case "supports":
		return r.Supports
	case "audits":
		return r.Audits
	}
	return nil
}

func (d *decoder) domains(v *yaml.Node, what string) []Domain {
	vals, itemLines := d.strs(v, what, "domains")
	out := make([]Domain, 0, len(vals))
	for i, s := range vals {
		dom := Domain(s)
		switch {
		case !contains(Domains, dom):
			d.add(itemLines[i], "%s: unknown domain %q; use one of %s", what, s, joinList(Domains))
		case contains(out, dom):
			d.add(itemLines[i], "%s: domain %q is listed twice; remove one", what, s)
		default:
			out = append(out, dom)
		}
	}
	return out
}

func (d *decoder) span(v *yaml.Node, what string) *Span {
	if !d.mapping(v, "span", "{min: 4, max: 8, archetype: coach}") {
		return nil
	}
	s := &Span{}
	seen := map[string]bool{}
	d.fields(v, what+" span", spanFields, func(key string, k, val *yaml.Node) {
		seen[key] = true
		switch key {
		case "min":
			s.Min = d.integer(val, what, "span min")
		case "max":
			s.Max = d.integer(val, what, "span max")
		case "archetype":
			s.Archetype = Archetype(d.str(val, what, "span archetype"))
			if s.Archetype != "" && !contains(archetypes, s.Archetype) {
				d.add(val.Line, "%s: unknown span archetype %q; use one of %s", what, s.Archetype, joinList(archetypes))
			}
		}
	})
	for _, key := range spanFields {
		if !seen[key] {
			d.add(v.Line, "%s: span needs %s (span: {min: N, max: N, archetype: A})", what, key)
		}
	}
	if s.Min < 0 {
		d.add(v.Line, "%s: span min %d is below 0; use 0 or more", what, s.Min)
	}
	if seen["min"] && seen["max"] && s.Max < s.Min {
		d.add(v.Line, "%s: span min %d is above max %d; swap or fix them", what, s.Min, s.Max)
	}
	if seen["archetype"] && s.Archetype == "" {
		d.add(v.Line, "%s: span archetype is empty; use one of %s", what, joinList(archetypes))
	}
	return s
}

func (d *decoder) responsibilities(v *yaml.Node, what string) []Responsibility {
	var out []Responsibility
	d.each(v, "responsibilities", func(n *yaml.Node) {
		if !d.mapping(n, "responsibility", "{group: strategic, text: ...}") {
			return
		}
		var r Responsibility
		d.fields(n, what+" responsibility", respFields, func(key string, k, val *yaml.Node) {
			switch key {
			case "group":
				r.Group = d.str(val, what, "responsibility group")
				if r.Group != "" && !contains(responsibilityGroups, r.Group) {
					d.add(val.Line, "%s: unknown responsibility group %q; use one of %s", what, r.Group, strings.Join(responsibilityGroups, ", "))
				}
			case "text":
				r.Text = d.str(val, what, "responsibility text")
			}
		})
		if r.Group == "" {
			d.add(n.Line, "%s: a responsibility needs a group (%s)", what, strings.Join(responsibilityGroups, ", "))
		}
		if r.Text == "" {
			d.add(n.Line, "%s: a responsibility needs text", what)
		}
		out = append(out, r)
	})
	return out
}

func (d *decoder) kpis(v *yaml.Node, what string) []KPI {
	var out []KPI
	d.each(v, "kpis", func(n *yaml.Node) {
		if !d.mapping(n, "KPI", "{metric: ..., target: ...}") {
			return
		}
		var k KPI
		d.fields(n, what+" KPI", kpiFields, func(key string, _, val *yaml.Node) {
			switch key {
			case "metric":
				k.Metric = d.str(val, what, "KPI metric")
			case "target":
				k.Target = d.str(val, what, "KPI target")
			}
		})
		if k.Metric == "" {
			d.add(n.Line, "%s: a KPI needs a metric", what)
		}
		if k.Target == "" {
			d.add(n.Line, "%s: a KPI needs an example target", what)
		}
		out = append(out, k)
	})
	return out
}

func lineOr(lines map[string]int, key string, fallback int) int {
	if l, ok := lines[key]; ok && l > 0 {
		return l
	}
	return fallback
}

func joinList[T ~string](list []T) string {
	parts := make([]string, len(list))
	for i, v := range list {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}
