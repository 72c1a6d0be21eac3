package chart

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// Size of the overview in the chart's corner.
const (
	minimapW float32 = 220
	minimapH float32 = 140
)

// Minimap is the overview of the whole chart with the visible area as a
// frame: a click or a drag in it moves the view there.
type Minimap struct {
	widget.BaseWidget
	c *Chart

	img    *image.RGBA
	imgLay *layout.Layout // the layout img shows
	imgW   int
	imgH   int
	dark   bool
	stack  []int32
}

// NewMinimap makes the overview of the chart.
func NewMinimap(c *Chart) *Minimap {
	m := &Minimap{c: c}
	m.ExtendBaseWidget(m)
	c.onView = append(c.onView, m.Refresh)
	c.covers = append(c.covers, m)
	return m
}

// MinSize is the overview's fixed size.
func (m *Minimap) MinSize() fyne.Size { return fyne.NewSize(minimapW, minimapH) }

// fit is the scale and the offset that show the whole layout in the widget.
func (m *Minimap) fit() (scale, ox, oy float32) {
	lay := m.c.st.Layout()
	s := m.Size()
	if lay == nil || lay.Width <= 0 || lay.Height <= 0 || s.Width <= 8 {
		return 0, 0, 0
	}
	scale = min((s.Width-8)/lay.Width, (s.Height-8)/lay.Height)
	return scale, (s.Width - lay.Width*scale) / 2, (s.Height - lay.Height*scale) / 2
}

// Tapped centres the view on the point.
func (m *Minimap) Tapped(ev *fyne.PointEvent) { m.moveTo(ev.Position) }

// Dragged moves the visible area with the pointer.
func (m *Minimap) Dragged(ev *fyne.DragEvent) { m.moveTo(ev.Position) }

// DragEnd implements fyne.Draggable.
func (m *Minimap) DragEnd() {}

func (m *Minimap) moveTo(p fyne.Position) {
	scale, ox, oy := m.fit()
	if scale <= 0 {
		return
	}
	m.c.CenterOn((p.X-ox)/scale, (p.Y-oy)/scale)
}

// ViewFrame is the visible area drawn in the overview (widget coordinates).
func (m *Minimap) ViewFrame() (fyne.Position, fyne.Size) {
	scale, ox, oy := m.fit()
	x0, y0, x1, y1 := m.c.visibleRect()
	return fyne.NewPos(ox+x0*scale, oy+y0*scale), fyne.NewSize((x1-x0)*scale, (y1-y0)*scale)
}

// CreateRenderer implements fyne.Widget.
func (m *Minimap) CreateRenderer() fyne.WidgetRenderer {
	r := &minimapRenderer{m: m, bg: canvas.NewRectangle(color.Transparent), frame: canvas.NewRectangle(color.Transparent)}
	r.raster = canvas.NewRaster(m.paint)
	r.frame.StrokeWidth = 2
	r.bg.CornerRadius = 4
	r.bg.StrokeWidth = 1
	return r
}

// paint draws the cards as dots at the raster's pixel size; cached until
// the layout or the size changes.
func (m *Minimap) paint(w, h int) image.Image {
	lay := m.c.st.Layout()
	pal := uikit.ChartPalette()
	if m.img != nil && m.imgLay == lay && m.imgW == w && m.imgH == h && m.dark == pal.Dark {
		return m.img
	}
	if m.img == nil || m.imgW != w || m.imgH != h {
		m.img = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(m.img.Pix)
	}
	m.imgLay, m.imgW, m.imgH, m.dark = lay, w, h, pal.Dark
	scale, ox, oy := m.fit()
	if scale <= 0 || lay == nil {
		return m.img
	}
	px := float32(w) / m.Size().Width
	var e edgePainter
	e.img = m.img
	rect := func(x, y, w, h float32) (int, int, int, int) {
		x0, y0 := int((ox+x*scale)*px), int((oy+y*scale)*px)
		x1, y1 := int((ox+(x+w)*scale)*px), int((oy+(y+h)*scale)*px)
		return x0, y0, max(x1, x0+1), max(y1, y0+1)
	}
	// Down the chart from its tops: a subtree whose box is at most a pixel
	// or two wide or high (a dot, a column, a row) is its box filled in its
	// head's colour, so the repaint after an edit costs the overview's
	// pixels, not the chart's cards.
	p := m.c.st.Plan()
	m.stack = walkShown(p, lay, m.stack, func(i int32) bool {
		k := &lay.Cards[i]
		c := uikit.DomainColor(m.c.st.Role(k.Position), pal.Dark)
		if k.Below > 0 && (k.Subtree.W*scale*px <= minimapDot || k.Subtree.H*scale*px <= minimapDot) {
			// the dot reaches every pixel a card of the subtree would touch
			b := k.Subtree
			x0, y0 := int((ox+b.X*scale)*px), int((oy+b.Y*scale)*px)
			x1 := int(math.Ceil(float64((ox + (b.X+b.W)*scale) * px)))
			y1 := int(math.Ceil(float64((oy + (b.Y+b.H)*scale) * px)))
			e.fill(x0, y0, max(x1, x0+1), max(y1, y0+1), c)
			return false
		}
		x0, y0, x1, y1 := rect(k.X, k.Y, k.W, k.H)
		e.fill(x0, y0, x1, y1, c)
		return true
	})
	return m.img
}

// minimapDot is the width or height in pixels below which a whole subtree
// is drawn in the overview as its filled box.
const minimapDot = 2

type minimapRenderer struct {
	m      *Minimap
	bg     *canvas.Rectangle
	raster *canvas.Raster
	frame  *canvas.Rectangle
}

func (r *minimapRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.raster, r.frame}
}
func (r *minimapRenderer) Destroy()           {}
func (r *minimapRenderer) MinSize() fyne.Size { return r.m.MinSize() }
func (r *minimapRenderer) Layout(s fyne.Size) { r.bg.Resize(s); r.raster.Resize(s); r.Refresh() }
func (r *minimapRenderer) Refresh() {
	pal := uikit.ChartPalette()
	fill := pal.Card
	fill.A = 0xee
	r.bg.FillColor, r.bg.StrokeColor = fill, pal.Border
	r.bg.Refresh()
	p, s := r.m.ViewFrame()
	// the frame stays inside the overview even when the view is larger than the chart
	ms := r.m.Size()
	x0, y0 := max(p.X, 1), max(p.Y, 1)
	x1, y1 := min(p.X+s.Width, ms.Width-1), min(p.Y+s.Height, ms.Height-1)
	r.frame.StrokeColor = pal.Accent
	r.frame.Move(fyne.NewPos(x0, y0))
	r.frame.Resize(fyne.NewSize(max(x1-x0, 4), max(y1-y0, 4)))
	r.frame.Refresh()
	r.raster.Refresh()
}
