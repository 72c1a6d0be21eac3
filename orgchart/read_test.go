package orgchart_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

var (
	catOnce sync.Once
	catVal  *catalog.Catalog
	catErr  error
)

// builtin is the embedded catalog, loaded once for all tests.
func builtin(t testing.TB) *catalog.Catalog {
	t.Helper()
	catOnce.Do(func() { catVal, catErr = catalog.Default() })
	if catErr != nil {
		t.Fatalf("catalog.Default: %v", catErr)
	}
	return catVal
}

const (
	idA = "3f1c7b0e-5d2a-4c1e-9b7a-1e2f3a4b5c6d" // the top position in every bad fixture
	idB = "9a7e21c4-8b3d-4f6a-a1c2-7d8e9f0a1b2c"
	idC = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
	idD = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a"
)

// badPlans lists every fixture in testdata/bad with the line of its first
// problem and words that problem's message must hold (the position's id
// when it concerns one).
var badPlans = map[string]struct {
	line int
	want []string
}{
	"catalog-invalid.yaml":      {4, []string{"the catalog catalog-invalid.catalog.yml has 2 problems, listed with its own file and line"}},
	"syntax-error.yaml":         {10, []string{"YAML syntax error", "indentation"}},
	"tab-indent.yaml":           {9, []string{"YAML syntax error", "tab"}},
	"unclosed-quote.yaml":       {10, []string{"YAML syntax error"}},
	"unknown-field.yaml":        {10, []string{idB, `unknown field "manager"`, "reportsTo"}},
	"unknown-plan-field.yaml":   {4, []string{`unknown field "scopes"`, `did you mean "scope"`}},
	"count-not-number.yaml":     {11, []string{idB, "count", "whole number"}},
	"holder-is-list.yaml":       {10, []string{idB, "holder", "single value"}},
	"missing-id.yaml":           {8, []string{"(Software Engineer", "has no id", "add `id:"}},
	"duplicate-id.yaml":         {8, []string{idA, "same id as the position at line 5"}},
	"bad-id.yaml":               {8, []string{`"not a uuid at all"`, "unusable id"}},
	"unknown-role.yaml":         {9, []string{idB, `"sre-manger"`, "not in the catalog", "closest: sre-manager"}},
	"missing-role.yaml":         {8, []string{idB, "has no role"}},
	"dangling-reportsto.yaml":   {11, []string{idB, `(SRE Manager, "Grace Hopper")`, "reports to " + idD + ", which is not in the plan: fix reportsTo or add that position"}},
	"dangling-dottedto.yaml":    {11, []string{idB, "dotted line to " + idD, "not in the plan"}},
	"dotted-to-itself.yaml":     {11, []string{idB, "dotted line to itself"}},
	"dotted-not-list.yaml":      {11, []string{idB, "dottedTo is a list"}},
	"reports-to-itself.yaml":    {10, []string{idB, "reports to itself"}},
	"cycle.yaml":                {8, []string{"reporting cycle", idB + " (SRE Manager, vacant) at line 8", idD + " (SRE Director, vacant) at line 14", idC + " (Site Reliability Engineer, vacant) at line 11"}},
	"count-zero.yaml":           {11, []string{idB, "count 0", "at least 1"}},
	"count-negative.yaml":       {11, []string{idB, "count -4", "at least 1"}},
	"count-absurd.yaml":         {11, []string{idB, "count 5000000", "at most 10000"}},
	"cost-negative.yaml":        {11, []string{idB, "negative cost"}},
	"cost-absurd.yaml":          {11, []string{idB, "cost 1e15", "not plausible"}},
	"cost-infinite.yaml":        {11, []string{idB, `cost ".inf"`, "must be a number"}},
	"version-future.yaml":       {2, []string{"format version 2", "reads version 1"}},
	"version-missing.yaml":      {1, []string{"no version", "version: 1"}},
	"version-zero.yaml":         {2, []string{"unsupported version 0"}},
	"version-text.yaml":         {2, []string{"version must be a whole number"}},
	"scope-unknown.yaml":        {4, []string{`unknown scope domain "SECURITY"`, "IT, SEC, PRIV, SRE, PLAT, ENG, PROD, DATA"}},
	"scope-not-list.yaml":       {4, []string{"scope must be a list"}},
	"alias-bomb.yaml":           {5, []string{"aliases (*a) are not allowed"}},
	"alias.yaml":                {12, []string{"aliases (*r) are not allowed"}},
	"two-documents.yaml":        {8, []string{"one YAML document"}},
	"empty.yaml":                {1, []string{"the file is empty"}},
	"only-comments.yaml":        {1, []string{"the file is empty"}},
	"root-is-list.yaml":         {2, []string{"a plan is a mapping", "not a list"}},
	"positions-not-list.yaml":   {3, []string{"positions must be a list"}},
	"position-not-mapping.yaml": {8, []string{"position 2 is text"}},
	"duplicate-field.yaml":      {11, []string{idB, "field role twice (first at line 9)"}},
	"duplicate-plan-field.yaml": {4, []string{`field "name" appears twice (first at line 3)`}},
	"catalog-missing.yaml":      {4, []string{"cannot load the catalog no-such-catalog.yaml", "relative to the plan's folder"}},
	"deep-nesting.yaml":         {11, []string{idB, "notes a list"}},
	"nul-byte.yaml":             {10, []string{"NUL byte"}},
	"invalid-utf8.yaml":         {10, []string{"not valid UTF-8", "0xFF"}},
	"utf16.yaml":                {1, []string{"UTF-16", "save it as UTF-8"}},
}

