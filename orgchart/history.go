package orgchart

import "github.com/orgplanner/orgplanner/catalog"

// command is one undoable change to a plan. do and undo restore each other's
// state exactly, slice order included.
type command interface {
	do(p *Plan)
	undo(p *Plan)
	// touched lists the ids of the positions whose card, reports or manager
	// the command changes (either way: do and undo touch the same ones), in
	// a fixed order, repeats allowed; nil for a settings-only command.
	touched() []string
	// settings reports whether the command changes plan-level settings
	// (policy, name, scope, catalog, header).
	settings() bool
}

// applied is a command on the undo or redo stack, with the state serial it
// produced (so the editor knows when it is back at the saved state).
type applied struct {
	cmd    command
	serial uint64
	before uint64 // the state serial before the command
}

// Editor changes one plan through undoable commands; the history lives here,
// not in the UI. It is not safe for concurrent use.
type Editor struct {
	plan *Plan
	cat  *catalog.Catalog

	undo, redo []applied
	state      uint64 // serial of the current state
	nextSerial uint64
	saved      uint64 // serial of the state last saved
	revision   uint64
	last       command // the command the last Apply, Undo or Redo ran
}

// NewEditor wraps p; its current state counts as saved.
func NewEditor(p *Plan) *Editor {
	if p == nil {
		p = NewPlan("")
	}
	return &Editor{plan: p}
}

// SetCatalog makes Add, AddPosition and Update refuse roles the catalog does
// not hold; nil (the default) accepts any role id.
func (e *Editor) SetCatalog(c *catalog.Catalog) { e.cat = c }

// Plan returns the plan being edited. Change it only through the editor.
func (e *Editor) Plan() *Plan { return e.plan }

// apply runs a new command and records it; it clears the redo stack.
func (e *Editor) apply(c command) {
	c.do(e.plan) // commands keep the index right themselves
	e.nextSerial++
	e.undo = append(e.undo, applied{cmd: c, serial: e.nextSerial, before: e.state})
	e.state = e.nextSerial
	e.redo = e.redo[:0]
	e.revision++
	e.last = c
}

// Undo reverts the last change; false when there is none.
func (e *Editor) Undo() bool {
	if len(e.undo) == 0 {
		return false
	}
	a := e.undo[len(e.undo)-1]
	e.undo = e.undo[:len(e.undo)-1]
	a.cmd.undo(e.plan)
	e.redo = append(e.redo, a)
	e.state = a.before
	e.revision++
	e.last = a.cmd
	return true
}

// Redo reapplies the last undone change; false when there is none.
func (e *Editor) Redo() bool {
	if len(e.redo) == 0 {
		return false
	}
	a := e.redo[len(e.redo)-1]
	e.redo = e.redo[:len(e.redo)-1]
	a.cmd.do(e.plan)
	e.undo = append(e.undo, a)
	e.state = a.serial
	e.revision++
	e.last = a.cmd
	return true
}

// CanUndo reports whether Undo has something to revert.
func (e *Editor) CanUndo() bool { return len(e.undo) > 0 }

// CanRedo reports whether Redo has something to reapply.
func (e *Editor) CanRedo() bool { return len(e.redo) > 0 }

// Revision changes on every change, undo and redo: views compare it to know
// when to redraw.
func (e *Editor) Revision() uint64 { return e.revision }

// MarkSaved records the current state as the one on disk.
func (e *Editor) MarkSaved() { e.saved = e.state }

// Dirty reports whether the plan differs from the state last marked saved
// (undoing back to that state makes it clean again).
func (e *Editor) Dirty() bool { return e.state != e.saved }

// Touched lists the positions whose card, reports or manager the last change
// (an edit, Undo or Redo: whatever last changed Revision) altered, so that
// views and checks can redo only what concerns them: for a move the position
// and its old and new managers; for an add or a removal the positions and
// their managers (with a lifted removal, the lifted reports too), plus any
// position whose dotted lines a removal cut; for an update the position.
// Ids of positions no longer in the plan are included (a removal, an undone
// add). The order is fixed and each id is listed once. It is nil before any
// change and when the last change was to the plan's settings alone (then
// PlanChanged is true). The slice is the caller's.
func (e *Editor) Touched() []string {
	if e.last == nil {
		return nil
	}
	ids := e.last.touched()
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// PlanChanged reports whether the last change (see Touched) altered the
// plan's settings: its policy, name, scope, catalog or header. A removal
// that drops intended arrangements of removed positions from the policy
// counts too; then Touched lists the removed positions as well.
func (e *Editor) PlanChanged() bool { return e.last != nil && e.last.settings() }
