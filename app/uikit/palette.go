package uikit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/orgplanner/orgplanner/catalog"
)

// Palette is the chart's colours for the current theme variant. Cards use
// the PNG export's colours (orgchart/render) so screen and export agree.
type Palette struct {
	Dark                       bool
	Background, Card, VacantBg color.NRGBA
	Border, Text, Holder       color.NRGBA
	Muted, Vacant, Edge        color.NRGBA
	Dotted                     color.NRGBA // Dotted-line (matrix) connectors
	Accent, Selected, Focus    color.NRGBA
	Drop, DropFill             color.NRGBA
	Refuse, RefuseFill         color.NRGBA
	CtrlFill, TipFill          color.NRGBA
	Found                      color.NRGBA    // cards matching the find box
	Severity, BadgeText        [3]color.NRGBA // info, warning, error
}

func RGB(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// IsDark reports whether the app shows its dark variant (it follows the system).
func IsDark() bool {
	a := fyne.CurrentApp()
	return a != nil && a.Settings().ThemeVariant() == theme.VariantDark
}

// ChartPalette returns the colours of the chart for the current theme variant.
func ChartPalette() Palette {
	if IsDark() {
		return Palette{
			Dark: true, Background: RGB(0x1e1f22), Card: RGB(0x2b2d31), VacantBg: RGB(0x25272b),
			Border: RGB(0x4a4d55), Text: RGB(0xecedee), Holder: RGB(0xb5bac1),
			Muted: RGB(0x9aa0a6), Vacant: RGB(0x8e939c), Edge: RGB(0x80848e), Dotted: RGB(0x8ab4f8),
			Accent: RGB(0x8ab4f8), Selected: RGB(0x8ab4f8), Focus: RGB(0x3d5a80),
			Drop: RGB(0x32d583), DropFill: RGB(0x1f3a2e),
			Refuse: RGB(0xf28b82), RefuseFill: RGB(0x3d2125),
			CtrlFill: RGB(0x33363d), TipFill: RGB(0x8c1d18), Found: RGB(0xfdd663),
			Severity:  [3]color.NRGBA{RGB(0x8ab4f8), RGB(0xfdd663), RGB(0xf28b82)},
			BadgeText: [3]color.NRGBA{RGB(0x1e1f22), RGB(0x1e1f22), RGB(0x1e1f22)},
		}
	}
	return Palette{
		Background: RGB(0xf6f7f9), Card: RGB(0xffffff), VacantBg: RGB(0xfafafb),
		Border: RGB(0xc9ced6), Text: RGB(0x1f2328), Holder: RGB(0x424a53),
		Muted: RGB(0x656d76), Vacant: RGB(0x767c85), Edge: RGB(0x8c959f), Dotted: RGB(0x7fa7e6),
		Accent: RGB(0x1a73e8), Selected: RGB(0x1a73e8), Focus: RGB(0xb2ccff),
		Drop: RGB(0x039855), DropFill: RGB(0xe3f8ec),
		Refuse: RGB(0xd93025), RefuseFill: RGB(0xfdecea),
		CtrlFill: RGB(0xeef1f5), TipFill: RGB(0xb3261e), Found: RGB(0xe8a600),
		Severity:  [3]color.NRGBA{RGB(0x1a73e8), RGB(0xf29900), RGB(0xd93025)},
		BadgeText: [3]color.NRGBA{RGB(0xffffff), RGB(0x202124), RGB(0xffffff)},
	}
}

// DomainColor is the stripe colour of a role: its first domain's colour, the
// same the PNG export uses; grey for unknown roles and individual contributors
// without a domain.
func DomainColor(r *catalog.Role, dark bool) color.NRGBA {
	if r == nil || len(r.Domains) == 0 {
		if dark {
			return RGB(0x6b7280)
		}
		return RGB(0x9ca3af)
	}
	return DomainColorOf(r.Domains[0], dark)
}
