package render

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"github.com/orgplanner/orgplanner/orgchart/look"
	"golang.org/x/image/font/sfnt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// SVG writes the chart as an SVG document: the PNG's layout and look, text
// as <text> (searchable, selectable, sharp at any zoom), the built-in Noto
// Sans embedded as subsets (@font-face, so every browser shows the widths
// the text was fitted with; fonts of other scripts are named, from the
// viewer's system), dotted lines as dashed paths, and no size limit.
// Width and height are the chart's logical size times opt.Scale, in CSS px.
func SVG(w io.Writer, p *orgchart.Plan, cat *catalog.Catalog, l *layout.Layout, opt Options) (Result, error) {
	sc, err := BuildScene(p, cat, l, opt)
	if err != nil {
		return Result{}, err
	}
	return SVGScene(w, sc, opt.Scale)
}

// SVGScene writes a scene as an SVG document at a scale (0 means 1).
func SVGScene(w io.Writer, sc *Scene, scale float32) (Result, error) {
	if scale == 0 {
		scale = 1
	}
	if err := checkScale(scale); err != nil {
		return Result{}, err
	}
	cw, ch := sc.Width, sc.Height
	s := &svgPainter{classes: map[string]string{}, fonts: map[*look.Font]*svgFont{}}
	s.body.Grow(64 * len(sc.Items))
	vectorScene(sc, s)
	s.endGroup()

	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" xml:space="preserve">
<title>%s</title>
<style>
`, svgNum(cw*scale), svgNum(ch*scale), svgNum(cw), svgNum(ch), xmlText(sc.Title))
	families := []string{strconv.Quote(svgFamily), `"Noto Sans"`}
	for _, f := range s.fontOrder {
		if !f.src.Embedded() {
			if q := strconv.Quote(f.src.Family); !slices.Contains(families, q) {
				families = append(families, q)
			}
			continue
		}
		sub, err := subsetTrueType(f.tables, f.used, false)
		if err != nil {
			return Result{}, fmt.Errorf("subsetting the font %s: %w", f.src.Name, err)
		}
		weight, style := 400, "normal"
		switch f.src.Style {
		case look.Bold:
			weight = 700
		case look.Italic:
			style = "italic"
		}
		fmt.Fprintf(bw, "@font-face{font-family:%q;font-weight:%d;font-style:%s;src:url(data:font/ttf;base64,", svgFamily, weight, style)
		enc := base64.NewEncoder(base64.StdEncoding, bw)
		enc.Write(sub)
		enc.Close()
		bw.WriteString(")format(\"truetype\")}\n")
	}
	fmt.Fprintf(bw, "text{font-family:%s,sans-serif}\n", strings.Join(families, ","))
	for _, k := range s.classOrder {
		fmt.Fprintf(bw, ".%s{%s}\n", s.classes[k], k)
	}
	bw.WriteString("</style>\n")
	bw.Write(s.body.Bytes())
	bw.WriteString("</svg>\n")
	if err := bw.Flush(); err != nil {
		return Result{}, err
	}
	return Result{Width: cw * scale, Height: ch * scale, Notes: missingNotes(sc)}, nil
}

// svgFont is a font the SVG's text uses: the built-in ones are embedded as
// subsets of the glyphs their characters map to (viewers shape the text
// themselves, with the character map).
type svgFont struct {
	src    *look.Font
	tables map[string][]byte
	sf     *sfnt.Font
	buf    sfnt.Buffer
	used   map[uint16]bool
}

// svgFamily is the family name of the embedded fonts; it differs from the
// system's "Noto Sans" so the subset never stands in for the full font.
const svgFamily = "Org Planner Noto Sans"

type svgPainter struct {
	body       bytes.Buffer
	group      string // style of the open <g> of connectors, "" when none
	classes    map[string]string
	classOrder []string
	fonts      map[*look.Font]*svgFont
	fontOrder  []*svgFont
}

func (s *svgPainter) endGroup() {
	if s.group != "" {
		s.body.WriteString("</g>\n")
		s.group = ""
	}
}

func (s *svgPainter) rect(x, y, w, h float32, c color.NRGBA) {
	s.endGroup()
	fmt.Fprintf(&s.body, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", svgNum(x), svgNum(y), svgNum(w), svgNum(h), hexColor(c))
}

func (s *svgPainter) card(x, y, w, h float32, st cardStyle) {
	s.endGroup()
	b := st.border
	dash := ""
	if st.dashed {
		dash = ` stroke-dasharray="6 4"`
	}
	// The border lies inside the card, as in the PNG.
	if st.id != "" {
		dash += ` id="` + svgID(st.id) + `"`
	}
	fmt.Fprintf(&s.body, `<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s" stroke="%s" stroke-width="%s"%s/>`+"\n",
		svgNum(x+b/2), svgNum(y+b/2), svgNum(w-b), svgNum(h-b), svgNum(max(st.radius-b/2, 0)), hexColor(st.fill), hexColor(st.line), svgNum(b), dash)
	if st.stripe > 0 {
		rad := min(st.radius, st.stripe)
		fmt.Fprintf(&s.body, `<path d="M%s %sH%sA%s %s 0 0 0 %s %sV%sA%s %s 0 0 0 %s %sH%sZ" fill="%s"/>`+"\n",
			svgNum(x+st.stripe), svgNum(y), svgNum(x+rad), svgNum(rad), svgNum(rad), svgNum(x), svgNum(y+rad),
			svgNum(y+h-rad), svgNum(rad), svgNum(rad), svgNum(x+rad), svgNum(y+h), svgNum(x+st.stripe), hexColor(st.stripeColor))
	}
}

