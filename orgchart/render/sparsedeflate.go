package render

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// sparseEncoder filters and compresses one band of the chart's rows into a
// run of deflate blocks, in about the time of comparing each row with the
// one above. A chart filtered with Up is almost all zeros: 96% of the
// 8-byte words of the 1,500-person chart at scale 2 equal the ones above.
// So the rows are compared a word at a time, and only the words that differ
// (the busy spans: text, edges) are written, matched and checksummed byte
// by byte; a gap of zeros becomes a few back-references of distance 1
// (258 bytes each) and its Adler-32 a closed form. Busy spans are matched
// against the byte before, the row above and the last place with the same
// four bytes (a card's title repeated along a row), and every band's
// tokens are coded in dynamic Huffman blocks with codes built for them.
// compress/flate at BestSpeed, which this replaced, spent most of its time
// finding and coding the zeros (docs/performance.md).
type sparseEncoder struct {
	width int
	buf   []byte  // the band's filtered bytes; zero outside the spans
	spans []span  // where buf may hold other than zeros, in order
	zero  []byte  // a row of zeros: the row "above" the image
	table []int32 // last position+1 of each 4-byte hash, this band
	toks  []uint32
	lit   [286]int32 // frequencies of the block's literal/length symbols
	dist  [30]int32  // and of its distance symbols
	bc    blockCoder
	bw    bitWriter
}

// span is a run of the band's filtered bytes, [start, end).
type span struct{ start, end int }

const (
	hashBits  = 15
	maxTokens = 1 << 16 // tokens a block; more start a new block
	matchMax  = 258
	window    = 32768
	tokMatch  = 1 << 31 // a token with this bit is a match: (length-3)<<15 | (distance-1)
	tokRun    = 1 << 30 // a token with this bit alone is that many matches of 258 at distance 1
)

func newSparseEncoder(width int) *sparseEncoder {
	return &sparseEncoder{width: width, zero: make([]byte, width), table: make([]int32, 1<<hashBits)}
}

// encode compresses one band (see bandEncoder.encode).
func (e *sparseEncoder) encode(j bandJob, out []byte) bandOut {
	rows, w1 := j.band.rect.Dy(), e.width+1
	n := rows * w1
	if cap(e.buf) < n {
		e.buf = make([]byte, n) // zero: later bands clear what they write
	}
	e.buf = e.buf[:n]
	e.spans = e.spans[:0]
	clear(e.table)
	above, filter := j.above, byte(2) // Up
	if above == nil {
		above, filter = e.zero, 0 // None for the image's first row: Up from zeros
	}
	for r := range rows {
		src := j.band.pix[r*j.band.stride:][:e.width]
		o := r * w1
		e.buf[o] = filter
		e.addSpan(o, o+1)
		e.filterRow(o+1, src, above)
		above, filter = src, 2
	}

	e.bw = bitWriter{out: out}
	pos := 0
	for _, sp := range e.spans {
		if sp.end <= pos {
			continue // inside the last match
		}
		if sp.start > pos {
			e.zeros(pos, sp.start)
			pos = sp.start
		}
		pos = e.match(pos, sp.end)
	}
	if pos < n {
		e.zeros(pos, n)
	}
	e.block()
	e.bw.syncFlush()

	sum := e.adler()
	for _, sp := range e.spans {
		clear(e.buf[sp.start:sp.end])
	}
	return bandOut{seq: j.seq, data: e.bw.out, adler: sum, n: int64(n)}
}

func (e *sparseEncoder) addSpan(start, end int) {
	if k := len(e.spans) - 1; k >= 0 && e.spans[k].end == start {
		e.spans[k].end = end
		return
	}
	e.spans = append(e.spans, span{start, end})
}

// filterRow writes the Up differences of src from above at buf[o:], for
// the words that differ, four words compared at a time.
func (e *sparseEncoder) filterRow(o int, src, above []byte) {
	le := binary.LittleEndian
	dst := e.buf[o : o+len(src)]
	i := 0
	for ; i+32 <= len(src); i += 32 {
		s, a := src[i:i+32], above[i:i+32]
		if (le.Uint64(s)^le.Uint64(a))|(le.Uint64(s[8:])^le.Uint64(a[8:]))|
			(le.Uint64(s[16:])^le.Uint64(a[16:]))|(le.Uint64(s[24:])^le.Uint64(a[24:])) == 0 {
			continue
		}
		for k := 0; k < 32; k += 8 {
			if x, y := le.Uint64(s[k:]), le.Uint64(a[k:]); x != y {
				le.PutUint64(dst[i+k:], subBytes(x, y))
				e.addSpan(o+i+k, o+i+k+8)
			}
		}
	}
	for ; i+8 <= len(src); i += 8 {
		if x, y := le.Uint64(src[i:]), le.Uint64(above[i:]); x != y {
			le.PutUint64(dst[i:], subBytes(x, y))
			e.addSpan(o+i, o+i+8)
		}
	}
	for ; i < len(src); i++ {
		if src[i] != above[i] {
			dst[i] = src[i] - above[i]
			e.addSpan(o+i, o+i+1)
		}
	}
}

