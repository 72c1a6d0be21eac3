package state

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// Change says what a notification from State is about, so each widget
// refreshes only what it shows.
type Change int

// Kinds of change; several can come at once.
const (
	ChangedPlan      Change = 1 << iota // positions or plan fields: re-checked and re-laid out
	ChangedSelection                    // the selected position
	ChangedFile                         // the file path, the plan replaced, or the saved state
	ChangedLayout                       // collapse state: re-laid out, plan unchanged
)

// State is the controller between the widgets and the model: it owns the
// editor of the open plan, its catalog, the latest check report and layout,
// the selection and the file the plan came from. Every edit goes through it,
// and after every edit it re-checks and re-lays out before telling the
// widgets, so they never see a stale report.
type State struct {
	base *catalog.Catalog // the built-in catalog
	cat  *catalog.Catalog // base extended by the plan's own catalog file

	ed     *orgchart.Editor
	path   string // "" until the plan is saved to or opened from a file
	report *check.Report
	lay    *layout.Layout

	collapsed map[string]bool
	selected  string
	// unsaved marks a plan restored from a recovery copy: unsaved although
	// the editor has no history yet.
	unsaved bool

	listeners []func(Change)

	// undoSteps and redoSteps say what each entry of the editor's history
	// did, for "Undid moving …" and to bring it into view; every edit goes
	// through State, so they stay in step with the editor's stacks.
	undoSteps, redoSteps []Step
	lastStep             Step

	// eng lays out incrementally: pending are the positions an edit, undo
	// or redo changed (Engine.Changed), afresh says the next layout starts
	// over (a loaded plan), engCollapsed what it was told of collapse marks.
	eng     *layout.Engine
	pending []string
	// checker re-checks incrementally with the same pending positions
	// (check.Checker.Changed); recheckAll says it starts over (a loaded
	// plan).
	checker      *check.Checker
	afresh       bool
	recheckAll   bool
	engCollapsed map[string]bool
	// checking receives the checker of a plan opened with LoadPrepared while
	// its check is under way (nil otherwise); loads counts the plans opened,
	// so a check that arrives after another plan was opened is dropped.
	checking chan *check.Checker
	loads    int
}

// Step describes one edit: what it did, in words, and the position to show
// after undoing or redoing it (Near when ID is gone).
type Step struct {
	What     string // "moving Software Engineer (Ada) under CTO"
	ID, Near string
}

// record notes an edit just applied to the editor.
func (s *State) record(st Step) {
	s.undoSteps = append(s.undoSteps, st)
	s.redoSteps = s.redoSteps[:0]
}

// LastStep is the edit the last Undo or Redo undid or redid.
func (s *State) LastStep() Step { return s.lastStep }

// UndoStep is what Undo would undo ("" What when unknown or nothing).
func (s *State) UndoStep() Step {
	if n := len(s.undoSteps); n > 0 && s.ed.CanUndo() {
		return s.undoSteps[n-1]
	}
	return Step{}
}

// RedoStep is what Redo would redo.
func (s *State) RedoStep() Step {
	if n := len(s.redoSteps); n > 0 && s.ed.CanRedo() {
		return s.redoSteps[n-1]
	}
	return Step{}
}

// New starts with an empty plan.
func New(base *catalog.Catalog) *State {
	s := &State{base: base, cat: base, collapsed: map[string]bool{}}
	s.ed = orgchart.NewEditor(orgchart.NewPlan("Untitled plan"))
	s.ed.SetCatalog(base)
	s.recompute()
	return s
}

// Listen registers a function called after every change.
func (s *State) Listen(fn func(Change)) { s.listeners = append(s.listeners, fn) }

func (s *State) notify(c Change) {
	for _, fn := range s.listeners {
		fn(c)
	}
}

// Catalog is the catalog the open plan is checked against.
func (s *State) Catalog() *catalog.Catalog { return s.cat }

// Base is the built-in catalog.
func (s *State) Base() *catalog.Catalog { return s.base }

// Plan is the open plan. Change it only through State.
func (s *State) Plan() *orgchart.Plan { return s.ed.Plan() }

// Editor is the open plan's editor (for undo state and revision).
func (s *State) Editor() *orgchart.Editor { return s.ed }

// Report is the check report of the plan as it is now.
func (s *State) Report() *check.Report { return s.report }

// Layout is the chart layout of the plan as it is now.
func (s *State) Layout() *layout.Layout { return s.lay }

// Path is the file the plan was opened from or saved to; "" when none.
func (s *State) Path() string { return s.path }

// Dirty reports unsaved changes.
func (s *State) Dirty() bool { return s.unsaved || s.ed.Dirty() }

