package chart

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// Label sizes below detailZoom: fixed screen sizes people read, whatever the zoom.
const (
	labelSize      float32 = 11
	blockNameSize  float32 = 13
	blockStatsSize float32 = 11
	// pillW and pillH are the least size of the "+N" control at low zoom: a
	// comfortable target for a pointer.
	pillW float32 = 34
	pillH float32 = 18
)

// labelPool is the reused text objects of the labels drawn below detailZoom.
type labelPool struct {
	texts []*canvas.Text
	used  int
	grew  bool
}

func (p *labelPool) start() { p.used, p.grew = 0, false }

// next returns a free text object.
func (p *labelPool) next() *canvas.Text {
	if p.used == len(p.texts) {
		p.texts = append(p.texts, canvas.NewText("", color.Black))
		p.grew = true
	}
	t := p.texts[p.used]
	p.used++
	return t
}

// finish hides the objects not used this frame.
func (p *labelPool) finish() {
	for _, t := range p.texts[p.used:] {
		if !t.Hidden {
			t.Hide()
		}
	}
}

// put shows s at p (screen units), bold or not, ellipsized to width.
func (r *chartRenderer) put(s string, p fyne.Position, size, width float32, bold bool, col color.Color) {
	if width < size {
		return
	}
	style := fyne.TextStyle{Bold: bold}
	s = r.fitter.fit(s, size, width, style)
	if s == "" {
		return
	}
	t := r.labels.next()
	changed := t.Text != s || t.TextSize != size || t.TextStyle != style || t.Color != col || t.Hidden
	t.Text, t.TextSize, t.TextStyle, t.Color = s, size, style, col
	t.Move(p)
	t.Resize(fyne.NewSize(width, size*1.4))
	t.Show()
	if changed {
		t.Refresh()
	}
}

// cardLabel is what a card says when its own text is too small to read: a
// manager's holder (or title) with the headcount below it when both fit,
// else the title. Names shorten to "Grace H." or "Grace" before an ellipsis.
func (r *chartRenderer) cardLabel(i int, subs *subtrees, width float32) (string, bool) {
	k := &r.c.st.Layout().Cards[i]
	pos := k.Position
	manager := k.Hidden > 0 || k.Below > 0
	bold := fyne.TextStyle{Bold: manager}
	if !manager {
		return r.fitter.fit(r.c.st.Title(pos), labelSize, width, bold), false
	}
	name := pos.Holder
	if name == "" {
		name = r.c.st.Title(pos)
	}
	short := r.shortName(name, width, bold)
	count := fmt.Sprintf(" · %d", subs.people[i])
	if k.Hidden == 0 { // a folded card's pill tells what it hides
		if withCount := r.shortName(name, width-r.fitter.width(count, labelSize, bold), bold); !strings.HasSuffix(withCount, "…") && withCount != "" {
			return withCount + count, true
		}
	}
	return short, true
}

// shortName fits a person's name (or a title) in width: whole, then "Grace
// H.", then "Grace", then cut with an ellipsis.
func (r *chartRenderer) shortName(name string, width float32, style fyne.TextStyle) string {
	for _, s := range shortNames(name) {
		if r.fitter.width(s, labelSize, style) <= width {
			return s
		}
	}
	return r.fitter.fit(name, labelSize, width, style)
}

// shortNames are the shorter forms of a name, longest first: "Grace Hopper",
// "Grace H.", "Grace". A name written "Last, First M" (HR exports) keeps its
// family name first: "Hopper, Grace M", "Hopper, G.", "Hopper".
func shortNames(name string) []string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return []string{name}
	}
	initial := func(w string) string { return string([]rune(w)[:1]) + "." }
	if last, ok := strings.CutSuffix(f[0], ","); ok && last != "" {
		return []string{name, last + ", " + initial(f[1]), last}
	}
	return []string{name, f[0] + " " + initial(f[len(f)-1]), f[0]}
}

// pillRect is where the "+N" control of a folded card is below detailZoom:
// the right end of the card, as wide as its number needs and at least
// pillW, and as tall as the card allows up to pillH (the card is at least
// labelMinWidth wide when it has one).
func (c *Chart) pillRect(k *layout.Card) (fyne.Position, fyne.Size) {
	tr := c.FromLayout(k.X+k.W, k.Y)
	h := min(pillH, max(k.H*c.zoom-2, 1))
	w := c.pillWidth(k)
	return fyne.NewPos(tr.X-w-1, tr.Y+(k.H*c.zoom-h)/2), fyne.NewSize(w, h)
}

// pillLabel is what the "+N" control of a folded card says below detailZoom.
func pillLabel(k *layout.Card) string { return fmt.Sprintf("+%d", k.Hidden) }

