package app

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/render"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// exportOptions are the command line's export options (orgplanner export).
type exportOptions struct {
	Scale      float32
	Theme      string // light or dark
	Subtree    string // position id, "" for the whole plan
	Depth      int    // 0 = all levels
	NoFindings bool
}

// exportPNG renders the plan to a PNG file with the same renderer as the
// command line.
func (u *ui) exportPNG(path string, o exportOptions) error {
	p := u.st.Plan()
	// the command line's layout: wide levels folded to fit a slide (Fold 0)
	lay := layout.Compute(p, layout.Options{Root: o.Subtree, Depth: o.Depth})
	opt := render.Options{Scale: o.Scale, Theme: o.Theme, Date: time.Now().Format("2 January 2006")}
	if !o.NoFindings {
		opt.Findings = u.st.Report()
	}
	err := safefile.Write(path, safefile.Options{}, func(w io.Writer) error {
		return render.PNG(w, p, u.st.Catalog(), lay, opt)
	})
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	return nil
}

// exportDialog asks for the export options, then for the file.
func (u *ui) exportDialog() {
	scale := widget.NewSelect([]string{"1", "2", "3"}, nil)
	scale.SetSelected("1")
	th := widget.NewRadioGroup([]string{"light", "dark"}, nil)
	th.Horizontal = true
	th.SetSelected("light")
	if uikit.IsDark() {
		th.SetSelected("dark")
	}
	findings := widget.NewCheck("Finding badges", nil)
	findings.SetChecked(true)
	sub := widget.NewCheck("Only the selected position and those below it", nil)
	if u.st.Selected() == "" {
		sub.Disable()
	}
	depth := widget.NewEntry()
	depth.SetPlaceHolder("all levels")
	items := []*widget.FormItem{
		widget.NewFormItem("Scale", scale),
		widget.NewFormItem("Theme", th),
		widget.NewFormItem("", findings),
		widget.NewFormItem("Subtree", sub),
		widget.NewFormItem("Levels", depth),
	}
	dialog.ShowForm("Export chart as PNG", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		s, _ := strconv.ParseFloat(scale.Selected, 32)
		o := exportOptions{Scale: float32(s), Theme: th.Selected, NoFindings: !findings.Checked}
		if sub.Checked {
			o.Subtree = u.st.Selected()
		}
		if depth.Text != "" {
			n, err := strconv.Atoi(depth.Text)
			if err != nil || n < 0 {
				u.showError(fmt.Errorf("levels %q is not a whole number: leave it empty for all levels", depth.Text))
				return
			}
			o.Depth = n
		}
		u.exportFile(o)
	}, u.win)
}

func (u *ui) exportFile(o exportOptions) {
	u.askSavePath("Export chart as PNG", "Export", []string{".png"}, func(path string) {
		if err := u.exportPNG(path, o); err != nil {
			u.showError(err)
			return
		}
		u.status("Exported " + path)
	})
}
