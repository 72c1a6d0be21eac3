package render

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/orgplanner/orgplanner/orgchart/look"
)

// Fonts in the PDF. Text is drawn with the glyphs the look's shaper chose
// (so Arabic is joined, Devanagari reordered, kerning applied), and every
// glyph maps back to its text through a ToUnicode map, so viewers search
// and copy it. A TrueType font (glyf outlines: Noto Sans, most system
// fonts) is a Type 0 font over a CIDFontType2 with Identity-H encoding, the
// text showing glyph ids, and the embedded file is a subset holding only
// the glyphs used. Other fonts (CFF outlines, as Noto Sans CJK) become
// Type 3 fonts of their glyphs' outlines, 256 glyphs each: embedded and
// searchable too, without a CFF subsetter.

// pdfFont is one font resource of the document.
type pdfFont struct {
	src    *look.Font
	res    int  // resource number: /F<res>
	tt     bool // TrueType (CIDFontType2); else Type 3
	tables map[string][]byte
	upem   float32
	// used glyphs: their text, in first-use order
	text  map[uint16]string
	order []uint16
	// Type 3: the one-byte code of each glyph and its advance (1/1000 em)
	codes map[uint16]byte
	adv3  []float32
}

// pdfFonts gives each (font, glyph) its resource and code.
type pdfFonts struct {
	list  []*pdfFont
	bySrc map[*look.Font][]*pdfFont
	err   error // the first font that could not be read
}

func newPDFFonts() *pdfFonts { return &pdfFonts{bySrc: map[*look.Font][]*pdfFont{}} }

// glyph returns the resource for glyph g of src and its code in the text
// (two bytes for TrueType, one for Type 3), recording the glyph's text and,
// for Type 3, its advance in pixels at size.
func (fs *pdfFonts) glyph(src *look.Font, g uint16, text string, advance, size float32) (*pdfFont, uint16) {
	list := fs.bySrc[src]
	if len(list) == 0 {
		f := &pdfFont{src: src, res: len(fs.list), text: map[uint16]string{}, upem: float32(src.UnitsPerEm)}
		if data, err := src.Data(); err != nil {
			fs.err = err
		} else if t, err := sfntTables(data, src.Index); err == nil && t["glyf"] != nil && t["loca"] != nil && t["hmtx"] != nil {
			f.tt, f.tables = true, t
		}
		if !f.tt {
			f.codes = map[uint16]byte{}
		}
		fs.list = append(fs.list, f)
		fs.bySrc[src] = []*pdfFont{f}
		list = fs.bySrc[src]
	}
	f := list[len(list)-1]
	if f.tt {
		f.use(g, text)
		return f, g
	}
	for _, t3 := range list {
		if c, ok := t3.codes[g]; ok {
			return t3, uint16(c)
		}
	}
	if len(f.codes) == 256 { // a Type 3 font holds 256 glyphs: start another
		f = &pdfFont{src: src, res: len(fs.list), text: map[uint16]string{}, upem: f.upem, codes: map[uint16]byte{}}
		fs.list = append(fs.list, f)
		fs.bySrc[src] = append(fs.bySrc[src], f)
	}
	c := byte(len(f.codes))
	f.codes[g] = c
	f.adv3 = append(f.adv3, advance/size*1000)
	f.use(g, text)
	return f, uint16(c)
}

func (f *pdfFont) use(g uint16, text string) {
	if _, ok := f.text[g]; !ok {
		f.text[g] = text
		f.order = append(f.order, g)
	}
}

// width is the advance of a code in 1/1000 em: the font's own for
// TrueType (what viewers use), the shaped one for Type 3.
func (f *pdfFont) width(code uint16) float32 {
	if !f.tt {
		return f.adv3[code]
	}
	hhea, hmtx := f.tables["hhea"], f.tables["hmtx"]
	if len(hhea) < 36 {
		return 0
	}
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	i := min(int(code), long-1)
	if i < 0 || 4*i+2 > len(hmtx) {
		return 0
	}
	return float32(binary.BigEndian.Uint16(hmtx[4*i:])) * 1000 / f.upem
}

