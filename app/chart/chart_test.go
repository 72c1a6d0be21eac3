package chart

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
)

// newTestChart shows a chart of the test plan alone in an 800x600 window.
func newTestChart(t *testing.T) (*Chart, *state.State) {
	t.Helper()
	test.NewTempApp(t)
	cat := apptest.Catalog(t)
	st := state.New(cat)
	c := New(st)
	st.Listen(func(state.Change) { c.Refresh() })
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(800, 600))
	st.Load(apptest.Plan(), cat, "")
	c.SetView(1, fyne.NewPos(-20, -20))
	return c, st
}

func TestCardAtFindsTheCardAtItsCentre(t *testing.T) {
	c, st := newTestChart(t)
	for _, id := range []string{"cto", "em", "ciso"} {
		p, ok := c.CardCenter(id)
		if !ok {
			t.Fatalf("no card for %s", id)
		}
		if i := c.CardAt(p); i < 0 || st.Layout().Cards[i].Position.ID != id {
			t.Errorf("CardAt(centre of %s) = %d", id, i)
		}
	}
}

func TestZoomKeepsThePointUnderThePointer(t *testing.T) {
	c, _ := newTestChart(t)
	at := fyne.NewPos(230, 170)
	x, y := c.ToLayout(at)
	c.ZoomBy(1.6, at)
	if x2, y2 := c.ToLayout(at); abs32(x2-x) > 0.01 || abs32(y2-y) > 0.01 {
		t.Errorf("layout point under the pointer moved from %.2f,%.2f to %.2f,%.2f", x, y, x2, y2)
	}
}

func TestFitShowsEveryCard(t *testing.T) {
	c, st := newTestChart(t)
	c.SetView(2, fyne.NewPos(900, 900))
	c.Fit()
	s := c.Size()
	for _, k := range st.Layout().Cards {
		p := c.FromLayout(k.X, k.Y)
		q := c.FromLayout(k.X+k.W, k.Y+k.H)
		if p.X < 0 || p.Y < 0 || q.X > s.Width || q.Y > s.Height {
			t.Errorf("card %s at %v-%v outside the %v chart after Fit", k.Position.ID, p, q, s)
		}
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// A fitted chart that gets a new size (the window maximised just after the
// plan opened) fits again, centred; once the view was moved, a resize keeps it.
func TestAFittedChartFitsAgainWhenResized(t *testing.T) {
	c, _ := newTestChart(t)
	c.Fit()
	c.Resize(fyne.NewSize(1300, 900)) // as the window's layout does
	zoom, off := c.Zoom(), c.Offset()
	c.Fit() // what a Fit at the new size shows
	if c.Zoom() != zoom || c.Offset() != off {
		t.Errorf("after the resize the view is %v %v, a fit is %v %v", zoom, off, c.Zoom(), c.Offset())
	}
	c.SetView(1, fyne.NewPos(-50, -40)) // the user moved it
	c.Resize(fyne.NewSize(900, 700))
	if c.Zoom() != 1 || c.Offset() != fyne.NewPos(-50, -40) {
		t.Errorf("a moved view changed on a resize: %v %v", c.Zoom(), c.Offset())
	}
}
