package orgchart_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
)

// The very large hostile inputs are generated here at run time rather than
// committed: a 50 MB file, alias bombs, deep nesting, long chains.

// TestHostileFileOverSizeLimit: a 50 MB plan is refused by the documented
// size limit before it is read, from a file and from bytes.
func TestHostileFileOverSizeLimit(t *testing.T) {
	cat := defaultCatalog(t)
	path := filepath.Join(t.TempDir(), "fifty-megabytes.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte("# padding padding padding padding padding padding padding padding padding\n")
	head := []byte("version: 1\nname: Fifty megabytes\npositions: []\n")
	f.Write(head)
	for written := len(head); written < 50<<20; written += len(line) {
		f.Write(line)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var rerr error
	// Refused from a stat: reading 50 MB would already allocate more than this.
	bounded(t, "ReadFile 50 MB", 1<<20, hostileDeadline, func() { _, _, rerr = orgchart.ReadFile(path, cat) })
	sizeRefusal(t, rerr, path)

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bounded(t, "Read 50 MB", 1<<20, hostileDeadline, func() { _, _, rerr = orgchart.Read(data, path, cat) })
	sizeRefusal(t, rerr, path)
}

func sizeRefusal(t *testing.T, err error, path string) {
	t.Helper()
	if err == nil {
		t.Fatal("a 50 MB plan loaded; want it refused by the size limit")
	}
	ps := problemsOf(t, "50 MB", err)
	limit := fmt.Sprintf("%d MB", orgchart.MaxFileSize>>20)
	if len(ps) != 1 || ps[0].file != path || !strings.Contains(ps[0].text, limit) {
		t.Errorf("want one problem naming %s and the %s limit; got:\n%s", path, limit, listLocated(ps))
	}
}

// TestHostileGenerated runs the generated inputs through Read with bounds on
// memory (the deadline only catches hangs).
func TestHostileGenerated(t *testing.T) {
	cat := defaultCatalog(t)
	cases := []struct {
		name     string
		data     func() []byte
		maxAlloc uint64
		line     int    // some problem is on this line; -1 = any line > 0, 0 = no line needed
		word     string // some problem mentions it
		short    bool   // fast enough for -short
	}{
		{"billion laughs, 12 levels of 10", billionLaughs(12, 10), 16 << 20, 3, "alias", true},
		{"alias fan-out, 1000 aliases of a 1000-item list", aliasFanOut(1000), 64 << 20, -1, "alias", true},
		{"flow nesting 100,000 deep", deepFlow(100_000), 64 << 20, 0, "", true},
		{"block nesting 5,000 deep", deepBlock(5_000), 32 << 20, 0, "", true},
		{"reporting chain past MaxDepth", chain(orgchart.MaxDepth + 50), 64 << 20, -1, fmt.Sprint(orgchart.MaxDepth), true},
		{"cycle of 50,000 positions", cycle(50_000), 256 << 20, -1, "cycle", false},
		{"positions past MaxPositions", flat(orgchart.MaxPositions + 1), 640 << 20, -1, fmt.Sprint(orgchart.MaxPositions), false},
		{"100,000 unknown roles (problem cap)", unknownRoles(100_000), 256 << 20, -1, "more", false},
		{"one 30 MB line", longLine(30 << 20), 256 << 20, 0, "", false},
		{"100,000 duplicate keys", duplicateKeys(100_000), 128 << 20, -1, "twice", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if testing.Short() && !c.short {
				t.Skip("large generated input: skipped with -short")
			}
			data := c.data()
			if len(data) > orgchart.MaxFileSize {
				t.Fatalf("generator made %d bytes, over the size limit: the case tests nothing past it", len(data))
			}
			var err error
			bounded(t, c.name, c.maxAlloc, hostileDeadline, func() { _, _, err = orgchart.Read(data, "generated.yaml", cat) })
			if err == nil {
				t.Fatalf("%s loaded; want it refused", c.name)
			}
			ps := problemsOf(t, c.name, err)
			if len(ps) > orgchart.MaxProblems+1 {
				t.Errorf("%d problems; Read lists at most MaxProblems (%d) plus a summary line", len(ps), orgchart.MaxProblems)
			}
			e := expectation{file: c.name, word: c.word}
			switch {
			case c.line > 0:
				e.lines = []int{c.line}
			case c.line < 0:
				e.anyLine = true
			}
			checkLocated(t, e, ps)
		})
	}
}

func billionLaughs(levels, fan int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("version: 1\nname: &l0 lol\n")
		for i := 1; i <= levels; i++ {
			fmt.Fprintf(&b, "l%d: &l%d [", i, i)
			for j := 0; j < fan; j++ {
				if j > 0 {
					b.WriteByte(',')
				}
				fmt.Fprintf(&b, "*l%d", i-1)
			}
			b.WriteString("]\n")
		}
		fmt.Fprintf(&b, "positions: *l%d\n", levels)
		return b.Bytes()
	}
}

func aliasFanOut(n int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("version: 1\nname: fan\nlist: &big [")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "x%d,", i)
		}
		b.WriteString("end]\npositions:\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "  - notes: *big\n")
		}
		return b.Bytes()
	}
}

func deepFlow(depth int) func() []byte {
	return func() []byte {
		return []byte("version: 1\nname: deep\npositions: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n")
	}
}

func deepBlock(depth int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("version: 1\nname: deep\npositions:\n")
		for i := 0; i < depth; i++ {
			b.WriteString(strings.Repeat(" ", i+1))
			b.WriteString("- \n")
		}
		return b.Bytes()
	}
}

func position(b *bytes.Buffer, id, role, reportsTo string) {
	fmt.Fprintf(b, "  - id: %s\n    role: %s\n", id, role)
	if reportsTo != "" {
		fmt.Fprintf(b, "    reportsTo: %s\n", reportsTo)
	}
}

func chain(n int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("version: 1\nname: chain\npositions:\n")
		position(&b, "p0", "chief-technology-officer", "")
		for i := 1; i < n; i++ {
			position(&b, fmt.Sprintf("p%d", i), "software-engineering-manager", fmt.Sprintf("p%d", i-1))
		}
		return b.Bytes()
	}
}

func cycle(n int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("version: 1\nname: cycle\npositions:\n")
		for i := 0; i < n; i++ {
			position(&b, fmt.Sprintf("p%d", i), "software-engineering-manager", fmt.Sprintf("p%d", (i+1)%n))
		}
		return b.Bytes()
	}
}

func flat(n int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("version: 1\nname: flat\npositions:\n")
		position(&b, "p0", "chief-technology-officer", "")
		for i := 1; i < n; i++ {
			position(&b, fmt.Sprintf("p%d", i), "software-engineer", "p0")
		}
		return b.Bytes()
	}
}

func unknownRoles(n int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("version: 1\nname: unknown roles\npositions:\n")
		for i := 0; i < n; i++ {
			position(&b, fmt.Sprintf("p%d", i), fmt.Sprintf("no-such-role-%d", i), "")
		}
		return b.Bytes()
	}
}

func longLine(n int) func() []byte {
	return func() []byte {
		return []byte("version: 1\nname: " + strings.Repeat("x", n) + "\npositions: [\n")
	}
}

func duplicateKeys(n int) func() []byte {
	return func() []byte {
		var b bytes.Buffer
		b.WriteString("version: 1\npositions:\n")
		for i := 0; i < n; i++ {
			b.WriteString("name: again\n")
		}
		return b.Bytes()
	}
}
