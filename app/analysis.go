package app

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/analysis"
)

// analysisImages draws the analysis pictures of the plan (orgchart/analysis,
// the same as `orgplanner export --view`): span of control and coverage, at
// a scale (1 = as the command draws them).
func (u *ui) analysisImages(scale float32) (map[string]image.Image, error) {
	out := map[string]image.Image{}
	opt := analysis.Options{Scale: scale, Dark: uikit.IsDark(), Date: time.Now().Format("2 January 2006")}
	for _, view := range analysis.Views() {
		img, err := u.analysisImage(view, opt)
		if err != nil {
			return nil, err
		}
		out[view] = img
	}
	return out, nil
}

func (u *ui) analysisImage(view string, opt analysis.Options) (image.Image, error) {
	var b bytes.Buffer
	if err := analysis.ViewPNG(&b, view, u.st.Plan(), u.st.Catalog(), opt); err != nil {
		return nil, fmt.Errorf("drawing the %s picture: %w", view, err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		return nil, fmt.Errorf("reading the %s picture: %w", view, err)
	}
	return img, nil
}

// minPictureScale is the smallest scale the analysis view draws a picture
// at to make it fit; below it the text gets too small and scrolling is better.
const minPictureScale = 0.75

// pictureScale is the scale that fits a picture of natural size w x h into
// the view: always its width, its height too when that does not shrink it
// below minPictureScale (the span chart fits whole; the coverage grid scrolls).
func pictureScale(w, h float32, view fyne.Size) float32 {
	s := min(1, view.Width/w)
	if fh := view.Height / h; fh < s && fh >= minPictureScale {
		s = fh
	}
	return max(s, minPictureScale)
}

// pictureFit fills its space with a scroll of one picture, and keeps the
// picture at the scale that fits that space (pictureScale) whenever it
// changes: a window made larger shows the pictures larger.
type pictureFit struct {
	w, h   float32         // the picture's size at scale 1
	resize func(s float32) // shows the picture at scale s
	last   fyne.Size
}

// Layout implements fyne.Layout.
func (l *pictureFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size != l.last && size.Width > 0 && size.Height > 0 {
		l.last = size
		// less the scroll bars and the padding around the picture
		l.resize(pictureScale(l.w, l.h, fyne.NewSize(size.Width-24, size.Height-24)))
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
		o.Refresh()
	}
}

// MinSize is small: the picture scrolls in less room.
func (l *pictureFit) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 150) }

// analysisWindow shows the pictures in tabs, in a window of their own so
// they can stay open beside the chart and be made larger. A picture is
// shown at the size that fits the window (pictureScale), smoothly scaled
// from the drawing at full size: drawn smaller, the renderer's legends can
// outgrow the picture.
func (u *ui) analysisWindow() fyne.Window {
	size := fyne.NewSize(1280, 800)
	if u.win != nil {
		s := u.win.Canvas().Size()
		size = fyne.NewSize(max(640, s.Width-40), max(480, s.Height-40))
	}
	px := float32(1) // device pixels per Fyne unit
	if u.win != nil && u.win.Canvas().Scale() > 0 {
		px = u.win.Canvas().Scale()
	}
	// the room inside the tabs: less the tab bar and the scroll bars
	room := fyne.NewSize(size.Width-24, size.Height-64)
	titles := map[string]string{"spans": "Span of control", "coverage": "Coverage"}
	tabs := container.NewAppTabs()
	for _, view := range analysis.Views() {
		opt := analysis.Options{Scale: px, Dark: uikit.IsDark(), Date: time.Now().Format("2 January 2006")}
		img, err := u.analysisImage(view, opt)
		if err != nil {
			u.showError(err)
			return nil
		}
		b := img.Bounds()
		w, h := float32(b.Dx())/px, float32(b.Dy())/px
		name := titles[view]
		if name == "" {
			name = view
		}
		if view == "spans" { // the histogram can be clicked; its managers are listed below it
			s := pictureScale(w, h, fyne.NewSize(room.Width, room.Height-spanListHeight-40))
			content, _, _ := u.spansTab(img, w, h, s)
			tabs.Append(container.NewTabItem(name, content))
			continue
		}
		s := pictureScale(w, h, room)
		pic := canvas.NewImageFromImage(img)
		pic.FillMode = canvas.ImageFillContain
		pic.ScaleMode = canvas.ImageScaleSmooth
		pic.SetMinSize(fyne.NewSize(w*s, h*s))
		fit := &pictureFit{w: w, h: h, resize: func(s float32) { pic.SetMinSize(fyne.NewSize(w*s, h*s)) }}
		tabs.Append(container.NewTabItem(name, container.New(fit, container.NewScroll(container.NewCenter(pic)))))
	}
	if u.analysisWin != nil { // one analysis window, of the plan as it is now
		u.analysisWin.Close()
	}
	w := u.app.NewWindow("Analysis of " + u.st.Plan().Name + " - Org Planner")
	u.analysisWin = w
	w.SetOnClosed(func() {
		if u.analysisWin == w {
			u.analysisWin = nil
		}
	})
	w.SetContent(tabs)
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape { // as a dialog closes
			w.Close()
		}
	})
	w.Resize(size)
	w.Show()
	return w
}

// analysisDialog opens the analysis window (View > Analysis pictures); a
// window already open is replaced, so choosing it again after edits shows
// the pictures of the plan as it is now.
func (u *ui) analysisDialog() { u.analysisWindow() }
