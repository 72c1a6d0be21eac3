package diff

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// maxListed caps the long lists of the human report; --json has everything.
const maxListed = 40

// WriteText writes the comparison for a person: the changes to positions,
// then a before/after table of the organisation and what changed in it.
func (d *Diff) WriteText(w io.Writer) {
	total := d.Matched.ByID + d.Matched.ByRoleHolder + d.Matched.ByRoleManager
	fmt.Fprintf(w, "Matched %d positions (%d by id", total, d.Matched.ByID)
	if d.Matched.ByRoleHolder > 0 {
		fmt.Fprintf(w, ", %d by role and holder", d.Matched.ByRoleHolder)
	}
	if d.Matched.ByRoleManager > 0 {
		fmt.Fprintf(w, ", %d vacant by role and manager", d.Matched.ByRoleManager)
	}
	fmt.Fprintf(w, "): %d added, %d removed, %d moved, %d changed.\n", len(d.Added), len(d.Removed), len(d.Moved), len(d.Changed))
	if d.Empty() {
		fmt.Fprintln(w, "\nNo changes to positions.")
	}
	section(w, "Plan settings", len(d.Settings), func(i int) string {
		c := d.Settings[i]
		return fmt.Sprintf("~ %s: %s -> %s", c.Setting, c.Before, c.After)
	})
	section(w, "Added", len(d.Added), func(i int) string {
		a := d.Added[i]
		return "+ " + a.String() + under(a.Manager, "under")
	})
	section(w, "Removed", len(d.Removed), func(i int) string {
		r := d.Removed[i]
		return "- " + r.String() + under(r.Manager, "was under")
	})
	section(w, "Moved", len(d.Moved), func(i int) string {
		mv := d.Moved[i]
		return fmt.Sprintf("> %s: from %s to %s", mv.String(), refText(mv.From), refText(mv.To))
	})
	section(w, "Changed", len(d.Changed), func(i int) string {
		c := d.Changed[i]
		parts := make([]string, len(c.Fields))
		for j, f := range c.Fields {
			parts[j] = fieldText(f)
		}
		return "~ " + c.String() + ": " + strings.Join(parts, "; ")
	})

	e := &d.Effects
	fmt.Fprintf(w, "\n%-28s %12s %12s %10s\n", "Organisation", "before", "after", "change")
	row := func(label string, b, a float64, format func(float64) string) {
		fmt.Fprintf(w, "  %-26s %12s %12s %10s\n", label, format(b), format(a), signed(a-b, format))
	}
	row("Positions", float64(e.Positions.Before), float64(e.Positions.After), whole)
	row("Headcount", float64(e.Headcount.Before), float64(e.Headcount.After), whole)
	row("Vacancies", float64(e.Vacancies.Before), float64(e.Vacancies.After), whole)
	row("Managers", float64(e.Managers.Before), float64(e.Managers.After), whole)
	row("Layers", float64(e.Layers.Before), float64(e.Layers.After), whole)
	row("Span of control (mean)", e.SpanMean.Before, e.SpanMean.After, oneDecimal)
	switch {
	case e.Cost.Before != nil && e.Cost.After != nil:
		row("Yearly cost", *e.Cost.Before, *e.Cost.After, whole)
	case e.Cost.Before != nil || e.Cost.After != nil:
		costOrNone := func(v *float64) string {
			if v == nil {
				return "not given"
			}
			return whole(*v)
		}
		fmt.Fprintf(w, "  %-26s %12s %12s\n", "Yearly cost", costOrNone(e.Cost.Before), costOrNone(e.Cost.After))
	}
	fb, fa := e.Findings.Before, e.Findings.After
	fmt.Fprintf(w, "  %-26s %12s %12s\n", "Findings (err/warn/info)",
		fmt.Sprintf("%d/%d/%d", fb.Error, fb.Warning, fb.Info), fmt.Sprintf("%d/%d/%d", fa.Error, fa.Warning, fa.Info))

	if len(e.Rules) > 0 {
		parts := make([]string, len(e.Rules))
		for i, r := range e.Rules {
			parts[i] = fmt.Sprintf("%s %d -> %d", r.Rule, r.Before, r.After)
		}
		fmt.Fprintf(w, "  Findings that changed: %s (orgplanner check explains each)\n", strings.Join(parts, ", "))
	}

	capSection(w, "Gaps opened (required capabilities nobody owns now)", e.GapsOpened)
	capSection(w, "Gaps closed", e.GapsClosed)
	capSection(w, "Overlaps opened (owners in separate branches)", e.OverlapsOpened)
	capSection(w, "Overlaps closed", e.OverlapsClosed)
	d.writeOwnerChanges(w)
	section(w, "Managers whose span changed band", len(e.Spans), func(i int) string {
		s := e.Spans[i]
		unit := "reports"
		if s.Before == 1 {
			unit = "report"
		}
		return fmt.Sprintf("%s: %d %s (%s) -> %d (%s)", s.String(), s.Before, unit, bandText(s.BandBefore), s.After, bandText(s.BandAfter))
	})
	rollups := append([]RollupChange(nil), e.Rollups...)
	sort.SliceStable(rollups, func(i, j int) bool {
		return absInt(rollups[i].After.Headcount-rollups[i].Before.Headcount) > absInt(rollups[j].After.Headcount-rollups[j].Before.Headcount)
	})
	section(w, "Below managers (headcount, vacancies, cost)", len(rollups), func(i int) string {
		r := rollups[i]
		s := fmt.Sprintf("%s: headcount %d -> %d", r.String(), r.Before.Headcount, r.After.Headcount)
		if r.Before.Vacancies != r.After.Vacancies {
			s += fmt.Sprintf(", vacancies %d -> %d", r.Before.Vacancies, r.After.Vacancies)
		}
		if r.Before.Cost != r.After.Cost {
			s += fmt.Sprintf(", cost %s -> %s", whole(r.Before.Cost), whole(r.After.Cost))
		}
		return s
	})
}

