package uikit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// Palette is orgchart/look's palette for the window's theme variant: the
// window, the PNG, SVG and PDF exports and the analysis pictures draw from
// the same colours.
type Palette struct {
	look.Palette
	Theme look.Theme
	Dark  bool
}

// RGB is a colour from its hex value.
func RGB(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// IsDark reports whether the app shows its dark variant (it follows the system).
func IsDark() bool {
	a := fyne.CurrentApp()
	return a != nil && a.Settings().ThemeVariant() == theme.VariantDark
}

// themeOf is look's theme for the variant.
func themeOf(dark bool) look.Theme {
	if dark {
		return look.Dark
	}
	return look.Light
}

// ChartPalette returns the colours of the chart for the current theme variant.
func ChartPalette() Palette {
	dark := IsDark()
	return Palette{Palette: look.PaletteFor(themeOf(dark)), Theme: themeOf(dark), Dark: dark}
}

// DomainColor is the stripe colour of a role: look's, as every export draws it.
func DomainColor(r *catalog.Role, dark bool) color.NRGBA {
	return look.RoleColor(r, themeOf(dark))
}

// DomainColorOf is a domain's colour: look's.
func DomainColorOf(d catalog.Domain, dark bool) color.NRGBA {
	return look.DomainColor(d, themeOf(dark))
}
