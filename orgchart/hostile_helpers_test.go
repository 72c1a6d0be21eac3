package orgchart_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/catalog"
)

// hostileDir is the malformed-input corpus of issue 7.
const hostileDir = "../testdata/hostile"

// expectation is one row of testdata/hostile/EXPECT.
type expectation struct {
	file    string // relative to hostileDir
	outcome string // error, ok, any, note
	lines   []int  // acceptable lines; nil with anyLine or wholeFile
	anyLine bool   // "*": some problem has a line
	word    string // "" = no check
	names   string // the file problems must name, relative to hostileDir
}

func readExpectations(t *testing.T) []expectation {
	t.Helper()
	f, err := os.Open(filepath.Join(hostileDir, "EXPECT"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Fields(line)
		if len(cols) < 4 || len(cols) > 5 {
			t.Fatalf("EXPECT:%d: want FILE OUTCOME LINES WORD [NAMES], got %q", n, line)
		}
		e := expectation{file: cols[0], outcome: cols[1], names: cols[0]}
		switch cols[2] {
		case "-", "0":
		case "*":
			e.anyLine = true
		default:
			for _, s := range strings.Split(cols[2], "|") {
				v, err := strconv.Atoi(s)
				if err != nil {
					t.Fatalf("EXPECT:%d: bad line %q", n, s)
				}
				e.lines = append(e.lines, v)
			}
		}
		if cols[3] != "-" {
			e.word = cols[3]
		}
		if len(cols) == 5 {
			e.names = cols[4]
		}
		switch e.outcome {
		case "error", "ok", "any", "note":
		default:
			t.Fatalf("EXPECT:%d: unknown outcome %q", n, e.outcome)
		}
		out = append(out, e)
	}
	return out
}

// located is what the checks need from a problem or an import note.
type located struct {
	file, text string
	line       int
}

// checkLocated asserts the located messages satisfy e's line and word.
func checkLocated(t *testing.T, e expectation, got []located) {
	t.Helper()
	if len(got) == 0 {
		t.Errorf("%s: no problem reported", e.file)
		return
	}
	lineOK := !e.anyLine && e.lines == nil
	wordOK := e.word == ""
	for _, g := range got {
		if e.anyLine && g.line > 0 {
			lineOK = true
		}
		for _, l := range e.lines {
			if g.line == l {
				lineOK = true
			}
		}
		if e.word != "" && strings.Contains(strings.ToLower(g.text), strings.ToLower(e.word)) {
			wordOK = true
		}
	}
	if !lineOK {
		t.Errorf("%s: no problem on line %v (anyLine %v); got:\n%s", e.file, e.lines, e.anyLine, listLocated(got))
	}
	if !wordOK {
		t.Errorf("%s: no message mentions %q; got:\n%s", e.file, e.word, listLocated(got))
	}
}

func listLocated(ls []located) string {
	var b strings.Builder
	for i, l := range ls {
		if i == 20 {
			fmt.Fprintf(&b, "\t... and %d more\n", len(ls)-i)
			break
		}
		fmt.Fprintf(&b, "\t%s:%d: %s\n", l.file, l.line, l.text)
	}
	return b.String()
}

// problemsOf turns an error into located problems; an error that is not
// catalog.Problems fails the test (every reader must return Problems).
func problemsOf(t *testing.T, name string, err error) []located {
	t.Helper()
	var ps catalog.Problems
	if !errors.As(err, &ps) {
		t.Errorf("%s: error is %T, not catalog.Problems: %v", name, err, err)
		return []located{{text: err.Error()}}
	}
	out := make([]located, len(ps))
	for i, p := range ps {
		out[i] = located{file: p.File, line: p.Line, text: p.Message}
	}
	return out
}

// bounded runs load in its own goroutine and fails the test when it panics,
// runs past the deadline (a hang, reported rather than waited for) or
// allocates more than maxAlloc bytes in all. TotalAlloc counts every byte
// allocated, so it bounds peak memory from above; subtests using bounded
// must not run in parallel with other allocating tests.
func bounded(t *testing.T, name string, maxAlloc uint64, deadline time.Duration, load func()) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		load()
	}()
	select {
	case p := <-done:
		if p != nil {
			buf := make([]byte, 1<<16)
			t.Fatalf("%s: PANIC: %v\n%s", name, p, buf[:runtime.Stack(buf, false)])
		}
	case <-time.After(deadline):
		t.Fatalf("%s: still running after %v: the reader hangs or is far too slow on this input", name, deadline)
	}
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > maxAlloc {
		t.Errorf("%s: allocated %.1f MB; the bound is %.1f MB", name, mb(alloc), mb(maxAlloc))
	}
	t.Logf("%s: %v, allocated %.1f MB (bound %.0f MB)", name, time.Since(start).Round(time.Millisecond), mb(alloc), mb(maxAlloc))
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// hostileDeadline is generous on purpose: the machine is shared and slow at
// times; speed itself is measured by benchmarks, this only catches hangs.
const hostileDeadline = 30 * time.Second