func TestReadBadPlans(t *testing.T) {
	cat := builtin(t)
	files, err := filepath.Glob("../testdata/bad/*.yaml")
	if err != nil || len(files) < 30 {
		t.Fatalf("want at least 30 bad plans, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want, ok := badPlans[name]
			if !ok {
				t.Fatalf("no expectation for %s: add it to badPlans", name)
			}
			start := time.Now()
			p, _, err := orgchart.ReadFile(f, cat)
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v, want under 2 s", took)
			}
			var ps catalog.Problems
			if p != nil || !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("want catalog.Problems and no plan, got plan %v, err %v", p != nil, err)
			}
			first := ps[0]
			if first.File != f || first.Line != want.line {
				t.Errorf("first problem at %s:%d, want %s:%d: %s", first.File, first.Line, f, want.line, first.Message)
			}
			for _, w := range want.want {
				if !strings.Contains(first.Message, w) {
					t.Errorf("message lacks %q:\n%s", w, first.Message)
				}
			}
			if name == "catalog-invalid.yaml" && !strings.Contains(err.Error(), "catalog-invalid.catalog.yml:6: role \"widget-wrangler\"") {
				t.Errorf("the catalog's own problems are missing:\n%v", err)
			}
		})
	}
	for name := range badPlans {
		if _, err := os.Stat(filepath.Join("../testdata/bad", name)); err != nil {
			t.Errorf("fixture %s is missing", name)
		}
	}
}

// TestReadReportsEveryProblem: one file with many problems lists them all,
// sorted by line.
func TestReadReportsEveryProblem(t *testing.T) {
	src := `version: 1
scope: [IT, NOPE]
positions:
  - id: a
    role: chief-technology-officer
  - id: b
    role: software-enginer
    reportsTo: a
    count: 0
  - id: c
    role: software-engineer
    reportsTo: zz
    dottedTo: [c]
  - id: a
    role: software-engineer
    cost: -1
`
	_, _, err := orgchart.Read([]byte(src), "many.yaml", builtin(t))
	var ps catalog.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v", err)
	}
	wantLines := []int{2, 7, 9, 12, 13, 14, 16}
	if len(ps) != len(wantLines) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(wantLines), err)
	}
	for i, p := range ps {
		if p.Line != wantLines[i] || p.File != "many.yaml" {
			t.Errorf("problem %d at %s:%d, want line %d: %s", i, p.File, p.Line, wantLines[i], p.Message)
		}
	}
}

func TestReadTooManyProblemsIsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\npositions:\n")
	for i := 0; i < orgchart.MaxProblems+50; i++ {
		b.WriteString("  - id: x" + strings.Repeat("y", i%3) + "\n    role: nope\n")
	}
	_, _, err := orgchart.Read([]byte(b.String()), "many.yaml", builtin(t))
	var ps catalog.Problems
	if !errors.As(err, &ps) || len(ps) != orgchart.MaxProblems+1 || !strings.Contains(ps[len(ps)-1].Message, "more problems") {
		t.Fatalf("got %d problems, want %d and a closing line", len(ps), orgchart.MaxProblems+1)
	}
}

