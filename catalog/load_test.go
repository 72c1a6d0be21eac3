package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixtures = "../testdata/catalog"

func readFixture(t *testing.T, name string) ([]byte, string) {
	t.Helper()
	path := filepath.Join(fixtures, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	return data, path
}

func problemsOf(t *testing.T, err error) Problems {
	t.Helper()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is %T (%v), want catalog.Problems", err, err)
	}
	return ps
}

func TestParseGood(t *testing.T) {
	data, path := readFixture(t, "good.yaml")
	c, err := Parse(data, path)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(c.Roles) != 4 || len(c.Capabilities) != 2 || len(c.Conflicts) != 1 {
		t.Fatalf("got %d roles, %d capabilities, %d conflicts; want 4, 2, 1", len(c.Roles), len(c.Capabilities), len(c.Conflicts))
	}
	ciso := c.Role("chief-information-security-officer")
	if ciso == nil || ciso.Span == nil || ciso.Span.Min != 4 || ciso.Span.Max != 8 || ciso.Span.Archetype != Coach {
		t.Fatalf("CISO span decoded wrong: %+v", ciso)
	}
	if ciso.Source.Line != 19 || ciso.Source.File != path {
		t.Errorf("CISO source = %v, want %s:19", ciso.Source, path)
	}
	if len(ciso.Responsibilities) != 2 || ciso.Responsibilities[1].Group != "governance" || ciso.KPIs[0].Target != "< 4 hours" {
		t.Errorf("responsibilities/KPIs decoded wrong: %+v %+v", ciso.Responsibilities, ciso.KPIs)
	}
	if se := c.Role("security-engineer"); !se.Individual || se.Level != LevelIndividual || se.Span != nil {
		t.Errorf("individual: true without a level should give level individual: %+v", se)
	}
	if tm := c.Role("team-member"); !tm.Individual || len(tm.Domains) != 0 {
		t.Errorf("level individual should mark the role individual: %+v", tm)
	}
	if x := c.Conflict("head-of-it", "chief-information-security-officer"); x == nil || !strings.Contains(x.Reason, "audits") {
		t.Errorf("conflict lookup = %+v", x)
	}
	if c.Conflict("chief-information-security-officer", "head-of-it") != nil {
		t.Error("conflicts are directional; the reverse line must not be one")
	}
	if k := c.Capability("sec-incident-response"); k == nil || !k.Required.Default || k.Required.FromHeadcount != 1 || k.Refs[0] != "NIST CSF 2.0 RS.MA" {
		t.Errorf("capability decoded wrong: %+v", k)
	}
	if got := c.RolesIn(SEC); len(got) != 2 || got[0].ID != "chief-information-security-officer" || got[1].ID != "security-engineer" {
		t.Errorf("RolesIn(SEC) = %v", ids(got))
	}
	if got := c.RolesIn(DATA); len(got) != 0 {
		t.Errorf("RolesIn(DATA) = %v, want none", ids(got))
	}
}

func ids(roles []*Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = r.ID
	}
	return out
}

// wants reads the "# want: a | b" annotations of a fixture: line -> texts.
func wants(data []byte) map[int][]string {
	out := map[int][]string{}
	for i, line := range strings.Split(string(data), "\n") {
		_, after, ok := strings.Cut(line, "# want: ")
		if !ok {
			continue
		}
		out[i+1] = strings.Split(after, " | ")
	}
	return out
}

// TestParseBad checks that every problem of a crafted bad catalog is reported
// at once, on the line the fixture marks, and nothing else.
func TestParseBad(t *testing.T) {
	data, path := readFixture(t, "bad.yaml")
	c, err := Parse(data, path)
	if c != nil || err == nil {
		t.Fatal("Parse accepted a bad catalog")
	}
	ps := problemsOf(t, err)
	want := wants(data)
	if len(want) < 20 {
		t.Fatalf("fixture has only %d annotated lines", len(want))
	}
	used := make([]bool, len(ps))
	for line, texts := range want {
		for _, text := range texts {
			found := false
			for i, p := range ps {
				if !used[i] && p.Line == line && strings.Contains(p.Message, text) {
					used[i], found = true, true
					break
				}
			}
			if !found {
				t.Errorf("line %d: no problem containing %q", line, text)
			}
		}
	}
	for i, p := range ps {
		if p.File != path {
			t.Errorf("problem names file %q, want %q: %s", p.File, path, p)
		}
		if !used[i] {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Line < ps[i-1].Line {
			t.Errorf("problems not in line order: %s before %s", ps[i-1], ps[i])
		}
	}
}

func TestParseSyntaxError(t *testing.T) {
	data, path := readFixture(t, "syntax.yaml")
	_, err := Parse(data, path)
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].Line != 4 || !strings.Contains(ps[0].Message, "YAML syntax error") {
		t.Fatalf("got %v, want one YAML syntax error on line 4", ps)
	}
	if got := ps[0].String(); !strings.HasPrefix(got, path+":4: ") {
		t.Errorf("String() = %q, want FILE:LINE: prefix", got)
	}
}

