package orgchart

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"unicode/utf8"

	"github.com/orgplanner/orgplanner/catalog"

	"go.yaml.in/yaml/v3"
)

// RemoveMode says what happens to the reports of a removed position.
type RemoveMode int

const (
	// RemoveSubtree removes the position and everyone below it.
	RemoveSubtree RemoveMode = iota
	// LiftReports removes only the position; its direct reports move to its
	// manager (or become top positions when it had none).
	LiftReports
)

// CycleError is why a move was refused: the new manager is the position
// itself or somewhere below it.
type CycleError struct {
	ID, ManagerID string
	msg           string
}

func (e *CycleError) Error() string { return e.msg }

// ErrNotFound is wrapped by errors about ids that name no position.
var ErrNotFound = errors.New("no such position")

func (e *Editor) describe(pos *Position) string { return describePosition(pos, e.cat) }

func (e *Editor) find(id string) (*Position, error) {
	if pos := e.plan.Position(id); pos != nil {
		return pos, nil
	}
	return nil, fmt.Errorf("position %q: %w", id, ErrNotFound)
}

// Add adds a vacant position in the role under the manager ("" for a top
// position) and returns it.
func (e *Editor) Add(role, managerID string) (*Position, error) {
	return e.AddPosition(Position{Role: role, ReportsTo: managerID})
}

// AddPosition adds a position with all its fields (a new id when ID is
// empty) after the existing ones, so it is its manager's last report.
func (e *Editor) AddPosition(pos Position) (*Position, error) {
	if pos.ID == "" {
		pos.ID = NewID()
	}
	if e.plan.Position(pos.ID) != nil {
		return nil, fmt.Errorf("add position: id %s is already used by %s", pos.ID, e.describe(e.plan.Position(pos.ID)))
	}
	if len(e.plan.Positions) >= MaxPositions {
		return nil, fmt.Errorf("add position: the plan already has %d positions, the most a plan may hold", MaxPositions)
	}
	if pos.ReportsTo != "" {
		mgr, err := e.find(pos.ReportsTo)
		if err != nil {
			return nil, fmt.Errorf("add position: its manager: %w", err)
		}
		if d := e.depth(mgr) + 1; d > MaxDepth {
			return nil, fmt.Errorf("add position: it would be %d levels below its top position, more than the %d a plan may have", d, MaxDepth)
		}
	}
	pos.DottedTo = slices.Clone(pos.DottedTo)
	pos.Owns, pos.Supports, pos.NotOwns = slices.Clone(pos.Owns), slices.Clone(pos.Supports), slices.Clone(pos.NotOwns)
	pos.Line = 0
	if err := e.validate(&pos); err != nil {
		return nil, fmt.Errorf("add position: %w", err)
	}
	added := &pos
	e.apply(&insertCmd{pos: added, at: len(e.plan.Positions)})
	return added, nil
}

// CanMove reports whether Move(id, managerID) would succeed, without moving.
func (e *Editor) CanMove(id, managerID string) error {
	pos, err := e.find(id)
	if err != nil {
		return fmt.Errorf("move: %w", err)
	}
	if managerID == "" {
		return nil
	}
	mgr, err := e.find(managerID)
	if err != nil {
		return fmt.Errorf("move %s: new manager: %w", e.describe(pos), err)
	}
	if mgr == pos {
		return &CycleError{ID: id, ManagerID: managerID,
			msg: fmt.Sprintf("%s cannot report to itself", e.describe(pos))}
	}
	// Walk up from the new manager; meeting pos means a cycle. The bound
	// guards against a plan that already holds a cycle.
	for up, steps := mgr, 0; up != nil && steps <= len(e.plan.Positions); up, steps = e.plan.Manager(up), steps+1 {
		if up == pos {
			return &CycleError{ID: id, ManagerID: managerID,
				msg: fmt.Sprintf("%s cannot report to %s: %s is in %s's own reporting line",
					e.describe(pos), e.describe(mgr), mgr.ID, pos.ID)}
		}
	}
	// A chain cannot outgrow MaxDepth in a plan with fewer positions; the
	// subtree walk below only runs for larger plans.
	if len(e.plan.Positions) <= MaxDepth {
		return nil
	}
	if d := e.depth(mgr) + 1 + e.height(pos); d > MaxDepth {
		return fmt.Errorf("move %s: its team would reach %d levels below the top position, more than the %d a plan may have", e.describe(pos), d, MaxDepth)
	}
	return nil
}

