package uikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TapLabel is a wrapping label that does something when clicked, for lines
// of text that name a position (the compare panel's effects).
type TapLabel struct {
	widget.Label
	onTap func()
}

func NewTapLabel(text string, onTap func()) *TapLabel {
	l := &TapLabel{onTap: onTap}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs the action.
func (l *TapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// Cursor shows a hand, so the line reads as clickable.
func (l *TapLabel) Cursor() desktop.Cursor {
	if l.onTap == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}
