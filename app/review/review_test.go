package review

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

func TestSelectingAFindingPicksItsPosition(t *testing.T) {
	p, st, picked := newTestPanel(t, apptest.Plan())
	rep := st.Report()
	for i, f := range rep.Findings {
		if len(f.Positions) == 0 {
			continue
		}
		p.SelectFinding(i)
		if *picked != f.Positions[0] {
			t.Errorf("selecting %q picked %q, want %q", f.Message, *picked, f.Positions[0])
		}
		return
	}
	t.Fatal("the test plan raised no finding about a position")
}

func TestFindingsAreGroupedByRuleAndFiltered(t *testing.T) {
	p, _, picked := newTestPanel(t, generate.Shaped(400, 2))
	f := p.findings
	if len(f.findings) <= 12 {
		t.Fatalf("the generated plan raised only %d findings", len(f.findings))
	}
	// one header per rule with its count; groups start closed
	byRule := map[string]int{}
	for _, fd := range f.findings {
		byRule[fd.Rule]++
	}
	if len(f.groups) != len(byRule) || len(f.rows) != len(byRule) {
		t.Fatalf("%d groups and %d rows for %d rules", len(f.groups), len(f.rows), len(byRule))
	}
	for _, g := range f.groups {
		if len(g.items) != byRule[g.rule] {
			t.Errorf("group %s counts %d, the report has %d", g.rule, len(g.items), byRule[g.rule])
		}
	}
	// a click on a group opens it: its findings, whole, with the suggestion
	f.list.Select(0)
	g := f.groups[0]
	if len(f.rows) != len(byRule)+len(g.items) {
		t.Fatalf("opening %s shows %d rows", g.rule, len(f.rows))
	}
	open, icon, text := widget.NewIcon(nil), widget.NewIcon(nil), widget.NewRichText()
	f.bindRow(f.rows[1], open, icon, text)
	first := f.findings[g.items[0]]
	if got := text.String(); !strings.Contains(got, first.Message) || first.Suggestion != "" && !strings.Contains(got, first.Suggestion) {
		t.Errorf("the finding row says %q; want its whole message and suggestion", got)
	}
	f.list.Select(1)
	if len(first.Positions) > 0 && *picked != first.Positions[0] {
		t.Errorf("clicking the finding picked %q", *picked)
	}
	// severity filter
	f.severity.SetSelected("Errors")
	for _, g := range f.groups {
		if g.severity != check.Error {
			t.Errorf("the errors filter keeps %s (%v)", g.rule, g.severity)
		}
	}
	f.severity.SetSelected(allSeverities)
	all := len(f.groups)
	// domain filter: fewer or equal, and every kept finding is about the domain
	f.domain.SetSelected(uikit.DomainName(catalog.SEC))
	n := 0
	for _, g := range f.groups {
		for _, i := range g.items {
			n++
			if !f.inDomain(&f.findings[i], catalog.SEC) {
				t.Errorf("%q kept for Security", f.findings[i].Message)
			}
		}
	}
	if n >= len(f.findings) || len(f.groups) > all {
		t.Errorf("the Security filter keeps %d of %d findings", n, len(f.findings))
	}
}

