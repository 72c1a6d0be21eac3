package chart

import (
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// Zoom limits (the levels of detail are in overview.go).
const (
	minZoom   float32 = 0.01
	maxZoom   float32 = 3
	fitMargin float32 = 24
	homeZoom  float32 = 0.6
)

// Chart is the org chart canvas. It draws the layout of State: card objects
// only for the cards in view (pooled and reused while panning), and every
// connector in one raster. Dragging the background pans, dragging a card moves
// it (through the drag controller), scrolling pans, Ctrl+wheel zooms.
type Chart struct {
	widget.BaseWidget

	st   *state.State
	drag *Dragger // nil in tests that do not drag

	off  fyne.Position // layout coordinates shown at the widget's top-left
	zoom float32
	// placed is false until the first layout with a real size: the first view
	// is chosen then.
	placed bool
	fitted fitView // the view of the last Fit, kept on a resize while unmoved

	// drop target feedback while something is dragged over the chart
	dropID     string
	dropRefuse string
	// canvasHint says what a drop on empty canvas does, beside the pointer
	canvasHint   string
	canvasHintAt fyne.Position

	// gesture is what the current drag does: pan, or move a card.
	gesture   int
	dragStart fyne.Position // where the drag began, widget coordinates
	pendingID string        // the card under dragStart
	// panning with the middle button, or with Space held
	middlePan                        bool
	middleAt                         fyne.Position
	spaceHeld, spacePanned, keysSeen bool
	focused                          bool

	// OnTapCard is called after a card is tapped (the window opens the inspector).
	OnTapCard func(id string)
	// anchor keeps a card where it is on screen across the next re-layout
	// (after a collapse, a drop or an undo), so the view does not jump.
	anchorID  string
	anchorAt  fyne.Position
	anchorLay *layout.Layout

	// OnFirstPaint is called once, when the connector raster is first painted
	// with a plan on it (start-up timing); OnFirstFrame when it is first
	// painted at all (the window's first frame).
	OnFirstPaint, OnFirstFrame func()

	// Mark returns what a card is marked with while comparing plans (marks.go
	// draws it); nil or the zero Mark for nothing.
	Mark func(id string) Mark

	// Found reports whether a card matches the find box (it is outlined).
	Found func(id string) bool

	// onView are called after every redraw (the overview follows the view).
	onView []func()
	// covers are drawn over the chart (the overview): no drop lands there.
	covers []fyne.CanvasObject

	// OnZoom is called when the zoom factor changes.
	OnZoom    func(zoom float32)
	shownZoom float32
	// OnKey handles keys typed while the chart has the focus (arrows, Enter, Delete).
	OnKey func(ev *fyne.KeyEvent)

	r *chartRenderer
}

const (
	gestureNone      = iota
	gesturePan       // dragging the background (or with Space held)
	gesturePending   // on a card, not yet past the threshold
	gestureCard      // moving a card
	gestureCancelled // Escape: ignore the rest of the drag
)

// New makes the canvas for the state's plan.
func New(st *state.State) *Chart {
	c := &Chart{st: st, zoom: 1}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer {
	r := newChartRenderer(c)
	c.r = r
	return r
}

// Zoom is the current zoom factor (1 = the export's scale 1).
func (c *Chart) Zoom() float32 { return c.zoom }

// Offset is the layout point shown at the top-left corner.
func (c *Chart) Offset() fyne.Position { return c.off }

// ToLayout converts a point in the widget to layout coordinates.
func (c *Chart) ToLayout(p fyne.Position) (float32, float32) {
	return p.X/c.zoom + c.off.X, p.Y/c.zoom + c.off.Y
}

// FromLayout converts layout coordinates to a point in the widget.
func (c *Chart) FromLayout(x, y float32) fyne.Position {
	return fyne.NewPos((x-c.off.X)*c.zoom, (y-c.off.Y)*c.zoom)
}

// CardAt returns the index of the card under a point of the widget, or -1.
func (c *Chart) CardAt(p fyne.Position) int {
	lay := c.st.Layout()
	if lay == nil {
		return -1
	}
	x, y := c.ToLayout(p)
	return lay.At(x, y)
}

// CardCenter is the centre of a position's card in widget coordinates; ok is
// false when the position has no card.
func (c *Chart) CardCenter(id string) (fyne.Position, bool) {
	lay := c.st.Layout()
	if lay == nil {
		return fyne.Position{}, false
	}
	i := lay.Index(id)
	if i < 0 {
		return fyne.Position{}, false
	}
	k := &lay.Cards[i]
	return c.FromLayout(k.X+k.W/2, k.Y+k.H/2), true
}

// SetDropTarget highlights the card a drag is over ("" for none); a non-empty
// refuse says why a drop there would be refused, and is shown by the card.
func (c *Chart) SetDropTarget(id, refuse string) {
	if id == c.dropID && refuse == c.dropRefuse {
		return
	}
	c.dropID, c.dropRefuse = id, refuse
	c.Refresh()
}

// Anchor keeps the card of the position where it is now on screen when the
// layout changes next. Call it before the change.
func (c *Chart) Anchor(id string) {
	lay := c.st.Layout()
	if lay == nil {
		return
	}
	if i := lay.Index(id); i >= 0 {
		k := &lay.Cards[i]
		c.anchorID, c.anchorAt, c.anchorLay = id, c.FromLayout(k.X, k.Y), lay
	}
}

// applyAnchor moves the view so the anchored card is back where it was.
func (c *Chart) applyAnchor(lay *layout.Layout) {
	if c.anchorID == "" || lay == c.anchorLay || lay == nil {
		return
	}
	if i := lay.Index(c.anchorID); i >= 0 {
		k := &lay.Cards[i]
		c.off = fyne.NewPos(k.X-c.anchorAt.X/c.zoom, k.Y-c.anchorAt.Y/c.zoom)
	}
	c.anchorID, c.anchorLay = "", nil
}

// SetView sets zoom and offset directly.
func (c *Chart) SetView(zoom float32, off fyne.Position) {
	c.zoom = clampZoom(zoom)
	c.off = off
	c.placed = true
	c.Refresh()
}

// ZoomBy zooms by a factor around a point of the widget.
func (c *Chart) ZoomBy(f float32, around fyne.Position) {
	x, y := c.ToLayout(around)
	c.zoom = clampZoom(c.zoom * f)
	c.off = fyne.NewPos(x-around.X/c.zoom, y-around.Y/c.zoom)
	c.Refresh()
}

// ZoomIn zooms in around the selected card when it is in view, else
// around the middle of the view (buttons and keys have no pointer).
func (c *Chart) ZoomIn() { c.ZoomBy(1.25, c.zoomCentre()) }

// ZoomOut zooms out around the selection or the middle, as ZoomIn.
func (c *Chart) ZoomOut() { c.ZoomBy(1/1.25, c.zoomCentre()) }

// ZoomReset returns to scale 1 around the selection or the middle.
func (c *Chart) ZoomReset() { c.ZoomBy(1/c.zoom, c.zoomCentre()) }

// zoomCentre is the centre of the selected card when it is in view, else
// the middle of the view.
func (c *Chart) zoomCentre() fyne.Position {
	s := c.Size()
	if p, ok := c.CardCenter(c.st.Selected()); ok && p.X >= 0 && p.Y >= 0 && p.X <= s.Width && p.Y <= s.Height {
		return p
	}
	return fyne.NewPos(s.Width/2, s.Height/2)
}

// Fit zooms so the whole chart is in view.
func (c *Chart) Fit() {
	lay := c.st.Layout()
	s := c.Size()
	if lay == nil || s.Width <= 0 || s.Height <= 0 {
		return
	}
	w, h := lay.Width+2*fitMargin, lay.Height+2*fitMargin
	z := clampZoom(min(s.Width/w, s.Height/h, 1))
	c.zoom = z
	c.off = fyne.NewPos(lay.Width/2-s.Width/2/z, -fitMargin)
	c.placed = true
	c.fitted = fitView{zoom: c.zoom, off: c.off, size: s, on: true}
	c.Refresh()
}

// fitView is the view Fit chose and the size it chose it for: while the
// view is still that one (nobody panned or zoomed since), a new size of the
// chart (the window maximised or resized just after a plan opened) fits
// again, so the plan stays fitted and centred.
type fitView struct {
	zoom float32
	off  fyne.Position
	size fyne.Size
	on   bool
}

// refitOnResize fits again when the chart got a new size and still shows
// the view Fit chose; it reports whether it did.
func (c *Chart) refitOnResize(s fyne.Size) bool {
	f := c.fitted
	if !f.on || s == f.size || s.Width <= 0 || s.Height <= 0 || c.zoom != f.zoom || c.off != f.off {
		return false
	}
	c.Fit()
	return true
}

// Home shows the chart's top: the whole chart when it fits at a readable
// zoom (at least homeZoom), else the first top position at that zoom.
func (c *Chart) Home() {
	lay := c.st.Layout()
	s := c.Size()
	if lay == nil || s.Width <= 0 {
		return
	}
	w, h := lay.Width+2*fitMargin, lay.Height+2*fitMargin
	if z := min(s.Width/w, s.Height/h, 1); z >= homeZoom || len(lay.Cards) == 0 {
		c.Fit()
		return
	}
	c.zoom = homeZoom
	k := &lay.Cards[lay.DepthFirst()[0]] // the first top
	c.off = fyne.NewPos(k.X+k.W/2-s.Width/2/c.zoom, -fitMargin)
	c.placed = true
	c.Refresh()
}

// scrollMargin is the room left between a card brought into view and the
// chart's edge.
const scrollMargin float32 = 24

// ScrollTo brings a position's card into view, expanding collapsed managers
// above it first. The view moves the least it can: not at all when the card
// is in view, else just enough to show it with a margin. When the zoom is
// too small to read the card, it zooms to 100% around the card.
func (c *Chart) ScrollTo(id string) { c.scrollTo(id, true) }

// ScrollIntoView brings a position's card into view as ScrollTo does, at the
// zoom of the moment: after a drop the user is working at that zoom, and a
// card small enough to be a label is still where they left it.
func (c *Chart) ScrollIntoView(id string) { c.scrollTo(id, false) }

func (c *Chart) scrollTo(id string, readable bool) {
	c.st.Reveal(id)
	lay := c.st.Layout()
	i := lay.Index(id)
	if i < 0 {
		return
	}
	k := &lay.Cards[i]
	s := c.Size()
	if readable && c.zoom < detailZoom {
		c.zoom = 1
		c.off = fyne.NewPos(k.X+k.W/2-s.Width/2/c.zoom, k.Y+k.H/2-s.Height/2/c.zoom)
		c.Refresh()
		return
	}
	p0 := c.FromLayout(k.X, k.Y)
	p1 := c.FromLayout(k.X+k.W, k.Y+k.H)
	// The margin shrinks with the zoom like Fit's, so a card a fitted view
	// shows whole is left where it is.
	m := scrollMargin * min(c.zoom, 1)
	dx := shift(p0.X, p1.X, s.Width, m)
	dy := shift(p0.Y, p1.Y, s.Height, m)
	dx, dy = c.clearOfCovers(p0, p1, dx, dy, m)
	if dx != 0 || dy != 0 {
		c.off = c.off.Add(fyne.NewPos(dx/c.zoom, dy/c.zoom))
	}
	c.Refresh()
}

// clearOfCovers adds to the move (dx, dy) of a card at [p0, p1] on screen
// what keeps it out from under what is drawn over the chart (the overview):
// up or left, whichever is shorter and keeps the card whole in view. The card
// ends at p - d on screen.
func (c *Chart) clearOfCovers(p0, p1 fyne.Position, dx, dy, m float32) (float32, float32) {
	drv := fyne.CurrentApp().Driver()
	origin := drv.AbsolutePositionForObject(c)
	for _, o := range c.covers {
		if !o.Visible() {
			continue
		}
		at := drv.AbsolutePositionForObject(o).Subtract(origin)
		size := o.Size()
		x0, y0, x1, y1 := p0.X-dx, p0.Y-dy, p1.X-dx, p1.Y-dy
		if x1 <= at.X || y1 <= at.Y || x0 >= at.X+size.Width || y0 >= at.Y+size.Height {
			continue
		}
		// up, left, or down (from under a cover at the top, such as the find
		// list): the shortest way that keeps the card whole in view
		up, left, down := y1-(at.Y-m), x1-(at.X-m), at.Y+size.Height+m-y0
		canUp, canLeft, canDown := y0-up >= m, x0-left >= m, y1+down <= c.Size().Height-m
		best, way := float32(math.MaxFloat32), 0
		for i, w := range []struct {
			ok bool
			d  float32
		}{{canUp, up}, {canLeft, left}, {canDown, down}} {
			if w.ok && w.d < best {
				best, way = w.d, i+1
			}
		}
		switch way {
		case 1:
			dy += up
		case 2:
			dx += left
		case 3:
			dy -= down
		}
	}
	return dx, dy
}

// AddCover tells the chart that o is drawn over it (the overview, the find
// list): a card brought into view is kept clear of it while it shows, and
// nothing dropped on it lands on the chart.
func (c *Chart) AddCover(o fyne.CanvasObject) { c.covers = append(c.covers, o) }

// shift is how far the view must move along one axis so that [a, b] is
// inside [0, size] with the margin: 0 when it already is; a card larger
// than the view gets its start shown.
func shift(a, b, size, margin float32) float32 {
	m := min(margin, size/8)
	switch {
	case a < m || b-a > size-2*m:
		return a - m
	case b > size-m:
		return b - (size - m)
	}
	return 0
}

func clampZoom(z float32) float32 {
	if z < minZoom {
		return minZoom
	}
	if z > maxZoom {
		return maxZoom
	}
	return z
}

// Tapped selects the card under the pointer, or toggles its collapse
// control, or clears the selection on empty canvas. The control is a
// comfortable target at every zoom: at least pillW x pillH on screen.
func (c *Chart) Tapped(ev *fyne.PointEvent) {
	c.requestFocus()
	lay := c.st.Layout()
	if id := c.controlAt(ev.Position); id != "" {
		c.Anchor(id)
		c.st.ToggleCollapsed(id)
		return
	}
	i := c.CardAt(ev.Position)
	if i < 0 {
		c.st.Select("")
		return
	}
	k := &lay.Cards[i]
	c.st.Select(k.Position.ID)
	if c.OnTapCard != nil {
		c.OnTapCard(k.Position.ID)
	}
}

// controlAt is the manager whose collapse control is at p ("" for none).
func (c *Chart) controlAt(p fyne.Position) string {
	lay := c.st.Layout()
	if lay == nil {
		return ""
	}
	if c.zoom < detailZoom {
		// the "+N" pills under folded cards
		x, y := c.ToLayout(p)
		found := ""
		lay.Visible(x, y, x, y, func(i int) {
			k := &lay.Cards[i]
			if k.Hidden == 0 || k.W*c.zoom < labelMinWidth {
				return
			}
			if pp, ps := c.pillRect(k); inside(p, pp, ps) {
				found = k.Position.ID
			}
		})
		return found
	}
	i := c.CardAt(p)
	if i < 0 {
		// the enlarged target may reach beyond the card
		x, y := c.ToLayout(p)
		lay.Visible(x-pillW/c.zoom, y-pillH/c.zoom, x+pillW/c.zoom, y+pillH/c.zoom, func(j int) {
			if i < 0 && c.hasControl(&lay.Cards[j]) {
				if pp, ps := c.controlRect(&lay.Cards[j]); inside(p, pp, ps) {
					i = j
				}
			}
		})
		if i < 0 {
			return ""
		}
		return lay.Cards[i].Position.ID
	}
	k := &lay.Cards[i]
	if !c.hasControl(k) {
		return ""
	}
	if pp, ps := c.controlRect(k); inside(p, pp, ps) {
		return k.Position.ID
	}
	return ""
}

// controlRect is the collapse control's target on screen at detail zoom:
// the drawn control, grown to at least pillW x pillH around its centre.
func (c *Chart) controlRect(k *layout.Card) (fyne.Position, fyne.Size) {
	cr := layout.Metrics().CollapseRect(k.W, k.H)
	if k.Hidden == 0 {
		cr = layout.Rect{X: cr.X + cr.W - cr.H*1.6, Y: cr.Y, W: cr.H * 1.6, H: cr.H}
	}
	p := c.FromLayout(k.X+cr.X, k.Y+cr.Y)
	w, h := cr.W*c.zoom, cr.H*c.zoom
	gw, gh := max(w, pillW), max(h, pillH)
	return fyne.NewPos(p.X-(gw-w)/2, p.Y-(gh-h)/2), fyne.NewSize(gw, gh)
}

func inside(p, at fyne.Position, s fyne.Size) bool {
	return p.X >= at.X && p.Y >= at.Y && p.X <= at.X+s.Width && p.Y <= at.Y+s.Height
}

// hasControl reports whether a card gets the collapse control: managers do.
func (c *Chart) hasControl(k *layout.Card) bool {
	return k.Hidden > 0 || len(c.st.Plan().Reports(k.Position.ID)) > 0
}

func (c *Chart) requestFocus() {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
}

// dragThreshold is how far (in screen units) a drag that starts on a card
// must go before the card moves: a shorter one is a pan, so a small slip of
// the hand while panning never moves a manager.
const dragThreshold float32 = 8

// Dragged pans, or moves a card: a drag that starts on a card moves it once
// it crosses dragThreshold, unless Space is held (then it pans); a drag on
// the background pans.
func (c *Chart) Dragged(ev *fyne.DragEvent) {
	if c.gesture == gestureNone {
		c.dragStart = ev.Position.Subtract(ev.Dragged)
		c.gesture = gesturePan
		if i := c.CardAt(c.dragStart); i >= 0 && c.drag != nil && !c.spaceHeld {
			c.gesture = gesturePending
			c.pendingID = c.st.Layout().Cards[i].Position.ID
		}
	}
	if c.gesture == gesturePending {
		d := ev.Position.Subtract(c.dragStart)
		if d.X*d.X+d.Y*d.Y < dragThreshold*dragThreshold {
			return
		}
		pos := c.st.Plan().Position(c.pendingID)
		if pos == nil {
			c.gesture = gestureCancelled
			return
		}
		c.gesture = gestureCard
		c.drag.Begin(movePayload(c.st, pos))
	}
	switch c.gesture {
	case gesturePan:
		c.spacePanned = c.spacePanned || c.spaceHeld
		c.off = c.off.Subtract(fyne.NewPos(ev.Dragged.DX/c.zoom, ev.Dragged.DY/c.zoom))
		c.Refresh()
	case gestureCard:
		c.drag.Move(AbsolutePosition(c, ev))
	}
}

// DragEnd ends a pan or drops a moved card.
func (c *Chart) DragEnd() {
	if c.gesture == gestureCard {
		c.drag.End()
	}
	c.gesture = gestureNone
}

// CancelDrag ends the drag under way without dropping (Escape): the ghost
// goes, nothing changes, and the rest of the gesture is ignored.
func (c *Chart) CancelDrag() bool {
	cancelled := false
	if c.drag != nil && c.drag.Active() {
		c.drag.Cancel()
		cancelled = true
	}
	if c.gesture != gestureNone {
		c.gesture = gestureCancelled
		cancelled = true
	}
	return cancelled
}

// MouseDown starts a pan with the middle button.
func (c *Chart) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button == desktop.MouseButtonTertiary {
		c.middlePan, c.middleAt = true, ev.Position
	}
}

// MouseUp ends a middle-button pan.
func (c *Chart) MouseUp(ev *desktop.MouseEvent) {
	if ev.Button == desktop.MouseButtonTertiary {
		c.middlePan = false
	}
}

// MouseIn implements desktop.Hoverable.
func (c *Chart) MouseIn(*desktop.MouseEvent) {}

// MouseMoved pans while the middle button is held.
func (c *Chart) MouseMoved(ev *desktop.MouseEvent) {
	if !c.middlePan {
		return
	}
	if ev.Button&desktop.MouseButtonTertiary == 0 {
		c.middlePan = false
		return
	}
	d := ev.Position.Subtract(c.middleAt)
	c.middleAt = ev.Position
	c.off = c.off.Subtract(fyne.NewPos(d.X/c.zoom, d.Y/c.zoom))
	c.Refresh()
}

// MouseOut implements desktop.Hoverable.
func (c *Chart) MouseOut() {}

// KeyDown notes Space held (a drag then pans, even on a card).
func (c *Chart) KeyDown(ev *fyne.KeyEvent) {
	c.keysSeen = true
	if ev.Name == fyne.KeySpace {
		if !c.spaceHeld {
			c.spacePanned = false
		}
		c.spaceHeld = true
	}
}

// KeyUp releases Space: when no pan happened while it was held, it was a
// press, which collapses or expands the selected manager.
func (c *Chart) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace && c.spaceHeld {
		c.spaceHeld = false
		if !c.spacePanned && c.OnKey != nil {
			c.OnKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		}
	}
}

