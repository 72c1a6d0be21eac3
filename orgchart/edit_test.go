package orgchart_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// small builds: a (top) -> b -> c, b -> d, a -> e; e has a dotted line to d.
func small(t *testing.T) *orgchart.Editor {
	t.Helper()
	src := `version: 1
name: Small
positions:
  - {id: a, role: chief-technology-officer, holder: Ada}
  - {id: b, role: vp-of-engineering, reportsTo: a}
  - {id: c, role: software-engineering-manager, reportsTo: b}
  - {id: d, role: sre-manager, reportsTo: b}
  - {id: e, role: vp-of-it, reportsTo: a, dottedTo: [d]}
`
	p, _, err := orgchart.Read([]byte(src), "small.yaml", builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	e := orgchart.NewEditor(p)
	e.SetCatalog(builtin(t))
	return e
}

func ids(p *orgchart.Plan) string {
	var s []string
	for _, pos := range p.Positions {
		s = append(s, pos.ID+">"+pos.ReportsTo)
	}
	return strings.Join(s, " ")
}

// undoRedo checks that Undo restores before exactly and Redo after exactly.
func undoRedo(t *testing.T, e *orgchart.Editor, before []byte, beforeOrder string) {
	t.Helper()
	after, afterOrder := e.Plan().Encode(), ids(e.Plan())
	if !e.Undo() {
		t.Fatal("nothing to undo")
	}
	if got := e.Plan().Encode(); !bytes.Equal(got, before) || ids(e.Plan()) != beforeOrder {
		t.Fatalf("undo gave\n%s%s\nwant\n%s%s", got, ids(e.Plan()), before, beforeOrder)
	}
	if !e.Redo() {
		t.Fatal("nothing to redo")
	}
	if got := e.Plan().Encode(); !bytes.Equal(got, after) || ids(e.Plan()) != afterOrder {
		t.Fatalf("redo gave\n%s\nwant\n%s", got, after)
	}
}

func TestEditorAdd(t *testing.T) {
	e := small(t)
	before, order := e.Plan().Encode(), ids(e.Plan())
	pos, err := e.Add("software-engineer", "c")
	if err != nil {
		t.Fatal(err)
	}
	if pos.ID == "" || !pos.Vacant() || e.Plan().Position(pos.ID) != pos || slices.Index(e.Plan().Reports("c"), pos) != 0 {
		t.Fatalf("added %+v not in the plan under c", pos)
	}
	undoRedo(t, e, before, order)
	if _, err := e.Add("sre-manger", "a"); err == nil || !strings.Contains(err.Error(), "sre-manager") {
		t.Errorf("unknown role: err = %v", err)
	}
	if _, err := e.Add("software-engineer", "nobody"); !errors.Is(err, orgchart.ErrNotFound) {
		t.Errorf("unknown manager: err = %v", err)
	}
	top, err := e.AddPosition(orgchart.Position{ID: "z", Role: "chief-information-officer", Holder: "Zed", Count: 2, Cost: 10, DottedTo: []string{"a"}})
	if err != nil || top.ReportsTo != "" || !slices.Contains(e.Plan().Tops(), top) {
		t.Fatalf("AddPosition top: %v", err)
	}
	if _, err := e.AddPosition(orgchart.Position{ID: "z", Role: "software-engineer"}); err == nil {
		t.Errorf("duplicate id accepted")
	}
	if _, err := e.AddPosition(orgchart.Position{Role: "software-engineer", DottedTo: []string{"ghost"}}); err == nil {
		t.Errorf("dotted line to a missing position accepted")
	}
}

func TestEditorMove(t *testing.T) {
	e := small(t)
	before, order := e.Plan().Encode(), ids(e.Plan())
	if err := e.Move("c", "e"); err != nil {
		t.Fatal(err)
	}
	if e.Plan().Position("c").ReportsTo != "e" || !slices.Equal(e.Plan().Reports("b"), []*orgchart.Position{e.Plan().Position("d")}) {
		t.Fatalf("after move: %s", ids(e.Plan()))
	}
	undoRedo(t, e, before, order)

	rev := e.Revision()
	err := e.Move("b", "d")
	var ce *orgchart.CycleError
	if !errors.As(err, &ce) || ce.ID != "b" || ce.ManagerID != "d" {
		t.Fatalf("cycle: err = %v", err)
	}
	for _, w := range []string{"position b (VP of Engineering, vacant) cannot report to position d (SRE Manager, vacant)", "d is in b's own reporting line"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("cycle message %q lacks %q", err, w)
		}
	}
	if err := e.CanMove("a", "a"); !errors.As(err, &ce) || !strings.Contains(err.Error(), "cannot report to itself") {
		t.Errorf("self: %v", err)
	}
	if e.Revision() != rev {
		t.Errorf("a refused move changed the revision")
	}
	if err := e.CanMove("d", "e"); err != nil {
		t.Errorf("CanMove d->e: %v", err)
	}
	before, order = e.Plan().Encode(), ids(e.Plan())
	if err := e.Move("b", ""); err != nil || len(e.Plan().Tops()) != 2 {
		t.Fatalf("move to top: %v", err)
	}
	undoRedo(t, e, before, order)
}

