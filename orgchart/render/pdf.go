package render

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"image/color"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// The PDF is written directly (docs/chart.md says why: it is the smallest
// and fastest choice, and the only one that embeds our fonts as they are):
// the chart is drawn once as a form XObject, which the page (or each tile
// of a printed chart) shows. One logical pixel is 1/96 inch, as in CSS and
// in the PNG's pixel density, so every format has the same physical size.

// pointsPerPixel converts logical pixels (1/96 in) to PDF points (1/72 in).
const pointsPerPixel = 0.75

// MaxPDFPage is the largest page side most viewers open: Acrobat's limit of
// 200 inches.
const MaxPDFPage = 14400

// Paper sizes in points, portrait.
var paperSizes = map[string][2]float32{
	"a4":     {595.28, 841.89},
	"a3":     {841.89, 1190.55},
	"letter": {612, 792},
}

// PaperNames lists the --page choices.
var PaperNames = []string{"A4", "A3", "letter"}

// PDF writes the chart as a PDF: one page the size of the chart, or with
// opt.Page the chart tiled over numbered pages of that paper size.
func PDF(w io.Writer, p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (Result, error) {
	sc, err := BuildScene(p, cat, l, opt)
	if err != nil {
		return Result{}, err
	}
	return PDFScene(w, sc, opt)
}

// PDFScene writes a scene as a PDF; opt gives Scale, Page and Landscape.
func PDFScene(w io.Writer, sc *Scene, opt Options) (Result, error) {
	scale := opt.Scale
	if scale == 0 {
		scale = 1
	}
	if err := checkScale(scale); err != nil {
		return Result{}, err
	}
	var paper [2]float32
	if opt.Page != "" {
		var ok bool
		if paper, ok = paperSizes[strings.ToLower(opt.Page)]; !ok {
			return Result{}, fmt.Errorf("unknown page size %q: use %s", opt.Page, strings.Join(PaperNames, ", "))
		}
		if opt.Landscape {
			paper[0], paper[1] = paper[1], paper[0]
		}
	}
	cw, ch := sc.Width, sc.Height
	fonts := newPDFFonts()
	chart := &pdfPainter{fonts: fonts, flip: -1}
	fmt.Fprintf(&chart.b, "1 0 0 -1 0 %s cm\n", svgNum(ch)) // y down, as the layout
	drawn := sc
	if opt.Page != "" && sc.Theme == look.Light && !sc.Transparent {
		// Printed pages: white paper, not the screen's grey page.
		plain := *sc
		plain.Transparent = true
		drawn = &plain
	}
	vectorScene(drawn, chart)

	k := float32(pointsPerPixel) * scale
	res := Result{Notes: missingNotes(sc)}
	var pages []pdfPage
	var tiles tiling
	if opt.Page == "" {
		if big := max(cw, ch) * k; big > MaxPDFPage {
			k0 := k
			k = MaxPDFPage / max(cw, ch)
			res.Notes = append(res.Notes, fmt.Sprintf("the chart at scale %g would be %.0f x %.0f inches, over the 200-inch page limit of PDF viewers: it is drawn at scale %.2f (zoom in to read it, or use --page A3 to print it on several pages)",
				scale, cw*k0/72, ch*k0/72, k/pointsPerPixel))
		}
		pw, ph := cw*k, ch*k
		pages = []pdfPage{{w: pw, h: ph, content: fmt.Sprintf("q %s 0 0 %s 0 0 cm /Chart Do Q\n", svgNum(k), svgNum(k))}}
		res.Width, res.Height = pw, ph
	} else {
		tiles, pages = tilePages(paper, cw*k, ch*k, k, sc, fonts)
		res.Width, res.Height = paper[0], paper[1]
	}
	res.Pages = len(pages)
	if fonts.err != nil {
		return Result{}, fonts.err
	}

	pw := &pdfWriter{w: bufio.NewWriterSize(w, 1<<16), next: 5}
	pw.printf("%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n")
	// Objects: 1 catalog, 2 pages, 3 info, 4 the chart form, then the
	// fonts, the pages and their contents, and Type 3 glyph procedures.
	fontBase := pw.reserve(fontObjectCount * len(fonts.list))
	pageBase := pw.reserve(2 * len(pages))
	var fontRes strings.Builder
	for i, f := range fonts.list {
		fmt.Fprintf(&fontRes, "/F%d %d 0 R ", f.res, fontBase+fontObjectCount*i)
	}
	resources := "<< /Font << " + fontRes.String() + ">> /XObject << /Chart 4 0 R >> >>"
	pw.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	for i := range pages {
		fmt.Fprintf(&kids, "%d 0 R ", pageBase+2*i)
	}
	pw.object(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), len(pages)))
	pw.object(3, fmt.Sprintf("<< /Title %s /Producer (Org Planner) >>", pdfTextString(sc.Title)))
	if err := pw.stream(4, fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 %s %s] /Resources << /Font << %s>> >>", svgNum(cw), svgNum(ch), fontRes.String()), chart.b.Bytes()); err != nil {
		return Result{}, err
	}
	// Link annotations, by page: on one page both ends of each dotted line;
	// on tiles, each end on every tile that shows it, to the tile that
	// shows the other end's card.
	var annots [][]string
	if links := chart.links(); len(links) > 0 {
		if opt.Page == "" {
			annots = [][]string{pageLinks(links, k, ch, pageBase)}
		} else {
			annots = tileLinks(tiles, links, pages, pageBase)
		}
	}
	count := 0
	for _, a := range annots {
		count += len(a)
	}
	linkBase := pw.reserve(count)
	next := linkBase
	for i, pg := range pages {
		refs := ""
		if i < len(annots) && len(annots[i]) > 0 {
			var b strings.Builder
			for j := range annots[i] {
				fmt.Fprintf(&b, "%d 0 R ", next+j)
			}
			next += len(annots[i])
			refs = " /Annots [" + b.String() + "]"
		}
		pw.object(pageBase+2*i, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents %d 0 R%s >>",
			svgNum(pg.w), svgNum(pg.h), resources, pageBase+2*i+1, refs))
		if err := pw.stream(pageBase+2*i+1, "", []byte(pg.content)); err != nil {
			return Result{}, err
		}
	}
	next = linkBase
	for _, a := range annots {
		for _, l := range a {
			pw.object(next, l)
			next++
		}
	}
	for i, f := range fonts.list {
		if err := pw.fontObjects(f, fontBase+fontObjectCount*i); err != nil {
			return Result{}, err
		}
	}
	if err := pw.finish(3); err != nil {
		return Result{}, err
	}
	return res, nil
}

