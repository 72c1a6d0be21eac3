package inspector

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/internal/apptest"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/orgchart"
)

// fixture is an inspector on the test plan in a test window, hidden until show.
type fixture struct {
	st     *state.State
	in     *Inspector
	status string
	shown  bool
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	test.NewTempApp(t)
	cat := apptest.Catalog(t)
	f := &fixture{st: state.New(cat)}
	f.in = New(f.st, func(s string) { f.status = s })
	f.in.OnScreen = func() bool { return f.shown }
	f.st.Listen(func(state.Change) { f.in.Refresh() })
	w := test.NewTempWindow(t, f.in.Root())
	w.Resize(fyne.NewSize(420, 800))
	f.in.Win = w
	f.st.Load(apptest.Plan(), cat, "")
	return f
}

// show puts the inspector on screen, as selecting its tab does.
func (f *fixture) show() {
	f.shown = true
	f.in.RefreshIfStale()
}

func TestInspectorEdits(t *testing.T) {
	f := newFixture(t)
	p := f.st.Plan()
	f.st.Select("vpe")
	in := f.in
	if in.shown == "vpe" {
		t.Error("the hidden inspector was refreshed")
	}
	f.show()
	if in.shown != "vpe" || !strings.Contains(in.below.Text, "3 positions") {
		t.Fatalf("the inspector shows %q, below: %q", in.shown, in.below.Text)
	}

	in.holder.SetText("")
	test.Type(in.holder, "Katherine Johnson")
	in.holder.OnSubmitted(in.holder.Text)
	if got := p.Position("vpe").Holder; got != "Katherine Johnson" {
		t.Fatalf("holder = %q after editing", got)
	}

	in.count.Entry.SetText("5")
	in.count.FocusLost()
	if got := p.Position("vpe").Count; got != 5 {
		t.Errorf("count = %d after editing", got)
	}
	in.count.Entry.SetText("many")
	in.count.FocusLost()
	if got := p.Position("vpe").Count; got != 5 {
		t.Errorf("a bad team size changed the count to %d", got)
	}
	if !strings.Contains(f.status, "whole number") {
		t.Errorf("status %q does not explain the bad team size", f.status)
	}

	in.cost.Entry.SetText("210k")
	in.cost.FocusLost()
	if got := p.Position("vpe").Cost; got != 210000 {
		t.Errorf("cost = %v after typing 210k", got)
	}

	in.role.SetSelected(f.st.Catalog().Role("director-of-engineering").Title)
	if got := p.Position("vpe").Role; got != "director-of-engineering" {
		t.Errorf("role = %q after choosing it", got)
	}

	// one undo per committed edit, newest first
	f.st.Undo()
	if got := p.Position("vpe").Role; got != "vp-of-engineering" {
		t.Errorf("undo: role = %q", got)
	}
	f.st.Undo()
	f.st.Undo()
	f.st.Undo()
	if got := p.Position("vpe"); got.Holder != "" || got.Count != 0 || got.Cost != 0 {
		t.Errorf("after undoing every edit: %+v", got)
	}
	f.st.Redo()
	if got := p.Position("vpe").Holder; got != "Katherine Johnson" {
		t.Errorf("redo: holder = %q", got)
	}
	if in.holder.Text != "Katherine Johnson" {
		t.Errorf("the inspector shows %q after redo", in.holder.Text)
	}
}

func TestInspectorRemoveLiftsOrRemovesReports(t *testing.T) {
	f := newFixture(t)
	p := f.st.Plan()
	f.st.Select("em")
	f.in.Remove(orgchart.LiftReports)
	if p.Position("em") != nil || p.Position("se").ReportsTo != "vpe" {
		t.Fatal("removing em did not lift its reports to vpe")
	}
	f.st.Undo()
	f.st.Select("em")
	f.in.Remove(orgchart.RemoveSubtree)
	// three positions go: it asks first, naming how many and who
	msg := dialogText(t, f)
	for _, want := range []string{"Grace Hopper", "2 positions below", "6 people", "Software Engineer", "QA Engineer"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the question %q does not say %q", msg, want)
		}
	}
	if p.Position("em") == nil {
		t.Fatal("removed before the answer")
	}
	test.Tap(dialogButton(t, f, "Keep them"))
	if p.Position("em") == nil || f.st.Editor().CanUndo() {
		t.Fatal("Keep them removed something")
	}
	f.in.Remove(orgchart.RemoveSubtree)
	test.Tap(dialogButton(t, f, "Remove 3 positions"))
	if p.Position("em") != nil || p.Position("se") != nil || p.Position("qa") != nil {
		t.Fatal("removing em with its reports left some")
	}
	if !strings.Contains(f.status, "2 positions below") {
		t.Errorf("status %q does not say what went", f.status)
	}
	f.st.Undo()
	if p.Position("se") == nil || p.Position("se").ReportsTo != "em" {
		t.Error("undo did not restore the subtree")
	}
}

