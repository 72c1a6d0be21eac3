package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// setPlanSettings renames the plan and sets the domains whose coverage is
// checked (none ticked, or all, means every domain), as one undoable edit.
func (u *ui) setPlanSettings(name string, scope []catalog.Domain) error {
	name = strings.TrimSpace(name)
	if len(scope) == len(catalog.Domains) {
		scope = nil // all domains is what an absent scope means
	}
	return u.st.SetPlan(func(p *orgchart.Plan) {
		if name != "" {
			p.Name = name
		}
		p.Scope = scope
	})
}

// planSettingsDialog asks for the plan's name and scope.
func (u *ui) planSettingsDialog() {
	p := u.st.Plan()
	name := widget.NewEntry()
	name.SetText(p.Name)
	var labels []string
	byLabel := map[string]catalog.Domain{}
	for _, d := range catalog.Domains {
		l := uikit.DomainName(d)
		if !strings.Contains(l, string(d)) {
			l += " (" + string(d) + ")"
		}
		labels = append(labels, l)
		byLabel[l] = d
	}
	scope := widget.NewCheckGroup(labels, nil)
	scope.Horizontal = false
	for _, l := range labels {
		if len(p.Scope) == 0 || slices.Contains(p.Scope, byLabel[l]) {
			scope.Selected = append(scope.Selected, l)
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Coverage checked for", scope),
	}
	d := dialog.NewForm("Plan name and scope", "Apply", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		var ds []catalog.Domain
		for _, l := range labels {
			if slices.Contains(scope.Selected, l) {
				ds = append(ds, byLabel[l])
			}
		}
		if len(ds) == 0 {
			ds = nil
		}
		if err := u.setPlanSettings(name.Text, ds); err != nil {
			u.showError(err)
		}
	}, u.win)
	d.Resize(fyne.NewSize(460, 480))
	d.Show()
}