// Scrolled pans; with Ctrl held it zooms around the pointer.
func (c *Chart) Scrolled(ev *fyne.ScrollEvent) {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok &&
		d.CurrentKeyModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		f := float32(math.Pow(1.004, float64(ev.Scrolled.DY)))
		c.ZoomBy(f, ev.Position)
		return
	}
	c.off = c.off.Subtract(fyne.NewPos(ev.Scrolled.DX/c.zoom, ev.Scrolled.DY/c.zoom))
	c.Refresh()
}

// FocusGained implements fyne.Focusable.
func (c *Chart) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost implements fyne.Focusable.
func (c *Chart) FocusLost() { c.focused = false; c.Refresh() }

// TypedRune implements fyne.Focusable.
func (c *Chart) TypedRune(rune) {}

// TypedKey moves the selection with the arrow keys; Enter and Delete go to
// the window's handler.
func (c *Chart) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && c.CancelDrag():
		return
	case ev.Name == fyne.KeySpace && c.keysSeen:
		return // a desktop driver: Space acts on KeyUp, so it can pan while held
	}
	if c.OnKey != nil {
		c.OnKey(ev)
	}
}

// visibleRect is the part of the layout in view, in layout coordinates.
func (c *Chart) visibleRect() (x0, y0, x1, y1 float32) {
	s := c.Size()
	x0, y0 = c.off.X, c.off.Y
	return x0, y0, x0 + s.Width/c.zoom, y0 + s.Height/c.zoom
}

