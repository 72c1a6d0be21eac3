package chart

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart/generate"
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

// The overview shows every card of a large chart, drawn down from the
// tops (small subtrees as dots), and nothing where no card is.
func TestTheOverviewShowsEveryCard(t *testing.T) {
	test.NewTempApp(t)
	cat := apptest.Catalog(t)
	st := state.New(cat)
	c := New(st)
	m := NewMinimap(c)
	w := test.NewTempWindow(t, container.NewBorder(nil, m, nil, nil, c))
	w.Resize(fyne.NewSize(900, 700))
	st.Load(generate.Shaped(3000, 2), cat, "")
	st.ExpandAll()
	iw, ih := 440, 280
	img := m.paint(iw, ih)
	scale, ox, oy := m.fit()
	px := float32(iw) / m.Size().Width
	lay := st.Layout()
	covered := make([]bool, iw*ih)
	for _, k := range lay.Cards {
		x, y := int((ox+k.X*scale)*px), int((oy+k.Y*scale)*px)
		if _, _, _, a := img.At(x, y).RGBA(); a == 0 {
			t.Fatalf("card %s at pixel %d,%d is not drawn", k.Position.ID, x, y)
		}
		x1, y1 := int((ox+(k.Subtree.X+k.Subtree.W)*scale)*px), int((oy+(k.Subtree.Y+k.Subtree.H)*scale)*px)
		for yy := int((oy + k.Subtree.Y*scale) * px); yy <= y1 && yy < ih; yy++ {
			for xx := int((ox + k.Subtree.X*scale) * px); xx <= x1 && xx < iw; xx++ {
				if xx >= 0 && yy >= 0 {
					covered[yy*iw+xx] = true
				}
			}
		}
	}
	for y := 0; y < ih; y++ {
		for x := 0; x < iw; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0 && !covered[y*iw+x] {
				t.Fatalf("pixel %d,%d is drawn outside every subtree", x, y)
			}
		}
	}
}

// BenchmarkOverviewRepaint repaints the overview of an expanded chart, as
// after every edit (the layout changed): its cost should follow the
// overview's pixels, not the chart's cards.
func BenchmarkOverviewRepaint(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			test.NewTempApp(b)
			cat := apptest.Catalog(b)
			st := state.New(cat)
			c := New(st)
			m := NewMinimap(c)
			w := test.NewTempWindow(b, container.NewBorder(nil, m, nil, nil, c))
			w.Resize(fyne.NewSize(900, 700))
			st.Load(generate.Generate(n, 1), cat, "")
			st.ExpandAll()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m.imgLay = nil // as after an edit
				m.paint(220, 140)
			}
		})
	}
}
