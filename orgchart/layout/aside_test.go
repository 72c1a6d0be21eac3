package layout

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/samples"
)

// isAssistant reports whether the layout sets pos aside next to its
// manager's line, when it shows no reports of its own.
func isAssistant(p *orgchart.Plan, pos *orgchart.Position) bool {
	return pos.Role != "" && slices.Contains(assistantRoles(p), pos.Role)
}

// TestAssistantsSitBesideTheirManager: a chief of staff or an executive
// assistant is set beside its manager's line, below the manager and above
// every other report (not one of the row), joined from the side.
func TestAssistantsSitBesideTheirManager(t *testing.T) {
	for _, name := range []string{"scaleup", "enterprise"} {
		p, err := samples.Build(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, opt := range []Options{{}, {Fold: -1}} {
			l := Compute(p, opt)
			checkInvariants(t, p, l)
			found := 0
			for i := range l.Cards {
				a := &l.Cards[i]
				if !isAssistant(p, a.Position) {
					continue
				}
				found++
				m := &l.Cards[l.Index(a.Position.ReportsTo)]
				if !a.Stacked || a.Y < m.Y+m.H {
					t.Errorf("%s: assistant %s at %v,%v is not beside the line under %s (bottom %v)", name, a.Position.ID, a.X, a.Y, m.Position.ID, m.Y+m.H)
				}
				for _, r := range p.Reports(m.Position.ID) {
					if isAssistant(p, r) {
						continue
					}
					if c := &l.Cards[l.Index(r.ID)]; c.Y < a.Y+a.H+StackRowGap {
						t.Errorf("%s: report %s (top %v) is not below assistant %s (bottom %v)", name, r.ID, c.Y, a.Position.ID, a.Y+a.H)
					}
				}
			}
			if found == 0 {
				t.Fatalf("%s: no assistant in the sample", name)
			}
		}
	}
}

// TestOnlyAssistants: a manager whose only reports are assistants, and one
// with many, keep every layout rule.
func TestOnlyAssistants(t *testing.T) {
	p := &orgchart.Plan{Positions: []*orgchart.Position{{ID: "ceo"}, {ID: "cto", ReportsTo: "ceo"}}}
	for i, m := range []string{"ceo", "ceo", "ceo", "cto", "cto", "cto", "cto", "cto"} {
		p.Positions = append(p.Positions, &orgchart.Position{ID: string(rune('a' + i)), Role: "chief-of-staff", ReportsTo: m})
	}
	p.Positions = append(p.Positions, &orgchart.Position{ID: "ea", Role: "executive-assistant", ReportsTo: "a"}) // a leads: not aside
	p.Reindex()
	for _, opt := range []Options{{}, {Fold: -1}} {
		l := Compute(p, opt)
		checkInvariants(t, p, l)
		if a := &l.Cards[l.Index("a")]; a.Stacked && a.Y < l.Cards[l.Index("b")].Y {
			t.Errorf("a chief of staff who leads someone is set aside")
		}
	}
}

// TestEngineEditsAroundAssistants: an Engine on the scale-up sample through
// random additions of assistants and others, removals, moves, folds and
// undos keeps every layout rule, shows what Compute shows, and lays out as
// Compute does once tidied.
func TestEngineEditsAroundAssistants(t *testing.T) {
	p0, err := samples.Build("scaleup")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(7))
	ed := orgchart.NewEditor(p0)
	p := ed.Plan()
	col := map[string]bool{}
	e := NewEngine(p, Options{Collapsed: col})
	roles := []string{"chief-of-staff", "executive-assistant", "software-engineer"}
	for step := 0; step < 120; step++ {
		pick := func() *orgchart.Position { return p.Positions[rng.Intn(len(p.Positions))] }
		fold := false
		switch op := rng.Intn(8); {
		case op < 3:
			if _, err := ed.Add(roles[rng.Intn(len(roles))], pick().ID); err != nil {
				t.Fatal(err)
			}
		case op == 3:
			if err := ed.Remove(pick().ID, orgchart.RemoveMode(rng.Intn(2))); err != nil {
				continue
			}
		case op == 4:
			x, m := pick(), pick()
			if ed.CanMove(x.ID, m.ID) != nil || x.ReportsTo == m.ID {
				continue
			}
			if err := ed.Move(x.ID, m.ID); err != nil {
				t.Fatal(err)
			}
		case op == 5:
			x := pick()
			if len(p.Reports(x.ID)) == 0 && !col[x.ID] {
				continue
			}
			if col[x.ID] = !col[x.ID]; !col[x.ID] {
				delete(col, x.ID)
			}
			e.SetCollapsed(x.ID, col[x.ID])
			fold = true
		default:
			if !ed.Undo() {
				continue
			}
		}
		if !fold {
			e.Changed(ed.Touched()...)
		}
		l := e.Relayout()
		name := fmt.Sprintf("step %d", step)
		checkInvariants(t, p, l)
		sameCards(t, name, p, col, l)
		if step%30 == 29 {
			e.Tidy()
			sameAsCompute(t, name+" tidied", p, col, e.Relayout())
		}
	}
}

