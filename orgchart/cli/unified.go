package cli

import (
	"bytes"
	"fmt"
	"io"
)

// maxDiffEdits bounds the Myers search (its memory grows with the square of
// the number of edits); beyond it the changed middle is shown as one hunk.
const maxDiffEdits = 4000

// writeUnified writes a unified diff (3 lines of context, as diff -u and
// gofmt -d) turning a into b, under the names from and to. It writes nothing
// when a and b are equal.
func writeUnified(w io.Writer, from, to string, a, b []byte) error {
	x, y := splitLines(a), splitLines(b)
	ops := lineEdits(x, y)
	if len(ops) == 0 {
		return nil
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", from, to)
	const ctx = 3
	for i := 0; i < len(ops); {
		// A hunk: edits closer than 2*ctx lines of equal text join.
		j := i
		for j+1 < len(ops) && ops[j+1].x-ops[j].xEnd() <= 2*ctx {
			j++
		}
		x0 := max(ops[i].x-ctx, 0)
		y0 := ops[i].y - (ops[i].x - x0)
		x1 := min(ops[j].xEnd()+ctx, len(x))
		y1 := ops[j].yEnd() + (x1 - ops[j].xEnd())
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(x0, x1-x0), hunkRange(y0, y1-y0))
		xi := x0
		for k := i; k <= j; k++ {
			op := ops[k]
			for ; xi < op.x; xi++ {
				writeLine(&out, ' ', x[xi])
			}
			for _, l := range x[op.x:op.xEnd()] {
				writeLine(&out, '-', l)
			}
			for _, l := range y[op.y:op.yEnd()] {
				writeLine(&out, '+', l)
			}
			xi = op.xEnd()
		}
		for ; xi < x1; xi++ {
			writeLine(&out, ' ', x[xi])
		}
		i = j + 1
	}
	_, err := w.Write(out.Bytes())
	return err
}

func writeLine(out *bytes.Buffer, mark byte, line []byte) {
	out.WriteByte(mark)
	out.Write(line)
	if len(line) == 0 || line[len(line)-1] != '\n' {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func splitLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, b)
			break
		}
		lines = append(lines, b[:i+1])
		b = b[i+1:]
	}
	return lines
}

// edit replaces x[x:x+dx] by y[y:y+dy].
type edit struct{ x, dx, y, dy int }

func (e edit) xEnd() int { return e.x + e.dx }
func (e edit) yEnd() int { return e.y + e.dy }

// lineEdits returns the edits turning x into y, in order: Myers' shortest
// edit script on the lines between the common prefix and suffix.
func lineEdits(x, y [][]byte) []edit {
	pre := 0
	for pre < len(x) && pre < len(y) && bytes.Equal(x[pre], y[pre]) {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && bytes.Equal(x[len(x)-1-suf], y[len(y)-1-suf]) {
		suf++
	}
	mx, my := x[pre:len(x)-suf], y[pre:len(y)-suf]
	if len(mx) == 0 && len(my) == 0 {
		return nil
	}
	path, ok := myers(mx, my)
	if !ok {
		return []edit{{pre, len(mx), pre, len(my)}}
	}
	var ops []edit
	for _, e := range path {
		e.x += pre
		e.y += pre
		if n := len(ops); n > 0 && ops[n-1].xEnd() == e.x && ops[n-1].yEnd() == e.y {
			ops[n-1].dx += e.dx
			ops[n-1].dy += e.dy
			continue
		}
		ops = append(ops, e)
	}
	return ops
}

// myers finds a shortest edit script, as single-line deletions and
// insertions in order; ok is false when it needs more than maxDiffEdits.
func myers(x, y [][]byte) ([]edit, bool) {
	n, m := len(x), len(y)
	limit := min(n+m, maxDiffEdits)
	off := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	for d := 0; d <= limit; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var px int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				px = v[off+k+1]
			} else {
				px = v[off+k-1] + 1
			}
			py := px - k
			for px < n && py < m && bytes.Equal(x[px], y[py]) {
				px++
				py++
			}
			v[off+k] = px
			if px >= n && py >= m {
				return backtrack(trace, off, n, m, d), true
			}
		}
	}
	return nil, false
}

func backtrack(trace [][]int, off, px, py, d int) []edit {
	var rev []edit
	for ; d > 0; d-- {
		v := trace[d]
		k := px - py
		var prevK int
		if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[off+prevK]
		prevY := prevX - prevK
		for px > prevX && py > prevY {
			px--
			py--
		}
		if prevK == k+1 {
			rev = append(rev, edit{px, 0, prevY, 1}) // insertion of y[prevY]
		} else {
			rev = append(rev, edit{prevX, 1, py, 0}) // deletion of x[prevX]
		}
		px, py = prevX, prevY
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}
