package catalog

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDocsExampleValidates keeps the example in docs/catalog.md honest: it
// must extend the built-in catalog without a problem.
func TestDocsExampleValidates(t *testing.T) {
	doc, err := os.ReadFile("../docs/catalog.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```yaml\n")
	example, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("docs/catalog.md has no ```yaml example")
	}
	c, err := loadDefault(t).Extend([]byte(example), "docs/catalog.md example")
	if err != nil {
		t.Fatalf("the documented example does not validate:\n%v", err)
	}
	if c.Role("cloud-security-manager") == nil || c.Capability("sec-insider-risk") == nil {
		t.Error("the example's role or capability is missing after Extend")
	}
}

// TestDocsStateTheCatalogFileLimit: the documented size of a catalog file is
// the one enforced (issue 14: the docs said 32 MB, the code refused past 4).
func TestDocsStateTheCatalogFileLimit(t *testing.T) {
	want := fmt.Sprintf("%d MB (`catalog.MaxFileSize`", MaxFileSize>>20)
	for _, doc := range []string{"../docs/reliability.md", "../docs/plan-format.md"} {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s does not say %q", doc, want)
		}
	}
	big := make([]byte, MaxFileSize+1)
	if _, err := Parse(big, "big.yaml"); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%d MB", MaxFileSize>>20)) {
		t.Errorf("a catalog of MaxFileSize+1 bytes: %v", err)
	}
}
