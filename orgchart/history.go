package orgchart

import "github.com/orgplanner/orgplanner/catalog"

// command is one undoable change to a plan. do and undo restore each other's
// state exactly, slice order included.
type command interface {
	do(p *Plan)
	undo(p *Plan)
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
