package orgchart_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"

	"go.yaml.in/yaml/v3"
)

// The fuzz targets of issue 7. `go test` runs their seed corpus (the f.Add
// seeds below plus testdata/fuzz/FuzzXxx/); fuzz one at a time with
//
//	go test -tags ci -run '^$' -fuzz '^FuzzReadPlan$' -parallel 1 -fuzztime 10m ./orgchart/

// addPlanSeeds adds the hostile and malformed plans and the startup sample.
func addPlanSeeds(f *testing.F) {
	var paths []string
	for _, glob := range []string{"../testdata/hostile/plans/*.yaml", "../testdata/bad/*.yaml", "../assets/samples/startup.yaml", "../testdata/foreign/*startup.yaml"} {
		m, _ := filepath.Glob(glob)
		paths = append(paths, m...)
	}
	if len(paths) < 30 {
		f.Fatalf("only %d seed plans found", len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzFile is the plan name the fuzz targets read under. A `catalog:` entry
// resolves against its folder, which holds one small catalog file, so the
// fuzzer reaches the catalog path without reading files elsewhere.
func fuzzFile(f *testing.F) string {
	dir := f.TempDir()
	cat := "roles:\n  - id: fuzz-engineer\n    title: Fuzz engineer\n    domains: [ENG]\n    level: individual\n    individual: true\n    summary: Writes code.\n"
	if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(cat), 0o600); err != nil {
		f.Fatal(err)
	}
	return filepath.Join(dir, "fuzz.yaml")
}

// reachesOutside reports inputs whose `catalog:` names a file outside the
// fuzz folder (such as /dev/zero): the hostile corpus covers those; the fuzzer
// must not read the developer's files. It looks at the parsed keys, so a key
// spelled with escapes ("c\x61talog") is seen too.
func reachesOutside(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return false
	}
	root := doc.Content[0].Content
	for i := 0; i+1 < len(root); i += 2 {
		if root[i].Value == "catalog" {
			v := root[i+1].Value
			if filepath.IsAbs(v) || strings.Contains(v, "..") || strings.ContainsAny(v, "/\\") {
				return true
			}
		}
	}
	return false
}

func FuzzReadPlan(f *testing.F) {
	addPlanSeeds(f)
	file := fuzzFile(f)
	cat := defaultCatalog(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if reachesOutside(data) {
			t.Skip()
		}
		p, _, err := orgchart.Read(data, file, cat)
		if err != nil {
			wellFormedProblems(t, data, file, err)
			return
		}
		planInvariants(t, p)
	})
}

func FuzzRoundTrip(f *testing.F) {
	addPlanSeeds(f)
	f.Add([]byte(commentedPlan))
	file := fuzzFile(f)
	cat := defaultCatalog(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if reachesOutside(data) {
			t.Skip()
		}
		p, _, err := orgchart.Read(data, file, cat)
		if err != nil {
			return
		}
		first := p.Encode()
		q, _, err := orgchart.Read(first, file, cat)
		if err != nil {
			t.Fatalf("a plan that read fine does not read back after Encode:\n%v\n--- input:\n%q\n--- encoded:\n%q", err, data, first)
		}
		if second := q.Encode(); !bytes.Equal(first, second) {
			t.Fatalf("Encode is not stable across a read:\n--- input:\n%q\n--- first:\n%q\n--- second:\n%q", data, first, second)
		}
		// fmt's output is the input's plan: the same fields and positions,
		// and every comment line kept.
		if a, b := viewOf(p), viewOf(q); !reflect.DeepEqual(a, b) {
			t.Fatalf("the saved plan differs from the one read:\n--- input:\n%q\n--- encoded:\n%q\n--- read: %+v\n--- saved: %+v", data, first, a, b)
		}
	})
}

// planView is what a plan holds, in a form two reads of it compare equal
// by: positions by id without their lines, comments as sorted lines.
type planView struct {
	Version       int
	Name, Catalog string
	Header        string
	Scope         []catalog.Domain
	Policy        orgchart.Policy
	Positions     []orgchart.Position
	Comments      []string
}

