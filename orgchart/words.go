package orgchart

import "strconv"

// Thousands writes 12345 as "12,345": the one way the checks, the charts and the window
// print a count.
func Thousands(n int) string {
	if n < 0 {
		return "-" + Thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Count is "1 position" or "3,086 positions": a count with the noun that
// agrees with it.
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}
