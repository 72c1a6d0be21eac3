package chart

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
)

func TestTheOverviewShowsTheViewAndMovesIt(t *testing.T) {
	test.NewTempApp(t)
	cat := apptest.Catalog(t)
	st := state.New(cat)
	c := New(st)
	m := NewMinimap(c)
	st.Listen(func(state.Change) { c.Refresh() })
	w := test.NewTempWindow(t, container.NewBorder(nil, m, nil, nil, c))
	w.Resize(fyne.NewSize(900, 700))
	st.Load(apptest.Plan(), cat, "")
	c.SetView(1.5, fyne.NewPos(0, 0))
	p, s := m.ViewFrame()
	if s.Width <= 0 || s.Width >= m.Size().Width {
		t.Fatalf("at 150%% the view frame is %v in a %v overview", s, m.Size())
	}
	// a click in the far right of the overview brings the right of the chart into view
	target := fyne.NewPos(m.Size().Width-12, m.Size().Height/2)
	m.Tapped(&fyne.PointEvent{Position: target})
	p2, s2 := m.ViewFrame()
	centre := p2.Add(fyne.NewPos(s2.Width/2, s2.Height/2))
	if d := centre.Subtract(target); d.X*d.X+d.Y*d.Y > 4 || p2 == p {
		t.Errorf("after a click at %v the frame is centred at %v", target, centre)
	}
	// dragging moves it along
	m.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(20, 20)}})
	p3, _ := m.ViewFrame()
	if p3 == p2 {
		t.Error("dragging in the overview did not move the view")
	}
}
