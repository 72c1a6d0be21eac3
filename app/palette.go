package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/orgplanner/orgplanner/catalog"
)

// palette is the chart's colours for the current theme variant. Cards use
// the PNG export's colours (orgchart/render) so screen and export agree.
type palette struct {
	dark                       bool
	background, card, vacantBg color.NRGBA
	border, text, holder       color.NRGBA
	muted, vacant, edge        color.NRGBA
	dotted                     color.NRGBA // dotted-line (matrix) connectors
	accent, selected, focus    color.NRGBA
	drop, dropFill             color.NRGBA
	refuse, refuseFill         color.NRGBA
	ctrlFill, tipFill          color.NRGBA
	severity, badgeText        [3]color.NRGBA // info, warning, error
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// isDark reports whether the app shows its dark variant (it follows the system).
func isDark() bool {
	a := fyne.CurrentApp()
	return a != nil && a.Settings().ThemeVariant() == theme.VariantDark
}

// chartPalette returns the colours of the chart for the current theme variant.
func chartPalette() palette {
	if isDark() {
		return palette{
			dark: true, background: rgb(0x1e1f22), card: rgb(0x2b2d31), vacantBg: rgb(0x25272b),
			border: rgb(0x4a4d55), text: rgb(0xecedee), holder: rgb(0xb5bac1),
			muted: rgb(0x9aa0a6), vacant: rgb(0x8e939c), edge: rgb(0x80848e), dotted: rgb(0x8ab4f8),
			accent: rgb(0x8ab4f8), selected: rgb(0x8ab4f8), focus: rgb(0x3d5a80),
			drop: rgb(0x32d583), dropFill: rgb(0x1f3a2e),
			refuse: rgb(0xf28b82), refuseFill: rgb(0x3d2125),
			ctrlFill: rgb(0x33363d), tipFill: rgb(0x8c1d18),
			severity:  [3]color.NRGBA{rgb(0x8ab4f8), rgb(0xfdd663), rgb(0xf28b82)},
			badgeText: [3]color.NRGBA{rgb(0x1e1f22), rgb(0x1e1f22), rgb(0x1e1f22)},
		}
	}
	return palette{
		background: rgb(0xf6f7f9), card: rgb(0xffffff), vacantBg: rgb(0xfafafb),
		border: rgb(0xc9ced6), text: rgb(0x1f2328), holder: rgb(0x424a53),
		muted: rgb(0x656d76), vacant: rgb(0x767c85), edge: rgb(0x8c959f), dotted: rgb(0x7fa7e6),
		accent: rgb(0x1a73e8), selected: rgb(0x1a73e8), focus: rgb(0xb2ccff),
		drop: rgb(0x039855), dropFill: rgb(0xe3f8ec),
		refuse: rgb(0xd93025), refuseFill: rgb(0xfdecea),
		ctrlFill: rgb(0xeef1f5), tipFill: rgb(0xb3261e),
		severity:  [3]color.NRGBA{rgb(0x1a73e8), rgb(0xf29900), rgb(0xd93025)},
		badgeText: [3]color.NRGBA{rgb(0xffffff), rgb(0x202124), rgb(0xffffff)},
	}
}

// domainColor is the stripe colour of a role: its first domain's colour, the
// same the PNG export uses; grey for unknown roles and individual contributors
// without a domain.
func domainColor(r *catalog.Role, dark bool) color.NRGBA {
	if r == nil || len(r.Domains) == 0 {
		if dark {
			return rgb(0x6b7280)
		}
		return rgb(0x9ca3af)
	}
	return domainColorOf(r.Domains[0], dark)
}
