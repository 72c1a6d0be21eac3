package chart

import (
	"fyne.io/fyne/v2"
	"github.com/orgplanner/orgplanner/orgchart/look"
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

// measure is look's Measure over Fyne's text measuring, cached.
func (f *textFitter) measure(s string, face look.Face) float32 {
	return f.width(s, face.Size, styleOf(face))
}

func faceOf(size float32, style fyne.TextStyle) look.Face {
	st := look.Regular
	switch {
	case style.Bold:
		st = look.Bold
	case style.Italic:
		st = look.Italic
	}
	return look.Face{Style: st, Size: size}
}

func styleOf(face look.Face) fyne.TextStyle {
	return fyne.TextStyle{Bold: face.Style == look.Bold, Italic: face.Style == look.Italic}
}

// fit shortens s with an ellipsis so that it fits in width: look's rule.
func (f *textFitter) fit(s string, size, width float32, style fyne.TextStyle) string {
	k := fitKey{text: s, size: size, width: width, style: style}
	if r, ok := f.fits[k]; ok {
		return r
	}
	if len(f.fits) > maxFitCache {
		clear(f.fits)
	}
	r := look.Ellipsize(f.measure, s, faceOf(size, style), width)
	f.fits[k] = r
	return r
}

// title wraps a bold title into at most maxLines lines, the last shortened
// with an ellipsis when the title does not fit: look's rule.
func (f *textFitter) title(s string, size, width float32, maxLines int) []string {
	k := fitKey{text: s, size: size, width: width, lines: maxLines}
	if r, ok := f.titles[k]; ok {
		return r
	}
	if len(f.titles) > maxFitCache {
		clear(f.titles)
	}
	lines := look.Wrap(f.measure, s, look.Face{Style: look.Bold, Size: size}, width, maxLines)
	f.titles[k] = lines
	return lines
}
