package orgchart

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/orgplanner/orgplanner/catalog"
)

// The keys a policy block may hold, by section, in canonical order.
var (
	policyKeys       = []string{"span", "layers", "reporting", "rules", "intended"}
	policySpanKeys   = []string{"firstLine", "managersOfManagers", "executive", "farOutside", "vacantManager", "exclude", "roles"}
	policyLayerKeys  = []string{"max", "base"}
	policyReportKeys = []string{"dottedMax"}
	policyRangeKeys  = []string{"min", "max"}
)

// policyMaxNumber bounds every number in a policy, far above any real span
// or layer count, so threshold arithmetic cannot overflow.
const policyMaxNumber = 1_000_000

// decodePolicy reads the value of a plan's `policy:` key. A missing, null or
// empty node is the zero Policy. Every problem is returned, each with the line.
func decodePolicy(node *yaml.Node, file string) (Policy, catalog.Problems) {
	d := policyDecoder{file: file}
	var p Policy
	node = policyResolve(node)
	if node == nil || policyIsNull(node) {
		return p, nil
	}
	d.mapping(node, "policy", policyKeys, func(key string, v *yaml.Node) {
		switch key {
		case "span":
			d.span(v, &p)
		case "layers":
			d.mapping(v, "policy.layers", policyLayerKeys, func(key string, v *yaml.Node) {
				switch key {
				case "max":
					p.LayersMax = d.count(v, "policy.layers.max", 1)
				case "base":
					p.LayerBase = d.count(v, "policy.layers.base", 2)
				}
			})
		case "reporting":
			d.mapping(v, "policy.reporting", policyReportKeys, func(key string, v *yaml.Node) {
				p.DottedMax = d.count(v, "policy.reporting.dottedMax", 1)
			})
		case "rules":
			p.Rules = d.rules(v)
		case "intended":
			p.Intended, p.lines = d.ids(v, "policy.intended")
			if len(p.Intended) == 0 {
				p.Intended, p.lines = nil, nil
			}
		}
	})
	return p, d.problems
}

// checkPolicyRefs reports ids under `policy.intended` that name no position.
// The plan reader calls it once the positions are known.
func checkPolicyRefs(p Policy, file string, exists func(id string) bool) catalog.Problems {
	var probs catalog.Problems
	for _, id := range p.Intended {
		if !exists(id) {
			probs = append(probs, catalog.Problem{File: file, Line: p.lines[id],
				Message: fmt.Sprintf("policy.intended: no position has id %q; list the id of a position whose single report is intended", id)})
		}
	}
	return probs
}

type policyDecoder struct {
	file     string
	problems catalog.Problems
}

func (d *policyDecoder) fail(n *yaml.Node, format string, args ...any) {
	d.problems = append(d.problems, catalog.Problem{File: d.file, Line: n.Line, Message: fmt.Sprintf(format, args...)})
}

// mapping calls visit for each key of a mapping node, reporting keys that are
// not allowed (with the allowed list) and keys given twice.
func (d *policyDecoder) mapping(n *yaml.Node, what string, allowed []string, visit func(key string, v *yaml.Node)) {
	n = policyResolve(n)
	if policyIsNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, "%s must be a mapping of keys (%s)", what, strings.Join(allowed, ", "))
		return
	}
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], policyResolve(n.Content[i+1])
		key := k.Value
		switch {
		case !policyContains(allowed, key):
			d.fail(k, "unknown key %q in %s; allowed keys: %s", key, what, strings.Join(allowed, ", "))
		case seen[key]:
			d.fail(k, "%s.%s is given twice; keep one", what, key)
		default:
			seen[key] = true
			visit(key, v)
		}
	}
}

func (d *policyDecoder) span(n *yaml.Node, p *Policy) {
	d.mapping(n, "policy.span", policySpanKeys, func(key string, v *yaml.Node) {
		what := "policy.span." + key
		switch key {
		case "firstLine":
			p.FirstLine = d.spanRange(v, what, DefaultFirstLine)
		case "managersOfManagers":
			p.ManagersOfManagers = d.spanRange(v, what, DefaultManagersOfManagers)
		case "executive":
			p.Executive = d.spanRange(v, what, DefaultExecutive)
		case "farOutside":
			p.FarOutside = d.count(v, what, 2)
		case "vacantManager":
			p.VacantManagerTeam = d.count(v, what, 1)
		case "exclude":
			p.SpanExclude, _ = d.ids(v, what)
			if p.SpanExclude == nil {
				p.SpanExclude = []string{}
			}
		case "roles":
			p.RoleSpans = d.roleSpans(v)
		}
	})
}

