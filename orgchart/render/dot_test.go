package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// dotSource writes the plan as a graphviz graph drawn like our chart: boxes
// with the title and holder, top to bottom.
func dotSource(p *orgchart.Plan, cat *catalog.Catalog) []byte {
	var b bytes.Buffer
	b.WriteString("digraph org {\n  rankdir=TB; node [shape=box, style=rounded, fontname=\"Noto Sans\", fontsize=11];\n")
	for _, pos := range p.Positions {
		holder := pos.Holder
		if holder == "" {
			holder = "Vacant"
		}
		fmt.Fprintf(&b, "  %q [label=%q];\n", pos.ID, look.Title(pos, cat)+"\n"+holder)
	}
	for _, pos := range p.Positions {
		if pos.ReportsTo != "" {
			fmt.Fprintf(&b, "  %q -> %q;\n", pos.ReportsTo, pos.ID)
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// BenchmarkDot1500 runs graphviz on the same 1,500-position organisation as
// BenchmarkExport1500, as a subprocess: the peer our export must beat by half.
func BenchmarkDot1500(b *testing.B) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		b.Skip("graphviz is not installed")
	}
	cat, err := catalog.Default()
	if err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(b.TempDir(), "org.dot")
	if err := os.WriteFile(src, dotSource(generate.Generate(1500, 1), cat), 0o644); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "org.png")
	var cpu time.Duration
	for b.Loop() {
		cmd := exec.Command(dot, "-Tpng", "-o", out, src)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("dot: %v: %s", err, stderr.String())
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// TestWriteBenchmarkInputs writes the benchmark organisation as a plan and
// as a DOT file into $ORGPLANNER_BENCH_DIR, for timing the CLI against dot
// (docs/performance.md); skipped when the variable is not set.
func TestWriteBenchmarkInputs(t *testing.T) {
	dir := os.Getenv("ORGPLANNER_BENCH_DIR")
	if dir == "" {
		t.Skip("ORGPLANNER_BENCH_DIR is not set")
	}
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := generate.Generate(1500, 1)
	if err := os.WriteFile(filepath.Join(dir, "gen1500.yaml"), p.Encode(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gen1500.dot"), dotSource(p, cat), 0o644); err != nil {
		t.Fatal(err)
	}
}
