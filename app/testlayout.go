package app

import (
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// testLayoutEnv names a file the app writes, once the window is up, with the
// on-screen rectangles of the catalog rows and chart cards in window pixels.
// testdata/gui/drag_and_save.sh reads it to know where to drag with xdotool.
// It is for tests only; the app does nothing with it otherwise. The file is
// plain lines that a shell reads without a JSON parser:
//
//	scale 1
//	selected POSITION-ID                  (only when a card is selected)
//	catalog ROLE-ID X Y W H
//	card POSITION-ID MANAGER X Y W H      (MANAGER is 1 when it has reports)
//
// After the first write the file is written again whenever what it says
// changes (a search jumped, the view moved), so a test can follow the app.
const testLayoutEnv = "ORGPLANNER_TEST_LAYOUT"

// text is the dump in the file's line format.
func (d layoutDump) text() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "scale %g\n", d.Scale)
	if d.Selected != "" {
		fmt.Fprintf(&b, "selected %s\n", d.Selected)
	}
	for _, r := range d.Catalog {
		fmt.Fprintf(&b, "catalog %s %d %d %d %d\n", r.ID, r.X, r.Y, r.W, r.H)
	}
	for _, r := range d.Cards {
		m := 0
		if r.Manager {
			m = 1
		}
		fmt.Fprintf(&b, "card %s %d %d %d %d %d\n", r.ID, m, r.X, r.Y, r.W, r.H)
	}
	return []byte(b.String())
}

// layoutDump is what the file holds.
type layoutDump struct {
	Scale    float32      `json:"scale"` // pixels per Fyne unit
	Selected string       `json:"selected,omitempty"`
	Catalog  []dumpedRect `json:"catalog"`
	Cards    []dumpedRect `json:"cards"`
}

type dumpedRect struct {
	ID    string `json:"id"` // role id (catalog) or position id (cards)
	Title string `json:"title"`
	// Manager is true for cards with reports, Stacked for cards in a stack.
	Manager    bool `json:"manager,omitempty"`
	X, Y, W, H int
}

// dumpLayoutWhenReady waits until the window shows cards and catalog rows,
// then writes the dump (atomically: the test polls for the file).
func (u *ui) dumpLayoutWhenReady(path string) {
	for i := 0; i < 150; i++ {
		time.Sleep(200 * time.Millisecond)
		var d layoutDump
		fyne.DoAndWait(func() { d = u.layoutDump() })
		if len(d.Cards) == 0 || len(d.Catalog) == 0 {
			continue
		}
		time.Sleep(500 * time.Millisecond) // let the first frames settle
		var last string
		for {
			fyne.DoAndWait(func() { d = u.layoutDump() })
			if data := d.text(); string(data) != last {
				if err := safefile.WriteFile(path, data, safefile.Options{}); err != nil {
					fmt.Fprintln(os.Stderr, "orgplanner: could not write", path)
					return
				}
				last = string(data)
			}
			time.Sleep(300 * time.Millisecond)
		}
	}
}

func (u *ui) layoutDump() layoutDump {
	d := layoutDump{Scale: 1, Selected: u.st.Selected()}
	if u.win != nil {
		d.Scale = u.win.Canvas().Scale()
	}
	drv := fyne.CurrentApp().Driver()
	px := func(p fyne.Position, s fyne.Size) (int, int, int, int) {
		return int(p.X * d.Scale), int(p.Y * d.Scale), int(s.Width * d.Scale), int(s.Height * d.Scale)
	}
	for _, r := range u.catalog.VisibleRows() {
		p := drv.AbsolutePositionForObject(r)
		if p.IsZero() || r.Size().Height == 0 {
			continue
		}
		x, y, w, h := px(p, r.Size())
		d.Catalog = append(d.Catalog, dumpedRect{ID: r.Role().ID, Title: r.Role().Title, X: x, Y: y, W: w, H: h})
	}
	origin := drv.AbsolutePositionForObject(u.chart)
	cs := u.chart.Size()
	for _, v := range u.chart.CardsInView() {
		// only cards wholly inside the chart: the rest are clipped
		if v.Pos.X < 0 || v.Pos.Y < 0 || v.Pos.X+v.Size.Width > cs.Width || v.Pos.Y+v.Size.Height > cs.Height {
			continue
		}
		pos := u.st.Plan().Position(v.ID)
		if pos == nil {
			continue
		}
		x, y, w, h := px(origin.Add(v.Pos), v.Size)
		d.Cards = append(d.Cards, dumpedRect{ID: v.ID, Title: u.st.Title(pos),
			Manager: len(u.st.Plan().Reports(v.ID)) > 0, X: x, Y: y, W: w, H: h})
	}
	return d
}

// timingEnv, when set to 1, makes the app print to standard error how long
// start-up took to each step (for docs/performance.md).
const timingEnv = "ORGPLANNER_TIMING"

// startTiming prints start-up steps with the time since Run began.
type startTiming struct {
	start time.Time
	on    bool
}

func newStartTiming() *startTiming {
	return &startTiming{start: time.Now(), on: os.Getenv(timingEnv) == "1"}
}

// mark prints a step just done, with the CPU time the process has used so
// far (every thread: the window's, the reading's, the collector's, the GL
// driver's).
func (t *startTiming) mark(step string) {
	if t.on {
		fmt.Fprintf(os.Stderr, "orgplanner: %-26s %6d ms  (CPU %d ms)\n", step, time.Since(t.start).Milliseconds(), cpuTime()/1e6)
	}
}

// markAt prints a step that ended at a time already past.
func (t *startTiming) markAt(step string, at time.Time) {
	if t.on {
		fmt.Fprintf(os.Stderr, "orgplanner: %-26s %6d ms\n", step, at.Sub(t.start).Milliseconds())
	}
}
