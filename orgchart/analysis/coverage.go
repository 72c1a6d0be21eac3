package analysis

import (
	"fmt"
	"image/color"
	"io"
	"slices"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// CellState is how a capability is covered in a plan.
type CellState string

// The states of the heatmap, worst first.
const (
	StateGap         CellState = "gap"          // required, nobody owns or supports it
	StateOverlap     CellState = "overlap"      // owners in separate branches (check's coverage.overlap)
	StateSupported   CellState = "supported"    // required, supported but owned by nobody
	StateOwned       CellState = "owned"        // one position is accountable (or owners under one leader)
	StateNotRequired CellState = "not-required" // not required at this scope and headcount, and unowned
)

// Cell is one capability of the heatmap.
type Cell struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	State      CellState `json:"state"`
	Required   bool      `json:"required"`
	Owners     []string  `json:"owners"`     // "Title (Holder)" or "Title (vacant)"
	Supporters []string  `json:"supporters"` // the same, for supporters
	OwnerRoles []string  `json:"ownerRoles"` // the owners' role titles, one per owner
}

// DomainRow is one domain's capabilities, in catalog order.
type DomainRow struct {
	Domain catalog.Domain `json:"domain"`
	Cells  []Cell         `json:"cells"`
}

// Coverage works out every in-scope capability's state: who owns and who
// supports it (positions whose catalog role owns or supports it, as check's
// coverage model has it) and whether the plan needs an owner. rep is
// check.Run's report for the plan (nil runs it); its overlaps are used as they are.
func Coverage(p *orgchart.Plan, cat *catalog.Catalog, rep *check.Report) []DomainRow {
	if cat == nil {
		return nil
	}
	if rep == nil {
		rep = check.Run(p, cat)
	}
	owners, supporters, ownerRoles := map[string][]string{}, map[string][]string{}, map[string][]string{}
	for _, pos := range p.Positions {
		r := cat.Role(pos.Role)
		if r == nil {
			continue
		}
		name := title(pos, cat)
		owns, supports := pos.Capabilities(cat) // the role's, changed by the plan's owns/supports/notOwns
		for _, id := range owns {
			owners[id] = append(owners[id], name)
			ownerRoles[id] = append(ownerRoles[id], r.Title)
		}
		for _, id := range supports {
			supporters[id] = append(supporters[id], name)
		}
	}
	overlaps := rep.CapabilitiesFlagged("coverage.overlap")
	for id := range rep.CapabilitiesFlagged("coverage.duplicate-leader") {
		overlaps[id] = true
	}
	headcount := rep.Summary.Headcount
	var rows []DomainRow
	for _, d := range catalog.Domains {
		if len(p.Scope) > 0 && !slices.Contains(p.Scope, d) {
			continue
		}
		row := DomainRow{Domain: d}
		for _, cp := range cat.Capabilities {
			if cp.Domain != d || cat.Capability(cp.ID) != cp {
				continue
			}
			c := Cell{ID: cp.ID, Name: cp.Name, Required: cp.RequiredAt(headcount),
				Owners: nonNil(owners[cp.ID]), Supporters: nonNil(supporters[cp.ID]), OwnerRoles: nonNil(ownerRoles[cp.ID])}
			switch {
			case overlaps[cp.ID]:
				c.State = StateOverlap
			case len(c.Owners) > 0:
				c.State = StateOwned
			case !c.Required:
				c.State = StateNotRequired
			case len(c.Supporters) > 0:
				c.State = StateSupported
			default:
				c.State = StateGap
			}
			row.Cells = append(row.Cells, c)
		}
		if len(row.Cells) > 0 {
			rows = append(rows, row)
		}
	}
	return rows
}

// title names an owner in a cell: the card's title and the holder.
func title(pos *orgchart.Position, cat *catalog.Catalog) string {
	return look.Label(pos, cat)
}

// stateStyle is how a state is drawn and named in the legend.
type stateStyle struct {
	fill, accent color.NRGBA
	label        string
}

func styleOf(s CellState, dark bool) stateStyle {
	light := map[CellState]stateStyle{
		StateOwned:       {hex(0xD8EFD9), hex(0x59A14F), "Owned"},
		StateSupported:   {hex(0xFBE3B5), hex(0xE8A33D), "Supported only (nobody accountable)"},
		StateGap:         {hex(0xE15759), hex(0xB83A3C), "Gap (required, nobody owns it)"},
		StateOverlap:     {hex(0xB07AA1), hex(0x8A5A7D), "Overlap (owners in separate branches)"},
		StateNotRequired: {hex(0xECEEF1), hex(0xC9CED6), "Not required at this size or scope"},
	}
	st := light[s]
	if dark {
		switch s {
		case StateOwned:
			st.fill = hex(0x2F4A33)
		case StateSupported:
			st.fill = hex(0x5A4622)
		case StateNotRequired:
			st.fill, st.accent = hex(0x2E3136), hex(0x4A4D55)
		}
	}
	return st
}

