package layout

// Card geometry in logical pixels. The app canvas and the PNG renderer both
// draw cards from these numbers, so the chart on screen is the exported one.
const (
	CardW float32 = 208 // default card width
	CardH float32 = 82  // default card height

	HGap float32 = 20 // horizontal gap between neighbouring cards and subtrees
	VGap float32 = 44 // vertical gap between a manager and its reports

	// Stacked reports (reports who lead nobody) hang from a vertical spine.
	StackIndent  float32 = 16 // room left of a one-column stack for its spine
	StackMiddle  float32 = 36 // room between the two columns of a stack
	StackRowGap  float32 = 12 // vertical gap between stacked cards
	StackColumns         = 6  // more stacked reports than this use two columns
	// ColumnGap is the room between a column of hung subtrees and the next
	// column's spine (which has StackIndent of its own).
	ColumnGap float32 = 8
	// HangGap is the room between a manager and the first of the reports
	// hung under it in columns.
	HangGap float32 = 16

	// Aspect is the shape the layout aims for: a 16:9 slide.
	Aspect = 16.0 / 9.0

	// DottedInset is how far from a card's centre a dotted-line connector starts,
	// so it does not run along the solid line into the card's top.
	DottedInset float32 = 36
)

// Rect is an axis-aligned rectangle relative to a card's top-left corner.
type Rect struct{ X, Y, W, H float32 }

// Contains reports whether the point (x, y) lies inside r.
func (r Rect) Contains(x, y float32) bool {
	return x >= r.X && y >= r.Y && x < r.X+r.W && y < r.Y+r.H
}

// CardMetrics places everything drawn inside a card. Font sizes are in logical
// pixels (points at 72 dpi); text positions are the tops of line boxes.
type CardMetrics struct {
	Radius float32 // corner radius
	Stripe float32 // width of the domain colour stripe on the left edge
	Border float32 // border line width

	PadX float32 // text inset from the stripe and from the right edge
	PadY float32 // inset of the first title line from the top

	TitleSize   float32 // bold title font size
	TitleLine   float32 // title line height; titles wrap to at most two lines
	TitleLines  int
	HolderSize  float32 // holder ("Vacant" when nobody) font size
	HolderTop   float32 // top of the holder line box
	HolderLine  float32
	SmallSize   float32 // team size, badges and "+N below"
	FooterTop   float32 // top of the badge / "+N below" row
	FooterLine  float32
	BadgeW      float32 // one finding badge (a pill with a number)
	BadgeH      float32
	BadgeGap    float32
	CollapseW   float32 // the "+N below" / collapse control at the bottom right
	TeamPrefix  string  // drawn before a team's count: "× 6"
	BelowFormat string  // fmt format of the collapsed mark, given the hidden count
}

// Metrics returns the card metrics shared by the app and the renderer.
func Metrics() CardMetrics {
	return CardMetrics{
		Radius: 6, Stripe: 6, Border: 1,
		PadX: 10, PadY: 8,
		TitleSize: 13, TitleLine: 17, TitleLines: 2,
		HolderSize: 12, HolderTop: 45, HolderLine: 16,
		SmallSize: 11, FooterTop: 62, FooterLine: 15,
		BadgeW: 24, BadgeH: 14, BadgeGap: 4,
		CollapseW:   72,
		TeamPrefix:  "× ",
		BelowFormat: "+%d below",
	}
}

// TextX is where text starts inside a card (right of the stripe).
func (m CardMetrics) TextX() float32 { return m.Stripe + m.PadX }

// TextWidth is the room for a line of text in a card of the given width.
func (m CardMetrics) TextWidth(cardW float32) float32 { return cardW - m.TextX() - m.PadX }

// TitleRect is the box of title line i (0 or 1).
func (m CardMetrics) TitleRect(cardW float32, i int) Rect {
	return Rect{m.TextX(), m.PadY + float32(i)*m.TitleLine, m.TextWidth(cardW), m.TitleLine}
}

// HolderRect is the box of the holder line (the team size is right-aligned in it).
func (m CardMetrics) HolderRect(cardW float32) Rect {
	return Rect{m.TextX(), m.HolderTop, m.TextWidth(cardW), m.HolderLine}
}

// BadgeRect is the box of finding badge i, counted from the left of the footer row.
// Badges show errors, then warnings, then information, skipping zero counts.
func (m CardMetrics) BadgeRect(i int) Rect {
	y := m.FooterTop + (m.FooterLine-m.BadgeH)/2
	return Rect{m.TextX() + float32(i)*(m.BadgeW+m.BadgeGap), y, m.BadgeW, m.BadgeH}
}

// CollapseRect is the "+N below" mark and the control that collapses or expands
// a manager's reports, at the bottom right of the card.
func (m CardMetrics) CollapseRect(cardW, cardH float32) Rect {
	return Rect{cardW - m.PadX - m.CollapseW, cardH - m.FooterLine - 5, m.CollapseW, m.FooterLine}
}
