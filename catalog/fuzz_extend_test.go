package catalog_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
)

// FuzzCatalogExtend feeds arbitrary user catalog files to Default().Extend,
// the path every `--catalog FILE` and plan `catalog:` takes: no panic; a
// refusal is a non-empty Problems, each naming a file and, for the input, a
// line inside it; an accepted file gives a catalog whose lookups find every
// role it lists; the built-in catalog is never changed.
// Fuzz: go test -tags ci -run '^$' -fuzz '^FuzzCatalogExtend$' -parallel 1 -fuzztime 10m ./catalog/
func FuzzCatalogExtend(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/hostile/catalogs/*.yaml")
	if len(seeds) < 20 {
		f.Fatalf("only %d hostile catalogs found as seeds", len(seeds))
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	base, err := catalog.Default()
	if err != nil {
		f.Fatal(err)
	}
	roles, caps, conflicts := len(base.Roles), len(base.Capabilities), len(base.Conflicts)
	first := *base.Roles[0]
	const file = "user-catalog.yaml"
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := base.Extend(data, file)
		if len(base.Roles) != roles || len(base.Capabilities) != caps || len(base.Conflicts) != conflicts ||
			base.Roles[0].ID != first.ID || base.Roles[0].Title != first.Title || base.Role(first.ID) != base.Roles[0] {
			t.Fatal("Extend changed the built-in catalog")
		}
		if err != nil {
			var ps catalog.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %T is not a non-empty catalog.Problems: %v", err, err)
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
			return
		}
		if c == nil {
			t.Fatal("nil catalog without an error")
		}
		for _, r := range c.Roles {
			if r.ID == "" || c.Role(r.ID) == nil {
				t.Fatalf("accepted role %q is not found by its id", r.ID)
			}
		}
		for _, k := range c.Capabilities {
			if k.ID == "" || c.Capability(k.ID) == nil {
				t.Fatalf("accepted capability %q is not found by its id", k.ID)
			}
		}
	})
}

// yamlLines is an upper bound of the lines YAML sees in data: a lone "\r"
// and the breaks NEL, LS and PS end a line too. A file with a UTF-16
// byte-order mark has no meaningful byte lines (and broken UTF-16 none at
// all): any line is accepted there.
func yamlLines(data []byte) int {
	if len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		return math.MaxInt
	}
	n := 1
	for _, r := range string(data) {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}