type pdfPage struct {
	w, h     float32
	content  string
	row, col int // the tile's place, when tiled
}

// tiling is where the chart lies on tiled pages, in points: the chart
// area (x0, y0)-(x1, y1) of every page (y up), the step from one page to
// the next (the area less the overlap), the grid of pages and the chart's
// scale k (points per chart pixel).
type tiling struct {
	x0, y0, x1, y1 float32
	sx, sy         float32
	cols, rows     int
	k              float32
}

func newTiling(paper [2]float32, cw, ch, k float32) tiling {
	t := tiling{x0: tileMargin, y0: tileMargin + tileLabel, x1: paper[0] - tileMargin, y1: paper[1] - tileMargin, k: k}
	t.sx, t.sy = t.x1-t.x0-tileOverlap, t.y1-t.y0-tileOverlap
	t.cols = max(1, int(ceilDiv(cw-tileOverlap, t.sx)))
	t.rows = max(1, int(ceilDiv(ch-tileOverlap, t.sy)))
	return t
}

// at is where chart pixel (x, y) falls on the page of a row and column.
func (t tiling) at(x, y float32, row, col int) (float32, float32) {
	return t.k*x + t.x0 - float32(col)*t.sx, t.y1 + float32(row)*t.sy - t.k*y
}

// pageOf is the page (row, column) that shows chart pixel (x, y) with the
// most room after it, so a card whose top left it is shows whole if it can.
func (t tiling) pageOf(x, y float32) (int, int) {
	col := min(t.cols-1, max(0, int(t.k*x/t.sx)))
	row := min(t.rows-1, max(0, int(t.k*y/t.sy)))
	return row, col
}

// tileLinks gives every tile the link annotations of the dotted-line ends
// it shows (clipped to its chart area), each pointing at the page that
// shows the card at the other end; pageBase numbers the page objects (two
// a page). The result is indexed by page.
func tileLinks(t tiling, links []pdfLink, pages []pdfPage, pageBase int) [][]string {
	out := make([][]string, len(pages))
	for i, pg := range pages {
		for _, l := range links {
			ax, ay := t.at(l.x0, l.y1, pg.row, pg.col) // bottom left (y up)
			bx, by := t.at(l.x1, l.y0, pg.row, pg.col)
			ax, ay, bx, by = max(ax, t.x0), max(ay, t.y0), min(bx, t.x1), min(by, t.y1)
			if ax >= bx || ay >= by {
				continue
			}
			row, col := t.pageOf(l.target.X-24, l.target.Y-24)
			left, top := t.at(l.target.X-24, l.target.Y-24, row, col)
			out[i] = append(out[i], linkAnnot(ax, ay, bx, by, pageBase+2*(row*t.cols+col), max(left, t.x0), min(top, t.y1)))
		}
	}
	return out
}