// psName is the font's PostScript-style name, without spaces.
func (f *pdfFont) psName() string {
	n := strings.Map(func(r rune) rune {
		if r <= ' ' || r > '~' || strings.ContainsRune("()<>[]{}/%#", r) {
			return -1
		}
		return r
	}, strings.ReplaceAll(f.src.Name, " ", ""))
	if strings.HasSuffix(n, f.src.Style.String()) && len(n) > len(f.src.Style.String()) {
		n = strings.TrimSuffix(n, f.src.Style.String()) + "-" + f.src.Style.String()
	}
	if n == "" {
		n = "Font"
	}
	if !f.tt {
		n += fmt.Sprintf("-%d", f.res)
	}
	return n
}

// objects writes the font's objects from object number base; it takes
// fontObjectCount numbers.
const fontObjectCount = 5

func (pw *pdfWriter) fontObjects(f *pdfFont, base int) error {
	if f.tt {
		return pw.trueTypeObjects(f, base)
	}
	return pw.type3Objects(f, base)
}

func (pw *pdfWriter) trueTypeObjects(f *pdfFont, base int) error {
	used := map[uint16]bool{}
	for g := range f.text {
		used[g] = true
	}
	sub, err := subsetTrueType(f.tables, used, true)
	if err != nil {
		return fmt.Errorf("subsetting the font %s: %w", f.src.Name, err)
	}
	name := subsetTag(f.order) + "+" + f.psName()
	pw.object(base, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, base+1, base+4))
	gids := make([]int, 0, len(f.text))
	for g := range f.text {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)
	var widths bytes.Buffer
	widths.WriteString("[")
	for _, g := range gids {
		fmt.Fprintf(&widths, "%d [%d] ", g, int(f.width(uint16(g))+0.5))
	}
	widths.WriteString("]")
	pw.object(base+1, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 0 /W %s /CIDToGIDMap /Identity >>",
		name, base+2, widths.String()))
	head, hhea := f.tables["head"], f.tables["hhea"]
	k := 1000 / f.upem
	i16 := func(b []byte, at int) int {
		if len(b) < at+2 {
			return 0
		}
		return int(float32(int16(binary.BigEndian.Uint16(b[at:]))) * k)
	}
	flags, stemV, angle := 32, 80, 0 // non-symbolic
	if f.src.Style == look.Italic {
		flags, angle = flags|64, -12
	}
	if f.src.Style == look.Bold {
		stemV = 140
	}
	capHeight := i16(f.tables["OS/2"], 88)
	if capHeight == 0 {
		capHeight = i16(hhea, 4) * 7 / 10
	}
	pw.object(base+2, fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>",
		name, flags, i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42), angle,
		i16(hhea, 4), i16(hhea, 6), capHeight, stemV, base+3))
	if err := pw.stream(base+3, fmt.Sprintf("/Length1 %d", len(sub)), sub); err != nil {
		return err
	}
	return pw.stream(base+4, "", toUnicodeCMap(f, gids, 4))
}