// CoveragePNG draws the coverage heatmap: a row per domain in scope, a cell
// per capability coloured by its state and labelled with its name and its
// owner (or what is missing), with a legend counting each state.
func CoveragePNG(w io.Writer, p *orgchart.Plan, cat *catalog.Catalog, opt Options) error {
	if cat == nil {
		return fmt.Errorf("the coverage picture needs a catalog")
	}
	rep := check.Run(p, cat)
	rows := Coverage(p, cat, rep)
	pal := look.PaletteFor(opt.theme())
	const (
		margin  = 40
		labelW  = 170
		cellW   = 176
		cellH   = 62
		gap     = 6
		perLine = 7
		rowGap  = 14
		headerH = 150
	)
	W := float32(margin*2 + labelW + perLine*(cellW+gap) - gap)
	H := float32(headerH)
	for _, r := range rows {
		lines := (len(r.Cells) + perLine - 1) / perLine
		H += float32(lines)*(cellH+gap) - gap + rowGap
	}
	H += 40
	c, err := newCanvas(W, H, opt)
	if err != nil {
		return err
	}
	c.rect(0, 0, W, H, pal.Page)

	counts := map[CellState]int{}
	required, owned := 0, 0
	for _, r := range rows {
		for _, cell := range r.Cells {
			counts[cell.State]++
			if cell.Required {
				required++
				if cell.State == StateOwned || cell.State == StateOverlap {
					owned++
				}
			}
		}
	}
	title := "Responsibility coverage"
	if p.Name != "" {
		title += ": " + p.Name
	}
	c.text(margin, 48, c.shorten(title, W-2*margin, 22, true), 22, true, pal.Title)
	sub := fmt.Sprintf("%d of %d required capabilities have an owner · headcount %d", owned, required, rep.Summary.Headcount)
	var out []string
	for _, d := range catalog.Domains {
		if len(p.Scope) > 0 && !slices.Contains(p.Scope, d) {
			out = append(out, d.Name())
		}
	}
	if len(out) > 0 {
		sub += " · not in the plan's scope: " + strings.Join(out, ", ")
	}
	if opt.Date != "" {
		sub += " · " + opt.Date
	}
	c.text(margin, 74, c.shorten(sub, W-2*margin, 14, false), 14, false, pal.Muted)
	lx := float32(margin)
	for _, s := range []CellState{StateGap, StateOverlap, StateSupported, StateOwned, StateNotRequired} {
		st := styleOf(s, opt.Dark)
		label := fmt.Sprintf("%s: %d", st.label, counts[s])
		lw := c.width(label, 13, false)
		if lx+22+lw > W-margin {
			break
		}
		c.rect(lx, 98, 16, 16, st.fill)
		c.frame(lx, 98, 16, 16, st.accent)
		c.text(lx+22, 111, label, 13, false, pal.Title)
		lx += 22 + lw + 24
	}

	y := float32(headerH - 10)
	for _, r := range rows {
		lines := (len(r.Cells) + perLine - 1) / perLine
		rowH := float32(lines)*(cellH+gap) - gap
		dc := look.DomainColor(r.Domain, opt.theme())
		c.rect(margin, y, 6, rowH, dc)
		c.text(margin+16, y+22, r.Domain.Name(), 17, true, pal.Title)
		req, own := 0, 0
		for _, cell := range r.Cells {
			if cell.Required {
				req++
				if cell.State == StateOwned || cell.State == StateOverlap {
					own++
				}
			}
		}
		c.text(margin+16, y+42, fmt.Sprintf("%d of %d required owned", own, req), 12.5, false, pal.Muted)
		c.text(margin+16, y+59, fmt.Sprintf("%d capabilities", len(r.Cells)), 12.5, false, pal.Muted)
		for i, cell := range r.Cells {
			x := float32(margin+labelW) + float32(i%perLine)*(cellW+gap)
			cy := y + float32(i/perLine)*(cellH+gap)
			drawCell(c, cell, x, cy, cellW, cellH, opt.Dark, pal)
		}
		y += rowH + rowGap
	}
	foot := "A capability is owned by the positions whose catalog role owns it; an overlap is owners in separate branches with different roles (orgplanner check)."
	c.text(margin, H-18, c.shorten(foot, W-2*margin, 12, false), 12, false, pal.Muted)
	return c.writePNG(w)
}

func drawCell(c *canvas, cell Cell, x, y, w, h float32, dark bool, pal look.Palette) {
	st := styleOf(cell.State, dark)
	c.rect(x, y, w, h, st.fill)
	c.rect(x, y, 4, h, st.accent)
	txt := look.TextOn(st.fill)
	sub := txt
	if cell.State == StateNotRequired {
		txt, sub = pal.Muted, pal.Muted
	}
	lines := c.wrap(cell.Name, w-16, 12.5, true, 2)
	for i, l := range lines {
		c.text(x+10, y+17+float32(i)*15, l, 12.5, true, txt)
	}
	var who []string
	prefix := ""
	switch cell.State {
	case StateOwned, StateOverlap:
		who = cell.Owners
	case StateSupported:
		who, prefix = cell.Supporters, "support: "
	case StateGap:
		c.text(x+10, y+h-9, "nobody owns it", 11, false, sub)
		return
	case StateNotRequired:
		c.text(x+10, y+h-9, "not required", 11, false, sub)
		return
	}
	// Many owners of one role (a capability split across teams): "12 × Role".
	if len(who) > 1 && prefix == "" && allSame(cell.OwnerRoles) {
		line := fmt.Sprintf("%d × %s", len(who), cell.OwnerRoles[0])
		c.text(x+10, y+h-9, c.shorten(line, w-16, 11, false), 11, false, sub)
		return
	}
	// The first owner, then "+N" for the others; the holder goes first when
	// the line is too short for "Title (Holder)".
	suffix := ""
	if len(who) > 1 {
		suffix = fmt.Sprintf(" +%d", len(who)-1)
	}
	room := w - 16 - c.width(prefix+suffix, 11, false)
	line := who[0]
	if c.width(line, 11, false) > room {
		if i := strings.LastIndex(line, " ("); i > 0 {
			line = line[:i]
		}
	}
	c.text(x+10, y+h-9, prefix+c.shorten(line, room, 11, false)+suffix, 11, false, sub)
}

func allSame(list []string) bool {
	for _, s := range list {
		if s != list[0] {
			return false
		}
	}
	return true
}

// nonNil keeps empty lists as [] in JSON.
func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

func hex(v uint32) color.NRGBA { return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF} }
