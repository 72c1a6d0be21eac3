package render

import (
	"fmt"
	"image"
	"image/color"
	"strconv"
	"strings"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// Page geometry around the chart, in logical pixels.
const (
	margin       float32 = 32
	titleSize    float32 = 22
	titleLine    float32 = 30
	subSize      float32 = 13
	subLine      float32 = 20
	legendGap    float32 = 8
	legendSize   float32 = 12
	legendLine   float32 = 18
	legendSwatch float32 = 12
	legendSpace  float32 = 18 // between legend entries
	chartGap     float32 = 28 // between the header and the chart
)

type renderer struct {
	p     *orgchart.Plan
	cat   *catalog.Catalog
	l     *layout.Layout
	opt   Options
	scale float32
	dark  bool
	pal   palette
	m     layout.CardMetrics

	title, holder, vacant, small, smallBold, head, sub, legend *cachedFace
	fonts                                                      *fonts

	heading, subline string
	domains          []catalog.Domain // in the legend, in catalog order
	severities       [3]bool          // badge colours in the legend
	masks            map[[2]int]*cardMasks
	edgeBoxes        []image.Rectangle
	edgeBands        [][]int32 // edges by band of rows, see bandEdges
	bandH            int
	texts            []cardText // per card, filled as cards are drawn
	colors           *palette8
}

func newRenderer(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (*renderer, error) {
	r := &renderer{p: p, cat: cat, l: l, opt: opt, scale: opt.Scale, m: layout.Metrics(), masks: map[[2]int]*cardMasks{}, colors: newPalette8()}
	if r.scale == 0 {
		r.scale = 1
	}
	if r.scale < 0.25 || r.scale > 8 {
		return nil, fmt.Errorf("scale %g is out of range: use a value from 0.25 to 8", r.scale)
	}
	switch opt.Theme {
	case "", "light":
	case "dark":
		r.dark = true
	default:
		return nil, fmt.Errorf("unknown theme %q: use light or dark", opt.Theme)
	}
	r.pal = paletteFor(r.dark)
	// The plain colours take the first palette places, so that only
	// antialiasing steps ever fall back to a nearest colour.
	for _, c := range []color.NRGBA{r.pal.page, r.pal.card, r.pal.vacantCard, r.pal.border, r.pal.line, r.pal.dotted,
		r.pal.title, r.pal.holder, r.pal.vacant, r.pal.muted} {
		r.colors.of(c)
	}
	switch opt.Background {
	case "", "page":
	case "transparent":
		r.colors.clear(r.colors.of(r.pal.page))
	default:
		return nil, fmt.Errorf("unknown background %q: use page or transparent", opt.Background)
	}
	for i := range r.pal.badge {
		r.colors.of(r.pal.badge[i])
		r.colors.of(r.pal.badgeText[i])
	}
	r.colors.of(DomainColor("", r.dark))
	for _, d := range catalog.Domains {
		r.colors.of(DomainColor(d, r.dark))
	}
	if r.opt.Badges == nil && r.opt.Findings != nil {
		r.opt.Badges = r.opt.Findings.Counts
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	r.fonts = fs
	for _, f := range []struct {
		dst  **cachedFace
		font *fontRef
	}{
		{&r.title, &fontRef{fs.bold, r.m.TitleSize}},
		{&r.holder, &fontRef{fs.regular, r.m.HolderSize}},
		{&r.vacant, &fontRef{fs.italic, r.m.HolderSize}},
		{&r.small, &fontRef{fs.regular, r.m.SmallSize}},
		{&r.smallBold, &fontRef{fs.bold, r.m.SmallSize}},
		{&r.head, &fontRef{fs.bold, titleSize}},
		{&r.sub, &fontRef{fs.regular, subSize}},
		{&r.legend, &fontRef{fs.regular, legendSize}},
	} {
		if *f.dst, err = face(f.font.f, f.font.size, r.scale); err != nil {
			return nil, err
		}
	}
	r.headerText()
	// A long plan name is shortened to the chart's width (at least a
	// slide title's), so the header never sets the size of the image.
	limit := max(r.px(r.l.Width), r.px(1200))
	r.heading = shorten(r.head, r.heading, limit)
	r.subline = shorten(r.sub, r.subline, limit)
	return r, nil
}

// headerText builds the heading, the line under it and the legend entries.
func (r *renderer) headerText() {
	r.heading = r.p.Name
	if r.heading == "" {
		r.heading = "Org chart"
	}
	people := 0
	for _, pos := range r.p.Positions {
		people += pos.Headcount()
	}
	sub := fmt.Sprintf("%s people in %s positions", thousands(people), thousands(len(r.p.Positions)))
	if n := len(r.l.Cards); n < len(r.p.Positions) {
		sub += fmt.Sprintf(" · showing %s", thousands(n))
		if n > 0 && r.l.Cards[0].Position.ReportsTo != "" {
			sub += " under " + r.titleOf(r.l.Cards[0].Position)
		}
	}
	if r.opt.Date != "" {
		sub = r.opt.Date + " · " + sub
	}
	if f := r.opt.Findings; f != nil {
		var n [3]int
		for _, x := range f.Findings {
			if s := int(x.Severity); s >= 0 && s < 3 {
				n[s]++
			}
		}
		var parts []string
		for sev, noun := range []string{"info finding", "warning", "error"} {
			if n[sev] > 0 {
				parts = append([]string{plural(n[sev], noun)}, parts...)
			}
		}
		if len(parts) == 0 {
			parts = []string{"no findings"}
		}
		sub += " · " + strings.Join(parts, ", ")
	}
	r.subline = sub
	seen := map[catalog.Domain]bool{}
	for i := range r.l.Cards {
		seen[r.domainOf(r.l.Cards[i].Position)] = true
		if r.opt.Badges != nil {
			for sev, n := range r.opt.Badges(r.l.Cards[i].Position.ID) {
				r.severities[sev] = r.severities[sev] || n > 0
			}
		}
	}
	for _, d := range catalog.Domains {
		if seen[d] {
			r.domains = append(r.domains, d)
		}
	}
}

type fontRef struct {
	f    *opentype.Font
	size float32
}

// titleOf is what a card says on its first lines: the position's own title,
// else its role's, else the role id.
func (r *renderer) titleOf(pos *orgchart.Position) string {
	if pos.Title != "" {
		return pos.Title
	}
	if r.cat != nil {
		if role := r.cat.Role(pos.Role); role != nil && role.Title != "" {
			return role.Title
		}
	}
	if pos.Role != "" {
		return pos.Role
	}
	return "Untitled position"
}

// domainOf is the role's first domain, "" when unknown.
func (r *renderer) domainOf(pos *orgchart.Position) catalog.Domain {
	if r.cat != nil {
		if role := r.cat.Role(pos.Role); role != nil && len(role.Domains) > 0 {
			return role.Domains[0]
		}
	}
	return ""
}

// headerWidth is the width in pixels of the widest header line.
func (r *renderer) headerWidth() int {
	return max(r.head.width(r.heading), r.sub.width(r.subline), r.legendWidth())
}

func (r *renderer) legendWidth() int {
	w := 0
	for _, label := range r.legendLabels() {
		w += r.px(legendSwatch) + r.px(legendSwatch/2) + r.legend.width(label) + r.px(legendSpace)
	}
	for _, on := range r.severities {
		if on { // pills are wider than squares
			w += r.px(legendSwatch)*5/3 - r.px(legendSwatch)
		}
	}
	return w
}

func (r *renderer) legendLabels() []string {
	var out []string
	for _, d := range r.domains {
		out = append(out, d.Name())
	}
	out = append(out, "Vacant")
	for _, sev := range []int{2, 1, 0} {
		if r.severities[sev] {
			out = append(out, severityNames[sev])
		}
	}
	return out
}

func (r *renderer) headerHeight() int {
	return r.px(titleLine + subLine + legendGap + legendLine + chartGap)
}

// size is the image size in pixels: the chart or the header, whichever is
// wider, inside the margins.
func (r *renderer) size() (int, int) {
	w := max(r.px(r.l.Width), r.headerWidth()) + 2*r.px(margin)
	h := r.px(margin) + r.headerHeight() + r.px(r.l.Height) + r.px(margin)
	return w, h
}

// origin is where the layout's (0, 0) lands in the image.
func (r *renderer) origin() (int, int) {
	ox := r.px(margin)
	if hw := r.headerWidth(); hw > r.px(r.l.Width) {
		ox += (hw - r.px(r.l.Width)) / 2 // a narrow chart sits in the middle
	}
	return ox, r.px(margin) + r.headerHeight()
}

// draw paints everything that falls inside img's bounds, which may be one
// band of the picture: drawing clips to them.
func (r *renderer) draw(img *canvas) {
	b := img.Bounds()
	fillRect(img, b, r.pal.page)
	ox, oy := r.origin()
	if b.Min.Y < oy {
		r.drawHeader(img)
	}
	for _, i := range r.bandEdges(b, ox, oy) {
		if r.edgeBox(int(i), ox, oy).Overlaps(b) {
			r.drawEdge(img, &r.l.Edges[i], ox, oy)
		}
	}
	// Cards under the band, found through the layout's spatial index.
	slack := float32(2)
	y0 := float32(b.Min.Y-oy)/r.scale - slack
	y1 := float32(b.Max.Y-oy)/r.scale + slack
	r.l.Visible(-slack, y0, r.l.Width+slack, y1, func(i int) {
		r.drawCard(img, i, ox, oy)
	})
}

// bandEdges are the edges whose boxes reach into band b. Bands are all as
// tall as the first one asked for (the last may be shorter), so the edges
// are put in buckets by band once: drawing costs the edges of each band,
// not every edge for every band (5,000 positions with 100 dotted lines
// each took 81 s).
func (r *renderer) bandEdges(b image.Rectangle, ox, oy int) []int32 {
	if r.edgeBands == nil {
		r.bandH = max(1, b.Dy())
		_, h := r.size()
		r.edgeBands = make([][]int32, h/r.bandH+1)
		for i := range r.l.Edges {
			box := r.edgeBox(i, ox, oy)
			lo, hi := max(0, box.Min.Y/r.bandH), min(len(r.edgeBands)-1, (box.Max.Y-1)/r.bandH)
			for k := lo; k <= hi; k++ {
				r.edgeBands[k] = append(r.edgeBands[k], int32(i))
			}
		}
	}
	k := b.Min.Y / r.bandH
	if k < 0 || k >= len(r.edgeBands) || b.Dy() > r.bandH {
		all := make([]int32, len(r.l.Edges)) // an unexpected band: every edge
		for i := range all {
			all[i] = int32(i)
		}
		return all
	}
	return r.edgeBands[k]
}

// edgeBox is the pixel bounding box of edge i, cached.
func (r *renderer) edgeBox(i, ox, oy int) image.Rectangle {
	if r.edgeBoxes == nil {
		r.edgeBoxes = make([]image.Rectangle, len(r.l.Edges))
		lw := max(1, r.px(1))
		for k := range r.l.Edges {
			var box image.Rectangle
			for j, pt := range r.l.Edges[k].Points {
				x, y := ox+r.px(pt.X), oy+r.px(pt.Y)
				q := image.Rect(x-lw, y-lw, x+lw+1, y+lw+1)
				if j == 0 {
					box = q
				} else {
					box = box.Union(q)
				}
			}
			r.edgeBoxes[k] = box
		}
	}
	return r.edgeBoxes[i]
}

// text draws s with its line box's top-left at (x, top), vertically centred
// in a line box of height lineH pixels, on a whole-pixel baseline.
func (r *renderer) text(img *canvas, f *cachedFace, c color.NRGBA, s string, x, top, lineH int) {
	m := f.Metrics()
	asc, desc := m.Ascent.Ceil(), m.Descent.Ceil()
	baseline := top + (lineH-(asc+desc))/2 + asc
	if baseline-asc >= img.rect.Max.Y || baseline+desc <= img.rect.Min.Y {
		return // not in this band
	}
	dot := fixed.P(x, baseline)
	prev := rune(-1)
	for _, ch := range s {
		if prev >= 0 {
			dot.X += f.Kern(prev, ch)
		}
		dr, mask, mp, adv, ok := f.Glyph(dot, ch)
		if ok && mask != nil {
			img.mask(dr, c, mask.(*image.Alpha), mp)
		}
		dot.X += adv
		prev = ch
	}
}

func (r *renderer) drawHeader(img *canvas) {
	x, y := r.px(margin), r.px(margin)
	r.text(img, r.head, r.pal.title, r.heading, x, y, r.px(titleLine))
	y += r.px(titleLine)
	r.text(img, r.sub, r.pal.muted, r.subline, x, y, r.px(subLine))
	y += r.px(subLine + legendGap)
	sw, lh := r.px(legendSwatch), r.px(legendLine)
	sy := y + (lh-sw)/2
	swatch := func(c color.NRGBA, label string) {
		fillRect(img, image.Rect(x, sy, x+sw, sy+sw), c)
		x += sw + r.px(legendSwatch/2)
		r.text(img, r.legend, r.pal.holder, label, x, y, lh)
		x += r.legend.width(label) + r.px(legendSpace)
	}
	for _, d := range r.domains {
		swatch(DomainColor(d, r.dark), d.Name())
	}
	// A vacant swatch: the vacant card fill inside a dashed border.
	fillRect(img, image.Rect(x, sy, x+sw, sy+sw), r.pal.vacantCard)
	r.dashedBox(img, image.Rect(x, sy, x+sw, sy+sw), r.pal.border)
	x += sw + r.px(legendSwatch/2)
	r.text(img, r.legend, r.pal.vacant, "Vacant", x, y, lh)
	x += r.legend.width("Vacant") + r.px(legendSpace)
	// Badge colours as small pills, the badges' shape, so they are not
	// mistaken for domain colours of similar hue.
	for _, sev := range []int{2, 1, 0} {
		if !r.severities[sev] {
			continue
		}
		pw := sw * 5 / 3
		pill := rasterise(pw, sw, roundedRect(0, 0, float32(pw), float32(sw), float32(sw)/2))
		paint(img, image.Rect(x, sy, x+pw, sy+sw), r.pal.badge[sev], pill)
		x += pw + r.px(legendSwatch/2)
		r.text(img, r.legend, r.pal.holder, severityNames[sev], x, y, lh)
		x += r.legend.width(severityNames[sev]) + r.px(legendSpace)
	}
}

// dashedBox outlines a small rectangle with a one-pixel dashed line.
func (r *renderer) dashedBox(img *canvas, b image.Rectangle, c color.NRGBA) {
	for x := b.Min.X; x < b.Max.X; x++ {
		if (x-b.Min.X)%4 < 2 {
			img.set(x, b.Min.Y, c)
			img.set(x, b.Max.Y-1, c)
		}
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		if (y-b.Min.Y)%4 < 2 {
			img.set(b.Min.X, y, c)
			img.set(b.Max.X-1, y, c)
		}
	}
}

// fillRect paints an opaque rectangle.
func fillRect(img *canvas, b image.Rectangle, c color.NRGBA) { img.fill(b, c) }

// severityNames label the badge colours in the legend, by severity.
var severityNames = [3]string{"Info", "Warnings", "Errors"}

// plural is "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

// thousands formats n with comma separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
