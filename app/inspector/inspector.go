package inspector

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/rollup"
)

// Inspector edits the selected position. Text fields apply when Enter is
// pressed or the field loses the focus, so one change is one undo step.
type Inspector struct {
	st     *state.State
	status func(string)
	Win    fyne.Window     // for the dotted-line dialog; nil in some tests
	Anchor func(id string) // keeps a card in place on the chart across an edit
	// OnEscape gives the focus back to the chart (Escape in a field).
	OnEscape func()
	// OnScreen reports whether the inspector is shown; nil means always.
	OnScreen func() bool
	stale    bool

	roll     *rollup.Rollup // roll-up of rollPlan at revision rollRev
	rollPlan *orgchart.Plan
	rollRev  uint64

	empty   *widget.Label
	form    *fyne.Container
	heading *widget.Label
	role    *widget.Select
	title   *commitEntry
	holder  *commitEntry
	count   *commitEntry
	cost    *commitEntry
	notes   *commitEntry
	manager *reportsTo
	makeTop *widget.Button
	dotted  *fyne.Container
	caps    *capabilities
	below   *widget.Label
	// removal: "Remove" for a position without reports; with reports,
	// keeping them (lift) or with everyone below
	removeAll *widget.Button
	lift      *widget.Button

	roleIDs    map[string]string // title -> role id
	roleTitles map[string]string // role id -> title
	shown      string            // id of the position shown
	root       fyne.CanvasObject
}

func New(st *state.State, status func(string)) *Inspector {
	in := &Inspector{st: st, status: status}
	in.empty = widget.NewLabel("Select a card on the chart to see and edit its position.")
	in.empty.Wrapping = fyne.TextWrapWord
	in.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	in.heading.Wrapping = fyne.TextWrapWord
	in.role = widget.NewSelect(nil, in.roleChosen)
	in.title = newCommitEntry(false, func(s string) { in.apply(func(p *orgchart.Position) { p.Title = s }) })
	in.holder = newCommitEntry(false, func(s string) { in.apply(func(p *orgchart.Position) { p.Holder = s }) })
	in.holder.SetPlaceHolder("Vacant")
	in.count = newCommitEntry(false, in.countChanged).withCheck(func(s string) error { _, err := parseCount(s); return err })
	in.count.SetPlaceHolder("1 (one person)")
	in.cost = newCommitEntry(false, in.costChanged).withCheck(func(s string) error { _, err := parseCost(s); return err })
	in.cost.SetPlaceHolder("yearly cost per person")
	in.notes = newCommitEntry(true, func(s string) { in.apply(func(p *orgchart.Position) { p.Notes = s }) })
	in.notes.SetMinRowsVisible(3)
	for _, e := range []*commitEntry{in.title, in.holder, in.count, in.cost, in.notes} {
		e.onEscape = func() {
			if in.OnEscape != nil {
				in.OnEscape()
			}
		}
	}
	in.manager = newReportsTo(in)
	in.makeTop = widget.NewButtonWithIcon("Make it a top position", theme.MoveUpIcon(), in.makeTopPosition)
	in.dotted = container.NewVBox()
	in.caps = newCapabilities(in)
	in.below = widget.NewLabel("")
	in.below.Wrapping = fyne.TextWrapWord

	in.removeAll = widget.NewButtonWithIcon("Remove with reports", theme.DeleteIcon(), func() { in.Remove(orgchart.RemoveSubtree) })
	in.removeAll.Importance = widget.DangerImportance
	in.lift = widget.NewButton("Remove, keep reports", func() { in.Remove(orgchart.LiftReports) })

	fields := widget.NewForm(
		widget.NewFormItem("Role", in.role),
		widget.NewFormItem("Title", in.title),
		widget.NewFormItem("Holder", in.holder),
		widget.NewFormItem("Team size", in.count.field()),
		widget.NewFormItem("Cost", in.cost.field()),
		widget.NewFormItem("Notes", in.notes),
	)
	section := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	in.form = container.NewVBox(
		in.heading, fields,
		section("Reports to"), in.manager.root, in.makeTop,
		section("Dotted-line managers"), in.dotted,
		widget.NewButtonWithIcon("Add dotted line…", theme.ContentAddIcon(), func() { in.addDotted(in.Win) }),
		section("Below this position"), in.below,
		section("Capabilities it owns or supports"), in.caps.root,
		container.NewVBox(in.lift, in.removeAll),
	)
	in.root = container.NewVScroll(container.NewPadded(container.NewStack(in.empty, in.form)))
	in.Refresh()
	return in
}