// MarkUnsaved marks the plan as holding unsaved work (a restored recovery copy).
func (s *State) MarkUnsaved() {
	s.unsaved = true
	s.notify(ChangedFile)
}

// Selected is the id of the selected position, "" when none.
func (s *State) Selected() string { return s.selected }

// SelectedPosition is the selected position or nil.
func (s *State) SelectedPosition() *orgchart.Position {
	if s.selected == "" {
		return nil
	}
	return s.Plan().Position(s.selected)
}

// Load replaces the open plan (after the caller has asked about unsaved changes).
func (s *State) Load(p *orgchart.Plan, cat *catalog.Catalog, path string) {
	s.loadEditor(p, cat, path)
	s.collapsed = overview(p)
	s.afresh, s.recheckAll = true, true
	s.checking = nil
	s.loads++
	s.recompute()
	s.notify(ChangedPlan | ChangedFile | ChangedSelection)
}

// loadEditor starts editing a plan read from path: a new editor and
// history, nothing selected.
func (s *State) loadEditor(p *orgchart.Plan, cat *catalog.Catalog, path string) {
	if cat == nil {
		cat = s.base
	}
	s.ed = orgchart.NewEditor(p)
	s.ed.SetCatalog(cat)
	s.cat = cat
	s.path = path
	s.unsaved = false
	s.selected = ""
	s.undoSteps, s.redoSteps, s.lastStep = nil, nil, Step{}
	s.pending = s.pending[:0]
}

// Plans with more positions than overviewPositions open as an overview:
// managers overviewDepth levels below the top are collapsed ("+N below"), so
// the first view shows the shape of the organisation instead of a few cards
// of a chart tens of thousands of pixels wide.
const (
	overviewPositions = 150
	overviewDepth     = 2
)

func overview(p *orgchart.Plan) map[string]bool {
	collapsed := map[string]bool{}
	if len(p.Positions) <= overviewPositions {
		return collapsed
	}
	p.Walk(func(pos *orgchart.Position, depth int) bool {
		if depth == overviewDepth && len(p.Reports(pos.ID)) > 0 {
			collapsed[pos.ID] = true
		}
		return true
	})
	return collapsed
}

// SavedAs records that the plan was written to path.
func (s *State) SavedAs(path string) {
	s.path = path
	s.unsaved = false
	s.ed.MarkSaved()
	s.notify(ChangedFile)
}

// Select selects a position ("" clears the selection).
func (s *State) Select(id string) {
	if id != "" && s.Plan().Position(id) == nil {
		id = ""
	}
	if id == s.selected {
		return
	}
	s.selected = id
	s.notify(ChangedSelection)
}

// Collapsed reports whether the position's reports are hidden on the chart.
func (s *State) Collapsed(id string) bool { return s.collapsed[id] }

// ToggleCollapsed hides or shows a manager's reports on the chart.
func (s *State) ToggleCollapsed(id string) {
	if s.collapsed[id] {
		delete(s.collapsed, id)
	} else {
		s.collapsed[id] = true
	}
	s.lay = s.computeLayout()
	s.notify(ChangedLayout)
}

// ExpandAll shows every position on the chart.
func (s *State) ExpandAll() {
	if len(s.collapsed) == 0 {
		return
	}
	clear(s.collapsed)
	s.lay = s.computeLayout()
	s.notify(ChangedLayout)
}

// Tidy lays the chart out afresh, as compact as a plan just opened: the
// room that edits and folds kept so that the view did not jump (a team
// moved away leaves its slot) is given back.
func (s *State) Tidy() {
	s.afresh = true
	s.lay = s.computeLayout()
	s.notify(ChangedLayout)
}

// CollapseToLevel shows the top positions and the level-1 levels below
// them: every manager at that depth (0 = the top) folds its reports.
func (s *State) CollapseToLevel(level int) {
	clear(s.collapsed)
	p := s.Plan()
	p.Walk(func(pos *orgchart.Position, depth int) bool {
		if depth == level-1 && len(p.Reports(pos.ID)) > 0 {
			s.collapsed[pos.ID] = true
		}
		return true
	})
	s.lay = s.computeLayout()
	s.notify(ChangedLayout)
}

// Reveal expands every collapsed manager above the position so its card is shown.
func (s *State) Reveal(id string) {
	p := s.Plan()
	pos := p.Position(id)
	changed := false
	for m := p.Manager(pos); pos != nil && m != nil; m = p.Manager(m) {
		if s.collapsed[m.ID] {
			delete(s.collapsed, m.ID)
			changed = true
		}
	}
	if changed {
		s.lay = s.computeLayout()
		s.notify(ChangedLayout)
	}
}

