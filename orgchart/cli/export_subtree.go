package cli

import (
	"fmt"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
)

// findSubtree resolves --subtree: a position id, or text naming one position
// by its title, holder, role title or role id (whole match first, then part
// of one, ignoring case). It returns the id, or a message listing what went
// wrong and, when several match, the candidates.
func findSubtree(p *orgchart.Plan, cat *catalog.Catalog, query string) (string, string) {
	if pos := p.Position(query); pos != nil {
		return pos.ID, ""
	}
	q := strings.ToLower(strings.TrimSpace(query))
	var exact, partial []*orgchart.Position
	for _, pos := range p.Positions {
		whole, part := false, false
		for _, name := range names(pos, cat) {
			n := strings.ToLower(name)
			whole = whole || n == q
			part = part || (q != "" && strings.Contains(n, q))
		}
		switch {
		case whole:
			exact = append(exact, pos)
		case part:
			partial = append(partial, pos)
		}
	}
	found := exact
	if len(found) == 0 {
		found = partial
	}
	switch len(found) {
	case 1:
		return found[0].ID, ""
	case 0:
		return "", fmt.Sprintf("orgplanner export: --subtree %q matches no position: give a position id, title, holder or role\n", query)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "orgplanner export: --subtree %q matches %d positions; give one of these ids:\n", query, len(found))
	for i, pos := range found {
		if i == 20 {
			fmt.Fprintf(&b, "  ... and %d more: make the text longer\n", len(found)-i)
			break
		}
		holder := pos.Holder
		if holder == "" {
			holder = "vacant"
		}
		fmt.Fprintf(&b, "  %s  %s (%s)\n", pos.ID, names(pos, cat)[0], holder)
	}
	return "", b.String()
}

// names are the texts a position can be found by; the first is its title.
func names(pos *orgchart.Position, cat *catalog.Catalog) []string {
	var out []string
	if pos.Title != "" {
		out = append(out, pos.Title)
	}
	if cat != nil {
		if r := cat.Role(pos.Role); r != nil {
			out = append(out, r.Title)
		}
	}
	out = append(out, pos.Role)
	if pos.Holder != "" {
		out = append(out, pos.Holder)
	}
	return out
}
