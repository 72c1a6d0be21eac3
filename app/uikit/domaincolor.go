package uikit

import (
	"image/color"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/render"
)

// DomainColorOf is a domain's colour: the PNG export's, so the chart on
// screen and the exported one agree.
func DomainColorOf(d catalog.Domain, dark bool) color.NRGBA {
	return render.DomainColor(d, dark)
}
