package render

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
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

	headerHeight = titleLine + subLine + legendGap + legendLine + chartGap
)

// Dashes of vacant cards' borders and of dotted-line connectors.
const (
	dashLen float32 = 6
	dashGap float32 = 4
)

// BuildScene is the chart of layout l of plan p as a scene: the header (the
// plan's name, a line of figures, the legend), the connectors and the
// cards. cat gives role titles and domains (nil falls back to role ids and
// grey stripes). Every output format draws this scene.
func BuildScene(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (*Scene, error) {
	return buildScene(p, cat, l, opt, true)
}

// buildScene is BuildScene; with whole false it only sizes the page (for
// Size), shaping just the header.
func buildScene(p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options, whole bool) (*Scene, error) {
	theme, err := look.ParseTheme(opt.Theme)
	if err != nil {
		return nil, err
	}
	sh := opt.Shaper
	if sh == nil {
		sh = look.NewShaper()
	}
	b := &sceneBuilder{p: p, cat: cat, l: l, opt: opt, sh: sh, pal: look.PaletteFor(theme), m: layout.Metrics(), theme: theme, whole: whole}
	if b.opt.Badges == nil && b.opt.Findings != nil {
		b.opt.Badges = b.opt.Findings.Counts
	}
	b.sc = &Scene{Theme: theme, Page: b.pal.Page, Shaper: sh}
	switch opt.Background {
	case "", "page":
	case "transparent":
		b.sc.Transparent = true
	default:
		return nil, fmt.Errorf("unknown background %q: use page or transparent", opt.Background)
	}
	b.header()
	return b.sc, nil
}

type sceneBuilder struct {
	p     *orgchart.Plan
	cat   *catalog.Catalog
	l     *layout.Layout
	opt   Options
	sh    *look.Shaper
	pal   look.Palette
	m     layout.CardMetrics
	theme look.Theme
	sc    *Scene
	whole bool // false: size the page only
}

func (b *sceneBuilder) add(it Item) { b.sc.Items = append(b.sc.Items, it) }

// text adds s in face f with its line box's top-left at (x, top), centred
// in a line box lineH high, and returns its width.
func (b *sceneBuilder) text(s string, f look.Face, c color.NRGBA, x, top, lineH float32) float32 {
	if s == "" {
		return 0
	}
	line := b.sh.Shape(s, f)
	baseline := top + (lineH-(line.Ascent+line.Descent))/2 + line.Ascent
	b.add(&Text{X: x, Y: baseline, Face: f, Color: c, Line: line})
	return line.Width
}

// header measures the header, sizes the page, then adds header, connectors
// and cards in drawing order.
func (b *sceneBuilder) header() {
	heading := b.p.Name
	if heading == "" {
		heading = "Org chart"
	}
	b.sc.Title = heading
	sub := b.subline()
	domains, severities := b.legendEntries()
	headFace, subFace, legendFace := look.Face{Style: look.Bold, Size: titleSize}, look.Face{Style: look.Regular, Size: subSize}, look.Face{Style: look.Regular, Size: legendSize}

	legendW := float32(0)
	labels := []string{}
	for _, d := range domains {
		labels = append(labels, d.Name())
	}
	labels = append(labels, look.VacantLabel)
	for _, sev := range severities {
		labels = append(labels, severityNames[sev])
		legendW += legendSwatch*5/3 - legendSwatch // pills are wider than squares
	}
	for _, label := range labels {
		legendW += legendSwatch + legendSwatch/2 + b.sh.Measure(label, legendFace) + legendSpace
	}
	// A long plan name is shortened to the chart's width (at least a
	// slide title's), so the header never sets the size of the image.
	limit := max(b.l.Width, 1200)
	heading = look.Ellipsize(b.sh.Measure, heading, headFace, limit)
	sub = look.Ellipsize(b.sh.Measure, sub, subFace, limit)
	headerW := max(b.sh.Measure(heading, headFace), b.sh.Measure(sub, subFace), legendW)
	b.sc.Width = max(b.l.Width, headerW) + 2*margin
	b.sc.Height = margin + headerHeight + b.l.Height + margin
	if !b.whole {
		return
	}

	x, y := margin, margin
	b.text(heading, headFace, b.pal.Title, x, y, titleLine)
	y += titleLine
	b.text(sub, subFace, b.pal.Muted, x, y, subLine)
	y += subLine + legendGap
	sy := y + (legendLine-legendSwatch)/2
	entry := func(box *Box, label string, c color.NRGBA) {
		b.add(box)
		x += box.W + legendSwatch/2
		x += b.text(label, legendFace, c, x, y, legendLine) + legendSpace
	}
	for _, d := range domains {
		entry(&Box{Rect: Rect{x, sy, legendSwatch, legendSwatch}, Fill: look.DomainColor(d, b.theme)}, d.Name(), b.pal.Holder)
	}
	// A vacant swatch: the vacant card's fill inside a dashed border.
	entry(&Box{Rect: Rect{x, sy, legendSwatch, legendSwatch}, Fill: b.pal.VacantCard, Stroke: b.pal.Border, StrokeWidth: 1, Dash: 2, Gap: 2},
		look.VacantLabel, b.pal.Vacant)
	// Badge colours as small pills, the badges' shape, so they are not
	// mistaken for domain colours of similar hue.
	for _, sev := range severities {
		entry(&Box{Rect: Rect{x, sy, legendSwatch * 5 / 3, legendSwatch}, Fill: b.pal.Badge[sev], Radius: legendSwatch / 2, Corners: AllCorners},
			severityNames[sev], b.pal.Holder)
	}

	ox, oy := margin, margin+headerHeight
	if headerW > b.l.Width {
		ox += (headerW - b.l.Width) / 2 // a narrow chart sits in the middle
	}
	b.edges(ox, oy)
	b.cards(ox, oy)
}

// subline is the line under the heading: date, people and positions, what
// is shown, findings.
func (b *sceneBuilder) subline() string {
	people := 0
	for _, pos := range b.p.Positions {
		people += pos.Headcount()
	}
	sub := orgchart.Count(people, "person", "people") + " in " + orgchart.Count(len(b.p.Positions), "position", "positions")
	if n := len(b.l.Cards); n < len(b.p.Positions) {
		sub += fmt.Sprintf(" · showing %s", orgchart.Thousands(n))
		if n > 0 && b.l.Cards[0].Position.ReportsTo != "" {
			sub += " under " + look.Title(b.l.Cards[0].Position, b.cat)
		}
	}
	if b.opt.Date != "" {
		sub = b.opt.Date + " · " + sub
	}
	if f := b.opt.Findings; f != nil {
		var n [3]int
		for _, x := range f.Findings {
			if s := int(x.Severity); s >= 0 && s < 3 {
				n[s]++
			}
		}
		var parts []string
		for sev, noun := range []string{"info finding", "warning", "error"} {
			if n[sev] > 0 {
				parts = append([]string{orgchart.Count(n[sev], noun, noun+"s")}, parts...)
			}
		}
		if len(parts) == 0 {
			parts = []string{"no findings"}
		}
		sub += " · " + strings.Join(parts, ", ")
		// Findings about the plan as a whole (a responsibility nobody
		// owns) or about positions not drawn have no badge: say so, or a
		// reader looks for them on the cards.
		if off := b.findingsOffCards(f); off > 0 {
			sub += fmt.Sprintf(" (%s not on a card)", orgchart.Thousands(off))
		}
	}
	return sub
}

// findingsOffCards counts the findings that name no position drawn.
func (b *sceneBuilder) findingsOffCards(f *check.Report) int {
	drawn := make(map[string]bool, len(b.l.Cards))
	for i := range b.l.Cards {
		drawn[b.l.Cards[i].Position.ID] = true
	}
	off := 0
	for _, x := range f.Findings {
		if !slices.ContainsFunc(x.Positions, func(id string) bool { return drawn[id] }) {
			off++
		}
	}
	return off
}

// legendEntries are the domains on the chart (catalog order) and the
// severities of its badges (errors first).
func (b *sceneBuilder) legendEntries() ([]catalog.Domain, []int) {
	seen := map[catalog.Domain]bool{}
	var sevs [3]bool
	for i := range b.l.Cards {
		pos := b.l.Cards[i].Position
		seen[b.domainOf(pos)] = true
		if b.opt.Badges != nil {
			for sev, n := range b.opt.Badges(pos.ID) {
				sevs[sev] = sevs[sev] || n > 0
			}
		}
	}
	var domains []catalog.Domain
	for _, d := range catalog.Domains {
		if seen[d] {
			domains = append(domains, d)
		}
	}
	var severities []int
	for _, sev := range []int{2, 1, 0} {
		if sevs[sev] {
			severities = append(severities, sev)
		}
	}
	return domains, severities
}

func (b *sceneBuilder) domainOf(pos *orgchart.Position) catalog.Domain {
	if b.cat == nil {
		return ""
	}
	return look.RoleDomain(b.cat.Role(pos.Role))
}

func (b *sceneBuilder) edges(ox, oy float32) {
	for i := range b.l.Edges {
		e := &b.l.Edges[i]
		pts := make([]layout.Point, len(e.Points))
		for k, q := range e.Points {
			pts[k] = layout.Point{X: ox + q.X, Y: oy + q.Y}
		}
		path := &Path{Points: pts, Color: b.pal.Line, Width: 1,
			From: b.l.Cards[e.From].Position.ID, To: b.l.Cards[e.To].Position.ID}
		if e.Dotted {
			path.Color, path.Width, path.Dash, path.Gap = b.pal.Dotted, 1.2, dashLen, dashGap
		}
		b.add(path)
	}
}

func (b *sceneBuilder) cards(ox, oy float32) {
	m := b.m
	fs := look.Faces(m)
	for i := range b.l.Cards {
		c := &b.l.Cards[i]
		pos := c.Position
		x, y := ox+c.X, oy+c.Y
		var badges [3]int
		if b.opt.Badges != nil {
			badges = b.opt.Badges(pos.ID)
		}
		content := look.Content(pos, b.cat, badges, c.Hidden)
		card := &Box{Rect: Rect{x, y, c.W, c.H}, Fill: b.pal.Card, Stroke: b.pal.Border, StrokeWidth: m.Border,
			Radius: m.Radius, Corners: AllCorners, ID: pos.ID}
		if content.Vacant {
			card.Fill, card.Dash, card.Gap = b.pal.VacantCard, dashLen, dashGap
		}
		b.add(card)
		b.add(&Box{Rect: Rect{x, y, m.Stripe, c.H}, Fill: look.DomainColor(content.Domain, b.theme), Radius: m.Radius, Corners: LeftCorners})

		t := look.Fit(content, m, c.W, b.sh.Measure)
		for k, line := range t.Title {
			tr := m.TitleRect(c.W, k)
			b.text(line, fs.Title, b.pal.Title, x+tr.X, y+tr.Y, tr.H)
		}
		hr := m.HolderRect(c.W)
		if t.Team != "" {
			b.text(t.Team, fs.Small, b.pal.Muted, x+hr.X+hr.W-b.sh.Measure(t.Team, fs.Small), y+hr.Y, hr.H)
		}
		holderColor := b.pal.Holder
		if content.Vacant {
			holderColor = b.pal.Vacant
		}
		b.text(t.Holder, t.HolderFace, holderColor, x+hr.X, y+hr.Y, hr.H)
		for _, bd := range t.Badges {
			r := bd.Rect
			b.add(&Box{Rect: Rect{x + r.X, y + r.Y, r.W, r.H}, Fill: b.pal.Badge[bd.Severity], Radius: r.H / 2, Corners: AllCorners})
			lw := b.sh.Measure(bd.Label, fs.Small)
			b.text(bd.Label, fs.Small, b.pal.BadgeText[bd.Severity], x+r.X+(r.W-lw)/2, y+r.Y, r.H)
		}
		if t.Below != "" {
			cr := m.CollapseRect(c.W, c.H)
			right := m.TextX() + m.TextWidth(c.W)
			b.text(t.Below, fs.Small, b.pal.Muted, x+right-b.sh.Measure(t.Below, fs.Small), y+cr.Y, cr.H)
		}
	}
}

// severityNames label the badge colours in the legend, by severity.
var severityNames = [3]string{"Info", "Warnings", "Errors"}
