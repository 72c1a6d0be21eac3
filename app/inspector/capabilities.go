package inspector

import (
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/orgchart"
)

// Choices of a capability's row: what the position does with it.
const (
	relOwns     = "owns"
	relSupports = "supports"
	relNone     = "none"
)

var relChoices = []string{relOwns, relSupports, relNone}

// capabilities is the inspector's list of the capabilities a position owns
// or supports, from its role and its own owns/supports/notOwns, each with a
// choice that changes it (one undoable step, orgchart's SetRelation); rows
// that differ from the role say so. A choice below adds a capability it owns.
type capabilities struct {
	in    *Inspector
	box   *fyne.Container
	add   *widget.Select
	names map[string]string // capability name -> id, for add
	shown string            // position id and revision the rows show
	root  fyne.CanvasObject
}

func newCapabilities(in *Inspector) *capabilities {
	c := &capabilities{in: in, box: container.NewVBox(), names: map[string]string{}}
	c.add = widget.NewSelect(nil, c.added)
	c.add.PlaceHolder = "Add a capability it owns…"
	c.root = container.NewVBox(c.box, c.add)
	return c
}

// show lists the position's capabilities (again only after a change).
func (c *capabilities) show(pos *orgchart.Position) {
	st := c.in.st
	key := pos.ID + "@" + strconv.FormatUint(st.Editor().Revision(), 10)
	if key == c.shown {
		return
	}
	c.shown = key
	cat := st.Catalog()
	ids := map[string]bool{}
	if r := st.Role(pos); r != nil {
		for _, id := range append(append([]string(nil), r.Owns...), r.Supports...) {
			ids[id] = true
		}
	}
	for _, id := range append(append(append([]string(nil), pos.Owns...), pos.Supports...), pos.NotOwns...) {
		ids[id] = true
	}
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	name := func(id string) string {
		if k := cat.Capability(id); k != nil {
			return k.Name
		}
		return id
	}
	sort.Slice(sorted, func(i, j int) bool { return name(sorted[i]) < name(sorted[j]) })
	c.box.RemoveAll()
	for _, id := range sorted {
		id := id
		label := widget.NewLabel(name(id))
		label.Wrapping = fyne.TextWrapWord
		if own(pos, id) {
			label.TextStyle.Italic = true
			label.Text += " (set here, not the role's)"
		}
		sel := widget.NewSelect(relChoices, nil)
		sel.Selected = relText(pos.RelationTo(cat, id))
		sel.OnChanged = func(s string) { c.set(id, s) }
		c.box.Add(container.NewBorder(nil, nil, nil, sel, label))
	}
	if len(sorted) == 0 {
		c.box.Add(widget.NewLabel("None"))
	}
	var opts []string
	clear(c.names)
	for _, k := range cat.Capabilities {
		if !ids[k.ID] {
			opts = append(opts, k.Name)
			c.names[k.Name] = k.ID
		}
	}
	sort.Strings(opts)
	c.add.Options = opts
	c.add.ClearSelected()
	c.box.Refresh()
}

// own reports whether the position's own lists name the capability.
func own(pos *orgchart.Position, id string) bool {
	for _, l := range [][]string{pos.Owns, pos.Supports, pos.NotOwns} {
		for _, x := range l {
			if x == id {
				return true
			}
		}
	}
	return false
}

func relText(r orgchart.Relation) string {
	switch r {
	case orgchart.RelOwns:
		return relOwns
	case orgchart.RelSupports:
		return relSupports
	}
	return relNone
}

// set changes what the selected position does with a capability.
func (c *capabilities) set(id, choice string) {
	pos := c.in.st.SelectedPosition()
	if pos == nil {
		return
	}
	rel := orgchart.RelNone
	switch choice {
	case relOwns:
		rel = orgchart.RelOwns
	case relSupports:
		rel = orgchart.RelSupports
	}
	if pos.RelationTo(c.in.st.Catalog(), id) == rel {
		return
	}
	if err := c.in.st.SetRelation(pos.ID, id, rel); err != nil {
		c.in.status(err.Error())
	}
}

// added makes the selected position own the capability chosen.
func (c *capabilities) added(name string) {
	if id, ok := c.names[name]; ok {
		c.set(id, relOwns)
	}
}
