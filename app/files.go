package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// recentKey is the preference holding the recently opened plans, newest first.
const (
	recentKey = "recentFiles"
	maxRecent = 8
)

// sampleNames are the sample plans shipped in the binary, smallest first.
var sampleNames = []string{"startup", "scaleup", "enterprise"}

// openPath reads a plan file and makes it the open plan. On failure the
// current plan stays and the problems are shown with their lines.
func (u *ui) openPath(path string) error {
	start := time.Now()
	p, cat, err := orgchart.ReadFile(path, u.st.Base())
	if err != nil {
		u.showProblems(path, err)
		return err
	}
	u.st.Load(p, cat, path)
	u.remember(path)
	u.addRecent(path)
	u.status(fmt.Sprintf("Opened %s: %s, read, checked and laid out in %s",
		filepath.Base(path), state.Plural(len(p.Positions), "position", "positions"), state.Elapsed(time.Since(start))))
	return nil
}

// openSample makes a copy of a shipped sample the open plan; it has no file
// until saved.
func (u *ui) openSample(name string) error {
	data, err := sampleData(name)
	if err != nil {
		return err
	}
	p, cat, err := orgchart.Read(data, name+".yaml", u.st.Base())
	if err != nil {
		return fmt.Errorf("sample %s: %w", name, err)
	}
	u.st.Load(p, cat, "")
	u.status(fmt.Sprintf("Opened the %s sample: %s (Save As to keep your changes)", name, state.Plural(len(p.Positions), "position", "positions")))
	return nil
}

// newBlank replaces the plan with an empty one.
func (u *ui) newBlank() {
	u.st.Load(orgchart.NewPlan("Untitled plan"), nil, "")
	u.status("New plan: drag a role from the catalog onto the canvas")
}

// showProblems shows why a file could not be opened, one problem a line.
func (u *ui) showProblems(path string, err error) {
	var lines []string
	var ps catalog.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			lines = append(lines, p.String())
		}
	} else {
		lines = append(lines, err.Error())
	}
	u.lastProblems = lines
	noun := "problems"
	if len(lines) == 1 {
		noun = "problem"
	}
	u.status(fmt.Sprintf("Could not open %s: %d %s; the current plan is unchanged", filepath.Base(path), len(lines), noun))
	if u.win == nil {
		return
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.TextStyle.Monospace = true
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewScroll(text)
	scroll.SetMinSize(fyne.NewSize(640, 240))
	head := widget.NewLabel(fmt.Sprintf("%s could not be opened. Fix these problems and open it again; your current plan is unchanged.", path))
	head.Wrapping = fyne.TextWrapWord
	dialog.ShowCustom("Could not open the plan", "Close", container.NewBorder(head, nil, nil, nil, scroll), u.win)
}

// save writes the plan to its file, or asks for one.
func (u *ui) save(then func()) {
	if u.st.Path() == "" {
		u.saveAs(then)
		return
	}
	u.confirmOverwrite(u.st.Path(), func() {
		if err := u.writeTo(u.st.Path()); err != nil {
			u.showError(err)
			return
		}
		if then != nil {
			then()
		}
	})
}

func (u *ui) writeTo(path string) error {
	if err := orgchart.WriteFile(path, u.st.Plan(), safefile.Options{}); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	u.dropRecovery(u.st.Path()) // the copy of an untitled plan, or of the old file
	u.dropRecovery(path)
	u.remember(path)
	u.st.SavedAs(path)
	u.addRecent(path)
	u.status("Saved " + path)
	return nil
}

// saveAs asks for a file and saves there.
func (u *ui) saveAs(then func()) {
	u.askSavePath("Save plan as", "Save", planExtensions, func(path string) {
		if err := u.writeTo(path); err != nil {
			u.showError(err)
			return
		}
		if then != nil {
			then()
		}
	})
}

// askSavePath shows a file-save dialog offering the endings exts (the first
// is added to a name given without one), named after the plan and starting in
// its folder, and calls then with the chosen path (not when the user cancels).
// The writers write atomically by path, so the dialog's own writer is closed.
func (u *ui) askSavePath(title, confirm string, exts []string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if filepath.Ext(path) == "" {
			path += exts[0]
		}
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetFileName(fileNameFor(u.st.Plan().Name, exts[0]))
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	u.startIn(d)
	d.Show()
	d.Resize(u.dialogSize()) // after Show: the dialog is built there
}

// dialogSize is the size of file dialogs: most of the window, so long
// folder listings and file names read without scrolling sideways.
func (u *ui) dialogSize() fyne.Size {
	if u.win == nil {
		return fyne.NewSize(800, 560)
	}
	s := u.win.Canvas().Size()
	return fyne.NewSize(max(640, s.Width*0.85), max(440, s.Height*0.85))
}

