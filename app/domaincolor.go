package app

import (
	"image/color"

	"orgplanner/catalog"
)

// domainColorOf is a domain's colour. Stand-in with the PNG renderer's
// colours (orgchart/render, not committed yet): it becomes a call of
// render.DomainColor when that package lands.
func domainColorOf(d catalog.Domain, dark bool) color.NRGBA {
	c := map[catalog.Domain][2]uint32{
		catalog.IT: {0x4E79A7, 0x7AA6D6}, catalog.SEC: {0xE15759, 0xFF8A8C},
		catalog.PRIV: {0xB07AA1, 0xD4A6C8}, catalog.SRE: {0xF28E2B, 0xFFB26B},
		catalog.PLAT: {0x76B7B2, 0x9FD8D3}, catalog.ENG: {0x59A14F, 0x8CD17D},
		catalog.PROD: {0xEDC948, 0xF5DC7A}, catalog.DATA: {0x9C755F, 0xC9A48C},
	}[d]
	if c == [2]uint32{} {
		c = [2]uint32{0x9AA0A6, 0x80868B}
	}
	if dark {
		return rgb(c[1])
	}
	return rgb(c[0])
}
