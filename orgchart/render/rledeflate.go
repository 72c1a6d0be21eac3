package render

import (
	"bytes"
	"encoding/binary"
)

// rleDeflate is a deflate encoder made for filtered chart rows, which are
// mostly zeros: a zero run is a literal zero and copies of it (distance 1),
// every other byte a literal, all with the fixed Huffman codes of RFC 1951.
// It does no searching, so it runs near memory speed; files come out about
// three times larger than compress/flate's (docs/performance.md), which
// Options.Compression 1 to 9 chooses instead.
type rleDeflate struct {
	out   *bytes.Buffer
	buf   []byte // whole bytes written since begin
	bits  uint64
	nbits uint
	zeros int // zero bytes seen and not yet written
}

// Fixed literal/length codes, already bit-reversed for LSB-first writing.
var fixedLit = func() (t [286]struct {
	code uint16
	len  uint8
}) {
	for v := range t {
		var code, n int
		switch {
		case v < 144:
			code, n = 0x30+v, 8
		case v < 256:
			code, n = 0x190+v-144, 9
		case v < 280:
			code, n = v-256, 7
		default:
			code, n = 0xC0+v-280, 8
		}
		r := 0
		for i := 0; i < n; i++ {
			r |= (code >> i & 1) << (n - 1 - i)
		}
		t[v].code, t[v].len = uint16(r), uint8(n)
	}
	return t
}()

// Length symbols: base lengths and extra bits of codes 257 to 285.
var (
	lengthBase  = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	// lengthSym maps a match length (3 to 258) to its code index.
	lengthSym = func() (t [259]uint8) {
		for i := 28; i >= 0; i-- {
			for l := lengthBase[i]; l < 259 && t[l] == 0 && (i == 28 || l < lengthBase[i+1]); l++ {
				t[l] = uint8(i)
			}
		}
		return t
	}()
)

// put appends the n low bits of v (n <= 16), four bytes at a time.
func (d *rleDeflate) put(v uint64, n uint) {
	d.bits |= v << d.nbits
	d.nbits += n
	if d.nbits >= 32 {
		d.buf = binary.LittleEndian.AppendUint32(d.buf, uint32(d.bits))
		d.bits >>= 32
		d.nbits -= 32
	}
}

func (d *rleDeflate) literal(b byte) {
	c := fixedLit[b]
	d.put(uint64(c.code), uint(c.len))
}

// begin starts a fixed-Huffman block that is not the last.
func (d *rleDeflate) begin(out *bytes.Buffer) {
	d.out, d.buf, d.bits, d.nbits, d.zeros = out, d.buf[:0], 0, 0, 0
	d.put(0b010, 3) // BFINAL 0, BTYPE 01
}

// flushZeros writes the pending zero run: one literal, then copies of the
// byte before (distance 1) of at most 258 bytes each.
func (d *rleDeflate) flushZeros() {
	n := d.zeros
	d.zeros = 0
	if n == 0 {
		return
	}
	d.literal(0)
	m := n - 1
	for m >= 3 {
		l := min(m, 258)
		if r := m - l; r > 0 && r < 3 {
			l -= 3 - r // leave a copy of at least 3 for the next round
		}
		s := lengthSym[l]
		c := fixedLit[257+int(s)]
		d.put(uint64(c.code), uint(c.len))
		if e := lengthExtra[s]; e > 0 {
			d.put(uint64(l-lengthBase[s]), e)
		}
		d.put(0, 5) // distance code 0: distance 1
		m -= l
	}
	for ; m > 0; m-- {
		d.literal(0)
	}
}

// end closes the block and byte-aligns the stream with an empty stored
// block (a sync flush), so the next band's block can follow.
func (d *rleDeflate) end() {
	d.flushZeros()
	c := fixedLit[256]
	d.put(uint64(c.code), uint(c.len))
	d.put(0, 3)       // stored block header: BFINAL 0, BTYPE 00
	for d.nbits > 0 { // the bits left, padded to whole bytes
		d.buf = append(d.buf, byte(d.bits))
		d.bits >>= 8
		d.nbits -= min(d.nbits, 8)
	}
	d.buf = append(d.buf, 0, 0, 0xFF, 0xFF)
	d.out.Write(d.buf)
}

// rows filters, checksums and encodes a band in one pass: a row equal to
// the one above (the gaps between levels) is one compare and one zero run;
// elsewhere eight equal pixels are one word compare. It returns the
// Adler-32 of the filtered bytes.
func (d *rleDeflate) rows(band *canvas, above []byte) uint32 {
	const base = 65521
	s1, s2 := uint64(1), uint64(0)
	w := band.rect.Dx()
	for y := 0; y < band.rect.Dy(); y++ {
		src := band.pix[y*band.stride:][:w]
		filter := byte(2) // Up
		if above == nil {
			filter = 0 // None: the first row of the image
		}
		s1 += uint64(filter)
		s2 += s1
		d.byte(filter)
		switch {
		case above == nil:
			for _, v := range src {
				s1 += uint64(v)
				s2 += s1
				d.byte(v)
			}
		case bytes.Equal(src, above):
			s2 += uint64(w) * s1
			d.zeros += w
		default:
			i := 0
			for ; i+8 <= w; i += 8 {
				if binary.LittleEndian.Uint64(src[i:]) == binary.LittleEndian.Uint64(above[i:]) {
					s2 += 8 * s1
					d.zeros += 8
					continue
				}
				for k := i; k < i+8; k++ {
					v := src[k] - above[k]
					s1 += uint64(v)
					s2 += s1
					d.byte(v)
				}
			}
			for ; i < w; i++ {
				v := src[i] - above[i]
				s1 += uint64(v)
				s2 += s1
				d.byte(v)
			}
		}
		// A row adds at most 255*(w+1) to s1 and far less than 2^63 to s2.
		s1 %= base
		s2 %= base
		above = src
	}
	return uint32(s2)<<16 | uint32(s1)
}

// byte adds one filtered byte: zeros join the pending run.
func (d *rleDeflate) byte(v byte) {
	if v == 0 {
		d.zeros++
		return
	}
	if d.zeros > 0 {
		d.flushZeros()
	}
	d.literal(v)
}