func viewOf(p *orgchart.Plan) planView {
	v := planView{Version: p.Version, Name: p.Name, Catalog: p.Catalog, Header: p.Header, Scope: p.Scope, Policy: p.Policy}
	addComments := func(c *orgchart.Comments) {
		if c == nil {
			return
		}
		texts := []string{c.End}
		for _, m := range []map[string]string{c.Before, c.After} {
			for _, t := range m {
				texts = append(texts, t)
			}
		}
		for _, t := range texts {
			for _, line := range strings.FieldsFunc(t, func(r rune) bool { return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029 }) {
				if line = strings.Trim(line, " \t"); line != "" {
					if !strings.HasPrefix(line, "#") {
						line = "# " + line
					}
					v.Comments = append(v.Comments, line)
				}
			}
		}
	}
	addComments(p.Comments)
	for _, pos := range p.Positions {
		c := *pos
		addComments(c.Comments)
		c.Comments, c.Line = nil, 0
		v.Positions = append(v.Positions, c)
	}
	sort.Slice(v.Positions, func(i, j int) bool { return v.Positions[i].ID < v.Positions[j].ID })
	sort.Strings(v.Comments)
	return v
}

// wellFormedProblems: an error is a non-empty catalog.Problems, capped, each
// naming a file, with a message and a line inside the input.
func wellFormedProblems(t *testing.T, data []byte, file string, err error) {
	t.Helper()
	var ps catalog.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		t.Fatalf("error %T is not a non-empty catalog.Problems: %v", err, err)
	}
	if len(ps) > orgchart.MaxProblems+1 {
		t.Fatalf("%d problems; the cap is %d plus a summary line", len(ps), orgchart.MaxProblems)
	}
	lines := yamlLines(data)
	for _, p := range ps {
		if p.File == "" || strings.TrimSpace(p.Message) == "" {
			t.Fatalf("problem without a file or a message: %+v", p)
		}
		if p.File == file && (p.Line < 0 || p.Line > lines) {
			t.Fatalf("problem on line %d of a %d-line input: %v", p.Line, lines, p)
		}
	}
}

// yamlLines is an upper bound of the lines YAML sees in data: besides "\n",
// a lone "\r" and the Unicode breaks NEL, LS and PS end a line too.
func yamlLines(data []byte) int {
	n := 1 + bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r"))
	for _, br := range []string{"\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(data, []byte(br))
	}
	return n
}

// planInvariants: what every plan Read accepts must satisfy.
func planInvariants(t *testing.T, p *orgchart.Plan) {
	t.Helper()
	if p == nil {
		t.Fatal("nil plan without an error")
	}
	if len(p.Positions) > orgchart.MaxPositions {
		t.Fatalf("%d positions accepted; the limit is %d", len(p.Positions), orgchart.MaxPositions)
	}
	ids := make(map[string]bool, len(p.Positions))
	for _, pos := range p.Positions {
		if pos.ID == "" || len(pos.ID) > orgchart.MaxIDLength || ids[pos.ID] {
			t.Fatalf("bad or duplicate id %q accepted", pos.ID)
		}
		ids[pos.ID] = true
		if pos.Count < 0 || pos.Count > orgchart.MaxCount || pos.Cost < 0 || pos.Cost > orgchart.MaxCost || pos.Cost != pos.Cost {
			t.Fatalf("position %s: count %d or cost %v outside the limits accepted", pos.ID, pos.Count, pos.Cost)
		}
	}
	for _, pos := range p.Positions {
		if pos.ReportsTo != "" && !ids[pos.ReportsTo] {
			t.Fatalf("position %s reports to unknown %q", pos.ID, pos.ReportsTo)
		}
		for _, d := range pos.DottedTo {
			if !ids[d] {
				t.Fatalf("position %s has a dotted line to unknown %q", pos.ID, d)
			}
		}
	}
	// No cycles: a walk from the tops reaches every position exactly once.
	seen, deepest := 0, 0
	p.Walk(func(pos *orgchart.Position, depth int) bool {
		seen++
		deepest = max(deepest, depth)
		return seen <= len(p.Positions)
	})
	if seen != len(p.Positions) {
		t.Fatalf("walk from the tops reached %d of %d positions: a cycle was accepted", seen, len(p.Positions))
	}
	if deepest > orgchart.MaxDepth {
		t.Fatalf("reporting chain of %d accepted; the limit is %d", deepest, orgchart.MaxDepth)
	}
}
