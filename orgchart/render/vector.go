package render

import (
	"fmt"
	"image/color"
	"strconv"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// The SVG and PDF writers draw the same chart as the PNG, from the same
// layout, palette, card metrics and fitted text, through vecPainter: one
// composition (vectorChart), two backends. Coordinates are logical pixels
// with y down; each backend maps them to its own units.

// vecPainter is what a vector backend draws.
type vecPainter interface {
	rect(x, y, w, h float32, c color.NRGBA)
	card(x, y, w, h float32, s cardStyle)
	pill(x, y, w, h float32, c color.NRGBA)
	polyline(pts []layout.Point, c color.NRGBA, width float32, dashed bool)
	text(x, baseline float32, f vface, c color.NRGBA, s string)
}

// cardStyle is how a card's body, border and stripe look.
type cardStyle struct {
	radius, border, stripe  float32
	fill, line, stripeColor color.NRGBA
	dashed                  bool // a vacant card's dashed border
}

// vecFont is one typeface as the vector writers use it: its file (to embed
// a subset), glyph ids and advances, and the glyphs a chart used.
type vecFont struct {
	name       string // PostScript name
	weight     int
	italic     bool
	data       []byte
	sf         *sfnt.Font
	buf        sfnt.Buffer
	upem       float32
	asc, desc  float32 // per unit of font size
	bbox       [4]float32
	italicAng  float32
	capHeight  float32
	gid        map[rune]uint16
	adv        map[uint16]float32 // per unit of font size
	used       map[uint16]rune    // glyph -> the text it stands for
	usedOrder  []uint16
	subsetName string
}

func newVecFont(data []byte, weight int, italic bool) (*vecFont, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("reading a chart font: %w", err)
	}
	f := &vecFont{weight: weight, italic: italic, data: data, sf: sf, gid: map[rune]uint16{},
		adv: map[uint16]float32{}, used: map[uint16]rune{}}
	f.upem = float32(sf.UnitsPerEm())
	ppem := fixed.Int26_6(sf.UnitsPerEm()) << 6
	m, err := sf.Metrics(&f.buf, ppem, 0)
	if err != nil {
		return nil, fmt.Errorf("reading a chart font's metrics: %w", err)
	}
	f.asc, f.desc = float32(m.Ascent)/64/f.upem, float32(m.Descent)/64/f.upem
	f.capHeight = float32(m.CapHeight) / 64 / f.upem
	b, err := sf.Bounds(&f.buf, ppem, 0)
	if err == nil {
		// sfnt bounds have y down.
		f.bbox = [4]float32{float32(b.Min.X) / 64 / f.upem, -float32(b.Max.Y) / 64 / f.upem, float32(b.Max.X) / 64 / f.upem, -float32(b.Min.Y) / 64 / f.upem}
	}
	if name, err := sf.Name(&f.buf, sfnt.NameIDPostScript); err == nil && name != "" {
		f.name = name
	} else {
		f.name = "NotoSans"
	}
	if italic {
		f.italicAng = -12
	}
	return f, nil
}

// glyph returns the glyph id of a rune (0 when the font lacks it) and
// records it as used.
func (f *vecFont) glyph(r rune) uint16 {
	g, ok := f.gid[r]
	if !ok {
		i, err := f.sf.GlyphIndex(&f.buf, r)
		if err == nil {
			g = uint16(i)
		}
		f.gid[r] = g
		if _, seen := f.used[g]; !seen {
			f.used[g] = r
			f.usedOrder = append(f.usedOrder, g)
		}
	}
	return g
}

// advance is the advance of glyph g per unit of font size.
func (f *vecFont) advance(g uint16) float32 {
	a, ok := f.adv[g]
	if !ok {
		v, err := f.sf.GlyphAdvance(&f.buf, sfnt.GlyphIndex(g), fixed.Int26_6(f.sf.UnitsPerEm())<<6, 0)
		if err == nil {
			a = float32(v) / 64 / f.upem
		}
		f.adv[g] = a
	}
	return a
}

// vface is a font at a size in logical pixels.
type vface struct {
	f    *vecFont
	size float32
}

func (v vface) width(s string) float32 {
	w := float32(0)
	for _, r := range s {
		w += v.f.advance(v.f.glyph(r))
	}
	return w * v.size
}

// vecFonts are the chart's three typefaces.
type vecFonts struct{ regular, bold, italic *vecFont }

func (r *renderer) vectorFonts() (*vecFonts, error) {
	var vf vecFonts
	var err error
	if vf.regular, err = newVecFont(r.fonts.regularData, 400, false); err != nil {
		return nil, err
	}
	if vf.bold, err = newVecFont(r.fonts.boldData, 700, false); err != nil {
		return nil, err
	}
	if vf.italic, err = newVecFont(r.fonts.italicData, 400, true); err != nil {
		return nil, err
	}
	return &vf, nil
}

func (vf *vecFonts) all() []*vecFont { return []*vecFont{vf.regular, vf.bold, vf.italic} }

