package chart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// cardObjects is the number of canvas objects one pooled card holds.
const cardObjects = 14

// cardView is one pooled card on the chart: the same card the PNG export
// draws, from layout's card metrics. It is rebound to whichever card is in
// view; a text object is refreshed only when what it shows changes.
type cardView struct {
	bg, stripe     *canvas.Rectangle
	title          [2]*canvas.Text
	holder, team   *canvas.Text
	badgeBg        [3]*canvas.Rectangle
	badgeText      [3]*canvas.Text
	ctrlBg         *canvas.Rectangle
	ctrlText       *canvas.Text
	id             string // position shown, for tests and the layout dump
	pos            fyne.Position
	size           fyne.Size
	all            []fyne.CanvasObject
	lastBadgeCount [3]int
}

func newCardView() *cardView {
	v := &cardView{
		bg:       canvas.NewRectangle(color.Transparent),
		stripe:   canvas.NewRectangle(color.Transparent),
		holder:   canvas.NewText("", color.Black),
		team:     canvas.NewText("", color.Black),
		ctrlBg:   canvas.NewRectangle(color.Transparent),
		ctrlText: canvas.NewText("", color.Black),
	}
	v.team.Alignment = fyne.TextAlignTrailing
	v.ctrlText.Alignment = fyne.TextAlignCenter
	v.all = append(v.all, v.bg, v.stripe)
	for i := range v.title {
		v.title[i] = canvas.NewText("", color.Black)
		v.title[i].TextStyle.Bold = true
		v.all = append(v.all, v.title[i])
	}
	v.all = append(v.all, v.holder, v.team)
	for i := range v.badgeBg {
		v.badgeBg[i] = canvas.NewRectangle(color.Transparent)
		v.badgeText[i] = canvas.NewText("", color.White)
		v.badgeText[i].Alignment = fyne.TextAlignCenter
		v.badgeText[i].TextStyle.Bold = true
		v.all = append(v.all, v.badgeBg[i])
	}
	for i := range v.badgeText {
		v.all = append(v.all, v.badgeText[i])
	}
	v.all = append(v.all, v.ctrlBg, v.ctrlText)
	return v
}

func (v *cardView) objects() []fyne.CanvasObject { return v.all }

func (v *cardView) hide() {
	v.id = ""
	for _, o := range v.all {
		o.Hide()
	}
}

