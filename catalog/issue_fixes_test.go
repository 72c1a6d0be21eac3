package catalog

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// mcKinseyBand is the archetype whose band (player-coach 3-5, coach 6-7,
// supervisor 8-10, facilitator 11-15, coordinator 15+) holds a span's midpoint.
func mcKinseyBand(s *Span) Archetype {
	switch mid := (s.Min + s.Max) / 2; {
	case mid <= 5:
		return PlayerCoach
	case mid <= 7:
		return Coach
	case mid <= 10:
		return Supervisor
	case mid <= 15:
		return Facilitator
	}
	return Coordinator
}

func TestDefaultArchetypesFollowMcKinseyBands(t *testing.T) {
	c := loadDefault(t)
	for _, r := range c.Roles {
		if r.Span == nil {
			continue
		}
		if want := mcKinseyBand(r.Span); r.Span.Archetype != want {
			t.Errorf("role %s: span %d-%d labelled %s, McKinsey's band is %s", r.ID, r.Span.Min, r.Span.Max, r.Span.Archetype, want)
		}
	}
	// Hands-on leaders who do much of the work themselves get player-coach ranges.
	for _, id := range []string{"product-security-manager", "privacy-engineering-manager", "chief-ai-officer", "chief-privacy-officer"} {
		if r := c.Role(id); r == nil || r.Span.Archetype != PlayerCoach {
			t.Errorf("role %s should be a player-coach", id)
		}
	}
}

func TestDefaultReviewFixes(t *testing.T) {
	c := loadDefault(t)
	owns := func(role, capID string) bool {
		r := c.Role(role)
		return r != nil && contains(r.Owns, capID)
	}
	for _, x := range [][2]string{
		{"chief-ai-officer", "data-ai-strategy"},
		{"vp-of-it", "it-corporate-network"},
		{"head-of-it", "it-corporate-network"},
		{"software-engineering-manager", "eng-service-on-call"},
		{"chief-privacy-officer", "priv-program-governance"},
		{"data-protection-officer", "priv-program-governance"},
	} {
		if !owns(x[0], x[1]) {
			t.Errorf("%s should own %s", x[0], x[1])
		}
	}
	if owns("chief-information-security-officer", "priv-program-governance") {
		t.Error("the CISO still owns privacy programme governance")
	}
	if r := c.Role("vp-of-infrastructure-engineering"); !contains(r.Supports, "plat-ci-cd") && !contains(r.Owns, "plat-ci-cd") {
		t.Error("the VP of Infrastructure Engineering does not touch CI/CD")
	}
	if k := c.Capability("it-digital-transformation"); !k.RequiredAt(1000) {
		t.Error("the Chief Digital Officer's capability is never required")
	}
	if got := c.Canonical("site-reliability-engineering-manager"); got != "sre-manager" {
		t.Errorf("Canonical(site-reliability-engineering-manager) = %q", got)
	}
	if got := c.Canonical("data-protection-officer"); got != "chief-privacy-officer" {
		t.Errorf("Canonical(data-protection-officer) = %q", got)
	}
	for _, id := range []string{"eng-technology-strategy", "sec-governance", "prod-vision-strategy", "data-ai-strategy"} {
		if k := c.Capability(id); k == nil || !k.SingleOwner {
			t.Errorf("capability %s should be singleOwner", id)
		}
	}
	for _, s := range c.Role("chief-information-security-officer").Skills {
		if s == "Security frameworks (NIST CSF" {
			t.Error("a CISO skill is still split by its comma")
		}
	}
	if !contains(c.Role("chief-information-security-officer").Audits, "it-endpoint-management") {
		t.Error("the CISO should audit the endpoints IT runs")
	}
	if got := c.DomainsOwned("vp-of-it"); len(got) != 1 || got[0] != IT {
		t.Errorf("DomainsOwned(vp-of-it) = %v", got)
	}
	if LevelVP.Rank() <= LevelDirector.Rank() || LevelHead.Rank() != LevelDirector.Rank() || LevelIndividual.Rank() != 0 {
		t.Error("level ranks out of order")
	}
}

func TestSameAsAndAuditsValidated(t *testing.T) {
	base := loadDefault(t)
	bad := []byte(`roles:
  - id: sre-lead
    title: SRE Lead
    domains: [SRE]
    level: manager
    summary: Leads SREs.
    span: {min: 3, max: 5, archetype: player-coach}
    sameAs: sre-manger
    owns: [sre-slos]
    audits: [sre-slos, sre-slox]
`)
	_, err := base.Extend(bad, "extra.yaml")
	if err == nil {
		t.Fatal("bad sameAs and audits accepted")
	}
	for _, want := range []string{`sameAs names unknown role "sre-manger"`, `both owned and audited`, `audits names unknown capability "sre-slox"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestSyntaxErrorOnLongLineOfBigFile: a syntax error on a 600 KB line near
// the top of a file past the 512 KB that are searched whole is placed on its
// own line (yaml.v3 says the line above it for a flow list left open).
func TestSyntaxErrorOnLongLineOfBigFile(t *testing.T) {
	for _, size := range []int{300 << 10, 600 << 10, 3 << 20} {
		data := []byte("version: 1\npositions: []\nname: [" + strings.Repeat("x", size) + " : : ]]\n")
		var n yaml.Node
		err := yaml.Unmarshal(data, &n)
		if err == nil {
			t.Fatal("no syntax error")
		}
		if line, msg := YAMLSyntaxError(data, err); line != 3 {
			t.Errorf("%d bytes: line %d (%s), want 3", len(data), line, msg)
		}
	}
	// At the end of a 9 MB file the search would cost too much: yaml's line stays.
	big := []byte("version: 1\nname: " + strings.Repeat("x", 9<<20) + "\npositions: []\nname: [a : : ]]\n")
	var n yaml.Node
	err := yaml.Unmarshal(big, &n)
	if line, _ := YAMLSyntaxError(big, err); line < 3 || line > 4 {
		t.Errorf("9 MB: line %d, want yaml's own (3) or the right one (4)", line)
	}
}
