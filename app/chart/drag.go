package chart

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// Fyne has no drag and drop between widgets (research/fyne.md): the source
// widget receives every Dragged event, so it hands them to the Dragger, which
// moves a ghost card in a layer above the window content and hit-tests the
// chart itself. The ghost is not an overlay: while an overlay is up, Fyne's
// hit-testing sees only the overlay.

// Payload is what is being dragged: a catalog role (a new position) or a
// card (a move).
type Payload struct {
	role   string // add a vacant position in this role
	moveID string // or move this position with its subtree
	title  string
	stripe color.NRGBA
}

func RolePayload(r *catalog.Role) Payload {
	return Payload{role: r.ID, title: r.Title, stripe: uikit.DomainColor(r, uikit.IsDark())}
}

func movePayload(st *state.State, pos *orgchart.Position) Payload {
	return Payload{moveID: pos.ID, title: st.Title(pos), stripe: uikit.DomainColor(st.Role(pos), uikit.IsDark())}
}

// Dragger runs one drag at a time from a catalog row or a chart card.
type Dragger struct {
	st     *state.State
	chart  *Chart
	ghost  *ghostCard
	layer  *fyne.Container // holds the ghost; stacked above the window content
	status func(msg string)

	active bool
	p      Payload
	last   fyne.Position // absolute position of the pointer
}

func NewDragger(st *state.State, chart *Chart, status func(string)) *Dragger {
	g := newGhostCard()
	d := &Dragger{st: st, chart: chart, ghost: g, layer: container.NewWithoutLayout(g.box), status: status}
	chart.drag = d
	return d
}

// Active reports whether a drag is under way.
func (d *Dragger) Active() bool { return d.active }

// Layer is the layer of the ghost card: stack it above the window content.
func (d *Dragger) Layer() fyne.CanvasObject { return d.layer }

// Ghost is the ghost card's box (tests).
func (d *Dragger) Ghost() fyne.CanvasObject { return d.ghost.box }

// GhostShown reports whether the ghost card is on screen.
func (d *Dragger) GhostShown() bool { return d.ghost.box.Visible() }

// Begin starts a drag. The chart takes the keyboard focus, so Escape
// reaches it and cancels the drag.
func (d *Dragger) Begin(p Payload) {
	d.active, d.p = true, p
	d.ghost.set(p)
	d.chart.requestFocus()
}

// Move follows the pointer at abs (window coordinates): the ghost moves, the
// card under the pointer is highlighted, or marked refused with the reason.
func (d *Dragger) Move(abs fyne.Position) {
	if !d.active {
		return
	}
	d.last = abs
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.layer)
	d.ghost.box.Move(abs.Subtract(origin).Add(fyne.NewPos(10, 10)))
	d.ghost.box.Show()
	d.ghost.box.Refresh()

	over, id := d.target(abs)
	if over {
		d.autoScroll(abs)
	}
	refuse := ""
	if over && id != "" && d.p.moveID != "" {
		if id == d.p.moveID {
			id = ""
		} else if err := d.st.CanMove(d.p.moveID, id); err != nil {
			refuse = err.Error()
		}
	}
	d.chart.SetDropTarget(id, refuse)
	hint := ""
	if over && id == "" {
		hint = "Drop here: nothing moves (drop on a card to move it under that manager; Escape cancels)"
		if d.p.role != "" {
			hint = "Drop here to add a new top position: " + d.p.title
		}
	}
	d.chart.setCanvasHint(hint, abs.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(d.chart)))
}

// stop ends the drag: the ghost, the highlight and the canvas note go.
// It reports whether a drag was under way.
func (d *Dragger) stop() bool {
	if !d.active {
		return false
	}
	d.active = false
	d.ghost.box.Hide()
	d.ghost.box.Refresh()
	d.chart.SetDropTarget("", "")
	d.chart.setCanvasHint("")
	return true
}

// Cancel ends the drag without dropping anything (Escape).
func (d *Dragger) Cancel() {
	if d.stop() {
		d.status("Drag cancelled")
	}
}

// End drops what is dragged where the pointer was last.
func (d *Dragger) End() {
	if !d.stop() {
		return
	}
	over, id := d.target(d.last)
	if !over {
		return
	}
	if err := d.drop(id); err != nil {
		d.status(err.Error())
	}
}

