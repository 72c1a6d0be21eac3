package check_test

import (
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

func defaultCatalog(b *testing.B) *catalog.Catalog {
	b.Helper()
	cat, err := catalog.Default()
	if err != nil {
		b.Fatal(err)
	}
	return cat
}

func benchRun(b *testing.B, n int) {
	cat := defaultCatalog(b)
	p := generate.Generate(n, 1)
	b.ReportAllocs()
	b.ResetTimer()
	var r *check.Report
	cpu := processCPU()
	for b.Loop() {
		r = check.Run(p, cat)
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(len(r.Findings)), "findings")
}

func BenchmarkRun10k(b *testing.B)  { benchRun(b, 10_000) }
func BenchmarkRun100k(b *testing.B) { benchRun(b, 100_000) }

// BenchmarkLoad10k and 100k read the same generated plans from YAML, the
// yardstick for "checks take under a tenth of loading".
func benchLoad(b *testing.B, n int) {
	cat := defaultCatalog(b)
	data := generate.Generate(n, 1).Encode()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		if _, _, err := orgchart.Read(data, "bench.yaml", cat); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

func BenchmarkLoad10k(b *testing.B)  { benchLoad(b, 10_000) }
func BenchmarkLoad100k(b *testing.B) { benchLoad(b, 100_000) }

// BenchmarkRecheck10k and 100k are what the app does at every drop: move one
// position to another manager, then check the plan again. Issue 12 asks that
// 100k cost at most twice 10k (an incremental re-check); today the re-check
// is a full Run, so the ratio is about the ratio of sizes (docs/performance.md).
func BenchmarkRecheck10k(b *testing.B)  { benchRecheck(b, 10_000) }
func BenchmarkRecheck100k(b *testing.B) { benchRecheck(b, 100_000) }

func benchRecheck(b *testing.B, n int) {
	cat := defaultCatalog(b)
	p := generate.Generate(n, 1)
	ed := orgchart.NewEditor(p)
	// Move a first-line manager (with its team) between two managers of managers.
	var mover *orgchart.Position
	var homes [2]string
	for _, pos := range p.Positions {
		if len(p.Reports(pos.ID)) > 0 && pos.ReportsTo != "" && mover == nil {
			if reps := p.Reports(p.Position(pos.ReportsTo).ID); len(reps) > 1 && len(p.Reports(reps[0].ID)) > 0 && len(p.Reports(pos.ID)) > 0 {
				mover = pos
				homes[0] = pos.ReportsTo
			}
		}
	}
	if mover == nil {
		b.Fatal("no position to move")
	}
	for _, pos := range p.Positions {
		if pos.ID != homes[0] && pos.ID != mover.ID && len(p.Reports(pos.ID)) > 0 && ed.CanMove(mover.ID, pos.ID) == nil {
			homes[1] = pos.ID
			break
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	k := 0
	cpu := processCPU()
	for b.Loop() {
		k ^= 1
		if err := ed.Move(mover.ID, homes[k]); err != nil {
			b.Fatal(err)
		}
		check.Run(ed.Plan(), cat)
	}
	reportCPU(b, cpu)
}

// reportCPU adds the process CPU time per operation since start, in ms.
func reportCPU(b *testing.B, start time.Duration) {
	if used := processCPU() - start; used > 0 {
		b.ReportMetric(float64(used)/float64(b.N)/1e6, "cpu-ms/op")
	}
}
