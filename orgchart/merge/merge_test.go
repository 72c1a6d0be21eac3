package merge_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/merge"
)

const base = `version: 1
name: Base
positions:
  - id: cto
    role: chief-technology-officer
    holder: Ada
  - id: em1
    role: software-engineering-manager
    title: EM Payments
    reportsTo: cto
  - id: em2
    role: software-engineering-manager
    title: EM Growth
    reportsTo: cto
  - id: dev1
    role: software-engineer
    reportsTo: em1
    count: 4
  - id: dev2
    role: software-engineer
    reportsTo: em2
`

func read(t *testing.T, cat *catalog.Catalog, src string) *orgchart.Plan {
	t.Helper()
	p, _, err := orgchart.Read([]byte(src), "test.yaml", cat)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return p
}

func builtin(t *testing.T) *catalog.Catalog {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// edit applies text replacements to the base plan.
func edit(pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(base)
}

func mergeOf(t *testing.T, ours, theirs string) (*merge.Result, string) {
	t.Helper()
	cat := builtin(t)
	res := merge.Merge(read(t, cat, base), read(t, cat, ours), read(t, cat, theirs), cat)
	out := string(res.Plan.Encode())
	// The merged plan always loads, and is canonical.
	p := read(t, cat, out)
	if again := string(p.Encode()); again != out {
		t.Errorf("merged plan is not canonical:\n%s\nre-encoded:\n%s", out, again)
	}
	return res, out
}

func TestIndependentEditsMergeCleanly(t *testing.T) {
	// Ours moves the Growth team under Payments; theirs renames the CTO and
	// grows the Payments team.
	ours := edit("    reportsTo: em2\n", "    reportsTo: em1\n")
	theirs := edit("holder: Ada", "holder: Grace", "count: 4", "count: 6")
	res, out := mergeOf(t, ours, theirs)
	if len(res.Conflicts) != 0 {
		t.Fatalf("conflicts: %v", res.Conflicts)
	}
	p := read(t, nil, out)
	if p.Position("dev2").ReportsTo != "em1" || p.Position("cto").Holder != "Grace" || p.Position("dev1").Count != 6 {
		t.Errorf("merged:\n%s", out)
	}
}

func TestAddsAndRemovesOnBothSides(t *testing.T) {
	ours := base + "  - id: sre\n    role: site-reliability-engineer\n    reportsTo: cto\n"
	theirs := strings.Replace(base, "  - id: dev2\n    role: software-engineer\n    reportsTo: em2\n", "", 1) +
		"  - id: pm\n    role: product-manager\n    reportsTo: cto\n"
	res, out := mergeOf(t, ours, theirs)
	if len(res.Conflicts) != 0 {
		t.Fatalf("conflicts: %v", res.Conflicts)
	}
	p := read(t, nil, out)
	if p.Position("sre") == nil || p.Position("pm") == nil || p.Position("dev2") != nil {
		t.Errorf("merged:\n%s", out)
	}
}

func TestSameFieldTwoWaysConflicts(t *testing.T) {
	res, out := mergeOf(t, edit("holder: Ada", "holder: Grace"), edit("holder: Ada", "holder: Linus"))
	if len(res.Conflicts) != 1 || res.Conflicts[0].Field != "holder" || res.Conflicts[0].ID != "cto" {
		t.Fatalf("conflicts: %v", res.Conflicts)
	}
	c := res.Conflicts[0]
	if !strings.Contains(c.Title, "Chief Technology Officer") && !strings.Contains(c.Title, "CTO") {
		t.Errorf("conflict title %q does not name the position", c.Title)
	}
	if !strings.Contains(out, "# "+merge.ConflictMarker) || !strings.Contains(out, `ours "Grace", theirs "Linus"`) {
		t.Errorf("conflict not recorded in the plan:\n%s", out)
	}
	if p := read(t, nil, out); p.Position("cto").Holder != "Grace" {
		t.Errorf("did not keep ours")
	}
	// The conflict is marked above its position, the count at the top.
	if !regexp.MustCompile(`(?m)^  # MERGE CONFLICT: .* holder: ours "Grace", theirs "Linus"; kept ours\n  - id: cto\n`).MatchString(out) ||
		!strings.HasPrefix(out, "# MERGE CONFLICT: 1 conflicts") {
		t.Errorf("conflict not marked at its position:\n%s", out)
	}
	// The same change on both sides is no conflict.
	if res, _ := mergeOf(t, edit("holder: Ada", "holder: Grace"), edit("holder: Ada", "holder: Grace")); len(res.Conflicts) != 0 {
		t.Errorf("same change: %v", res.Conflicts)
	}
}

func TestRemovedVersusEdited(t *testing.T) {
	removed := strings.Replace(base, "  - id: dev2\n    role: software-engineer\n    reportsTo: em2\n", "", 1)
	edited := strings.Replace(base, "    reportsTo: em2\n", "    reportsTo: em2\n    holder: Kai\n", 1)
	for name, sides := range map[string][2]string{"ours removes": {removed, edited}, "theirs removes": {edited, removed}} {
		res, out := mergeOf(t, sides[0], sides[1])
		if len(res.Conflicts) != 1 || res.Conflicts[0].ID != "dev2" || res.Conflicts[0].Field != "position" {
			t.Errorf("%s: conflicts %v", name, res.Conflicts)
			continue
		}
		if p := read(t, nil, out); p.Position("dev2") == nil || p.Position("dev2").Holder != "Kai" {
			t.Errorf("%s: the edit is lost:\n%s", name, out)
		}
	}
	// Removed on one side, untouched on the other: removed.
	if res, out := mergeOf(t, removed, base); len(res.Conflicts) != 0 || strings.Contains(out, "id: dev2") {
		t.Errorf("clean removal: %v\n%s", res.Conflicts, out)
	}
}

func TestMovesThatMakeACycleConflict(t *testing.T) {
	// Ours puts EM Growth under EM Payments, theirs EM Payments under EM Growth.
	ours := strings.Replace(base, "    title: EM Growth\n    reportsTo: cto\n", "    title: EM Growth\n    reportsTo: em1\n", 1)
	theirs := strings.Replace(base, "    title: EM Payments\n    reportsTo: cto\n", "    title: EM Payments\n    reportsTo: em2\n", 1)
	res, out := mergeOf(t, ours, theirs)
	if len(res.Conflicts) != 1 || res.Conflicts[0].Field != "reportsTo" || !strings.Contains(res.Conflicts[0].Message, "cycle") {
		t.Fatalf("conflicts: %v", res.Conflicts)
	}
	p := read(t, nil, out)
	if p.Position("em1").ReportsTo != "cto" || p.Position("em2").ReportsTo != "em1" {
		t.Errorf("did not keep ours:\n%s", out)
	}
	if !strings.Contains(res.Conflicts[0].String(), `"EM Payments, vacant"`) {
		t.Errorf("conflict does not name the positions: %s", res.Conflicts[0])
	}
}

func TestReportUnderRemovedManagerKeepsIt(t *testing.T) {
	// Ours removes EM Growth and its report; theirs adds a report under it.
	ours := strings.Replace(strings.Replace(base, "  - id: em2\n    role: software-engineering-manager\n    title: EM Growth\n    reportsTo: cto\n", "", 1),
		"  - id: dev2\n    role: software-engineer\n    reportsTo: em2\n", "", 1)
	theirs := base + "  - id: dev3\n    role: software-engineer\n    reportsTo: em2\n"
	res, out := mergeOf(t, ours, theirs)
	p := read(t, nil, out)
	if p.Position("dev3") == nil || p.Position("em2") == nil || len(res.Conflicts) == 0 {
		t.Errorf("conflicts %v\n%s", res.Conflicts, out)
	}
}

func TestPlanFieldsAndOwnership(t *testing.T) {
	ours := edit("name: Base", "name: Ours")
	theirs := edit("    holder: Ada\n", "    holder: Ada\n    owns: [it-service-desk]\n")
	res, out := mergeOf(t, ours, theirs)
	if len(res.Conflicts) != 0 || !strings.Contains(out, "name: Ours") || !strings.Contains(out, "owns: [it-service-desk]") {
		t.Errorf("conflicts %v\n%s", res.Conflicts, out)
	}
	res, _ = mergeOf(t, edit("name: Base", "name: Ours"), edit("name: Base", "name: Theirs"))
	if len(res.Conflicts) != 1 || res.Conflicts[0].ID != "" || res.Conflicts[0].Field != "name" {
		t.Errorf("plan name conflict: %v", res.Conflicts)
	}
}

// Comments travel with their position: one side comments a position while
// the other changes its holder, and the merge keeps both.
func TestMergeKeepsComments(t *testing.T) {
	ours := strings.Replace(base, "  - id: em1\n", "  # TODO: hire for Payments\n  - id: em1\n", 1)
	theirs := strings.Replace(base, "    title: EM Payments\n", "    title: EM Payments\n    holder: Kai\n", 1)
	res, out := mergeOf(t, ours, theirs)
	if len(res.Conflicts) != 0 || !strings.Contains(out, "  # TODO: hire for Payments\n  - id: em1\n") || !strings.Contains(out, "holder: Kai") {
		t.Errorf("conflicts %v\n%s", res.Conflicts, out)
	}
}

// Conflicting values holding control characters and line separators are
// quoted in the conflict comment, so the merged plan still loads.
func TestConflictCommentsStayComments(t *testing.T) {
	res, out := mergeOf(t, edit("holder: Ada", `holder: "Eve\e]0;x\a\u2028\u202e"`), edit("holder: Ada", `holder: "Bob\x85\n# not a comment"`))
	if len(res.Conflicts) != 1 || strings.ContainsAny(out, "\x1b\u2028\u0085") {
		t.Errorf("conflicts %v\n%q", res.Conflicts, out)
	}
}
