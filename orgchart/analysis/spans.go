package analysis

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/look"
	"github.com/orgplanner/orgplanner/orgchart/rollup"
)

// SpanBand counts the managers (with a holder and at least one counted
// report, as check's summary does) whose span falls in one band, split by
// how check judges each against its role's range.
type SpanBand struct {
	Band    string `json:"band"`    // "1", "2-3", "4-7", "8-12", "13+"
	InRange int    `json:"inRange"` // no span finding
	Narrow  int    `json:"narrow"`  // span.too-narrow, span.single-report or span.chain
	Wide    int    `json:"wide"`    // span.too-wide
	// Other counts positions the span rules do not judge: individual-contributor
	// roles and team positions with reports (check raises reporting findings
	// for them instead).
	Other int `json:"other"`
	// Managers are the managers counted, in plan order (the analysis
	// window lists them when the band's bar is clicked).
	Managers []SpanManager `json:"-"`
}

// SpanManager is one manager counted in a band: its span and how check
// judges it ("in range", "too narrow", "too wide" or "not judged").
type SpanManager struct {
	ID        string
	Span      int
	Judgement string
}

// Judgements of SpanManager, one per part of a bar.
const (
	JudgedInRange = "in range"
	JudgedNarrow  = "too narrow"
	JudgedWide    = "too wide"
	JudgedOther   = "not judged"
)

// Total is the band's number of managers.
func (b SpanBand) Total() int { return b.InRange + b.Narrow + b.Wide + b.Other }

// SpanRange is a recommended span range shown under the histogram.
type SpanRange struct {
	Label    string `json:"label"`
	Min      int    `json:"min"`
	Max      int    `json:"max"`
	Managers int    `json:"managers"` // managers in the plan it applies to (0 for the policy defaults)
}

// Spans counts the plan's managers per span band. rep is check.Run's report
// for the plan (nil runs it).
func Spans(p *orgchart.Plan, cat *catalog.Catalog, rep *check.Report) []SpanBand {
	if rep == nil {
		rep = check.Run(p, cat)
	}
	narrow, wide := map[string]bool{}, map[string]bool{}
	for _, f := range rep.Findings {
		if len(f.Positions) == 0 {
			continue
		}
		switch f.Rule {
		case "span.too-narrow", "span.single-report":
			narrow[f.Positions[0]] = true
		case "span.chain": // every manager of the chain has a single report
			for _, id := range f.Positions {
				narrow[id] = true
			}
		case "span.too-wide":
			wide[f.Positions[0]] = true
		}
	}
	bands := rollup.Bands()
	out := make([]SpanBand, len(bands))
	at := map[string]int{}
	for i, b := range bands {
		out[i].Band = b
		at[b] = i
	}
	for _, pos := range p.Positions {
		s := rollup.Span(p, pos.ID)
		if s == 0 || pos.Vacant() {
			continue // not a manager, or a vacant one (left out of span figures)
		}
		b := &out[at[rollup.Band(s)]]
		judged := JudgedInRange
		switch {
		case !spanJudged(pos, cat):
			b.Other++
			judged = JudgedOther
		case wide[pos.ID]:
			b.Wide++
			judged = JudgedWide
		case narrow[pos.ID]:
			b.Narrow++
			judged = JudgedNarrow
		default:
			b.InRange++
		}
		b.Managers = append(b.Managers, SpanManager{ID: pos.ID, Span: s, Judgement: judged})
	}
	return out
}

// spanJudged mirrors check's rule of which positions the span rules apply to:
// not teams, not individual-contributor roles (but the generic team-member
// role of imports, which says nothing about the job).
func spanJudged(pos *orgchart.Position, cat *catalog.Catalog) bool {
	if pos.Count > 1 {
		return false
	}
	if cat == nil {
		return true
	}
	r := cat.Role(pos.Role)
	return r == nil || !r.Individual || r.ID == "team-member"
}