func TestEditorRemoveSubtree(t *testing.T) {
	e := small(t)
	before, order := e.Plan().Encode(), ids(e.Plan())
	if err := e.Remove("b", orgchart.RemoveSubtree); err != nil {
		t.Fatal(err)
	}
	if got := ids(e.Plan()); got != "a> e>a" {
		t.Fatalf("after remove: %s", got)
	}
	if len(e.Plan().Position("e").DottedTo) != 0 {
		t.Errorf("dotted line to a removed position kept")
	}
	undoRedo(t, e, before, order)
	if !slices.Equal(e.Plan().Position("e").DottedTo, []string(nil)) {
		t.Errorf("redo kept the dotted line")
	}
	e.Undo()
	if !slices.Equal(e.Plan().Position("e").DottedTo, []string{"d"}) {
		t.Errorf("undo did not restore the dotted line")
	}
}

func TestEditorRemoveLiftReports(t *testing.T) {
	e := small(t)
	before, order := e.Plan().Encode(), ids(e.Plan())
	if err := e.Remove("b", orgchart.LiftReports); err != nil {
		t.Fatal(err)
	}
	if got := ids(e.Plan()); got != "a> c>a d>a e>a" {
		t.Fatalf("after lift: %s", got)
	}
	undoRedo(t, e, before, order)
	// Removing a top position lifts its reports to the top.
	e.Undo()
	if err := e.Remove("a", orgchart.LiftReports); err != nil {
		t.Fatal(err)
	}
	if tops := e.Plan().Tops(); len(tops) != 2 || tops[0].ID != "b" || tops[1].ID != "e" {
		t.Errorf("tops after removing the top: %s", ids(e.Plan()))
	}
	if err := e.Remove("ghost", orgchart.RemoveSubtree); !errors.Is(err, orgchart.ErrNotFound) {
		t.Errorf("remove ghost: %v", err)
	}
}

