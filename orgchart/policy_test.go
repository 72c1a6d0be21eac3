package orgchart

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// policyNode parses a document of the form "policy:\n<lines>" and returns the
// value node of the policy key, as the plan reader hands it over.
func policyNode(t *testing.T, doc string) *yaml.Node {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &root); err != nil {
		t.Fatalf("bad test YAML: %v", err)
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "policy" {
			return m.Content[i+1]
		}
	}
	return nil
}

const canonicalPolicy = `policy:
  span:
    firstLine: {min: 5, max: 9}
    managersOfManagers: {max: 6}
    executive: {min: 2, max: 14}
    farOutside: 20
    vacantManager: 8
    exclude:
      - chief-of-staff
      - yes
    roles:
      platform-engineering-manager: {min: 5, max: 12}
      sre-manager: {min: 4, max: 8}
  layers:
    max: 6
    base: 7
  reporting:
    dottedMax: 3
  rules:
    coverage.overlap: info
    span.single-report: off
  intended:
    - 3f1c7b0e-0000-4000-8000-000000000001
    - "123"
`

func TestPolicyDecodesEveryKeyAndRoundTrips(t *testing.T) {
	p, probs := decodePolicy(policyNode(t, canonicalPolicy), "plan.yaml")
	if len(probs) > 0 {
		t.Fatalf("unexpected problems: %v", probs)
	}
	want := Policy{
		FirstLine:          Range{5, 9},
		ManagersOfManagers: Range{0, 6},
		Executive:          Range{2, 14},
		FarOutside:         20,
		VacantManagerTeam:  8,
		SpanExclude:        []string{"chief-of-staff", "yes"},
		RoleSpans:          map[string]Range{"platform-engineering-manager": {5, 12}, "sre-manager": {4, 8}},
		LayersMax:          6,
		LayerBase:          7,
		DottedMax:          3,
		Rules:              map[string]string{"coverage.overlap": "info", "span.single-report": "off"},
		Intended:           []string{"3f1c7b0e-0000-4000-8000-000000000001", "123"},
	}
	got := p
	got.lines = nil
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decoded\n%+v\nwant\n%+v", got, want)
	}
	if line := p.IntendedLine("123"); line != 24 {
		t.Errorf("IntendedLine(123) = %d, want 24", line)
	}
	out := "policy:\n" + string(encodePolicy(p))
	if out != canonicalPolicy {
		t.Fatalf("encode is not canonical:\n%s\nwant\n%s", out, canonicalPolicy)
	}
	again, probs := decodePolicy(policyNode(t, out), "plan.yaml")
	if len(probs) > 0 || !reflect.DeepEqual(again, p) {
		t.Fatalf("round trip changed the policy: %+v (%v)", again, probs)
	}
}

func TestPolicyEmptyForms(t *testing.T) {
	for _, doc := range []string{"name: x\n", "policy:\n", "policy: {}\n", "policy: ~\n", "policy:\n  rules: {}\n  intended: []\n"} {
		p, probs := decodePolicy(policyNode(t, doc), "plan.yaml")
		if len(probs) > 0 || !p.IsZero() {
			t.Errorf("%q: got %+v, %v; want the zero policy", doc, p, probs)
		}
		if b := encodePolicy(p); b != nil {
			t.Errorf("%q: zero policy encoded as %q", doc, b)
		}
	}
}

func TestPolicyExcludeEmptyListIsKept(t *testing.T) {
	p, probs := decodePolicy(policyNode(t, "policy:\n  span:\n    exclude: []\n"), "p.yaml")
	if len(probs) > 0 || p.SpanExclude == nil || len(p.SpanExclude) != 0 {
		t.Fatalf("got %#v %v, want an empty non-nil exclude list", p.SpanExclude, probs)
	}
	if got := string(encodePolicy(p)); got != "  span:\n    exclude: []\n" {
		t.Fatalf("encoded %q", got)
	}
	if ex := p.WithDefaults().SpanExclude; len(ex) != 0 {
		t.Fatalf("an empty exclude list must stay empty with defaults, got %v", ex)
	}
}

func TestPolicyWithDefaults(t *testing.T) {
	d := Policy{FirstLine: Range{Max: 12}}.WithDefaults()
	if d.FirstLine != (Range{4, 12}) || d.ManagersOfManagers != DefaultManagersOfManagers ||
		d.Executive != DefaultExecutive || d.FarOutside != 15 || d.LayersMax != 7 ||
		d.LayerBase != 6 || d.DottedMax != 2 || d.VacantManagerTeam != 6 ||
		!reflect.DeepEqual(d.SpanExclude, DefaultSpanExclude()) {
		t.Fatalf("defaults not applied: %+v", d)
	}
}