// Add adds a vacant position in the role under the manager ("" = top position)
// and selects it.
func (s *State) Add(role, managerID string) (*orgchart.Position, error) {
	s.waitCheck() // the check of a plan just opened reads it
	pos, err := s.ed.Add(role, managerID)
	if err != nil {
		return nil, err
	}
	where := "as a top position"
	if m := s.Plan().Position(managerID); m != nil {
		where = "under " + s.Label(m)
	}
	s.record(Step{What: "adding " + s.Title(pos) + " " + where, ID: pos.ID, Near: managerID})
	if managerID != "" {
		delete(s.collapsed, managerID) // show where the new card went
	}
	s.selected = pos.ID
	s.edited(ChangedSelection)
	return pos, nil
}

// Move moves a position with its subtree under another manager.
func (s *State) Move(id, managerID string) error {
	s.waitCheck() // the check of a plan just opened reads it
	if err := s.CanMove(id, managerID); err != nil {
		return err
	}
	before := s.Plan().Position(id)
	from := ""
	if before != nil {
		from = before.ReportsTo
	}
	if err := s.ed.Move(id, managerID); err != nil {
		return err
	}
	where := "to the top level"
	if m := s.Plan().Position(managerID); m != nil {
		where = "under " + s.Label(m)
	}
	s.record(Step{What: "moving " + s.Label(s.Plan().Position(id)) + " " + where, ID: id, Near: from})
	delete(s.collapsed, managerID)
	s.edited(0)
	return nil
}

// CanMove says why a move would be refused, or nil. A cycle is explained
// with titles and holders, as a person reads the chart.
func (s *State) CanMove(id, managerID string) error {
	err := s.ed.CanMove(id, managerID)
	var cyc *orgchart.CycleError
	if !errors.As(err, &cyc) {
		return err
	}
	p := s.Plan()
	pos, mgr := p.Position(id), p.Position(managerID)
	if pos == nil || mgr == nil {
		return err
	}
	if pos == mgr {
		return fmt.Errorf("%s cannot report to itself", s.Label(pos))
	}
	return fmt.Errorf("%s cannot report to %s, who is below it: that would make a reporting cycle", s.Label(pos), s.Label(mgr))
}

// Remove removes a position, with its subtree or lifting its reports.
func (s *State) Remove(id string, mode orgchart.RemoveMode) error {
	s.waitCheck() // the check of a plan just opened reads it
	pos := s.Plan().Position(id)
	what, near := "", ""
	if pos != nil {
		what, near = "removing "+s.Label(pos), pos.ReportsTo
		if n := len(s.Plan().Reports(id)); n > 0 && mode == orgchart.RemoveSubtree {
			what += fmt.Sprintf(" and the %s below", Plural(s.SubtreeSize(id)-1, "position", "positions"))
		}
	}
	if err := s.ed.Remove(id, mode); err != nil {
		return err
	}
	s.record(Step{What: what, ID: id, Near: near})
	s.edited(0)
	return nil
}

// Update changes fields of a position.
func (s *State) Update(id string, change func(*orgchart.Position)) error {
	s.waitCheck() // the check of a plan just opened reads it
	if err := s.ed.Update(id, change); err != nil {
		return err
	}
	s.record(Step{What: "editing " + s.Label(s.Plan().Position(id)), ID: id})
	s.edited(0)
	return nil
}

// SetRelation sets what a position does with a capability: owns, supports
// or neither (orgchart writes the smallest owns/supports/notOwns change
// against its role).
func (s *State) SetRelation(id, capID string, rel orgchart.Relation) error {
	s.waitCheck() // the check of a plan just opened reads it
	if err := s.ed.SetRelation(id, capID, rel); err != nil {
		return err
	}
	name := capID
	if c := s.cat.Capability(capID); c != nil {
		name = c.Name
	}
	s.record(Step{What: "changing what " + s.Label(s.Plan().Position(id)) + " does with " + name, ID: id})
	s.edited(0)
	return nil
}

// SetPlan changes plan-level fields (name, scope, policy).
func (s *State) SetPlan(change func(*orgchart.Plan)) error {
	s.waitCheck() // the check of a plan just opened reads it
	if err := s.ed.SetPlan(change); err != nil {
		return err
	}
	s.record(Step{What: "changing the plan's settings"})
	s.edited(ChangedFile) // the name is in the window title
	return nil
}

// Undo undoes the last edit; false when there is none.
func (s *State) Undo() bool {
	s.waitCheck() // the check of a plan just opened reads it
	if !s.ed.Undo() {
		return false
	}
	s.lastStep = Step{}
	if n := len(s.undoSteps); n > 0 {
		s.lastStep = s.undoSteps[n-1]
		s.undoSteps = s.undoSteps[:n-1]
		s.redoSteps = append(s.redoSteps, s.lastStep)
	}
	s.edited(ChangedFile)
	return true
}

