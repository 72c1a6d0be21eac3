package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tapLabel is a wrapping label that does something when clicked, for lines
// of text that name a position (the compare panel's effects).
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel(text string, onTap func()) *tapLabel {
	l := &tapLabel{onTap: onTap}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs the action.
func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// Cursor shows a hand, so the line reads as clickable.
func (l *tapLabel) Cursor() desktop.Cursor {
	if l.onTap == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}
