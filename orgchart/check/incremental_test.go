package check_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
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

// editAndCompare applies random edits to the plan and compares Recheck with
// Run after each.
func editAndCompare(t *testing.T, name string, p *orgchart.Plan, cat *catalog.Catalog, steps, minRemove int, rng *rand.Rand) {
	t.Helper()
	seed := name
	{
		ed := orgchart.NewEditor(p)
		ed.SetCatalog(cat)
		ck := check.NewChecker(ed.Plan(), cat)
		sameReport(t, name+" initial", ck.Report(), check.Run(ed.Plan(), cat), ed.Plan())
		afresh := 1 // edits a Checker re-checks from scratch: removals, undo
		roles := cat.Roles
		caps := cat.Capabilities
		for step := 0; step < steps; step++ {
			plan := ed.Plan()
			if len(plan.Positions) == 0 || len(roles) == 0 || len(caps) == 0 {
				break
			}
			pick := func() *orgchart.Position { return plan.Positions[rng.IntN(len(plan.Positions))] }
			x := pick()
			var what string
			var changed []string
			switch op := rng.IntN(12); op {
			case 0, 1, 2: // move
				m := pick()
				to := m.ID
				if rng.IntN(20) == 0 {
					to = ""
				}
				what = "move " + x.ID + " under " + to
				from := x.ReportsTo
				if ed.Move(x.ID, to) != nil {
					continue
				}
				changed = []string{x.ID, from, to}
			case 3: // add
				r := roles[rng.IntN(len(roles))].ID
				added, err := ed.Add(r, x.ID)
				if err != nil {
					continue
				}
				what = "add " + r + " under " + x.ID
				changed = []string{added.ID, x.ID}
			case 4: // remove
				if len(plan.Positions) < minRemove || rng.IntN(3) != 0 {
					continue
				}
				mode := orgchart.RemoveMode(rng.IntN(2))
				what = fmt.Sprintf("remove %s (%d)", x.ID, mode)
				from := x.ReportsTo
				if ed.Remove(x.ID, mode) != nil {
					continue
				}
				afresh++
				changed = []string{x.ID, from}
			case 5: // retitle
				what = "retitle " + x.ID
				_ = ed.Update(x.ID, func(q *orgchart.Position) { q.Title = fmt.Sprintf("Title %d", step) })
				changed = []string{x.ID}
			case 6: // role
				r := roles[rng.IntN(len(roles))].ID
				what = "role of " + x.ID + " to " + r
				_ = ed.Update(x.ID, func(q *orgchart.Position) { q.Role = r })
				changed = []string{x.ID}
			case 7: // ownership
				cp := caps[rng.IntN(len(caps))].ID
				rel := orgchart.Relation(rng.IntN(3))
				what = "relation of " + x.ID + " to " + cp
				if ed.SetRelation(x.ID, cp, rel) != nil {
					continue
				}
				changed = []string{x.ID}
			case 8: // cost, count
				what = "cost/count of " + x.ID
				_ = ed.Update(x.ID, func(q *orgchart.Position) {
					q.Cost = float64(rng.IntN(5)) * 50000
					if rng.IntN(3) == 0 {
						q.Count = rng.IntN(6)
					}
				})
				changed = []string{x.ID}
			case 9: // holder
				what = "holder of " + x.ID
				_ = ed.Update(x.ID, func(q *orgchart.Position) {
					if q.Holder == "" {
						q.Holder = "Someone"
					} else {
						q.Holder = ""
					}
				})
				changed = []string{x.ID}
			case 10: // undo
				what = "undo"
				if !ed.Undo() {
					continue
				}
				ck.SetPlan(ed.Plan())
				afresh++
			case 11: // dotted lines
				m := pick()
				what = "dotted " + x.ID
				_ = ed.Update(x.ID, func(q *orgchart.Position) {
					if m.ID != q.ID && len(q.DottedTo) < 4 {
						q.DottedTo = append(q.DottedTo, m.ID)
					} else {
						q.DottedTo = nil
					}
				})
				changed = []string{x.ID}
			}
			if changed != nil {
				var ids []string
				for _, id := range changed {
					if id != "" {
						ids = append(ids, id)
					}
				}
				ck.Changed(ids...)
			}
			before := ck.Builds()
			got := ck.Recheck()
			if ck.Builds() > before && testing.Verbose() {
				t.Logf("%s step %d: %s re-checked from scratch", seed, step, what)
			}
			sameReport(t, fmt.Sprintf("%s step %d (%s)", seed, step, what), got, check.Run(ed.Plan(), cat), ed.Plan())
		}
		if ck.Builds() > afresh {
			t.Errorf("%s: %d full builds for %d edits that need one: the incremental path was not taken", seed, ck.Builds(), afresh)
		}
	}
}