// Redo redoes the last undone edit; false when there is none.
func (s *State) Redo() bool {
	s.waitCheck() // the check of a plan just opened reads it
	if !s.ed.Redo() {
		return false
	}
	s.lastStep = Step{}
	if n := len(s.redoSteps); n > 0 {
		s.lastStep = s.redoSteps[n-1]
		s.redoSteps = s.redoSteps[:n-1]
		s.undoSteps = append(s.undoSteps, s.lastStep)
	}
	s.edited(ChangedFile)
	return true
}

// edited re-checks and re-lays out after an edit, an undo or a redo (what
// the editor says it touched) and tells the widgets.
func (s *State) edited(extra Change) {
	s.touched()
	s.recompute()
	c := ChangedPlan | ChangedFile | extra
	if s.selected != "" && s.Plan().Position(s.selected) == nil {
		s.selected = ""
		c |= ChangedSelection
	}
	s.notify(c)
}

func (s *State) recompute() {
	s.report = s.recheck()
	s.lay = s.computeLayout()
}

// recheck checks the plan again through the incremental checker: only what
// the pending positions touch is evaluated again; the report is Run's.
func (s *State) recheck() *check.Report {
	s.waitCheck()
	if s.checker == nil || s.recheckAll || s.checker.Plan() != s.Plan() || s.checker.Catalog() != s.cat {
		s.checker = check.NewChecker(s.Plan(), s.cat)
		s.recheckAll = false
		return s.checker.Report()
	}
	if len(s.pending) > 0 {
		s.checker.Changed(s.pending...)
	}
	return s.checker.Recheck()
}

// computeLayout lays the plan out again through the incremental engine:
// only the subtrees an edit or a collapse touched are arranged again.
// Collapse marks of positions that no longer have reports are harmless.
func (s *State) computeLayout() *layout.Layout {
	// One or a few folds go through the engine, so the rest of the chart keeps
	// its place (the view must not jump); a bulk change (Expand all, Collapse
	// to level N) lays the chart out afresh, compact again.
	diff := collapseDiff(s.engCollapsed, s.collapsed)
	if s.eng == nil || s.afresh || len(diff) > maxStableFolds {
		s.eng = layout.NewEngine(s.Plan(), layout.Options{Collapsed: maps.Clone(s.collapsed)})
		s.engCollapsed = maps.Clone(s.collapsed)
		s.afresh, s.pending = false, s.pending[:0]
		return s.eng.Layout()
	}
	for _, id := range diff {
		s.eng.SetCollapsed(id, s.collapsed[id])
	}
	if len(diff) > 0 {
		s.engCollapsed = maps.Clone(s.collapsed)
	}
	if len(s.pending) > 0 {
		s.eng.Changed(s.pending...)
		s.pending = s.pending[:0]
	}
	return s.eng.Relayout()
}

// maxStableFolds is how many folds may change at once and still keep the
// chart's other cards where they were (Reveal opens a few above a result).
const maxStableFolds = 8

// collapseDiff lists the positions whose fold differs between two sets of
// collapse marks, in a fixed order.
func collapseDiff(was, now map[string]bool) []string {
	var ids []string
	for id := range now {
		if !was[id] {
			ids = append(ids, id)
		}
	}
	for id := range was {
		if !now[id] {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// touched notes the positions the editor's last change (an edit, an undo
// or a redo) touched, for the next re-check and layout. A change of the
// plan's settings (PlanChanged) touches none: the Checker sees a new policy
// or scope itself at Recheck, and the layout does not depend on them.
func (s *State) touched() {
	s.pending = append(s.pending, s.ed.Touched()...)
}

// Role is the catalog role of a position, or nil when unknown.
func (s *State) Role(pos *orgchart.Position) *catalog.Role {
	if pos == nil {
		return nil
	}
	return s.cat.Role(pos.Role)
}

// Title is what a position's card shows as its title: look's one rule.
func (s *State) Title(pos *orgchart.Position) string { return look.Title(pos, s.cat) }

// Label names a position for messages: its title and its holder.
func (s *State) Label(pos *orgchart.Position) string {
	if pos == nil {
		return ""
	}
	return look.Label(pos, s.cat)
}

// SubtreeSize counts the position and every position below it.
func (s *State) SubtreeSize(id string) int {
	p := s.Plan()
	n := 0
	stack := []string{id}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p.Position(cur) == nil {
			continue
		}
		n++
		for _, r := range p.Reports(cur) {
			stack = append(stack, r.ID)
		}
	}
	return n
}

// Plural is "1 position" or "3 positions": orgchart.Count, the one count
// rule of the checks, the chart and the window.
func Plural(n int, one, many string) string { return orgchart.Count(n, one, many) }