// An assistant set aside who is given a report leads a team and joins the
// row of its manager's reports; undone, it goes aside again; both in
// place, not by a layout afresh (which moved the whole view). The Engine
// left the manager's kept arrangement counting the old reports, and the
// enterprise sample's chief of staff then overlapped the CEO's first
// report after the undo.
func TestEngineAssistantGainsAndLosesAReport(t *testing.T) {
	for _, name := range []string{"scaleup", "enterprise"} {
		p, err := samples.Build(name)
		if err != nil {
			t.Fatal(err)
		}
		ed := orgchart.NewEditor(p)
		e := NewEngine(p, Options{})
		var asides []string
		for i := range e.Layout().Cards {
			if e.b.isAside(int32(i)) {
				asides = append(asides, e.Layout().Cards[i].Position.ID)
			}
		}
		if len(asides) == 0 {
			t.Fatalf("%s: no assistant set aside to test with", name)
		}
		for _, id := range asides {
			b := e.b
			before := snapshot(e.Layout())
			mgr := p.Position(id).ReportsTo
			up, in := ancestors(p, mgr), within(p, mgr)
			if _, err := ed.Add("software-engineer", id); err != nil {
				t.Fatal(err)
			}
			e.Changed(ed.Touched()...)
			l := e.Relayout()
			step := fmt.Sprintf("%s: a report for %s", name, id)
			checkInvariants(t, p, l)
			sameCards(t, step, p, nil, l)
			if e.b.isAside(int32(l.Index(id))) {
				t.Errorf("%s: %s leads a team and is still set aside", step, id)
			}
			// Only the manager's subtree and path change: nothing beside
			// them moves sideways.
			for _, c := range l.Cards {
				if w, ok := before[c.Position.ID]; ok && !up[c.Position.ID] && !in[c.Position.ID] && w[0] != c.X {
					t.Fatalf("%s: %s, outside the manager's subtree, moved from x %v to %v", step, c.Position.ID, w[0], c.X)
				}
			}
			ed.Undo()
			e.Changed(ed.Touched()...)
			l = e.Relayout()
			checkInvariants(t, p, l)
			sameCards(t, step+" undone", p, nil, l)
			if !e.b.isAside(int32(l.Index(id))) {
				t.Errorf("%s: %s is not set aside again after the undo", name, id)
			}
			checkAside(t, step+" undone", p, l, id)
			// Locally: the view must not jump, so the chart is not laid
			// out afresh.
			if e.b != b {
				t.Errorf("%s: laid the chart out afresh", step)
			}
		}
		e.Tidy()
		sameAsCompute(t, name+" tidied", p, nil, e.Relayout())
	}
}

// checkAside asserts that card a is set beside its manager's line as
// Compute sets an assistant: joined from the side, below the manager and
// above every other report the manager shows.
func checkAside(t *testing.T, step string, p *orgchart.Plan, l *Layout, id string) {
	t.Helper()
	a := &l.Cards[l.Index(id)]
	m := &l.Cards[l.Index(a.Position.ReportsTo)]
	if !a.Stacked || a.Y < m.Y+m.H {
		t.Fatalf("%s: assistant %s at %v,%v is not beside the line under %s (bottom %v)", step, id, a.X, a.Y, m.Position.ID, m.Y+m.H)
	}
	for _, r := range p.Reports(m.Position.ID) {
		if isAssistant(p, r) || l.Index(r.ID) < 0 {
			continue
		}
		if c := &l.Cards[l.Index(r.ID)]; c.Y < a.Y+a.H+StackRowGap {
			t.Fatalf("%s: report %s (top %v) is not below assistant %s (bottom %v)", step, r.ID, c.Y, id, a.Y+a.H)
		}
	}
}

// TestEngineSetsAnAddedAssistantAside: a chief of staff the Engine adds
// under a manager that had none is set aside at once, as Compute would,
// without laying the chart out afresh; the undo takes it away again in
// place. Before, it stayed in the row of reports until Tidy.
func TestEngineSetsAnAddedAssistantAside(t *testing.T) {
	for _, name := range []string{"scaleup", "enterprise"} {
		p, err := samples.Build(name)
		if err != nil {
			t.Fatal(err)
		}
		ed := orgchart.NewEditor(p)
		e := NewEngine(p, Options{})
		var mgrs []string
		for _, c := range e.Layout().Cards {
			id := c.Position.ID
			has := false
			for _, r := range p.Reports(id) {
				has = has || isAssistant(p, r)
			}
			if len(p.Reports(id)) > 0 && !has && len(mgrs) < 12 {
				mgrs = append(mgrs, id)
			}
		}
		if len(mgrs) == 0 {
			t.Fatalf("%s: no manager without an assistant", name)
		}
		for _, m := range mgrs {
			b := e.b
			pos, err := ed.Add("chief-of-staff", m)
			if err != nil {
				t.Fatal(err)
			}
			e.Changed(ed.Touched()...)
			l := e.Relayout()
			step := fmt.Sprintf("%s: a chief of staff under %s", name, m)
			checkInvariants(t, p, l)
			sameCards(t, step, p, nil, l)
			checkAside(t, step, p, l, pos.ID)
			if e.b != b {
				t.Fatalf("%s: laid the chart out afresh", step)
			}
			ed.Undo()
			e.Changed(ed.Touched()...)
			l = e.Relayout()
			checkInvariants(t, p, l)
			sameCards(t, step+" undone", p, nil, l)
			if e.b != b {
				t.Fatalf("%s undone: laid the chart out afresh", step)
			}
		}
		e.Tidy()
		sameAsCompute(t, name+" tidied", p, nil, e.Relayout())
	}
}