// AbsolutePosition is where a drag event is in the window. Fyne's test
// driver leaves AbsolutePosition zero, so fall back to the object's place.
func AbsolutePosition(o fyne.CanvasObject, ev *fyne.DragEvent) fyne.Position {
	if !ev.AbsolutePosition.IsZero() {
		return ev.AbsolutePosition
	}
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(ev.Position)
}

// chartRenderer holds the pooled objects of the chart.
type chartRenderer struct {
	c      *Chart
	bg     *canvas.Rectangle
	lines  *canvas.Raster
	pool   []*cardView
	used   int
	tip    *dropTip
	hint   *canvas.Text
	frame  *canvas.Rectangle // focus ring
	objs   []fyne.CanvasObject
	edges  edgePainter
	fitter *textFitter
	// below detailZoom: the labels, the subtrees of the layout, and at
	// overview zoom the blocks drawn and the cards they cover
	labels  labelPool
	subs    *subtrees
	blocks  []int
	inBlock []bool
	// the comparison marks of the cards and blocks in view (marks.go)
	marks markPool
}

func newChartRenderer(c *Chart) *chartRenderer {
	r := &chartRenderer{c: c, fitter: newTextFitter()}
	pal := uikit.ChartPalette()
	r.bg = canvas.NewRectangle(pal.Page)
	r.lines = canvas.NewRaster(r.paint)
	r.tip = newDropTip()
	r.hint = canvas.NewText("Drag a role from the catalog onto this canvas to start", pal.Muted)
	r.hint.Alignment = fyne.TextAlignCenter
	r.frame = canvas.NewRectangle(nil)
	r.frame.StrokeWidth = 2
	r.rebuildObjects()
	return r
}

