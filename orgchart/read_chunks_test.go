package orgchart

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// readBoth reads data in chunks (the default) and whole, and fails unless
// both give the same plan, bytes and problems.
func readBoth(t *testing.T, data []byte) (fellBack bool) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "p.yaml")
	chunked := &reader{file: file}
	p1 := chunked.read(data)
	if chunked.againWhole() {
		fellBack = chunked.fallback
		chunked = &reader{file: file, whole: true}
		p1 = chunked.read(data)
	}
	whole := &reader{file: file, whole: true}
	p2 := whole.read(data)
	e1, e2 := chunked.err(), whole.err()
	// Messages suggest random new ids.
	if uuids.ReplaceAllString(fmt.Sprint(e1), "ID") != uuids.ReplaceAllString(fmt.Sprint(e2), "ID") {
		t.Fatalf("problems differ:\nchunked: %v\nwhole:   %v\n--- input:\n%q", e1, e2, data)
	}
	if e1 != nil {
		return fellBack
	}
	if a, b := string(p1.Encode()), string(p2.Encode()); a != b {
		t.Fatalf("plans differ:\nchunked:\n%s\nwhole:\n%s\n--- input:\n%q", a, b, data)
	}
	for i := range p1.Positions {
		if !reflect.DeepEqual(*p1.Positions[i], *p2.Positions[i]) {
			t.Fatalf("position %d differs: %+v / %+v", i, *p1.Positions[i], *p2.Positions[i])
		}
	}
	if !reflect.DeepEqual(p1.Comments, p2.Comments) || p1.Header != p2.Header {
		t.Fatalf("plan comments differ: %+v / %+v", p1.Comments, p2.Comments)
	}
	return fellBack
}

var uuids = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

func bigCommentedPlan(n int, indent string) []byte {
	var b strings.Builder
	b.WriteString("# header\nversion: 1\nname: Big\npositions: # all of them\n")
	for i := range n {
		if i%7 == 0 {
			fmt.Fprintf(&b, "%s# before %d\n", indent, i)
		}
		fmt.Fprintf(&b, "%s- id: p%d # id %d\n%s  role: sre-manager\n", indent, i, i, indent)
		if i > 0 {
			fmt.Fprintf(&b, "%s  # manager\n%s  reportsTo: p%d\n", indent, indent, (i-1)/3)
		}
		if i%11 == 0 {
			fmt.Fprintf(&b, "%s  notes: |\n%s    two\n%s    - lines\n", indent, indent, indent)
		}
		if i%13 == 0 {
			b.WriteString("\n")
		}
	}
	b.WriteString("# the end\n")
	return []byte(b.String())
}

// TestChunkedReadEqualsWholeRead: reading the positions chunk by chunk gives
// exactly what reading the file whole gives, on the repository's plans and
// on plans of several chunks with comments, block scalars and blank lines.
func TestChunkedReadEqualsWholeRead(t *testing.T) {
	for _, glob := range []string{"../testdata/*/*.yaml", "../testdata/hostile/plans/*.yaml", "../assets/samples/*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			t.Run(f, func(t *testing.T) { readBoth(t, data) })
		}
	}
	for _, indent := range []string{"", "  ", "    "} {
		data := bigCommentedPlan(2*chunkItems+17, indent)
		if _, chunks, _, ok := splitPositions(data); !ok || len(chunks) != 3 {
			t.Fatalf("indent %q: the plan is not read in 3 chunks (%v, %d)", indent, ok, len(chunks))
		}
		if readBoth(t, data) {
			t.Errorf("indent %q: a chunk did not parse alone", indent)
		}
	}
	// A chunk that does not parse alone (a quoted scalar across an item
	// start) is read whole, with the same result.
	var b strings.Builder
	b.WriteString("version: 1\npositions:\n")
	for i := range chunkItems {
		fmt.Fprintf(&b, "  - id: p%d\n    role: sre-manager\n", i)
	}
	b.WriteString("    notes: \"a\n  - id: x\n    role: y\"\n  - id: last\n    role: sre-manager\n")
	if !readBoth(t, []byte(b.String())) {
		t.Error("a quoted scalar across an item start was read in chunks")
	}
	// A `positions:` line inside a quoted plan name is no positions field.
	quoted := "version: 1\nname: \"abc\npositions:\n  - id: x\n\"\n"
	if !readBoth(t, []byte(quoted)) {
		t.Error("a positions: line inside a quoted name was read in chunks")
	}
}

// FuzzChunkedRead: chunked and whole reads agree on every input.
func FuzzChunkedRead(f *testing.F) {
	for _, glob := range []string{"../testdata/hostile/plans/*.yaml", "../assets/samples/startup.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	for name, text := range restyled(string(awkwardPlan(20, 9).Encode()), 9) {
		if name != "LF" {
			f.Add([]byte(text))
		}
	}
	f.Add(bigCommentedPlan(30, "  "))
	f.Add(bigCommentedPlan(30, ""))
	f.Add([]byte("version: 1\nname: \"abc\npositions:\n  - id: x\n\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if strings.Contains(string(data), "catalog") {
			return // no files outside the test folder
		}
		readBoth(t, data)
	})
}
