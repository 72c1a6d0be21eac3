package catalogpanel

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/orgplanner/orgplanner/app/chart"
	"github.com/orgplanner/orgplanner/app/state"
	"github.com/orgplanner/orgplanner/app/uikit"
	"github.com/orgplanner/orgplanner/catalog"
)

// catalogItem is one row of the catalog list: a group header or a role.
type catalogItem struct {
	header string
	domain catalog.Domain // the header's domain ("" for individual contributors)
	role   *catalog.Role
}

// Panel lists the roles grouped by domain, with a search box, and
// shows the selected role's blueprint below. Rows are drag sources.
type Panel struct {
	st     *state.State
	drag   *chart.Dragger
	search *widget.Entry
	list   *widget.List
	detail *widget.RichText
	hint   *widget.Label
	items  []catalogItem
	chosen string // role id shown in the detail
	root   fyne.CanvasObject
	rows   map[*RoleRow]bool // rows the list created, for the layout dump
}

func New(st *state.State, drag *chart.Dragger) *Panel {
	p := &Panel{st: st, drag: drag, rows: map[*RoleRow]bool{}}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Filter roles")
	p.search.OnChanged = func(string) { p.Reload() }
	p.list = widget.NewList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject {
			r := newRoleRow(p)
			p.rows[r] = true
			return r
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*RoleRow).bind(p.items[i]) },
	)
	p.detail = widget.NewRichText()
	p.detail.Wrapping = fyne.TextWrapWord
	p.showDetail(nil)
	p.hint = widget.NewLabelWithStyle("Drag a role onto a card to add it there", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	p.hint.Wrapping = fyne.TextWrapWord // whole in a narrow panel (1280 x 720), not "Drag a role onto a card to ad…"
	hint := p.hint
	top := container.NewBorder(container.NewVBox(p.search, hint), nil, nil, nil, p.list)
	split := container.NewVSplit(top, container.NewScroll(p.detail))
	split.Offset = 0.6
	p.root = split
	p.Reload()
	return p
}

// Reload rebuilds the rows from the catalog and the search text.
func (p *Panel) Reload() {
	q := strings.ToLower(strings.TrimSpace(p.search.Text))
	groups := map[catalog.Domain][]*catalog.Role{}
	var ics []*catalog.Role
	for _, r := range p.st.Catalog().Roles {
		if q != "" && !strings.Contains(strings.ToLower(r.Title), q) && !strings.Contains(r.ID, q) {
			continue
		}
		switch {
		case r.Individual:
			ics = append(ics, r)
		case len(r.Domains) > 0:
			groups[r.Domains[0]] = append(groups[r.Domains[0]], r)
		default:
			groups[""] = append(groups[""], r)
		}
	}
	byTitle := func(rs []*catalog.Role) {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Title < rs[j].Title })
	}
	p.items = p.items[:0]
	for _, d := range append(append([]catalog.Domain{}, catalog.Domains...), "") {
		rs := groups[d]
		if len(rs) == 0 {
			continue
		}
		byTitle(rs)
		name := uikit.DomainName(d)
		p.items = append(p.items, catalogItem{header: name, domain: d})
		for _, r := range rs {
			p.items = append(p.items, catalogItem{role: r, domain: d})
		}
	}
	if len(ics) > 0 {
		byTitle(ics)
		p.items = append(p.items, catalogItem{header: "Individual contributors"})
		for _, r := range ics {
			p.items = append(p.items, catalogItem{role: r})
		}
	}
	p.list.Refresh()
}

// VisibleRows returns the role rows on screen, top to bottom, with their roles (for the layout dump).
func (p *Panel) VisibleRows() []*RoleRow {
	var out []*RoleRow
	for r := range p.rows {
		if r.item.role != nil && r.Visible() {
			out = append(out, r)
		}
	}
	drv := fyne.CurrentApp().Driver()
	sort.Slice(out, func(i, j int) bool {
		return drv.AbsolutePositionForObject(out[i]).Y < drv.AbsolutePositionForObject(out[j]).Y
	})
	return out
}

