package catalog

import "strings"

// IDFromTitle turns a role title into its catalog id, the kebab-case of the
// title: "VP of IT" -> "vp-of-it", "VP of Data and AI" -> "vp-of-data-and-ai".
// Letters and digits are kept (lowercased); every other run of characters
// becomes one hyphen.
func IDFromTitle(title string) string {
	var b strings.Builder
	b.Grow(len(title))
	pendingHyphen := false
	for _, r := range strings.ToLower(title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingHyphen = false
			b.WriteRune(r)
			continue
		}
		pendingHyphen = true
	}
	return b.String()
}

// isKebab reports whether id is lowercase words joined by single hyphens.
func isKebab(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
