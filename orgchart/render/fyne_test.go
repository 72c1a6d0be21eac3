package render

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// window cuts a w x h logical-pixel window from the top-left of the chart of
// the 1,500-position benchmark organisation: the cards and connectors
// wholly inside it.
func window(b *testing.B, w, h float32) (*layout.Layout, *renderer) {
	b.Helper()
	cat, err := catalog.Default()
	if err != nil {
		b.Fatal(err)
	}
	p := generate.Generate(1500, 1)
	full := layout.Compute(p, layout.Options{})
	sub := &layout.Layout{Width: w, Height: h}
	for _, c := range full.Cards {
		if c.X+c.W <= w && c.Y+c.H <= h {
			sub.Cards = append(sub.Cards, c)
		}
	}
	for _, e := range full.Edges {
		inside := true
		for _, pt := range e.Points {
			inside = inside && pt.X <= w && pt.Y <= h
		}
		if inside {
			sub.Edges = append(sub.Edges, e)
		}
	}
	r, err := newRenderer(p, cat, sub, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return sub, r
}

// BenchmarkPainters draws the same window of the chart (about 3,000 x 2,000
// pixels) with Fyne's software painter, as the app's canvas objects would
// be, and with this package's renderer; neither encodes a PNG.
func BenchmarkPainters(b *testing.B) {
	const w, h = 3000, 2000
	l, r := window(b, w, h)
	b.Logf("%d cards, %d connectors, %dx%d px", len(l.Cards), len(l.Edges), w, h)
	b.Run("fyne-software", func(b *testing.B) {
		test.NewTempApp(b)
		objs := fyneObjects(l, r)
		c := software.NewCanvas()
		c.SetPadded(false)
		c.SetContent(container.NewWithoutLayout(objs...))
		c.Resize(fyne.NewSize(w, h))
		for b.Loop() {
			c.Capture()
		}
	})
	b.Run("ours", func(b *testing.B) {
		img := &canvas{pix: make([]byte, w*h), stride: w, rect: image.Rect(0, 0, w, h), pal: r.colors}
		for b.Loop() {
			r.draw(img)
		}
	})
}

// fyneObjects builds the chart as Fyne canvas objects: per card a rounded
// rectangle, a stripe and two texts; per connector segment a line.
func fyneObjects(l *layout.Layout, r *renderer) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, e := range l.Edges {
		for k := 1; k < len(e.Points); k++ {
			ln := fcanvas.NewLine(r.pal.line)
			ln.StrokeWidth = 1
			ln.Position1 = fyne.NewPos(e.Points[k-1].X, e.Points[k-1].Y)
			ln.Position2 = fyne.NewPos(e.Points[k].X, e.Points[k].Y)
			objs = append(objs, ln)
		}
	}
	for _, c := range l.Cards {
		box := fcanvas.NewRectangle(r.pal.card)
		box.StrokeColor, box.StrokeWidth, box.CornerRadius = r.pal.border, 1, 6
		box.Move(fyne.NewPos(c.X, c.Y))
		box.Resize(fyne.NewSize(c.W, c.H))
		stripe := fcanvas.NewRectangle(DomainColor(r.domainOf(c.Position), false))
		stripe.Move(fyne.NewPos(c.X, c.Y))
		stripe.Resize(fyne.NewSize(6, c.H))
		title := fcanvas.NewText(r.titleOf(c.Position), color.Black)
		title.TextStyle.Bold, title.TextSize = true, 13
		title.Move(fyne.NewPos(c.X+16, c.Y+8))
		holder := fcanvas.NewText(c.Position.Holder, r.pal.holder)
		holder.TextSize = 12
		holder.Move(fyne.NewPos(c.X+16, c.Y+45))
		objs = append(objs, box, stripe, title, holder)
	}
	return objs
}