func (r *chartRenderer) rebuildObjects() {
	r.objs = r.objs[:0]
	r.objs = append(r.objs, r.bg, r.lines)
	for _, v := range r.pool {
		r.objs = append(r.objs, v.objects()...)
	}
	for _, t := range r.labels.texts {
		r.objs = append(r.objs, t)
	}
	r.objs = append(r.objs, r.marks.objects()...)
	r.objs = append(r.objs, r.tip.objects()...)
	r.objs = append(r.objs, r.hint, r.frame)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 150) }

func (r *chartRenderer) Layout(s fyne.Size) {
	c := r.c
	if !c.placed && s.Width > 0 && s.Height > 0 {
		c.placed = true
		c.Fit() // plans open fitted; calls Refresh, which lays out
		return
	}
	if c.refitOnResize(s) {
		return
	}
	r.update(s)
}

func (r *chartRenderer) Refresh() { r.update(r.c.Size()) }

// update places the pooled card objects on the cards in view and repaints
// the connectors. Only objects whose content changed are refreshed.
func (r *chartRenderer) update(s fyne.Size) {
	c := r.c
	pal := uikit.ChartPalette()
	r.bg.FillColor = pal.Page
	r.bg.Resize(s)
	r.bg.Refresh()
	r.lines.Resize(s)
	r.frame.Resize(s)
	if c.focused {
		r.frame.StrokeColor = pal.Focus
	} else {
		r.frame.StrokeColor = nil
	}
	lay := c.st.Layout()
	c.applyAnchor(lay)
	if c.zoom != c.shownZoom {
		c.shownZoom = c.zoom
		if c.OnZoom != nil {
			c.OnZoom(c.zoom)
		}
	}

	used := 0
	if lay != nil && c.zoom >= detailZoom {
		x0, y0, x1, y1 := c.visibleRect()
		lay.Visible(x0, y0, x1, y1, func(i int) {
			if used == len(r.pool) {
				r.pool = append(r.pool, newCardView())
			}
			r.pool[used].bind(r, &lay.Cards[i], pal)
			used++
		})
	}
	for i := used; i < len(r.pool); i++ {
		r.pool[i].hide()
	}
	r.labels.start()
	r.blocks = r.blocks[:0]
	r.inBlock = nil
	if lay != nil && c.zoom < detailZoom && len(lay.Cards) > 0 {
		r.subs = r.subtreesOf(lay, c.st.Report())
		if c.zoom < blockZoom {
			r.inBlock = make([]bool, len(lay.Cards))
			x0, y0, x1, y1 := c.visibleRect()
			r.blocks = r.subs.chooseBlocks(s.Width/c.zoom, x0, y0, x1, y1, r.inBlock)
		}
		r.drawLabels(pal)
	}
	r.labels.finish()
	r.marks.start()
	r.drawMarks(pal)
	r.marks.finish()
	grew := len(r.objs) != 2+len(r.pool)*cardObjects+len(r.labels.texts)+r.marks.size()+len(r.tip.objects())+2
	r.used = used
	if grew {
		r.rebuildObjects()
	}

	// the refusal tip under the drop target
	r.tip.hide()
	if c.dropRefuse != "" && lay != nil {
		if i := lay.Index(c.dropID); i >= 0 {
			k := &lay.Cards[i]
			r.tip.show(c.dropRefuse, c.FromLayout(k.X, k.Y+k.H+4), s, pal, pal.TipFill)
		}
	}
	if c.dropRefuse == "" && c.canvasHint != "" {
		r.showCanvasHint(s, pal)
	}
	r.hint.Hidden = lay != nil && len(lay.Cards) > 0
	if !r.hint.Hidden {
		r.hint.Color = pal.Muted
		r.hint.TextSize = 15
		r.hint.Resize(fyne.NewSize(s.Width, 24))
		r.hint.Move(fyne.NewPos(0, s.Height/2-12))
		r.hint.Refresh()
	}
	r.lines.Refresh()
	for _, f := range c.onView {
		f()
	}
}

