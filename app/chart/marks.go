package chart

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// MarkKind is what a comparison of plans says of a card's own position.
type MarkKind uint8

// The kinds of change a card is marked with.
const (
	Unchanged MarkKind = iota
	MarkAdded
	MarkMoved
	MarkChanged
)

// Mark is what the chart shows on a card while plans are compared
// (Chart.Mark): the card's own change, the reports removed from under it
// (a removed position is no card, so its manager says it), and how many
// changes a folded card or a block hides.
type Mark struct {
	Kind    MarkKind
	Removed int // positions removed below it whose nearest manager left is this one
	Below   int // changes to positions below it (said when they are not in view as cards)
}

// IsZero reports whether there is nothing to mark.
func (m Mark) IsZero() bool { return m == Mark{} }

// Marks are drawn readable at every zoom: a band of the change's colour
// along the card's top, and a badge with a symbol and a word, never smaller
// than markMinText on screen. Colour is never the only sign.
const (
	markMinText float32 = 12
	markBand    float32 = 6 // layout units
	markMinBand float32 = 4 // screen units

	markGap float32 = 4
	// maxMarks caps the marked cards drawn in one frame.
	maxMarks = 400
)

// badge is one word of a mark: symbol, word and fill.
type badge struct {
	short, long string
	fill        color.NRGBA
	below       bool // says the changes below a folded card, not the card's own
}

// badgesOf lists the badges of a card's mark; folded says whether its
// reports are out of view (then Below is said too).
func badgesOf(m Mark, folded bool, pal uikit.Palette) []badge {
	var out []badge
	switch m.Kind {
	case MarkAdded:
		out = append(out, badge{short: "+", long: "+ New", fill: pal.Drop})
	case MarkMoved:
		out = append(out, badge{short: "»", long: "» Moved", fill: pal.Accent})
	case MarkChanged:
		out = append(out, badge{short: "Δ", long: "Δ Changed", fill: pal.Badge[1]})
	}
	if m.Removed > 0 {
		out = append(out, badge{short: fmt.Sprintf("–%d", m.Removed), long: fmt.Sprintf("– %d removed", m.Removed), fill: pal.Refuse})
	}
	if folded && m.Below > 0 {
		out = append(out, badge{short: fmt.Sprintf("%d Δ", m.Below), long: changesBelow(m.Below), fill: pal.Muted, below: true})
	}
	return out
}

func changesBelow(n int) string {
	if n == 1 {
		return "1 change below"
	}
	return fmt.Sprintf("%d changes below", n)
}

// bandColor is the colour of a card's band: its own change's.
func bandColor(k MarkKind, pal uikit.Palette) (color.NRGBA, bool) {
	switch k {
	case MarkAdded:
		return pal.Drop, true
	case MarkMoved:
		return pal.Accent, true
	case MarkChanged:
		return pal.Badge[1], true
	}
	return color.NRGBA{}, false
}

// markPool is the reused objects of the marks of one frame: bands, badge
// backgrounds and badge texts.
type markPool struct {
	rects []*canvas.Rectangle
	texts []*canvas.Text
	nr    int
	nt    int
	shown []ShownMark
}

func (p *markPool) start() { p.nr, p.nt, p.shown = 0, 0, p.shown[:0] }

func (p *markPool) rect() *canvas.Rectangle {
	if p.nr == len(p.rects) {
		p.rects = append(p.rects, canvas.NewRectangle(color.Transparent))
	}
	r := p.rects[p.nr]
	p.nr++
	return r
}

func (p *markPool) text() *canvas.Text {
	if p.nt == len(p.texts) {
		t := canvas.NewText("", color.White)
		t.Alignment = fyne.TextAlignCenter
		t.TextStyle.Bold = true
		p.texts = append(p.texts, t)
	}
	t := p.texts[p.nt]
	p.nt++
	return t
}

func (p *markPool) finish() {
	for _, r := range p.rects[p.nr:] {
		if !r.Hidden {
			r.Hide()
		}
	}
	for _, t := range p.texts[p.nt:] {
		if !t.Hidden {
			t.Hide()
		}
	}
}

