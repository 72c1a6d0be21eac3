package render

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// Formats are the chart formats Export writes.
var Formats = []string{"png", "svg", "pdf"}

// Result describes a written chart.
type Result struct {
	// Width and Height are in pixels for PNG and SVG, in points for PDF
	// (the page size; with tiling, one page).
	Width, Height float32
	Pages         int      // PDF pages; 0 for other formats
	Notes         []string // things the user should know (the chart was scaled down to fit a PDF page)
}

// Export writes the chart of layout l in a format (png, svg or pdf): the
// one entry point for the command line and the app. Every format draws the
// same layout with the same look.
func Export(w io.Writer, format string, p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (Result, error) {
	format = strings.ToLower(format)
	if !slices.Contains(Formats, format) {
		return Result{}, fmt.Errorf("unknown chart format %q: use %s", format, strings.Join(Formats, ", "))
	}
	if err := checkScale(opt.Scale); err != nil {
		return Result{}, err
	}
	sc, err := BuildScene(p, cat, l, opt)
	if err != nil {
		return Result{}, err
	}
	switch format {
	case "svg":
		return SVGScene(w, sc, opt.Scale)
	case "pdf":
		return PDFScene(w, sc, opt)
	}
	width, height, err := WriteScene(w, sc, opt.Scale, opt.Compression)
	res := Result{Width: float32(width), Height: float32(height), Notes: missingNotes(sc)}
	if px := float64(width) * float64(height); err == nil && px > SlidePixels {
		scale := opt.Scale
		if scale == 0 {
			scale = 1
		}
		fit := math.Floor(20*float64(scale)*math.Sqrt(SlidePixels/px)) / 20
		res.Notes = append(res.Notes, fmt.Sprintf("the image is %.0f megapixels: Google Slides takes at most %d (about --scale %g)",
			px/1e6, SlidePixels/1_000_000, max(0.25, fit)))
	}
	return res, err
}

// FormatOf is the chart format a file name asks for by its extension, or "".
func FormatOf(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || strings.ContainsAny(name[i:], `/\`) {
		return ""
	}
	ext := strings.ToLower(name[i+1:])
	for _, f := range append(Formats, "csv") {
		if ext == f {
			return f
		}
	}
	return ""
}