// showCanvasHint shows what a drop on the empty canvas does, beside the
// pointer where neither the ghost card (just below and right of it) nor
// what covers the chart (the overview) hides it: below the ghost, else
// above the pointer, moved left of a cover in the way.
func (r *chartRenderer) showCanvasHint(s fyne.Size, pal uikit.Palette) {
	c := r.c
	ghostH := float32(0)
	if c.drag != nil {
		ghostH = c.drag.ghost.box.Size().Height
	}
	at := c.canvasHintAt
	r.tip.show(c.canvasHint, at.Add(fyne.NewPos(10, 10+ghostH+6)), s, pal, pal.Accent)
	p, sz := r.tip.bg.Position(), r.tip.bg.Size()
	_, covered := c.coverAt(p, sz)
	if !covered && p.Y >= at.Y+10+ghostH { // not pushed up under the ghost by the bottom edge
		return
	}
	p = fyne.NewPos(at.X+10, max(at.Y-sz.Height-8, 0))
	if cp, ok := c.coverAt(p, sz); ok && cp.X-sz.Width-4 >= 0 {
		p.X = cp.X - sz.Width - 4
	}
	r.tip.show(c.canvasHint, p, s, pal, pal.Accent)
}

// coverAt is the top-left corner of a cover of the chart (the overview)
// that the box at p of size sz meets, in chart coordinates.
func (c *Chart) coverAt(p fyne.Position, sz fyne.Size) (fyne.Position, bool) {
	if fyne.CurrentApp() == nil {
		return fyne.Position{}, false
	}
	drv := fyne.CurrentApp().Driver()
	origin := drv.AbsolutePositionForObject(c)
	for _, o := range c.covers {
		if !o.Visible() {
			continue
		}
		op, os := drv.AbsolutePositionForObject(o).Subtract(origin), o.Size()
		if p.X < op.X+os.Width && op.X < p.X+sz.Width && p.Y < op.Y+os.Height && op.Y < p.Y+sz.Height {
			return op, true
		}
	}
	return fyne.Position{}, false
}