// Refresh shows the selected position (or the empty note). While the
// inspector is not on screen it only notes that it is stale: an edit does
// not pay for a panel nobody sees.
func (in *Inspector) Refresh() {
	if in.OnScreen != nil && !in.OnScreen() {
		in.stale = true
		return
	}
	in.stale = false
	st := in.st
	pos := st.SelectedPosition()
	in.empty.Hidden = pos != nil
	in.form.Hidden = pos == nil
	if pos == nil {
		in.shown = ""
		in.empty.Refresh()
		in.form.Refresh()
		return
	}
	same := in.shown == pos.ID
	in.shown = pos.ID

	in.loadRoles()
	uikit.SetLabel(in.heading, st.Label(pos))
	in.role.Selected = in.roleTitles[pos.Role]
	if in.role.Selected == "" {
		in.role.Selected = pos.Role
	}
	in.role.Refresh()
	setEntry(in.title, pos.Title, same)
	if r := st.Role(pos); r != nil {
		in.title.SetPlaceHolder(r.Title)
	}
	setEntry(in.holder, pos.Holder, same)
	setEntry(in.count, countText(pos.Count), same)
	setEntry(in.cost, costText(pos.Cost), same)
	setEntry(in.notes, pos.Notes, same)

	in.manager.show(pos)
	if m := st.Plan().Manager(pos); m != nil {
		in.makeTop.Enable()
	} else {
		in.makeTop.Disable()
	}
	in.dotted.RemoveAll()
	for _, id := range pos.DottedTo {
		id := id
		label := id
		if d := st.Plan().Position(id); d != nil {
			label = st.Label(d)
		}
		rm := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
			in.apply(func(p *orgchart.Position) {
				var keep []string
				for _, x := range p.DottedTo {
					if x != id {
						keep = append(keep, x)
					}
				}
				p.DottedTo = keep
			})
		})
		l := widget.NewLabel(label)
		l.Truncation = fyne.TextTruncateEllipsis
		in.dotted.Add(container.NewBorder(nil, nil, nil, rm, l))
	}
	if len(pos.DottedTo) == 0 {
		in.dotted.Add(widget.NewLabel("None"))
	}
	direct := len(st.Plan().Reports(pos.ID))
	uikit.SetLabel(in.below, belowText(in.rollup().Below(pos.ID), direct))
	// "keep reports" means nothing to a position without any
	if direct == 0 {
		in.lift.Hide()
		in.removeAll.SetText("Remove this position")
	} else {
		in.lift.SetText("Remove, keep its " + state.Plural(direct, "report", "reports"))
		in.lift.Show()
		in.removeAll.SetText("Remove with everyone below (" + state.Plural(st.SubtreeSize(pos.ID)-1, "position", "positions") + ")")
	}
	in.caps.show(pos)
}

// loadRoles fills the role choices once per catalog.
func (in *Inspector) loadRoles() {
	cat := in.st.Catalog()
	if len(in.roleIDs) == len(cat.Roles) && len(in.role.Options) > 0 {
		return
	}
	in.roleIDs, in.roleTitles = map[string]string{}, map[string]string{}
	var titles []string
	for _, r := range cat.Roles {
		in.roleIDs[r.Title] = r.ID
		in.roleTitles[r.ID] = r.Title
		titles = append(titles, r.Title)
	}
	sort.Strings(titles)
	in.role.Options = titles
}

func (in *Inspector) roleChosen(title string) {
	id, ok := in.roleIDs[title]
	pos := in.st.SelectedPosition()
	if !ok || pos == nil || pos.Role == id {
		return
	}
	in.apply(func(p *orgchart.Position) { p.Role = id })
}

func (in *Inspector) countChanged(s string) {
	n, err := parseCount(s)
	if err != nil {
		in.status(err.Error())
		return
	}
	in.apply(func(p *orgchart.Position) { p.Count = n })
}

// parseCount reads a team size: empty or 1 is one person (kept out of the
// file as count 0), else a whole number of at least 2.
func parseCount(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		return 0, fmt.Errorf("team size %q is not a whole number of at least 1; leave it empty for one person", s)
	}
	if v == 1 {
		v = 0
	}
	return v, nil
}

func (in *Inspector) costChanged(s string) {
	v, err := parseCost(s)
	if err != nil {
		in.status(err.Error())
		return
	}
	in.apply(func(p *orgchart.Position) { p.Cost = v })
}

