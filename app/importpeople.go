package app

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/people"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// importCSV builds a new, unsaved plan from a people CSV (orgchart/people,
// the same as `orgplanner import`) and returns the import report's text. On
// problems the current plan stays and the problems are shown.
func (u *ui) importCSV(path string) (string, error) {
	f, err := safefile.Open(path) // a FIFO is refused before it is opened, never waited on
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
	u.status(fmt.Sprintf("Imported %s: %s; Save As to keep the plan", filepath.Base(path), state.Plural(len(p.Positions), "position", "positions")))
	return b.String(), nil
}

// importDialog asks for a CSV, after asking about unsaved changes, and shows
// the import report.
func (u *ui) importDialog() {
	u.guard("importing people", func() {
		u.askOpenPath("Import people from a CSV file", "Import", []string{".csv", ".txt"}, func(path string) {
			_, _ = u.importAndReport(path) // problems are shown
		})
	})
}

// importAndReport imports a people CSV into a new, unsaved plan and shows
// the import report in a dialog (problems in the problems dialog).
func (u *ui) importAndReport(path string) (string, error) {
	text, err := u.importCSV(path)
	if err != nil {
		return "", err // shown
	}
	dialog.ShowCustom("Imported "+filepath.Base(path), "Close", reportView(text), u.win)
	return text, nil
}

// reportView shows an import report: its long lines wrap, read whole rather
// than under a sideways scroll.
func reportView(text string) *container.Scroll {
	l := widget.NewLabel(text)
	l.TextStyle.Monospace = true
	l.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(l)
	scroll.SetMinSize(fyne.NewSize(760, 380))
	return scroll
}

// isPeopleFile reports whether a file named on the command line is a people
// CSV to import rather than a plan to open (a plan is YAML whatever its name).
func isPeopleFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv":
		return true
	}
	return false
}
