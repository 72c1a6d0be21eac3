package look

import (
	"strings"

	"github.com/go-text/typesetting/segmenter"
)

// Ellipsis ends text that was cut to fit.
const Ellipsis = "…"

// Measure is the advance width of s in face f, in logical pixels. The
// renderers pass a Shaper's Measure; the app may pass its toolkit's.
type Measure func(s string, f Face) float32

// Wrap breaks s into at most maxLines lines no wider than width: between
// words and wherever Unicode allows a line break (after a CJK ideograph, a
// hyphen), inside a word only when it alone is wider than a line (between
// grapheme clusters, so no accent or syllable is split). When text is left
// over, the last line ends with an ellipsis. Runs of spaces count as one.
func Wrap(m Measure, s string, f Face, width float32, maxLines int) []string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
	if s == "" || maxLines <= 0 {
		return nil
	}
	if m(s, f) <= width {
		return []string{s}
	}
	pieces := breaks(s)
	var lines []string
	line := ""
	for len(pieces) > 0 {
		try := line + pieces[0]
		if m(strings.TrimRight(try, " "), f) <= width {
			line, pieces = try, pieces[1:]
			continue
		}
		if line == "" { // one piece wider than the line: cut it
			head := prefixFitting(m, pieces[0], f, width, "")
			line, pieces[0] = head, pieces[0][len(head):]
		}
		if len(lines) == maxLines-1 {
			return append(lines, Ellipsize(m, line+strings.Join(pieces, ""), f, width))
		}
		lines = append(lines, strings.TrimRight(line, " "))
		line = ""
	}
	if line = strings.TrimRight(line, " "); line != "" {
		lines = append(lines, line)
	}
	return lines
}

// Ellipsize returns s when it fits in width, else its longest prefix (whole
// grapheme clusters, trailing spaces and commas trimmed) that fits with an
// ellipsis after it; just the ellipsis when nothing else fits.
func Ellipsize(m Measure, s string, f Face, width float32) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if m(s, f) <= width {
		return s
	}
	return prefixFitting(m, s, f, width, Ellipsis)
}

// prefixFitting is the longest prefix p of s, whole graphemes, with
// m(p+tail) <= width; with no tail it keeps at least one grapheme, so text
// always moves forward.
func prefixFitting(m Measure, s string, f Face, width float32, tail string) string {
	cuts := graphemeEnds(s) // byte offsets after each grapheme
	trim := func(p string) string {
		if tail == "" {
			return p
		}
		return strings.TrimRight(p, " ,")
	}
	lo, hi := 0, len(cuts) // the answer is cuts[lo-1] (0: empty)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if m(trim(s[:cuts[mid-1]])+tail, f) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		if tail == "" && len(cuts) > 0 {
			return s[:cuts[0]]
		}
		return tail
	}
	return trim(s[:cuts[lo-1]]) + tail
}

// breaks splits s at its line-break opportunities; each piece keeps its
// trailing spaces.
func breaks(s string) []string {
	var seg segmenter.Segmenter
	seg.InitWithString(s)
	var out []string
	it := seg.LineIterator()
	for it.Next() {
		out = append(out, string(it.Line().Text))
	}
	return out
}

// graphemeEnds are the byte offsets at which s's grapheme clusters end.
func graphemeEnds(s string) []int {
	var seg segmenter.Segmenter
	seg.InitWithString(s)
	var out []int
	at := 0
	it := seg.GraphemeIterator()
	for it.Next() {
		for _, r := range it.Grapheme().Text {
			at += len(string(r))
		}
		out = append(out, at)
	}
	return out
}
