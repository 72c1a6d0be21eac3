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
	// Lines are first filled by the sum of their pieces' widths (pieces
	// are words and ideographs, whose widths repeat across a chart and are
	// cached by the shaper), then checked whole; if kerning across a break
	// ever makes a line too wide, the exact fill is used instead.
	if lines, ok := fill(m, pieces, f, width, maxLines, true); ok {
		return lines
	}
	lines, _ := fill(m, pieces, f, width, maxLines, false)
	return lines
}

// fill breaks the pieces into lines; with sum, line widths are the sums of
// their pieces' widths, and ok says whether every line then fits measured
// whole.
func fill(m Measure, pieces []string, f Face, width float32, maxLines int, sum bool) (lines []string, ok bool) {
	pieces = append([]string(nil), pieces...)
	lineW := func(line string, start int, upto int) float32 {
		if !sum {
			return m(strings.TrimRight(line, " "), f)
		}
		w := float32(0)
		for k := start; k < upto; k++ {
			w += m(pieces[k], f)
		}
		return w + m(strings.TrimRight(pieces[upto], " "), f)
	}
	line, start := "", 0
	for i := 0; i < len(pieces); {
		if lineW(line+pieces[i], start, i) <= width {
			line += pieces[i]
			i++
			continue
		}
		if line == "" { // one piece wider than the line: cut it
			head := prefixFitting(m, pieces[i], f, width, "")
			line, pieces[i] = head, pieces[i][len(head):]
		}
		if len(lines) == maxLines-1 {
			return append(lines, Ellipsize(m, line+strings.Join(pieces[i:], ""), f, width)), true
		}
		if sum && m(strings.TrimRight(line, " "), f) > width {
			return nil, false
		}
		lines = append(lines, strings.TrimRight(line, " "))
		line, start = "", i
	}
	if line = strings.TrimRight(line, " "); line != "" {
		if sum && m(line, f) > width {
			return nil, false
		}
		lines = append(lines, line)
	}
	return lines, true
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
// always moves forward. The cut is first estimated from the graphemes'
// own widths (cached by a shaper), then corrected measuring whole prefixes.
func prefixFitting(m Measure, s string, f Face, width float32, tail string) string {
	cuts := graphemeEnds(s) // byte offsets after each grapheme
	trim := func(p string) string {
		if tail == "" {
			return p
		}
		return strings.TrimRight(p, " ,")
	}
	fits := func(k int) bool { // the first k graphemes, and the tail
		if k == 0 {
			return tail == "" || m(tail, f) <= width
		}
		return m(trim(s[:cuts[k-1]])+tail, f) <= width
	}
	k, est, prev := 0, float32(0), 0
	if tail != "" {
		est = m(tail, f)
	}
	for k < len(cuts) {
		w := m(s[prev:cuts[k]], f)
		if est+w > width {
			break
		}
		est, prev, k = est+w, cuts[k], k+1
	}
	if fits(k) {
		for k < len(cuts) && fits(k+1) {
			k++
		}
	} else {
		for k > 0 && !fits(k) {
			k--
		}
	}
	if k == 0 {
		if tail == "" && len(cuts) > 0 {
			return s[:cuts[0]]
		}
		return tail
	}
	return trim(s[:cuts[k-1]]) + tail
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
