package app

import (
	"fmt"
	"io"
	"strconv"
	"strings"
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
	Format     string // png, svg or pdf (render.Formats)
	Scale      float32
	Theme      string // light or dark
	Subtree    string // position id, "" for the whole plan
	Depth      int    // 0 = all levels
	NoFindings bool
	Background string // "" (the theme's page colour) or "transparent"
	Page       string // PDF only: A4, A3 or letter to tile over, "" for one page
	Landscape  bool
}

// exportChart renders the plan to a PNG, SVG or PDF file with the same
// renderer as the command line, and returns what the user should know.
func (u *ui) exportChart(path string, o exportOptions) ([]string, error) {
	p := u.st.Plan()
	// the command line's layout: wide levels folded to fit a slide (Fold 0)
	lay := layout.Compute(p, layout.Options{Root: o.Subtree, Depth: o.Depth})
	opt := render.Options{Scale: o.Scale, Theme: o.Theme, Date: time.Now().Format("2 January 2006"),
		Background: o.Background, Page: o.Page, Landscape: o.Landscape}
	if !o.NoFindings {
		opt.Findings = u.st.Report()
	}
	format := o.Format
	if format == "" {
		format = "png"
	}
	var res render.Result
	err := safefile.Write(path, safefile.Options{}, func(w io.Writer) error {
		var err error
		res, err = render.Export(w, format, p, u.st.Catalog(), lay, opt)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("export to %s: %w", path, err)
	}
	return res.Notes, nil
}

// exportPNG renders the plan to a PNG file.
func (u *ui) exportPNG(path string, o exportOptions) error {
	o.Format = "png"
	_, err := u.exportChart(path, o)
	return err
}

// exportDialog asks for the export options, then for the file.
func (u *ui) exportDialog() {
	items, read := u.exportForm()
	dialog.ShowForm("Export chart", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		o, err := read()
		if err != nil {
			u.showError(err)
			return
		}
		u.exportFile(o)
	}, u.win)
}

// onePage is the paper choice that makes one PDF page the size of the chart.
const onePage = "one page, the chart's size"

// exportForm is the export dialog's form, with the command line's choices
// (orgplanner export), and a function that reads what was chosen.
func (u *ui) exportForm() ([]*widget.FormItem, func() (exportOptions, error)) {
	format := widget.NewRadioGroup([]string{"PNG", "SVG", "PDF"}, nil)
	format.Horizontal = true
	format.Required = true // a second click on the chosen format must not leave none
	format.SetSelected("PNG")
	scale := widget.NewSelect([]string{"1", "2", "3"}, nil)
	scale.SetSelected("1")
	th := widget.NewRadioGroup([]string{"light", "dark"}, nil)
	th.Horizontal = true
	th.Required = true
	th.SetSelected("light")
	if uikit.IsDark() {
		th.SetSelected("dark")
	}
	transparent := widget.NewCheck("Transparent background", nil)
	findings := widget.NewCheck("Finding badges", nil)
	findings.SetChecked(true)
	sub := widget.NewCheck("Only the selected position and those below it", nil)
	if u.st.Selected() == "" {
		sub.Disable()
	}
	depth := widget.NewEntry()
	depth.SetPlaceHolder("all levels")
	paper := widget.NewSelect([]string{onePage, "A4", "A3", "letter"}, nil)
	paper.SetSelected(onePage)
	landscape := widget.NewCheck("Landscape", nil)
	pdfOnly := func(f string) {
		if f == "PDF" {
			paper.Enable()
			landscape.Enable()
		} else {
			paper.Disable()
			landscape.Disable()
		}
	}
	format.OnChanged = pdfOnly
	pdfOnly(format.Selected)
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format),
		widget.NewFormItem("Scale", scale),
		widget.NewFormItem("Theme", th),
		widget.NewFormItem("", transparent),
		widget.NewFormItem("", findings),
		widget.NewFormItem("Subtree", sub),
		widget.NewFormItem("Levels", depth),
		widget.NewFormItem("Paper", paper),
		widget.NewFormItem("", landscape),
	}
	read := func() (exportOptions, error) {
		s, _ := strconv.ParseFloat(scale.Selected, 32)
		o := exportOptions{Format: strings.ToLower(format.Selected), Scale: float32(s), Theme: th.Selected, NoFindings: !findings.Checked}
		if transparent.Checked {
			o.Background = "transparent"
		}
		if o.Format == "pdf" && paper.Selected != onePage {
			o.Page, o.Landscape = paper.Selected, landscape.Checked
		}
		if sub.Checked {
			o.Subtree = u.st.Selected()
		}
		if depth.Text != "" {
			n, err := strconv.Atoi(depth.Text)
			if err != nil || n < 0 {
				return o, fmt.Errorf("levels %q is not a whole number: leave it empty for all levels", depth.Text)
			}
			o.Depth = n
		}
		return o, nil
	}
	return items, read
}

func (u *ui) exportFile(o exportOptions) {
	if o.Format == "" {
		o.Format = "png"
	}
	title := "Export chart as " + strings.ToUpper(o.Format)
	u.askSavePath(title, "Export", []string{"." + o.Format}, func(path string) {
		notes, err := u.exportChart(path, o)
		if err != nil {
			u.showError(err)
			return
		}
		msg := "Exported " + path
		if len(notes) > 0 {
			msg += " (" + strings.Join(notes, "; ") + ")"
		}
		u.status(msg)
	})
}
