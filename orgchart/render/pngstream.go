package render

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"io"
)

// The PNG is written by hand so it can be made from bands of rows, each
// filtered and compressed on its own core, and the whole image never sits in
// memory. Rows use the Up filter (the difference from the row above): one
// subtraction a byte, and the chart's flat areas become runs of zeros;
// image/png tries five filters a row, which measured as the largest single
// cost of encoding a chart. Each band is a run of deflate blocks ending in a
// sync flush; the runs concatenate into one zlib stream.

// bandJob is one band to encode: its rows and the raw row above it (nil
// for the first band).
type bandJob struct {
	seq   int
	band  *image.RGBA
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
	width int
	zw    *flate.Writer
	out   bytes.Buffer
	row   []byte
}

func newBandEncoder(width, level int) (*bandEncoder, error) {
	e := &bandEncoder{width: width, row: make([]byte, 1+3*width)}
	zw, err := flate.NewWriter(&e.out, level)
	if err != nil {
		return nil, err
	}
	e.zw = zw
	return e, nil
}

func (e *bandEncoder) encode(j bandJob) (bandOut, error) {
	e.out.Reset()
	e.zw.Reset(&e.out)
	sum := uint32(1)
	b := j.band.Bounds()
	above := j.above
	for y := b.Min.Y; y < b.Max.Y; y++ {
		src := j.band.Pix[(y-b.Min.Y)*j.band.Stride:][:4*e.width]
		cur := e.row[1:][:3*e.width]
		if above == nil {
			e.row[0] = 0 // None: the first row of the image
			for x := 0; x < e.width; x++ {
				cur[3*x], cur[3*x+1], cur[3*x+2] = src[4*x], src[4*x+1], src[4*x+2]
			}
		} else {
			e.row[0] = 2 // Up
			upFilter(cur, src, above[:4*e.width])
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
	return bandOut{seq: j.seq, data: bytes.Clone(e.out.Bytes()), adler: sum,
		n: int64(b.Dy()) * int64(len(e.row))}, nil
}

// upFilter writes the RGB differences of row src from row up (both RGBA)
// into cur. Runs of four pixels equal to the ones above, most of a chart,
// are found with two word compares and become zeros.
func upFilter(cur, src, up []byte) {
	n := len(src) / 4
	x := 0
	for ; x+4 <= n; x += 4 {
		i, k := 4*x, 3*x
		if binary.LittleEndian.Uint64(src[i:]) == binary.LittleEndian.Uint64(up[i:]) &&
			binary.LittleEndian.Uint64(src[i+8:]) == binary.LittleEndian.Uint64(up[i+8:]) {
			clear(cur[k : k+12])
			continue
		}
		for j := 0; j < 4; j++ {
			a, b := i+4*j, k+3*j
			cur[b], cur[b+1], cur[b+2] = src[a]-up[a], src[a+1]-up[a+1], src[a+2]-up[a+2]
		}
	}
	for ; x < n; x++ {
		i, k := 4*x, 3*x
		cur[k], cur[k+1], cur[k+2] = src[i]-up[i], src[i+1]-up[i+1], src[i+2]-up[i+2]
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

// pngWriter writes the PNG container around the bands' deflate runs, in order.
type pngWriter struct {
	w     *bufio.Writer
	chunk chunkWriter
	adler uint32
	first bool
}

func newPNGWriter(w io.Writer, width, height int) (*pngWriter, error) {
	pw := &pngWriter{w: bufio.NewWriterSize(w, 1<<16), adler: 1, first: true}
	pw.chunk.w = pw.w
	if _, err := pw.w.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return nil, err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits a sample, truecolour
	if err := writeChunk(pw.w, "IHDR", ihdr[:]); err != nil {
		return nil, err
	}
	// zlib header: deflate, 32 KB window, no dictionary, check bits.
	_, err := pw.chunk.Write([]byte{0x78, 0x01})
	return pw, err
}

func (pw *pngWriter) band(o bandOut) error {
	pw.adler = adler32Combine(pw.adler, o.adler, o.n)
	_, err := pw.chunk.Write(o.data)
	return err
}

func (pw *pngWriter) close() error {
	// An empty final block, then the checksum of everything.
	var tail [6]byte
	tail[0], tail[1] = 0x03, 0x00
	binary.BigEndian.PutUint32(tail[2:], pw.adler)
	if _, err := pw.chunk.Write(tail[:]); err != nil {
		return err
	}
	if err := pw.chunk.flush(); err != nil {
		return err
	}
	if err := writeChunk(pw.w, "IEND", nil); err != nil {
		return err
	}
	return pw.w.Flush()
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

// chunkWriter cuts the compressed stream into IDAT chunks.
type chunkWriter struct {
	w   io.Writer
	buf []byte
}

const idatSize = 1 << 18

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), idatSize-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == idatSize {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
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
