package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart/analysis"
)

// findSpanPicture is the clickable histogram in the analysis window's content.
func findSpanPicture(o fyne.CanvasObject) *spanPicture {
	switch v := o.(type) {
	case *spanPicture:
		return v
	case *container.AppTabs:
		for _, it := range v.Items {
			if p := findSpanPicture(it.Content); p != nil {
				return p
			}
		}
	case *container.Scroll:
		return findSpanPicture(v.Content)
	case *fyne.Container:
		for _, c := range v.Objects {
			if p := findSpanPicture(c); p != nil {
				return p
			}
		}
	}
	return nil
}

// Clicking a bar of the span histogram lists the managers behind it and
// selects them on the chart, as a cell of the coverage matrix does.
func TestSpanHistogramBarListsAndSelectsItsManagers(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	w := u.analysisWindow()
	if w == nil {
		t.Fatal("no analysis window")
	}
	defer w.Close()
	pic := findSpanPicture(w.Content())
	if pic == nil {
		t.Fatal("the span tab has no clickable histogram")
	}
	bands := analysis.Spans(u.st.Plan(), u.st.Catalog(), u.st.Report())
	clicked := 0
	for i, b := range bands {
		if len(b.Managers) == 0 {
			continue
		}
		u.st.Select("")
		x, y, cw, ch := analysis.SpanColumn(i)
		// the middle of the column's lower half: the bar, on screen
		test.TapAt(pic, fyne.NewPos((x+cw/2)*pic.scale, (y+ch*0.7)*pic.scale))
		if pic.picked != i || !pic.frame.Visible() {
			t.Errorf("band %s clicked, column %d outlined", b.Band, pic.picked)
		}
		if got := u.st.Selected(); got != b.Managers[0].ID {
			t.Errorf("band %s: selected %q, want its first manager %q", b.Band, got, b.Managers[0].ID)
		}
		l := pic.list
		if l.list.Length() != len(b.Managers) || !strings.HasPrefix(l.title.Text, "Span "+b.Band+": ") {
			t.Errorf("band %s: listed %d managers under %q, want %d", b.Band, l.list.Length(), l.title.Text, len(b.Managers))
		}
		pos := u.st.Plan().Position(b.Managers[0].ID)
		if line := l.line(l.shown[0]); !strings.Contains(line, u.st.Label(pos)) || !strings.Contains(line, b.Managers[0].Judgement) {
			t.Errorf("band %s: first line %q", b.Band, line)
		}
		clicked++
	}
	if clicked < 2 {
		t.Fatalf("the test plan has managers in %d bands, want at least 2", clicked)
	}
	// a click on a listed manager selects it
	last := pic.list.shown[len(pic.list.shown)-1].ID
	pic.list.list.Select(len(pic.list.shown) - 1)
	if u.st.Selected() != last {
		t.Errorf("clicking a listed manager selected %q, want %q", u.st.Selected(), last)
	}
	// a click beside the bars does nothing
	u.st.Select("")
	test.TapAt(pic, fyne.NewPos(4, 4))
	if u.st.Selected() != "" {
		t.Errorf("a click on the title selected %q", u.st.Selected())
	}
}

// The pictures follow the window's size: made larger, the histogram is
// shown larger (up to scale 1), and clicks still find its bars.
func TestAnalysisPicturesFitTheWindowWhenResized(t *testing.T) {
	u := newTestUI(t, apptest.Plan())
	w := u.analysisWindow()
	defer w.Close()
	pic := findSpanPicture(w.Content())
	w.Resize(fyne.NewSize(700, 560))
	small := pic.scale
	w.Resize(fyne.NewSize(1500, 1300))
	large := pic.scale
	if !(large > small) || large > 1 {
		t.Fatalf("scale %v in a small window, %v in a large one", small, large)
	}
	if got := pic.pic.MinSize().Width; got < pic.natural.Width*large-1 || got > pic.natural.Width*large+1 {
		t.Errorf("the picture is %v wide at scale %v of %v", got, large, pic.natural.Width)
	}
	bands := analysis.Spans(u.st.Plan(), u.st.Catalog(), u.st.Report())
	for i, b := range bands {
		if len(b.Managers) == 0 {
			continue
		}
		x, y, cw, ch := analysis.SpanColumn(i)
		test.TapAt(pic, fyne.NewPos((x+cw/2)*pic.scale, (y+ch*0.7)*pic.scale))
		if u.st.Selected() != b.Managers[0].ID {
			t.Errorf("after the resize a click on band %s selected %q", b.Band, u.st.Selected())
		}
		break
	}
}
