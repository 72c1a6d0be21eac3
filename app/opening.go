package app

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// opening is a plan file being read and laid out away from the window's
// thread (state.Prepare); its check goes on after it is shown.
type opening struct {
	path  string
	start time.Time
	done  chan struct{} // closed once prep or err is set
	prep  *state.Prepared
	err   error
	// how long reading, and reading and laying out, took
	read, laidOut time.Duration
}

// startOpening reads and lays out the plan at path on another goroutine,
// with the catalog base gives (which may itself still be loading).
func startOpening(path string, base func() (*catalog.Catalog, error)) *opening {
	o := &opening{path: path, start: time.Now(), done: make(chan struct{})}
	go func() {
		defer close(o.done)
		b, err := base()
		if err != nil {
			o.err = err
			return
		}
		p, cat, err := orgchart.ReadFile(path, b)
		o.read = time.Since(o.start)
		if err != nil {
			o.err = err
			return
		}
		o.prep = state.Prepare(p, cat)
		o.laidOut = time.Since(o.start)
	}()
	return o
}

// openInBackground reads a plan file away from the window's thread, with a
// progress bar in the status line, so the window shows at once however large
// the plan; then it makes it the open plan (or shows its problems) and calls
// done on the window's thread.
func (u *ui) openInBackground(path string, done func(error)) {
	base := u.st.Base()
	u.finishOpening(startOpening(path, func() (*catalog.Catalog, error) { return base, nil }), done)
}

// do runs f on the window's thread (fyne.Do; tests run it on theirs).
func (u *ui) do(f func()) {
	if u.later != nil {
		u.later(f)
		return
	}
	fyne.Do(f)
}

// finishOpening shows the progress of an opening and, once the plan is read
// and laid out, makes it the open plan on the window's thread (its findings
// follow when its check is done) and calls done; on failure the current
// plan stays and the problems are shown.
func (u *ui) finishOpening(o *opening, done func(error)) {
	u.status("Opening " + filepath.Base(o.path) + "…")
	u.progress.Show()
	ed, rev := u.st.Editor(), u.st.Editor().Revision()
	go func() {
		<-o.done
		u.do(func() {
			u.progress.Hide()
			if o.err == nil && (u.st.Editor() != ed || ed.Revision() != rev) {
				// the plan was edited or replaced while this one was read:
				// replacing it now would lose that work unasked
				o.err = fmt.Errorf("%s was not opened: the open plan changed while it was read; open it again", filepath.Base(o.path))
				u.status(o.err.Error())
			} else if o.err != nil {
				u.showProblems(o.path, o.err)
			} else {
				u.showOpened(o)
			}
			if done != nil {
				done(o.err)
			}
		})
	}()
}

// showOpened makes a prepared plan the open plan and says so; the status
// line says when its check is done too.
func (u *ui) showOpened(o *opening) {
	p := o.prep.Plan()
	what := fmt.Sprintf("Opened %s: %s, read in %s, laid out in %s", filepath.Base(o.path),
		state.Plural(len(p.Positions), "position", "positions"), state.Elapsed(o.read), state.Elapsed(o.laidOut-o.read))
	checking := what + "; checking…"
	u.st.LoadPrepared(o.prep, o.path, func(install func()) {
		u.do(func() {
			install()
			if u.lastStatus == checking {
				u.status(fmt.Sprintf("%s; checked %s after the start", what, state.Elapsed(time.Since(o.start))))
			}
			if u.onChecked != nil {
				u.onChecked()
			}
		})
	})
	u.remember(o.path)
	u.addRecent(o.path)
	if u.st.Checking() {
		u.status(checking)
	} else {
		u.status(what)
	}
}
