package diff

import (
	"slices"
	"sync"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/rollup"
)

// Effects is what the change does to the organisation as a whole.
type Effects struct {
	Positions IntPair     `json:"positions"`
	Headcount IntPair     `json:"headcount"`
	Vacancies IntPair     `json:"vacancies"`
	Managers  IntPair     `json:"managers"`
	Layers    IntPair     `json:"layers"`
	SpanMean  FloatPair   `json:"spanMean"`
	Cost      CostPair    `json:"cost"`
	Findings  FindingPair `json:"findings"` // counts by severity
	Rules     []RuleCount `json:"rules"`    // check rules whose number of findings changed

	OwnerChanges   []OwnerChange  `json:"ownerChanges"` // capabilities whose owning positions changed
	GapsOpened     []CapRef       `json:"gapsOpened"`   // required capabilities that lose every owner
	GapsClosed     []CapRef       `json:"gapsClosed"`
	OverlapsOpened []CapRef       `json:"overlapsOpened"` // owners in separate branches (check's coverage.overlap)
	OverlapsClosed []CapRef       `json:"overlapsClosed"`
	Spans          []SpanChange   `json:"spans"`   // managers whose span moved to another band
	Rollups        []RollupChange `json:"rollups"` // managers whose headcount or cost below changed
}

// IntPair is a number before and after.
type IntPair struct {
	Before int `json:"before"`
	After  int `json:"after"`
}

// FloatPair is a number before and after.
type FloatPair struct {
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

// CostPair is the yearly cost before and after; nil when a plan gives no cost.
type CostPair struct {
	Before *float64 `json:"before"`
	After  *float64 `json:"after"`
}

// FindingPair is check's findings by severity before and after.
type FindingPair struct {
	Before SeverityCounts `json:"before"`
	After  SeverityCounts `json:"after"`
}

// SeverityCounts counts findings by severity.
type SeverityCounts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// RuleCount is how many findings one check rule raised before and after.
type RuleCount struct {
	Rule   string `json:"rule"`
	Before int    `json:"before"`
	After  int    `json:"after"`
}

// ruleCounts lists the rules whose number of findings changed, in the order
// of orgchart.RuleIDs (then any other rule by name).
func ruleCounts(rb, ra *check.Report) []RuleCount {
	count := func(r *check.Report) map[string]int {
		m := map[string]int{}
		for _, f := range r.Findings {
			m[f.Rule]++
		}
		return m
	}
	cb, ca := count(rb), count(ra)
	rules := orgchart.RuleIDs()
	var extra []string
	for _, m := range []map[string]int{cb, ca} {
		for r := range m {
			if !slices.Contains(rules, r) && !slices.Contains(extra, r) {
				extra = append(extra, r)
			}
		}
	}
	slices.Sort(extra)
	out := []RuleCount{}
	for _, r := range append(rules, extra...) {
		if cb[r] != ca[r] {
			out = append(out, RuleCount{r, cb[r], ca[r]})
		}
	}
	return out
}

// CapRef names a capability.
type CapRef struct {
	ID     string         `json:"id"`
	Name   string         `json:"name"`
	Domain catalog.Domain `json:"domain"`
}

// OwnerChange is a capability owned by other positions after the change.
type OwnerChange struct {
	CapRef
	Before []Ref `json:"before"` // owners, ids of the before plan
	After  []Ref `json:"after"`
	Gained []Ref `json:"gained"` // after-plan owners with no matched owner before
	Lost   []Ref `json:"lost"`   // before-plan owners with no matched owner after
}

// SpanChange is a manager whose direct reports moved to another span band
// (1, 2-3, 4-7, 8-12, 13+; "0" when not a manager). A team counts as its
// count, vacant positions count, dotted lines and excluded roles do not:
// rollup.Span, as check counts.
type SpanChange struct {
	Ref
	Before     int    `json:"before"`
	After      int    `json:"after"`
	BandBefore string `json:"bandBefore"`
	BandAfter  string `json:"bandAfter"`
}

// RollupChange is a manager (in both plans) whose totals below changed.
type RollupChange struct {
	Ref
	Before rollup.Totals `json:"before"`
	After  rollup.Totals `json:"after"`
}

func effects(before, after *orgchart.Plan, m *matching, cat *catalog.Catalog) Effects {
	// The checks and the totals below each manager of one plan do not touch
	// the other plan: the two plans are worked on at once, each by one
	// goroutine (a plan's index is built on first use, so never share one).
	var rb, ra *check.Report
	var tb, ta *rollup.Rollup
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		rb, tb = check.Run(before, cat), rollup.Compute(before)
	}()
	ra, ta = check.Run(after, cat), rollup.Compute(after)
	wg.Wait()
	sb, sa := rb.Summary, ra.Summary
	e := Effects{
		Positions: IntPair{sb.Positions, sa.Positions},
		Headcount: IntPair{sb.Headcount, sa.Headcount},
		Vacancies: IntPair{sb.Vacancies, sa.Vacancies},
		Managers:  IntPair{sb.Managers, sa.Managers},
		Layers:    IntPair{sb.Layers, sa.Layers},
		SpanMean:  FloatPair{sb.SpanMean, sa.SpanMean},
		Cost:      CostPair{sb.Cost, sa.Cost},
		Findings:  FindingPair{severities(rb), severities(ra)},
		Rules:     ruleCounts(rb, ra),
	}
	e.OwnerChanges, e.GapsOpened, e.GapsClosed = coverageChanges(before, after, m, cat, sb.Headcount, sa.Headcount)
	ob, oa := rb.CapabilitiesFlagged("coverage.overlap"), ra.CapabilitiesFlagged("coverage.overlap")
	e.OverlapsOpened, e.OverlapsClosed = opened(ob, oa, cat), opened(oa, ob, cat)
	e.Spans = spanChanges(before, after, m, cat)
	e.Rollups = rollupChanges(tb, ta, m, after, cat)
	return e
}