// TipObject is the box of the drop tip or the canvas hint (tests).
func (c *Chart) TipObject() fyne.CanvasObject {
	if c.r == nil {
		return nil
	}
	return c.r.tip.bg
}

// paint draws the connectors (and, when zoomed far out, the cards as boxes)
// into the raster at the pixel size the driver asks for.
func (r *chartRenderer) paint(w, h int) image.Image {
	c := r.c
	s := c.Size()
	if s.Width <= 0 || w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	px := float32(w) / s.Width // pixels per widget unit
	if c.OnFirstFrame != nil {
		c.OnFirstFrame()
		c.OnFirstFrame = nil
	}
	if c.OnFirstPaint != nil && c.st.Layout() != nil && len(c.st.Layout().Cards) > 0 {
		c.OnFirstPaint()
		c.OnFirstPaint = nil
	}
	lod := lowDetail{on: c.zoom < detailZoom, pillMinPx: int(labelMinWidth * px), blocks: r.blocks, inBlock: r.inBlock, subs: r.subs, pill: func(k *layout.Card) (fyne.Position, fyne.Size) {
		p, sz := c.pillRect(k)
		return fyne.NewPos(p.X*px, p.Y*px), fyne.NewSize(sz.Width*px, sz.Height*px)
	}}
	return r.edges.paint(c.st, w, h, px*c.zoom, c.off, lod, c.dropID, c.dropRefuse != "", uikit.ChartPalette())
}

