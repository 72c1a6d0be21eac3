package chart

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// testMarks marks the test plan as a comparison would: se added, qa moved,
// em changed, two reports of the CTO removed.
func testMarks(id string) Mark {
	return map[string]Mark{
		"se":  {Kind: MarkAdded},
		"qa":  {Kind: MarkMoved},
		"em":  {Kind: MarkChanged, Below: 2},
		"cto": {Removed: 2, Below: 3},
		"vpe": {Below: 3},
	}[id]
}

// badgeOf is the badge drawn on a card that says word ("" when none).
func badgeOf(c *Chart, id, word string) (ShownMark, bool) {
	for _, m := range c.MarksShown() {
		if m.ID == id && m.Text != "" && strings.Contains(m.Text, word) {
			return m, true
		}
	}
	return ShownMark{}, false
}

func bandOf(c *Chart, id string) (ShownMark, bool) {
	for _, m := range c.MarksShown() {
		if m.ID == id && m.Text == "" {
			return m, true
		}
	}
	return ShownMark{}, false
}

// Change marks say what changed in a word (or at least a symbol) on a
// coloured badge of a readable size, with a band of the same colour on the
// card, at 100% and at the zooms plans open at.
func TestCompareMarksAreReadableAtEveryZoom(t *testing.T) {
	c, st := newTestChart(t)
	c.Mark = testMarks
	pal := uikit.ChartPalette()
	check := func(zoom string, words map[string]string, minText float32) {
		t.Helper()
		for id, word := range words {
			b, ok := badgeOf(c, id, word)
			if !ok {
				t.Errorf("at %s %s has no badge saying %q: %+v", zoom, id, word, c.MarksShown())
				continue
			}
			if b.TextSize < minText || b.Size.Height < b.TextSize*1.2 || b.Size.Width < b.TextSize*1.5 {
				t.Errorf("at %s the %q badge of %s is %v with text %v", zoom, b.Text, id, b.Size, b.TextSize)
			}
		}
		for id, fill := range map[string]color.NRGBA{"se": pal.Drop, "qa": pal.Accent, "em": pal.Badge[1]} {
			if b, ok := bandOf(c, id); !ok || b.Fill != fill || b.Size.Height < markMinBand {
				t.Errorf("at %s %s's band is %+v (found %v), want %v", zoom, id, b, ok, fill)
			}
		}
		if _, ok := bandOf(c, "cto"); ok {
			t.Errorf("at %s the unchanged CTO has a band", zoom)
		}
	}
	c.SetView(1, fyne.NewPos(-20, -20))
	check("100%", map[string]string{"se": "+ New", "qa": "» Moved", "em": "Δ Changed", "cto": "– 2 removed"}, markMinText)
	if _, ok := badgeOf(c, "vpe", "below"); ok {
		t.Error("at 100% an unfolded manager says how many changes are below it")
	}
	// the badge stands on the card's top edge, mostly inside it
	lay := st.Layout()
	k := lay.Cards[lay.Index("se")]
	b, _ := badgeOf(c, "se", "New")
	top := c.FromLayout(k.X, k.Y).Y
	if b.Pos.Y > top || b.Pos.Y < top-b.Size.Height/2 {
		t.Errorf("the New badge spans %v..%v, the card's top is at %v", b.Pos.Y, b.Pos.Y+b.Size.Height, top)
	}
	// a badge covers neither its card's title nor another card
	for _, b := range c.MarksShown() {
		if b.Text == "" {
			continue
		}
		for _, v := range c.r.pool[:c.r.used] {
			if v.id == b.ID {
				t0 := v.title[0]
				end := t0.Position().X + c.r.fitter.width(t0.Text, t0.TextSize, t0.TextStyle)
				if !t0.Hidden && end > b.Pos.X && b.Pos.Y+b.Size.Height > t0.Position().Y+t0.TextSize*0.3 {
					t.Errorf("the %q badge of %s reaches down to %v, over its title %q from %v", b.Text, b.ID, b.Pos.Y+b.Size.Height, t0.Text, t0.Position().Y)
				}
				continue
			}
			if b.Pos.X < v.pos.X+v.size.Width && v.pos.X < b.Pos.X+b.Size.Width &&
				b.Pos.Y < v.pos.Y+v.size.Height && v.pos.Y < b.Pos.Y+b.Size.Height {
				t.Errorf("the %q badge of %s covers the card of %s", b.Text, b.ID, v.id)
			}
		}
	}
	// at the low zoom of a large plan's first view, words or symbols still show, never smaller
	c.SetView(0.35, fyne.NewPos(-20, -20))
	check("35%", map[string]string{"se": "+", "qa": "»", "em": "Δ", "cto": "–2"}, 11)
	// a folded manager says how many changes it hides, but not at the cost of its name
	c.Anchor("vpe")
	st.ToggleCollapsed("vpe")
	if !has(c.Labels(), "VP") {
		t.Errorf("folded vpe lost its label to its marks at 35%%: %q", c.Labels())
	}
	c.SetView(1, fyne.NewPos(-20, -20))
	if _, ok := badgeOf(c, "vpe", "3 changes below"); !ok {
		t.Errorf("folded vpe does not say its 3 changes at 100%%: %+v", c.MarksShown())
	}
	st.ToggleCollapsed("vpe")
	// nothing is drawn when nothing is compared
	c.Mark = func(string) Mark { return Mark{} }
	c.Refresh()
	if n := len(c.MarksShown()); n != 0 {
		t.Errorf("%d marks drawn with no comparison", n)
	}
}