// showDetail shows a role's blueprint.
func (p *Panel) showDetail(r *catalog.Role) {
	if r == nil {
		p.detail.ParseMarkdown("Select a role to see its blueprint: summary, responsibilities, KPIs, span of control and the capabilities it owns.")
		return
	}
	p.chosen = r.ID
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", r.Title)
	var ds []string
	for _, d := range r.Domains {
		ds = append(ds, uikit.DomainName(d))
	}
	level := string(r.Level)
	if r.Individual {
		level = "individual contributor"
	}
	fmt.Fprintf(&b, "*%s* · %s\n\n", strings.Join(ds, ", "), level)
	if r.Span != nil {
		fmt.Fprintf(&b, "**Span of control:** %d-%d direct reports (%s)\n\n", r.Span.Min, r.Span.Max, r.Span.Archetype)
	}
	if r.Summary != "" {
		fmt.Fprintf(&b, "%s\n\n", r.Summary)
	}
	if len(r.Responsibilities) > 0 {
		b.WriteString("**Responsibilities**\n\n")
		for _, x := range r.Responsibilities {
			fmt.Fprintf(&b, "- *%s:* %s\n", x.Group, x.Text)
		}
		b.WriteString("\n")
	}
	if len(r.KPIs) > 0 {
		b.WriteString("**KPIs**\n\n")
		for _, k := range r.KPIs {
			fmt.Fprintf(&b, "- %s: %s\n", k.Metric, k.Target)
		}
		b.WriteString("\n")
	}
	caps := func(title string, ids []string) {
		if len(ids) == 0 {
			return
		}
		fmt.Fprintf(&b, "**%s**\n\n", title)
		for _, id := range ids {
			name := id
			if c := p.st.Catalog().Capability(id); c != nil {
				name = c.Name + " (" + string(c.Domain) + ")"
			}
			fmt.Fprintf(&b, "- %s\n", name)
		}
		b.WriteString("\n")
	}
	caps("Owns", r.Owns)
	caps("Supports", r.Supports)
	p.detail.ParseMarkdown(b.String())
}

// RoleRow is one catalog row: a group header or a role that can be dragged
// onto the chart.
type RoleRow struct {
	widget.BaseWidget
	panel  *Panel
	item   catalogItem
	swatch *canvas.Rectangle
	label  *widget.Label
}

func newRoleRow(p *Panel) *RoleRow {
	r := &RoleRow{panel: p, swatch: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *RoleRow) bind(it catalogItem) {
	r.item = it
	if it.role == nil {
		r.label.SetText(it.header)
		r.label.TextStyle = fyne.TextStyle{Bold: true}
		r.swatch.FillColor = uikit.DomainColorOf(it.domain, uikit.IsDark())
		if it.domain == "" {
			r.swatch.FillColor = theme.Color(theme.ColorNameDisabled)
		}
	} else {
		r.label.SetText(it.role.Title)
		r.label.TextStyle = fyne.TextStyle{}
		r.swatch.FillColor = uikit.DomainColor(it.role, uikit.IsDark())
	}
	r.label.Refresh()
	r.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (r *RoleRow) CreateRenderer() fyne.WidgetRenderer {
	return &roleRowRenderer{r: r}
}

// Tapped shows the role's blueprint.
func (r *RoleRow) Tapped(*fyne.PointEvent) {
	if r.item.role != nil {
		r.panel.showDetail(r.item.role)
	}
}

// Dragged drags the role towards the chart.
func (r *RoleRow) Dragged(ev *fyne.DragEvent) {
	d := r.panel.drag
	if r.item.role == nil || d == nil {
		return
	}
	if !d.Active() {
		d.Begin(chart.RolePayload(r.item.role))
	}
	d.Move(chart.AbsolutePosition(r, ev))
}

// DragEnd drops the role.
func (r *RoleRow) DragEnd() {
	if d := r.panel.drag; d != nil && r.item.role != nil {
		d.End()
	}
}

type roleRowRenderer struct{ r *RoleRow }

func (rr *roleRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.swatch, rr.r.label}
}
func (rr *roleRowRenderer) Destroy() {}
func (rr *roleRowRenderer) MinSize() fyne.Size {
	m := rr.r.label.MinSize()
	return fyne.NewSize(m.Width+20, m.Height)
}
func (rr *roleRowRenderer) Layout(s fyne.Size) {
	r := rr.r
	if r.item.role == nil {
		r.swatch.Move(fyne.NewPos(2, s.Height/2-6))
		r.swatch.Resize(fyne.NewSize(12, 12))
		r.swatch.CornerRadius = 3
		r.label.Move(fyne.NewPos(16, 0))
		r.label.Resize(fyne.NewSize(s.Width-16, s.Height))
		return
	}
	r.swatch.Move(fyne.NewPos(18, 6))
	r.swatch.Resize(fyne.NewSize(4, s.Height-12))
	r.swatch.CornerRadius = 2
	r.label.Move(fyne.NewPos(24, 0))
	r.label.Resize(fyne.NewSize(s.Width-24, s.Height))
}
func (rr *roleRowRenderer) Refresh() {
	rr.Layout(rr.r.Size())
	rr.r.swatch.Refresh()
}

// Root is the panel's content.
func (p *Panel) Root() fyne.CanvasObject { return p.root }

// Search is the catalog's own filter box.
func (p *Panel) Search() *widget.Entry { return p.search }

// Role is the role a row shows (nil for a group header).
func (r *RoleRow) Role() *catalog.Role { return r.item.role }

// ThemeChanged redraws the rows' domain colours.
func (p *Panel) ThemeChanged() { p.list.Refresh() }