// NewPlan shows a plan just opened or created fitted to the chart (or, before
// the chart has a size, makes its first layout do so).
func (c *Chart) NewPlan() {
	if s := c.Size(); s.Width > 0 && s.Height > 0 {
		c.Fit()
		return
	}
	c.placed = false
	c.Refresh()
}

// DropTarget is the card highlighted under a drag ("" for none) and why a
// drop there would be refused ("" when it would be accepted).
func (c *Chart) DropTarget() (id, refuse string) { return c.dropID, c.dropRefuse }

// DropTip is the message shown beside the pointer during a drag ("" for none).
func (c *Chart) DropTip() string {
	if c.r == nil {
		return ""
	}
	return c.r.tip.Text()
}

// ShownCard is a card drawn with text: its position and its place in the chart.
type ShownCard struct {
	ID   string
	Pos  fyne.Position
	Size fyne.Size
}

// ShownCards lists the cards drawn as widgets now (the layout dump of the GUI
// test, and tests).
func (c *Chart) ShownCards() []ShownCard {
	if c.r == nil {
		return nil
	}
	out := make([]ShownCard, 0, c.r.used)
	for _, v := range c.r.pool[:c.r.used] {
		out = append(out, ShownCard{ID: v.id, Pos: v.pos, Size: v.size})
	}
	return out
}

