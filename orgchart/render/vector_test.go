package render

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/orgplanner/orgplanner/assets"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// goldenVector is the small golden plan laid out as in TestGoldenImages.
func goldenVector(t *testing.T) (*layout.Layout, func(format string, opt Options) ([]byte, Result)) {
	t.Helper()
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := smallPlan()
	l := layout.Compute(p, layout.Options{Collapsed: map[string]bool{"data": true}})
	return l, func(format string, opt Options) ([]byte, Result) {
		t.Helper()
		opt.Date, opt.Badges = "1 January 2026", smallBadges
		var buf bytes.Buffer
		res, err := Export(&buf, format, p, cat, l, opt)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		return buf.Bytes(), res
	}
}

// wantTexts is text every format of the golden chart must hold as text.
var wantTexts = []string{"Golden sample", "Chief Technology Officer", "Ada Lovelace", "Grace Hopper", "Vacant", "Edsger Dijkstra", "+2 below", "Team of 4", "12"}

func TestSVGStructure(t *testing.T) {
	l, export := goldenVector(t)
	data, res := export("svg", Options{Scale: 2})
	var doc struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
		Style  string `xml:"style"`
		Texts  []struct {
			Text string `xml:",chardata"`
		} `xml:"text"`
		Rects []struct{} `xml:"rect"`
		Gs    []struct {
			Dash  string     `xml:"stroke-dasharray,attr"`
			Paths []struct{} `xml:"path"`
			Links []struct {
				Href  string     `xml:"href,attr"`
				Paths []struct{} `xml:"path"`
			} `xml:"a"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	if w, _ := strconv.ParseFloat(doc.Width, 32); w != float64(res.Width) || w < 2*float64(l.Width) {
		t.Errorf("width %q, result %v, layout %v", doc.Width, res.Width, l.Width)
	}
	var all strings.Builder
	for _, x := range doc.Texts {
		all.WriteString(x.Text + "\n")
	}
	for _, s := range wantTexts {
		if !strings.Contains(all.String(), s) {
			t.Errorf("no text %q in the SVG", s)
		}
	}
	// Every card is a rect; dotted lines are dashed paths, solid ones not.
	if len(doc.Rects) < len(l.Cards) {
		t.Errorf("%d rects for %d cards", len(doc.Rects), len(l.Cards))
	}
	dotted, solid := 0, 0
	for _, e := range l.Edges {
		if e.Dotted {
			dotted++
		} else {
			solid++
		}
	}
	gotDotted, gotSolid := 0, 0
	for _, g := range doc.Gs {
		if g.Dash != "" {
			gotDotted += len(g.Paths)
			for _, a := range g.Links {
				gotDotted += len(a.Paths)
				// A dotted line links to its manager's card.
				if id := strings.TrimPrefix(a.Href, "#"); !bytes.Contains(data, []byte(`id="`+id+`"`)) {
					t.Errorf("a dotted line links to %q, which no card has", a.Href)
				}
			}
		} else {
			gotSolid += len(g.Paths)
		}
	}
	if dotted == 0 || gotDotted != dotted || gotSolid != solid {
		t.Errorf("connectors: %d dashed and %d solid paths, want %d and %d", gotDotted, gotSolid, dotted, solid)
	}
	// The fonts are embedded as subsets that parse as fonts.
	faces := regexp.MustCompile(`base64,([A-Za-z0-9+/=]+)\)`).FindAllStringSubmatch(doc.Style, -1)
	if len(faces) != 3 {
		t.Fatalf("%d embedded fonts, want 3 (regular, bold, italic)", len(faces))
	}
	for _, f := range faces {
		raw, err := base64.StdEncoding.DecodeString(f[1])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sfnt.Parse(raw); err != nil {
			t.Errorf("an embedded font does not parse: %v", err)
		}
		if len(raw) > 120_000 {
			t.Errorf("an embedded font is %d bytes: not a subset", len(raw))
		}
	}
	// A rasteriser reads it at its size.
	if rsvg, err := exec.LookPath("rsvg-convert"); err == nil {
		cmd := exec.Command(rsvg, "-f", "png")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("rsvg-convert: %v", err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(out))
		if err != nil || float32(cfg.Width) != res.Width {
			t.Fatalf("rsvg-convert gave %v (%v), want width %v", cfg, err, res.Width)
		}
	}
}

func TestSVGEscapesHostileText(t *testing.T) {
	cat, _ := catalog.Default()
	p := smallPlan()
	p.Name = "R&D <script>alert(1)</script> \x01\x1b[2J"
	p.Positions[0].Holder = "\"quoted\" & <b>"
	l := layout.Compute(p, layout.Options{})
	var buf bytes.Buffer
	if _, err := SVG(&buf, p, cat, l, Options{}); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(&buf)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("invalid XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "script" {
			t.Fatal("a plan's text became an element")
		}
	}
}

// pdfObjects checks the cross-reference table of a PDF and returns its
// objects' bodies by number.
func pdfObjects(t *testing.T, data []byte) map[int][]byte {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) || !bytes.HasSuffix(data, []byte("%%EOF\n")) {
		t.Fatal("no PDF header or end")
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no startxref")
	}
	at, _ := strconv.Atoi(string(m[1]))
	xref := data[at:]
	if !bytes.HasPrefix(xref, []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table", at)
	}
	lines := strings.Split(string(xref), "\n")
	n, _ := strconv.Atoi(strings.Fields(lines[1])[1])
	objs := map[int][]byte{}
	for i := 1; i < n; i++ {
		f := strings.Fields(lines[2+i])
		if f[2] == "f" {
			continue
		}
		off, _ := strconv.Atoi(f[0])
		head := fmt.Sprintf("%d 0 obj\n", i)
		if !bytes.HasPrefix(data[off:], []byte(head)) {
			t.Fatalf("xref entry %d points at %q", i, data[off:min(off+20, len(data))])
		}
		body := data[off+len(head):]
		objs[i] = body[:bytes.Index(body, []byte("\nendobj\n"))]
	}
	return objs
}

// pdfStream inflates an object's stream.
func pdfStream(t *testing.T, obj []byte) []byte {
	t.Helper()
	i := bytes.Index(obj, []byte("stream\n"))
	j := bytes.LastIndex(obj, []byte("\nendstream"))
	if i < 0 || j < i {
		t.Fatal("no stream")
	}
	zr, err := zlib.NewReader(bytes.NewReader(obj[i+7 : j]))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPDFStructure(t *testing.T) {
	_, export := goldenVector(t)
	data, res := export("pdf", Options{})
	objs := pdfObjects(t, data)
	if res.Pages != 1 || !bytes.Contains(objs[2], []byte("/Count 1")) {
		t.Fatalf("pages: %d, %s", res.Pages, objs[2])
	}
	fonts, files := 0, 0
	for _, o := range objs {
		if bytes.Contains(o, []byte("/Subtype /CIDFontType2")) {
			fonts++
			if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+NotoSans-`).Match(o) {
				t.Errorf("font name is not a subset name: %s", o[:min(len(o), 120)])
			}
		}
		if bytes.Contains(o, []byte("/Length1 ")) {
			files++
			font := pdfStream(t, o)
			if _, err := sfnt.Parse(font); err != nil {
				t.Errorf("an embedded font does not parse: %v", err)
			}
			if len(font) > 120_000 {
				t.Errorf("an embedded font is %d bytes: not a subset", len(font))
			}
		}
	}
	if fonts != 3 || files != 3 {
		t.Errorf("%d fonts, %d font files, want 3 and 3", fonts, files)
	}
	// Each end of the dotted line links to the card at the other end.
	links := 0
	for _, o := range objs {
		if bytes.Contains(o, []byte("/Subtype /Link")) && bytes.Contains(o, []byte("/XYZ ")) {
			links++
		}
	}
	if links != 2 {
		t.Errorf("%d link annotations, want 2 (both ends of the one dotted line)", links)
	}
	// The chart form draws text with the fonts and dashes the dotted line.
	form := pdfStream(t, objs[4])
	for _, op := range []string{"] TJ\n", "[6 4] 0 d", " re f", " c\nh\n"} {
		if !bytes.Contains(form, []byte(op)) {
			t.Errorf("the chart's content has no %q", op)
		}
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command(pdftotext, "-", "-")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		for _, s := range wantTexts {
			if !strings.Contains(string(out), s) {
				t.Errorf("pdftotext finds no %q in:\n%s", s, out)
			}
		}
	}
	if pdffonts, err := exec.LookPath("pdffonts"); err == nil {
		path := filepath.Join(t.TempDir(), "c.pdf")
		os.WriteFile(path, data, 0o644)
		out, err := exec.Command(pdffonts, path).Output()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		rows := regexp.MustCompile(`(?m)^\S+\+NotoSans-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes`).FindAll(out, -1)
		if len(rows) != 3 {
			t.Errorf("pdffonts: want 3 embedded subset fonts with ToUnicode:\n%s", out)
		}
	}
}

