package render

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image/color"
	"io"
)

// The PNG (8-bit palette) is written by hand so it can be made from bands of
// rows, each filtered and compressed on its own core, and the whole image
// never sits in memory. Rows use the Up filter (the difference from the row
// above): one subtraction a byte, and the chart's flat areas become runs of
// zeros; image/png tries five filters a row, which measured as the largest
// single cost of encoding a chart. The bands are compressed by the chart's
// own deflate encoder (sparsedeflate.go), or by compress/flate at a level
// asked for. Each band is a run of deflate blocks
// ending in a sync flush; the runs concatenate into one zlib stream, written
// out band by band as they are ready (the palette, which comes first, is
// filled by drawing the bands once before: see WriteScene).

// bandJob is one band to encode: its rows and the raw row above it (nil
// for the first band).
type bandJob struct {
	seq   int
	band  *canvas
	above []byte
}

// bandOut is one band's compressed bytes and the checksum of its filtered bytes.
type bandOut struct {
	seq   int
	data  []byte
	adler uint32
	n     int64
}

// bandEncoder filters and compresses bands; each worker owns one.
type bandEncoder struct {
	width  int
	sparse *sparseEncoder // level 0
	zw     *flate.Writer  // another level
	out    bytes.Buffer
	row    []byte
}

// newBandEncoder makes an encoder at a zlib level. 0 means the chart's own
// encoder (sparsedeflate.go): files the size of flate.BestSpeed's in a
// fraction of its time; another level uses compress/flate at that level
// (-1 its default, for smaller files).
func newBandEncoder(width, level int) (*bandEncoder, error) {
	if level == 0 {
		return &bandEncoder{width: width, sparse: newSparseEncoder(width)}, nil
	}
	e := &bandEncoder{width: width, row: make([]byte, 1+width)}
	zw, err := flate.NewWriter(&e.out, level)
	if err != nil {
		return nil, err
	}
	e.zw = zw
	return e, nil
}

// encode filters and compresses one band; its bytes are appended to buf
// (which may be nil), so the caller can reuse buffers.
func (e *bandEncoder) encode(j bandJob, buf []byte) (bandOut, error) {
	if e.sparse != nil {
		return e.sparse.encode(j, buf), nil
	}
	e.out.Reset()
	e.zw.Reset(&e.out)
	sum := uint32(1)
	b := j.band.rect
	above := j.above
	for y := b.Min.Y; y < b.Max.Y; y++ {
		src := j.band.pix[(y-b.Min.Y)*j.band.stride:][:e.width]
		if above == nil {
			e.row[0] = 0 // None: the first row of the image
			copy(e.row[1:], src)
		} else {
			e.row[0] = 2 // Up
			upFilter(e.row[1:], src, above)
		}
		sum = adler32Update(sum, e.row)
		if _, err := e.zw.Write(e.row); err != nil {
			return bandOut{}, err
		}
		above = src
	}
	if err := e.zw.Flush(); err != nil {
		return bandOut{}, err
	}
	return bandOut{seq: j.seq, data: append(buf, e.out.Bytes()...), adler: sum,
		n: int64(j.band.rect.Dy()) * int64(len(e.row))}, nil
}

// upFilter writes the differences of row src from row up into cur. Runs of
// eight pixels equal to the ones above, most of a chart, are found with one
// word compare and become zeros.
func upFilter(cur, src, up []byte) {
	n := len(src)
	i := 0
	for ; i+8 <= n; i += 8 {
		if binary.LittleEndian.Uint64(src[i:]) == binary.LittleEndian.Uint64(up[i:]) {
			binary.LittleEndian.PutUint64(cur[i:], 0)
			continue
		}
		for k := i; k < i+8; k++ {
			cur[k] = src[k] - up[k]
		}
	}
	for ; i < n; i++ {
		cur[i] = src[i] - up[i]
	}
}

// adler32Update extends an Adler-32 checksum with p. Runs of zero bytes,
// most of a filtered chart, cost one multiplication a word: s1 stays, and
// s2 grows by s1 for each zero.
func adler32Update(sum uint32, p []byte) uint32 {
	const base = 65521
	s1, s2 := uint64(sum&0xffff), uint64(sum>>16)
	pending := 0 // bytes added since the last reduction
	for i := 0; i < len(p); {
		if i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:]) == 0 {
			s2 += 8 * s1
			i += 8
			pending += 8
		} else {
			s1 += uint64(p[i])
			s2 += s1
			i++
			pending++
		}
		if pending >= 4096 { // well before s2 could overflow 64 bits
			s1 %= base
			s2 %= base
			pending = 0
		}
	}
	return uint32(s2%base)<<16 | uint32(s1%base)
}

