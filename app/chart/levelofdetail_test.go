package chart

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

func has(texts []string, sub string) bool {
	for _, t := range texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}

func TestSmallCardsShowWhatCanBeRead(t *testing.T) {
	c, st := newTestChart(t)
	c.SetView(1, fyne.NewPos(-20, -20))
	if len(c.ShownCards()) == 0 || len(c.Labels()) != 0 {
		t.Fatalf("at 100%%: %d cards, labels %v", len(c.ShownCards()), c.Labels())
	}
	c.SetView(0.35, fyne.NewPos(-20, -20))
	if n := len(c.ShownCards()); n != 0 {
		t.Errorf("at 35%% the chart still builds %d cards with unreadable text", n)
	}
	labels := c.Labels()
	// em is Grace Hopper's team of 1 + 4 + 1 people; the CTO's whole org is 9 people
	if !has(labels, "Grace") || !has(labels, "· 6") {
		t.Errorf("at 35%% the labels %q do not name em's holder and headcount", labels)
	}
	if !has(labels, "QA Engineer") {
		t.Errorf("at 35%% the labels %q do not give the QA engineer's title", labels)
	}
	// a folded manager says how many it hides, in a pill one can hit
	c.Anchor("vpe")
	st.ToggleCollapsed("vpe")
	if !has(c.Labels(), "+3") {
		t.Fatalf("folded vpe shows no +3: %q", c.Labels())
	}
	k := st.Layout().Cards[st.Layout().Index("vpe")]
	p, s := c.pillRect(&k)
	if s.Width < pillW || s.Height < min(pillH, k.H*c.zoom-2) {
		t.Errorf("the +N target is %v at 35%%", s)
	}
	c.Tapped(&fyne.PointEvent{Position: p.Add(fyne.NewPos(s.Width/2, s.Height/2))})
	if st.Collapsed("vpe") {
		t.Error("tapping the +3 pill did not unfold vpe")
	}
}

func TestFitOfALargePlanIsAMapOfLabelledBlocks(t *testing.T) {
	c, st := newTestChart(t)
	p := generate.Shaped(3000, 1)
	st.Load(p, apptest.Catalog(t), "")
	st.ExpandAll()
	c.Fit()
	if c.Zoom() >= blockZoom {
		t.Skipf("3,000 positions fit at %.2f: no blocks needed", c.Zoom())
	}
	if c.Blocks() == 0 {
		t.Fatal("at Fit of 3,000 positions no subtree is drawn as a block")
	}
	if !has(c.Labels(), "people") {
		t.Errorf("the blocks are not labelled with their headcount: %q", c.Labels())
	}
}

func TestTheCollapseControlIsAComfortableTarget(t *testing.T) {
	c, st := newTestChart(t)
	c.SetView(0.7, fyne.NewPos(-20, -20))
	k := st.Layout().Cards[st.Layout().Index("em")]
	p, s := c.controlRect(&k)
	if s.Width < pillW || s.Height < pillH {
		t.Fatalf("the control of em is %v on screen at 70%%", s)
	}
	// a tap at the edge of the grown target still folds em
	c.Tapped(&fyne.PointEvent{Position: p.Add(fyne.NewPos(1, 1))})
	if !st.Collapsed("em") {
		t.Error("a tap on the control's target did not fold em")
	}
}

// A folded card's "+N" says its number whole, even of four digits.
func TestFoldedCountsAreNeverCut(t *testing.T) {
	c, st := newTestChart(t)
	st.Load(generate.Shaped(6000, 1), apptest.Catalog(t), "")
	st.CollapseToLevel(1)
	lay := st.Layout()
	big := -1
	for i := range lay.Cards {
		if k := &lay.Cards[i]; k.Hidden >= 1000 && (big < 0 || k.Hidden > lay.Cards[big].Hidden) {
			big = i
		}
	}
	if big < 0 {
		t.Fatal("no folded card hides 1,000 positions")
	}
	k := lay.Cards[big]
	c.SetView(0.35, fyne.NewPos(k.X-100, k.Y-100))
	want := fmt.Sprintf("+%d", k.Hidden)
	if !has(c.Labels(), want) {
		t.Errorf("the card hiding %d shows %q, want %q whole", k.Hidden, c.Labels(), want)
	}
	for _, l := range c.Labels() {
		if strings.HasPrefix(l, "+") && strings.HasSuffix(l, "…") {
			t.Errorf("a count is cut: %q", l)
		}
	}
	// the target is as wide as the number
	_, s := c.pillRect(&k)
	if s.Width < c.r.fitter.width(want, labelSize, fyne.TextStyle{Bold: true}) {
		t.Errorf("the pill is %v wide for %q", s.Width, want)
	}
}

// A narrow department block is named by what tells it apart: "VP
// Engineering, Commerce" is "Commerce" before it is "VP Engi…".
func TestNarrowBlocksAreNamedByTheirDepartment(t *testing.T) {
	c, st := newTestChart(t)
	if err := st.Update("vpe", func(p *orgchart.Position) { p.Title, p.Holder = "VP Engineering, Commerce", "Ana Silva" }); err != nil {
		t.Fatal(err)
	}
	k := st.Layout().Cards[st.Layout().Index("vpe")]
	bold := fyne.TextStyle{Bold: true}
	width := func(s string) float32 { return c.r.fitter.width(s, blockNameSize, bold) }
	for _, want := range []string{"VP Engineering, Commerce · Ana Silva", "VP Engineering, Commerce", "Commerce · Ana Silva", "Commerce"} {
		if got := c.r.blockName(&k, width(want)+1); got != want {
			t.Errorf("in %v: %q, want %q", width(want)+1, got, want)
		}
	}
}
