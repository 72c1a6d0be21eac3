package orgchart

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// TestWriteAtomicFailureMidWrite: when writing the temporary file fails
// half-way, the old file is intact and no temporary file is left.
func TestWriteAtomicFailureMidWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	os.WriteFile(path, []byte("old content\n"), 0o644)
	boom := errors.New("disk full")
	err := writeAtomic(path, func(f *os.File) error {
		f.Write([]byte("version: 1\npositions:\n  - id: half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old content\n" {
		t.Errorf("old file changed: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left: %v", entries)
	}
}

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

// TestWriteRemovesStaleTemps: temporary files of killed saves of the same
// plan are removed once they are an hour old; fresh ones and other files stay.
func TestWriteRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan[1].yaml")
	stale := filepath.Join(dir, ".plan[1].yaml.saving-123")
	fresh := filepath.Join(dir, ".plan[1].yaml.saving-456")
	other := filepath.Join(dir, ".other.yaml.saving-789")
	for _, f := range []string{stale, fresh, other} {
		os.WriteFile(f, []byte("half a plan"), 0o600)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := WriteFile(path, NewPlan("x")); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]bool{stale: false, fresh: true, other: true, path: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(f), err == nil, want)
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
