package catalog

import (
	"sort"
	"strings"
)

// The project's one string distance and the suggestions built on it ("did
// you mean", "closest: ..."), for plans and catalogs alike. The work is
// bounded whatever the input: a word longer than MaxSuggestLength gets no
// suggestion, and each comparison stops once it passes its limit.

// MaxSuggestLength is the longest word a suggestion is looked for: ids and
// field names are short, and a longer word is no typo of one.
const MaxSuggestLength = 128

// Distance is the Levenshtein distance between a and b by bytes (ids and
// field names are ASCII), or limit when it is at least limit: the rows stop
// early once every cell reaches it, so the cost is at most about
// limit*len(b) rather than len(a)*len(b).
func Distance(a, b string, limit int) int {
	if diff := len(a) - len(b); diff >= limit || -diff >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// Closest returns up to n candidates nearest to word by Distance, nearest
// first; ties go to candidates that hold word's letters in order (letters
// left out), then alphabetical order. A word longer than MaxSuggestLength
// gets none, and such candidates are never offered.
func Closest(word string, candidates []string, n int) []string {
	if len(word) > MaxSuggestLength || n <= 0 {
		return nil
	}
	type scored struct {
		id     string
		dist   int
		within bool
	}
	all := make([]scored, 0, len(candidates))
	for _, c := range candidates {
		if len(c) > MaxSuggestLength {
			continue
		}
		limit := max(len(word), len(c)) + 1 // no candidate is farther
		all = append(all, scored{c, Distance(word, c, limit), subsequence(word, c)})
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

// Likely returns the candidate that is a likely typo of word (at most a
// third of its letters wrong, at least two allowed, letter case aside), or
// "" when none is.
func Likely(word string, candidates []string) string {
	if len(word) > MaxSuggestLength {
		return ""
	}
	lower := strings.ToLower(word)
	limit := max(2, len(word)/3) + 1
	best, bestDist := "", limit
	for _, c := range candidates {
		if c == word || len(c) > MaxSuggestLength {
			continue
		}
		if d := Distance(lower, strings.ToLower(c), bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
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
