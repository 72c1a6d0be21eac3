package catalog

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes the loader panic, and that a rejected
// input always comes with at least one located problem.
// Run: go test -run XXX -fuzz FuzzParse -fuzztime 60s ./catalog/
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.yaml"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("roles: [{id: a, span: {min: 1}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "f.yaml")
		if err == nil {
			if c == nil {
				t.Fatal("nil catalog without an error")
			}
			return
		}
		ps, ok := err.(Problems)
		if !ok || len(ps) == 0 {
			t.Fatalf("error %T %v is not a non-empty Problems", err, err)
		}
	})
}
