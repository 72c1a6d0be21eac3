// Package look is how the org chart looks, wherever it is drawn: the two
// themes' colours (domain stripes included), the typeface and its shaping,
// the one set of rules for wrapping and shortening text, and what a card
// shows, as data. The app's window, the PNG, SVG and PDF exports and the
// analysis pictures all draw from it, so they cannot disagree. No Fyne here.
package look

import (
	"fmt"
	"image/color"

	"github.com/orgplanner/orgplanner/catalog"
)

// Theme is the light or the dark variant.
type Theme uint8

const (
	Light Theme = iota
	Dark
)

// ParseTheme reads a theme name as the CLI and the plan settings spell it;
// "" is light.
func ParseTheme(s string) (Theme, error) {
	switch s {
	case "", "light":
		return Light, nil
	case "dark":
		return Dark, nil
	}
	return Light, fmt.Errorf("unknown theme %q: use light or dark", s)
}

func (t Theme) String() string {
	if t == Dark {
		return "dark"
	}
	return "light"
}

// Palette is every colour of one theme. The window-only colours (drag and
// drop, selection) live here too so a theme is defined in one place.
type Palette struct {
	// The chart.
	Page, Card, VacantCard, Border, Line, Dotted color.NRGBA
	Title, Holder, Vacant, Muted                 color.NRGBA
	Badge, BadgeText                             [3]color.NRGBA // by check.Severity: info, warning, error
	NoDomain                                     color.NRGBA    // the stripe of a role with no known domain

	// The window's interaction states.
	Accent, Selected, Focus color.NRGBA
	Drop, DropFill          color.NRGBA
	Refuse, RefuseFill      color.NRGBA
	CtrlFill, TipFill       color.NRGBA
	Found                   color.NRGBA // cards a search found

	// The analysis pictures: panels, grid lines and axes.
	Panel, Grid, Axis color.NRGBA
}

// PaletteFor returns the theme's colours.
func PaletteFor(t Theme) Palette {
	if t == Dark {
		return Palette{
			Page: rgb(0x1E1F22), Card: rgb(0x2B2D31), VacantCard: rgb(0x25272B),
			Border: rgb(0x4A4D55), Line: rgb(0x80848E), Dotted: rgb(0x8AB4F8),
			Title: rgb(0xECEDEE), Holder: rgb(0xB5BAC1), Vacant: rgb(0x8E939C), Muted: rgb(0x9AA0A6),
			Badge:     [3]color.NRGBA{rgb(0x8AB4F8), rgb(0xFDD663), rgb(0xF28B82)},
			BadgeText: [3]color.NRGBA{rgb(0x1E1F22), rgb(0x1E1F22), rgb(0x1E1F22)},
			NoDomain:  rgb(0x80868B),

			Accent: rgb(0x8AB4F8), Selected: rgb(0x8AB4F8), Focus: rgb(0x3D5A80),
			Drop: rgb(0x32D583), DropFill: rgb(0x1F3A2E),
			Refuse: rgb(0xF28B82), RefuseFill: rgb(0x3D2125),
			CtrlFill: rgb(0x33363D), TipFill: rgb(0x8C1D18), Found: rgb(0xFDD663),

			Panel: rgb(0x2B2D31), Grid: rgb(0x3A3D44), Axis: rgb(0x80848E),
		}
	}
	return Palette{
		Page: rgb(0xF6F7F9), Card: rgb(0xFFFFFF), VacantCard: rgb(0xFAFAFB),
		Border: rgb(0xC9CED6), Line: rgb(0x8C959F), Dotted: rgb(0x7FA7E6),
		Title: rgb(0x1F2328), Holder: rgb(0x424A53), Vacant: rgb(0x767C85), Muted: rgb(0x656D76),
		Badge:     [3]color.NRGBA{rgb(0x1A73E8), rgb(0xF29900), rgb(0xD93025)},
		BadgeText: [3]color.NRGBA{rgb(0xFFFFFF), rgb(0x202124), rgb(0xFFFFFF)},
		NoDomain:  rgb(0x9AA0A6),

		Accent: rgb(0x1A73E8), Selected: rgb(0x1A73E8), Focus: rgb(0xB2CCFF),
		Drop: rgb(0x039855), DropFill: rgb(0xE3F8EC),
		Refuse: rgb(0xD93025), RefuseFill: rgb(0xFDECEA),
		CtrlFill: rgb(0xEEF1F5), TipFill: rgb(0xB3261E), Found: rgb(0xE8A600),

		Panel: rgb(0xFFFFFF), Grid: rgb(0xE3E6EA), Axis: rgb(0x8C959F),
	}
}

// domainColors are the stripe colours of the eight domains, light then dark
// variants: distinct hues of similar weight (after Tableau 10), lighter on
// dark backgrounds.
var domainColors = map[catalog.Domain][2]color.NRGBA{
	catalog.IT:   {rgb(0x4E79A7), rgb(0x7AA6D6)},
	catalog.SEC:  {rgb(0xE15759), rgb(0xFF8A8C)},
	catalog.PRIV: {rgb(0xB07AA1), rgb(0xD4A6C8)},
	catalog.SRE:  {rgb(0xF28E2B), rgb(0xFFB26B)},
	catalog.PLAT: {rgb(0x76B7B2), rgb(0x9FD8D3)},
	catalog.ENG:  {rgb(0x59A14F), rgb(0x8CD17D)},
	catalog.PROD: {rgb(0xEDC948), rgb(0xF5DC7A)},
	catalog.DATA: {rgb(0x9C755F), rgb(0xC9A48C)},
}

// DomainColor is a domain's colour (card stripes, legends, analysis bars);
// an unknown or empty domain is the palette's NoDomain grey.
func DomainColor(d catalog.Domain, t Theme) color.NRGBA {
	c, ok := domainColors[d]
	if !ok {
		return PaletteFor(t).NoDomain
	}
	return c[t&1]
}

// RoleDomain is the domain a role is drawn in: its first; "" for nil or a
// role without domains.
func RoleDomain(r *catalog.Role) catalog.Domain {
	if r == nil || len(r.Domains) == 0 {
		return ""
	}
	return r.Domains[0]
}

// RoleColor is the stripe colour of a role: its first domain's colour, grey
// for nil (an unknown role) or a role without domains.
func RoleColor(r *catalog.Role, t Theme) color.NRGBA {
	return DomainColor(RoleDomain(r), t)
}

// TextOn picks dark or light text for a fill colour, by its luminance.
func TextOn(bg color.NRGBA) color.NRGBA {
	l := 0.2126*float64(bg.R) + 0.7152*float64(bg.G) + 0.0722*float64(bg.B)
	if l > 150 {
		return PaletteFor(Light).Title
	}
	return rgb(0xFFFFFF)
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}
}
