package catalog

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/orgplanner/orgplanner/assets"
)

// seedFile lists the 30 leadership roles the built-in catalog must hold, one
// title a line, exactly as the role blueprints that the catalog was written from
// name them.
const seedFile = "testdata/seed-titles.txt"

// seedTitles reads the role titles from the seed list.
func seedTitles(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatalf("reading the seed titles: %v", err)
	}
	var titles []string
	for _, line := range strings.Split(string(data), "\n") {
		if title := strings.TrimSpace(line); title != "" {
			titles = append(titles, title)
		}
	}
	if len(titles) != 30 {
		t.Fatalf("found %d titles in %s, want 30", len(titles), seedFile)
	}
	return titles
}

func loadDefault(t *testing.T) *Catalog {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatalf("the built-in catalog does not load:\n%v", err)
	}
	return c
}

func TestDefaultHoldsEverySeedRole(t *testing.T) {
	c := loadDefault(t)
	for _, title := range seedTitles(t) {
		id := IDFromTitle(title)
		r := c.Role(id)
		switch {
		case r == nil:
			t.Errorf("seed role %q (id %s) is missing", title, id)
		case r.Title != title:
			t.Errorf("role %s has title %q, want exactly %q", id, r.Title, title)
		case r.Individual:
			t.Errorf("seed role %s is a leadership role, not an individual contributor", id)
		}
	}
}

// TestDefaultLeadershipRolesComplete checks that every leadership role carries a
// whole blueprint.
func TestDefaultLeadershipRolesComplete(t *testing.T) {
	c := loadDefault(t)
	leaders := 0
	for _, r := range c.Roles {
		if r.Individual {
			continue
		}
		leaders++
		bad := func(format string, args ...any) {
			t.Helper()
			t.Errorf("role %s (%s): "+format, append([]any{r.ID, r.Source}, args...)...)
		}
		if r.Title == "" || r.Summary == "" || len(r.Domains) == 0 || r.Level == "" || r.Span == nil {
			bad("title, summary, domains, level and span are all required")
		}
		if n := len(r.Responsibilities); n < 6 || n > 12 {
			bad("%d responsibilities, want 6-12", n)
		}
		groups := map[string]bool{}
		for _, x := range r.Responsibilities {
			groups[x.Group] = true
		}
		if len(groups) < 3 {
			bad("responsibilities fall in only %d groups; a blueprint spans at least 3", len(groups))
		}
		if n := len(r.KPIs); n < 3 || n > 6 {
			bad("%d KPIs, want 3-6", n)
		}
		if len(r.Skills) == 0 {
			bad("no skills")
		}
		// The chief executive tops the organisation: nothing above it, no next
		// role, and every capability is delegated to (owned by) an executive below.
		if r.ID != "chief-executive-officer" {
			if len(r.ReportsTo) == 0 {
				bad("no reportsTo")
			}
			if len(r.CareerPath) == 0 {
				bad("no careerPath")
			}
			if len(r.Owns) == 0 {
				bad("owns no capability")
			}
		}
		if len(r.Supports) == 0 {
			bad("supports no capability")
		}
		if r.Span != nil && (r.Span.Min < 1 || r.Span.Max > 20 || r.Span.Max < r.Span.Min) {
			bad("span %d-%d is outside the published 1-20 band", r.Span.Min, r.Span.Max)
		}
	}
	if leaders < 30 {
		t.Errorf("%d leadership roles, want at least the 30 seed roles", leaders)
	}
}

func TestDefaultIndividualContributors(t *testing.T) {
	c := loadDefault(t)
	for _, id := range []string{
		"software-engineer", "site-reliability-engineer", "security-engineer", "security-analyst",
		"privacy-engineer", "platform-engineer", "cloud-engineer", "devops-engineer", "network-engineer",
		"systems-engineer", "it-support-specialist", "qa-engineer", "product-manager", "product-designer",
		"data-engineer", "data-scientist", "ml-engineer", "data-analyst", "technical-program-manager", "team-member",
	} {
		r := c.Role(id)
		switch {
		case r == nil:
			t.Errorf("individual-contributor role %s is missing", id)
		case !r.Individual || r.Level != LevelIndividual:
			t.Errorf("role %s must be individual with level individual, got individual=%v level=%q", id, r.Individual, r.Level)
		case r.Title == "" || r.Summary == "":
			t.Errorf("role %s needs a title and a summary", id)
		}
	}
	if tm := c.Role("team-member"); tm != nil && tm.Title != "Team member" {
		t.Errorf("team-member title = %q, want \"Team member\"", tm.Title)
	}
}