// Tiling, in points: a margin the printers can print up to, the label line
// under the chart area, and the strip that two neighbouring pages share so
// they can be laid over each other and taped.
const (
	tileMargin  = 36
	tileLabel   = 14
	tileOverlap = 18
)

// tilePages cuts a chart of cw x ch points over pages of the paper size,
// row by row, each with crop marks, the overlap lines and a label saying
// which page it is and which pages lie right of and below it.
func tilePages(paper [2]float32, cw, ch, k float32, sc *Scene, fonts *pdfFonts) (tiling, []pdfPage) {
	label := look.Face{Style: look.Regular, Size: 8}
	t := newTiling(paper, cw, ch, k)
	ax0, ay0, ax1, ay1 := t.x0, t.y0, t.x1, t.y1
	aw, ah := ax1-ax0, ay1-ay0
	sx, sy := t.sx, t.sy
	cols, rows := t.cols, t.rows
	total := cols * rows
	var pages []pdfPage
	for row := 0; row < rows; row++ {
		for col := 0; col < cols; col++ {
			n := row*cols + col + 1
			var b strings.Builder
			tx := ax0 - float32(col)*sx
			ty := ay1 + float32(row)*sy - ch
			fmt.Fprintf(&b, "q %s %s %s %s re W n %s 0 0 %s %s %s cm /Chart Do Q\n",
				svgNum(ax0), svgNum(ay0), svgNum(aw), svgNum(ah), svgNum(k), svgNum(k), svgNum(tx), svgNum(ty))
			// Crop marks at the corners of the chart area, in the margin.
			b.WriteString("q 0.5 w 0.45 0.45 0.45 RG\n")
			for _, c := range [][2]float32{{ax0, ay0}, {ax1, ay0}, {ax0, ay1}, {ax1, ay1}} {
				dx, dy := float32(-1), float32(-1)
				if c[0] == ax1 {
					dx = 1
				}
				if c[1] == ay1 {
					dy = 1
				}
				fmt.Fprintf(&b, "%s %s m %s %s l S %s %s m %s %s l S\n",
					svgNum(c[0]+dx*4), svgNum(c[1]), svgNum(c[0]+dx*16), svgNum(c[1]),
					svgNum(c[0]), svgNum(c[1]+dy*4), svgNum(c[0]), svgNum(c[1]+dy*16))
			}
			// Overlap lines: the strip beyond them is repeated on the
			// neighbouring page; lay that page's edge on the line.
			b.WriteString("[3 2] 0 d 0.2 0.45 0.85 RG\n")
			if col < cols-1 {
				x := ax1 - tileOverlap
				fmt.Fprintf(&b, "%s %s m %s %s l S %s %s m %s %s l S\n", svgNum(x), svgNum(ay1+4), svgNum(x), svgNum(ay1+20), svgNum(x), svgNum(ay0-4), svgNum(x), svgNum(ay0-12))
			}
			if row < rows-1 {
				y := ay0 + tileOverlap
				fmt.Fprintf(&b, "%s %s m %s %s l S %s %s m %s %s l S\n", svgNum(ax0-4), svgNum(y), svgNum(ax0-20), svgNum(y), svgNum(ax1+4), svgNum(y), svgNum(ax1+20), svgNum(y))
			}
			b.WriteString("Q\n")
			text := fmt.Sprintf("Page %d of %d · row %d of %d, column %d of %d", n, total, row+1, rows, col+1, cols)
			if col < cols-1 {
				text += fmt.Sprintf(" · right: page %d", n+1)
			}
			if row < rows-1 {
				text += fmt.Sprintf(" · below: page %d", n+cols)
			}
			if sc.Title != "" {
				text += " · " + sc.Title
			}
			lp := &pdfPainter{fonts: fonts, flip: 1}
			if sc.Shaper != nil {
				text = look.Ellipsize(sc.Shaper.Measure, text, label, aw)
				lp.text(&Text{X: ax0, Y: tileMargin, Face: label, Color: color.NRGBA{0x55, 0x5B, 0x63, 0xFF}, Line: sc.Shaper.Shape(text, label)})
			}
			b.Write(lp.b.Bytes())
			pages = append(pages, pdfPage{w: paper[0], h: paper[1], content: b.String(), row: row, col: col})
		}
	}
	return t, pages
}