// Ranges lists the recommended ranges that judge the plan's managers: the
// most used role-specific ranges (from the catalog or the policy's
// roleSpans, at most four) with how many managers each applies to, then the
// policy's defaults for roles without a range of their own.
func Ranges(p *orgchart.Plan, cat *catalog.Catalog) []SpanRange {
	pick := func(r, def orgchart.Range) orgchart.Range {
		if r.Min == 0 {
			r.Min = def.Min
		}
		if r.Max == 0 {
			r.Max = def.Max
		}
		return r
	}
	pol := p.Policy
	fl := pick(pol.FirstLine, orgchart.DefaultFirstLine)
	mm := pick(pol.ManagersOfManagers, orgchart.DefaultManagersOfManagers)
	ex := pick(pol.Executive, orgchart.DefaultExecutive)
	defaults := []SpanRange{
		{Label: "Default for first-line managers", Min: fl.Min, Max: fl.Max},
		{Label: "Default for managers of managers", Min: mm.Min, Max: mm.Max},
		{Label: "Default for executives", Min: ex.Min, Max: ex.Max},
	}
	var out []SpanRange
	type key struct{ min, max int }
	type group struct {
		key
		titles   []string
		managers int
	}
	groups := map[key]*group{}
	for _, pos := range p.Positions {
		// The managers the histogram counts and judges.
		if rollup.Span(p, pos.ID) == 0 || pos.Vacant() || !spanJudged(pos, cat) {
			continue
		}
		var r orgchart.Range
		title := pos.Role
		if cat != nil && cat.Role(pos.Role) != nil {
			title = cat.Role(pos.Role).Title
		}
		if rs, ok := pol.RoleSpans[pos.Role]; ok {
			r = rs
			title += " (plan policy)"
		} else if cat != nil {
			role := cat.Role(pos.Role)
			if role == nil || role.Span == nil || role.Span.Max == 0 {
				continue
			}
			r, title = orgchart.Range{Min: role.Span.Min, Max: role.Span.Max}, role.Title
		} else {
			continue
		}
		k := key{r.Min, r.Max}
		g := groups[k]
		if g == nil {
			g = &group{key: k}
			groups[k] = g
		}
		g.managers++
		if !contains(g.titles, title) {
			g.titles = append(g.titles, title)
		}
	}
	list := make([]*group, 0, len(groups))
	for _, g := range groups {
		list = append(list, g)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].managers != list[j].managers {
			return list[i].managers > list[j].managers
		}
		return list[i].min < list[j].min || list[i].min == list[j].min && list[i].max < list[j].max
	})
	for i, g := range list {
		if i == 4 {
			break
		}
		label := strings.Join(g.titles, ", ")
		if len(g.titles) > 2 {
			label = strings.Join(g.titles[:2], ", ") + fmt.Sprintf(" and %d more roles", len(g.titles)-2)
		}
		out = append(out, SpanRange{Label: label, Min: g.min, Max: g.max, Managers: g.managers})
	}
	return append(out, defaults...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Colours of the histogram's judgements: green within range, orange too
// narrow, red too wide (the same hues as the domain palette).
var (
	colInRange = hex(0x59A14F)
	colNarrow  = hex(0xF28E2B)
	colWide    = hex(0xE15759)
	colOther   = look.PaletteFor(look.Light).NoDomain
)

var bandNotes = map[string]string{"1": "single report", "2-3": "reports", "4-7": "reports", "8-12": "reports", "13+": "13 or more"}

// spanLimits are the spans each band covers on the range axis (13+ drawn to 18).
var spanLimits = [][2]float32{{1, 1}, {2, 3}, {4, 7}, {8, 12}, {13, 18}}

// The span picture's frame, in units of scale 1.
const (
	spansW      = 1000
	spansLeft   = 90
	spansRight  = spansW - 50
	spansTop    = 150
	spansChartH = 330
	spansCols   = 5
)

// SpanColumn is the part of the span picture (units of scale 1) that stands
// for band i of Spans: its bar with the room above it, its count and its
// label below the axis. The analysis window hit-tests clicks with it.
func SpanColumn(i int) (x, y, w, h float32) {
	colW := float32(spansRight-spansLeft) / spansCols
	return spansLeft + colW*float32(i), spansTop - 20, colW, spansChartH + 20 + 56
}

// SpansPNG draws the span-of-control histogram: managers per span band,
// each bar split into in range, too narrow and too wide for the manager's
// role, with the recommended ranges drawn to the same axis below it.
func SpansPNG(w io.Writer, p *orgchart.Plan, cat *catalog.Catalog, opt Options) error {
	rep := check.Run(p, cat)
	bands := Spans(p, cat, rep)
	ranges := Ranges(p, cat)
	pal := look.PaletteFor(opt.theme())

	const (
		W       = spansW
		left    = spansLeft
		right   = spansRight
		top     = spansTop
		chartH  = spansChartH
		rangeH  = 34
		margin  = 40
		colsN   = spansCols
		barFrac = 0.58
	)
	base := float32(top + chartH)
	rangesTop := base + 100
	H := rangesTop + 30 + float32(len(ranges))*rangeH + 50
	c, err := newCanvas(W, H, opt)
	if err != nil {
		return err
	}
	c.rect(0, 0, W, H, pal.Page)

	// Header: what this is, for which plan, the figures that matter.
	managers, inRange := 0, 0
	for _, b := range bands {
		managers += b.Total()
		inRange += b.InRange
	}
	title := "Span of control"
	if p.Name != "" {
		title += ": " + p.Name
	}
	c.text(margin, 48, c.shorten(title, W-2*margin, 22, true), 22, true, pal.Title)
	s := rep.Summary
	sub := fmt.Sprintf("%d managers with a holder · %d within the range for their role · mean span %.1f · median %s",
		managers, inRange, s.SpanMean, trimFloat(s.SpanMedian))
	if opt.Date != "" {
		sub += " · " + opt.Date
	}
	c.text(margin, 74, c.shorten(sub, W-2*margin, 14, false), 14, false, pal.Muted)
	lx := float32(margin)
	for _, l := range []struct {
		col   color.NRGBA
		label string
	}{{colInRange, "Within the range for the role"}, {colNarrow, "Too narrow or a single report"}, {colWide, "Too wide"},
		{colOther, "Not a manager role (IC or team with reports)"}} {
		c.rect(lx, 96, 14, 14, l.col)
		c.text(lx+20, 108, l.label, 13, false, pal.Title)
		lx += 20 + c.width(l.label, 13, false) + 28
	}

	// Axis and grid: whole numbers of managers, a handful of lines.
	maxN := 1
	for _, b := range bands {
		if b.Total() > maxN {
			maxN = b.Total()
		}
	}
	step := niceStep(maxN)
	top2 := int(math.Ceil(float64(maxN)/float64(step))) * step
	yOf := func(n float32) float32 { return base - n/float32(top2)*chartH }
	for v := 0; v <= top2; v += step {
		y := yOf(float32(v))
		c.rect(left, y, right-left, 1, pal.Grid)
		c.right(left-10, y+5, fmt.Sprint(v), 13, false, pal.Muted)
	}
	c.text(margin-20, top-16, "managers", 12, false, pal.Muted)
	colW := float32(right-left) / colsN
	for i, b := range bands {
		cx := left + colW*(float32(i)+0.5)
		bw := colW * barFrac
		y := base
		for _, seg := range []struct {
			n   int
			col color.NRGBA
		}{{b.InRange, colInRange}, {b.Narrow, colNarrow}, {b.Wide, colWide}, {b.Other, colOther}} {
			if seg.n == 0 {
				continue
			}
			h := float32(seg.n) / float32(top2) * chartH
			c.rect(cx-bw/2, y-h, bw, h, seg.col)
			if h >= 20 && b.Total() != seg.n {
				c.centred(cx, y-h/2+5, fmt.Sprint(seg.n), 13, true, look.TextOn(seg.col))
			}
			y -= h
		}
		c.centred(cx, y-8, fmt.Sprint(b.Total()), 16, true, pal.Title)
		c.centred(cx, base+26, b.Band, 17, true, pal.Title)
		c.centred(cx, base+46, bandNotes[b.Band], 13, false, pal.Muted)
	}
	c.rect(left, base, right-left, 1, pal.Axis)

	// Recommended ranges on the same span axis as the bands above.
	spanX := func(v float32) float32 {
		for i, lim := range spanLimits {
			lo, hi := lim[0]-0.5, lim[1]+0.5
			if v <= hi || i == len(spanLimits)-1 {
				if v > hi {
					v = hi
				}
				return left + colW*(float32(i)+(v-lo)/(hi-lo))
			}
		}
		return right
	}
	c.text(margin, rangesTop, "Recommended span ranges (direct reports), drawn to the bands above", 15, true, pal.Title)
	for i := 0; i < colsN; i++ { // faint column guides tie the ranges to the bands
		c.rect(left+colW*float32(i), rangesTop+12, 1, float32(len(ranges))*rangeH+6, pal.Grid)
	}
	c.rect(right, rangesTop+12, 1, float32(len(ranges))*rangeH+6, pal.Grid)
	for i, r := range ranges {
		y := rangesTop + 22 + float32(i)*rangeH
		x0, x1 := spanX(float32(r.Min)-0.5), spanX(float32(r.Max)+0.5)
		col := pal.Axis
		if r.Managers > 0 {
			col = hex(0x4E79A7)
		}
		c.rect(x0, y+16, x1-x0, 8, col)
		label := fmt.Sprintf("%s: %d-%d", r.Label, r.Min, r.Max)
		if r.Managers > 0 {
			label += fmt.Sprintf(" (%d %s)", r.Managers, plural(r.Managers, "manager", "managers"))
		}
		lw := c.width(label, 12.5, false)
		lx := x0
		if lx+lw > W-margin {
			lx = W - margin - lw
		}
		if lx < margin {
			lx = margin
		}
		c.text(lx, y+11, c.shorten(label, W-2*margin, 12.5, false), 12.5, false, pal.Title)
	}
	foot := "Spans count direct reports, a team as its size and vacancies included; dotted lines and chiefs of staff are left out. Judged by orgplanner check."
	c.text(margin, H-20, c.shorten(foot, W-2*margin, 12, false), 12, false, pal.Muted)
	return c.writePNG(w)
}

// niceStep picks a grid step of 1, 2 or 5 times a power of ten for at most
// about six lines.
func niceStep(max int) int {
	for _, base := range []int{1, 10, 100, 1000, 10000} {
		for _, m := range []int{1, 2, 5} {
			if max/(m*base) <= 6 {
				return m * base
			}
		}
	}
	return 100000
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprint(int(v))
	}
	return fmt.Sprintf("%.1f", v)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
