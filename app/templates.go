package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart/templates"
)

// templateBlurbs say what each template holds, for the New from template dialog.
var templateBlurbs = map[string]string{
	"startup":    "Startup: about 40 positions under a CTO",
	"scaleup":    "Scale-up: about 400 positions, engineering to data",
	"enterprise": "Enterprise: about 3,000 positions, IT included",
}

// newFromTemplate replaces the plan with a new, untitled one built on a
// template (orgchart/templates, as `orgplanner new --template`). Positions
// are vacant unless people is set; Save asks where to keep it.
func (u *ui) newFromTemplate(name string, people bool) error {
	p, err := templates.New(name, u.st.Base(), templates.Options{People: people})
	if err != nil {
		return fmt.Errorf("new plan from the %s template: %w", name, err)
	}
	u.st.Load(p, nil, "")
	what := "every position vacant"
	if people {
		what = "with the sample's fictional people"
	}
	u.status(fmt.Sprintf("New plan from the %s template: %s, %s (Save to choose its file)", name, state.Plural(len(p.Positions), "position", "positions"), what))
	return nil
}

// templateDialog asks for a template, after asking about unsaved changes.
func (u *ui) templateDialog() {
	u.guard("starting a new plan", func() {
		names := templates.Names()
		labels := make([]string, len(names))
		for i, n := range names {
			labels[i] = templateBlurbs[n]
			if labels[i] == "" {
				labels[i] = n
			}
		}
		group := widget.NewRadioGroup(labels, nil)
		group.SetSelected(labels[0])
		people := widget.NewCheck("Keep the sample's fictional names (otherwise every position is vacant)", nil)
		body := container.NewVBox(group, widget.NewSeparator(), people)
		d := dialog.NewCustomConfirm("New plan from a template", "Create", "Cancel", body, func(ok bool) {
			if !ok {
				return
			}
			for i, l := range labels {
				if l == group.Selected {
					if err := u.newFromTemplate(names[i], people.Checked); err != nil {
						u.showError(err)
					}
				}
			}
		}, u.win)
		d.Resize(fyne.NewSize(520, 240))
		d.Show()
	})
}