func ceilDiv(a, b float32) float32 {
	if a <= 0 {
		return 1
	}
	n := float32(int(a / b))
	if n*b < a {
		n++
	}
	return n
}

// pdfPainter writes content-stream operators, in logical pixels with y down
// (the chart form starts with a flip).
type pdfPainter struct {
	b     bytes.Buffer
	fonts *pdfFonts
	flip  float32 // -1 inside the y-down chart, 1 on a page
	pdfState
	cards  map[string][4]float32 // card rectangles by position id, for links
	dotted []*Path
}

// pdfState is the graphics state last set, so unchanged colours and line
// styles are not written again.
type pdfState struct {
	fillC, line      color.NRGBA
	hasFill, hasLine bool
	lineW            float32
	dashed           bool
}

func (p *pdfPainter) fill(c color.NRGBA) {
	if p.hasFill && c == p.fillC {
		return
	}
	p.fillC, p.hasFill = c, true
	p.op("rg", float32(c.R)/255, float32(c.G)/255, float32(c.B)/255)
}

func (p *pdfPainter) stroke(c color.NRGBA, w float32, dashed bool) {
	if !p.hasLine || c != p.line {
		p.line, p.hasLine = c, true
		p.op("RG", float32(c.R)/255, float32(c.G)/255, float32(c.B)/255)
	}
	if w != p.lineW {
		p.lineW = w
		fmt.Fprintf(&p.b, "%s w\n", svgNum(w))
	}
	if dashed != p.dashed {
		p.dashed = dashed
		if dashed {
			p.b.WriteString("[6 4] 0 d\n")
		} else {
			p.b.WriteString("[] 0 d\n")
		}
	}
}

func colorPart(v uint8) string { return svgNum(float32(v) / 255) }

// op appends numbers, space separated, then an operator and a newline:
// the content stream's hot path, without fmt.
func (p *pdfPainter) op(name string, v ...float32) {
	buf := p.b.AvailableBuffer()
	for _, x := range v {
		buf = appendNum(buf, x)
		buf = append(buf, ' ')
	}
	buf = append(buf, name...)
	buf = append(buf, '\n')
	p.b.Write(buf)
}

func (p *pdfPainter) rect(x, y, w, h float32, c color.NRGBA) {
	p.fill(c)
	p.op("re f", x, y, w, h)
}

// roundPath adds a rounded rectangle to the path, corners as Bézier arcs.
func (p *pdfPainter) roundPath(x, y, w, h, r float32) {
	r = min(r, w/2, h/2)
	if r <= 0 {
		fmt.Fprintf(&p.b, "%s %s %s %s re\n", svgNum(x), svgNum(y), svgNum(w), svgNum(h))
		return
	}
	k := r * 0.4477 // 1 - 0.5523: the control points of a quarter circle
	x1, y1 := x+w, y+h
	p.op("m", x+r, y)
	p.op("l", x1-r, y)
	p.op("c", x1-k, y, x1, y+k, x1, y+r)
	p.op("l", x1, y1-r)
	p.op("c", x1, y1-k, x1-k, y1, x1-r, y1)
	p.op("l", x+r, y1)
	p.op("c", x+k, y1, x, y1-k, x, y1-r)
	p.op("l", x, y+r)
	p.op("c", x, y+k, x+k, y, x+r, y)
	p.b.WriteString("h\n")
}

func (p *pdfPainter) card(x, y, w, h float32, st cardStyle) {
	if st.id != "" {
		if p.cards == nil {
			p.cards = map[string][4]float32{}
		}
		p.cards[st.id] = [4]float32{x, y, w, h}
	}
	b := st.border
	p.fill(st.fill)
	p.stroke(st.line, b, st.dashed)
	p.roundPath(x+b/2, y+b/2, w-b, h-b, max(st.radius-b/2, 0))
	p.b.WriteString("B\n")
	if st.stripe > 0 {
		// The stripe: the card's shape left of the stripe's width.
		saved := p.pdfState
		p.b.WriteString("q\n")
		p.fill(st.stripeColor)
		fmt.Fprintf(&p.b, "%s %s %s %s re W n\n", svgNum(x), svgNum(y), svgNum(st.stripe), svgNum(h))
		p.roundPath(x, y, w, h, st.radius)
		p.b.WriteString("f\nQ\n")
		// Q restored the colours and line style of before q.
		p.pdfState = saved
	}
}