// depth is how many levels pos is below its top position.
func (e *Editor) depth(pos *Position) int {
	d := 0
	for up := e.plan.Manager(pos); up != nil && d <= len(e.plan.Positions); up = e.plan.Manager(up) {
		d++
	}
	return d
}

// height is how many levels the subtree below pos has (0 for no reports).
func (e *Editor) height(pos *Position) int {
	type frame struct {
		pos *Position
		h   int
	}
	best := 0
	stack := []frame{{pos, 0}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		best = max(best, f.h)
		for _, r := range e.plan.Reports(f.pos.ID) {
			stack = append(stack, frame{r, f.h + 1})
		}
	}
	return best
}

// Move makes the position (with its whole subtree) report to managerID, ""
// for a top position; it becomes the manager's last report. A move that would
// make a cycle is refused with a *CycleError.
func (e *Editor) Move(id, managerID string) error {
	if err := e.CanMove(id, managerID); err != nil {
		return err
	}
	pos := e.plan.Position(id)
	if pos.ReportsTo == managerID {
		return nil
	}
	at := slices.Index(e.plan.Positions, pos)
	e.apply(&moveCmd{pos: pos, from: pos.ReportsTo, to: managerID, at: at, sibAt: -1})
	return nil
}

// Remove removes the position: with everyone below it (RemoveSubtree) or
// moving its direct reports to its manager (LiftReports). Dotted lines to
// removed positions go too; Undo restores everything.
func (e *Editor) Remove(id string, mode RemoveMode) error {
	pos, err := e.find(id)
	if err != nil {
		return fmt.Errorf("remove: %w", err)
	}
	if mode != RemoveSubtree && mode != LiftReports {
		return fmt.Errorf("remove %s: unknown remove mode %d", e.describe(pos), mode)
	}
	e.apply(newRemoveCmd(e.plan, pos, mode))
	return nil
}

// Update changes a position's fields through change, which gets a copy.
// ID and ReportsTo cannot change (use Move); invalid values are refused and
// leave the position as it was.
func (e *Editor) Update(id string, change func(*Position)) error {
	pos, err := e.find(id)
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}
	after := *pos
	after.DottedTo = slices.Clone(pos.DottedTo)
	after.Owns, after.Supports, after.NotOwns = slices.Clone(pos.Owns), slices.Clone(pos.Supports), slices.Clone(pos.NotOwns)
	change(&after)
	switch {
	case after.ID != pos.ID:
		return fmt.Errorf("update %s: the id cannot change", e.describe(pos))
	case after.ReportsTo != pos.ReportsTo:
		return fmt.Errorf("update %s: change the manager with Move, not Update", e.describe(pos))
	}
	after.Line = pos.Line
	if err := e.validate(&after); err != nil {
		return fmt.Errorf("update %s: %w", e.describe(pos), err)
	}
	if equalPosition(pos, &after) {
		return nil
	}
	if len(after.DottedTo) == 0 {
		after.DottedTo = nil
	}
	for _, l := range []*[]string{&after.Owns, &after.Supports, &after.NotOwns} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	e.apply(&updateCmd{pos: pos, before: *pos, after: after})
	return nil
}

// SetPlan changes the plan-level fields (name, scope, policy, catalog,
// header) through change, which gets a copy; the positions cannot change
// here. Replace the policy's maps rather than changing them in place.
func (e *Editor) SetPlan(change func(*Plan)) error {
	before := fieldsOf(e.plan)
	cp := *e.plan
	cp.Scope = slices.Clone(e.plan.Scope)
	change(&cp)
	if len(cp.Positions) != len(e.plan.Positions) || len(cp.Positions) > 0 && &cp.Positions[0] != &e.plan.Positions[0] {
		return errors.New("set plan: change positions with the editing operations, not SetPlan")
	}
	if cp.Version != e.plan.Version {
		return errors.New("set plan: the format version cannot change")
	}
	seen := map[catalog.Domain]bool{}
	for _, d := range cp.Scope {
		if !isDomain(string(d)) {
			return fmt.Errorf("set plan: unknown scope domain %q: use one of %s", d, domainList())
		}
		if seen[d] {
			return fmt.Errorf("set plan: scope lists %s twice", d)
		}
		seen[d] = true
	}
	if err := e.validPolicy(cp.Policy); err != nil {
		return fmt.Errorf("set plan: %w", err)
	}
	after := fieldsOf(&cp)
	if reflect.DeepEqual(before, after) {
		return nil // nothing changed: no history entry, still clean
	}
	e.apply(&setPlanCmd{before: before, after: after})
	return nil
}