func TestReadRefusesHugeInputFast(t *testing.T) {
	data := bytes.Repeat([]byte("# padding padding padding padding\n"), orgchart.MaxFileSize/34+10)
	start := time.Now()
	_, _, err := orgchart.Read(data, "huge.yaml", nil)
	if err == nil || !strings.Contains(err.Error(), "32 MB") {
		t.Fatalf("err = %v", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("refusing took %v", took)
	}
	path := filepath.Join(t.TempDir(), "huge.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := orgchart.ReadFile(path, nil); err == nil || !strings.Contains(err.Error(), "huge.yaml: the file is") {
		t.Fatalf("ReadFile err = %v", err)
	}
}

func TestReadDepthLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\npositions:\n  - id: p0\n    role: software-engineer\n")
	for i := 1; i <= orgchart.MaxDepth+1; i++ {
		b.WriteString("  - id: p" + itoa(i) + "\n    role: software-engineer\n    reportsTo: p" + itoa(i-1) + "\n")
	}
	_, _, err := orgchart.Read([]byte(b.String()), "deep.yaml", nil)
	if err == nil || !strings.Contains(err.Error(), "position p1001 ") || !strings.Contains(err.Error(), "deeper than the 1000") {
		t.Fatalf("err = %v", err)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var d []byte
	for ; i > 0; i /= 10 {
		d = append([]byte{byte('0' + i%10)}, d...)
	}
	return string(d)
}

// TestReadAcceptsBOMAndCRLF: a byte-order mark and Windows line ends load.
func TestReadAcceptsBOMAndCRLF(t *testing.T) {
	for _, name := range []string{"bom.yaml", "crlf.yaml"} {
		p, _, err := orgchart.ReadFile(filepath.Join("../testdata/plans", name), builtin(t))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(p.Positions) != 2 || p.Positions[1].Holder != "Grace Hopper" || p.Header != "# A plan saved by a Windows editor" {
			t.Errorf("%s: positions %d, header %q, holder %q", name, len(p.Positions), p.Header, p.Positions[1].Holder)
		}
		if bytes.Contains(p.Encode(), []byte("\r")) || bytes.HasPrefix(p.Encode(), []byte("\xEF")) {
			t.Errorf("%s: Encode kept the CR or BOM", name)
		}
	}
}

func TestReadNilCatalogSkipsRoleChecks(t *testing.T) {
	p, cat, err := orgchart.Read([]byte("version: 1\npositions:\n  - id: a\n    role: anything-goes\n"), "x.yaml", nil)
	if err != nil || cat != nil || p.Positions[0].Role != "anything-goes" {
		t.Fatalf("p %v cat %v err %v", p, cat, err)
	}
}

// TestReadPlanCatalog: `catalog: FILE` is relative to the plan's folder and
// extends the base catalog; the returned catalog holds the new role.
func TestReadPlanCatalog(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "cat"), 0o755)
	os.WriteFile(filepath.Join(dir, "cat", "extra.yaml"), []byte(`roles:
  - id: widget-wrangler
    title: Widget Wrangler
    domains: [ENG]
    level: individual
    individual: true
    summary: Wrangles widgets.
`), 0o644)
	plan := filepath.Join(dir, "plan.yaml")
	os.WriteFile(plan, []byte("version: 1\ncatalog: cat/extra.yaml\npositions:\n  - id: a\n    role: widget-wrangler\n"), 0o644)
	p, cat, err := orgchart.ReadFile(plan, builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	if cat.Role("widget-wrangler") == nil || cat.Role("software-engineer") == nil || builtin(t).Role("widget-wrangler") != nil {
		t.Errorf("returned catalog does not extend the base")
	}
	if p.Catalog != "cat/extra.yaml" || !strings.Contains(string(p.Encode()), "catalog: cat/extra.yaml\n") {
		t.Errorf("catalog field not kept: %q", p.Catalog)
	}
}

// TestReadRefusesDevices: a device as the plan or as its catalog is refused
// at once (reading /dev/zero would never end).
func TestReadRefusesDevices(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	start := time.Now()
	if _, _, err := orgchart.ReadFile("/dev/zero", builtin(t)); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("plan /dev/zero: %v", err)
	}
	_, _, err := orgchart.Read([]byte("version: 1\nname: x\ncatalog: /dev/zero\n"), "plan.yaml", builtin(t))
	if err == nil || !strings.Contains(err.Error(), `plan.yaml:3: cannot use the catalog "/dev/zero"`) {
		t.Errorf("catalog /dev/zero: %v", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("took %v", took)
	}
}

func TestReadDocumentMarkers(t *testing.T) {
	ok := []string{
		"---\nversion: 1\npositions: []\n",
		"version: 1\nname: a --- b\npositions: []\n",
		"version: 1\nname: x\npositions: []\n...\n",
		"version: 1\nname: \"a\n  ---b\"\n",
	}
	for _, src := range ok {
		if _, _, err := orgchart.Read([]byte(src), "one.yaml", nil); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
	for _, src := range []string{
		"version: 1\n---\nversion: 1\n",
		"version: 1\r\n---\r\nversion: 1\r\n",
		"version: 1\n...\n---\nname: two\n",
		"version: 1\n--- \nname: two\n",
	} {
		if _, _, err := orgchart.Read([]byte(src), "two.yaml", nil); err == nil || !strings.Contains(err.Error(), "one YAML document") {
			t.Errorf("%q: err = %v", src, err)
		}
	}
}