func TestEditorUpdate(t *testing.T) {
	e := small(t)
	before, order := e.Plan().Encode(), ids(e.Plan())
	err := e.Update("c", func(p *orgchart.Position) {
		p.Holder, p.Title, p.Count, p.Cost, p.Notes = "Grace", "EM Payments", 1, 180000, "new"
		p.DottedTo = append(p.DottedTo, "e")
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := e.Plan().Position("c"); c.Holder != "Grace" || c.Cost != 180000 || !slices.Equal(c.DottedTo, []string{"e"}) {
		t.Fatalf("after update: %+v", c)
	}
	undoRedo(t, e, before, order)
	rev := e.Revision()
	for name, change := range map[string]func(*orgchart.Position){
		"id":            func(p *orgchart.Position) { p.ID = "x" },
		"reportsTo":     func(p *orgchart.Position) { p.ReportsTo = "a" },
		"count":         func(p *orgchart.Position) { p.Count = -1 },
		"cost":          func(p *orgchart.Position) { p.Cost = -5 },
		"role":          func(p *orgchart.Position) { p.Role = "wizard" },
		"dotted self":   func(p *orgchart.Position) { p.DottedTo = []string{"c"} },
		"dotted ghost":  func(p *orgchart.Position) { p.DottedTo = []string{"ghost"} },
		"bad utf-8":     func(p *orgchart.Position) { p.Holder = "\xff" },
		"huge count":    func(p *orgchart.Position) { p.Count = orgchart.MaxCount + 1 },
		"dotted repeat": func(p *orgchart.Position) { p.DottedTo = []string{"a", "a"} },
	} {
		if err := e.Update("c", change); err == nil {
			t.Errorf("%s: invalid update accepted", name)
		}
	}
	if e.Revision() != rev || e.Plan().Position("c").Holder != "Grace" {
		t.Errorf("a refused update changed the plan")
	}
}

func TestEditorSetPlanAndDirty(t *testing.T) {
	e := small(t)
	if e.Dirty() || e.CanUndo() || e.CanRedo() {
		t.Fatal("a new editor is dirty")
	}
	before, order := e.Plan().Encode(), ids(e.Plan())
	rev := e.Revision()
	if err := e.SetPlan(func(p *orgchart.Plan) { p.Name = "Renamed"; p.Scope = []catalog.Domain{"IT", "SEC"} }); err != nil {
		t.Fatal(err)
	}
	if e.Plan().Name != "Renamed" || len(e.Plan().Scope) != 2 || !e.Dirty() || e.Revision() == rev {
		t.Fatalf("SetPlan did not apply")
	}
	undoRedo(t, e, before, order)
	if err := e.SetPlan(func(p *orgchart.Plan) { p.Scope = []catalog.Domain{"NOPE"} }); err == nil {
		t.Errorf("unknown scope accepted")
	}
	if err := e.SetPlan(func(p *orgchart.Plan) { p.Positions = nil }); err == nil {
		t.Errorf("SetPlan changed positions")
	}
	if err := e.SetPlan(func(p *orgchart.Plan) { p.Policy.Intended = []string{"ghost"} }); !errors.Is(err, orgchart.ErrNotFound) {
		t.Errorf("intended ghost: %v", err)
	}
	if err := e.SetPlan(func(p *orgchart.Plan) { p.Policy.LayersMax = -3 }); err == nil {
		t.Errorf("an invalid policy was accepted")
	}
	if err := e.SetPlan(func(p *orgchart.Plan) { p.Policy.Intended = []string{"c"}; p.Policy.LayersMax = 5 }); err != nil {
		t.Errorf("a valid policy was refused: %v", err)
	}
	e.Undo()
	e.MarkSaved()
	if e.Dirty() {
		t.Errorf("dirty right after MarkSaved")
	}
	rev = e.Revision()
	if err := e.SetPlan(func(p *orgchart.Plan) { p.Name = p.Name + "" }); err != nil || e.Dirty() || e.Revision() != rev {
		t.Errorf("a SetPlan that changes nothing made the plan dirty (err %v)", err)
	}
	if err := e.Update("a", func(p *orgchart.Position) {}); err != nil || e.Dirty() || e.Revision() != rev {
		t.Errorf("an Update that changes nothing made the plan dirty (err %v)", err)
	}
	e.Update("a", func(p *orgchart.Position) { p.Holder = "Someone" })
	if !e.Dirty() {
		t.Errorf("clean after a change")
	}
	e.Undo()
	if e.Dirty() {
		t.Errorf("undo back to the saved state is still dirty")
	}
	e.Undo()
	if !e.Dirty() {
		t.Errorf("undo past the saved state is clean")
	}
	e.Redo()
	if e.Dirty() {
		t.Errorf("redo back to the saved state is dirty")
	}
	// A new change after undoing past the save makes the saved state unreachable.
	e.Undo()
	e.Update("a", func(p *orgchart.Position) { p.Holder = "Other" })
	if !e.Dirty() || e.CanRedo() {
		t.Errorf("dirty %v canRedo %v", e.Dirty(), e.CanRedo())
	}
}

// snapshot is the exact content of a plan: the Positions slice (pointers
// and values) and the encoded bytes.
type snapshot struct {
	ptrs   []*orgchart.Position
	values []orgchart.Position
	bytes  []byte
	name   string
}

func snap(p *orgchart.Plan) snapshot {
	s := snapshot{ptrs: slices.Clone(p.Positions), bytes: p.Encode(), name: p.Name}
	for _, pos := range p.Positions {
		v := *pos
		v.DottedTo = slices.Clone(pos.DottedTo)
		s.values = append(s.values, v)
	}
	return s
}

func (s snapshot) equal(p *orgchart.Plan) error {
	if !bytes.Equal(s.bytes, p.Encode()) {
		return errors.New("encoded bytes differ")
	}
	if s.name != p.Name {
		return fmt.Errorf("name %q, want %q", p.Name, s.name)
	}
	if len(p.Positions) != len(s.ptrs) {
		return fmt.Errorf("%d positions, want %d", len(p.Positions), len(s.ptrs))
	}
	for i, pos := range p.Positions {
		if pos != s.ptrs[i] {
			return fmt.Errorf("position %d is another object (%s, want %s)", i, pos.ID, s.ptrs[i].ID)
		}
		v := s.values[i]
		if !samePosition(pos, &v) || pos.Line != v.Line {
			return fmt.Errorf("position %d: %+v, want %+v", i, *pos, v)
		}
	}
	return nil
}

// invariants checks one manager per position (it exists), no cycles, unique
// ids, valid dotted lines, and an index that agrees with the positions.
func invariants(p *orgchart.Plan) error {
	byID := map[string]*orgchart.Position{}
	for _, pos := range p.Positions {
		if byID[pos.ID] != nil {
			return fmt.Errorf("duplicate id %s", pos.ID)
		}
		byID[pos.ID] = pos
	}
	reports := map[string][]*orgchart.Position{}
	var tops []*orgchart.Position
	for _, pos := range p.Positions {
		if p.Position(pos.ID) != pos {
			return fmt.Errorf("index: Position(%s) wrong", pos.ID)
		}
		if pos.ReportsTo == "" {
			tops = append(tops, pos)
		} else if byID[pos.ReportsTo] == nil {
			return fmt.Errorf("%s reports to missing %s", pos.ID, pos.ReportsTo)
		} else {
			reports[pos.ReportsTo] = append(reports[pos.ReportsTo], pos)
		}
		for _, d := range pos.DottedTo {
			if d == pos.ID || byID[d] == nil {
				return fmt.Errorf("%s has a bad dotted line to %s", pos.ID, d)
			}
		}
	}
	if !slices.Equal(tops, p.Tops()) {
		return errors.New("index: tops wrong")
	}
	for _, pos := range p.Positions {
		if !slices.Equal(reports[pos.ID], p.Reports(pos.ID)) {
			return fmt.Errorf("index: reports of %s wrong", pos.ID)
		}
		if m := p.Manager(pos); (m == nil) != (pos.ReportsTo == "") {
			return fmt.Errorf("index: manager of %s wrong", pos.ID)
		}
	}
	seen := 0
	p.Walk(func(*orgchart.Position, int) bool { seen++; return true })
	if seen != len(p.Positions) {
		return fmt.Errorf("walk reached %d of %d positions: a cycle", seen, len(p.Positions))
	}
	return nil
}

// TestEditorRandomEditsUndoRedo is the Issue 7 property test: 10,000 random
// edits (add, move including refused cycles, remove in both modes, update,
// rename, undo and redo interleaved) keep every invariant; undoing them all
// restores the original plan exactly and redoing them all the edited one.
func TestEditorRandomEditsUndoRedo(t *testing.T) {
	for _, seed := range []uint64{42, 7, 2026} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) { randomEdits(t, seed) })
	}
}