func TestDefaultCapabilityTaxonomy(t *testing.T) {
	c := loadDefault(t)
	if n := len(c.Capabilities); n < 60 || n > 120 {
		t.Errorf("%d capabilities, want 60-120", n)
	}
	owners := map[string]int{}
	for _, r := range c.Roles {
		for _, id := range r.Owns {
			owners[id]++
		}
	}
	perDomain := map[Domain]int{}
	for _, k := range c.Capabilities {
		perDomain[k.Domain]++
		if owners[k.ID] == 0 {
			t.Errorf("capability %s is owned by no role", k.ID)
		}
		if len(k.Refs) == 0 {
			t.Errorf("capability %s cites no framework", k.ID)
		}
		if !strings.HasPrefix(k.ID, strings.ToLower(string(k.Domain))+"-") {
			t.Errorf("capability %s should be prefixed by its domain %s", k.ID, k.Domain)
		}
	}
	for _, d := range Domains {
		if perDomain[d] < 5 {
			t.Errorf("domain %s has %d capabilities, want at least 5", d, perDomain[d])
		}
		if len(c.RolesIn(d)) == 0 {
			t.Errorf("no role in domain %s", d)
		}
	}
	// A 40-person startup still needs an owner for these.
	for _, id := range []string{"sec-incident-response", "sec-identity-access", "sre-on-call", "sre-incident-response", "eng-software-development", "plat-ci-cd"} {
		if k := c.Capability(id); k == nil || !k.RequiredAt(40) {
			t.Errorf("capability %s must be required at 40 people", id)
		}
	}
	// ...but not a formal enterprise architecture practice or a privacy office.
	for _, id := range []string{"it-enterprise-architecture", "priv-program-governance", "it-supplier-management"} {
		if k := c.Capability(id); k == nil || k.RequiredAt(40) || !k.RequiredAt(1000) {
			t.Errorf("capability %s should be required only from a few hundred people", id)
		}
	}
}

func TestDefaultConflicts(t *testing.T) {
	c := loadDefault(t)
	if n := len(c.Conflicts); n < 8 || n > 40 {
		t.Errorf("%d conflicts, want 8-40", n)
	}
	for _, pair := range [][2]string{
		{"director-of-it-operations", "chief-information-security-officer"},
		{"it-operations-manager", "chief-information-security-officer"},
		{"vp-of-it", "chief-information-security-officer"},
		{"head-of-it", "chief-information-security-officer"},
		{"vp-of-infrastructure-engineering", "chief-information-security-officer"},
		{"chief-data-officer", "privacy-engineering-manager"},
		{"chief-data-officer", "data-protection-officer"},
		{"software-engineering-manager", "qa-engineering-manager"},
		{"software-engineering-manager", "product-security-manager"},
		{"software-engineering-manager", "privacy-engineering-manager"},
	} {
		if x := c.Conflict(pair[0], pair[1]); x == nil || len(x.Reason) < 40 {
			t.Errorf("conflict %s -> %s missing or without a reason", pair[0], pair[1])
		}
	}
}

// TestDefaultFreshEachCall guards against a hidden package-level cache: two
// calls return independent catalogs.
func TestDefaultFreshEachCall(t *testing.T) {
	a, b := loadDefault(t), loadDefault(t)
	if a == b || a.Roles[0] == b.Roles[0] {
		t.Error("Default returned shared state")
	}
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkYAMLParseOnly is the floor under BenchmarkDefault: parsing the
// embedded files into yaml.Node trees, with no decoding or validation.
func BenchmarkYAMLParseOnly(b *testing.B) {
	var files [][]byte
	entries, err := fs.ReadDir(assets.CatalogFiles, assets.CatalogDir)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(assets.CatalogFiles, path.Join(assets.CatalogDir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range files {
			var n yaml.Node
			if err := yaml.Unmarshal(data, &n); err != nil {
				b.Fatal(err)
			}
		}
	}
}