func (s *svgPainter) pill(x, y, w, h float32, c color.NRGBA) {
	s.endGroup()
	fmt.Fprintf(&s.body, `<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s"/>`+"\n", svgNum(x), svgNum(y), svgNum(w), svgNum(h), svgNum(h/2), hexColor(c))
}

func (s *svgPainter) polyline(p *Path) {
	dashed := p.Dash > 0
	style := fmt.Sprintf(`fill="none" stroke="%s" stroke-width="%s"`, hexColor(p.Color), svgNum(p.Width))
	if dashed {
		style += fmt.Sprintf(` stroke-dasharray="%s %s"`, svgNum(p.Dash), svgNum(p.Gap))
	}
	if s.group != style {
		s.endGroup()
		fmt.Fprintf(&s.body, "<g %s>\n", style)
		s.group = style
	}
	if dashed && p.From != "" {
		// A dotted line links to its manager's card.
		fmt.Fprintf(&s.body, `<a href="#%s">`, xmlText(svgID(p.From)))
	}
	s.body.WriteString(`<path d="`)
	for i, q := range p.Points {
		if i == 0 {
			s.body.WriteByte('M')
		} else {
			s.body.WriteByte('L')
		}
		// Half a pixel in: a one-pixel line on whole pixels, as in the PNG.
		s.body.WriteString(svgNum(q.X + 0.5))
		s.body.WriteByte(' ')
		s.body.WriteString(svgNum(q.Y + 0.5))
	}
	s.body.WriteString("\"/>")
	if dashed && p.From != "" {
		s.body.WriteString("</a>")
	}
	s.body.WriteString("\n")
}

// svgID is the element id of a position's card: "card-" and the id with
// anything but letters, digits, '-' and '_' as _XX hex, so it is a valid
// XML name and URL fragment.
func svgID(id string) string {
	b := []byte("card-")
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' {
			b = append(b, c)
		} else {
			b = append(b, '_', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
		}
	}
	return string(b)
}

func (s *svgPainter) text(t *Text) {
	s.endGroup()
	weight, style := 400, "normal"
	switch t.Face.Style {
	case look.Bold:
		weight = 700
	case look.Italic:
		style = "italic"
	}
	key := fmt.Sprintf("font-size:%spx;font-weight:%d;font-style:%s;fill:%s", svgNum(t.Face.Size), weight, style, hexColor(t.Color))
	class, ok := s.classes[key]
	if !ok {
		class = "t" + strconv.Itoa(len(s.classes))
		s.classes[key] = class
		s.classOrder = append(s.classOrder, key)
	}
	for i := range t.Line.Runs {
		s.useRun(&t.Line.Runs[i])
	}
	x, dir := t.X, ""
	if t.Line.RTL { // the start of a right-to-left line is its right end
		x, dir = t.X+t.Line.Width, ` direction="rtl"`
	}
	fmt.Fprintf(&s.body, `<text x="%s" y="%s" class="%s"%s>%s</text>`+"\n", svgNum(x), svgNum(t.Y), class, dir, xmlText(t.Line.Text))
}

// useRun records the fonts of a run, and for the built-in ones the glyphs
// of its characters, for the embedded subsets.
func (s *svgPainter) useRun(run *look.Run) {
	if run.Font == nil {
		return
	}
	f, ok := s.fonts[run.Font]
	if !ok {
		f = &svgFont{src: run.Font, used: map[uint16]bool{0: true}}
		if run.Font.Embedded() {
			if data, err := run.Font.Data(); err == nil {
				f.tables, _ = sfntTables(data, run.Font.Index)
				f.sf, _ = sfnt.Parse(data)
			}
		}
		s.fonts[run.Font] = f
		if f.sf != nil || !run.Font.Embedded() {
			s.fontOrder = append(s.fontOrder, f)
		}
	}
	if f.sf == nil {
		return
	}
	for _, r := range run.Text {
		if g, err := f.sf.GlyphIndex(&f.buf, r); err == nil {
			f.used[uint16(g)] = true
		}
	}
}

// svgNum formats a coordinate with at most two decimals (SVG and PDF).
func svgNum(v float32) string { return string(appendNum(nil, v)) }

// appendNum appends v with at most two decimals, trailing zeros cut: with
// integers, since strconv's shortest float formatting was a third of the
// time of writing a chart.
func appendNum(dst []byte, v float32) []byte {
	c := int64(math.Round(float64(v) * 100))
	if c < 0 {
		dst = append(dst, '-')
		c = -c
	}
	dst = strconv.AppendInt(dst, c/100, 10)
	if f := c % 100; f != 0 {
		dst = append(dst, '.', byte('0'+f/10))
		if f%10 != 0 {
			dst = append(dst, byte('0'+f%10))
		}
	}
	return dst
}

func hexColor(c color.NRGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// xmlText escapes text for XML; characters XML 1.0 forbids (most control
// characters, from a hostile plan) become U+FFFD so the document stays valid.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == utf8.RuneError, r < 0x20 && r != '\t' && r != '\n', r >= 0x7F && r <= 0x9F, r == 0xFFFE, r == 0xFFFF,
			r >= 0xD800 && r <= 0xDFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
