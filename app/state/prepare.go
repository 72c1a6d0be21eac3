package state

import (
	"maps"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// Prepared is a plan laid out away from the window's thread, its check
// under way on another goroutine: what LoadPrepared makes the open plan.
// A plan of 20,000 positions is then shown as soon as it is laid out, and
// its findings follow when the check is done.
type Prepared struct {
	plan      *orgchart.Plan
	cat       *catalog.Catalog
	collapsed map[string]bool
	eng       *layout.Engine
	checked   chan *check.Checker // receives the checker once, when it is built
}

// Prepare lays out a plan just read (the overview of a large plan, as Load
// opens it) and starts its check on another goroutine. It may run on any
// goroutine; the plan must not be used elsewhere until LoadPrepared.
func Prepare(p *orgchart.Plan, cat *catalog.Catalog) *Prepared {
	pr := &Prepared{plan: p, cat: cat, collapsed: overview(p), checked: make(chan *check.Checker, 1)}
	// The plan's index is built lazily on first use: build it here, before
	// the check and the layout read the plan at the same time.
	p.Tops()
	go func() { pr.checked <- check.NewChecker(p, cat) }()
	pr.eng = layout.NewEngine(p, layout.Options{Collapsed: maps.Clone(pr.collapsed)})
	return pr
}

// Plan is the prepared plan.
func (pr *Prepared) Plan() *orgchart.Plan { return pr.plan }

// Checked is closed when the prepared plan's check is done (benchmarks).
func (pr *Prepared) Checked() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		c := <-pr.checked
		pr.checked <- c
		close(done)
	}()
	return done
}

// LoadPrepared makes a prepared plan the open plan, as Load does, without
// waiting for its check: until the check is done Report is an empty report
// and Checking is true; then arrived is called (on any goroutine) with a
// function that installs the report and notifies ChangedPlan, which the
// caller runs on the window's thread. An edit before that waits for the
// check first.
func (s *State) LoadPrepared(pr *Prepared, path string, arrived func(install func())) {
	s.loadEditor(pr.plan, pr.cat, path)
	s.collapsed = pr.collapsed
	s.eng, s.engCollapsed = pr.eng, maps.Clone(pr.collapsed)
	s.afresh, s.recheckAll = false, false
	s.lay = s.eng.Layout()
	s.checker = nil
	s.report = &check.Report{}
	s.checking = pr.checked
	s.loads++
	load := s.loads
	go func() {
		c := <-pr.checked
		pr.checked <- c // for waitCheck, if an edit came first
		arrived(func() {
			if s.loads == load && s.checking != nil {
				s.installCheck(c)
				s.notify(ChangedPlan)
			}
		})
	}()
	s.notify(ChangedPlan | ChangedFile | ChangedSelection)
}

// Checking reports whether the open plan's check is still under way (just
// opened with LoadPrepared): Report is empty until it is done.
func (s *State) Checking() bool { return s.checking != nil }

// waitCheck waits for the check of a plan opened with LoadPrepared, so an
// edit is checked against the whole plan.
func (s *State) waitCheck() {
	if s.checking == nil {
		return
	}
	c := <-s.checking
	s.checking <- c
	s.installCheck(c)
}

func (s *State) installCheck(c *check.Checker) {
	s.checking = nil
	s.checker = c
	s.report = c.Report()
}