func severities(r *check.Report) SeverityCounts {
	var c SeverityCounts
	for _, f := range r.Findings {
		switch f.Severity {
		case check.Error:
			c.Error++
		case check.Warning:
			c.Warning++
		default:
			c.Info++
		}
	}
	return c
}

// owners lists, per capability id, the indexes of the positions whose role
// owns it (the coverage model of orgchart/check), and whether the
// capability needs an owner in this plan (in scope and required at its
// headcount).
func owners(p *orgchart.Plan, cat *catalog.Catalog, headcount int) (map[string][]int32, map[string]bool) {
	own := map[string][]int32{}
	required := map[string]bool{}
	if cat == nil {
		return own, required
	}
	for i, pos := range p.Positions {
		owns, _ := pos.Capabilities(cat) // with the plan's owns and notOwns
		for _, id := range owns {
			own[id] = append(own[id], int32(i))
		}
	}
	for _, c := range cat.Capabilities {
		if (len(p.Scope) == 0 || slices.Contains(p.Scope, c.Domain)) && c.RequiredAt(headcount) {
			required[c.ID] = true
		}
	}
	return own, required
}

// coverageChanges compares who owns each capability, and which required
// capabilities have no owner, before and after.
func coverageChanges(before, after *orgchart.Plan, m *matching, cat *catalog.Catalog, hb, ha int) (changes []OwnerChange, gapsOpened, gapsClosed []CapRef) {
	changes, gapsOpened, gapsClosed = []OwnerChange{}, []CapRef{}, []CapRef{}
	if cat == nil {
		return
	}
	ob, reqB := owners(before, cat, hb)
	oa, reqA := owners(after, cat, ha)
	// mark[i] == stamp: after position i owns the capability compared now;
	// kept[i] == stamp: and its match before owned it too. One array for
	// every capability instead of two maps each.
	mark, kept := make([]int32, len(after.Positions)), make([]int32, len(after.Positions))
	stamp := int32(0)
	for _, c := range cat.Capabilities {
		if cat.Capability(c.ID) != c {
			continue // overridden by a later definition
		}
		bs, as := ob[c.ID], oa[c.ID]
		ref := CapRef{c.ID, c.Name, c.Domain}
		gapB, gapA := reqB[c.ID] && len(bs) == 0, reqA[c.ID] && len(as) == 0
		switch {
		case gapA && !gapB:
			gapsOpened = append(gapsOpened, ref)
		case gapB && !gapA:
			gapsClosed = append(gapsClosed, ref)
		}
		if !reqB[c.ID] && !reqA[c.ID] && (len(bs) == 0 || len(as) == 0) {
			continue // an optional capability appearing or going is no owner change worth listing
		}
		stamp++
		for _, a := range as {
			mark[a] = stamp
		}
		same := len(bs) == len(as)
		for _, b := range bs {
			if a := m.toAfter[b]; a >= 0 && mark[a] == stamp {
				kept[a] = stamp
			} else {
				same = false
			}
		}
		if same {
			continue
		}
		oc := OwnerChange{CapRef: ref, Before: make([]Ref, len(bs)), After: make([]Ref, len(as)), Gained: []Ref{}, Lost: []Ref{}}
		for i, a := range as {
			oc.After[i] = refOf(after.Positions[a], cat)
			if kept[a] != stamp {
				oc.Gained = append(oc.Gained, oc.After[i])
			}
		}
		for i, b := range bs {
			oc.Before[i] = refOf(before.Positions[b], cat)
			if a := m.toAfter[b]; a < 0 || mark[a] != stamp {
				oc.Lost = append(oc.Lost, oc.Before[i])
			}
		}
		changes = append(changes, oc)
	}
	return
}

