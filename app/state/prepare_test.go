package state

import (
	"reflect"
	"testing"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// A plan opened prepared shows its layout at once (the overview Load
// gives) and its report when the check arrives: the report Run gives.
func TestLoadPreparedShowsTheLayoutThenTheReport(t *testing.T) {
	cat := apptest.Catalog(t)
	s := New(cat)
	var changes []Change
	s.Listen(func(c Change) { changes = append(changes, c) })
	p := generate.Shaped(3000, 4)
	installs := make(chan func(), 1)
	s.LoadPrepared(Prepare(p, cat), "plan.yaml", func(install func()) { installs <- install })
	if s.Plan() != p || s.Path() != "plan.yaml" || s.Layout() == nil || len(s.Layout().Cards) == 0 {
		t.Fatal("the prepared plan is not open with its layout")
	}
	want := layout.Compute(p, layout.Options{Collapsed: overview(p)})
	if got := s.Layout(); len(got.Cards) != len(want.Cards) || got.Width != want.Width || got.Height != want.Height {
		t.Errorf("prepared layout %d cards %.0fx%.0f, Load's would be %d cards %.0fx%.0f",
			len(got.Cards), got.Width, got.Height, len(want.Cards), want.Width, want.Height)
	}
	if len(changes) != 1 || changes[0]&ChangedFile == 0 {
		t.Fatalf("opening notified %v", changes)
	}
	(<-installs)()
	if s.Checking() {
		t.Fatal("still checking after the report was installed")
	}
	if got, want := s.Report(), check.Run(p, cat); len(got.Findings) != len(want.Findings) || !reflect.DeepEqual(got.Summary, want.Summary) {
		t.Fatalf("report after the check: %d findings, Run gives %d", len(got.Findings), len(want.Findings))
	}
	if len(changes) != 2 || changes[1] != ChangedPlan {
		t.Fatalf("the arrived report notified %v, want one ChangedPlan", changes)
	}
}

// An edit made before the check arrives waits for it, and a report that
// arrives after another plan was opened is dropped.
func TestLoadPreparedEditWaitsForTheCheck(t *testing.T) {
	cat := apptest.Catalog(t)
	s := New(cat)
	p := generate.Shaped(2000, 5)
	installs := make(chan func(), 1)
	s.LoadPrepared(Prepare(p, cat), "", func(install func()) { installs <- install })
	if _, err := s.Add("software-engineer", p.Tops()[0].ID); err != nil {
		t.Fatal(err)
	}
	if s.Checking() {
		t.Fatal("an edit did not wait for the check")
	}
	if got, want := s.Report(), check.Run(p, cat); len(got.Findings) != len(want.Findings) {
		t.Fatalf("after the edit: %d findings, Run gives %d", len(got.Findings), len(want.Findings))
	}
	before := s.Report()
	(<-installs)() // already installed by the edit: nothing happens
	if s.Report() != before {
		t.Error("the late report replaced the edit's")
	}

	s.LoadPrepared(Prepare(generate.Shaped(500, 6), cat), "", func(install func()) { installs <- install })
	other := generate.Shaped(300, 7)
	s.Load(other, cat, "")
	(<-installs)()
	if got, want := s.Report(), check.Run(other, cat); len(got.Findings) != len(want.Findings) {
		t.Fatalf("a late report of the plan before replaced the open plan's: %d findings, want %d", len(got.Findings), len(want.Findings))
	}
}