func TestPolicyProblems(t *testing.T) {
	cases := []struct {
		name, doc string
		line      int
		want      []string // substrings of the one problem
	}{
		{"unknown top key", "policy:\n  spam: 1\n", 2, []string{`unknown key "spam" in policy`, "allowed keys: span, layers, reporting, rules, intended"}},
		{"unknown span key", "policy:\n  span:\n    firstline: {min: 3}\n", 3, []string{`unknown key "firstline" in policy.span`, "firstLine"}},
		{"unknown range key", "policy:\n  span:\n    firstLine: {low: 3}\n", 3, []string{`unknown key "low"`, "min, max"}},
		{"unknown rule", "policy:\n  rules:\n    span.too-big: off\n", 3, []string{`unknown key "span.too-big" in policy.rules`, "span.too-wide"}},
		{"bad setting", "policy:\n  rules:\n    span.too-wide: loud\n", 3, []string{"policy.rules.span.too-wide must be one of off, info, warning, error"}},
		{"not a number", "policy:\n  layers:\n    max: seven\n", 3, []string{"policy.layers.max must be a whole number"}},
		{"too small", "policy:\n  layers:\n    base: 1\n", 3, []string{"policy.layers.base is 1; it must be from 2 to 1000000"}},
		{"too big", "policy:\n  span:\n    farOutside: 99999999\n", 3, []string{"policy.span.farOutside is 99999999; it must be from 2 to 1000000"}},
		{"min above max", "policy:\n  span:\n    firstLine: {min: 9, max: 5}\n", 3, []string{"min 9 is above max 5"}},
		{"min above default max", "policy:\n  span:\n    managersOfManagers: {min: 9}\n", 3, []string{"min 9 is above max 8"}},
		{"role range half given", "policy:\n  span:\n    roles:\n      sre-manager: {min: 4}\n", 4, []string{"needs both min and max"}},
		{"duplicate key", "policy:\n  layers:\n    max: 5\n    max: 6\n", 4, []string{"policy.layers.max is given twice"}},
		{"intended not a list", "policy:\n  intended: abc\n", 2, []string{"policy.intended must be a list"}},
		{"intended twice", "policy:\n  intended: [a, b, a]\n", 2, []string{`lists "a" twice`}},
		{"policy not a mapping", "policy: [1]\n", 1, []string{"policy must be a mapping"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, probs := decodePolicy(policyNode(t, c.doc), "org.yaml")
			if len(probs) != 1 {
				t.Fatalf("want one problem, got %d: %v", len(probs), probs)
			}
			p := probs[0]
			if p.File != "org.yaml" || p.Line != c.line {
				t.Errorf("located at %s:%d, want org.yaml:%d", p.File, p.Line, c.line)
			}
			for _, w := range c.want {
				if !strings.Contains(p.Message, w) {
					t.Errorf("message %q lacks %q", p.Message, w)
				}
			}
		})
	}
}

func TestPolicyReportsEveryProblem(t *testing.T) {
	doc := "policy:\n  spam: 1\n  layers:\n    max: 0\n  rules:\n    nope: off\n"
	_, probs := decodePolicy(policyNode(t, doc), "org.yaml")
	if len(probs) != 3 {
		t.Fatalf("want 3 problems, got %v", probs)
	}
	for i, line := range []int{2, 4, 6} {
		if probs[i].Line != line {
			t.Errorf("problem %d at line %d, want %d", i, probs[i].Line, line)
		}
	}
}

func TestCheckPolicyRefs(t *testing.T) {
	p, _ := decodePolicy(policyNode(t, "policy:\n  intended:\n    - a\n    - ghost\n"), "org.yaml")
	probs := checkPolicyRefs(p, "org.yaml", func(id string) bool { return id == "a" })
	if len(probs) != 1 || probs[0].Line != 4 || !strings.Contains(probs[0].Message, `"ghost"`) {
		t.Fatalf("got %v", probs)
	}
}

func TestPolicyScalarQuotesWhatYAMLWouldMisread(t *testing.T) {
	for in, want := range map[string]string{
		"sre-manager": "sre-manager", "off": "off", "true": `"true"`, "123": `"123"`, "null": `"null"`,
		"a: b": `"a: b"`, "#x": `"#x"`, "- x": `"- x"`, "": `""`, " pad": `" pad"`,
	} {
		if got := policyScalar(in); got != want {
			t.Errorf("policyScalar(%q) = %s, want %s", in, got, want)
		}
	}
}

// FuzzPolicy: any policy text either gives problems or a policy that encodes
// to a block which reads back to the same policy and encodes to the same bytes.
func FuzzPolicy(f *testing.F) {
	f.Add(canonicalPolicy)
	f.Add("policy:\n  span:\n    exclude: []\n")
	f.Add("policy:\n  rules: {span.chain: error}\n  intended: [\"a b\", 'c:d']\n")
	f.Add("policy:\n  span:\n    roles:\n      \"x: y\": {min: 1, max: 2}\n")
	f.Fuzz(func(t *testing.T, doc string) {
		var root yaml.Node
		if yaml.Unmarshal([]byte(doc), &root) != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
			return
		}
		var node *yaml.Node
		m := root.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "policy" {
				node = m.Content[i+1]
			}
		}
		p, probs := decodePolicy(node, "f.yaml")
		if len(probs) > 0 {
			return
		}
		out := encodePolicy(p)
		again, probs := decodePolicy(policyNode(t, "policy:\n"+string(out)), "f.yaml")
		if len(probs) > 0 {
			t.Fatalf("encoded policy does not read back: %v\n%s", probs, out)
		}
		if string(encodePolicy(again)) != string(out) {
			t.Fatalf("not canonical:\n%s\nthen\n%s", out, encodePolicy(again))
		}
		again.lines, p.lines = nil, nil
		if !reflect.DeepEqual(again, p) {
			t.Fatalf("round trip changed the policy:\n%+v\n%+v", p, again)
		}
	})
}
