package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/recovery"
)

// recoveryDelay is the longest unsaved work goes without a recovery copy.
const recoveryDelay = 3 * time.Second

// recoveryKeeper writes a recovery copy of unsaved work a few seconds after
// an edit (orgchart/recovery), removes it when the plan is saved or changes
// are discarded, and remembers what the plan file looked like on disk so a
// save over someone else's changes asks first.
type recoveryKeeper struct {
	store     *recovery.Store // nil: no recovery copies (tests)
	scheduled bool
	timer     *time.Timer        // the pending write, stopped when the window goes
	stamp     recovery.FileStamp // the plan file when last read or written
	stampPath string
}

// edited schedules a recovery copy.
func (u *ui) scheduleRecovery() {
	k := &u.rec
	if k.store == nil || k.scheduled {
		return
	}
	k.scheduled = true
	k.timer = time.AfterFunc(recoveryDelay, func() { u.do(u.writeRecovery) })
}

// stopRecovery cancels a pending recovery write, so no timer outlives the
// window (or, in tests, the app and the folder it was writing to).
func (u *ui) stopRecovery() {
	if k := &u.rec; k.timer != nil {
		k.timer.Stop()
		k.timer, k.scheduled = nil, false
	}
}

// writeRecovery writes (or, when nothing is unsaved, removes) the copy.
func (u *ui) writeRecovery() {
	u.stopRecovery() // called early (by a save or a test), the timer must not write again
	k := &u.rec
	if k.store == nil {
		return
	}
	if !u.st.Dirty() {
		_ = k.store.Remove(u.st.Path())
		return
	}
	if err := k.store.Save(u.st.Path(), u.st.Plan().Encode()); err != nil {
		u.status("Could not write the recovery copy: " + err.Error())
	}
}

// dropRecovery removes the copy of the plan at path (saved or discarded).
func (u *ui) dropRecovery(path string) {
	if u.rec.store != nil {
		_ = u.rec.store.Remove(path)
	}
}

// remember records the plan file as it is on disk now.
func (u *ui) remember(path string) {
	u.rec.stampPath = path
	u.rec.stamp = recovery.FileStamp{}
	if path == "" {
		return
	}
	if s, err := recovery.Stamp(path); err == nil {
		u.rec.stamp = s
	}
}

// changedOnDisk reports whether the open plan's file changed since it was
// opened or saved.
func (u *ui) changedOnDisk(path string) bool {
	if path == "" || path != u.rec.stampPath || !u.rec.stamp.Exists {
		return false
	}
	changed, err := u.rec.stamp.Changed(path)
	return err == nil && changed
}

// offerRecovery asks, at start, whether to restore unsaved work left by a
// crash. Copies that fail their checksum are reported, not offered.
func (u *ui) offerRecovery() {
	k := &u.rec
	if k.store == nil || u.win == nil {
		return
	}
	copies, problems := k.store.List()
	for _, err := range problems {
		fmt.Fprintln(os.Stderr, "orgplanner:", err)
	}
	if len(copies) == 0 {
		return
	}
	c := copies[0] // the newest
	name := "an untitled plan"
	if !c.Untitled() {
		name = c.PlanPath
	}
	msg := fmt.Sprintf("Org Planner found unsaved work on %s from %s (it was not closed properly).\nRestore it? Not restoring deletes the copy.",
		name, c.Saved.Local().Format("2 Jan 15:04"))
	if len(copies) > 1 {
		msg += fmt.Sprintf("\n(%d more copies are kept in %s.)", len(copies)-1, k.store.Dir())
	}
	dialog.ShowConfirm("Restore unsaved work?", msg, func(yes bool) {
		if !yes {
			_ = k.store.RemoveFile(c.File)
			return
		}
		if err := u.restore(c); err != nil {
			u.showError(err)
		}
	}, u.win)
}

// restore opens a recovery copy as unsaved changes to its plan.
func (u *ui) restore(c recovery.Copy) error {
	data, err := u.rec.store.Load(c)
	if err != nil {
		return err
	}
	file := c.PlanPath
	if file == "" {
		file = filepath.Join(u.rec.store.Dir(), "untitled.yaml")
	}
	p, cat, err := orgchart.Read(data, file, u.st.Base())
	if err != nil {
		return fmt.Errorf("the recovery copy %s does not load: %w", c.File, err)
	}
	u.st.Load(p, cat, c.PlanPath)
	u.st.MarkUnsaved()
	u.remember(c.PlanPath)
	u.status("Restored unsaved work from " + c.Saved.Local().Format("15:04") + ": save it to keep it")
	return nil
}

// confirmOverwrite asks before saving over a file that changed on disk.
func (u *ui) confirmOverwrite(path string, then func()) {
	if !u.changedOnDisk(path) || u.win == nil {
		then()
		return
	}
	dialog.ShowConfirm("The file changed on disk",
		strings.Join([]string{
			filepath.Base(path) + " was changed by another program since Org Planner opened or saved it.",
			"Save over it anyway? (Cancel, then Save As, keeps both.)",
		}, "\n"), func(yes bool) {
			if yes {
				then()
			}
		}, u.win)
}