// subBytes subtracts each byte of y from the byte of x, modulo 256, with
// no borrow between bytes.
func subBytes(x, y uint64) uint64 {
	const h = 0x8080808080808080
	return ((x | h) - (y &^ h)) ^ ((x ^ ^y) & h)
}

// zeros codes the zero bytes buf[p:end]: runs of distance 1 (after one
// literal zero when the byte before is not zero).
func (e *sparseEncoder) zeros(p, end int) {
	if p > 0 && e.buf[p-1] != 0 {
		e.literal(0)
		p++
	}
	if k := (end - p) / matchMax; k > 0 {
		// k longest runs in one token.
		e.toks = append(e.toks, tokRun|uint32(k))
		e.lit[257+28] += int32(k)
		e.dist[0] += int32(k)
		p += k * matchMax
		if len(e.toks) >= maxTokens {
			e.block()
		}
	}
	if end-p >= 3 {
		e.backref(end-p, 1)
	} else {
		for ; p < end; p++ {
			e.literal(0)
		}
	}
}

// match codes buf from p, up to end at least, and returns where it
// stopped (a match may run on past end). Greedy: at each place the longest
// of the repeat of the byte before, the row above, and the last place with
// the same four bytes.
func (e *sparseEncoder) match(p, end int) int {
	buf := e.buf
	w1 := e.width + 1
	le := binary.LittleEndian
	for p < end {
		limit := min(matchMax, len(buf)-p)
		if limit < 4 {
			e.literal(buf[p])
			p++
			continue
		}
		cur := le.Uint32(buf[p:])
		best, dist := 0, 0
		if p > 0 && buf[p] == buf[p-1] {
			if l := matchLen(buf, p, p-1, limit); l >= 3 {
				best, dist = l, 1
			}
		}
		if best < limit && p >= w1 && le.Uint32(buf[p-w1:]) == cur {
			if l := 4 + matchLen(buf, p+4, p-w1+4, limit-4); l > best {
				best, dist = l, w1
			}
		}
		h := hash4(cur)
		c := int(e.table[h]) - 1
		e.table[h] = int32(p + 1)
		if best < limit && c >= 0 && p-c <= window && le.Uint32(buf[c:]) == cur {
			if l := 4 + matchLen(buf, p+4, c+4, limit-4); l > best {
				best, dist = l, p-c
			}
		}
		if best > 0 {
			e.backref(best, dist)
			p += best
			// The places just before the end, for the next match.
			for q := max(p-2, 0); q < p && q+4 <= len(buf); q++ {
				e.table[hash4(le.Uint32(buf[q:]))] = int32(q + 1)
			}
			continue
		}
		e.literal(buf[p])
		p++
	}
	return p
}

func hash4(v uint32) uint32 { return (v * 0x1e35a7bd) >> (32 - hashBits) }

// matchLen is how many bytes from a equal those from b, up to limit.
func matchLen(buf []byte, a, b, limit int) int {
	l := 0
	for ; l+8 <= limit; l += 8 {
		if x := binary.LittleEndian.Uint64(buf[a+l:]) ^ binary.LittleEndian.Uint64(buf[b+l:]); x != 0 {
			return l + bits.TrailingZeros64(x)/8
		}
	}
	for ; l < limit && buf[a+l] == buf[b+l]; l++ {
	}
	return l
}

func (e *sparseEncoder) literal(b byte) {
	e.toks = append(e.toks, uint32(b))
	e.lit[b]++
	if len(e.toks) >= maxTokens {
		e.block()
	}
}

func (e *sparseEncoder) backref(length, dist int) {
	e.toks = append(e.toks, tokMatch|uint32(length-3)<<15|uint32(dist-1))
	e.lit[257+int(lengthSym[length-3])]++
	e.dist[distSym(uint32(dist-1))]++
	if len(e.toks) >= maxTokens {
		e.block()
	}
}

