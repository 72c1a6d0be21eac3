package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

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

// TestWriteBenchmarkInputs writes the benchmark organisation as a plan and
// as a DOT file into $ORGPLANNER_BENCH_DIR, for timing the CLI against dot
// (docs/performance.md), and the real-shaped organisation at its measured
// size (shaped1516.yaml, for looking at its exports); skipped when the
// variable is not set.
func TestWriteBenchmarkInputs(t *testing.T) {
	dir := os.Getenv("ORGPLANNER_BENCH_DIR")
	if dir == "" {
		t.Skip("ORGPLANNER_BENCH_DIR is not set")
	}
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := generate.Shaped(1500, 1)
	if err := os.WriteFile(filepath.Join(dir, "gen1500.yaml"), p.Encode(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gen1500.dot"), dotSource(p, cat), 0o644); err != nil {
		t.Fatal(err)
	}
	real := generate.Shaped(generate.RealSize, 1)
	if err := os.WriteFile(filepath.Join(dir, "shaped1516.yaml"), real.Encode(), 0o644); err != nil {
		t.Fatal(err)
	}
}
