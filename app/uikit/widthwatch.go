package uikit

import "fyne.io/fyne/v2"

// WidthWatch lays out one object filling the space, and calls OnWidth when
// the width changes: the change list re-measures its wrapped items.
type WidthWatch struct {
	last    float32
	OnWidth func()
}

func (l *WidthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != l.last {
		l.last = size.Width
		l.OnWidth()
	}
}

func (l *WidthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
