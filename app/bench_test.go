package app

import (
	"fmt"
	"time"

	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// benchEdit measures one edit as the app does it after a drop: apply it
// through the editor, re-check, re-layout, refresh the visible cards, the
// findings and the summary, and repaint the connector raster. Even
// iterations add a position under a manager in view, odd ones undo it, so
// the plan keeps its size.
func benchEdit(b *testing.B, n int, expanded bool, inspector ...bool) {
	p := generate.Generate(n, 1)
	u := newTestUI(b, p)
	if len(inspector) > 0 && inspector[0] {
		u.tabs.Select(u.inspTab) // its refresh (with the roll-up) is then part of every edit
	}
	if expanded {
		u.st.ExpandAll()
	}
	mgr := p.Tops()[0].ID
	u.chart.ScrollTo(mgr)
	s := u.chart.Size()
	w, h := int(s.Width), int(s.Height)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			if _, err := u.st.Add("software-engineer", mgr); err != nil {
				b.Fatal(err)
			}
		} else if !u.st.Undo() {
			b.Fatal("nothing to undo")
		}
		u.chart.Paint(w, h)
	}
	b.StopTimer()
	reportCPU(b, cpu0)
	if len(u.chart.ShownCards()) == 0 {
		b.Fatal("no cards in view: the benchmark measured an empty chart")
	}
}

// reportCPU adds the CPU time per operation since cpu0 (all threads,
// garbage collection included).
func reportCPU(b *testing.B, cpu0 int64) {
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkEdit10000 is the target: one edit at 10,000 positions
// under 16 ms. "overview" is the plan as opened (managers from the third
// level collapsed, the Review tab showing), "expanded" lays out every card,
// "overview-inspector" has the inspector showing the new position.
func BenchmarkEdit10000(b *testing.B) {
	b.Run("overview", func(b *testing.B) { benchEdit(b, 10000, false) })
	b.Run("expanded", func(b *testing.B) { benchEdit(b, 10000, true) })
	b.Run("overview-inspector", func(b *testing.B) { benchEdit(b, 10000, false, true) })
}

// BenchmarkEdit10kExpanded is issue 11's frame target: one edit at 10,000
// positions with every card expanded (apply, re-check, re-layout, refresh
// what is visible), well under 16 ms wanted.
func BenchmarkEdit10kExpanded(b *testing.B) { benchEdit(b, 10000, true) }

// BenchmarkEdit100k is the same edit at 100,000 positions: at most twice
// BenchmarkEdit10kExpanded wanted, which needs an incremental re-check and
// re-layout.
func BenchmarkEdit100k(b *testing.B) { benchEdit(b, 100000, true) }

// BenchmarkOpenEnterprise measures opening the 3,000-position sample: parse
// and validate, check, lay out, place the first view and paint its
// connectors (the GL upload of the first frame is not included).
func BenchmarkOpenEnterprise(b *testing.B) {
	data, err := sampleData("enterprise")
	if err != nil {
		b.Fatal(err)
	}
	u := newTestUI(b, orgchart.NewPlan("empty"))
	s := u.chart.Size()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		p, cat, err := orgchart.Read(data, "enterprise.yaml", u.st.Base())
		if err != nil {
			b.Fatal(err)
		}
		u.st.Load(p, cat, "")
		u.chart.Home()
		u.chart.Paint(int(s.Width), int(s.Height))
	}
	reportCPU(b, cpu0)
}

// BenchmarkPan3000 measures one pan step over the fully expanded enterprise
// sample (3,000 positions): re-place the pooled cards and repaint the
// connectors, at zoom 1 and zoomed out to fit (cards drawn as boxes in the
// raster). The GL upload of the frame is not included.
func BenchmarkPan3000(b *testing.B) {
	data, err := sampleData("enterprise")
	if err != nil {
		b.Fatal(err)
	}
	cat := apptest.Catalog(b)
	p, _, err := orgchart.Read(data, "enterprise.yaml", cat)
	if err != nil {
		b.Fatal(err)
	}
	u := newTestUI(b, p)
	u.st.ExpandAll()
	s := u.chart.Size()
	w, h := int(s.Width), int(s.Height)
	pan := func(b *testing.B, zoom float32) {
		u.chart.SetView(zoom, fyne.NewPos(0, 0))
		b.ResetTimer()
		cpu0 := cpuTime()
		for i := 0; i < b.N; i++ {
			u.chart.SetView(zoom, fyne.NewPos(float32(i%2000)*7/zoom, 0))
			u.chart.Paint(w, h)
		}
		reportCPU(b, cpu0)
	}
	b.Run("zoom1", func(b *testing.B) { pan(b, 1) })
	b.Run("fit", func(b *testing.B) { u.chart.Fit(); pan(b, u.chart.Zoom()) })
}

