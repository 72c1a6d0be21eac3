package orgchart_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
)

const ownershipPlan = `version: 1
name: Startup
positions:
  - id: cto
    role: chief-technology-officer
    owns: [sre-on-call, sre-slos]
    supports: [sec-governance]
    notOwns: [eng-technology-strategy]
  - id: eng
    role: software-engineer
    reportsTo: cto
`

func TestOwnershipRoundTrip(t *testing.T) {
	cat := builtin(t)
	p, _, err := orgchart.Read([]byte(ownershipPlan), "startup.yaml", cat)
	if err != nil {
		t.Fatal(err)
	}
	cto := p.Position("cto")
	owns, supports := cto.Capabilities(cat)
	if !slices.Contains(owns, "sre-on-call") || slices.Contains(owns, "eng-technology-strategy") {
		t.Errorf("owns = %v: want sre-on-call added and eng-technology-strategy dropped", owns)
	}
	if !slices.Contains(supports, "sec-governance") {
		t.Errorf("supports = %v, want sec-governance", supports)
	}
	if cto.RelationTo(cat, "eng-technology-strategy") != orgchart.RelNone {
		t.Error("notOwns left the role's ownership")
	}
	out := string(p.Encode())
	for _, want := range []string{"    owns: [sre-on-call, sre-slos]\n", "    supports: [sec-governance]\n", "    notOwns: [eng-technology-strategy]\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("encoded plan lacks %q:\n%s", want, out)
		}
	}
	q, _, err := orgchart.Read([]byte(out), "again.yaml", cat)
	if err != nil {
		t.Fatal(err)
	}
	if again := string(q.Encode()); again != out {
		t.Errorf("second encode differs:\n%s\n---\n%s", out, again)
	}
}

func TestOwnershipUnknownID(t *testing.T) {
	cat := builtin(t)
	bad := strings.Replace(ownershipPlan, "owns: [sre-on-call, sre-slos]", "owns: [sre-on-call,\n      sre-slox]", 1)
	_, _, err := orgchart.Read([]byte(bad), "startup.yaml", cat)
	if err == nil {
		t.Fatal("an unknown capability id was accepted")
	}
	msg := err.Error()
	for _, want := range []string{"startup.yaml:7", `"sre-slox"`, "not a catalog capability", "closest: sre-slos"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	contra := strings.Replace(ownershipPlan, "notOwns: [eng-technology-strategy]", "notOwns: [sre-slos]", 1)
	if _, _, err := orgchart.Read([]byte(contra), "startup.yaml", cat); err == nil || !strings.Contains(err.Error(), "both owns and notOwns") {
		t.Errorf("owns and notOwns of one id: err = %v", err)
	}
}

func TestSetRelationUndo(t *testing.T) {
	cat := builtin(t)
	p, _, err := orgchart.Read([]byte(ownershipPlan), "startup.yaml", cat)
	if err != nil {
		t.Fatal(err)
	}
	e := orgchart.NewEditor(p)
	e.SetCatalog(cat)
	cto := p.Position("cto")
	steps := []struct {
		capID string
		rel   orgchart.Relation
	}{
		{"eng-technology-strategy", orgchart.RelOwns},     // back to the role's: notOwns emptied
		{"sre-on-call", orgchart.RelSupports},             // added ownership becomes support
		{"eng-technology-strategy", orgchart.RelSupports}, // role-owned demoted
		{"sec-governance", orgchart.RelNone},
	}
	for _, s := range steps {
		if err := e.SetRelation("cto", s.capID, s.rel); err != nil {
			t.Fatal(err)
		}
		if got := cto.RelationTo(cat, s.capID); got != s.rel {
			t.Errorf("after SetRelation(%s, %v): relation %v", s.capID, s.rel, got)
		}
	}
	if !slices.Equal(cto.NotOwns, []string{"eng-technology-strategy"}) || slices.Contains(cto.Supports, "sec-governance") {
		t.Errorf("lists after edits: owns %v supports %v notOwns %v", cto.Owns, cto.Supports, cto.NotOwns)
	}
	for range steps {
		if !e.Undo() {
			t.Fatal("undo failed")
		}
	}
	if got := string(p.Encode()); !strings.Contains(got, "owns: [sre-on-call, sre-slos]") || !strings.Contains(got, "notOwns: [eng-technology-strategy]") {
		t.Errorf("undo did not restore the lists:\n%s", got)
	}
	if err := e.SetRelation("cto", "sre-oncall", orgchart.RelOwns); err == nil || !strings.Contains(err.Error(), "closest") {
		t.Errorf("unknown capability: err = %v", err)
	}
}

// A hostile plan with a huge owns list is refused at once, not checked for
// repeats item by item against every other item.
func TestOwnershipListBounded(t *testing.T) {
	cat := builtin(t)
	ids := strings.Repeat("sre-on-call, ", 200_000)
	text := "version: 1\npositions:\n  - id: a\n    role: chief-technology-officer\n    owns: [" + ids + "sre-on-call]\n"
	// Checked pair by pair this would take hours: the test timeout catches it.
	_, _, err := orgchart.Read([]byte(text), "big.yaml", cat)
	if err == nil || !strings.Contains(err.Error(), "more than the 500 a position may") {
		t.Fatalf("err = %v", err)
	}
}
