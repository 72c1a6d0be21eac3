package orgchart

import (
	"fmt"

	"github.com/orgplanner/orgplanner/catalog"
)

// closest returns up to n candidates nearest to s (catalog.Closest: the
// project's one string distance, bounded work).
func closest(s string, candidates []string, n int) []string {
	return catalog.Closest(s, candidates, n)
}

// closeTo returns " (did you mean "x"?)" when one candidate is a likely typo
// of s, else "".
func closeTo(s string, candidates []string) string {
	if best := catalog.Likely(s, candidates); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