func (p *markPool) objects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(p.rects)+len(p.texts))
	for _, r := range p.rects {
		out = append(out, r)
	}
	for _, t := range p.texts {
		out = append(out, t)
	}
	return out
}

func (p *markPool) size() int { return len(p.rects) + len(p.texts) }

// ShownMark is a mark drawn now: a badge's text, where it is on screen,
// its text size and fill, or a band (Text "").
type ShownMark struct {
	ID       string
	Text     string
	Pos      fyne.Position
	Size     fyne.Size
	TextSize float32
	Fill     color.NRGBA
}

// placeRect shows a filled rectangle.
func (p *markPool) placeRect(at fyne.Position, s fyne.Size, fill color.NRGBA, radius float32) *canvas.Rectangle {
	r := p.rect()
	changed := r.FillColor != fill || r.CornerRadius != radius || r.Hidden
	r.FillColor, r.CornerRadius = fill, radius
	r.TopLeftCornerRadius, r.TopRightCornerRadius = 0, 0
	r.Move(at)
	r.Resize(s)
	r.Show()
	if changed {
		r.Refresh()
	}
	return r
}

// badgeSize is the text size and the height of a badge at zoom z.
func badgeSize(z float32) (text, height float32) {
	text = max(markMinText, (layout.Metrics().SmallSize+1)*z)
	return text, text * 1.4
}

// placeBadge draws one badge with its right end at right and its top at y,
// and returns its left end.
func (r *chartRenderer) placeBadge(id string, b badge, label string, right, y, ts, h float32) float32 {
	w := r.fitter.width(label, ts, fyne.TextStyle{Bold: true}) + ts
	at := fyne.NewPos(right-w, y)
	r.marks.placeRect(at, fyne.NewSize(w, h), b.fill, h/2)
	t := r.marks.text()
	col := look.TextOn(b.fill)
	changed := t.Text != label || t.TextSize != ts || t.Color != col || t.Hidden
	t.Text, t.TextSize, t.Color = label, ts, col
	t.Move(at)
	t.Resize(fyne.NewSize(w, h))
	t.Show()
	if changed {
		t.Refresh()
	}
	r.marks.shown = append(r.marks.shown, ShownMark{ID: id, Text: label, Pos: at, Size: fyne.NewSize(w, h), TextSize: ts, Fill: b.fill})
	return right - w
}

// markRoom is the width the badges of card k take at the right end of the
// card below detailZoom, where they sit inside it beside the label.
func (r *chartRenderer) markRoom(k *layout.Card, pal uikit.Palette) float32 {
	if r.c.Mark == nil {
		return 0
	}
	ts, _ := badgeSize(r.c.zoom)
	room := float32(0)
	for _, b := range r.lowBadges(badgesOf(r.c.Mark(k.Position.ID), k.Hidden > 0, pal), k) {
		room += r.fitter.width(b.label, ts, fyne.TextStyle{Bold: true}) + ts + markGap
	}
	return room
}

// lowBadge is a badge as drawn below detailZoom, with what it says.
type lowBadge struct {
	badge
	label string
}

// lowBadges is what the badges say on a card below detailZoom: words when
// the card has room for them beside a short label, else symbols; and when
// even the symbols would leave no room for the label, the count of changes
// below a folded card goes (its name matters more; the card's own change
// stays).
func (r *chartRenderer) lowBadges(bs []badge, k *layout.Card) []lowBadge {
	if len(bs) == 0 {
		return nil
	}
	ts, _ := badgeSize(r.c.zoom)
	room := (k.W-layout.Metrics().Stripe)*r.c.zoom - 50 // what leaves a few letters of the label
	if k.Hidden > 0 {
		room -= r.c.pillWidth(k) + 2
	}
	bold := fyne.TextStyle{Bold: true}
	sum := func(bs []badge, long bool) float32 {
		w := float32(0)
		for _, b := range bs {
			text := b.short
			if long {
				text = b.long
			}
			w += r.fitter.width(text, ts, bold) + ts + markGap
		}
		return w
	}
	long := sum(bs, true) <= room
	if !long && sum(bs, false) > room {
		own := bs[:0:0]
		for _, b := range bs {
			if !b.below {
				own = append(own, b)
			}
		}
		bs = own
	}
	out := make([]lowBadge, len(bs))
	for i, b := range bs {
		out[i] = lowBadge{b, b.short}
		if long {
			out[i].label = b.long
		}
	}
	return out
}