func TestPDFTiles(t *testing.T) {
	l, export := goldenVector(t)
	data, res := export("pdf", Options{Page: "A4", Scale: 3})
	// The chart at scale 3 is wider than an A4 page: tiled in rows.
	w := l.Width * 3 * pointsPerPixel
	if res.Pages < 2 || res.Width != paperSizes["a4"][0] || w < res.Width {
		t.Fatalf("%d pages of %v x %v for a chart %v pt wide", res.Pages, res.Width, res.Height, w)
	}
	objs := pdfObjects(t, data)
	pages := 0
	for _, o := range objs {
		if bytes.HasPrefix(o, []byte("<< /Type /Page ")) {
			pages++
			if !bytes.Contains(o, []byte("/MediaBox [0 0 595.28 841.89]")) {
				t.Errorf("page box: %s", o)
			}
		}
	}
	if pages != res.Pages {
		t.Fatalf("%d page objects, result says %d", pages, res.Pages)
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command(pdftotext, "-", "-")
		cmd.Stdin = bytes.NewReader(data)
		out, _ := cmd.Output()
		want := fmt.Sprintf("Page 2 of %d", res.Pages)
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q label in the tiles", want)
		}
	}
	_, land := export("pdf", Options{Page: "letter", Landscape: true})
	if land.Width != 792 || land.Height != 612 {
		t.Errorf("letter landscape is %v x %v", land.Width, land.Height)
	}
}

