package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// allocated runs fn and returns the bytes it allocated.
func allocated(fn func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestCatalogAliasesRefused: the 365 KB catalog of issue 14 decoded its
// anchored role again at every alias (1 GB); aliases are refused as in plans.
func TestCatalogAliasesRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("roles:\n  - &r {id: a, title: A, domains: [IT], level: ic, summary: " + strings.Repeat("x", 300) + "}\n")
	for range 20_000 {
		b.WriteString("  - *r\n")
	}
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	alloc := allocated(func() { _, err = base.Extend([]byte(b.String()), "alias.yaml") })
	if err == nil || !strings.Contains(err.Error(), "alias") {
		t.Fatalf("want aliases refused, got %.300v", err)
	}
	if alloc > 64<<20 {
		t.Errorf("allocated %d MB", alloc>>20)
	}
	if ps := err.(Problems); len(ps) != 1 {
		t.Errorf("one problem per alias name, got %d", len(ps))
	} else if ps[0].Line != 3 {
		// The first *r is on line 3; the docs promise that line, not the last use's.
		t.Errorf("alias reported at line %d, want its first use at line 3", ps[0].Line)
	}
}

// TestRepeatedKeysLinearAndCapped: 800 KB of one repeated key took 33-54 s
// and listed 120,000 problems; now linear, and the list stops at 1,000.
func TestRepeatedKeysLinearAndCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("roles:\n  - id: a\n")
	for b.Len() < 800<<10 {
		b.WriteString("    title: T\n")
	}
	var err error
	alloc := allocated(func() { _, err = Parse([]byte(b.String()), "keys.yaml") })
	ps, _ := err.(Problems)
	if len(ps) != MaxProblems+1 || !strings.Contains(ps[len(ps)-1].Message, "more problems") {
		t.Fatalf("want %d problems and a last line, got %d: %.200v", MaxProblems, len(ps), err)
	}
	if !strings.Contains(ps[0].Message, "first at line 3") || !strings.Contains(ps[MaxProblems-1].Message, "first at line 3") {
		t.Errorf("messages: %q ... %q", ps[0].Message, ps[MaxProblems-1].Message)
	}
	if alloc > 256<<20 {
		t.Errorf("allocated %d MB", alloc>>20)
	}
}

// TestEveryProblemListCapped: problems found by validation (many unknown
// references) are capped too.
func TestEveryProblemListCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("roles:\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "  - {id: r%d, title: R, domains: [IT], level: ic, summary: s, reportsTo: [nobody-%d]}\n", i, i)
	}
	_, err := Parse([]byte(b.String()), "refs.yaml")
	ps, _ := err.(Problems)
	if len(ps) != MaxProblems+1 {
		t.Fatalf("got %d problems, want %d and a last line", len(ps), MaxProblems)
	}
}

func TestValueBoundCases(t *testing.T) {
	for _, s := range []string{
		"", "a", "a: b", "- a\n- b", "[a, b, c]", "{a, b, c}", "{a: b, c: d}", "[a: b, c: d]",
		"- - - a", "? a\n: b", "a:\n  - {x: [1, 2, {y: z}]}\n", "a: |\n  - x\n  - y\n", "[[[[]]]]", "{{}: {}}",
		"- \n- \n-", "a: !!str b", "&x a", "\"a\": b", "{\"a\":b,\"c\":d}", "a:\r b:\r  - c", "a: [\u2028b\u2028]",
		"- a\u0085- b", "? - a\n  - b\n: c", "---\na: b\n...\n",
	} {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(s), &doc) != nil {
			continue
		}
		if n, b := count(&doc), ValueBound([]byte(s)); b < n {
			t.Errorf("%q: bound %d < %d nodes", s, b, n)
		}
	}
}

func count(n *yaml.Node) int {
	c := 1
	for _, x := range n.Content {
		c += count(x)
	}
	return c
}

// FuzzValueBound: the scan that bounds a file's work before it is parsed
// never counts fewer nodes than yaml.v3 builds.
// Run: go test -run XXX -fuzz FuzzValueBound -fuzztime 60s ./catalog/
func FuzzValueBound(f *testing.F) {
	for _, s := range []string{"a: b\n", "- [a, {b: c}]\n", "? a\n: b\n", "{a, b}\n", "a:\r- b\r", "k: [\u2028a,\u0085b]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		if b, want := ValueBound(data), valueBoundByByte(data); b != want {
			t.Fatalf("bound %d, the byte-by-byte scan %d, for %q", b, want, data)
		}
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) != nil {
			return
		}
		if n, b := count(&doc), ValueBound(data); b < n {
			t.Fatalf("bound %d < %d nodes for %q", b, n, data)
		}
	})
}

// valueBoundByByte is ValueBound as first written, a state per byte: the
// faster scan must count the same.
func valueBoundByByte(data []byte) int {
	n := 2
	lineStart := true
	for i := 0; i < len(data); i++ {
		c := data[i]
		if lineStart {
			if c == ' ' || c == '\t' {
				continue
			}
			lineStart = false
			if c == '#' {
				n--
			}
			n++
		}
		switch c {
		case ':':
			n++
		case '[', '{', ',':
			n += 2
		case '-', '?':
			if i+1 == len(data) || isBlankOrBreak(data[i+1]) {
				n += 2
			}
		case '\n', '\r':
			lineStart = true
		case 0xC2, 0xE2:
			if w := breakWidth(data[i:]); w > 1 {
				i += w - 1
				lineStart = true
			}
		}
	}
	return n
}

// TestValueBoundScansAgree: the scan counts as the byte-by-byte one on the
// repository's YAML files and on line-break and comment corner cases.
func TestValueBoundScansAgree(t *testing.T) {
	cases := []string{"", "#", "# a: b\n", "  \n\n", "a: b", "a:\r\n- b\r", "- \u2028- x\u0085#c: d\u2029 ? e",
		"\t# x\n  - [a, {b: c}]\n", "-", "?", "-\xC2", "\xE2\x80", "x\xC2\x85", "k: [\u2028a,\u0085b]"}
	for _, glob := range []string{"../assets/catalog/*.yaml", "../testdata/*/*.yaml", "../assets/samples/*.yaml", "../testdata/hostile/*/*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				cases = append(cases, string(data))
			}
		}
	}
	if len(cases) < 30 {
		t.Fatalf("only %d cases: the globs found no files", len(cases))
	}
	for _, c := range cases {
		if a, b := ValueBound([]byte(c)), valueBoundByByte([]byte(c)); a != b {
			t.Errorf("%.80q: %d, byte by byte %d", c, a, b)
		}
	}
}
