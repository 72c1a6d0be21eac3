package catalog

import (
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