func (p *pdfPainter) pill(x, y, w, h float32, c color.NRGBA) {
	p.fill(c)
	p.roundPath(x, y, w, h, h/2)
	p.b.WriteString("f\n")
}

func (p *pdfPainter) polyline(path *Path) {
	p.stroke(path.Color, path.Width, path.Dash > 0)
	for i, q := range path.Points {
		op := "l"
		if i == 0 {
			op = "m"
		}
		p.op(op, q.X+0.5, q.Y+0.5)
	}
	p.b.WriteString("S\n")
	if path.Dash > 0 {
		p.dotted = append(p.dotted, path)
	}
}

// pdfLink is a clickable end of a dotted line, in chart pixels: the square
// at the end, and the top left of the card at the other end, where it goes.
type pdfLink struct {
	x0, y0, x1, y1 float32
	target         layout.Point
}

// links are the ends of the dotted lines: each end, clicked, shows the card
// at the other end.
func (p *pdfPainter) links() []pdfLink {
	var out []pdfLink
	for _, path := range p.dotted {
		from, okF := p.cards[path.From]
		to, okT := p.cards[path.To]
		if !okF || !okT {
			continue
		}
		a, z := path.Points[0], path.Points[len(path.Points)-1]
		near := func(q layout.Point, r [4]float32) float32 {
			dx := max(r[0]-q.X, 0, q.X-(r[0]+r[2]))
			dy := max(r[1]-q.Y, 0, q.Y-(r[1]+r[3]))
			return dx + dy
		}
		if near(a, from) > near(z, from) { // a is at the report's end
			a, z = z, a
		}
		for _, end := range []struct {
			at     layout.Point
			target [4]float32
		}{{a, to}, {z, from}} {
			const h = 8 // half the clickable square, in pixels
			out = append(out, pdfLink{end.at.X - h, end.at.Y - h, end.at.X + h, end.at.Y + h,
				layout.Point{X: end.target[0], Y: end.target[1]}})
		}
	}
	return out
}

// pageLinks are the link annotations of a one-page PDF: k converts the
// chart's pixels to points, ch is the chart's height in pixels, page the
// page's object number.
func pageLinks(links []pdfLink, k, ch float32, page int) []string {
	out := make([]string, 0, len(links))
	for _, l := range links {
		tx, ty := (l.target.X-24)*k, (ch-l.target.Y+24)*k
		out = append(out, linkAnnot(l.x0*k, (ch-l.y1)*k, l.x1*k, (ch-l.y0)*k, page, max(tx, 0), ty))
	}
	return out
}

func linkAnnot(x0, y0, x1, y1 float32, page int, left, top float32) string {
	return fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /Dest [%d 0 R /XYZ %s %s 0] >>",
		svgNum(x0), svgNum(y0), svgNum(x1), svgNum(y1), page, svgNum(left), svgNum(top))
}

