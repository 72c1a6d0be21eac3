package chart

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/orgplanner/orgplanner/app/uikit"
)

// tipLines is the most lines the refusal note wraps to.
const tipLines = 3

// dropTip is the note under a drop target that says why a drop there would
// be refused (a move that would make a cycle).
type dropTip struct {
	bg    *canvas.Rectangle
	lines [tipLines]*canvas.Text
	msg   string
}

func newDropTip() *dropTip {
	t := &dropTip{bg: canvas.NewRectangle(color.Transparent)}
	t.bg.CornerRadius = 4
	for i := range t.lines {
		t.lines[i] = canvas.NewText("", color.White)
		t.lines[i].TextSize = 12
	}
	t.hide()
	return t
}

func (t *dropTip) objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{t.bg}
	for _, l := range t.lines {
		out = append(out, l)
	}
	return out
}

func (t *dropTip) hide() {
	t.msg = ""
	t.bg.Hide()
	for _, l := range t.lines {
		l.Hide()
	}
}

// Text is the refusal shown, "" when hidden.
func (t *dropTip) Text() string { return t.msg }

// show places the note at p (widget coordinates), wrapped to at most 360
// units and kept inside the widget.
func (t *dropTip) show(msg string, p fyne.Position, area fyne.Size, pal uikit.Palette, fill color.NRGBA) {
	t.msg = msg
	const pad = 8
	maxW := min(float32(360), area.Width-2*pad)
	lines := wrapWords(msg, maxW, t.lines[0].TextSize)
	w, lh := float32(0), float32(0)
	for i, l := range t.lines {
		if i >= len(lines) {
			l.Hide()
			continue
		}
		s := fyne.MeasureText(lines[i], l.TextSize, l.TextStyle)
		w, lh = max(w, s.Width), s.Height
	}
	n := min(len(lines), tipLines)
	bw, bh := w+2*pad, float32(n)*lh+pad
	if p.X+bw > area.Width {
		p.X = area.Width - bw
	}
	p.X = max(p.X, 0)
	if p.Y+bh > area.Height {
		p.Y = area.Height - bh
	}
	t.bg.FillColor = fill
	t.bg.Move(p)
	t.bg.Resize(fyne.NewSize(bw, bh))
	t.bg.Show()
	t.bg.Refresh()
	for i := 0; i < n; i++ {
		l := t.lines[i]
		l.Text = lines[i]
		l.Move(p.Add(fyne.NewPos(pad, pad/2+float32(i)*lh)))
		l.Resize(fyne.NewSize(w, lh))
		l.Show()
		l.Refresh()
	}
}

// wrapWords breaks s into lines no wider than width; the last allowed line
// takes the rest, shortened with an ellipsis.
func wrapWords(s string, width, size float32) []string {
	words := strings.Fields(s)
	var lines []string
	fits := func(x string) bool { return fyne.MeasureText(x, size, fyne.TextStyle{}).Width <= width }
	for len(words) > 0 {
		if len(lines) == tipLines-1 {
			rest := []rune(strings.Join(words, " "))
			for len(rest) > 1 && !fits(string(rest)) {
				rest = append(rest[:len(rest)-2], '…')
			}
			return append(lines, string(rest))
		}
		n := 1
		for n < len(words) && fits(strings.Join(words[:n+1], " ")) {
			n++
		}
		lines = append(lines, strings.Join(words[:n], " "))
		words = words[n:]
	}
	return lines
}
