package render

import (
	"strings"

	"golang.org/x/image/math/fixed"
)

const ellipsis = "…"

// wrap breaks s into at most maxLines lines no wider than width pixels,
// breaking between words (inside a word only when it alone is too wide) and
// ending the last line with an ellipsis when text is left over.
func wrap(f *cachedFace, s string, width, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	line := ""
	for len(words) > 0 {
		w := words[0]
		try := w
		if line != "" {
			try = line + " " + w
		}
		switch {
		case f.width(try) <= width:
			line = try
			words = words[1:]
			continue
		case line == "":
			// A word wider than the line: cut it where it stops fitting.
			head := fit(f, w, width)
			if head == "" {
				head = string([]rune(w)[:1])
			}
			line = head
			words[0] = w[len(head):]
		}
		if len(lines) == maxLines-1 {
			rest := strings.Join(append([]string{line}, words...), " ")
			return append(lines, shorten(f, rest, width))
		}
		lines = append(lines, line)
		line = ""
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fit returns the longest prefix of s (whole runes) no wider than width.
func fit(f *cachedFace, s string, width int) string {
	var adv fixed.Int26_6
	prev := rune(-1)
	for i, r := range s {
		if prev >= 0 {
			adv += f.Kern(prev, r)
		}
		a, _ := f.GlyphAdvance(r)
		adv += a
		if adv.Ceil() > width {
			return s[:i]
		}
		prev = r
	}
	return s
}

// shorten returns s when it fits in width pixels, else its longest prefix
// that fits with an ellipsis after it.
func shorten(f *cachedFace, s string, width int) string {
	if f.width(s) <= width {
		return s
	}
	head := fit(f, s, width-f.width(ellipsis))
	return strings.TrimRight(head, " ") + ellipsis
}
