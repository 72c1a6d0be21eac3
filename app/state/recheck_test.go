package state

import (
	"reflect"
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// TestReportAfterEditsIsAFullCheck: State re-checks incrementally
// (check.Checker); after each kind of edit its report is what check.Run gives.
func TestReportAfterEditsIsAFullCheck(t *testing.T) {
	cat := apptest.Catalog(t)
	s := New(cat)
	s.Load(generate.Generate(600, 3), cat, "")
	same := func(step string) {
		t.Helper()
		got, want := s.Report(), check.Run(s.Plan(), s.Catalog())
		if len(got.Findings) != len(want.Findings) || !reflect.DeepEqual(got.Summary, want.Summary) {
			t.Fatalf("%s: %d findings, want %d (or the summary differs)", step, len(got.Findings), len(want.Findings))
		}
		for i := range want.Findings {
			g, w := got.Findings[i], want.Findings[i]
			if g.Rule != w.Rule || g.Message != w.Message || !reflect.DeepEqual(g.Positions, w.Positions) {
				t.Fatalf("%s: finding %d is %s %q, want %s %q", step, i, g.Rule, g.Message, w.Rule, w.Message)
			}
		}
	}
	p := s.Plan()
	top := p.Tops()[0].ID
	mid := p.Reports(top)[0].ID
	other := p.Reports(top)[1].ID
	pos, err := s.Add("software-engineer", mid)
	if err != nil {
		t.Fatal(err)
	}
	same("add")
	if err := s.Move(pos.ID, other); err != nil {
		t.Fatal(err)
	}
	same("move")
	if err := s.Update(pos.ID, func(q *orgchart.Position) { q.Role = "software-engineering-manager"; q.Holder = "Ada" }); err != nil {
		t.Fatal(err)
	}
	same("update")
	if err := s.Remove(mid, orgchart.LiftReports); err != nil {
		t.Fatal(err)
	}
	same("remove")
	s.Undo()
	same("undo")
	s.Redo()
	same("redo")
	if err := s.SetPlan(func(pl *orgchart.Plan) { pl.Policy.LayersMax = 3; pl.Policy.FirstLine.Max = 4 }); err != nil {
		t.Fatal(err)
	}
	same("policy")
	s.Undo()
	same("undo of the policy")
	if err := s.Remove(other, orgchart.RemoveSubtree); err != nil {
		t.Fatal(err)
	}
	same("remove with reports")
	s.Undo()
	same("undo of the removal")
}