func TestDottedLineChoicesAndRemoval(t *testing.T) {
	f := newFixture(t)
	p := f.st.Plan()
	f.show()
	f.st.Select("qa")
	choices := dottedChoices(f.st, p.Position("qa"), "security")
	if len(choices) != 1 || choices[0].ID != "ciso" {
		t.Fatalf("choices for 'security' = %v, want the CISO", choices)
	}
	f.in.apply(func(pos *orgchart.Position) { pos.DottedTo = []string{"ciso"} })
	if got := p.Position("qa").DottedTo; len(got) != 1 || got[0] != "ciso" {
		t.Fatalf("dotted lines = %v", got)
	}
	for _, c := range dottedChoices(f.st, p.Position("qa"), "") {
		if c.ID == "ciso" || c.ID == "qa" || c.ID == "em" {
			t.Errorf("offered %s: already a manager, itself or a dotted line", c.ID)
		}
	}
	if n := len(f.in.dotted.Objects); n != 1 {
		t.Errorf("inspector lists %d dotted lines, want 1", n)
	}
	f.st.Undo()
	if len(p.Position("qa").DottedTo) != 0 {
		t.Error("undo kept the dotted line")
	}
}

// dialogText is the text of the dialog on top of the inspector's window.
func dialogText(t *testing.T, f *fixture) string {
	t.Helper()
	top := f.in.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	var parts []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// dialogButton is the button labelled text in the dialog on top.
func dialogButton(t *testing.T, f *fixture, text string) *widget.Button {
	t.Helper()
	top := f.in.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is showing (looking for %q)", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button in the dialog", text)
	return nil
}

func TestFieldsValidateAsTypedAndEscapeLeaves(t *testing.T) {
	f := newFixture(t)
	left := 0
	f.in.OnEscape = func() { left++ }
	f.st.Select("vpe")
	f.show()
	in := f.in
	in.Win.Canvas().Focus(in.count)
	test.Type(in.count, "1x")
	if !in.count.errLabel.Visible() || !strings.Contains(in.count.errLabel.Text, "whole number") {
		t.Fatalf("typing 1x: the error beside the field is %q (shown %v)", in.count.errLabel.Text, in.count.errLabel.Visible())
	}
	in.count.FocusLost()
	if in.count.Text != "1x" || !in.count.errLabel.Visible() || f.st.Editor().CanUndo() {
		t.Errorf("leaving a bad team size: text %q, error shown %v, edited %v", in.count.Text, in.count.errLabel.Visible(), f.st.Editor().CanUndo())
	}
	in.Win.Canvas().Focus(in.count)
	in.count.SetText("")
	test.Type(in.count, "12")
	if in.count.errLabel.Visible() {
		t.Error("the error stays after the text is fixed")
	}
	in.count.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.st.Plan().Position("vpe").Count != 12 {
		t.Errorf("count %d after typing 12", f.st.Plan().Position("vpe").Count)
	}
	// the cost: bad, then Escape puts back what it was and leaves
	in.Win.Canvas().Focus(in.cost)
	test.Type(in.cost, "lots")
	if !in.cost.errLabel.Visible() {
		t.Error("a bad cost shows no error while typed")
	}
	in.cost.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if in.cost.Text != "" || in.cost.errLabel.Visible() || left != 1 {
		t.Errorf("after Escape: cost text %q, error shown %v, left %d times", in.cost.Text, in.cost.errLabel.Visible(), left)
	}
}

