package layout

import (
	"runtime"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// structureBench times a relayout after a structural edit of the
// real-shaped organisation of n positions, made through the editor as the
// app does: even iterations apply the edit, odd ones undo it, and the
// engine is told the positions the editor says it touched. The target of
// issue 10: at 100,000 positions at most twice the cost at 10,000.
func structureBench(b *testing.B, n int, edit func(ed *orgchart.Editor, l *Layout, p *orgchart.Plan) func() error) {
	ed := orgchart.NewEditor(generate.Shaped(n, 1))
	p := ed.Plan()
	p.Reports("")
	e := NewEngine(p, Options{})
	do := edit(ed, e.Layout(), p)
	b.ResetTimer()
	var cpu int64
	for k := 0; b.Loop(); k++ {
		b.StopTimer() // the plan's own edit is not the layout's work
		if k%2 == 0 {
			if err := do(); err != nil {
				b.Fatal(err)
			}
		} else if !ed.Undo() {
			b.Fatal("nothing to undo")
		}
		p.Reports("")
		touched := ed.Touched()
		runtime.GC() // the editor's garbage (it copies the plan's list) is not the layout's
		b.StartTimer()
		start := cpuTime()
		e.Changed(touched...)
		e.Relayout()
		cpu += int64(cpuTime() - start)
	}
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// The edits are made at managers of one shape (alikeManager) at both
// sizes, so that the two sizes compare one edit: the changed subtree and
// its path are alike, the chart around them ten times as big.

// addUnder adds a report under a manager deep in the chart.
func addUnder(ed *orgchart.Editor, l *Layout, p *orgchart.Plan) func() error {
	id := alikeManager(nil, l, p, 0)
	return func() error {
		_, err := ed.Add("software-engineer", id)
		return err
	}
}

// removeTeam removes a manager deep in the chart with its reports.
func removeTeam(ed *orgchart.Editor, l *Layout, p *orgchart.Plan) func() error {
	id := alikeManager(nil, l, p, 0)
	return func() error { return ed.Remove(id, orgchart.RemoveSubtree) }
}

// moveTeam moves a manager deep in the chart (with its reports) under
// another one in another part of the chart.
func moveTeam(ed *orgchart.Editor, l *Layout, p *orgchart.Plan) func() error {
	id, to := alikeManager(nil, l, p, 0), alikeManager(nil, l, p, 10)
	return func() error { return ed.Move(id, to) }
}

func BenchmarkRelayoutAdd10k(b *testing.B)     { structureBench(b, 10_000, addUnder) }
func BenchmarkRelayoutAdd100k(b *testing.B)    { structureBench(b, 100_000, addUnder) }
func BenchmarkRelayoutRemove10k(b *testing.B)  { structureBench(b, 10_000, removeTeam) }
func BenchmarkRelayoutRemove100k(b *testing.B) { structureBench(b, 100_000, removeTeam) }
func BenchmarkRelayoutMove10k(b *testing.B)    { structureBench(b, 10_000, moveTeam) }
func BenchmarkRelayoutMove100k(b *testing.B)   { structureBench(b, 100_000, moveTeam) }

// expandBench collapses and expands again, in turn, a manager of 12 to 20
// cards deep in the real-shaped organisation of n positions.
func expandBench(b *testing.B, n int) {
	p := generate.Shaped(n, 1)
	e := NewEngine(p, Options{})
	id := alikeManager(b, e.Layout(), p, 0)
	// The setup's garbage (the generated plan, the first layout: hundreds
	// of MB at 100,000) is collected now, not inside the timed relayouts.
	runtime.GC()
	b.ResetTimer()
	start := cpuTime()
	for k := 0; b.Loop(); k++ {
		e.SetCollapsed(id, k%2 == 0)
		e.Relayout()
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkRelayoutExpand10k(b *testing.B)  { expandBench(b, 10_000) }
func BenchmarkRelayoutExpand100k(b *testing.B) { expandBench(b, 100_000) }
