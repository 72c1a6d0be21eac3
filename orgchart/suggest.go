package orgchart

import (
	"fmt"
	"slices"

	"github.com/orgplanner/orgplanner/catalog"
)

// closest returns up to n candidates nearest to s: first the roles s names
// as a job title or abbreviation ("cto", "head-of-sre": catalog.TitleRoles,
// the table the people import matches with), then the nearest spellings
// (catalog.Closest: the project's one string distance, bounded work).
// Capability ids and field names never meet the table's role ids.
func closest(s string, candidates []string, n int) []string {
	var out []string
	if len(s) <= catalog.MaxSuggestLength {
		for _, id := range catalog.TitleRoles(s) {
			if len(out) < n && slices.Contains(candidates, id) {
				out = append(out, id)
			}
		}
	}
	for _, c := range catalog.Closest(s, candidates, n) {
		if len(out) < n && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// closeTo returns " (did you mean "x"?)" when one candidate is a likely typo
// of s, else "".
func closeTo(s string, candidates []string) string {
	if best := catalog.Likely(s, candidates); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
