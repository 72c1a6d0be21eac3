package uikit

import (
	"image/color"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// DomainColorOf is a domain's colour from orgchart/look, the exports' own,
// so the chart on screen and the exported one agree.
func DomainColorOf(d catalog.Domain, dark bool) color.NRGBA {
	t := look.Light
	if dark {
		t = look.Dark
	}
	return look.DomainColor(d, t)
}
