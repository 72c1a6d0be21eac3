package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
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
	if opt.Shaper == nil {
		opt.Shaper = look.NewShaper()
	}
	var res Result
	var err error
	switch strings.ToLower(format) {
	case "png":
		var width, height int
		width, height, err = Write(w, p, cat, l, opt)
		res = Result{Width: float32(width), Height: float32(height)}
	case "svg":
		res, err = SVG(w, p, cat, l, opt)
	case "pdf":
		res, err = PDF(w, p, cat, l, opt)
	default:
		return Result{}, fmt.Errorf("unknown chart format %q: use %s", format, strings.Join(Formats, ", "))
	}
	// Text in a script no font on this system has: said once, not drawn blank silently.
	if note := opt.Shaper.MissingNote(); note != "" && err == nil {
		res.Notes = append(res.Notes, note)
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