// pngWriter writes the PNG container: the header and palette first, then
// the bands' deflate runs in order as they come, then the end.
type pngWriter struct {
	width, height int
	dpi           float64 // pixel density written in pHYs; 0 writes none
	bw            *bufio.Writer
	chunks        chunkWriter
	adler         uint32
}

func newPNGWriter(w io.Writer, width, height int, dpi float64) *pngWriter {
	bw := bufio.NewWriterSize(w, 1<<16)
	return &pngWriter{width: width, height: height, dpi: dpi, bw: bw, chunks: chunkWriter{w: bw}, adler: 1}
}

// header writes the signature, the image header, the palette (complete:
// pal is every colour the bands use), its alpha, the pixel density and the
// zlib header.
func (pw *pngWriter) header(pal []color.NRGBA) error {
	bw := pw.bw
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(pw.width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(pw.height))
	ihdr[8], ihdr[9] = 8, 3 // 8 bits a pixel, palette
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return err
	}
	plte := make([]byte, 0, 3*len(pal))
	for _, c := range pal {
		plte = append(plte, c.R, c.G, c.B)
	}
	if err := writeChunk(bw, "PLTE", plte); err != nil {
		return err
	}
	// Alpha of the palette's colours up to the last one not opaque
	// (a transparent background and the edges drawn over it).
	var trns []byte
	for i, c := range pal {
		if c.A != 0xFF {
			for len(trns) < i {
				trns = append(trns, 0xFF)
			}
			trns = append(trns, c.A)
		}
	}
	if len(trns) > 0 {
		if err := writeChunk(bw, "tRNS", trns); err != nil {
			return err
		}
	}
	// The pixel density, so slides and documents place the image at its
	// size: one logical pixel is 1/96 inch, as in CSS.
	if pw.dpi > 0 {
		var phys [9]byte
		ppm := uint32(pw.dpi/0.0254 + 0.5)
		binary.BigEndian.PutUint32(phys[0:], ppm)
		binary.BigEndian.PutUint32(phys[4:], ppm)
		phys[8] = 1 // unit: the metre
		if err := writeChunk(bw, "pHYs", phys[:]); err != nil {
			return err
		}
	}
	// zlib header: deflate, 32 KB window, no dictionary, check bits.
	_, err := pw.chunks.Write([]byte{0x78, 0x01})
	return err
}

// band writes the next band's deflate run.
func (pw *pngWriter) band(o bandOut) error {
	pw.adler = adler32Combine(pw.adler, o.adler, o.n)
	_, err := pw.chunks.Write(o.data)
	return err
}

// close ends the zlib stream (an empty final block, the checksum) and the
// file.
func (pw *pngWriter) close() error {
	var tail [6]byte
	tail[0], tail[1] = 0x03, 0x00
	binary.BigEndian.PutUint32(tail[2:], pw.adler)
	pw.chunks.Write(tail[:])
	if pw.chunks.err != nil {
		return pw.chunks.err
	}
	if err := pw.chunks.flush(); err != nil {
		return err
	}
	if err := writeChunk(pw.bw, "IEND", nil); err != nil {
		return err
	}
	return pw.bw.Flush()
}

// adler32Combine is the Adler-32 of two byte runs joined, from their
// checksums and the second run's length (as zlib's adler32_combine).
func adler32Combine(a1, a2 uint32, len2 int64) uint32 {
	const base = 65521
	rem := uint32(len2 % base)
	sum1 := a1 & 0xffff
	sum2 := (rem * sum1) % base
	sum1 += (a2 & 0xffff) + base - 1
	sum2 += (a1 >> 16) + (a2 >> 16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= base<<1 {
		sum2 -= base << 1
	}
	if sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}

// chunkWriter cuts the compressed stream into IDAT chunks; the first write
// error sticks.
type chunkWriter struct {
	w   io.Writer
	buf []byte
	err error
}

const idatSize = 1 << 18

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && c.err == nil {
		k := min(len(p), idatSize-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == idatSize {
			c.err = c.flush()
		}
	}
	return n, c.err
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, "IDAT", c.buf)
	c.buf = c.buf[:0]
	return err
}

func writeChunk(w io.Writer, kind string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, part := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(part); err != nil {
			return fmt.Errorf("writing the PNG %s chunk: %w", kind, err)
		}
	}
	return nil
}
