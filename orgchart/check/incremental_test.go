package check_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// public is a finding without its unexported sort keys.
type public struct {
	Rule         string
	Severity     check.Severity
	Positions    []string
	Message      string
	Suggestion   string
	Capabilities []string
}

func pub(f check.Finding) public {
	return public{f.Rule, f.Severity, f.Positions, f.Message, f.Suggestion, f.Capabilities}
}

// sameReport fails when the re-checked report differs from a full Run.
func sameReport(t *testing.T, step string, got, want *check.Report, p *orgchart.Plan) {
	t.Helper()
	if len(got.Findings) != len(want.Findings) {
		for i := 0; i < max(len(got.Findings), len(want.Findings)); i++ {
			var g, w check.Finding
			if i < len(got.Findings) {
				g = got.Findings[i]
			}
			if i < len(want.Findings) {
				w = want.Findings[i]
			}
			if !reflect.DeepEqual(pub(g), pub(w)) {
				t.Fatalf("%s: %d findings, want %d; first difference at %d:\n got  %s %v %q\n want %s %v %q", step, len(got.Findings), len(want.Findings), i, g.Rule, g.Positions, g.Message, w.Rule, w.Positions, w.Message)
			}
		}
	}
	for i := range want.Findings {
		if !reflect.DeepEqual(pub(got.Findings[i]), pub(want.Findings[i])) {
			g, w := got.Findings[i], want.Findings[i]
			t.Fatalf("%s: finding %d:\n got  %s %s %v %q %q %v\n want %s %s %v %q %q %v", step, i, g.Severity, g.Rule, g.Positions, g.Message, g.Suggestion, g.Capabilities, w.Severity, w.Rule, w.Positions, w.Message, w.Suggestion, w.Capabilities)
		}
	}
	if !reflect.DeepEqual(got.Summary, want.Summary) {
		t.Fatalf("%s: summary\n got  %+v\n want %+v", step, got.Summary, want.Summary)
	}
	for _, pos := range p.Positions {
		if got.Counts(pos.ID) != want.Counts(pos.ID) {
			t.Fatalf("%s: counts of %s: %v, want %v", step, pos.ID, got.Counts(pos.ID), want.Counts(pos.ID))
		}
	}
}

// TestRecheckMatchesRun applies random edits to generated plans and checks
// after each that Recheck gives exactly what a full Run gives.
func TestRecheckMatchesRun(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	steps := 400
	if testing.Short() {
		steps = 100
	}
	for seed := int64(1); seed <= 6; seed++ {
		p := generate.Shaped(600, seed)
		if seed%3 == 2 {
			p = generate.Generate(800, seed)
		}
		if seed%3 == 0 { // costs that are not whole numbers
			for i, pos := range p.Positions {
				pos.Cost = float64(i%7) * 1000.1
			}
		}
		editAndCompare(t, fmt.Sprintf("seed %d", seed), p, cat, steps, 50, rand.New(rand.NewPCG(uint64(seed), 7)))
	}
}