// parseCost reads "180000", "180,000", "180 000" or "180k".
func parseCost(s string) (float64, error) {
	t := strings.ToLower(strings.NewReplacer(",", "", " ", "", "_", "").Replace(strings.TrimSpace(s)))
	if t == "" {
		return 0, nil
	}
	mult := 1.0
	if strings.HasSuffix(t, "k") {
		mult, t = 1000, strings.TrimSuffix(t, "k")
	} else if strings.HasSuffix(t, "m") {
		mult, t = 1e6, strings.TrimSuffix(t, "m")
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("cost %q is not an amount: write it like 180000 or 180k", s)
	}
	return v * mult, nil
}

// apply changes the selected position when the change alters it.
func (in *Inspector) apply(change func(*orgchart.Position)) {
	pos := in.st.SelectedPosition()
	if pos == nil {
		return
	}
	probe := *pos
	probe.DottedTo = append([]string(nil), pos.DottedTo...)
	change(&probe)
	if samePosition(&probe, pos) {
		return
	}
	if err := in.st.Update(pos.ID, change); err != nil {
		in.status(err.Error())
		in.Refresh()
	}
}

func samePosition(a, b *orgchart.Position) bool {
	if a.Role != b.Role || a.Title != b.Title || a.Holder != b.Holder || a.Count != b.Count ||
		a.Cost != b.Cost || a.Notes != b.Notes || len(a.DottedTo) != len(b.DottedTo) {
		return false
	}
	for i := range a.DottedTo {
		if a.DottedTo[i] != b.DottedTo[i] {
			return false
		}
	}
	return true
}

// Remove removes the selected position; mode says what happens to its
// reports. Removing more than one position asks first, naming how many and who.
func (in *Inspector) Remove(mode orgchart.RemoveMode) {
	pos := in.st.SelectedPosition()
	if pos == nil {
		return
	}
	n := 1
	if mode == orgchart.RemoveSubtree {
		n = in.st.SubtreeSize(pos.ID)
	}
	if n == 1 || in.Win == nil {
		in.removeNow(pos, mode, n)
		return
	}
	msg := in.removeQuestion(pos, n)
	d := dialog.NewConfirm(fmt.Sprintf("Remove %s?", state.Plural(n, "position", "positions")), msg, func(ok bool) {
		if ok && in.st.Plan().Position(pos.ID) == pos {
			in.removeNow(pos, mode, n)
		}
	}, in.Win)
	d.SetConfirmText("Remove " + state.Plural(n, "position", "positions"))
	d.SetDismissText("Keep them")
	d.Show()
}

// removeQuestion names what removing pos with everything below it removes:
// how many positions and people, and the first few of them.
func (in *Inspector) removeQuestion(pos *orgchart.Position, n int) string {
	p := in.st.Plan()
	people := 0
	var names []string
	stack := []*orgchart.Position{pos}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		people += cur.Headcount()
		if cur != pos && len(names) < 5 {
			names = append(names, in.st.Label(cur))
		}
		rs := p.Reports(cur.ID)
		for i := len(rs) - 1; i >= 0; i-- {
			stack = append(stack, rs[i])
		}
	}
	below := strings.Join(names, ", ")
	if more := n - 1 - len(names); more > 0 {
		below += fmt.Sprintf(" and %d more", more)
	}
	return fmt.Sprintf("%s and the %s below it (%s in all) will be removed:\n%s.\n\nCtrl+Z brings them back.",
		in.st.Label(pos), state.Plural(n-1, "position", "positions"), state.Plural(people, "person", "people"), below)
}

func (in *Inspector) removeNow(pos *orgchart.Position, mode orgchart.RemoveMode, n int) {
	label := in.st.Label(pos)
	if in.Anchor != nil && pos.ReportsTo != "" {
		in.Anchor(pos.ReportsTo)
	}
	if err := in.st.Remove(pos.ID, mode); err != nil {
		in.status(err.Error())
		return
	}
	if n > 1 {
		label += fmt.Sprintf(" and the %s below", state.Plural(n-1, "position", "positions"))
	}
	in.status("Removed " + label + " (Ctrl+Z undoes it)")
}

// belowText says what sits below pos, from the plan's roll-up
// (orgchart/rollup): people, positions, vacancies and cost.
func belowText(t rollup.Totals, directReports int) string {
	if t.Positions == 0 {
		return "No reports"
	}
	s := fmt.Sprintf("%s in %s (%d vacant), %s",
		state.Plural(t.Headcount, "person", "people"), state.Plural(t.Positions, "position", "positions"),
		t.Vacancies, state.Plural(directReports, "direct report", "direct reports"))
	if t.Cost > 0 {
		s += fmt.Sprintf("\nCost %s a year", uikit.Money(t.Cost))
		if t.Unpriced > 0 {
			s += fmt.Sprintf(" (%s without a cost)", state.Plural(t.Unpriced, "position", "positions"))
		}
	}
	return s
}

