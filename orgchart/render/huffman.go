package render

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// Deflate's dynamic Huffman blocks (RFC 1951, 3.2.7), written by the chart's
// own band encoder (sparsedeflate.go): code lengths by package-merge (the
// optimal codes within deflate's 15-bit limit, always complete), canonical
// codes, and the block header that sends the lengths.

// bitWriter appends deflate's bit stream (least significant bit first) to out.
type bitWriter struct {
	out []byte
	acc uint64
	n   uint // bits waiting in acc, under 32 between calls
}

// bits writes the n low bits of v; n is at most 32.
func (w *bitWriter) bits(v uint32, n uint) {
	w.acc |= uint64(v) << w.n
	w.n += n
	if w.n >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.n -= 32
	}
}

// align pads with zero bits to a whole byte and writes out what waits.
func (w *bitWriter) align() {
	for w.n > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.n = uint(max(0, int(w.n)-8))
	}
	w.acc = 0
}

// syncFlush ends a run of blocks on a byte boundary with an empty stored
// block, as zlib's Z_SYNC_FLUSH: the next band's blocks follow in the same
// stream.
func (w *bitWriter) syncFlush() {
	w.bits(0, 3) // not final, stored
	w.align()
	w.out = append(w.out, 0, 0, 0xff, 0xff)
}

// huffCode is a symbol's code, bit-reversed for the LSB-first stream, and
// its length.
type huffCode struct {
	code uint16
	len  uint8
}

// huffScratch holds the trees' and package-merge's lists, reused from
// block to block.
type huffScratch struct {
	syms    []int
	weights []int64
	next    []int64
	flags   [][]bool
	parent  []int32
}

// plainLengths sets the lengths of Huffman's code for the symbols syms,
// sorted by frequency, and returns the longest: two queues, the leaves in
// order and the joined nodes as they are made (in order too).
func (hs *huffScratch) plainLengths(freq []int32, syms []int, lens []uint8) int {
	n := len(syms)
	w := hs.weights[:0]
	for _, s := range syms {
		w = append(w, int64(freq[s]))
	}
	w = slices.Grow(w, n-1)[:2*n-1]
	parent := slices.Grow(hs.parent[:0], 2*n-1)[:2*n-1]
	leaf, joined := 0, n
	pick := func(made int) int {
		if leaf < n && (joined >= made || w[leaf] <= w[joined]) {
			leaf++
			return leaf - 1
		}
		joined++
		return joined - 1
	}
	for k := n; k < 2*n-1; k++ {
		a, b := pick(k), pick(k)
		w[k] = w[a] + w[b]
		parent[a], parent[b] = int32(k), int32(k)
	}
	// Depths from the root down, reusing w.
	w[2*n-2] = 0
	deepest := 0
	for k := 2*n - 3; k >= 0; k-- {
		w[k] = w[parent[k]] + 1
		if k < n {
			lens[syms[k]] = uint8(min(w[k], 255))
			deepest = max(deepest, int(w[k]))
		}
	}
	hs.weights, hs.parent = w, parent
	return deepest
}

// codeLengths sets lens[s] to the length of symbol s's code for the
// frequencies freq, at most maxBits long: package-merge, optimal and
// complete. Symbols of frequency 0 get no code; at least two symbols must
// have a frequency (the callers make sure), or the code is a lone 1-bit one.
func (hs *huffScratch) codeLengths(freq []int32, maxBits int, lens []uint8) {
	clear(lens)
	hs.syms = hs.syms[:0]
	for s, f := range freq {
		if f > 0 {
			hs.syms = append(hs.syms, s)
		}
	}
	syms := hs.syms
	n := len(syms)
	if n == 0 {
		return
	}
	if n == 1 {
		lens[syms[0]] = 1
		return
	}
	slices.SortFunc(syms, func(a, b int) int {
		if freq[a] != freq[b] {
			return int(freq[a] - freq[b])
		}
		return a - b
	})
	if hs.plainLengths(freq, syms, lens) <= maxBits {
		return // Huffman's code is within the limit: it is optimal
	}
	clear(lens)
	// Level 0 holds the leaves; each further level merges the leaves
	// with the pairs (packages) of the level before. flags[j][k] says
	// whether item k of level j is a leaf.
	for len(hs.flags) < maxBits {
		hs.flags = append(hs.flags, nil)
	}
	hs.weights = hs.weights[:0]
	for _, s := range syms {
		hs.weights = append(hs.weights, int64(freq[s]))
	}
	hs.flags[0] = hs.flags[0][:0]
	for range n {
		hs.flags[0] = append(hs.flags[0], true)
	}
	prev := hs.weights
	for j := 1; j < maxBits; j++ {
		packages := len(prev) / 2
		cur := hs.next[:0]
		fl := hs.flags[j][:0]
		li, pi := 0, 0
		for li < n || pi < packages {
			if pi < packages {
				if pw := prev[2*pi] + prev[2*pi+1]; li >= n || pw < int64(freq[syms[li]]) {
					cur = append(cur, pw)
					fl = append(fl, false)
					pi++
					continue
				}
			}
			cur = append(cur, int64(freq[syms[li]]))
			fl = append(fl, true)
			li++
		}
		hs.flags[j] = fl
		// The lists swap buffers: prev is read only up to here.
		hs.next, hs.weights = prev[:0], cur
		prev = cur
	}
	// The 2n-2 smallest items of the last level are the code; walking
	// back, a level's chosen packages choose twice as many items of the
	// level below, and each chosen leaf adds one bit to its symbol.
	chosen := 2*n - 2
	for j := maxBits - 1; j >= 0 && chosen > 0; j-- {
		leaves := 0
		for _, leaf := range hs.flags[j][:chosen] {
			if leaf {
				leaves++
			}
		}
		for _, s := range syms[:leaves] {
			lens[s]++
		}
		chosen = 2 * (chosen - leaves)
	}
}

