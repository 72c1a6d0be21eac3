package inspector

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/orgchart"
)

// maxManagerChoices bounds the Reports to list; typing narrows it.
const maxManagerChoices = 15

// reportsTo is the inspector's searchable "Reports to" field: typing lists
// the positions whose title or holder match, managers first; choosing one
// moves the selected position (with everything below it) under it. A move
// that cannot be made (a cycle) says why beside the field.
type reportsTo struct {
	in      *Inspector
	entry   *widget.SelectEntry
	err     *widget.Label
	choices map[string]string // shown label -> position id
	opts    []string          // the choices offered, in order
	setting bool              // the field is being set from the plan
	root    fyne.CanvasObject
}

func newReportsTo(in *Inspector) *reportsTo {
	r := &reportsTo{in: in, choices: map[string]string{}}
	r.entry = widget.NewSelectEntry(nil)
	r.entry.SetPlaceHolder("Type a name or title to move it under")
	r.entry.OnChanged = r.changed
	r.err = widget.NewLabel("")
	r.err.Importance = widget.DangerImportance
	r.err.Wrapping = fyne.TextWrapWord
	r.err.Hide()
	r.root = container.NewVBox(r.entry, r.err)
	return r
}

// show puts the selected position's manager in the field.
func (r *reportsTo) show(pos *orgchart.Position) {
	if r.in.Win != nil && r.in.Win.Canvas().Focused() == r.entry {
		return // the person is choosing
	}
	text := ""
	if m := r.in.st.Plan().Manager(pos); m != nil {
		text = r.in.st.Label(m)
	}
	r.setting = true
	r.entry.SetText(text)
	r.setting = false
	r.err.Hide()
}

// changed moves the position when a choice is picked, else lists the
// choices matching what is typed.
func (r *reportsTo) changed(s string) {
	if r.setting {
		return
	}
	pos := r.in.st.SelectedPosition()
	if pos == nil {
		return
	}
	if id, ok := r.choices[s]; ok {
		if id == pos.ReportsTo {
			return
		}
		if err := r.in.st.CanMove(pos.ID, id); err != nil {
			r.err.SetText(err.Error())
			r.err.Show()
			return
		}
		r.err.Hide()
		label := r.in.st.Label(pos)
		if err := r.in.st.Move(pos.ID, id); err != nil {
			r.err.SetText(err.Error())
			r.err.Show()
			return
		}
		r.in.status("Moved " + label + " under " + s + " (Ctrl+Z undoes it)")
		return
	}
	clear(r.choices)
	var opts []string
	for _, c := range managerChoices(r.in, pos, s) {
		l := r.in.st.Label(c)
		if _, dup := r.choices[l]; dup {
			l += " · " + c.ID
		}
		r.choices[l] = c.ID
		opts = append(opts, l)
	}
	r.opts = opts
	r.entry.SetOptions(opts)
	if strings.TrimSpace(s) != "" && len(opts) == 0 {
		r.err.SetText("No position matches “" + s + "”")
		r.err.Show()
	} else {
		r.err.Hide()
	}
}

// managerChoices are the positions matching query that pos could report
// to: not itself, managers first.
func managerChoices(in *Inspector, pos *orgchart.Position, query string) []*orgchart.Position {
	q := strings.ToLower(strings.TrimSpace(query))
	p := in.st.Plan()
	var managers, others []*orgchart.Position
	for _, c := range p.Positions {
		if c == pos || q != "" && !strings.Contains(strings.ToLower(in.st.Label(c)), q) {
			continue
		}
		if len(p.Reports(c.ID)) > 0 {
			managers = append(managers, c)
		} else if len(others) < maxManagerChoices {
			others = append(others, c)
		}
		if len(managers) >= maxManagerChoices {
			break
		}
	}
	out := append(managers, others...)
	return out[:min(len(out), maxManagerChoices)]
}