// validPolicy checks a policy the way reading the saved plan would: it is
// encoded and decoded again, and every intended id must name a position.
func (e *Editor) validPolicy(pol Policy) error {
	text := encodePolicy(pol)
	if len(text) > 0 {
		var doc yaml.Node
		if err := yaml.Unmarshal(append([]byte("policy:\n"), text...), &doc); err != nil {
			return fmt.Errorf("the policy does not encode as YAML: %w", err)
		}
		if _, probs := decodePolicy(doc.Content[0].Content[1], "policy"); len(probs) > 0 {
			return fmt.Errorf("invalid policy: %s", probs[0].Message)
		}
	}
	for _, id := range pol.Intended {
		if e.plan.Position(id) == nil {
			return fmt.Errorf("policy.intended names %q: %w", id, ErrNotFound)
		}
	}
	return nil
}

// validate checks a position's own fields and its dotted lines.
func (e *Editor) validate(pos *Position) error {
	if !validID(pos.ID) {
		return fmt.Errorf("id %q is not usable: ids are 1-%d letters, digits and . _ : -", pos.ID, MaxIDLength)
	}
	if pos.Role == "" {
		return errors.New("a position needs a role")
	}
	if e.cat != nil && e.cat.Role(pos.Role) == nil {
		msg := fmt.Sprintf("role %q is not in the catalog", pos.Role)
		ids := make([]string, 0, len(e.cat.Roles))
		for _, r := range e.cat.Roles {
			ids = append(ids, r.ID)
		}
		if near := closest(pos.Role, ids, 3); len(near) > 0 {
			msg += fmt.Sprintf(" (closest: %v)", near)
		}
		return errors.New(msg)
	}
	switch {
	case pos.Count < 0:
		return fmt.Errorf("count %d is negative: use 1 or more, or 0 for a single person", pos.Count)
	case pos.Count > MaxCount:
		return fmt.Errorf("count %d is more than the %d people a position may stand for", pos.Count, MaxCount)
	case math.IsNaN(pos.Cost) || math.IsInf(pos.Cost, 0) || pos.Cost < 0:
		return fmt.Errorf("cost %v must be 0 or more", pos.Cost)
	case pos.Cost > MaxCost:
		return fmt.Errorf("cost %v is more than %d a year per person", pos.Cost, MaxCost)
	}
	for _, s := range []string{pos.Role, pos.Title, pos.Holder, pos.Notes} {
		if !utf8.ValidString(s) {
			return errors.New("text must be valid UTF-8")
		}
	}
	if probs := ownershipProblems(pos, e.cat, func() []string { return capabilityIDs(e.cat) }); len(probs) > 0 {
		return fmt.Errorf("it %s", probs[0].msg)
	}
	for i, d := range pos.DottedTo {
		switch {
		case d == pos.ID:
			return errors.New("a position cannot have a dotted line to itself")
		case e.plan.Position(d) == nil:
			return fmt.Errorf("dotted line to %q: %w", d, ErrNotFound)
		case slices.Contains(pos.DottedTo[:i], d):
			return fmt.Errorf("dotted line to %s is listed twice", d)
		}
	}
	return nil
}

func equalPosition(a, b *Position) bool {
	return a.ID == b.ID && a.Role == b.Role && a.Title == b.Title && a.Holder == b.Holder &&
		a.ReportsTo == b.ReportsTo && a.Count == b.Count && slices.Equal(a.DottedTo, b.DottedTo) &&
		a.Cost == b.Cost && a.Notes == b.Notes &&
		slices.Equal(a.Owns, b.Owns) && slices.Equal(a.Supports, b.Supports) && slices.Equal(a.NotOwns, b.NotOwns)
}
