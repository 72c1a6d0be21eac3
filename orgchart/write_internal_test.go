package orgchart

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestPlainScalarsReadAsText: whenever the emitter writes a value without
// quotes, yaml.v3 resolves it as a string with the same text.
func TestPlainScalarsReadAsText(t *testing.T) {
	for _, s := range []string{"Ada Lovelace", "3f1c7b0e-5d2a-4c1e-9b7a-1e2f3a4b5c6d", "VP Engineering, Platform",
		"a:b", "a#b", "C++", "x-1", "1st line", "12ab", "O'Brien", "e5", "Q2 2027", "José", "100%", "v1.2.3"} {
		if needsQuotes(s, false) {
			t.Errorf("%q quoted needlessly", s)
			continue
		}
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("k: "+s), &n); err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		v := n.Content[0].Content[1]
		if v.Tag != "!!str" || v.Value != s {
			t.Errorf("plain %q reads as %s %q", s, v.Tag, v.Value)
		}
	}
	for _, s := range []string{"a,b", "[x", "x}"} {
		if !needsQuotes(s, true) {
			t.Errorf("%q not quoted in a flow list", s)
		}
	}
}

// TestEncodeInvalidUTF8IsCanonical: text with invalid UTF-8 (which Editor
// refuses but an importer might let through) saves canonical the first time.
func TestEncodeInvalidUTF8IsCanonical(t *testing.T) {
	p := NewPlan("bad \xff name")
	p.Positions = []*Position{{ID: "a", Role: "r", Holder: "Gr\xc3ace", Notes: "\xff"}}
	first := p.Encode()
	q, _, err := Read(first, "x.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if second := q.Encode(); string(second) != string(first) {
		t.Errorf("first save\n%s\nsecond\n%s", first, second)
	}
}