// TestRecheckCraftedPlans does the same on the crafted plans of
// testdata/checks, which raise every rule (chains, duplicate leaders, deep
// layers, orphans, vacant owners...).
func TestRecheckCraftedPlans(t *testing.T) {
	cat := testCatalog(t)
	steps := 200
	if testing.Short() {
		steps = 60
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for n, path := range files {
		if filepath.Base(path) == "catalog.yaml" {
			continue
		}
		p, _, err := orgchart.ReadFile(path, cat)
		if err != nil || len(p.Positions) == 0 {
			continue // the invalid plans of the CLI tests
		}
		editAndCompare(t, filepath.Base(path), p, cat, steps, 3, rand.New(rand.NewPCG(uint64(n), 11)))
	}
}

// editAndCompare applies random edits (moves, adds, removals of both
// kinds, field updates, ownership, policy and scope changes, undo and redo)
// to the plan, tells the Checker what Editor.Touched lists, and compares
// Recheck with Run after each. Every edit must be re-checked incrementally
// except the few policy changes that concern every position.
func editAndCompare(t *testing.T, name string, p *orgchart.Plan, cat *catalog.Catalog, steps, minRemove int, rng *rand.Rand) {
	t.Helper()
	seed := name
	ed := orgchart.NewEditor(p)
	ed.SetCatalog(cat)
	ck := check.NewChecker(ed.Plan(), cat)
	sameReport(t, name+" initial", ck.Report(), check.Run(ed.Plan(), cat), ed.Plan())
	kinds := map[string]int{}
	roles := cat.Roles
	caps := cat.Capabilities
	rules := orgchart.RuleIDs()
	settings := []string{"off", "info", "warning", "error", ""}
	for step := 0; step < steps; step++ {
		plan := ed.Plan()
		if len(plan.Positions) == 0 || len(roles) == 0 || len(caps) == 0 {
			break
		}
		pick := func() *orgchart.Position { return plan.Positions[rng.IntN(len(plan.Positions))] }
		x := pick()
		var what string
		rev := ed.Revision()
		was := plan.Policy
		switch op := rng.IntN(16); op {
		case 0, 1, 2: // move
			m := pick()
			to := m.ID
			if rng.IntN(20) == 0 {
				to = ""
			}
			what = "move " + x.ID + " under " + to
			_ = ed.Move(x.ID, to)
		case 3: // add
			r := roles[rng.IntN(len(roles))].ID
			what = "add " + r + " under " + x.ID
			_, _ = ed.Add(r, x.ID)
		case 4: // remove
			if len(plan.Positions) < minRemove {
				continue
			}
			mode := orgchart.RemoveMode(rng.IntN(2))
			what = fmt.Sprintf("remove %s (%d)", x.ID, mode)
			_ = ed.Remove(x.ID, mode)
		case 5: // retitle
			what = "retitle " + x.ID
			_ = ed.Update(x.ID, func(q *orgchart.Position) { q.Title = fmt.Sprintf("Title %d", step) })
		case 6: // role
			r := roles[rng.IntN(len(roles))].ID
			what = "role of " + x.ID + " to " + r
			_ = ed.Update(x.ID, func(q *orgchart.Position) { q.Role = r })
		case 7: // ownership
			cp := caps[rng.IntN(len(caps))].ID
			what = "relation of " + x.ID + " to " + cp
			_ = ed.SetRelation(x.ID, cp, orgchart.Relation(rng.IntN(3)))
		case 8: // cost, count
			what = "cost/count of " + x.ID
			_ = ed.Update(x.ID, func(q *orgchart.Position) {
				q.Cost = float64(rng.IntN(5)) * 50000
				if rng.IntN(3) == 0 {
					q.Count = rng.IntN(6)
				}
			})
		case 9: // holder
			what = "holder of " + x.ID
			_ = ed.Update(x.ID, func(q *orgchart.Position) {
				if q.Holder == "" {
					q.Holder = "Someone"
				} else {
					q.Holder = ""
				}
			})
		case 10, 11: // undo, sometimes several
			what = "undo"
			for k := rng.IntN(3); k >= 0; k-- {
				if ed.Undo() {
					ck.Changed(ed.Touched()...)
				}
			}
		case 12: // redo, sometimes several (after undoing some when there is nothing to redo)
			what = "redo"
			for k := rng.IntN(3); !ed.CanRedo() && k >= 0 && ed.Undo(); k-- {
				ck.Changed(ed.Touched()...)
			}
			for k := rng.IntN(3); k >= 0; k-- {
				if ed.Redo() {
					ck.Changed(ed.Touched()...)
				}
			}
		case 13: // dotted lines
			m := pick()
			what = "dotted " + x.ID
			_ = ed.Update(x.ID, func(q *orgchart.Position) {
				if m.ID != q.ID && len(q.DottedTo) < 4 {
					q.DottedTo = append(q.DottedTo, m.ID)
				} else {
					q.DottedTo = nil
				}
			})
		case 14: // intended, scope, layers
			what = "intended " + x.ID
			_ = ed.SetPlan(func(q *orgchart.Plan) {
				switch rng.IntN(4) {
				case 0:
					q.Scope = nil
					if rng.IntN(2) == 0 {
						q.Scope = []catalog.Domain{catalog.Domains[rng.IntN(len(catalog.Domains))]}
					}
					what = fmt.Sprint("scope ", q.Scope)
				case 1:
					q.Policy.LayersMax = 3 + rng.IntN(6)
					q.Policy.LayerBase = 2 + rng.IntN(6)
					what = fmt.Sprint("layers ", q.Policy.LayersMax, q.Policy.LayerBase)
				default:
					in := slices.Clone(q.Policy.Intended)
					if k := slices.Index(in, x.ID); k >= 0 {
						in = slices.Delete(in, k, k+1)
					} else {
						in = append(in, x.ID)
					}
					q.Policy.Intended = in
				}
			})
		case 15: // rule settings, span ranges, thresholds
			_ = ed.SetPlan(func(q *orgchart.Plan) {
				switch rng.IntN(3) {
				case 0:
					r, v := rules[rng.IntN(len(rules))], settings[rng.IntN(len(settings))]
					q.Policy.Rules = maps.Clone(q.Policy.Rules)
					if q.Policy.Rules == nil {
						q.Policy.Rules = map[string]string{}
					}
					if v == "" {
						delete(q.Policy.Rules, r)
					} else {
						q.Policy.Rules[r] = v
					}
					what = "rule " + r + " " + v
				case 1:
					q.Policy.FirstLine = orgchart.Range{Min: 1 + rng.IntN(4), Max: 6 + rng.IntN(8)}
					q.Policy.FarOutside = 10 + rng.IntN(10)
					what = fmt.Sprint("first line ", q.Policy.FirstLine)
				default:
					q.Policy.DottedMax = 1 + rng.IntN(3)
					q.Policy.VacantManagerTeam = 2 + rng.IntN(6)
					what = fmt.Sprint("dotted max ", q.Policy.DottedMax)
				}
			})
		}
		if ed.Revision() == rev {
			continue
		}
		if what != "undo" && what != "redo" {
			ck.Changed(ed.Touched()...)
		}
		kind, _, _ := strings.Cut(what, " ")
		kinds[kind]++
		before := ck.Builds()
		got := ck.Recheck()
		if ck.Builds() > before && !needsBuild(was, plan.Policy) {
			t.Errorf("%s step %d: %s re-checked from scratch", seed, step, what)
		}
		if err := ck.RankOrder(); err != nil {
			t.Fatalf("%s step %d (%s): %v", seed, step, what, err)
		}
		sameReport(t, fmt.Sprintf("%s step %d (%s)", seed, step, what), got, check.Run(ed.Plan(), cat), ed.Plan())
	}
	if testing.Verbose() {
		t.Logf("%s: %v, %d builds", seed, kinds, ck.Builds())
	}
}

// needsBuild reports whether a policy change is one a Checker re-checks
// from scratch: the roles left out of span counts, or a per-position rule
// turned on.
func needsBuild(was, now orgchart.Policy) bool {
	if !slices.Equal(was.WithDefaults().SpanExclude, now.WithDefaults().SpanExclude) {
		return true
	}
	for _, r := range orgchart.RuleIDs() {
		if was.Rules[r] == "off" && now.Rules[r] != "off" && !strings.HasPrefix(r, "coverage.") &&
			r != "layers.too-deep" && r != "reporting.orphan" && r != "reporting.unusual-manager" &&
			(r != "span.chain" || was.Rules["span.single-report"] == "off") {
			return true
		}
	}
	return false
}

// TestRecheckNamesOnlyTheTop: a caller that names only a removed (or
// restored) subtree's top and its manager, as before Editor.Touched, still
// gets Run's report, without a build.
func TestRecheckNamesOnlyTheTop(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := generate.Shaped(800, 4)
	ed := orgchart.NewEditor(p)
	ck := check.NewChecker(p, cat)
	rng := rand.New(rand.NewPCG(4, 4))
	for step := 0; step < 60; step++ {
		x := p.Positions[rng.IntN(len(p.Positions))]
		if len(p.Reports(x.ID)) == 0 {
			continue
		}
		mode := orgchart.RemoveMode(step % 2)
		if err := ed.Remove(x.ID, mode); err != nil {
			t.Fatal(err)
		}
		ck.Changed(x.ID, x.ReportsTo)
		sameReport(t, fmt.Sprintf("step %d remove %s (%d)", step, x.ID, mode), ck.Recheck(), check.Run(p, cat), p)
		if step%3 != 0 {
			ed.Undo()
			ck.Changed(x.ID, x.ReportsTo)
			sameReport(t, fmt.Sprintf("step %d undo", step), ck.Recheck(), check.Run(p, cat), p)
		}
	}
	if ck.Builds() != 1 {
		t.Errorf("%d builds, want 1", ck.Builds())
	}
}
