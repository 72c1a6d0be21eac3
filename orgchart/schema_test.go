package orgchart_test

import (
	"encoding/json"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// TestSchemaMatchesReader keeps docs/plan.schema.json in step with Read:
// the same plan and position fields, domains, limits and version.
func TestSchemaMatchesReader(t *testing.T) {
	data, err := os.ReadFile("../docs/plan.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Required   []string                   `json:"required"`
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       struct {
			Domain   struct{ Enum []string }  `json:"domain"`
			ID       struct{ Pattern string } `json:"id"`
			Position struct {
				Required   []string `json:"required"`
				Properties map[string]struct {
					Maximum float64 `json:"maximum"`
				} `json:"properties"`
			} `json:"position"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]json.RawMessage) []string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		sort.Strings(k)
		return k
	}
	if got, want := keys(s.Properties), []string{"catalog", "name", "policy", "positions", "scope", "version"}; !slices.Equal(got, want) {
		t.Errorf("schema plan fields %v, want %v", got, want)
	}
	if !strings.Contains(string(s.Properties["version"]), `"const": 1`) || orgchart.FormatVersion != 1 {
		t.Errorf("schema version const is not the format version")
	}
	var domains []string
	for _, d := range catalog.Domains {
		domains = append(domains, string(d))
	}
	if !slices.Equal(s.Defs.Domain.Enum, domains) {
		t.Errorf("schema domains %v, want %v", s.Defs.Domain.Enum, domains)
	}
	if s.Defs.ID.Pattern != "^[A-Za-z0-9._:-]{1,64}$" {
		t.Errorf("id pattern %q", s.Defs.ID.Pattern)
	}
	if s.Defs.Position.Properties["count"].Maximum != orgchart.MaxCount || s.Defs.Position.Properties["cost"].Maximum != orgchart.MaxCost {
		t.Errorf("schema limits differ from orgchart.MaxCount/MaxCost")
	}
	// The policy's rule ids are the checks engineer's.
	var pol struct {
		Definitions struct {
			Policy struct {
				Properties struct {
					Rules struct {
						PropertyNames struct{ Enum []string } `json:"propertyNames"`
					} `json:"rules"`
				} `json:"properties"`
			} `json:"policy"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(data, &pol); err != nil {
		t.Fatal(err)
	}
	if got := pol.Definitions.Policy.Properties.Rules.PropertyNames.Enum; !slices.Equal(got, orgchart.RuleIDs()) {
		t.Errorf("schema rule ids %v, want orgchart.RuleIDs() %v", got, orgchart.RuleIDs())
	}
	// Every position field in the schema is one Read accepts, and Read
	// refuses a field the schema does not list.
	var b strings.Builder
	b.WriteString("version: 1\npositions:\n  - id: a\n    role: chief-technology-officer\n  - id: b\n")
	for f := range s.Defs.Position.Properties {
		switch f {
		case "id":
		case "reportsTo":
			b.WriteString("    reportsTo: a\n")
		case "count", "cost":
			b.WriteString("    " + f + ": 2\n")
		case "dottedTo", "owns", "supports", "notOwns":
			b.WriteString("    " + f + ": []\n")
		case "role":
			b.WriteString("    role: software-engineer\n")
		default:
			b.WriteString("    " + f + ": text\n")
		}
	}
	if _, _, err := orgchart.Read([]byte(b.String()), "schema.yaml", builtin(t)); err != nil {
		t.Errorf("a plan with every schema field: %v", err)
	}
	if _, _, err := orgchart.Read([]byte(b.String()+"    extra: x\n"), "schema.yaml", builtin(t)); err == nil {
		t.Errorf("a field outside the schema was accepted")
	}
}
