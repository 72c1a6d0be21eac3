package state

import (
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

func newLoaded(t *testing.T) (*State, *[]Change) {
	t.Helper()
	cat := apptest.Catalog(t)
	s := New(cat)
	var got []Change
	s.Listen(func(c Change) { got = append(got, c) })
	s.Load(apptest.Plan(), cat, "")
	return s, &got
}

func TestAddSelectsAndUndoRestores(t *testing.T) {
	s, changes := newLoaded(t)
	pos, err := s.Add("site-reliability-engineer", "em")
	if err != nil {
		t.Fatal(err)
	}
	if s.Selected() != pos.ID || !s.Dirty() {
		t.Errorf("selected %q dirty %v after adding %s", s.Selected(), s.Dirty(), pos.ID)
	}
	if s.Layout().Index(pos.ID) < 0 {
		t.Error("the new position is not laid out")
	}
	if last := (*changes)[len(*changes)-1]; last&ChangedPlan == 0 {
		t.Errorf("last change %b does not say the plan changed", last)
	}
	if !s.Undo() || s.Plan().Position(pos.ID) != nil || s.Dirty() {
		t.Error("undo did not take the position back out")
	}
}

func TestExpandAllAndCollapseToLevel(t *testing.T) {
	s, _ := newLoaded(t)
	s.CollapseToLevel(2) // cto and its reports; vpe folds em's team
	if !s.Collapsed("vpe") || s.Collapsed("cto") || s.Layout().Index("em") >= 0 {
		t.Fatalf("collapse to level 2: vpe %v cto %v em laid out %v", s.Collapsed("vpe"), s.Collapsed("cto"), s.Layout().Index("em") >= 0)
	}
	s.CollapseToLevel(1)
	if !s.Collapsed("cto") || s.Layout().Index("vpe") >= 0 {
		t.Error("collapse to level 1 still shows the CTO's reports")
	}
	s.ExpandAll()
	for _, id := range []string{"cto", "vpe", "em", "se", "qa", "ciso"} {
		if s.Layout().Index(id) < 0 {
			t.Errorf("%s is hidden after expand all", id)
		}
	}
}

func TestLargePlansOpenAsAnOverview(t *testing.T) {
	p := orgchart.NewPlan("wide")
	p.Positions = append(p.Positions, &orgchart.Position{ID: "top", Role: "chief-technology-officer"})
	for i := 0; i < 20; i++ {
		m := &orgchart.Position{ID: "m" + string(rune('a'+i)), Role: "vp-of-engineering", ReportsTo: "top"}
		p.Positions = append(p.Positions, m)
		for j := 0; j < 10; j++ {
			em := &orgchart.Position{ID: m.ID + string(rune('a'+j)), Role: "software-engineering-manager", ReportsTo: m.ID}
			p.Positions = append(p.Positions, em, &orgchart.Position{ID: em.ID + "-se", Role: "software-engineer", ReportsTo: em.ID})
		}
	}
	p.Reindex()
	cat := apptest.Catalog(t)
	s := New(cat)
	s.Load(p, cat, "")
	// 421 positions: the managers two levels down fold their teams
	if n := len(s.Layout().Cards); n != 1+20+200 || !s.Collapsed("maa") {
		t.Errorf("%d of %d cards laid out, maa folded %v; want the 221 down to depth 2", n, len(p.Positions), s.Collapsed("maa"))
	}
}

func TestIncrementalLayoutStaysWholeAcrossEdits(t *testing.T) {
	cat := apptest.Catalog(t)
	s := New(cat)
	s.Load(generate.Generate(600, 3), cat, "")
	s.ExpandAll()
	p := s.Plan()
	top := p.Tops()[0].ID
	mid := p.Reports(top)[0].ID
	other := p.Reports(top)[1].ID
	pos, err := s.Add("software-engineer", mid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Move(pos.ID, other); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(mid, orgchart.LiftReports); err != nil {
		t.Fatal(err)
	}
	lay := s.Layout()
	if len(lay.Cards) != len(p.Positions) {
		t.Fatalf("%d cards for %d positions", len(lay.Cards), len(p.Positions))
	}
	seen := map[string]bool{}
	for i, k := range lay.Cards {
		if seen[k.Position.ID] {
			t.Fatalf("%s laid out twice", k.Position.ID)
		}
		seen[k.Position.ID] = true
		for _, o := range lay.Cards[i+1:] {
			if k.X < o.X+o.W && o.X < k.X+k.W && k.Y < o.Y+o.H && o.Y < k.Y+k.H {
				t.Fatalf("cards %s and %s overlap", k.Position.ID, o.Position.ID)
			}
		}
	}
	if lay.Width > 4*layout.Compute(p, layout.Options{}).Width {
		t.Errorf("the incremental layout is %.0f wide, a fresh one %.0f", lay.Width, layout.Compute(p, layout.Options{}).Width)
	}
}
