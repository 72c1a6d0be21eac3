package render

import (
	"fmt"
	"io"
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
	return Result{Width: float32(width), Height: float32(height), Notes: missingNotes(sc)}, err
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