// startIn opens file dialogs in the folder of the open plan.
func (u *ui) startIn(d interface{ SetLocation(fyne.ListableURI) }) {
	if u.st.Path() == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.st.Path()))); err == nil {
		d.SetLocation(l)
	}
}

// fileNameFor turns a plan name into a file name.
func fileNameFor(name, ext string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '_':
			b.WriteRune('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "plan"
	}
	return s + ext
}

// open asks for a plan file, after asking about unsaved changes.
func (u *ui) open() {
	u.guard("opening another plan", func() {
		u.askOpenPath("Open plan", "Open", planExtensions, u.openChosen)
	})
}

// backgroundOpenSize is the file size from which a plan the user opens is
// read in the background, with progress, rather than at once.
const backgroundOpenSize = 512 << 10

// openChosen opens a plan the user chose (a dialog, the recent files):
// a large one in the background, the window staying live; problems are
// shown either way.
func (u *ui) openChosen(path string) {
	if fi, err := os.Stat(path); err != nil || fi.Size() < backgroundOpenSize {
		_ = u.openPath(path)
		return
	}
	u.openInBackground(path, nil)
}

// dropFiles opens a plan (or imports a people CSV) dropped on the window from
// a file manager, after asking about unsaved changes; other files are
// refused in the status line.
func (u *ui) dropFiles(items []fyne.URI) {
	for _, it := range items {
		if it == nil || it.Scheme() != "file" {
			continue
		}
		path := it.Path()
		switch ext := strings.ToLower(filepath.Ext(path)); {
		case isPeopleFile(path):
			u.guard("importing people", func() { _, _ = u.importAndReport(path) })
		case ext == ".yaml" || ext == ".yml":
			u.guard("opening another plan", func() { u.openChosen(path) })
		default:
			u.status(fmt.Sprintf("Not opened: %s is neither a plan (.yaml) nor a people CSV (.csv)", filepath.Base(path)))
		}
		return // one file: the window holds one plan
	}
}

// planExtensions are the file endings the open dialogs offer for plans.
var planExtensions = []string{".yaml", ".yml"}

// askOpenPath shows a file-open dialog for files with one of the endings,
// starting in the open plan's folder, and calls then with the chosen path
// (not when the user cancels).
func (u *ui) askOpenPath(title, confirm string, exts []string, then func(path string)) {
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
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	u.startIn(d)
	d.Show()
	d.Resize(u.dialogSize()) // after Show: the dialog is built there
}

// newPlan offers a blank plan or a sample, after asking about unsaved changes.
func (u *ui) newPlan() {
	u.guard("starting a new plan", func() {
		choices := []string{"Blank plan", "Startup sample (40 people)", "Scale-up sample (400 people)", "Enterprise sample (3,000 people)"}
		group := widget.NewRadioGroup(choices, nil)
		group.SetSelected(choices[0])
		dialog.ShowCustomConfirm("New plan", "Create", "Cancel", group, func(ok bool) {
			if !ok {
				return
			}
			for i, c := range choices {
				if c == group.Selected {
					if i == 0 {
						u.newBlank()
					} else if err := u.openSample(sampleNames[i-1]); err != nil {
						u.showError(err)
					}
				}
			}
		}, u.win)
	})
}

// guard runs then, first asking whether to save unsaved changes.
func (u *ui) guard(doing string, then func()) {
	if !u.st.Dirty() || u.win == nil {
		then()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("%q has unsaved changes. Save them before %s?", u.st.Plan().Name, doing))
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	saveBtn := widget.NewButton("Save", func() { d.Hide(); u.save(then) })
	saveBtn.Importance = widget.HighImportance
	discard := widget.NewButton("Discard changes", func() {
		d.Hide()
		u.dropRecovery(u.st.Path())
		then()
	})
	discard.Importance = widget.DangerImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	body := container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), cancel, discard, saveBtn))
	d = dialog.NewCustomWithoutButtons("Unsaved changes", body, u.win)
	d.Resize(fyne.NewSize(460, 150))
	d.Show()
}

// recent returns the recently opened files that still exist.
func (u *ui) recent() []string {
	var out []string
	for _, p := range u.app.Preferences().StringList(recentKey) {
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

func (u *ui) addRecent(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	list := []string{abs}
	for _, p := range u.app.Preferences().StringList(recentKey) {
		if p != abs && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.app.Preferences().SetStringList(recentKey, list)
	u.refreshMenu()
}

func (u *ui) showError(err error) {
	u.status(err.Error())
	if u.win != nil {
		dialog.ShowError(err, u.win)
	}
}