func (d *policyDecoder) roleSpans(n *yaml.Node) map[string]Range {
	if policyIsNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, "policy.span.roles must map role ids to ranges, for example sre-manager: {min: 5, max: 9}")
		return nil
	}
	spans := map[string]Range{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], policyResolve(n.Content[i+1])
		if k.Value == "" {
			d.fail(k, "policy.span.roles: a role id is empty")
			continue
		}
		if _, dup := spans[k.Value]; dup {
			d.fail(k, "policy.span.roles.%s is given twice; keep one", k.Value)
			continue
		}
		r := d.spanRange(v, "policy.span.roles."+k.Value, Range{})
		if r.Min == 0 || r.Max == 0 {
			d.fail(v, "policy.span.roles.%s needs both min and max, for example {min: 4, max: 8}", k.Value)
			continue
		}
		spans[k.Value] = r
	}
	if len(spans) == 0 {
		return nil
	}
	return spans
}

// spanRange reads {min: A, max: B}; either bound may be left out, and the
// result must still be a range once def fills the missing bound.
func (d *policyDecoder) spanRange(n *yaml.Node, what string, def Range) Range {
	var r Range
	before := len(d.problems)
	d.mapping(n, what, policyRangeKeys, func(key string, v *yaml.Node) {
		if key == "min" {
			r.Min = d.count(v, what+".min", 1)
		} else {
			r.Max = d.count(v, what+".max", 1)
		}
	})
	if len(d.problems) > before {
		return Range{}
	}
	if e := r.or(def); e.Min > 0 && e.Max > 0 && e.Min > e.Max {
		d.fail(n, "%s: min %d is above max %d; make min no more than max", what, e.Min, e.Max)
		return Range{}
	}
	return r
}

// count reads a whole number of at least lowest.
func (d *policyDecoder) count(n *yaml.Node, what string, lowest int) int {
	v64, ok := wholeNumber(n)
	v := int(v64)
	if !ok || int64(v) != v64 {
		d.fail(n, "%s must be a whole number (at least %d)", what, lowest)
		return 0
	}
	if v < lowest || v > policyMaxNumber {
		d.fail(n, "%s is %d; it must be from %d to %d", what, v, lowest, policyMaxNumber)
		return 0
	}
	return v
}

func (d *policyDecoder) rules(n *yaml.Node) map[string]string {
	ids := RuleIDs()
	settings := RuleSettings()
	rules := map[string]string{}
	d.mapping(n, "policy.rules", ids, func(key string, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode || !policyContains(settings, v.Value) {
			d.fail(v, "policy.rules.%s must be one of %s", key, strings.Join(settings, ", "))
			return
		}
		rules[key] = v.Value
	})
	if len(rules) == 0 {
		return nil
	}
	return rules
}

// ids reads a list of non-empty single-line strings, each once, with their lines.
func (d *policyDecoder) ids(n *yaml.Node, what string) ([]string, map[string]int) {
	if policyIsNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, "%s must be a list, for example [a, b]", what)
		return nil, nil
	}
	var ids []string
	lines := map[string]int{}
	for _, item := range n.Content {
		item = policyResolve(item)
		switch {
		case item.Kind != yaml.ScalarNode || item.Value == "" || strings.ContainsAny(item.Value, "\n\r"):
			d.fail(item, "%s: each entry must be a non-empty id on one line", what)
		case lines[item.Value] != 0:
			d.fail(item, "%s lists %q twice; keep one", what, item.Value)
		default:
			ids = append(ids, item.Value)
			lines[item.Value] = item.Line
		}
	}
	if ids == nil {
		ids = []string{}
	}
	return ids, lines
}

// resolve follows an alias to the node it names.
func policyResolve(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 16; depth++ {
		n = n.Alias
	}
	return n
}

func policyIsNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

func policyContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