// PoolSize is how many card views the chart has made (they are reused).
func (c *Chart) PoolSize() int {
	if c.r == nil {
		return 0
	}
	return len(c.r.pool)
}

// Paint paints the connector raster at w x h pixels (benchmarks).
func (c *Chart) Paint(w, h int) image.Image {
	if c.r == nil {
		return nil
	}
	return c.r.paint(w, h)
}

// DetailZoom is the zoom below which cards are drawn without text.
const DetailZoom = detailZoom

// HintShown reports whether the empty chart's hint (drag a role here) shows.
func (c *Chart) HintShown() bool { return c.r != nil && !c.r.hint.Hidden }

// setCanvasHint shows what a drop on the empty canvas at p would do ("" hides it).
func (c *Chart) setCanvasHint(msg string, p ...fyne.Position) {
	at := c.canvasHintAt
	if len(p) > 0 {
		at = p[0]
	}
	if msg == c.canvasHint && at == c.canvasHintAt {
		return
	}
	c.canvasHint, c.canvasHintAt = msg, at
	c.Refresh()
}

// CanvasHint is what the canvas says about a drop on it now ("" for nothing).
func (c *Chart) CanvasHint() string { return c.canvasHint }

// CardsInView lists every card in view, however it is drawn (as a card with
// text, a title only, or a box in the raster), in widget coordinates.
func (c *Chart) CardsInView() []ShownCard {
	lay := c.st.Layout()
	if lay == nil {
		return nil
	}
	var out []ShownCard
	x0, y0, x1, y1 := c.visibleRect()
	lay.Visible(x0, y0, x1, y1, func(i int) {
		k := &lay.Cards[i]
		out = append(out, ShownCard{ID: k.Position.ID, Pos: c.FromLayout(k.X, k.Y), Size: fyne.NewSize(k.W*c.zoom, k.H*c.zoom)})
	})
	return out
}

// CenterOn moves the view so the layout point (x, y) is in the middle,
// keeping the zoom (the overview's clicks and drags).
func (c *Chart) CenterOn(x, y float32) {
	s := c.Size()
	c.off = fyne.NewPos(x-s.Width/2/c.zoom, y-s.Height/2/c.zoom)
	c.Refresh()
}
