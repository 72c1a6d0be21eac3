package app

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/analysis"
)

// spanPicture is the span-of-control histogram of the analysis window: the
// picture, whose columns (a span band's bar, count and label) can be
// clicked. scale is screen units per picture unit.
type spanPicture struct {
	widget.BaseWidget
	pic     *canvas.Image
	scale   float32
	bands   int
	onBand  func(i int)
	over    int           // the column under the pointer, -1 for none
	list    *spanManagers // where onBand lists the managers
	picked  int           // the column clicked last, outlined; -1 for none
	frame   *canvas.Rectangle
	natural fyne.Size // the picture at scale 1
}

func newSpanPicture(img image.Image, size fyne.Size, scale float32, bands int, onBand func(int)) *spanPicture {
	pic := canvas.NewImageFromImage(img)
	pic.FillMode = canvas.ImageFillContain
	pic.ScaleMode = canvas.ImageScaleSmooth
	pic.SetMinSize(size)
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeWidth = 2
	frame.CornerRadius = 4
	frame.Hide()
	s := &spanPicture{pic: pic, scale: scale, bands: bands, onBand: onBand, over: -1, picked: -1, frame: frame,
		natural: fyne.NewSize(size.Width/scale, size.Height/scale)}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer implements fyne.Widget.
func (s *spanPicture) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout(s.pic, s.frame))
}

// MinSize is the picture's.
func (s *spanPicture) MinSize() fyne.Size { return s.pic.MinSize() }

// Resize lays the picture out at the widget's size.
func (s *spanPicture) Resize(size fyne.Size) {
	s.BaseWidget.Resize(size)
	s.pic.Resize(size)
}

// outline frames the column of band i (the one whose managers are listed).
func (s *spanPicture) outline(i int) {
	s.picked = i
	x, y, w, h := analysis.SpanColumn(i)
	s.frame.StrokeColor = uikit.ChartPalette().Accent
	s.frame.Move(fyne.NewPos(x*s.scale, y*s.scale))
	s.frame.Resize(fyne.NewSize(w*s.scale, h*s.scale))
	s.frame.Show()
	s.frame.Refresh()
}

// bandAt is the band whose column is at p (widget units), -1 for none.
func (s *spanPicture) bandAt(p fyne.Position) int {
	if s.scale <= 0 {
		return -1
	}
	px, py := p.X/s.scale, p.Y/s.scale
	for i := 0; i < s.bands; i++ {
		x, y, w, h := analysis.SpanColumn(i)
		if px >= x && px < x+w && py >= y && py < y+h {
			return i
		}
	}
	return -1
}

// Tapped lists the managers of the band clicked.
func (s *spanPicture) Tapped(ev *fyne.PointEvent) {
	if i := s.bandAt(ev.Position); i >= 0 && s.onBand != nil {
		s.outline(i)
		s.onBand(i)
	}
}

// Cursor is a hand over a band's column.
func (s *spanPicture) Cursor() desktop.Cursor {
	if s.over >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn implements desktop.Hoverable.
func (s *spanPicture) MouseIn(ev *desktop.MouseEvent) { s.over = s.bandAt(ev.Position) }

// MouseMoved follows the pointer for the cursor.
func (s *spanPicture) MouseMoved(ev *desktop.MouseEvent) { s.over = s.bandAt(ev.Position) }

// MouseOut implements desktop.Hoverable.
func (s *spanPicture) MouseOut() { s.over = -1 }

// spanManagers is the list under the histogram: the managers of the band
// clicked last; clicking one selects it on the chart.
type spanManagers struct {
	st    *state.State
	pick  func(id string)
	bands []analysis.SpanBand
	shown []analysis.SpanManager
	title *widget.Label
	list  *widget.List
	root  fyne.CanvasObject
}

// spanListHeight is the room the list of a band's managers takes under the
// histogram.
const spanListHeight = 190

func newSpanManagers(st *state.State, bands []analysis.SpanBand, pick func(string)) *spanManagers {
	m := &spanManagers{st: st, pick: pick, bands: bands}
	m.title = widget.NewLabelWithStyle("Click a bar to list its managers and select them on the chart",
		fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	m.title.Wrapping = fyne.TextWrapWord
	m.list = widget.NewList(
		func() int { return len(m.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(m.line(m.shown[i])) },
	)
	m.list.OnSelected = func(i widget.ListItemID) { m.pickManager(m.shown[i].ID) }
	box := container.NewGridWrap(fyne.NewSize(10, spanListHeight), widget.NewLabel("")) // keeps the list's height
	m.root = container.NewBorder(m.title, nil, box, nil, m.list)
	return m
}

// line is one manager of the list: who, the span and how check judges it.
func (m *spanManagers) line(sm analysis.SpanManager) string {
	pos := m.st.Plan().Position(sm.ID)
	if pos == nil {
		return sm.ID + " (no longer in the plan)"
	}
	return fmt.Sprintf("%s · %s · %s", m.st.Label(pos), state.Plural(sm.Span, "report", "reports"), sm.Judgement)
}

// pickManager selects a manager on the chart, if it is still in the plan.
func (m *spanManagers) pickManager(id string) {
	if m.st.Plan().Position(id) != nil {
		m.pick(id)
	}
}

// showBand lists band i's managers and selects the first on the chart, as a
// cell of the review's coverage matrix does.
func (m *spanManagers) showBand(i int) {
	if i < 0 || i >= len(m.bands) {
		return
	}
	b := m.bands[i]
	m.shown = b.Managers
	text := fmt.Sprintf("Span %s: %s", b.Band, state.Plural(b.Total(), "manager", "managers"))
	var parts []string
	for _, part := range []struct {
		n    int
		what string
	}{{b.InRange, analysis.JudgedInRange}, {b.Narrow, analysis.JudgedNarrow}, {b.Wide, analysis.JudgedWide}, {b.Other, analysis.JudgedOther}} {
		if part.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", part.n, part.what))
		}
	}
	if len(parts) > 0 {
		text += " (" + strings.Join(parts, ", ") + ")"
	}
	if len(b.Managers) > 0 {
		text += ". Click one to select it on the chart."
	}
	m.title.TextStyle = fyne.TextStyle{Bold: true}
	m.title.SetText(text)
	m.list.UnselectAll()
	m.list.Refresh()
	m.list.ScrollToTop()
	if len(b.Managers) > 0 {
		m.pickManager(b.Managers[0].ID)
	}
}

// spansTab is the span-of-control tab: the clickable histogram above, the
// managers of the band clicked below. w and h are the picture's size at
// scale 1, shown at scale first and then at the scale that fits its room.
func (u *ui) spansTab(img image.Image, w, h, scale float32) (fyne.CanvasObject, *spanPicture, *spanManagers) {
	bands := analysis.Spans(u.st.Plan(), u.st.Catalog(), u.st.Report())
	list := newSpanManagers(u.st, bands, u.pickFinding)
	pic := newSpanPicture(img, fyne.NewSize(w*scale, h*scale), scale, len(bands), list.showBand)
	pic.list = list
	fit := &pictureFit{w: w, h: h, resize: pic.setScale}
	return container.NewBorder(nil, list.root, nil, nil, container.New(fit, container.NewScroll(container.NewCenter(pic)))), pic, list
}

// setScale shows the histogram at scale s, the clicked column still outlined.
func (s *spanPicture) setScale(scale float32) {
	s.scale = scale
	s.pic.SetMinSize(fyne.NewSize(s.natural.Width*scale, s.natural.Height*scale))
	if s.picked >= 0 {
		s.outline(s.picked)
	}
	s.Refresh()
}