// rollup returns the plan's roll-up, computed once per plan revision.
func (in *Inspector) rollup() *rollup.Rollup {
	p, rev := in.st.Plan(), in.st.Editor().Revision()
	if in.roll == nil || in.rollPlan != p || in.rollRev != rev {
		in.roll, in.rollPlan, in.rollRev = rollup.Compute(p), p, rev
	}
	return in.roll
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func costText(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// setEntry shows a value, unless the person is typing in the field for the
// same position.
func setEntry(e *commitEntry, s string, same bool) {
	if same && (e.focused || e.Text != e.committed && !e.check()) {
		return // the person is typing, or a bad text waits to be fixed
	}
	if e.Text == s {
		e.committed = s
		return
	}
	e.SetText(s)
}

// commitEntry is an entry that reports its text when Enter is pressed or it
// loses the focus, but only when the text changed since it was shown.
type commitEntry struct {
	widget.Entry
	onCommit  func(string)
	committed string
	focused   bool
	// validate, when set, checks the text as it is typed; the error shows
	// in errLabel beside the field until the text is fixed, and a bad text
	// is never committed (nor silently put back).
	validate func(string) error
	errLabel *widget.Label
	// onEscape gives the focus back to the chart.
	onEscape func()
}

// withCheck makes the field validate as typed, with its error beside it.
func (e *commitEntry) withCheck(validate func(string) error) *commitEntry {
	e.validate = validate
	e.errLabel = widget.NewLabel("")
	e.errLabel.Importance = widget.DangerImportance
	e.errLabel.Wrapping = fyne.TextWrapWord
	e.errLabel.Hide()
	e.OnChanged = func(s string) { e.check() }
	return e
}

// check shows the error of the text, or hides it; it reports whether the text is good.
func (e *commitEntry) check() bool {
	if e.validate == nil {
		return true
	}
	err := e.validate(e.Text)
	if err == nil {
		if e.errLabel.Visible() {
			e.errLabel.Hide()
		}
		return true
	}
	e.errLabel.SetText(err.Error())
	e.errLabel.Show()
	return false
}

// field is the entry with its error line under it.
func (e *commitEntry) field() fyne.CanvasObject {
	if e.errLabel == nil {
		return e
	}
	return container.NewVBox(e, e.errLabel)
}

// TypedKey: Escape puts back the value the field showed and leaves the
// field for the chart (so Delete then acts on the chart, not the text).
func (e *commitEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.Entry.SetText(e.committed)
		e.check()
		if e.onEscape != nil {
			e.onEscape()
		}
		return
	}
	e.Entry.TypedKey(ev)
}

func newCommitEntry(multi bool, onCommit func(string)) *commitEntry {
	e := &commitEntry{onCommit: onCommit}
	e.MultiLine = multi
	if multi {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

// SetText shows a value without committing it.
func (e *commitEntry) SetText(s string) {
	e.committed = s
	e.Entry.SetText(s)
	e.check()
}

func (e *commitEntry) commit() {
	if e.Text == e.committed {
		return
	}
	if !e.check() {
		e.onCommit(e.Text) // says what is wrong, changes nothing
		return
	}
	e.committed = e.Text
	e.onCommit(e.Text)
}

// FocusGained implements fyne.Focusable.
func (e *commitEntry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
}

// FocusLost commits the text.
func (e *commitEntry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
	e.commit()
}

// Root is the inspector's panel.
func (in *Inspector) Root() fyne.CanvasObject { return in.root }

// RefreshIfStale shows the selection if it changed while the panel was hidden.
func (in *Inspector) RefreshIfStale() {
	if in.stale {
		in.Refresh()
	}
}

// FocusHolder puts the focus in the holder field with its text selected, so
// typing replaces the holder.
func (in *Inspector) FocusHolder() {
	if in.Win == nil || in.st.SelectedPosition() == nil {
		return
	}
	in.Win.Canvas().Focus(in.holder)
	in.holder.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// makeTopPosition moves the selected position, with everything below it, to
// the top level: the one way to do it (a card dropped on empty canvas stays).
func (in *Inspector) makeTopPosition() {
	pos := in.st.SelectedPosition()
	if pos == nil || pos.ReportsTo == "" {
		return
	}
	if err := in.st.Move(pos.ID, ""); err != nil {
		in.status(err.Error())
		return
	}
	in.status("Moved " + in.st.Label(pos) + " to the top level (Ctrl+Z undoes it)")
}