// At overview zoom, blocks say how many changes they hold.
func TestBlocksSayHowManyChangesTheyHold(t *testing.T) {
	c, st := newTestChart(t)
	st.Load(generate.Shaped(3000, 1), apptest.Catalog(t), "")
	st.ExpandAll()
	marked := map[string]Mark{}
	for _, pos := range st.Plan().Positions[len(st.Plan().Positions)/2:][:40] {
		marked[pos.ID] = Mark{Kind: MarkChanged}
	}
	c.Mark = func(id string) Mark { return marked[id] }
	c.Fit()
	if c.Zoom() >= blockZoom || c.Blocks() == 0 {
		t.Skipf("3,000 positions fit at %.2f with %d blocks", c.Zoom(), c.Blocks())
	}
	found := false
	for _, m := range c.MarksShown() {
		found = found || strings.Contains(m.Text, "change")
		if m.Text != "" && m.TextSize < markMinText {
			t.Errorf("block badge %q at text size %v", m.Text, m.TextSize)
		}
	}
	if !found {
		t.Errorf("no block says it holds changes: %+v", c.MarksShown())
	}
}

// luminance is WCAG's relative luminance.
func luminance(c color.NRGBA) float64 {
	ch := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

func contrast(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// In both themes every kind of mark has its own colour of look's palette,
// a word and a symbol, and its text stands out from its fill.
func TestMarkBadgesInBothThemes(t *testing.T) {
	for _, th := range []look.Theme{look.Light, look.Dark} {
		pal := uikit.Palette{Palette: look.PaletteFor(th), Theme: th, Dark: th == look.Dark}
		bs := badgesOf(Mark{Kind: MarkAdded, Removed: 1, Below: 2}, true, pal)
		bs = append(bs, badgesOf(Mark{Kind: MarkMoved}, false, pal)...)
		bs = append(bs, badgesOf(Mark{Kind: MarkChanged}, false, pal)...)
		if len(bs) != 5 {
			t.Fatalf("%v: %d badges, want 5", th, len(bs))
		}
		fills := map[color.NRGBA]string{}
		for _, b := range bs {
			if b.short == "" || !strings.Contains(b.long, " ") {
				t.Errorf("%v: badge %+v lacks a symbol or a word", th, b)
			}
			if other, dup := fills[b.fill]; dup {
				t.Errorf("%v: %q and %q share a colour", th, b.long, other)
			}
			fills[b.fill] = b.long
			if r := contrast(b.fill, look.TextOn(b.fill)); r < 3 {
				t.Errorf("%v: %q text contrast %.1f on its fill", th, b.long, r)
			}
		}
	}
}
