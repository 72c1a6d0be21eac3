package render

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// subsetTrueType returns a copy of a TrueType (glyf) font in which every
// glyph but .notdef, the used ones and the parts of used composite glyphs
// is empty. Glyph ids stay as they are, so text drawn with the font's own
// ids needs no remapping, and the cmap still works for SVG viewers. Layout
// tables (GSUB, GPOS, GDEF, kern) and glyph names are dropped: our text is
// measured without them, so viewers place it as we measured it.
// For a PDF (pdf true) the character map and names are left out too, and
// the glyphs after the last one kept: PDF text gives glyph ids.
func subsetTrueType(tables map[string][]byte, used map[uint16]bool, pdf bool) ([]byte, error) {
	head, loca, glyf := tables["head"], tables["loca"], tables["glyf"]
	maxp := tables["maxp"]
	if head == nil || loca == nil || glyf == nil || maxp == nil || len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("not a TrueType font with glyf outlines")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(g int) (int, int, bool) {
		if g < 0 || g >= n {
			return 0, 0, false
		}
		var a, b int
		if long {
			if len(loca) < 4*(g+2) {
				return 0, 0, false
			}
			a, b = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
		} else {
			if len(loca) < 2*(g+2) {
				return 0, 0, false
			}
			a, b = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
		}
		if a > b || b > len(glyf) {
			return 0, 0, false
		}
		return a, b, true
	}
	keep := map[int]bool{0: true}
	var add func(g, depth int)
	add = func(g, depth int) {
		if keep[g] && g != 0 || depth > 8 {
			return
		}
		keep[g] = true
		a, b, ok := offset(g)
		if !ok || b-a < 10 || int16(binary.BigEndian.Uint16(glyf[a:])) >= 0 {
			return
		}
		// A composite glyph: keep its components.
		for p := a + 10; p+4 <= b; {
			flags := binary.BigEndian.Uint16(glyf[p:])
			add(int(binary.BigEndian.Uint16(glyf[p+2:])), depth+1)
			p += 4
			if flags&0x1 != 0 {
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x8 != 0:
				p += 2
			case flags&0x40 != 0:
				p += 4
			case flags&0x80 != 0:
				p += 8
			}
			if flags&0x20 == 0 {
				break
			}
		}
	}
	for g := range used {
		add(int(g), 0)
	}
	count := n
	if pdf {
		count = 1
		for g := range keep {
			count = max(count, min(g+1, n))
		}
	}
	newGlyf := make([]byte, 0, 1<<14)
	newLoca := make([]byte, 4*(count+1))
	for g := 0; g < count; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if !keep[g] {
			continue
		}
		if a, b, ok := offset(g); ok {
			newGlyf = append(newGlyf, glyf[a:b]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*count:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca offsets
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	post := make([]byte, 32)
	copy(post, tables["post"])
	binary.BigEndian.PutUint32(post, 0x00030000) // version 3: no glyph names
	out := map[string][]byte{"head": newHead, "loca": newLoca, "glyf": newGlyf, "post": post}
	tags := []string{"hhea", "hmtx", "maxp", "cvt ", "fpgm", "prep", "OS/2"}
	if !pdf {
		tags = append(tags, "cmap", "name")
	} else {
		out["cmap"] = emptyCmap
	}
	for _, tag := range tags {
		if t, ok := tables[tag]; ok {
			out[tag] = t
		}
	}
	if count < n {
		// Fewer glyphs: maxp's count, and the metrics of the glyphs kept.
		hhea, hmtx := tables["hhea"], tables["hmtx"]
		if len(hhea) < 36 {
			return nil, errors.New("font has no usable hhea table")
		}
		long := int(binary.BigEndian.Uint16(hhea[34:]))
		if long < 1 || len(hmtx) < 4*long+2*(n-long) {
			return nil, errors.New("font's hmtx table is cut short")
		}
		newLong := min(long, count)
		m := append([]byte(nil), hmtx[:4*newLong]...)
		if count > long { // left side bearings of the glyphs past the long metrics
			m = append(m, hmtx[4*long:4*long+2*(count-long)]...)
		}
		out["hmtx"] = m
		newHhea := append([]byte(nil), hhea...)
		binary.BigEndian.PutUint16(newHhea[34:], uint16(newLong))
		out["hhea"] = newHhea
		newMaxp := append([]byte(nil), maxp...)
		binary.BigEndian.PutUint16(newMaxp[4:], uint16(count))
		out["maxp"] = newMaxp
	}
	return writeSFNT(out), nil
}

// emptyCmap is a character map with no characters (format 4, the closing
// segment only): PDF text needs none, but font readers expect the table.
var emptyCmap = []byte{
	0, 0, 0, 1, // version, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // Windows Unicode BMP at offset 12
	0, 4, 0, 24, 0, 0, // format 4, length, language
	0, 2, 0, 2, 0, 0, 0, 0, // segCountX2, searchRange, entrySelector, rangeShift
	0xFF, 0xFF, 0, 0, // endCode, reservedPad
	0xFF, 0xFF, 0, 1, 0, 0, // startCode, idDelta, idRangeOffset
}

// sfntTables reads the table directory of an OpenType font, or of face
// index of a font collection (.ttc).
func sfntTables(font []byte, index int) (map[string][]byte, error) {
	if len(font) < 12 {
		return nil, errors.New("font file too short")
	}
	dir := 0
	if string(font[:4]) == "ttcf" {
		n := int(binary.BigEndian.Uint32(font[8:]))
		if index < 0 || index >= n || len(font) < 12+4*n {
			return nil, fmt.Errorf("font collection has no face %d", index)
		}
		dir = int(binary.BigEndian.Uint32(font[12+4*index:]))
		if dir < 0 || dir+12 > len(font) {
			return nil, errors.New("font collection directory lies outside the file")
		}
	}
	num := int(binary.BigEndian.Uint16(font[dir+4:]))
	if len(font) < dir+12+16*num {
		return nil, errors.New("font table directory cut short")
	}
	tables := map[string][]byte{}
	for i := 0; i < num; i++ {
		rec := font[dir+12+16*i:]
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(font) {
			return nil, fmt.Errorf("font table %q lies outside the file", rec[:4])
		}
		tables[string(rec[:4])] = font[off : off+length]
	}
	return tables, nil
}

// writeSFNT assembles tables into a font file with correct checksums.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	num := len(tags)
	entry := 0
	for 1<<(entry+1) <= num {
		entry++
	}
	buf := make([]byte, 12+16*num)
	binary.BigEndian.PutUint32(buf, 0x00010000)
	binary.BigEndian.PutUint16(buf[4:], uint16(num))
	binary.BigEndian.PutUint16(buf[6:], uint16(16<<entry))
	binary.BigEndian.PutUint16(buf[8:], uint16(entry))
	binary.BigEndian.PutUint16(buf[10:], uint16(16*num-16<<entry))
	headAt := 0
	for i, tag := range tags {
		data := tables[tag]
		rec := buf[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], sfntChecksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(buf)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		if tag == "head" {
			headAt = len(buf)
		}
		buf = append(buf, data...)
		for len(buf)%4 != 0 {
			buf = append(buf, 0)
		}
	}
	binary.BigEndian.PutUint32(buf[headAt+8:], 0xB1B0AFBA-sfntChecksum(buf))
	return buf
}

func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
