package check

import (
	"maps"
	"slices"
	"strings"

	"github.com/orgplanner/orgplanner/orgchart"
)

// policyDelta is what a change of the plan's policy or scope asks of a
// re-check, beyond the plan-wide findings that every re-check makes again.
type policyDelta struct {
	ids      []string // positions whose intended mark changed
	rules    []string // per-position rules whose setting changed (not from off)
	coverage bool     // a coverage rule's setting changed
	unusual  bool     // reporting.unusual-manager's setting changed
	managers bool     // span ranges or thresholds changed: every manager again
	dotted   bool     // dottedMax changed: every position with dotted lines again
}

// diffPolicy compares the plan's policy with the one last checked; false
// when the change concerns every position (the roles left out of span
// counts, or a per-position rule turned on, whose findings nobody kept).
func (c *Checker) diffPolicy() (*policyDelta, bool) {
	was, now := c.pol.WithDefaults(), c.plan.Policy.WithDefaults()
	if !slices.Equal(was.SpanExclude, now.SpanExclude) {
		return nil, false
	}
	d := &policyDelta{
		managers: was.FirstLine != now.FirstLine || was.ManagersOfManagers != now.ManagersOfManagers ||
			was.Executive != now.Executive || was.FarOutside != now.FarOutside ||
			was.VacantManagerTeam != now.VacantManagerTeam || !maps.Equal(was.RoleSpans, now.RoleSpans),
		dotted: was.DottedMax != now.DottedMax,
	}
	before := make(map[string]bool, len(was.Intended))
	for _, id := range was.Intended {
		before[id] = true
	}
	after := make(map[string]bool, len(now.Intended))
	for _, id := range now.Intended {
		after[id] = true
		if !before[id] {
			d.ids = append(d.ids, id)
		}
	}
	for _, id := range was.Intended {
		if !after[id] {
			d.ids = append(d.ids, id)
		}
	}
	d.ids = slices.DeleteFunc(d.ids, func(id string) bool { return c.plan.Position(id) == nil })
	for _, r := range orgchart.RuleIDs() {
		a, b := was.Rules[r], now.Rules[r]
		if a == b {
			continue
		}
		switch {
		case strings.HasPrefix(r, "coverage."):
			d.coverage = true
		case r == "reporting.unusual-manager":
			d.unusual = true
		case r == "layers.too-deep" || r == "reporting.orphan":
			// plan-wide: made again at every re-check
		case a == "off" && (r != "span.chain" || was.Rules["span.single-report"] == "off"):
			// Its findings were never made. span.chain is the exception:
			// with it off, its chains are there as single-report findings.
			return nil, false
		default:
			d.rules = append(d.rules, r)
		}
	}
	return d, true
}

// applyPolicy takes the plan's policy and scope as the ones checked.
func (c *Checker) applyPolicy(d *policyDelta) {
	o := c.o
	o.pol = c.plan.Policy.WithDefaults()
	o.intended = make(map[string]bool, len(o.pol.Intended))
	for _, id := range o.pol.Intended {
		o.intended[id] = true
	}
	c.pol, c.scope = c.plan.Policy, slices.Clone(c.plan.Scope)
	c.cv.inScope = o.scope()
	if d.coverage {
		for k := range c.capDirty {
			c.capDirty[k] = true
			c.supCache[k].known = false
		}
	}
	if d.unusual {
		for k := range c.unusual {
			c.dirtyPairs[k] = true
		}
		c.pairsAfresh = true
	}
}

// policyEval returns the nodes whose per-position findings a policy change
// may change: where the changed rules' findings were made, and every
// manager or every position with dotted lines when thresholds changed.
func (c *Checker) policyEval(d *policyDelta) []int32 {
	o := c.o
	var out []int32
	// A chain turned on starts where its single reports were reported.
	chain := slices.Contains(d.rules, "span.chain")
	for _, b := range c.buckets {
		if !slices.Contains(d.rules, b.rule) && !(chain && b.rule == "span.single-report") {
			continue
		}
		for _, f := range b.items {
			if len(f.Positions) > 0 {
				if i, ok := o.at[f.Positions[0]]; ok {
					out = append(out, i)
				}
			}
		}
	}
	if d.managers || d.dotted {
		for i, pos := range o.pos {
			if c.dead[i] {
				continue
			}
			if d.managers && len(o.kidList[i]) > 0 || d.dotted && len(pos.DottedTo) > 0 {
				out = append(out, int32(i))
			}
		}
	}
	return out
}