func TestTheCoverageMatrixCellsListWhatIsBehindThem(t *testing.T) {
	p, st, picked := newTestPanel(t, generate.Shaped(400, 2))
	s := p.summary
	var gapDomain catalog.Domain
	for _, d := range catalog.Domains {
		if cov, ok := st.Report().Summary.Coverage[d]; ok && cov.Gaps > 0 {
			gapDomain = d
			break
		}
	}
	if gapDomain == "" {
		t.Skip("the generated plan has no coverage gap")
	}
	_, lines, _ := s.cellDetail(gapDomain, columnGaps)
	cov := st.Report().Summary.Coverage[gapDomain]
	var all []string
	for _, l := range lines {
		all = append(all, l.text)
	}
	text := strings.Join(all, "\n")
	if n := len(lines); n != min(cov.Gaps, maxCellLines+1) {
		t.Errorf("the %s gaps cell (%d gaps) lists %d lines:\n%s", gapDomain, cov.Gaps, n, text)
	}
	if !strings.Contains(text, "nobody owns") {
		t.Errorf("the gaps are not said to be unowned:\n%s", text)
	}
	// a click on a cell: the first cell is the first domain's owned cell
	var cells []*tapCell
	for _, o := range test.LaidOutObjects(s.matrix) {
		if c, ok := o.(*tapCell); ok {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 || len(cells)%3 != 0 {
		t.Fatalf("%d clickable cells in the matrix", len(cells))
	}
	// the owned cell of the first domain in scope where something is owned
	row, owned := 0, catalog.Domain("")
	for _, d := range catalog.Domains {
		cov, ok := st.Report().Summary.Coverage[d]
		if !ok {
			continue
		}
		if cov.Owned > 1 {
			owned = d
			break
		}
		row++
	}
	if owned == "" {
		t.Fatal("nothing is owned in the generated plan")
	}
	before := p.Root().MinSize().Height
	test.Tap(cells[row*3])
	if !s.detail.Visible() || !strings.Contains(s.detailText(), "owned") {
		t.Errorf("clicking the first owned cell shows %q", s.detailText())
	}
	if len(s.picked) > 0 && *picked != s.picked[0] {
		t.Errorf("clicking the cell selected %q, want its first owner %q", *picked, s.picked[0])
	}
	// the list scrolls in the panel: the panel asks for no more height
	if after := p.Root().MinSize().Height; after > before || after > 400 {
		t.Errorf("the review panel needs %v high after a cell is clicked (%v before)", after, before)
	}
	// the list is scrolled into view
	if top, ok := p.root.(*container.Split).Leading.(*container.Scroll); !ok || top.Offset.Y <= 0 {
		t.Errorf("the summary is not scrolled to the list under the matrix")
	}
	// each line selects its own positions
	var taps []*uikit.TapLabel
	for _, o := range s.detail.Objects {
		if l, ok := o.(*uikit.TapLabel); ok {
			taps = append(taps, l)
		}
	}
	if len(taps) < 2 {
		t.Fatalf("%d clickable lines under the cell", len(taps))
	}
	_, lines, _ = s.cellDetail(owned, columnOwned)
	test.Tap(taps[1])
	if *picked != lines[1].positions[0] {
		t.Errorf("clicking %q selected %q, want %q", taps[1].Text, *picked, lines[1].positions[0])
	}
}

// newTestPanel shows the review panel of the plan in a test window; picked
// is the position the panel asked the chart to select last.
func newTestPanel(t *testing.T, plan *orgchart.Plan) (*Panel, *state.State, *string) {
	t.Helper()
	test.NewTempApp(t)
	cat := apptest.Catalog(t)
	st := state.New(cat)
	picked := new(string)
	p := New(st, func(id string) { *picked = id })
	w := test.NewTempWindow(t, p.Root())
	w.Resize(fyne.NewSize(420, 900))
	st.Listen(func(c state.Change) {
		if c&state.ChangedPlan != 0 {
			p.Refresh()
		}
	})
	st.Load(plan, cat, "")
	return p, st, picked
}

// While a plan opened in the background is checked, the review says so
// instead of "0 people in 0 positions" and "No findings".
func TestReviewSaysCheckingUntilTheReportArrives(t *testing.T) {
	p, st, _ := newTestPanel(t, apptest.Plan())
	installed := make(chan func(), 1)
	st.LoadPrepared(state.Prepare(generate.Shaped(400, 2), apptest.Catalog(t)), "", func(install func()) { installed <- install })
	if !st.Checking() {
		t.Skip("the check arrived at once")
	}
	if p.summary.line.Text != checkingText || p.findings.header.Text != checkingText {
		t.Errorf("while checking: %q, %q", p.summary.line.Text, p.findings.header.Text)
	}
	(<-installed)()
	if st.Checking() || !strings.Contains(p.summary.line.Text, "positions") || p.findings.header.Text == checkingText {
		t.Errorf("after the check: %q, %q", p.summary.line.Text, p.findings.header.Text)
	}
	if len(test.LaidOutObjects(p.summary.matrix)) < 3 {
		t.Error("the matrix is not back after the check")
	}
}

// Group headings say the rule in words, then its id; every rule of the
// report of a generated plan has words.
func TestFindingGroupsAreNamedInWords(t *testing.T) {
	p, _, _ := newTestPanel(t, generate.Shaped(400, 2))
	f := p.findings
	if len(f.groups) == 0 {
		t.Fatal("no findings")
	}
	for _, g := range f.groups {
		title := groupTitle(g.rule)
		if ruleNames[g.rule] == "" || !strings.HasSuffix(title, "("+g.rule+")") {
			t.Errorf("rule %s heads its group as %q", g.rule, title)
		}
	}
	// a heading that wraps gets the height of its lines
	f.sizeRows()
	one := widget.NewRichTextWithText("x").MinSize().Height
	wrapped := false
	for i, r := range f.rows {
		if r.finding < 0 && f.heights[i] > one*1.5 {
			wrapped = true
		}
	}
	if !wrapped {
		t.Errorf("no heading is taller than one line in a %v wide list: %v", f.list.Size().Width, f.heights)
	}
	for rule := range ruleNames {
		if _, ok := check.DefaultSeverity(rule); !ok {
			t.Errorf("ruleNames names %q, which is no rule of check", rule)
		}
	}
}

// The overlaps cell lists what check's summary counts as overlaps: two CTOs
// under one CEO lead technology strategy twice (coverage.duplicate-leader).
func TestTheOverlapsCellListsDuplicateLeaders(t *testing.T) {
	p := orgchart.NewPlan("Two CTOs")
	p.Positions = []*orgchart.Position{
		{ID: "ceo", Role: "chief-executive-officer", Holder: "A"},
		{ID: "cto1", Role: "chief-technology-officer", ReportsTo: "ceo", Holder: "B"},
		{ID: "cto2", Role: "chief-technology-officer", ReportsTo: "ceo", Holder: "C"},
	}
	p.Reindex()
	panel, st, _ := newTestPanel(t, p)
	dups := 0
	for _, f := range st.Report().Findings {
		if f.Rule == "coverage.duplicate-leader" {
			dups++
		}
	}
	if dups == 0 {
		t.Fatal("two CTOs raise no duplicate-leader finding")
	}
	found := false
	for d, cov := range st.Report().Summary.Coverage {
		if cov.Overlaps == 0 {
			continue
		}
		_, lines, _ := panel.summary.cellDetail(d, columnOverlaps)
		if len(lines) < min(cov.Overlaps, maxCellLines) {
			t.Errorf("%s: the overlaps cell says %d, lists %d", d, cov.Overlaps, len(lines))
		}
		for _, l := range lines {
			found = found || strings.Contains(l.text, "one leader is expected")
		}
	}
	if !found {
		t.Error("no overlaps cell lists the duplicate leaders")
	}
}
