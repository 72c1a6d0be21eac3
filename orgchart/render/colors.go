package render

import (
	"image/color"

	"github.com/orgplanner/orgplanner/catalog"
)

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

var noDomain = [2]color.NRGBA{rgb(0x9AA0A6), rgb(0x80868B)}

// DomainColor is the colour of a domain's stripe on cards and in the legend;
// an unknown or empty domain is grey. The app uses the same colours.
func DomainColor(d catalog.Domain, dark bool) color.NRGBA {
	c, ok := domainColors[d]
	if !ok {
		c = noDomain
	}
	if dark {
		return c[1]
	}
	return c[0]
}

// palette is everything but the domain colours, per theme.
type palette struct {
	page, card, vacantCard, border, line, dotted color.NRGBA
	title, holder, vacant, muted                 color.NRGBA
	badge                                        [3]color.NRGBA // info, warning, error
	badgeText                                    [3]color.NRGBA
}

func paletteFor(dark bool) palette {
	if dark {
		return palette{
			page: rgb(0x1E1F22), card: rgb(0x2B2D31), vacantCard: rgb(0x25272B),
			border: rgb(0x4A4D55), line: rgb(0x80848E), dotted: rgb(0x8AB4F8),
			title: rgb(0xECEDEE), holder: rgb(0xB5BAC1), vacant: rgb(0x8E939C), muted: rgb(0x9AA0A6),
			badge:     [3]color.NRGBA{rgb(0x8AB4F8), rgb(0xFDD663), rgb(0xF28B82)},
			badgeText: [3]color.NRGBA{rgb(0x1E1F22), rgb(0x1E1F22), rgb(0x1E1F22)},
		}
	}
	return palette{
		page: rgb(0xF6F7F9), card: rgb(0xFFFFFF), vacantCard: rgb(0xFAFAFB),
		border: rgb(0xC9CED6), line: rgb(0x8C959F), dotted: rgb(0x7FA7E6),
		title: rgb(0x1F2328), holder: rgb(0x424A53), vacant: rgb(0x767C85), muted: rgb(0x656D76),
		badge:     [3]color.NRGBA{rgb(0x1A73E8), rgb(0xF29900), rgb(0xD93025)},
		badgeText: [3]color.NRGBA{rgb(0xFFFFFF), rgb(0x202124), rgb(0xFFFFFF)},
	}
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}
}
