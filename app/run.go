// Package app is Org Planner's Fyne user interface.
package app

import (
	"fmt"
	"os"
	"runtime/debug"
	"sync/atomic"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"github.com/go-text/typesetting/fontscan"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/assets"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart/recovery"
)

// AppID is the application id; preferences (recent files) are stored under it.
const AppID = "io.orgplanner.app"

// compareEnv names a plan file the app compares the open plan with at
// start, as File > Compare with plan does: for screenshots and for looking at
// a comparison without clicking through a file dialog.
const compareEnv = "ORGPLANNER_COMPARE"

// startGCPercent is the garbage collector's setting (GOGC) while the window
// starts and a plan named on the command line is read, under a soft memory
// limit.
const (
	startGCPercent   = 400
	startMemoryLimit = 1 << 30 // bytes: the collector works harder beyond
)

// Run opens the main window on the plan at path (the startup sample when
// empty) and returns the process exit code when the window closes.
func Run(path string) (code int) {
	// A display that takes the connection but does not let the window
	// system start (another user's X server without its cookie, a socket
	// that is no X server) makes the windowing library panic before the
	// first frame: say so in one line, as for no display at all.
	var shown atomic.Bool
	defer func() {
		if r := recover(); r != nil {
			if shown.Load() {
				panic(r)
			}
			fmt.Fprintf(os.Stderr, "orgplanner: cannot open the app: the window system did not start on this display (%v); the commands work without one (orgplanner help)\n", r)
			code = 2
		}
	}()
	timing := newStartTiming()
	// The built-in catalog, and the plan named, are read on other goroutines
	// while the window is made: the window shows at once, the plan when it
	// is read and laid out, its findings when it is checked.
	baseDone := make(chan struct{})
	var base *catalog.Catalog
	var baseErr error
	go func() {
		base, baseErr = catalog.Default()
		close(baseDone)
	}()
	waitBase := func() (*catalog.Catalog, error) { <-baseDone; return base, baseErr }
	go warmSystemFonts()
	var opened *opening
	gcPercent, memLimit := -2, int64(0) // the collector's settings before start-up changed them
	if path != "" && !isPeopleFile(path) {
		// Reading a large plan makes garbage fast: collecting less often
		// while the window starts and the plan is read leaves more of the
		// machine to both (the setting is restored once the plan is checked).
		gcPercent = debug.SetGCPercent(startGCPercent)
		memLimit = debug.SetMemoryLimit(startMemoryLimit) // a huge plan still collects in time
		opened = startOpening(path, waitBase)
	}
	restoreGC := func() {
		if gcPercent != -2 {
			debug.SetGCPercent(gcPercent)
			debug.SetMemoryLimit(memLimit)
			gcPercent = -2
		}
	}
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Org Planner")
	timing.mark("window created")
	if _, err := waitBase(); err != nil {
		fmt.Fprintln(os.Stderr, "orgplanner: the built-in catalog is broken:", err)
		return 2
	}
	timing.mark("catalog loaded")
	u := newUI(a, w, state.New(base))
	timing.mark("widgets built")
	u.chart.OnFirstFrame = func() { shown.Store(true); timing.mark("first frame painted") }
	u.chart.OnFirstPaint = func() { timing.mark("first chart frame painted") }
	u.onChecked = func() { timing.mark("plan checked"); restoreGC() }
	w.SetContent(u.content)
	w.SetMainMenu(u.mainMenu())
	u.installShortcuts()
	w.SetCloseIntercept(u.quit)
	// The theme follows the system; redraw the chart's own colours when it changes.
	a.Settings().AddListener(func(fyne.Settings) { fyne.Do(u.themeChanged) })
	w.SetMaster()
	w.Resize(fyne.NewSize(1360, 840))

	// After the plan is open: offer recovery copies, start a comparison.
	afterOpen := func() {
		timing.mark("plan opened")
		if store, err := recovery.Open(""); err == nil {
			u.rec.store = store
			u.offerRecovery()
		} else {
			fmt.Fprintln(os.Stderr, "orgplanner: no recovery copies of unsaved work:", err)
		}
		if before := os.Getenv(compareEnv); before != "" {
			_ = u.compare.Start(before) // problems are shown
		}
	}
	if isPeopleFile(path) {
		// `orgplanner people.csv` (or a CSV opened from a file manager):
		// imported as File > Import people does, into an unsaved plan
		if _, err := u.importAndReport(path); err != nil {
			fmt.Fprintf(os.Stderr, "orgplanner: %s could not be imported:\n%v\n", path, err)
		}
		afterOpen()
	} else if path != "" {
		// read in the background: the window shows at once
		u.finishOpening(opened, func(err error) {
			if err != nil || !u.st.Checking() {
				restoreGC()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "orgplanner: %s could not be opened:\n%v\n", path, err)
			} else {
				timing.markAt("plan read", opened.start.Add(opened.read))
				timing.markAt("plan laid out", opened.start.Add(opened.laidOut))
			}
			afterOpen()
		})
	} else {
		if err := u.openSample("startup"); err != nil {
			fmt.Fprintln(os.Stderr, "orgplanner:", err)
		}
		afterOpen()
	}
	if out := os.Getenv(testLayoutEnv); out != "" {
		go u.dumpLayoutWhenReady(out)
	}
	w.ShowAndRun()
	return 0
}

// warmSystemFonts builds fontscan's index of the system's fonts (once per
// process, safe from any goroutine) while the window is made: Fyne reads it
// when it first measures text, which would otherwise be on the window's
// thread while the widgets are built.
func warmSystemFonts() {
	_ = fontscan.NewFontMap(quietFonts{}).UseSystemFonts("") // "" is the folder Fyne uses
}

// quietFonts drops fontscan's messages (Fyne's own font map logs nothing either).
type quietFonts struct{}

func (quietFonts) Printf(string, ...any) {}
