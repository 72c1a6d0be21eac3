package orgchart

import (
	"fmt"
	"sort"
	"strings"
)

// editDistance is the Levenshtein distance between a and b, by bytes
// (ids and field names are ASCII).
func editDistance(a, b string) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag = row[j]
			row[j] = next
		}
	}
	return row[len(b)]
}

// closest returns up to n candidates nearest to s by edit distance, nearest
// first, ties in alphabetical order.
func closest(s string, candidates []string, n int) []string {
	type scored struct {
		id     string
		dist   int
		within bool // s is a subsequence of id: likely letters left out
	}
	all := make([]scored, 0, len(candidates))
	for _, c := range candidates {
		all = append(all, scored{c, editDistance(s, c), subsequence(s, c)})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].dist != all[j].dist {
			return all[i].dist < all[j].dist
		}
		if all[i].within != all[j].within {
			return all[i].within
		}
		return all[i].id < all[j].id
	})
	out := make([]string, 0, n)
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].id)
	}
	return out
}

// closeTo returns " (did you mean "x"?)" when one candidate is a likely typo
// of s, else "".
func closeTo(s string, candidates []string) string {
	best := closest(s, candidates, 1)
	if len(best) == 0 {
		return ""
	}
	if d := editDistance(strings.ToLower(s), strings.ToLower(best[0])); d > 0 && d <= max(2, len(s)/3) {
		return fmt.Sprintf(" (did you mean %q?)", best[0])
	}
	return ""
}

// subsequence reports whether the bytes of s appear in t in order.
func subsequence(s, t string) bool {
	i := 0
	for j := 0; i < len(s) && j < len(t); j++ {
		if s[i] == t[j] {
			i++
		}
	}
	return i == len(s)
}