func randomEdits(t *testing.T, seed uint64) {
	const edits = 10000
	p := generate.Generate(400, 3)
	e := orgchart.NewEditor(p)
	e.SetCatalog(builtin(t))
	original := snap(p)
	rng := rand.New(rand.NewPCG(seed, 7))
	roles := []string{"software-engineer", "sre-manager", "qa-engineer", "director-of-engineering"}
	pick := func() *orgchart.Position { return p.Positions[rng.IntN(len(p.Positions))] }
	var refusedCycles, applied int
	for i := 0; i < edits; i++ {
		rev := e.Revision()
		var err error
		switch op := rng.IntN(100); {
		case op < 22:
			mgr := ""
			if len(p.Positions) > 0 && rng.IntN(20) > 0 {
				mgr = pick().ID
			}
			_, err = e.Add(roles[rng.IntN(len(roles))], mgr)
		case op < 44 && len(p.Positions) > 1:
			pos, mgr := pick(), pick()
			if rng.IntN(4) == 0 { // aim at its own subtree: a cycle
				for _, r := range p.Reports(pos.ID) {
					mgr = r
				}
			}
			before := p.Encode()
			err = e.Move(pos.ID, mgr.ID)
			var ce *orgchart.CycleError
			if errors.As(err, &ce) {
				refusedCycles++
				if e.Revision() != rev || !bytes.Equal(before, p.Encode()) {
					t.Fatalf("edit %d: a refused move changed the plan", i)
				}
				err = nil
			}
		case op < 52 && len(p.Positions) > 150:
			err = e.Remove(pick().ID, orgchart.RemoveSubtree)
		case op < 62 && len(p.Positions) > 1:
			err = e.Remove(pick().ID, orgchart.LiftReports)
		case op < 76 && len(p.Positions) > 1:
			other := pick().ID
			err = e.Update(pick().ID, func(q *orgchart.Position) {
				q.Holder = fmt.Sprintf("Holder %d", i)
				q.Count = rng.IntN(4)
				q.Cost = float64(rng.IntN(5) * 1000)
				if other != q.ID && !slices.Contains(q.DottedTo, other) && rng.IntN(3) == 0 {
					q.DottedTo = append(q.DottedTo, other)
				}
				if rng.IntN(10) == 0 {
					q.Count = -1 // refused
				}
			})
			if err != nil && e.Revision() == rev && strings.Contains(err.Error(), "negative") {
				err = nil
			}
		case op < 80:
			err = e.SetPlan(func(q *orgchart.Plan) { q.Name = fmt.Sprintf("Plan %d", i) })
		case op < 92:
			for k := rng.IntN(4); k >= 0; k-- {
				if rng.IntN(3) == 0 {
					p.Reindex() // undo must cope with no index built as well
				}
				e.Undo()
			}
		default:
			for k := rng.IntN(4); k >= 0; k-- {
				if rng.IntN(3) == 0 {
					p.Reindex()
				}
				e.Redo()
			}
		}
		if err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		applied++
		// After every edit: commands patch the index in place.
		if err := invariants(p); err != nil {
			t.Fatalf("after edit %d: %v", i, err)
		}
		// What the editor makes, Read accepts: a saved plan always loads.
		if i%500 == 0 {
			if _, _, err := orgchart.Read(p.Encode(), "saved.yaml", builtin(t)); err != nil {
				t.Fatalf("after edit %d the saved plan does not load: %v", i, err)
			}
		}
	}
	if refusedCycles < 100 {
		t.Errorf("only %d refused cycles: the test does not exercise them", refusedCycles)
	}
	edited := snap(p)
	undos := 0
	for e.Undo() {
		undos++
		if undos%200 == 0 {
			if err := invariants(p); err != nil {
				t.Fatalf("after %d undos: %v", undos, err)
			}
		}
	}
	if err := original.equal(p); err != nil {
		t.Fatalf("after undoing all %d changes: %v", undos, err)
	}
	if e.Dirty() {
		t.Errorf("dirty after undoing everything")
	}
	// Redo exactly what was undone: the edits may have ended with undos, so
	// the redo stack can reach past the edited state.
	for k := 0; k < undos; k++ {
		if !e.Redo() {
			t.Fatalf("redo %d of %d failed", k+1, undos)
		}
	}
	if err := edited.equal(p); err != nil {
		t.Fatalf("after redoing all: %v", err)
	}
	if undos < 1000 {
		t.Errorf("only %d changes on the undo stack", undos)
	}
}