func TestParseOddInputsNeverPanic(t *testing.T) {
	for name, src := range map[string]string{
		"empty":          "",
		"comment only":   "# nothing\n",
		"scalar":         "hello\n",
		"list":           "- a\n- b\n",
		"roles scalar":   "roles: 3\n",
		"role scalar":    "roles: [3]\n",
		"span list":      "roles:\n  - {id: a, title: A, summary: s, level: manager, domains: [IT], span: [1, 2]}\n",
		"domains scalar": "roles:\n  - {id: a, title: A, summary: s, level: manager, domains: IT, span: {min: 1, max: 2, archetype: coach}}\n",
		"bad numbers":    "roles:\n  - {id: a, title: A, summary: s, level: manager, domains: [IT], span: {min: x, max: 2.5, archetype: coach}}\n",
		"alias":          "x: &a {id: a}\nroles: [*a]\n",
		"tabs":           "roles:\n\t- id: a\n",
		"nested list":    "capabilities:\n  - id: it-x\n    name: [a]\n    domain: IT\n    description: d\n",
	} {
		t.Run(name, func(t *testing.T) {
			c, err := Parse([]byte(src), "odd.yaml")
			if err == nil {
				t.Fatalf("Parse accepted %q: %+v", src, c)
			}
			for _, p := range problemsOf(t, err) {
				if p.File != "odd.yaml" || p.Message == "" {
					t.Errorf("badly located problem %+v", p)
				}
			}
		})
	}
}

func TestExtendOverridesAndAdds(t *testing.T) {
	data, path := readFixture(t, "good.yaml")
	base, err := Parse(data, path)
	if err != nil {
		t.Fatal(err)
	}
	ext, err := base.ExtendFile(filepath.Join(fixtures, "extend.yaml"))
	if err != nil {
		t.Fatalf("ExtendFile: %v", err)
	}
	if len(ext.Roles) != 5 || len(ext.Capabilities) != 3 || len(ext.Conflicts) != 1 {
		t.Fatalf("got %d roles, %d capabilities, %d conflicts; want 5, 3, 1", len(ext.Roles), len(ext.Capabilities), len(ext.Conflicts))
	}
	h := ext.Role("head-of-it")
	if h.Title != "Head of Corporate IT" || h.Span.Archetype != PlayerCoach || len(h.Supports) != 0 {
		t.Errorf("override must replace the whole entry, got %+v", h)
	}
	if ext.Roles[1] != h {
		t.Error("an overridden role keeps its place in the catalog order")
	}
	if ext.Role("sre-manager") == nil || ext.Capability("sre-on-call") == nil {
		t.Error("new role or capability missing after Extend")
	}
	if got := ext.Conflict("head-of-it", "chief-information-security-officer").Reason; got != "Overridden reason." {
		t.Errorf("conflict reason = %q, want the override", got)
	}
	if got := len(ext.RolesIn(SEC)); got != 3 {
		t.Errorf("RolesIn(SEC) after override = %d roles, want 3 (head-of-it now has SEC)", got)
	}
	// The base catalog is unchanged.
	if base.Role("head-of-it").Title != "Head of IT" || base.Role("sre-manager") != nil || len(base.Roles) != 4 {
		t.Error("Extend changed the catalog it was called on")
	}
}

func TestExtendReportsProblemsInTheUserFile(t *testing.T) {
	data, path := readFixture(t, "good.yaml")
	base, err := Parse(data, path)
	if err != nil {
		t.Fatal(err)
	}
	badPath := filepath.Join(fixtures, "extend-bad.yaml")
	_, err = base.ExtendFile(badPath)
	ps := problemsOf(t, err)
	want := []struct {
		line int
		text string
	}{
		{8, `unknown capability "sre-on-cal"`},
		{9, `unknown role "vp-of-nothing"`},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(want), ps)
	}
	for i, w := range want {
		if ps[i].File != badPath || ps[i].Line != w.line || !strings.Contains(ps[i].Message, w.text) {
			t.Errorf("problem %d = %s, want %s:%d: ...%s", i, ps[i], badPath, w.line, w.text)
		}
	}
}

func TestExtendNewCapabilityNeedsOwner(t *testing.T) {
	data, path := readFixture(t, "good.yaml")
	base, err := Parse(data, path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = base.Extend([]byte("capabilities:\n  - {id: data-x, name: X, domain: DATA, description: d}\n"), "mine.yaml")
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].File != "mine.yaml" || ps[0].Line != 2 || !strings.Contains(ps[0].Message, "owned by no role") {
		t.Fatalf("got %v, want mine.yaml:2 owned by no role", ps)
	}
}

func TestExtendFileMissing(t *testing.T) {
	base := &Catalog{}
	_, err := base.ExtendFile(filepath.Join(t.TempDir(), "nope.yaml"))
	ps := problemsOf(t, err)
	if len(ps) != 1 || !strings.Contains(ps[0].String(), "nope.yaml: cannot read the catalog file") {
		t.Fatalf("got %v", ps)
	}
}

