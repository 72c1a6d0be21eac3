package render

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"sort"
	"unicode/utf16"
)

// A chart font in the PDF is a Type 0 font over a CIDFontType2 (TrueType)
// descendant with Identity-H encoding: the text shows glyph ids, two bytes
// each; the embedded font is a subset holding only the glyphs used; the
// ToUnicode map turns each glyph back into its text, so viewers can search
// and copy it.

// pdfFontObjects writes the objects of font f, the Type 0 font first at
// object number base (it takes five numbers: font, descendant, descriptor,
// file, ToUnicode).
func (pw *pdfWriter) fontObjects(f *vecFont, base int) error {
	used := map[uint16]bool{}
	for g := range f.used {
		used[g] = true
	}
	sub, err := subsetTrueType(f.data, used, true)
	if err != nil {
		return fmt.Errorf("subsetting the font %s: %w", f.name, err)
	}
	name := subsetTag(f) + "+" + f.name
	pw.object(base, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, base+1, base+4))
	var widths bytes.Buffer
	gids := make([]int, 0, len(f.used))
	for g := range f.used {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)
	widths.WriteString("[")
	for _, g := range gids {
		fmt.Fprintf(&widths, "%d [%d] ", g, int(f.advance(uint16(g))*1000+0.5))
	}
	widths.WriteString("]")
	pw.object(base+1, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 0 /W %s /CIDToGIDMap /Identity >>",
		name, base+2, widths.String()))
	flags := 32 // non-symbolic
	if f.italic {
		flags |= 64
	}
	stemV := 80
	if f.weight >= 700 {
		stemV = 140
	}
	pw.object(base+2, fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %g /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>",
		name, flags, int(f.bbox[0]*1000), int(f.bbox[1]*1000), int(f.bbox[2]*1000), int(f.bbox[3]*1000), f.italicAng,
		int(f.asc*1000), -int(f.desc*1000), int(f.capHeight*1000), stemV, base+3))
	if err := pw.stream(base+3, fmt.Sprintf("/Length1 %d", len(sub)), sub); err != nil {
		return err
	}
	return pw.stream(base+4, "", toUnicodeCMap(f, gids))
}

// subsetTag is the six capital letters PDF puts before a subset font's
// name, from the glyphs it holds, so different subsets never share a name.
func subsetTag(f *vecFont) string {
	h := fnv.New32a()
	for _, g := range f.usedOrder {
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

// toUnicodeCMap maps each used glyph to the text it was drawn for.
func toUnicodeCMap(f *vecFont, gids []int) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(gids); i += 100 {
		chunk := gids[i:min(i+100, len(gids))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune{f.used[uint16(g)]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
