package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"orgplanner/catalog"
	"orgplanner/orgchart/analysis"
	"orgplanner/orgchart/people"
)

// importCSV builds a new, unsaved plan from a people CSV (orgchart/people,
// the same as `orgplanner import`) and returns the import report's text. On
// problems the current plan stays and the problems are shown.
func (u *ui) importCSV(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		u.showProblems(path, err)
		return "", err
	}
	defer f.Close()
	p, rep, err := people.Import(f, path, u.st.Base(), nil)
	if err != nil {
		var ps catalog.Problems
		if !errors.As(err, &ps) && rep != nil && len(rep.Problems) > 0 {
			err = rep.Problems
		}
		u.showProblems(path, err)
		return "", err
	}
	if p.Name == "" {
		p.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	u.st.Load(p, u.st.Base(), "")
	u.st.MarkUnsaved()
	var b bytes.Buffer
	rep.WriteText(&b)
	u.status(fmt.Sprintf("Imported %s: %d positions; Save As to keep the plan", filepath.Base(path), len(p.Positions)))
	return b.String(), nil
}

// importDialog asks for a CSV, after asking about unsaved changes, and shows
// the import report.
func (u *ui) importDialog() {
	u.guard("importing people", func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			text, err := u.importCSV(path)
			if err != nil {
				return // shown
			}
			l := widget.NewLabel(text)
			l.TextStyle.Monospace = true
			scroll := container.NewScroll(l)
			scroll.SetMinSize(fyne.NewSize(680, 360))
			dialog.ShowCustom("Imported "+filepath.Base(path), "Close", scroll, u.win)
		}, u.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt"}))
		u.startIn(d)
		d.Show()
	})
}

// analysisImages draws the analysis pictures of the plan (orgchart/analysis,
// the same as `orgplanner export --view`): span of control and coverage.
func (u *ui) analysisImages() (map[string]image.Image, error) {
	out := map[string]image.Image{}
	opt := analysis.Options{Scale: 1, Dark: isDark(), Date: time.Now().Format("2 January 2006")}
	for _, view := range analysis.Views() {
		var b bytes.Buffer
		if err := analysis.ViewPNG(&b, view, u.st.Plan(), u.st.Catalog(), opt); err != nil {
			return nil, fmt.Errorf("drawing the %s picture: %w", view, err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			return nil, fmt.Errorf("reading the %s picture: %w", view, err)
		}
		out[view] = img
	}
	return out, nil
}

// analysisDialog shows the pictures in tabs.
func (u *ui) analysisDialog() {
	imgs, err := u.analysisImages()
	if err != nil {
		u.showError(err)
		return
	}
	titles := map[string]string{"spans": "Span of control", "coverage": "Coverage"}
	tabs := container.NewAppTabs()
	for _, view := range analysis.Views() {
		img := canvas.NewImageFromImage(imgs[view])
		b := imgs[view].Bounds()
		img.FillMode = canvas.ImageFillOriginal
		img.SetMinSize(fyne.NewSize(float32(b.Dx()), float32(b.Dy())))
		name := titles[view]
		if name == "" {
			name = view
		}
		tabs.Append(container.NewTabItem(name, container.NewScroll(img)))
	}
	d := dialog.NewCustom("Analysis of "+u.st.Plan().Name, "Close", tabs, u.win)
	if u.win != nil {
		s := u.win.Canvas().Size()
		d.Resize(fyne.NewSize(s.Width*0.85, s.Height*0.85))
	}
	d.Show()
}