// BenchmarkRefreshAfterEdit measures what the window does after an edit
// with the check and the layout taken out: the notification to every panel
// (chart, find, compare, review, inspector, toolbar) and the connector
// repaint, on the same plan and layout each time. Its cost should not grow
// with the plan.
func BenchmarkRefreshAfterEdit(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			p := generate.Generate(n, 1)
			u := newTestUI(b, p)
			u.st.ExpandAll()
			u.chart.ScrollTo(p.Tops()[0].ID)
			s := u.chart.Size()
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				u.changed(state.ChangedPlan | state.ChangedFile)
				u.chart.Paint(int(s.Width), int(s.Height))
			}
			b.StopTimer()
			reportCPU(b, cpu0)
		})
	}
}

// BenchmarkStartWidgets measures building the window's widgets on an empty
// state and showing them at the window's size (start-up before any plan).
func BenchmarkStartWidgets(b *testing.B) {
	a := test.NewTempApp(b)
	cat := apptest.Catalog(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		w := a.NewWindow("bench")
		u := newUI(a, w, state.New(cat))
		w.SetContent(u.content)
		w.Resize(fyne.NewSize(1360, 840))
		u.stopRecovery()
		w.Close()
	}
	b.StopTimer()
	reportCPU(b, cpu0)
}

// BenchmarkOpen20k measures opening a real-shaped 20,000-position plan from
// its YAML as the window does it, in its parts: "read" and "prepare" (lay out,
// the check started) run away from the window's thread; "show" is the
// window's share: State.LoadPrepared, every panel told, the first view
// painted; "checked" is the window's share when the findings arrive.
func BenchmarkOpen20k(b *testing.B) {
	data := generate.Shaped(20000, 1).Encode()
	u := newTestUI(b, orgchart.NewPlan("empty"))
	cat := u.st.Base()
	s := u.chart.Size()
	read := func(b *testing.B) *orgchart.Plan {
		p, _, err := orgchart.Read(data, "shaped.yaml", cat)
		if err != nil {
			b.Fatal(err)
		}
		return p
	}
	b.Run("read", func(b *testing.B) {
		cpu0 := cpuTime()
		for i := 0; i < b.N; i++ {
			read(b)
		}
		reportCPU(b, cpu0)
	})
	b.Run("prepare", func(b *testing.B) {
		p := read(b)
		b.ResetTimer()
		cpu0 := cpuTime()
		for i := 0; i < b.N; i++ {
			<-state.Prepare(p, cat).Checked()
		}
		reportCPU(b, cpu0)
	})
	show := func(b *testing.B, checked bool) {
		var dur, cpu time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			pr := state.Prepare(read(b), cat)
			<-pr.Checked()
			installs := make(chan func(), 1)
			b.StartTimer()
			t0, cpu0 := time.Now(), cpuTime()
			if !checked {
				u.st.LoadPrepared(pr, "", func(f func()) { installs <- f })
				u.chart.NewPlan()
				u.chart.Paint(int(s.Width), int(s.Height))
				dur, cpu = dur+time.Since(t0), cpu+time.Duration(cpuTime()-cpu0)
				b.StopTimer()
				(<-installs)()
			} else {
				b.StopTimer()
				u.st.LoadPrepared(pr, "", func(f func()) { installs <- f })
				u.chart.NewPlan()
				f := <-installs
				b.StartTimer()
				t0, cpu0 = time.Now(), cpuTime()
				f()
				dur, cpu = dur+time.Since(t0), cpu+time.Duration(cpuTime()-cpu0)
				b.StopTimer()
			}
		}
		b.ReportMetric(float64(dur)/float64(b.N), "window-ns/op")
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	}
	b.Run("show", func(b *testing.B) { show(b, false) })
	b.Run("checked", func(b *testing.B) { show(b, true) })
}
