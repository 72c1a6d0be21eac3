package orgchart_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/people"
)

// fiftyMB is the size of the oversized inputs of issue 7.
const fiftyMB = 50 << 20

// TestHostileBigCatalog: a 50 MB catalog file, given directly or named by a
// plan's `catalog:` field, costs bounded memory and gives a located problem.
func TestHostileBigCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input: skipped with -short")
	}
	cat := defaultCatalog(t)
	dir := t.TempDir()
	catPath := filepath.Join(dir, "big-catalog.yaml")
	var b bytes.Buffer
	b.WriteString("roles:\n")
	for i := 0; b.Len() < fiftyMB; i++ {
		fmt.Fprintf(&b, "  - id: role-%d\n    title: Role %d\n    domains: [ENG]\n    level: manager\n    summary: A generated role.\n", i, i)
	}
	if err := os.WriteFile(catPath, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var err error
	bounded(t, "ExtendFile 50 MB", 1<<20, hostileDeadline, func() { _, err = cat.ExtendFile(catPath) })
	if err == nil {
		t.Fatal("a 50 MB catalog loaded; want it refused by a size limit")
	}
	checkLocated(t, expectation{file: "big catalog", word: "MB"}, problemsOf(t, "big catalog", err))

	planPath := filepath.Join(dir, "plan.yaml")
	plan := "version: 1\nname: Big catalog\ncatalog: big-catalog.yaml\npositions: []\n"
	if err := os.WriteFile(planPath, []byte(plan), 0o600); err != nil {
		t.Fatal(err)
	}
	bounded(t, "plan naming a 50 MB catalog", 1<<20, hostileDeadline, func() { _, _, err = orgchart.ReadFile(planPath, cat) })
	if err == nil {
		t.Fatal("a plan naming a 50 MB catalog loaded; want it refused")
	}
}

// TestHostileBigCSV: a 50 MB people CSV costs bounded memory and is refused
// with a clear problem rather than read whole.
func TestHostileBigCSV(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input: skipped with -short")
	}
	cat := defaultCatalog(t)
	var b bytes.Buffer
	b.WriteString("id,manager id,name,title\n1,,Ada Lovelace,CTO\n")
	for i := 2; b.Len() < fiftyMB; i++ {
		fmt.Fprintf(&b, "%d,1,Person %d,Software Engineer\n", i, i)
	}
	var err error
	bounded(t, "Import 50 MB", 128<<20, hostileDeadline, func() { _, _, err = people.Import(&b, "big.csv", cat, nil) })
	if err == nil {
		t.Fatal("a 50 MB people CSV (1.5 million rows) imported; want it refused by a limit")
	}
	// Refused by a size limit, or at the first row past MaxPositions: either
	// way without reading the whole file into rows (the memory bound above).
	ps := problemsOf(t, "big csv", err)
	limit := false
	for _, p := range ps {
		limit = limit || strings.Contains(p.text, "MB") || strings.Contains(p.text, fmt.Sprint(orgchart.MaxPositions))
	}
	if !limit {
		t.Errorf("no problem names the size limit (MB) or the positions limit (%d):\n%s", orgchart.MaxPositions, listLocated(ps))
	}
}