// type3Objects writes a Type 3 font: each glyph's outline as a content
// stream in a 1000-unit em, filled with the text's colour.
func (pw *pdfWriter) type3Objects(f *pdfFont, base int) error {
	n := len(f.codes)
	glyphs := make([]uint16, n)
	for g, c := range f.codes {
		glyphs[c] = g
	}
	// The glyph procedures take object numbers from a range of their own.
	procBase := pw.reserve(n)
	var procs, diffs, widths strings.Builder
	bbox := [4]float32{0, -300, 1000, 1000}
	for c, g := range glyphs {
		fmt.Fprintf(&procs, "/g%d %d 0 R ", c, procBase+c)
		fmt.Fprintf(&diffs, "/g%d ", c)
		fmt.Fprintf(&widths, "%s ", svgNum(f.adv3[c]))
		var b bytes.Buffer
		segs := f.src.Outline(look.GlyphID(g), 1000)
		x0, y0, x1, y1 := float32(0), float32(0), float32(0), float32(0)
		for _, s := range segs {
			for _, p := range s.P[:points(s.Op)] {
				x0, y0, x1, y1 = min(x0, p.X), min(y0, -p.Y), max(x1, p.X), max(y1, -p.Y)
			}
		}
		bbox = [4]float32{min(bbox[0], x0), min(bbox[1], y0), max(bbox[2], x1), max(bbox[3], y1)}
		fmt.Fprintf(&b, "%s 0 %s %s %s %s d1\n", svgNum(f.adv3[c]), svgNum(x0), svgNum(y0), svgNum(x1), svgNum(y1))
		var cur look.Point
		for _, s := range segs {
			switch s.Op {
			case look.MoveTo:
				fmt.Fprintf(&b, "%s %s m\n", svgNum(s.P[0].X), svgNum(-s.P[0].Y))
				cur = s.P[0]
			case look.LineTo:
				fmt.Fprintf(&b, "%s %s l\n", svgNum(s.P[0].X), svgNum(-s.P[0].Y))
				cur = s.P[0]
			case look.QuadTo: // as a cubic: control points 2/3 of the way to the quad's
				q, e := s.P[0], s.P[1]
				c1 := look.Point{X: cur.X + 2*(q.X-cur.X)/3, Y: cur.Y + 2*(q.Y-cur.Y)/3}
				c2 := look.Point{X: e.X + 2*(q.X-e.X)/3, Y: e.Y + 2*(q.Y-e.Y)/3}
				fmt.Fprintf(&b, "%s %s %s %s %s %s c\n", svgNum(c1.X), svgNum(-c1.Y), svgNum(c2.X), svgNum(-c2.Y), svgNum(e.X), svgNum(-e.Y))
				cur = e
			case look.CubicTo:
				fmt.Fprintf(&b, "%s %s %s %s %s %s c\n", svgNum(s.P[0].X), svgNum(-s.P[0].Y), svgNum(s.P[1].X), svgNum(-s.P[1].Y), svgNum(s.P[2].X), svgNum(-s.P[2].Y))
				cur = s.P[2]
			}
		}
		if len(segs) > 0 {
			b.WriteString("f\n")
		}
		if err := pw.stream(procBase+c, "", b.Bytes()); err != nil {
			return err
		}
	}
	pw.object(base, fmt.Sprintf("<< /Type /Font /Subtype /Type3 /Name /F%d /FontBBox [%s %s %s %s] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << %s>> /Encoding << /Type /Encoding /Differences [0 %s] >> /FirstChar 0 /LastChar %d /Widths [%s] /ToUnicode %d 0 R /Resources << >> >>",
		f.res, svgNum(bbox[0]), svgNum(bbox[1]), svgNum(bbox[2]), svgNum(bbox[3]), procs.String(), diffs.String(), n-1, widths.String(), base+4))
	codes := make([]int, n)
	for i := range codes {
		codes[i] = i
	}
	byCode := &pdfFont{text: map[uint16]string{}}
	for c, g := range glyphs {
		byCode.text[uint16(c)] = f.text[g]
	}
	return pw.stream(base+4, "", toUnicodeCMap(byCode, codes, 2))
}

// subsetTag is the six capital letters PDF puts before a subset font's
// name, from the glyphs it holds, so different subsets never share a name.
func subsetTag(glyphs []uint16) string {
	h := fnv.New32a()
	for _, g := range glyphs {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	v := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// toUnicodeCMap maps each code (of digits hex digits) to the text it was
// drawn for; a glyph that is part of another's text (a ligature's second
// glyph, a mark) maps to nothing.
func toUnicodeCMap(f *pdfFont, codes []int, digits int) []byte {
	var b bytes.Buffer
	space := "<0000> <FFFF>"
	if digits == 2 {
		space = "<00> <FF>"
	}
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n" + space + "\nendcodespacerange\n")
	var mapped []int
	for _, c := range codes {
		if f.text[uint16(c)] != "" {
			mapped = append(mapped, c)
		}
	}
	for i := 0; i < len(mapped); i += 100 {
		chunk := mapped[i:min(i+100, len(mapped))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, c := range chunk {
			fmt.Fprintf(&b, "<%0*X> <", digits, c)
			for _, u := range utf16.Encode([]rune(f.text[uint16(c)])) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
