package render

import "image/color"

// The SVG and PDF writers draw the chart's scene (BuildScene), the display
// list the PNG rasteriser draws too: the same layout, palette, card content
// and shaped text in every format. vectorScene walks the scene; each
// backend implements vecPainter in its own units (logical pixels, y down).

// vecPainter is what a vector backend draws.
type vecPainter interface {
	rect(x, y, w, h float32, c color.NRGBA)
	card(x, y, w, h float32, s cardStyle)
	pill(x, y, w, h float32, c color.NRGBA)
	polyline(p *Path)
	text(t *Text)
}

// cardStyle is how a card's body, border and stripe look.
type cardStyle struct {
	radius, border, stripe  float32
	fill, line, stripeColor color.NRGBA
	dashed                  bool   // a vacant card's dashed border
	id                      string // the position id of a card
}

// vectorScene draws sc through vp, item by item in the scene's order. A
// card's body and the stripe that follows it go to vp.card together, so a
// backend can clip the stripe to the card's rounded shape.
func vectorScene(sc *Scene, vp vecPainter) {
	if !sc.Transparent {
		vp.rect(0, 0, sc.Width, sc.Height, sc.Page)
	}
	items := sc.Items
	for i := 0; i < len(items); i++ {
		switch it := items[i].(type) {
		case *Box:
			switch {
			case it.Stroke.A > 0 && it.Fill.A == 0 && it.Radius == 0:
				// An outline alone (the analysis pictures' frames): four
				// thin rectangles, as the PNG draws it.
				w := it.StrokeWidth
				vp.rect(it.X, it.Y, it.W, w, it.Stroke)
				vp.rect(it.X, it.Y+it.H-w, it.W, w, it.Stroke)
				vp.rect(it.X, it.Y, w, it.H, it.Stroke)
				vp.rect(it.X+it.W-w, it.Y, w, it.H, it.Stroke)
			case it.Stroke.A > 0:
				st := cardStyle{radius: it.Radius, border: it.StrokeWidth, fill: it.Fill, line: it.Stroke, dashed: it.Dash > 0, id: it.ID}
				if it.ID != "" && i+1 < len(items) {
					if s, ok := items[i+1].(*Box); ok && s.Corners == LeftCorners {
						st.stripe, st.stripeColor = s.W, s.Fill
						i++
					}
				}
				vp.card(it.X, it.Y, it.W, it.H, st)
			case it.Radius > 0 && it.Corners == AllCorners:
				vp.pill(it.X, it.Y, it.W, it.H, it.Fill)
			case it.Fill.A > 0:
				vp.rect(it.X, it.Y, it.W, it.H, it.Fill)
			}
		case *Path:
			if len(it.Points) >= 2 {
				vp.polyline(it)
			}
		case *Text:
			if it.Line != nil && it.Line.Text != "" {
				vp.text(it)
			}
		}
	}
}

// missingNotes is the look's note, once, about text in scripts no font
// on this system has.
func missingNotes(sc *Scene) []string {
	if sc.Shaper == nil {
		return nil
	}
	if n := sc.Shaper.MissingNote(); n != "" {
		return []string{n}
	}
	return nil
}
