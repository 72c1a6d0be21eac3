package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPDFTilesLinkAcrossPages tiles the golden chart over A4 pages and
// checks its dotted line's links: every annotation lies in its page's chart
// area and points at a page of the document, at a place in that page's
// chart area, and the page it points at is the one that shows the card at
// the other end (pdftotext finds the card's holder there).
func TestPDFTilesLinkAcrossPages(t *testing.T) {
	_, export := goldenVector(t)
	data, res := export("pdf", Options{Page: "A4", Scale: 3})
	if res.Pages < 4 {
		t.Fatalf("%d pages: the test wants the chart over several", res.Pages)
	}
	objs := pdfObjects(t, data)
	ref := regexp.MustCompile(`(\d+) 0 R`)
	var kids []int
	for _, m := range ref.FindAllSubmatch(objs[2], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		kids = append(kids, n)
	}
	pageIndex := map[int]int{}
	for i, n := range kids {
		pageIndex[n] = i
	}
	w, h := res.Width, res.Height
	x0, y0, x1, y1 := float32(tileMargin), float32(tileMargin+tileLabel), w-tileMargin, h-tileMargin
	num := func(s []byte) float32 {
		f, err := strconv.ParseFloat(string(s), 32)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return float32(f)
	}
	annotRe := regexp.MustCompile(`/Annots \[([^\]]*)\]`)
	linkRe := regexp.MustCompile(`/Rect \[(\S+) (\S+) (\S+) (\S+)\] /Border \[0 0 0\] /Dest \[(\d+) 0 R /XYZ (\S+) (\S+) 0\]`)
	type link struct{ from, to int }
	var links []link
	for i, n := range kids {
		m := annotRe.FindSubmatch(objs[n])
		if m == nil {
			continue
		}
		for _, r := range ref.FindAllSubmatch(m[1], -1) {
			k, _ := strconv.Atoi(string(r[1]))
			a := linkRe.FindSubmatch(objs[k])
			if a == nil {
				t.Fatalf("page %d: annotation %d is not a link to a page: %s", i+1, k, objs[k])
			}
			ax, ay, bx, by := num(a[1]), num(a[2]), num(a[3]), num(a[4])
			if ax < x0-0.01 || ay < y0-0.01 || bx > x1+0.01 || by > y1+0.01 || ax >= bx || ay >= by {
				t.Errorf("page %d: link [%g %g %g %g] outside the chart area [%g %g %g %g]", i+1, ax, ay, bx, by, x0, y0, x1, y1)
			}
			dest, _ := strconv.Atoi(string(a[5]))
			j, ok := pageIndex[dest]
			if !ok {
				t.Fatalf("page %d: a link to object %d, not a page", i+1, dest)
			}
			if l, tp := num(a[6]), num(a[7]); l < x0-0.01 || l > x1 || tp > y1+0.01 || tp < y0 {
				t.Errorf("page %d: a link shows (%g, %g) on page %d, outside its chart area", i+1, l, tp, j+1)
			}
			links = append(links, link{i, j})
		}
	}
	if len(links) < 2 {
		t.Fatalf("%d links on %d tiles, want both ends of the dotted line", len(links), res.Pages)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "tiles.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	pageText := func(j int) string {
		out, err := exec.Command(pdftotext, "-f", fmt.Sprint(j+1), "-l", fmt.Sprint(j+1), path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return string(out)
	}
	// The dotted line runs from Alan Turing's card to Grace Hopper's: the
	// links go to the pages that show them, each at least once.
	found := map[string]bool{}
	for _, l := range links {
		text := pageText(l.to)
		hit := false
		for _, name := range []string{"Grace Hopper", "Alan Turing"} {
			if strings.Contains(text, name) {
				found[name], hit = true, true
			}
		}
		if !hit {
			t.Errorf("a link on page %d goes to page %d, which shows neither end's card:\n%s", l.from+1, l.to+1, text)
		}
	}
	if len(found) != 2 {
		t.Errorf("the links reach only %v", found)
	}
	if bytes.Count(data, []byte("/Subtype /Link")) != len(links) {
		t.Errorf("%d link objects, %d reachable from pages", bytes.Count(data, []byte("/Subtype /Link")), len(links))
	}
}