// drawMarks places the marks of the cards (and, below blockZoom, blocks)
// in view.
func (r *chartRenderer) drawMarks(pal uikit.Palette) {
	c := r.c
	lay := c.st.Layout()
	if c.Mark == nil || lay == nil || len(lay.Cards) == 0 {
		return
	}
	z := c.zoom
	m := layout.Metrics()
	ts, h := badgeSize(z)
	x0, y0, x1, y1 := c.visibleRect()
	// blocks say how many changes they hold
	for _, b := range r.blocks {
		n := 0
		for j := b; j < int(r.subs.end[b]); j++ {
			mk := c.Mark(lay.Cards[j].Position.ID)
			if mk.Kind != Unchanged {
				n++
			}
			n += mk.Removed
			if lay.Cards[j].Hidden > 0 {
				n += mk.Below
			}
		}
		if n == 0 {
			continue
		}
		// inside the block, under its name and numbers (drawLabels)
		box := r.subs.box[b]
		p := c.FromLayout(box.X, box.Y)
		top := p.Y + 8 + blockNameSize*1.3 + blockStatsSize*1.4 + 4
		if box.H*z < top-p.Y+h+4 || box.W*z < 40 {
			continue
		}
		bg := badge{short: fmt.Sprintf("%d Δ", n), long: changesBelow(n), fill: pal.Accent}
		label := bg.long
		if r.fitter.width(label, ts, fyne.TextStyle{Bold: true})+ts > box.W*z-12 {
			label = bg.short
		}
		w := r.fitter.width(label, ts, fyne.TextStyle{Bold: true}) + ts
		r.placeBadge(lay.Cards[b].Position.ID, bg, label, p.X+6+w, top, ts, h)
	}
	n := 0
	lay.Visible(x0, y0-h/z, x1, y1, func(i int) {
		if n >= maxMarks || r.inBlock != nil && r.inBlock[i] {
			return
		}
		k := &lay.Cards[i]
		mk := c.Mark(k.Position.ID)
		if mk.IsZero() {
			return
		}
		bs := badgesOf(mk, k.Hidden > 0, pal)
		if len(bs) == 0 {
			return
		}
		n++
		origin := c.FromLayout(k.X, k.Y)
		w := k.W * z
		if fill, ok := bandColor(mk.Kind, pal); ok {
			band := r.marks.placeRect(origin, fyne.NewSize(w, max(markMinBand, markBand*z)), fill, 0)
			band.TopLeftCornerRadius, band.TopRightCornerRadius = m.Radius*z, m.Radius*z
			band.Refresh()
			r.marks.shown = append(r.marks.shown, ShownMark{ID: k.Position.ID, Pos: band.Position(), Size: band.Size(), Fill: fill})
		}
		if z >= detailZoom {
			// on the card's top edge, right-aligned: half above it, and never
			// down to the title's letters (then a little over the gap above)
			right, y := origin.X+w-m.PadX*z, origin.Y-max(h/2, h-(m.PadY+1)*z)
			for _, b := range bs {
				right = r.placeBadge(k.Position.ID, b, b.long, right, y, ts, h) - markGap
			}
			return
		}
		if w < labelMinWidth {
			return // a box too small for a word: the band says it
		}
		// inside the card at its right end, left of a folded card's pill
		bh := min(h, max(k.H*z-2, 1))
		right := origin.X + w - 2
		if k.Hidden > 0 {
			right -= c.pillWidth(k) + 2
		}
		y := origin.Y + (k.H*z-bh)/2
		for _, b := range r.lowBadges(bs, k) {
			right = r.placeBadge(k.Position.ID, b.badge, b.label, right, y, min(ts, bh/1.5), bh) - markGap
		}
	})
}

// MarksShown lists the marks drawn now (tests).
func (c *Chart) MarksShown() []ShownMark {
	if c.r == nil {
		return nil
	}
	return append([]ShownMark(nil), c.r.marks.shown...)
}
