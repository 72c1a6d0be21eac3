package orgchart

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
)

// Relation is how a position stands to one capability.
type Relation int

// The relations, weakest first.
const (
	RelNone     Relation = iota // neither owns nor supports it
	RelSupports                 // contributes to it
	RelOwns                     // is accountable for it
)

// String is "none", "supports" or "owns".
func (r Relation) String() string {
	switch r {
	case RelOwns:
		return "owns"
	case RelSupports:
		return "supports"
	}
	return "none"
}

// Capabilities returns the capability ids the position owns and supports:
// its role's minus its notOwns, plus its own owns and supports. A capability
// both owned and supported counts as owned. The slices may be the catalog's
// own: callers must not change them.
func (p *Position) Capabilities(cat *catalog.Catalog) (owns, supports []string) {
	var role *catalog.Role
	if cat != nil {
		role = cat.Role(p.Role)
	}
	if len(p.Owns) == 0 && len(p.Supports) == 0 && len(p.NotOwns) == 0 {
		if role == nil {
			return nil, nil
		}
		return role.Owns, role.Supports
	}
	if role != nil {
		for _, id := range role.Owns {
			if !slices.Contains(p.NotOwns, id) {
				owns = append(owns, id)
			}
		}
	}
	// notOwns drops the role's relation (owned or supported); the position's
	// own supports may then state a weaker one.
	for _, id := range p.Owns {
		if !slices.Contains(owns, id) {
			owns = append(owns, id)
		}
	}
	add := func(id string) {
		if !slices.Contains(owns, id) && !slices.Contains(supports, id) {
			supports = append(supports, id)
		}
	}
	if role != nil {
		for _, id := range role.Supports {
			if !slices.Contains(p.NotOwns, id) {
				add(id)
			}
		}
	}
	for _, id := range p.Supports {
		add(id)
	}
	return owns, supports
}

// RelationTo is how the position stands to capability id.
func (p *Position) RelationTo(cat *catalog.Catalog, id string) Relation {
	owns, supports := p.Capabilities(cat)
	switch {
	case slices.Contains(owns, id):
		return RelOwns
	case slices.Contains(supports, id):
		return RelSupports
	}
	return RelNone
}

// MaxOwnershipList is the most capability ids one owns, supports or notOwns
// list may hold (the built-in catalog has about 130 capabilities).
const MaxOwnershipList = 500

// ownershipFields name the three lists in the file and in messages.
var ownershipFields = [3]string{"owns", "supports", "notOwns"}

// ownershipProblem is one bad entry of a position's ownership lists.
type ownershipProblem struct {
	field int // index into ownershipFields
	item  int // index into that list
	msg   string
}

// ownershipProblems checks the three lists: every id a catalog capability
// (when cat is given), none repeated, none both owned and supported or both
// owned and not owned. The reader and the Editor share it.
func ownershipProblems(pos *Position, cat *catalog.Catalog, capIDs func() []string) []ownershipProblem {
	var out []ownershipProblem
	lists := [3][]string{pos.Owns, pos.Supports, pos.NotOwns}
	for f, list := range lists {
		if len(list) > MaxOwnershipList {
			// Checked before the items: repeats are found by scanning, and a
			// hostile list of a million ids must not cost a million squared.
			out = append(out, ownershipProblem{f, MaxOwnershipList, fmt.Sprintf("lists %d capabilities in %s, more than the %d a position may: a catalog has far fewer", len(list), ownershipFields[f], MaxOwnershipList)})
			continue
		}
		for i, id := range list {
			field := ownershipFields[f]
			switch {
			case id == "":
				out = append(out, ownershipProblem{f, i, fmt.Sprintf("has an empty %s entry: each entry is a capability id", field)})
			case cat != nil && cat.Capability(id) == nil:
				msg := fmt.Sprintf("has %s entry %q, which is not a catalog capability", field, id)
				if near := closest(id, capIDs(), 3); len(near) > 0 {
					msg += " (closest: " + strings.Join(near, ", ") + ")"
				}
				out = append(out, ownershipProblem{f, i, msg + "; orgplanner catalog lists the capability ids"})
			case slices.Contains(list[:i], id):
				out = append(out, ownershipProblem{f, i, fmt.Sprintf("lists %q twice in %s: keep one", id, field)})
			case f == 1 && slices.Contains(pos.Owns, id):
				out = append(out, ownershipProblem{f, i, fmt.Sprintf("both owns and supports %q: a position either owns (is accountable for) a capability or supports it", id)})
			case f == 2 && slices.Contains(pos.Owns, id):
				out = append(out, ownershipProblem{f, i, fmt.Sprintf("lists %q in both owns and notOwns: keep one", id)})
			}
		}
	}
	return out
}

// capabilityIDs lists the catalog's capability ids, for suggestions.
func capabilityIDs(cat *catalog.Catalog) []string {
	if cat == nil {
		return nil
	}
	ids := make([]string, 0, len(cat.Capabilities))
	for _, c := range cat.Capabilities {
		ids = append(ids, c.ID)
	}
	return ids
}

// SetRelation makes the position stand to capability capID as rel, writing
// the smallest owns/supports/notOwns lists that say so beside its role's,
// as one undoable step. It is the inspector's ownership control.
func (e *Editor) SetRelation(id, capID string, rel Relation) error {
	pos, err := e.find(id)
	if err != nil {
		return fmt.Errorf("set ownership: %w", err)
	}
	if e.cat != nil && e.cat.Capability(capID) == nil {
		msg := fmt.Sprintf("set ownership of %s: %q is not a catalog capability", e.describe(pos), capID)
		if near := closest(capID, capabilityIDs(e.cat), 3); len(near) > 0 {
			msg += " (closest: " + strings.Join(near, ", ") + ")"
		}
		return fmt.Errorf("%s", msg)
	}
	var roleOwns, roleSupports bool
	if e.cat != nil {
		if ro := e.cat.Role(pos.Role); ro != nil {
			roleOwns, roleSupports = slices.Contains(ro.Owns, capID), slices.Contains(ro.Supports, capID)
		}
	}
	return e.Update(id, func(p *Position) {
		p.Owns = deleteID(p.Owns, capID)
		p.Supports = deleteID(p.Supports, capID)
		p.NotOwns = deleteID(p.NotOwns, capID)
		switch rel {
		case RelOwns:
			if !roleOwns {
				p.Owns = append(p.Owns, capID)
			}
		case RelSupports:
			if roleOwns {
				p.NotOwns = append(p.NotOwns, capID)
			}
			if !roleSupports {
				p.Supports = append(p.Supports, capID)
			}
		case RelNone:
			if roleOwns || roleSupports {
				p.NotOwns = append(p.NotOwns, capID)
			}
		}
	})
}

// deleteID returns list without id, nil when nothing is left.
func deleteID(list []string, id string) []string {
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool { return s == id })
	if len(out) == 0 {
		return nil
	}
	return out
}
