package orgchart_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"go.yaml.in/yaml/v3"
)

// Issue 14: limits are checked while reading, before the node tree is built.

// TestMillionPositionsRefusedEarly: 1,000,000 compact positions (24 MB, under
// the size limit) are refused by the value count before any node is built,
// not after a gigabyte of tree.
func TestMillionPositionsRefusedEarly(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("version: 1\npositions:\n")
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "- {id: p%d, role: r}\n", i)
	}
	data := b.Bytes()
	var err error
	bounded(t, "1,000,000 positions", 8<<20, hostileDeadline, func() { _, _, err = orgchart.Read(data, "million.yaml", nil) })
	if err == nil || !strings.Contains(err.Error(), fmt.Sprint(orgchart.MaxPlanValues)) {
		t.Fatalf("want a refusal naming the %d-value limit, got %.300v", orgchart.MaxPlanValues, err)
	}
}

// TestManyScalarsRefusedEarly: 15 million one-byte scalars in a 30 MB flow
// list (the 1.7-3.3 GB case) cost a scan, not a tree.
func TestManyScalarsRefusedEarly(t *testing.T) {
	data := append([]byte("version: 1\nname: ["), bytes.Repeat([]byte("1,"), 15_000_000)...)
	data = append(data, "1]\n"...)
	var err error
	bounded(t, "15M scalars", 8<<20, hostileDeadline, func() { _, _, err = orgchart.Read(data, "scalars.yaml", nil) })
	if err == nil || !strings.Contains(err.Error(), "values") {
		t.Fatalf("want a refusal by the value count, got %.300v", err)
	}
}

// TestHugeRoleIDBounded: a 30 MB role id is not compared with every
// catalog id (6.5 s per MB before), and messages show only its start.
func TestHugeRoleIDBounded(t *testing.T) {
	data := []byte("version: 1\npositions:\n  - id: a\n    role: " + strings.Repeat("x", 30<<20) + "\n")
	cat := defaultCatalog(t)
	var err error
	// yaml.v3 alone copies the scalar a few times: about 200 MB.
	bounded(t, "30 MB role id", 400<<20, hostileDeadline, func() { _, _, err = orgchart.Read(data, "bigrole.yaml", cat) })
	if err == nil {
		t.Fatal("an unknown 30 MB role id loaded")
	}
	if len(err.Error()) > 2000 {
		t.Errorf("the message repeats the id: %d bytes", len(err.Error()))
	}
}

// TestControlCharacterOnLongLineHasLine: yaml's reader errors carry no line;
// the reader finds it, on a 512 KB line too.
func TestControlCharacterOnLongLineHasLine(t *testing.T) {
	data := []byte("version: 1\nname: " + strings.Repeat("x", 512<<10) + "\x07\npositions: []\n")
	_, _, err := orgchart.Read(data, "bell.yaml", nil)
	if err == nil || !strings.HasPrefix(err.Error(), "bell.yaml:2: ") {
		t.Fatalf("want a problem on line 2, got %.200v", err)
	}
}

// TestLineBreaksAsYAMLDefinesThem: the header block and document markers
// end at CR, NEL, LS and PS as the parser's lines do; what loads saves
// canonical and loads back the same (fmt -w no longer breaks it).
func TestLineBreaksAsYAMLDefinesThem(t *testing.T) {
	for _, nl := range []string{"\r", "\r\n", "\u0085", "\u2028", "\u2029"} {
		src := "# c1" + nl + "# c2" + nl + "version: 1" + nl + "name: x" + nl + "positions: []\n"
		p, _, err := orgchart.Read([]byte(src), "p.yaml", nil)
		if err != nil {
			t.Fatalf("%q: %v", nl, err)
		}
		if p.Header != "# c1\n# c2" || p.Name != "x" {
			t.Errorf("%q: header %q, name %q", nl, p.Header, p.Name)
		}
		out := p.Encode()
		q, _, err := orgchart.Read(out, "p.yaml", nil)
		if err != nil {
			t.Fatalf("%q: saved plan does not load: %v\n%s", nl, err, out)
		}
		if !bytes.Equal(q.Encode(), out) || q.Header != p.Header {
			t.Errorf("%q: not stable:\n%s", nl, out)
		}
		two := "version: 1" + nl + "---" + nl + "name: two\npositions: []\n"
		if _, _, err := orgchart.Read([]byte(two), "p.yaml", nil); err == nil || !strings.Contains(err.Error(), "one YAML document") {
			t.Errorf("%q: a second document after the break: %v", nl, err)
		}
	}
}

// TestValueBoundIsAnUpperBound: the scan never counts fewer values than the
// parser builds, on every plan and catalog of the repository.
func TestValueBoundIsAnUpperBound(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.yaml")
	more, _ := filepath.Glob("../testdata/*/*/*.yaml")
	assets, _ := filepath.Glob("../assets/catalog/*.yaml")
	files = append(append(files, more...), assets...)
	if len(files) < 50 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n, ok := countValues(data)
		if !ok {
			continue
		}
		if b := catalog.ValueBound(data); b < n {
			t.Errorf("%s: bound %d < %d values", f, b, n)
		}
	}
}

// countValues parses data with no limit and counts its nodes.
func countValues(data []byte) (n int, ok bool) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return 0, false
	}
	stack := []*yaml.Node{&doc}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n++
		stack = append(stack, x.Content...)
	}
	return n, true
}

// TestManyUnknownRolesBoundedSuggestions: 1,000 distinct unknown 64-byte
// roles are not each compared with every catalog id.
func TestManyUnknownRolesBoundedSuggestions(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("version: 1\npositions:\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  - id: p%d\n    role: %s%04d\n", i, strings.Repeat("q", 60), i)
	}
	var err error
	bounded(t, "1,000 unknown roles", 64<<20, hostileDeadline, func() { _, _, err = orgchart.Read(b.Bytes(), "roles.yaml", defaultCatalog(t)) })
	if err == nil {
		t.Fatal("unknown roles loaded")
	}
	if n := strings.Count(err.Error(), "closest:"); n == 0 || n > 100 {
		t.Errorf("%d suggestions, want 1-100", n)
	}
}