func TestPDFOverThePageLimitIsScaledWithANote(t *testing.T) {
	_, export := goldenVector(t)
	if _, res := export("pdf", Options{Scale: 2}); len(res.Notes) != 0 {
		t.Fatalf("a small chart got notes: %q", res.Notes)
	}
	// 120 reports in a row: 27,000 px wide, 160,000 pt at scale 8.
	p := &orgchart.Plan{Name: "Wide", Positions: []*orgchart.Position{{ID: "top", Holder: "A"}}}
	for i := 0; i < 120; i++ {
		p.Positions = append(p.Positions, &orgchart.Position{ID: fmt.Sprintf("m%d", i), ReportsTo: "top", Holder: "B"},
			&orgchart.Position{ID: fmt.Sprintf("r%d", i), ReportsTo: fmt.Sprintf("m%d", i), Holder: "C"})
	}
	l := layout.Compute(p, layout.Options{Fold: -1})
	res, err := PDF(io.Discard, p, nil, l, Options{Scale: 8})
	if err != nil {
		t.Fatal(err)
	}
	if max(res.Width, res.Height) > MaxPDFPage+0.01 || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "200-inch") {
		t.Fatalf("page %v x %v, notes %q", res.Width, res.Height, res.Notes)
	}
}

func TestSubsetKeepsCompositeParts(t *testing.T) {
	regular := assets.NotoSansRegular
	f, err := sfnt.Parse(regular)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := sfntTables(regular, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Accented letters are often composites of a base letter and a mark.
	used := map[uint16]bool{}
	var b sfnt.Buffer
	for _, r := range "ÑoñoWiśniewskaÅse" {
		g, _ := f.GlyphIndex(&b, r)
		used[uint16(g)] = true
	}
	sub, err := subsetTrueType(tables, used, true)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for g := range used {
		segs, err := sf.LoadGlyph(&buf, sfnt.GlyphIndex(g), 1000<<6, nil)
		if err != nil || len(segs) == 0 {
			t.Errorf("glyph %d has no outline in the subset (%v)", g, err)
		}
	}
	if len(sub) > len(regular)/4 {
		t.Errorf("subset of %d glyphs is %d bytes of %d", len(used), len(sub), len(regular))
	}
}

func TestAppendNum(t *testing.T) {
	for v, want := range map[float32]string{0: "0", 1: "1", -1.5: "-1.5", 12.345: "12.35", 208: "208", -0.001: "0", 0.1: "0.1", 1e6: "1000000"} {
		if got := svgNum(v); got != want {
			t.Errorf("%v: %q, want %q", v, got, want)
		}
	}
}

// TestVectorScripts draws names in several scripts: in the PDF every one is
// text a viewer finds (the system's fonts embedded, TrueType as subsets,
// CFF as Type 3 outlines), in the SVG every one is in a <text>.
func TestVectorScripts(t *testing.T) {
	names := []string{"山田 太郎", "محمد العلي", "अनुराग", "สมชาย", "김민준", "Ωmega Ёлка"}
	p := &orgchart.Plan{Name: "Scripts"}
	for i, n := range names {
		pos := &orgchart.Position{ID: fmt.Sprintf("p%d", i), Holder: n}
		if i > 0 {
			pos.ReportsTo = "p0"
		}
		p.Positions = append(p.Positions, pos)
	}
	l := layout.Compute(p, layout.Options{})
	sc, err := BuildScene(p, nil, l, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var pdf, svg bytes.Buffer
	res, err := PDFScene(&pdf, sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SVGScene(&svg, sc, 1); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if !bytes.Contains(svg.Bytes(), []byte(">"+n+"<")) {
			t.Errorf("the SVG has no <text> %q", n)
		}
	}
	objs := pdfObjects(t, pdf.Bytes())
	for _, o := range objs {
		if bytes.Contains(o, []byte("/Subtype /Type3")) && !bytes.Contains(o, []byte("/CharProcs << /g0 ")) {
			t.Errorf("a Type 3 font without glyph procedures: %.200s", o)
		}
	}
	missing := strings.Join(sc.Shaper.Missing(), " ")
	if len(sc.Shaper.Missing()) > 0 && len(res.Notes) == 0 {
		t.Errorf("scripts without fonts (%s) and no note", missing)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		return
	}
	cmd := exec.Command(pdftotext, "-", "-")
	cmd.Stdin = &pdf
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	// Poppler gives right-to-left text in visual order and may split
	// Devanagari clusters: check the others exactly.
	for _, n := range []string{"山田 太郎", "สมชาย", "김민준", "Ωmega Ёлка"} {
		if strings.Contains(missing, "Han") && strings.Contains(n, "山") || strings.Contains(missing, "Hangul") && strings.Contains(n, "김") || strings.Contains(missing, "Thai") && strings.Contains(n, "ส") {
			continue
		}
		if !strings.Contains(string(out), n) {
			t.Errorf("pdftotext finds no %q in:\n%s", n, out)
		}
	}
}

// TestVectorLooksLikeThePNG rasterises the golden chart's SVG (rsvg-convert)
// and PDF (pdftoppm at 96 dpi, the PDF's own density) and compares them with
// the PNG of the same scene: the same size, and the same picture but for
// text antialiasing (each rasteriser hints text its own way).
func TestVectorLooksLikeThePNG(t *testing.T) {
	rsvg, err1 := exec.LookPath("rsvg-convert")
	pdftoppm, err2 := exec.LookPath("pdftoppm")
	if err1 != nil || err2 != nil {
		t.Skip("rsvg-convert or pdftoppm is not installed")
	}
	_, export := goldenVector(t)
	pngData, _ := export("png", Options{})
	want, err := png.Decode(bytes.NewReader(pngData))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	svgData, _ := export("svg", Options{})
	pdfData, _ := export("pdf", Options{})
	os.WriteFile(filepath.Join(dir, "c.svg"), svgData, 0o644)
	os.WriteFile(filepath.Join(dir, "c.pdf"), pdfData, 0o644)
	for _, c := range []struct {
		name string
		cmd  *exec.Cmd
		out  string
	}{
		{"SVG", exec.Command(rsvg, "-o", filepath.Join(dir, "svg.png"), filepath.Join(dir, "c.svg")), "svg.png"},
		{"PDF", exec.Command(pdftoppm, "-r", "96", "-png", "-singlefile", filepath.Join(dir, "c.pdf"), filepath.Join(dir, "pdf")), "pdf.png"},
	} {
		if c.name == "SVG" {
			// rsvg-convert sets SVG text in the system's fonts.
			if out, err := exec.Command("fc-match", "Noto Sans").Output(); err != nil || !bytes.Contains(out, []byte("NotoSans")) {
				t.Log("no system Noto Sans (fonts-noto-core): the SVG is not compared")
				continue
			}
		}
		if out, err := c.cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v: %s", c.name, err, out)
		}
		f, err := os.Open(filepath.Join(dir, c.out))
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if msg := compareImages(got, want, 48, 0.03); msg != "" {
			t.Errorf("the %s drawn by %s differs from the PNG: %s", c.name, filepath.Base(c.cmd.Path), msg)
		}
	}
}