// writeOwnerChanges groups capabilities by their owners before and after:
// one line per handover ("Incident management, Vulnerability management:
// CISO (Radia) -> Head of Security (vacant)").
func (d *Diff) writeOwnerChanges(w io.Writer) {
	type group struct {
		from, to string
		caps     []string
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, oc := range d.Effects.OwnerChanges {
		from, to := ownerChangeText(oc), ""
		g := byKey[from+"\x00"+to]
		if g == nil {
			g = &group{from: from, to: to}
			byKey[from+"\x00"+to] = g
			groups = append(groups, g)
		}
		g.caps = append(g.caps, fmt.Sprintf("%s (%s)", oc.Name, oc.Domain))
	}
	section(w, fmt.Sprintf("Capabilities whose owner changed: %d", len(d.Effects.OwnerChanges)), len(groups), func(i int) string {
		g := groups[i]
		return fmt.Sprintf("%s: %s", strings.Join(g.caps, ", "), g.from)
	})
}

func section(w io.Writer, title string, n int, line func(i int) string) {
	if n == 0 {
		return
	}
	if strings.Contains(title, ":") {
		fmt.Fprintf(w, "\n%s\n", title)
	} else {
		fmt.Fprintf(w, "\n%s: %d\n", title, n)
	}
	for i := 0; i < n; i++ {
		if i == maxListed {
			fmt.Fprintf(w, "  ... and %d more (see --json)\n", n-maxListed)
			return
		}
		fmt.Fprintf(w, "  %s\n", line(i))
	}
}

func capSection(w io.Writer, title string, caps []CapRef) {
	section(w, title, len(caps), func(i int) string {
		return fmt.Sprintf("%s (%s)", caps[i].Name, caps[i].Domain)
	})
}

func under(r *Ref, word string) string {
	if r == nil {
		return ", a top position"
	}
	return ", " + word + " " + r.String()
}

func refText(r *Ref) string {
	if r == nil {
		return "the top (no manager)"
	}
	return r.String()
}

// ownerChangeText says how a capability's owners changed: "nobody -> X",
// "X -> nobody", "X -> Y", or, when some owners stay, those gained and lost.
func ownerChangeText(oc OwnerChange) string {
	switch {
	case len(oc.Before) == 0:
		return "nobody -> " + refsText(oc.After)
	case len(oc.After) == 0:
		return refsText(oc.Before) + " -> nobody"
	case len(oc.Lost) == len(oc.Before): // replaced outright
		return refsText(oc.Before) + " -> " + refsText(oc.After)
	}
	var parts []string
	if len(oc.Gained) > 0 {
		parts = append(parts, "now also "+refsText(oc.Gained))
	}
	if len(oc.Lost) > 0 {
		parts = append(parts, "no longer "+refsText(oc.Lost))
	}
	return strings.Join(parts, "; ")
}

// maxOwnersListed caps the owners named on one line: a role held 100,000
// times owns its capabilities 100,000 times, a line of 400 KB nobody reads.
const maxOwnersListed = 5

func refsText(rs []Ref) string {
	if len(rs) == 0 {
		return "nobody"
	}
	n := min(len(rs), maxOwnersListed)
	parts := make([]string, n, n+1)
	for i, r := range rs[:n] {
		parts[i] = r.String()
	}
	if len(rs) > n {
		parts = append(parts, fmt.Sprintf("%d more", len(rs)-n))
	}
	return strings.Join(parts, " and ")
}

func fieldText(f FieldChange) string {
	show := func(s string) string {
		switch {
		case s == "" && f.Field == FieldHolder:
			return "vacant"
		case s == "" && f.Field == FieldCount:
			return "1"
		case s == "":
			return "none"
		case f.Field == FieldCost:
			v, _ := strconv.ParseFloat(s, 64)
			return whole(v)
		case f.Field == FieldNotes && len(s) > 40:
			return strconv.Quote(s[:37] + "...")
		case f.Field == FieldNotes || f.Field == FieldTitle:
			return strconv.Quote(s)
		}
		return s
	}
	return fmt.Sprintf("%s %s -> %s", f.Field, show(f.Before), show(f.After))
}

func bandText(b string) string {
	if b == "0" {
		return "not a manager"
	}
	return "band " + b
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// whole writes a number rounded, with thousands separators: 2,950,000.
func whole(v float64) string {
	n := int64(math.Round(v))
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func oneDecimal(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// signed writes a difference with its sign, or "" when there is none.
func signed(v float64, format func(float64) string) string {
	if math.Abs(v) < 0.05 {
		return ""
	}
	if v > 0 {
		return "+" + format(v)
	}
	return format(v)
}