// block writes the tokens so far as one dynamic Huffman block. The bit
// writer's state is kept in locals through the loop, and the buffer grown
// once for the block's longest possible coding.
func (e *sparseEncoder) block() {
	if len(e.toks) == 0 {
		return
	}
	e.lit[256]++ // the end of the block
	runs := int(e.lit[257+28])
	e.bc.header(&e.bw, &e.lit, &e.dist)
	lit, dist := &e.bc.lit, &e.bc.dist
	// At most 48 bits a token, 30 a run, and the end of the block.
	out := slices.Grow(e.bw.out, 6*len(e.toks)+4*runs+16)
	acc, n := e.bw.acc, e.bw.n
	var lens [256]huffCode32 // length code and extra bits, by length-3
	for l := range lens {
		ls := lengthSym[l]
		c := lit[257+int(ls)]
		lens[l] = huffCode32{uint32(c.code) | (uint32(l)-lengthBase[ls])<<c.len, c.len + lengthExtra[ls]}
	}
	run := uint64(lit[257+28].code) | uint64(dist[0].code)<<lit[257+28].len
	runLen := uint(lit[257+28].len + dist[0].len)
	for _, t := range e.toks {
		switch {
		case t < tokRun:
			c := lit[t]
			acc |= uint64(c.code) << n
			n += uint(c.len)
		case t < tokMatch:
			for k := t &^ tokRun; k > 0; k-- {
				acc |= run << n
				n += runLen
				if n >= 32 {
					out = binary.LittleEndian.AppendUint32(out, uint32(acc))
					acc >>= 32
					n -= 32
				}
			}
		default:
			l, d := (t>>15)&0xff, t&0x7fff
			c := lens[l]
			acc |= uint64(c.code) << n
			n += uint(c.len)
			if n >= 32 { // up to 20 bits of length, then up to 28 of distance
				out = binary.LittleEndian.AppendUint32(out, uint32(acc))
				acc >>= 32
				n -= 32
			}
			ds := distSym(d)
			dc := dist[ds]
			acc |= (uint64(dc.code) | uint64(d&(1<<distExtraBits(ds)-1))<<dc.len) << n
			n += uint(dc.len) + distExtraBits(ds)
		}
		if n >= 32 {
			out = binary.LittleEndian.AppendUint32(out, uint32(acc))
			acc >>= 32
			n -= 32
		}
	}
	e.bw.out, e.bw.acc, e.bw.n = out, acc, n
	c := lit[256]
	e.bw.bits(uint32(c.code), uint(c.len))
	e.toks = e.toks[:0]
	clear(e.lit[:])
	clear(e.dist[:])
}

// huffCode32 is a code with extra bits after it.
type huffCode32 struct {
	code uint32
	len  uint8
}

// adler is the Adler-32 of the band's filtered bytes: a gap of n zeros adds
// n*s1 to s2 and nothing to s1.
func (e *sparseEncoder) adler() uint32 {
	const base = 65521
	s1, s2 := uint64(1), uint64(0)
	pos := 0
	for _, sp := range e.spans {
		s2 = (s2 + uint64(sp.start-pos)%base*s1) % base
		for seg := e.buf[sp.start:sp.end]; len(seg) > 0; {
			k := min(len(seg), 5552) // the most bytes before s2 could pass 2^32 in zlib; far from 2^64 here
			for _, b := range seg[:k] {
				s1 += uint64(b)
				s2 += s1
			}
			s1 %= base
			s2 %= base
			seg = seg[k:]
		}
		pos = sp.end
	}
	s2 = (s2 + uint64(len(e.buf)-pos)%base*s1) % base
	return uint32(s2<<16 | s1)
}

// Length symbols (257+sym) by length-3, with their extra bits and the
// first length-3 of each (RFC 1951, 3.2.5).
var lengthSym, lengthExtra, lengthBase = func() (sym [256]uint8, extra [29]uint8, base [29]uint32) {
	for l := range 256 {
		switch {
		case l < 8:
			sym[l] = uint8(l)
		case l == 255:
			sym[l] = 28
		default:
			n := bits.Len32(uint32(l)) // 4..8
			sym[l] = uint8(4*(n-2) + (l>>(n-3))&3)
		}
	}
	for l := 255; l >= 0; l-- {
		base[sym[l]] = uint32(l)
	}
	for s := 8; s < 28; s++ {
		extra[s] = uint8(s/4 - 1)
	}
	return
}()

// distSym is the distance symbol of distance-1.
func distSym(d uint32) uint32 {
	if d < 4 {
		return d
	}
	n := uint32(bits.Len32(d))
	return 2*(n-1) + (d>>(n-2))&1
}

// distExtraBits is the number of extra bits of a distance symbol.
func distExtraBits(s uint32) uint {
	if s < 4 {
		return 0
	}
	return uint(s/2 - 1)
}