func TestReportsToIsASearchableField(t *testing.T) {
	f := newFixture(t)
	f.st.Select("qa")
	f.show()
	r := f.in.manager
	if r.entry.Text != "Software Engineering Manager (Grace Hopper)" {
		t.Fatalf("Reports to shows %q", r.entry.Text)
	}
	r.entry.SetText("security")
	if len(r.opts) != 1 || r.choices[r.opts[0]] != "ciso" {
		t.Fatalf("typing security offers %v", r.opts)
	}
	r.entry.SetText(r.opts[0]) // as choosing it does
	if got := f.st.Plan().Position("qa").ReportsTo; got != "ciso" {
		t.Fatalf("qa reports to %q after choosing the CISO", got)
	}
	// a cycle is refused with the reason beside the field
	f.st.Select("vpe")
	r.entry.SetText("grace")
	if len(r.opts) == 0 {
		t.Fatal("typing grace offers nobody")
	}
	r.entry.SetText(r.opts[0])
	if f.st.Plan().Position("vpe").ReportsTo != "cto" || !r.err.Visible() || !strings.Contains(r.err.Text, "cycle") {
		t.Errorf("moving vpe under its own report: reports to %q, error %q", f.st.Plan().Position("vpe").ReportsTo, r.err.Text)
	}
	r.entry.SetText("zebra")
	if !r.err.Visible() || !strings.Contains(r.err.Text, "No position matches") {
		t.Errorf("typing zebra says %q", r.err.Text)
	}
}

func TestCapabilitiesCanBeOwnedSupportedOrDropped(t *testing.T) {
	f := newFixture(t)
	f.st.Select("ciso")
	f.show()
	cat := f.st.Catalog()
	pos := f.st.Plan().Position("ciso")
	owns, _ := pos.Capabilities(cat)
	if len(owns) == 0 || len(f.in.caps.box.Objects) < len(owns) {
		t.Fatalf("the CISO owns %d capabilities; the inspector lists %d rows", len(owns), len(f.in.caps.box.Objects))
	}
	id := owns[0]
	f.in.caps.set(id, relSupports)
	if got := f.st.Plan().Position("ciso").RelationTo(cat, id); got != orgchart.RelSupports {
		t.Fatalf("after choosing supports the CISO %v %s", got, id)
	}
	if !strings.Contains(f.st.UndoStep().What, "does with") {
		t.Errorf("the undo step says %q", f.st.UndoStep().What)
	}
	// a capability added from the list is owned
	var extra, extraID string
	for name, cid := range f.in.caps.names {
		extra, extraID = name, cid
		break
	}
	if extraID == "" {
		t.Fatal("no capability offered to add")
	}
	f.in.caps.add.SetSelected(extra)
	if got := f.st.Plan().Position("ciso").RelationTo(cat, extraID); got != orgchart.RelOwns {
		t.Errorf("adding %q: the CISO %v it", extra, got)
	}
	f.st.Undo()
	f.st.Undo()
	if got := f.st.Plan().Position("ciso").RelationTo(cat, id); got != orgchart.RelOwns {
		t.Errorf("after undoing both, the CISO %v %s", got, id)
	}
}

// The removal buttons fit the position: one "Remove" for a position with no
// reports ("keep reports" means nothing there), both with their counts for a manager.
func TestRemoveButtonsFitThePosition(t *testing.T) {
	f := newFixture(t)
	f.show()
	f.st.Select("qa")
	f.in.Refresh()
	if f.in.lift.Visible() || f.in.removeAll.Text != "Remove this position" {
		t.Errorf("for a position without reports: keep-reports shown %v, remove says %q", f.in.lift.Visible(), f.in.removeAll.Text)
	}
	f.st.Select("em")
	f.in.Refresh()
	if !f.in.lift.Visible() || f.in.lift.Text != "Remove, keep its 2 reports" || !strings.Contains(f.in.removeAll.Text, "2 positions") {
		t.Errorf("for em: keep-reports %v %q, remove %q", f.in.lift.Visible(), f.in.lift.Text, f.in.removeAll.Text)
	}
}
