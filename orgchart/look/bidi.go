package look

import "golang.org/x/text/unicode/bidi"

// The Unicode bidirectional algorithm (UAX #9) for one line without
// explicit embeddings: the weak-type rules (W1-W7), neutrals (N1-N2),
// implicit levels (I1-I2), trailing whitespace (L1) and reordering (L2).
// go-text's segmenter (through x/text) leaves out W2 and I1 for numbers,
// which puts the number of "Ahmed محمد 42" after the Arabic name; this
// keeps it where every browser draws it ("Ahmed 42 محمد").

// levels resolves the embedding level of each rune; odd is right to left.
// The paragraph is right to left when its first strong character is.
func levels(runes []rune) (lv []uint8, rtl bool) {
	n := len(runes)
	simple := true // nothing right to left below U+0590: all level 0
	for _, r := range runes {
		if r >= 0x590 {
			simple = false
			break
		}
	}
	if simple {
		return make([]uint8, n), false
	}
	t := make([]bidi.Class, n)
	for i, r := range runes {
		p, _ := bidi.LookupRune(r)
		c := p.Class()
		if c >= bidi.Control { // explicit formatting: not supported, ignored
			c = bidi.BN
		}
		t[i] = c
	}
	for _, c := range t {
		if c == bidi.L {
			break
		}
		if c == bidi.R || c == bidi.AL {
			rtl = true
			break
		}
	}
	base := bidi.L
	if rtl {
		base = bidi.R
	}
	// W1: marks take the type of what they follow.
	prev := base
	for i, c := range t {
		if c == bidi.NSM {
			t[i] = prev
		} else if c != bidi.BN {
			prev = t[i]
		}
	}
	// W2, W3: numbers after Arabic letters are Arabic numbers; AL is R.
	strong := base
	for i, c := range t {
		switch c {
		case bidi.L, bidi.R, bidi.AL:
			strong = c
		case bidi.EN:
			if strong == bidi.AL {
				t[i] = bidi.AN
			}
		}
	}
	for i, c := range t {
		if c == bidi.AL {
			t[i] = bidi.R
		}
	}
	// W4: one separator between two numbers of a kind joins them.
	for i := 1; i+1 < n; i++ {
		switch {
		case t[i] == bidi.ES && t[i-1] == bidi.EN && t[i+1] == bidi.EN:
			t[i] = bidi.EN
		case t[i] == bidi.CS && t[i-1] == bidi.EN && t[i+1] == bidi.EN:
			t[i] = bidi.EN
		case t[i] == bidi.CS && t[i-1] == bidi.AN && t[i+1] == bidi.AN:
			t[i] = bidi.AN
		}
	}
	// W5: terminators next to European numbers become them.
	for i := 0; i < n; i++ {
		if t[i] != bidi.ET {
			continue
		}
		j := i
		for j < n && t[j] == bidi.ET {
			j++
		}
		if (i > 0 && t[i-1] == bidi.EN) || (j < n && t[j] == bidi.EN) {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
		i = j
	}
	// W6: other separators and terminators are neutral.
	for i, c := range t {
		if c == bidi.ES || c == bidi.ET || c == bidi.CS {
			t[i] = bidi.ON
		}
	}
	// W7: European numbers in left-to-right text are left to right.
	strong = base
	for i, c := range t {
		switch c {
		case bidi.L, bidi.R:
			strong = c
		case bidi.EN:
			if strong == bidi.L {
				t[i] = bidi.L
			}
		}
	}
	// N1, N2: neutrals between two of one direction take it (numbers count
	// as right to left), others the paragraph's.
	dirOf := func(c bidi.Class) (bidi.Class, bool) {
		switch c {
		case bidi.L:
			return bidi.L, true
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R, true
		}
		return 0, false
	}
	for i := 0; i < n; i++ {
		if _, ok := dirOf(t[i]); ok {
			continue
		}
		j := i
		for j < n {
			if _, ok := dirOf(t[j]); ok {
				break
			}
			j++
		}
		before, after := base, base
		if i > 0 {
			before, _ = dirOf(t[i-1])
		}
		if j < n {
			after, _ = dirOf(t[j])
		}
		d := base
		if before == after {
			d = before
		}
		for k := i; k < j; k++ {
			t[k] = d
		}
		i = j
	}
	// I1, I2.
	var para uint8
	if rtl {
		para = 1
	}
	lv = make([]uint8, n)
	for i, c := range t {
		switch {
		case para == 0 && c == bidi.R:
			lv[i] = 1
		case para == 0 && (c == bidi.AN || c == bidi.EN):
			lv[i] = 2
		case para == 1 && (c == bidi.L || c == bidi.EN || c == bidi.AN):
			lv[i] = 2
		default:
			lv[i] = para
		}
	}
	// L1: trailing whitespace goes back to the paragraph's level.
	for i := n - 1; i >= 0; i-- {
		p, _ := bidi.LookupRune(runes[i])
		if c := p.Class(); c != bidi.WS && c != bidi.BN && c != bidi.S {
			break
		}
		lv[i] = para
	}
	return lv, rtl
}

// levelRun is a stretch of runes [start, end) of one level.
type levelRun struct {
	start, end int
	level      uint8
}

// visualRuns splits a line into runs of one level, in visual order (L2:
// from the highest level down to the lowest odd one, every maximal
// sequence at that level or above is reversed).
func visualRuns(lv []uint8) []levelRun {
	var runs []levelRun
	for i := 0; i < len(lv); {
		j := i
		for j < len(lv) && lv[j] == lv[i] {
			j++
		}
		runs = append(runs, levelRun{i, j, lv[i]})
		i = j
	}
	hi, lo := uint8(0), uint8(255)
	for _, r := range runs {
		hi = max(hi, r.level)
		if r.level%2 == 1 {
			lo = min(lo, r.level)
		}
	}
	for k := hi; k >= lo && k > 0; k-- {
		for i := 0; i < len(runs); {
			if runs[i].level < k {
				i++
				continue
			}
			j := i
			for j < len(runs) && runs[j].level >= k {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
			}
			i = j
		}
	}
	return runs
}