// pillWidth is the width of a folded card's "+N" control: its number whole
// ("+1234", not "+12…"), never under pillW, never wider than the card.
func (c *Chart) pillWidth(k *layout.Card) float32 {
	w := pillW
	if c.r != nil {
		w = max(w, c.r.fitter.width(pillLabel(k), labelSize, fyne.TextStyle{Bold: true})+8)
	}
	return min(w, max(k.W*c.zoom-layout.Metrics().Stripe*c.zoom-2, pillW))
}

// drawLabels places the labels of the cards and blocks in view below
// detailZoom; blocks are drawn by the raster, their text here.
func (r *chartRenderer) drawLabels(pal uikit.Palette) {
	c := r.c
	lay := c.st.Layout()
	subs := r.subs
	z := c.zoom
	x0, y0, x1, y1 := c.visibleRect()
	for _, b := range r.blocks {
		box := subs.box[b]
		p := c.FromLayout(box.X, box.Y)
		w, h := box.W*z, box.H*z
		if w < 56 || h < 30 {
			continue
		}
		k := &lay.Cards[b]
		r.put(r.blockName(k, w-12), p.Add(fyne.NewPos(6, 4)), blockNameSize, w-12, true, pal.Title)
		stats := fmt.Sprintf("%d people", subs.people[b])
		if subs.people[b] == 1 {
			stats = "1 person"
		}
		if f := subs.findings[b]; f == 1 {
			stats += " · 1 finding"
		} else if f > 1 {
			stats += fmt.Sprintf(" · %d findings", f)
		}
		if h >= 48 {
			r.put(stats, p.Add(fyne.NewPos(6, 8+blockNameSize*1.3)), blockStatsSize, w-12, false, pal.Muted)
		}
	}
	// the cards outside blocks: count first, so a crowded view labels managers only
	var shown []int
	lay.Visible(x0, y0, x1, y1, func(i int) {
		if (r.inBlock == nil || !r.inBlock[i]) && lay.Cards[i].W*z >= labelMinWidth {
			shown = append(shown, i)
		}
	})
	managersOnly := len(shown) > maxLabels
	n := 0
	for _, i := range shown {
		if n >= maxLabels {
			break
		}
		k := &lay.Cards[i]
		m := layout.Metrics()
		p := c.FromLayout(k.X+m.Stripe, k.Y)
		w, h := (k.W-m.Stripe)*z, k.H*z
		if k.Hidden > 0 {
			w -= c.pillWidth(k) + 2
		}
		w -= r.markRoom(k, pal) // a compared card's badges sit at its right end
		text, manager := r.cardLabel(i, subs, w-6)
		if managersOnly && !manager {
			continue
		}
		col := pal.Title
		if k.Position.Vacant() && !manager {
			col = pal.Vacant
		}
		r.put(text, p.Add(fyne.NewPos(3, max(0, h/2-labelSize*0.75))), labelSize, w-6, manager, col)
		n++
		if k.Hidden > 0 {
			pp, ps := c.pillRect(k)
			r.put(pillLabel(k), pp.Add(fyne.NewPos(3, (ps.Height-labelSize*1.3)/2)), labelSize, ps.Width-4, true, pal.Accent)
		}
	}
}

// blockName is what a department block is called in width: its head's
// title and holder when they fit, else what tells the blocks apart: the
// department part of a title ("VP Engineering, Checkout" is "Checkout"),
// with the holder when it fits, before any ellipsis.
func (r *chartRenderer) blockName(k *layout.Card, width float32) string {
	title := r.c.st.Title(k.Position)
	dept := title
	if i := strings.LastIndex(title, ", "); i > 0 && i+2 < len(title) {
		dept = title[i+2:]
	}
	holder := k.Position.Holder
	var names []string
	if holder != "" {
		names = append(names, title+" · "+holder)
	}
	names = append(names, title)
	if dept != title {
		if holder != "" {
			names = append(names, dept+" · "+holder)
		}
		names = append(names, dept)
	}
	bold := fyne.TextStyle{Bold: true}
	for _, n := range names {
		if r.fitter.width(n, blockNameSize, bold) <= width {
			return n
		}
	}
	return dept // put shortens it with an ellipsis
}

// Labels are the texts drawn below detailZoom now: card labels, "+N" pills
// and block names and numbers.
func (c *Chart) Labels() []string {
	if c.r == nil {
		return nil
	}
	out := make([]string, 0, c.r.labels.used)
	for _, t := range c.r.labels.texts[:c.r.labels.used] {
		out = append(out, t.Text)
	}
	return out
}

// Blocks is how many subtrees are drawn as blocks now.
func (c *Chart) Blocks() int {
	if c.r == nil {
		return 0
	}
	return len(c.r.blocks)
}