// text shows a shaped line: each run's glyphs with the font the shaper
// chose, placed where it put them (TJ adjustments from the fonts' own
// advances), in one BT block. Right-to-left runs carry their text as
// ActualText, so copying gives it in logical order.
func (p *pdfPainter) text(t *Text) {
	p.fill(t.Color)
	const digits = "0123456789ABCDEF"
	buf := append(p.b.AvailableBuffer(), "BT\n"...)
	for ri := range t.Line.Runs {
		run := &t.Line.Runs[ri]
		if run.Font == nil || len(run.Glyphs) == 0 {
			continue
		}
		ends := clusterEnds(run)
		if run.RTL {
			buf = append(buf, "/Span << /ActualText "...)
			buf = append(buf, pdfTextString(run.Text)...)
			buf = append(buf, " >> BDC\n"...)
		}
		var cur *pdfFont
		open := false
		var pen, y float32
		for gi := range run.Glyphs {
			g := run.Glyphs[gi]
			if run.RTL { // in logical order, so text extraction reads it right
				g = run.Glyphs[len(run.Glyphs)-1-gi]
			}
			gt := ""
			if e, ok := ends[g.Cluster]; ok {
				gt = run.Text[g.Cluster:e]
				delete(ends, g.Cluster) // the first glyph of a cluster carries its text
			}
			f, code := p.fonts.glyph(run.Font, uint16(g.ID), gt, g.Advance, run.Size)
			// Glyph offsets are y down; on a page (flip 1) y is up.
			gx, gy := t.X+g.X, t.Y-p.flip*g.Y
			if f != cur || gy != y || !open {
				if open {
					buf = append(buf, "] TJ\n"...)
				}
				buf = append(buf, "/F"...)
				buf = strconv.AppendInt(buf, int64(f.res), 10)
				buf = append(buf, ' ')
				buf = appendNum(buf, run.Size)
				buf = append(buf, " Tf 1 0 0 "...)
				for _, v := range []float32{p.flip, gx, gy} {
					buf = appendNum(buf, v)
					buf = append(buf, ' ')
				}
				buf = append(buf, "Tm ["...)
				cur, open, pen, y = f, true, gx, gy
			} else if d := gx - pen; d > 0.01 || d < -0.01 {
				buf = appendNum(buf, -d*1000/run.Size)
			}
			buf = append(buf, '<')
			if f.tt {
				buf = append(buf, digits[code>>12], digits[code>>8&15])
			}
			buf = append(buf, digits[code>>4&15], digits[code&15], '>')
			pen = gx + f.width(code)*run.Size/1000
		}
		if open {
			buf = append(buf, "] TJ\n"...)
		}
		if run.RTL {
			buf = append(buf, "EMC\n"...)
		}
	}
	buf = append(buf, "ET\n"...)
	p.b.Write(buf)
}

// clusterEnds maps each cluster start of a run to the end of its text.
func clusterEnds(run *look.Run) map[int]int {
	starts := make([]int, 0, len(run.Glyphs))
	for _, g := range run.Glyphs {
		starts = append(starts, g.Cluster)
	}
	sort.Ints(starts)
	ends := make(map[int]int, len(starts))
	for i, s := range starts {
		if _, ok := ends[s]; ok || s < 0 || s > len(run.Text) {
			continue
		}
		e := len(run.Text)
		for _, n := range starts[i+1:] {
			if n > s {
				e = min(n, e)
				break
			}
		}
		ends[s] = e
	}
	return ends
}

// pdfTextString encodes s as a PDF text string (UTF-16 with a byte order mark).
func pdfTextString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfWriter writes numbered objects and the cross-reference table.
type pdfWriter struct {
	w       *bufio.Writer
	n       int64
	offsets map[int]int64
	next    int // the next free object number
	err     error
}

// reserve takes n object numbers and returns the first.
func (pw *pdfWriter) reserve(n int) int {
	first := pw.next
	pw.next += n
	return first
}

func (pw *pdfWriter) printf(format string, a ...any) {
	if pw.err != nil {
		return
	}
	k, err := fmt.Fprintf(pw.w, format, a...)
	pw.n += int64(k)
	pw.err = err
}

func (pw *pdfWriter) write(b []byte) {
	if pw.err != nil {
		return
	}
	k, err := pw.w.Write(b)
	pw.n += int64(k)
	pw.err = err
}

func (pw *pdfWriter) begin(num int) {
	if pw.offsets == nil {
		pw.offsets = map[int]int64{}
	}
	pw.offsets[num] = pw.n
	pw.printf("%d 0 obj\n", num)
}

func (pw *pdfWriter) object(num int, body string) {
	pw.begin(num)
	pw.printf("%s\nendobj\n", body)
}

// stream writes a Flate-compressed stream object; dict holds entries
// besides /Length and /Filter.
func (pw *pdfWriter) stream(num int, dict string, data []byte) error {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, 5) // measured: level 1 makes files a third larger, 6 costs 45 ms more for 1% less
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return err
	}
	pw.begin(num)
	pw.printf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n", dict, z.Len())
	pw.write(z.Bytes())
	pw.printf("\nendstream\nendobj\n")
	return pw.err
}

// finish writes the cross-reference table and the trailer for every
// object numbered, and flushes.
func (pw *pdfWriter) finish(info int) error {
	size := pw.next
	xref := pw.n
	pw.printf("xref\n0 %d\n0000000000 65535 f \n", size)
	for i := 1; i < size; i++ {
		off, ok := pw.offsets[i]
		if !ok {
			pw.printf("0000000000 65535 f \n")
			continue
		}
		pw.printf("%010d 00000 n \n", off)
	}
	pw.printf("trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", size, info, xref)
	if pw.err != nil {
		return pw.err
	}
	return pw.w.Flush()
}