// TestEditorRemoveDropsIntendedArrangement: a removed position leaves the
// policy's intended list (or the saved plan would not load), and undo brings
// it back.
func TestEditorRemoveDropsIntendedArrangement(t *testing.T) {
	src := "version: 1\npolicy:\n  intended:\n    - b\n    - a\npositions:\n  - {id: a, role: chief-technology-officer}\n  - {id: b, role: vp-of-engineering, reportsTo: a}\n"
	p, _, err := orgchart.Read([]byte(src), "intended.yaml", builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	e := orgchart.NewEditor(p)
	before, order := p.Encode(), ids(p)
	if err := e.Remove("b", orgchart.RemoveSubtree); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Policy.Intended, []string{"a"}) {
		t.Fatalf("intended = %v", p.Policy.Intended)
	}
	if _, _, err := orgchart.Read(p.Encode(), "saved.yaml", builtin(t)); err != nil {
		t.Fatalf("the saved plan does not load: %v", err)
	}
	undoRedo(t, e, before, order)
	if _, _, err := orgchart.Read([]byte(strings.Replace(src, "- a\n", "- ghost\n", 1)), "x.yaml", nil); err == nil || !strings.Contains(err.Error(), "x.yaml:5:") {
		t.Errorf("an intended id naming no position: err = %v", err)
	}
}

// TestEditorKeepsDepthLimit: no add or move makes a plan that Read would
// refuse for being deeper than MaxDepth.
func TestEditorKeepsDepthLimit(t *testing.T) {
	p := orgchart.NewPlan("deep")
	e := orgchart.NewEditor(p)
	top, _ := e.Add("chief-technology-officer", "")
	last := top
	for range orgchart.MaxDepth {
		next, err := e.Add("software-engineering-manager", last.ID)
		if err != nil {
			t.Fatal(err)
		}
		last = next
	}
	if _, err := e.Add("software-engineer", last.ID); err == nil || !strings.Contains(err.Error(), "levels") {
		t.Errorf("add past MaxDepth: %v", err)
	}
	other, _ := e.Add("vp-of-it", "")
	e.Add("it-operations-manager", other.ID)
	if err := e.Move(other.ID, last.ID); err == nil || !strings.Contains(err.Error(), "levels") {
		t.Errorf("move past MaxDepth: %v", err)
	}
	if _, _, err := orgchart.Read(p.Encode(), "deep.yaml", nil); err != nil {
		t.Errorf("the edited plan does not load: %v", err)
	}
}
