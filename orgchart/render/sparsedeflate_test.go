package render

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"hash/adler32"
	"image"
	"io"
	"math/rand"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// TestCodeLengthsAreCompleteAndLimited builds codes for random and very
// skewed frequencies (Fibonacci numbers, whose plain Huffman code is as deep
// as there are symbols) and checks each is within its limit, complete
// (Kraft's sum is exactly one: some decoders refuse anything else), and
// never longer for a more frequent symbol.
func TestCodeLengthsAreCompleteAndLimited(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var hs huffScratch
	check := func(name string, freq []int32, maxBits int) {
		t.Helper()
		lens := make([]uint8, len(freq))
		hs.codeLengths(freq, maxBits, lens)
		kraft := 0
		for s, l := range lens {
			if (freq[s] > 0) != (l > 0) {
				t.Fatalf("%s: symbol %d of frequency %d has length %d", name, s, freq[s], l)
			}
			if int(l) > maxBits {
				t.Fatalf("%s: length %d over %d", name, l, maxBits)
			}
			if l > 0 {
				kraft += 1 << (maxBits - int(l))
			}
			for r := range lens {
				if freq[r] > freq[s] && lens[r] > l && l > 0 {
					t.Fatalf("%s: symbol %d (frequency %d) is longer than %d (frequency %d)", name, r, freq[r], s, freq[s])
				}
			}
		}
		if kraft != 1<<maxBits {
			t.Fatalf("%s: Kraft sum %d/%d: the code is not complete", name, kraft, 1<<maxBits)
		}
	}
	for range 200 {
		n := 2 + rng.Intn(285)
		freq := make([]int32, 286)
		for s := range n {
			if rng.Intn(3) > 0 {
				freq[s] = int32(rng.Intn(1 << uint(rng.Intn(20))))
			}
		}
		freq[0], freq[n-1] = 1, 1
		check("random", freq, 15)
	}
	fib := make([]int32, 40)
	fib[0], fib[1] = 1, 1
	for i := 2; i < len(fib); i++ {
		fib[i] = fib[i-1] + fib[i-2]
	}
	check("Fibonacci, 15 bits", fib, 15)
	check("Fibonacci, 7 bits", fib[:19], 7)
}

func TestSubBytesIsBytewise(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for range 10000 {
		x, y := rng.Uint64(), rng.Uint64()
		if rng.Intn(4) == 0 {
			y = x ^ uint64(rng.Intn(256))<<(8*rng.Intn(8))
		}
		got := subBytes(x, y)
		for k := range 8 {
			if want := byte(x>>(8*k)) - byte(y>>(8*k)); byte(got>>(8*k)) != want {
				t.Fatalf("%016x - %016x: byte %d is %02x, want %02x", x, y, k, byte(got>>(8*k)), want)
			}
		}
	}
}