// canonicalCodes gives each symbol with a length its canonical code
// (RFC 1951, 3.2.2), bit-reversed.
func canonicalCodes(lens []uint8, codes []huffCode) {
	var count [16]uint16
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	var next [16]uint16
	code := uint16(0)
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	for s, l := range lens {
		codes[s] = huffCode{}
		if l > 0 {
			codes[s] = huffCode{code: bits.Reverse16(next[l]) >> (16 - l), len: l}
			next[l]++
		}
	}
}

// The order in which a dynamic block sends the code-length code's lengths.
var codeLengthOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// blockCoder writes dynamic Huffman blocks from token frequencies.
type blockCoder struct {
	hs       huffScratch
	litLens  [286]uint8
	distLens [30]uint8
	lit      [286]huffCode
	dist     [30]huffCode
	clSyms   []uint16 // the run-length coded lengths: symbol | extra<<8
}

// header builds the codes for the frequencies and writes the block header
// (not final, dynamic) with the code lengths.
func (bc *blockCoder) header(w *bitWriter, litFreq *[286]int32, distFreq *[30]int32) {
	// Two codes at least in each alphabet, so that both are complete
	// (some decoders refuse a lone code): an unused symbol costs a bit in
	// the header, nothing in the data.
	ensureTwo(litFreq[:])
	ensureTwo(distFreq[:])
	bc.hs.codeLengths(litFreq[:], 15, bc.litLens[:])
	bc.hs.codeLengths(distFreq[:], 15, bc.distLens[:])
	canonicalCodes(bc.litLens[:], bc.lit[:])
	canonicalCodes(bc.distLens[:], bc.dist[:])
	nlit, ndist := 286, 30
	for nlit > 257 && bc.litLens[nlit-1] == 0 {
		nlit--
	}
	for ndist > 1 && bc.distLens[ndist-1] == 0 {
		ndist--
	}
	// Both lists of lengths, run-length coded as one sequence.
	all := make([]uint8, 0, nlit+ndist)
	all = append(append(all, bc.litLens[:nlit]...), bc.distLens[:ndist]...)
	bc.clSyms = bc.clSyms[:0]
	var clFreq [19]int32
	for i := 0; i < len(all); {
		v := all[i]
		run := 1
		for i+run < len(all) && all[i+run] == v {
			run++
		}
		i += run
		if v == 0 {
			for run >= 11 {
				k := min(run, 138)
				bc.clSyms = append(bc.clSyms, 18|uint16(k-11)<<8)
				clFreq[18]++
				run -= k
			}
			if run >= 3 {
				bc.clSyms = append(bc.clSyms, 17|uint16(run-3)<<8)
				clFreq[17]++
				run = 0
			}
		} else {
			bc.clSyms = append(bc.clSyms, uint16(v))
			clFreq[v]++
			run--
			for run >= 3 {
				k := min(run, 6)
				bc.clSyms = append(bc.clSyms, 16|uint16(k-3)<<8)
				clFreq[16]++
				run -= k
			}
		}
		for ; run > 0; run-- {
			bc.clSyms = append(bc.clSyms, uint16(v))
			clFreq[v]++
		}
	}
	ensureTwo(clFreq[:])
	var clLens [19]uint8
	var clCodes [19]huffCode
	bc.hs.codeLengths(clFreq[:], 7, clLens[:])
	canonicalCodes(clLens[:], clCodes[:])
	ncl := 19
	for ncl > 4 && clLens[codeLengthOrder[ncl-1]] == 0 {
		ncl--
	}
	w.bits(2<<1, 3) // not final, dynamic Huffman codes
	w.bits(uint32(nlit-257), 5)
	w.bits(uint32(ndist-1), 5)
	w.bits(uint32(ncl-4), 4)
	for _, s := range codeLengthOrder[:ncl] {
		w.bits(uint32(clLens[s]), 3)
	}
	for _, cs := range bc.clSyms {
		s, extra := cs&0xff, uint32(cs>>8)
		c := clCodes[s]
		w.bits(uint32(c.code), uint(c.len))
		switch s {
		case 16:
			w.bits(extra, 2)
		case 17:
			w.bits(extra, 3)
		case 18:
			w.bits(extra, 7)
		}
	}
}

// ensureTwo gives the first symbols a frequency until two have one.
func ensureTwo(freq []int32) {
	used := 0
	for _, f := range freq {
		if f > 0 {
			used++
		}
	}
	for s := 0; used < 2 && s < len(freq); s++ {
		if freq[s] == 0 {
			freq[s] = 1
			used++
		}
	}
}
