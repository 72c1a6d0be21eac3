package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/orgplanner/orgplanner/orgchart"
)

// compileSchema compiles docs/plan.schema.json with a real validator.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile("../../docs/plan.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// instance turns YAML into the JSON value an editor's YAML language server
// validates: scalars by their resolved YAML tag.
func instance(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return instance(n.Content[0])
	case yaml.AliasNode:
		return "*" + n.Value // not expanded: an alias bomb would take gigabytes
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = instance(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, instance(c))
		}
		return l
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		n.Decode(&b)
		return b
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		return json.Number("1e400") // beyond int64: a huge number
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		switch {
		case err == nil && !math.IsInf(f, 0) && !math.IsNaN(f):
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		case strings.Contains(strings.ToLower(n.Value), "nan"):
			return "NaN" // JSON has no NaN: not a number to the schema
		default:
			return json.Number("1e400")
		}
	}
	return n.Value
}

// verdicts returns whether the reader and the schema accept src; ok is false
// when src is not YAML at all (the schema has nothing to say).
func verdicts(t *testing.T, s *jsonschema.Schema, src []byte, name string) (reader, schema bool, readerMsg, schemaMsg string, ok bool) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return false, false, "", "", false
	}
	_, _, rerr := orgchart.Read(src, name, nil) // nil catalog: role ids are the catalog's business, not the schema's
	serr := s.Validate(instance(&doc))
	if rerr != nil {
		readerMsg = rerr.Error()
	}
	if serr != nil {
		schemaMsg = serr.Error()
	}
	return rerr == nil, serr == nil, readerMsg, schemaMsg, true
}

// The reader and the schema agree on every scalar type and bound.
func TestSchemaAndReaderAgree(t *testing.T) {
	s := compileSchema(t)
	head := "version: 1\npositions:\n  - id: a\n    role: r\n"
	cases := []string{
		head,
		"version: 1\n",
		"version: 1.0\npositions: []\n",
		"version: 2\npositions: []\n",
		"version: '1'\n",
		"version: 0\n",
		"version:\n",
		"name: x\n",
		"version: 1\nname: 42\n",
		"version: 1\nname: true\n",
		"version: 1\nname: [a]\n",
		"version: 1\nname:\n",
		"version: 1\nscope: [SEC, ENG]\n",
		"version: 1\nscope: [OPS]\n",
		"version: 1\nscope: SEC\n",
		"version: 1\nscope: []\n",
		"version: 1\ncatalog: 5\n",
		"version: 1\npolicy:\n",
		"version: 1\npolicy: 3\n",
		"version: 1\npositions:\n",
		"version: 1\npositions: {}\n",
		"version: 1\nextra: 1\n",
		head + "    holder: 42\n",
		head + "    holder: true\n",
		head + "    holder:\n",
		head + "    holder: [a, b]\n",
		head + "    title: 3.5\n",
		head + "    notes: {a: 1}\n",
		head + "    notes: 7\n",
		head + "    cost: 120_000\n",
		head + "    cost: 120000.50\n",
		head + "    cost: -1\n",
		head + "    cost: 0\n",
		head + "    cost: 100000000\n",
		head + "    cost: 100000001\n",
		head + "    cost: .inf\n",
		head + "    cost: .nan\n",
		head + "    cost: lots\n",
		head + "    cost: '5'\n",
		head + "    cost:\n",
		head + "    count: 2\n",
		head + "    count: 2.0\n",
		head + "    count: 2.5\n",
		head + "    count: 0\n",
		head + "    count: 10000\n",
		head + "    count: 10001\n",
		head + "    count: 1_000\n",
		head + "    count: '3'\n",
		head + "    count:\n",
		head + "    reportsTo:\n",
		head + "    reportsTo: null\n",
		head + "    dottedTo:\n",
		head + "    dottedTo: []\n",
		head + "    dottedTo: a\n",
		head + "    owns: []\n",
		head + "    owns:\n",
		head + "    owns: x\n",
		head + "    unknown: 1\n",
		"version: 1\npositions:\n  - id: 42\n    role: r\n",
		"version: 1\npositions:\n  - id: 'has space'\n    role: r\n",
		"version: 1\npositions:\n  - id: " + strings.Repeat("x", 65) + "\n    role: r\n",
		"version: 1\npositions:\n  - id:\n    role: r\n",
		"version: 1\npositions:\n  - role: r\n",
		"version: 1\npositions:\n  - id: a\n",
		"version: 1\npositions:\n  - id: a\n    role:\n",
		"version: 1\npositions:\n  - id: a\n    role: 5\n",
		"version: 1\npositions:\n  - a\n",
		"version: 1\npolicy:\n  span:\n    firstLine: {min: 3, max: 8}\n",
		"version: 1\npolicy:\n  span:\n    firstLine: {min: 0, max: 8}\n",
		"version: 1\npolicy:\n  span:\n    firstLine: {min: 2.0, max: 8}\n",
		"version: 1\npolicy:\n  layers: {max: 6}\n",
		"version: 1\npolicy:\n  layers: {max: x}\n",
		"version: 1\npolicy:\n  rules: {span.chain: off}\n",
		"version: 1\npolicy:\n  rules: {span.chain: loud}\n",
		"version: 1\npolicy:\n  rules: {no.such: off}\n",
		"version: 1\npolicy:\n  bogus: 1\n",
	}
	for _, src := range cases {
		r, sc, rm, sm, ok := verdicts(t, s, []byte(src), "case.yaml")
		if !ok {
			t.Errorf("not YAML: %q", src)
			continue
		}
		if r != sc {
			t.Errorf("reader accepts=%v, schema accepts=%v for %q\nreader: %s\nschema: %s", r, sc, src, rm, strings.Join(strings.Fields(sm), " "))
		}
	}
}