// drop applies the drop on the card with the id ("" = empty canvas).
func (d *Dragger) drop(id string) error {
	st := d.st
	if id != "" {
		d.chart.Anchor(id) // the target stays put while the tree re-lays out
	}
	if d.p.role != "" {
		pos, err := st.Add(d.p.role, id)
		if err != nil {
			return fmt.Errorf("could not add %s: %w", d.p.title, err)
		}
		d.chart.ScrollIntoView(pos.ID) // when the new card landed out of view
		where := "as a top position"
		if m := st.Plan().Manager(pos); m != nil {
			where = "under " + st.Label(m)
		}
		d.status(fmt.Sprintf("Added a vacant %s %s", d.p.title, where))
		return nil
	}
	if id == d.p.moveID {
		return nil
	}
	if id == "" {
		// making a position a top one is an explicit action (the inspector's)
		d.status("Not moved: drop a card on another card to move it there")
		return nil
	}
	pos := st.Plan().Position(d.p.moveID)
	if pos == nil || pos.ReportsTo == id {
		return nil
	}
	if err := st.Move(d.p.moveID, id); err != nil {
		return fmt.Errorf("not moved: %w", err)
	}
	d.chart.ScrollIntoView(pos.ID)
	d.status(fmt.Sprintf("Moved %s under %s", st.Label(pos), st.Label(st.Plan().Position(id))))
	return nil
}

// edgeBand is how close to the chart's edge the pointer pans the chart
// during a drag, so a drop target out of view can be reached.
const edgeBand float32 = 28

func (d *Dragger) autoScroll(abs fyne.Position) {
	c := d.chart
	p := abs.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(c))
	s := c.Size()
	var dx, dy float32
	switch {
	case p.X < edgeBand:
		dx = -12
	case p.X > s.Width-edgeBand:
		dx = 12
	}
	switch {
	case p.Y < edgeBand:
		dy = -12
	case p.Y > s.Height-edgeBand:
		dy = 12
	}
	if dx != 0 || dy != 0 {
		c.off = c.off.Add(fyne.NewPos(dx/c.zoom, dy/c.zoom))
		c.Refresh()
	}
}

// target tells whether abs is over the chart, and the id of the card under it.
func (d *Dragger) target(abs fyne.Position) (over bool, id string) {
	c := d.chart
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
	p := abs.Subtract(origin)
	s := c.Size()
	if p.X < 0 || p.Y < 0 || p.X >= s.Width || p.Y >= s.Height || !c.Visible() {
		return false, ""
	}
	for _, o := range c.covers {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if o.Visible() && inside(abs, at, o.Size()) {
			return false, ""
		}
	}
	if i := c.CardAt(p); i >= 0 {
		return true, d.st.Layout().Cards[i].Position.ID
	}
	return true, ""
}

// ghostCard is the small card that follows the pointer during a drag.
type ghostCard struct {
	box    *fyne.Container
	bg     *canvas.Rectangle
	stripe *canvas.Rectangle
	text   *canvas.Text
}

func newGhostCard() *ghostCard {
	g := &ghostCard{
		bg:     canvas.NewRectangle(color.Transparent),
		stripe: canvas.NewRectangle(color.Transparent),
		text:   canvas.NewText("", color.Black),
	}
	g.bg.CornerRadius = 5
	g.bg.StrokeWidth = 1
	g.stripe.TopLeftCornerRadius, g.stripe.BottomLeftCornerRadius = 5, 5
	g.text.TextStyle.Bold = true
	g.text.TextSize = 12
	g.box = container.NewWithoutLayout(g.bg, g.stripe, g.text)
	g.box.Hide()
	return g
}

func (g *ghostCard) set(p Payload) {
	pal := uikit.ChartPalette()
	w := min(fyne.MeasureText(p.title, 12, g.text.TextStyle).Width+28, 260)
	const h = 32
	fill := pal.Card
	fill.A = 0xe8
	g.bg.FillColor, g.bg.StrokeColor = fill, pal.Accent
	g.bg.Resize(fyne.NewSize(w, h))
	g.stripe.FillColor = p.stripe
	g.stripe.Resize(fyne.NewSize(6, h))
	g.text.Text, g.text.Color = p.title, pal.Title
	g.text.Move(fyne.NewPos(14, 8))
	g.text.Resize(fyne.NewSize(w-20, 16))
	g.box.Resize(fyne.NewSize(w, h))
	g.text.Refresh()
}