// opened lists the capabilities in b but not in a, in catalog order.
func opened(a, b map[string]bool, cat *catalog.Catalog) []CapRef {
	out := []CapRef{}
	if cat == nil {
		return out
	}
	for _, c := range cat.Capabilities {
		if b[c.ID] && !a[c.ID] && cat.Capability(c.ID) == c {
			out = append(out, CapRef{c.ID, c.Name, c.Domain})
		}
	}
	return out
}

func spanChanges(before, after *orgchart.Plan, m *matching, cat *catalog.Catalog) []SpanChange {
	out := []SpanChange{}
	sb, sa := spans(before, &m.b), spans(after, &m.a)
	for ai, a := range after.Positions {
		b := m.toBefore[ai]
		if b < 0 {
			continue
		}
		if rollup.Band(sb[b]) != rollup.Band(sa[ai]) {
			out = append(out, SpanChange{Ref: refOf(a, cat), Before: sb[b], After: sa[ai], BandBefore: rollup.Band(sb[b]), BandAfter: rollup.Band(sa[ai])})
		}
	}
	return out
}

// spans is rollup.Span of every position of a plan, in one pass.
func spans(p *orgchart.Plan, s *side) []int {
	exclude := p.Policy.SpanExclude
	if exclude == nil {
		exclude = orgchart.DefaultSpanExclude()
	}
	out := make([]int, len(p.Positions))
	for i, pos := range p.Positions {
		if mg := s.mgr[i]; mg >= 0 && !slices.Contains(exclude, pos.Role) {
			out[mg] += pos.Headcount()
		}
	}
	return out
}

func rollupChanges(rb, ra *rollup.Rollup, m *matching, after *orgchart.Plan, cat *catalog.Catalog) []RollupChange {
	out := []RollupChange{}
	for ai, a := range after.Positions {
		bi := m.toBefore[ai]
		if bi < 0 {
			continue
		}
		tb, ta := rb.Below(m.b.plan.Positions[bi].ID), ra.Below(a.ID)
		if (tb.Positions == 0 && ta.Positions == 0) || (tb.Headcount == ta.Headcount && tb.Cost == ta.Cost && tb.Vacancies == ta.Vacancies) {
			continue
		}
		out = append(out, RollupChange{Ref: refOf(a, cat), Before: tb, After: ta})
	}
	return out
}
