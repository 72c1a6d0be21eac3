package orgchart_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

const commentedPlan = `# yaml-language-server: $schema=plan.schema.json

# Draft for the 2027 review.
version: 1 # bumped by hand
# The name the board knows.
name: Platform
# Positions, top first.
positions:
  # TODO: hire before Q2
  - id: a # the boss
    role: sre-manager
    # interim until March
    holder: Ann Lee # acting
    # keep this note
  # the team
  - id: b
    role: sre-manager
    holder: Bo
    reportsTo: a # moves in June
    notes: second line # notes comment
# end of plan
`

// TestCommentsKeptThroughLoadEditSave: every comment a person writes stays
// attached to the position or field it precedes through load, edits with
// undo (as the app makes them) and save (issue 13: fmt dropped a # TODO).
func TestCommentsKeptThroughLoadEditSave(t *testing.T) {
	cat := builtin(t)
	p, _, err := orgchart.Read([]byte(commentedPlan), "c.yaml", cat)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(p.Encode()); got != commentedPlan {
		t.Fatalf("fmt of a canonical commented plan changed it:\n%s", got)
	}
	e := orgchart.NewEditor(p)
	if err := e.Update("b", func(pos *orgchart.Position) { pos.Holder = "Bea" }); err != nil {
		t.Fatal(err)
	}
	if err := e.Update("a", func(pos *orgchart.Position) { pos.Holder = "" }); err != nil { // the commented field goes
		t.Fatal(err)
	}
	if _, err := e.Add("sre-manager", "a"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.yaml")
	if err := orgchart.WriteFile(path, e.Plan(), safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	for _, c := range []string{"# Draft for the 2027 review.", "version: 1 # bumped by hand", "# The name the board knows.\nname: Platform",
		"# Positions, top first.\npositions:", "  # TODO: hire before Q2\n  - id: a # the boss", "# interim until March", "# acting",
		"# keep this note", "  # the team\n  - id: b", "reportsTo: a # moves in June", "notes: second line # notes comment", "# end of plan"} {
		if !strings.Contains(string(saved), c) {
			t.Errorf("the saved plan lost %q:\n%s", c, saved)
		}
	}
	q, _, err := orgchart.Read(saved, path, cat)
	if err != nil {
		t.Fatalf("the saved plan does not load: %v\n%s", err, saved)
	}
	if again := q.Encode(); string(again) != string(saved) {
		t.Errorf("not stable:\n%s\n---\n%s", saved, again)
	}
}