func TestParseDuplicateAcrossBuiltInFiles(t *testing.T) {
	// The built-in files form one layer: the same id in two of them is a problem.
	l1, _ := decodeFile([]byte("capabilities:\n  - {id: it-a, name: A, domain: IT, description: d}\n"), "one.yaml")
	l2, _ := decodeFile([]byte("roles:\n  - {id: r, title: R, summary: s, level: manager, domains: [IT], span: {min: 1, max: 2, archetype: coach}, owns: [it-a]}\ncapabilities:\n  - {id: it-a, name: B, domain: IT, description: d}\n"), "two.yaml")
	merged := &layer{roles: l2.roles, capabilities: append(l1.capabilities, l2.capabilities...)}
	_, ps := build(nil, merged, false)
	if len(ps) != 1 || ps[0].File != "two.yaml" || ps[0].Line != 4 || !strings.Contains(ps[0].Message, "already defined at one.yaml:2") {
		t.Fatalf("got %v", ps)
	}
}

func TestIDFromTitle(t *testing.T) {
	for title, want := range map[string]string{
		"VP of IT":                           "vp-of-it",
		"Chief Information Security Officer": "chief-information-security-officer",
		"SRE Manager":                        "sre-manager",
		"VP of Data and AI":                  "vp-of-data-and-ai",
		"  Head of  Product (EMEA) ":         "head-of-product-emea",
	} {
		if got := IDFromTitle(title); got != want {
			t.Errorf("IDFromTitle(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestParseMangledFixtures cuts and drops lines of every fixture: no variant
// may panic, and every rejected one must come with located problems.
func TestParseMangledFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(fixtures, "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(data), "\n")
		for i := range lines {
			for _, variant := range []string{
				strings.Join(lines[:i], ""),                                      // truncated before line i
				strings.Join(lines[:i], "") + strings.Join(lines[i+1:], ""),      // line i dropped
				strings.Join(lines[:i], "") + "  " + strings.Join(lines[i:], ""), // line i over-indented
			} {
				c, err := Parse([]byte(variant), "m.yaml")
				if err == nil {
					if c == nil {
						t.Fatalf("%s line %d: nil catalog without error", p, i+1)
					}
					continue
				}
				ps := problemsOf(t, err)
				if len(ps) == 0 {
					t.Fatalf("%s line %d: empty Problems", p, i+1)
				}
				for _, pr := range ps {
					if pr.File != "m.yaml" || pr.Message == "" {
						t.Fatalf("%s line %d: badly formed problem %+v", p, i+1, pr)
					}
				}
			}
		}
	}
}

func TestNewIndexesEntries(t *testing.T) {
	r := &Role{ID: "sre-manager", Title: "SRE Manager", Domains: []Domain{SRE, PLAT}}
	k := &Capability{ID: "sre-on-call", Domain: SRE}
	x := &Conflict{Manager: "a", Report: "sre-manager", Reason: "why"}
	roles := []*Role{r}
	c := New(roles, []*Capability{k}, []*Conflict{x})
	if c.Role("sre-manager") != r || c.Capability("sre-on-call") != k || c.Conflict("a", "sre-manager") != x {
		t.Fatal("lookups do not find the entries given to New")
	}
	if got := c.RolesIn(PLAT); len(got) != 1 || got[0] != r {
		t.Errorf("RolesIn(PLAT) = %v", ids(got))
	}
	roles[0] = nil
	if c.Roles[0] != r {
		t.Error("New must copy the slices it is given")
	}
}

// Roles and conflicts repeated across files are reported like capabilities,
// each at the repeat's line and naming the first definition.
func TestDuplicateRoleAndConflictAcrossFiles(t *testing.T) {
	role := "  - {id: r, title: R, summary: s, level: manager, domains: [IT], span: {min: 1, max: 2, archetype: coach}, owns: [it-a]}\n"
	l1, _ := decodeFile([]byte("roles:\n"+role+"capabilities:\n  - {id: it-a, name: A, domain: IT, description: d}\nconflicts:\n  - {manager: r, report: r, reason: x}\n"), "one.yaml")
	l2, _ := decodeFile([]byte("roles:\n"+role+"conflicts:\n  - {manager: r, report: r, reason: y}\n"), "two.yaml")
	merged := &layer{roles: append(l1.roles, l2.roles...), capabilities: l1.capabilities, conflicts: append(l1.conflicts, l2.conflicts...)}
	_, ps := build(nil, merged, false)
	var got []string
	for _, p := range ps {
		if strings.Contains(p.Message, "already defined at one.yaml") {
			got = append(got, p.String())
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "two.yaml:2: role id \"r\"") || !strings.HasPrefix(got[1], "two.yaml:4: conflict \"r\" -> \"r\"") {
		t.Fatalf("duplicates reported: %q (all problems: %v)", got, ps)
	}
}