// bind shows card k at the chart's current view.
func (v *cardView) bind(r *chartRenderer, k *layout.Card, pal uikit.Palette) {
	c := r.c
	st := c.st
	m := layout.Metrics()
	z := c.zoom
	pos := k.Position
	v.id = pos.ID
	origin := c.FromLayout(k.X, k.Y)
	v.pos, v.size = origin, fyne.NewSize(k.W*z, k.H*z)
	place := func(o fyne.CanvasObject, rc layout.Rect) {
		o.Move(origin.Add(fyne.NewPos(rc.X*z, rc.Y*z)))
		o.Resize(fyne.NewSize(max(rc.W*z, 0), max(rc.H*z, 0)))
	}

	// what the card says comes from look, as in every export
	var counts [3]int
	if rep := st.Report(); rep != nil {
		counts = rep.Counts(pos.ID)
	}
	content := look.Content(pos, st.Catalog(), counts, k.Hidden)

	selected := pos.ID == st.Selected()
	target := pos.ID == c.dropID
	fill, stroke, width := pal.Card, pal.Border, m.Border*z
	if content.Vacant {
		fill = pal.VacantCard
	}
	switch {
	case target && c.dropRefuse != "":
		fill, stroke, width = pal.RefuseFill, pal.Refuse, 2.5
	case target:
		fill, stroke, width = pal.DropFill, pal.Drop, 2.5
	case selected:
		stroke, width = pal.Selected, 2.5
	case c.Found != nil && c.Found(pos.ID):
		stroke, width = pal.Found, 3
	}
	v.bg.FillColor, v.bg.StrokeColor, v.bg.StrokeWidth = fill, stroke, width
	v.bg.CornerRadius = m.Radius * z
	place(v.bg, layout.Rect{W: k.W, H: k.H})
	v.bg.Show()

	v.stripe.FillColor = uikit.DomainColor(st.Role(pos), pal.Dark)
	v.stripe.TopLeftCornerRadius = m.Radius * z
	v.stripe.BottomLeftCornerRadius = m.Radius * z
	place(v.stripe, layout.Rect{W: m.Stripe, H: k.H})
	v.stripe.Show()

	lines := r.fitter.title(st.Title(pos), m.TitleSize, m.TextWidth(k.W), m.TitleLines)
	for i, t := range v.title {
		text := ""
		if i < len(lines) {
			text = lines[i]
		}
		setText(t, text, m.TitleSize*z, pal.Title)
		place(t, m.TitleRect(k.W, i))
	}

	hr := m.HolderRect(k.W)
	teamText := content.Team
	v.team.TextStyle = fyne.TextStyle{Bold: true}
	setText(v.team, teamText, m.SmallSize*z, pal.Muted)
	place(v.team, hr)
	holderW := hr.W
	if teamText != "" {
		holderW -= r.fitter.width(teamText, m.SmallSize, fyne.TextStyle{Bold: true}) + 8
	}
	if content.Vacant {
		v.holder.TextStyle = fyne.TextStyle{Italic: true}
		setText(v.holder, content.Holder, m.HolderSize*z, pal.Vacant)
	} else {
		v.holder.TextStyle = fyne.TextStyle{}
		setText(v.holder, r.fitter.fit(content.Holder, m.HolderSize, holderW, fyne.TextStyle{}), m.HolderSize*z, pal.Holder)
	}
	place(v.holder, layout.Rect{X: hr.X, Y: hr.Y, W: holderW, H: hr.H})

	// finding badges: errors, warnings, information, skipping zero counts
	slot := 0
	for sev := 2; sev >= 0; sev-- {
		if counts[sev] == 0 {
			continue
		}
		br := m.BadgeRect(slot)
		bg, tx := v.badgeBg[slot], v.badgeText[slot]
		bg.FillColor = pal.Badge[sev]
		bg.CornerRadius = br.H / 2 * z
		place(bg, br)
		bg.Show()
		setText(tx, look.BadgeLabel(counts[sev]), m.SmallSize*z, pal.BadgeText[sev])
		place(tx, br)
		slot++
	}
	for ; slot < 3; slot++ {
		v.badgeBg[slot].Hide()
		v.badgeText[slot].Hide()
	}

	// the collapse control of managers
	if c.hasControl(k) {
		cr := m.CollapseRect(k.W, k.H)
		// expanded: a small "–" button (an en dash: the shipped font has no minus sign) at the right end; collapsed: "+N below"
		label, col := "–", pal.Muted
		if k.Hidden > 0 {
			label, col = content.Below, pal.Accent
		} else {
			cr = layout.Rect{X: cr.X + cr.W - cr.H*1.6, Y: cr.Y, W: cr.H * 1.6, H: cr.H}
		}
		v.ctrlBg.FillColor = pal.CtrlFill
		v.ctrlBg.CornerRadius = cr.H / 2 * z
		place(v.ctrlBg, cr)
		v.ctrlBg.Show()
		setText(v.ctrlText, label, m.SmallSize*z, col)
		place(v.ctrlText, cr)
	} else {
		v.ctrlBg.Hide()
		v.ctrlText.Hide()
	}
}

// setText updates a text object and refreshes it only when it changed;
// an empty text is hidden.
func setText(t *canvas.Text, s string, size float32, col color.Color) {
	if s == "" {
		t.Hide()
		return
	}
	changed := t.Text != s || t.TextSize != size || t.Color != col || t.Hidden
	t.Text, t.TextSize, t.Color = s, size, col
	t.Show()
	if changed {
		t.Refresh()
	}
}
