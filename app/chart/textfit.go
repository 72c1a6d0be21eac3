package chart

import (
	"strings"

	"fyne.io/fyne/v2"
)

// textFitter wraps and shortens card text to the card's width, measured once
// at zoom 1 (text width scales with its size, so the lines fit at any zoom)
// and cached, so panning costs no text measuring.
type textFitter struct {
	titles map[fitKey][]string
	fits   map[fitKey]string
	widths map[fitKey]float32
}

type fitKey struct {
	text  string
	size  float32
	width float32
	style fyne.TextStyle
	lines int
}

// maxFitCache bounds each cache; past it the cache starts over.
const maxFitCache = 20000

func newTextFitter() *textFitter {
	return &textFitter{titles: map[fitKey][]string{}, fits: map[fitKey]string{}, widths: map[fitKey]float32{}}
}

func (f *textFitter) width(s string, size float32, style fyne.TextStyle) float32 {
	k := fitKey{text: s, size: size, style: style}
	if w, ok := f.widths[k]; ok {
		return w
	}
	if len(f.widths) > maxFitCache {
		clear(f.widths)
	}
	w := fyne.MeasureText(s, size, style).Width
	f.widths[k] = w
	return w
}

// fit shortens s with an ellipsis so that it fits in width.
func (f *textFitter) fit(s string, size, width float32, style fyne.TextStyle) string {
	k := fitKey{text: s, size: size, width: width, style: style}
	if r, ok := f.fits[k]; ok {
		return r
	}
	if len(f.fits) > maxFitCache {
		clear(f.fits)
	}
	r := s
	if f.width(s, size, style) > width {
		runes := []rune(s)
		lo, hi := 0, len(runes) // longest prefix that fits with "…"
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if f.width(strings.TrimSpace(string(runes[:mid]))+"…", size, style) <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		r = strings.TrimSpace(string(runes[:lo])) + "…"
	}
	f.fits[k] = r
	return r
}

// title wraps a bold title into at most maxLines lines, word by word, the last
// line shortened with an ellipsis when the title does not fit.
func (f *textFitter) title(s string, size, width float32, maxLines int) []string {
	k := fitKey{text: s, size: size, width: width, lines: maxLines}
	if r, ok := f.titles[k]; ok {
		return r
	}
	if len(f.titles) > maxFitCache {
		clear(f.titles)
	}
	bold := fyne.TextStyle{Bold: true}
	words := strings.Fields(s)
	var lines []string
	for len(words) > 0 && len(lines) < maxLines {
		if len(lines) == maxLines-1 {
			lines = append(lines, f.fit(strings.Join(words, " "), size, width, bold))
			break
		}
		n := 1
		for n < len(words) && f.width(strings.Join(words[:n+1], " "), size, bold) <= width {
			n++
		}
		lines = append(lines, f.fit(strings.Join(words[:n], " "), size, width, bold))
		words = words[n:]
	}
	f.titles[k] = lines
	return lines
}