// vectorChart draws the whole chart through vp: the page, the header and
// legend, the connectors, then the cards, the order the PNG uses. r must be
// made at scale 1 (its faces fit the text in logical pixels).
func (r *renderer) vectorChart(vp vecPainter, vf *vecFonts, transparent bool) {
	w, h := r.size()
	if !transparent {
		vp.rect(0, 0, float32(w), float32(h), r.pal.page)
	}
	m := r.m
	var (
		title  = vface{vf.bold, m.TitleSize}
		holder = vface{vf.regular, m.HolderSize}
		vacant = vface{vf.italic, m.HolderSize}
		small  = vface{vf.bold, m.SmallSize}
		head   = vface{vf.bold, titleSize}
		sub    = vface{vf.regular, subSize}
		legend = vface{vf.regular, legendSize}
	)
	text := func(f vface, c color.NRGBA, s string, x, top, lineH float32) {
		if s == "" {
			return
		}
		asc, desc := f.f.asc*f.size, f.f.desc*f.size
		vp.text(x, top+(lineH-(asc+desc))/2+asc, f, c, s)
	}
	// Header and legend.
	x, y := margin, margin
	text(head, r.pal.title, r.heading, x, y, titleLine)
	y += titleLine
	text(sub, r.pal.muted, r.subline, x, y, subLine)
	y += subLine + legendGap
	sy := y + (legendLine-legendSwatch)/2
	for _, d := range r.domains {
		vp.rect(x, sy, legendSwatch, legendSwatch, DomainColor(d, r.dark))
		x += legendSwatch * 1.5
		text(legend, r.pal.holder, d.Name(), x, y, legendLine)
		x += legend.width(d.Name()) + legendSpace
	}
	vp.card(x, sy, legendSwatch, legendSwatch, cardStyle{border: 1, fill: r.pal.vacantCard, line: r.pal.border, dashed: true})
	x += legendSwatch * 1.5
	text(legend, r.pal.vacant, "Vacant", x, y, legendLine)
	x += legend.width("Vacant") + legendSpace
	for _, sev := range []int{2, 1, 0} {
		if !r.severities[sev] {
			continue
		}
		vp.pill(x, sy, legendSwatch*5/3, legendSwatch, r.pal.badge[sev])
		x += legendSwatch*5/3 + legendSwatch/2
		text(legend, r.pal.holder, severityNames[sev], x, y, legendLine)
		x += legend.width(severityNames[sev]) + legendSpace
	}

	oxi, oyi := r.origin()
	ox, oy := float32(oxi), float32(oyi)
	pts := make([]layout.Point, 0, 8)
	for i := range r.l.Edges {
		e := &r.l.Edges[i]
		pts = pts[:0]
		for _, p := range e.Points {
			pts = append(pts, layout.Point{X: ox + p.X, Y: oy + p.Y})
		}
		if e.Dotted {
			vp.polyline(pts, r.pal.dotted, 1.2, true)
		} else {
			vp.polyline(pts, r.pal.line, 1, false)
		}
	}
	if r.texts == nil {
		r.texts = make([]cardText, len(r.l.Cards))
	}
	for ci := range r.l.Cards {
		c := &r.l.Cards[ci]
		x0, y0 := ox+c.X, oy+c.Y
		pos := c.Position
		st := cardStyle{radius: m.Radius, border: m.Border, stripe: m.Stripe, fill: r.pal.card, line: r.pal.border,
			stripeColor: DomainColor(r.domainOf(pos), r.dark), dashed: pos.Vacant()}
		if pos.Vacant() {
			st.fill = r.pal.vacantCard
		}
		vp.card(x0, y0, c.W, c.H, st)
		tx := x0 + m.TextX()
		right := x0 + m.TextX() + m.TextWidth(c.W)
		t := &r.texts[ci]
		if !t.done {
			t.title = wrap(r.title, r.titleOf(pos), int(right-tx), m.TitleLines)
		}
		for i, line := range t.title {
			tr := m.TitleRect(c.W, i)
			text(title, r.pal.title, line, tx, y0+tr.Y, tr.H)
		}
		hr := m.HolderRect(c.W)
		holderRight := right
		if pos.Count > 0 {
			team := m.TeamPrefix + strconv.Itoa(pos.Count)
			tw := small.width(team)
			text(small, r.pal.muted, team, right-tw, y0+hr.Y, hr.H)
			holderRight -= tw + 8
		}
		hf, hface, hc, hs := r.holder, holder, r.pal.holder, pos.Holder
		if pos.Vacant() {
			hf, hface, hc, hs = r.vacant, vacant, r.pal.vacant, "Vacant"
		}
		if !t.done {
			t.holder, t.done = shorten(hf, hs, int(holderRight-tx)), true
		}
		text(hface, hc, t.holder, tx, y0+hr.Y, hr.H)
		if r.opt.Badges != nil {
			slot := 0
			counts := r.opt.Badges(pos.ID)
			for sev := 2; sev >= 0; sev-- {
				n := counts[sev]
				if n <= 0 {
					continue
				}
				br := m.BadgeRect(slot)
				slot++
				vp.pill(x0+br.X, y0+br.Y, br.W, br.H, r.pal.badge[sev])
				label := strconv.Itoa(n)
				if n > 99 {
					label = "99+"
				}
				text(small, r.pal.badgeText[sev], label, x0+br.X+(br.W-small.width(label))/2, y0+br.Y, br.H)
			}
		}
		if c.Hidden > 0 {
			cr := m.CollapseRect(c.W, c.H)
			below := fmt.Sprintf(m.BelowFormat, c.Hidden)
			text(small, r.pal.muted, below, right-small.width(below), y0+cr.Y, cr.H)
		}
	}
}

// vectorRenderer is the renderer at scale 1 that the vector writers fit
// text with, and the chart's size in logical pixels.
func vectorRenderer(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (*renderer, float32, float32, error) {
	opt.Scale = 1
	r, err := newRenderer(p, cat, l, opt)
	if err != nil {
		return nil, 0, 0, err
	}
	w, h := r.size()
	return r, float32(w), float32(h), nil
}