// TestSparseBandsInflate encodes bands of several kinds (flat, noise, so
// many tokens that a band takes several blocks, repeats along a row, the
// widest row a PNG may have) and checks zlib inflates them to exactly the
// Up-filtered rows, with the right checksum.
func TestSparseBandsInflate(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for _, c := range []struct {
		name        string
		width, rows int
		pixel       func(x, y int) byte
	}{
		{"flat", 300, 20, func(x, y int) byte { return 7 }},
		{"noise", 1000, 200, func(x, y int) byte { return byte(rng.Intn(256)) }},
		{"sparse noise", 2000, 50, func(x, y int) byte {
			if rng.Intn(50) == 0 {
				return byte(rng.Intn(256))
			}
			return 0
		}},
		{"repeats", 4000, 30, func(x, y int) byte { return byte((x%97)*(y%5) + x/500) }},
		{"widest", MaxSide, 6, func(x, y int) byte { return byte(x/1000 + y*(x%3)) }},
		{"odd width", 13, 40, func(x, y int) byte { return byte(x * y) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			pix := make([]byte, c.width*c.rows)
			for y := range c.rows {
				for x := range c.width {
					pix[y*c.width+x] = c.pixel(x, y)
				}
			}
			e := newSparseEncoder(c.width)
			var stream, want []byte
			sum := uint32(1)
			var above []byte
			const bandRows = 7
			for y := 0; y < c.rows; y += bandRows {
				band := &canvas{pix: pix[y*c.width:], stride: c.width, rect: image.Rect(0, y, c.width, min(y+bandRows, c.rows))}
				o := e.encode(bandJob{band: band, above: above}, nil)
				stream = append(stream, o.data...)
				sum = adler32Combine(sum, o.adler, o.n)
				for r := range band.rect.Dy() {
					row := pix[(y+r)*c.width:][:c.width]
					if above == nil {
						want = append(append(want, 0), row...)
					} else {
						want = append(want, 2)
						for x := range row {
							want = append(want, row[x]-above[x])
						}
					}
					above = row
				}
			}
			if sum != adler32.Checksum(want) {
				t.Fatalf("checksum %08x, want %08x", sum, adler32.Checksum(want))
			}
			z := append([]byte{0x78, 0x01}, stream...)
			z = append(z, 0x03, 0x00)
			z = binary.BigEndian.AppendUint32(z, sum)
			zr, err := zlib.NewReader(bytes.NewReader(z))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatalf("inflating: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("inflated %d bytes, want %d (first difference at %d)", len(got), len(want), firstDiff(got, want))
			}
		})
	}
}

// TestBlockWritesTheLongestCodes writes a block whose frequencies give the
// match's length and distance codes 15 bits each, with 5 and 13 extra bits
// (48 bits for one token), and checks it inflates.
func TestBlockWritesTheLongestCodes(t *testing.T) {
	e := newSparseEncoder(100)
	var want []byte
	for i := range 20001 {
		b := byte(i % 251)
		e.toks = append(e.toks, uint32(b))
		want = append(want, b)
	}
	e.toks = append(e.toks, tokMatch|uint32(250-3)<<15|uint32(20001-1))
	want = append(want, want[len(want)-20001:][:250]...)
	// Fibonacci frequencies, deeper than 15 bits unlimited; the match's
	// symbols rarest of all.
	f0, f1 := int32(1), int32(2)
	for s := 0; s < 286; s++ {
		e.lit[s] = f1
		if s < 30 {
			e.dist[s] = f1
		}
		f0, f1 = f1, min(f0+f1, 1<<24)
	}
	e.lit[257+int(lengthSym[250-3])], e.dist[distSym(20001-1)] = 1, 1
	e.block()
	e.bw.syncFlush()
	if l, d := e.bc.litLens[257+int(lengthSym[250-3])], e.bc.distLens[distSym(20001-1)]; l != 15 || d != 15 {
		t.Fatalf("the match's codes are %d and %d bits long, want 15", l, d)
	}
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(append(e.bw.out, 3, 0))))
	if err != nil {
		t.Fatalf("inflating: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("inflated %d bytes, want %d (first difference at %d)", len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestSparsePNGIsAsSmallAsFlate exports a chart at scale 2 with the chart's
// encoder and with compress/flate at BestSpeed (what it replaced): the file
// must not be more than 5% larger.
func TestSparsePNGIsAsSmallAsFlate(t *testing.T) {
	p := smallPlan()
	l := layout.Compute(p, layout.Options{})
	sc, err := BuildScene(p, nil, l, Options{Badges: smallBadges, Shaper: look.NewShaperWith(look.Options{NoSystemFonts: true})})
	if err != nil {
		t.Fatal(err)
	}
	var ours, flate countingWriter
	if _, _, err := WriteScene(&ours, sc, 2, 0); err != nil {
		t.Fatal(err)
	}
	if _, _, err := WriteScene(&flate, sc, 2, 1); err != nil {
		t.Fatal(err)
	}
	t.Logf("ours %d bytes, flate.BestSpeed %d", ours.n, flate.n)
	if float64(ours.n) > 1.05*float64(flate.n) {
		t.Fatalf("the chart's encoder wrote %d bytes, flate.BestSpeed %d", ours.n, flate.n)
	}
}