// Every sample and every plan of testdata is valid for both.
func TestSchemaAcceptsSamples(t *testing.T) {
	s := compileSchema(t)
	var files []string
	for _, pattern := range []string{"../../assets/samples/*.yaml", "../../testdata/plans/*.yaml", "../../testdata/diff/*.yaml"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("only %d samples", len(files))
	}
	for _, f := range files {
		src, _ := os.ReadFile(f)
		r, sc, rm, sm, ok := verdicts(t, s, src, f)
		if !ok || !sc || (!r && !strings.Contains(rm, "catalog")) {
			t.Errorf("%s: reader %v %s; schema %v %s", f, r, rm, sc, sm)
		}
	}
}

// The bad plans of testdata/bad: the schema refuses every one the reader
// refuses for a type or a bound. What the reader refuses beyond a schema's
// reach (references between positions, cycles, duplicates, YAML aliases and
// repeated keys, files that are not YAML) is listed, so the list stays true.
func TestSchemaOnBadPlans(t *testing.T) {
	s := compileSchema(t)
	beyondSchema := map[string]string{
		"alias.yaml":                "aliases are refused by the reader; the schema sees the expanded value",
		"alias-bomb.yaml":           "aliases",
		"catalog-invalid.yaml":      "the catalog file's content",
		"catalog-missing.yaml":      "whether the catalog file exists",
		"cycle.yaml":                "a reporting cycle is a relation between positions",
		"dangling-dottedto.yaml":    "a reference to a position",
		"dangling-reportsto.yaml":   "a reference to a position",
		"dotted-to-itself.yaml":     "a reference to a position",
		"reports-to-itself.yaml":    "a reference to a position",
		"duplicate-id.yaml":         "uniqueness across positions",
		"duplicate-field.yaml":      "repeated keys are a YAML matter",
		"duplicate-plan-field.yaml": "repeated keys are a YAML matter",
		"deep-nesting.yaml":         "nesting depth",
		"two-documents.yaml":        "a second YAML document",
		"utf16.yaml":                "the text encoding (the reader wants UTF-8)",
		"empty.yaml":                "an empty file has no JSON value",
		"only-comments.yaml":        "an empty file has no JSON value",
	}
	files, _ := filepath.Glob("../../testdata/bad/*.yaml")
	if len(files) < 20 {
		t.Fatalf("only %d bad plans", len(files))
	}
	for _, f := range files {
		base := filepath.Base(f)
		src, _ := os.ReadFile(f)
		r, sc, rm, sm, ok := verdicts(t, s, src, f)
		if r {
			continue // bad for the catalog only (an unknown role): not the schema's matter
		}
		_, listed := beyondSchema[base]
		switch {
		case !ok || listed:
			if ok && listed && !sc {
				t.Logf("%s: the schema refuses it too (%s)", base, strings.SplitN(sm, "\n", 2)[0])
			}
		case sc:
			t.Errorf("%s: the reader refuses it, the schema accepts it\nreader: %s", base, rm)
		}
	}
}
