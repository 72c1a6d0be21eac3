package render

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/render")

// smallPlan has one of everything a card can show: a wrapped and a
// shortened title, a vacancy, a team, a stack in two columns, a dotted line,
// a collapsed manager and finding badges.
func smallPlan() *orgchart.Plan {
	p := &orgchart.Plan{Name: "Golden sample"}
	add := func(id, role, title, holder, manager string, count int) *orgchart.Position {
		pos := &orgchart.Position{ID: id, Role: role, Title: title, Holder: holder, ReportsTo: manager, Count: count}
		p.Positions = append(p.Positions, pos)
		return pos
	}
	add("cto", "chief-technology-officer", "", "Ada Lovelace", "", 0)
	add("eng", "software-engineering-manager", "Engineering Manager, Payments and Checkout Platform Reliability", "Grace Hopper", "cto", 0)
	for i := 0; i < 8; i++ {
		add(fmt.Sprintf("se%d", i), "software-engineer", "", fmt.Sprintf("Engineer %d", i+1), "eng", 0)
	}
	add("sre", "sre-manager", "", "", "cto", 0)
	add("oncall", "site-reliability-engineer", "", "", "sre", 4)
	add("sec", "security-engineer", "", "Alan Turing", "sre", 0).DottedTo = []string{"eng"}
	add("data", "software-engineering-manager", "Data Platform", "Edsger Dijkstra", "cto", 0)
	add("de1", "data-engineer", "", "Barbara Liskov", "data", 0)
	add("de2", "data-engineer", "", "Donald Knuth", "data", 0)
	return p
}

func smallBadges(id string) [3]int {
	switch id {
	case "cto":
		return [3]int{1, 2, 0}
	case "sre":
		return [3]int{0, 0, 1}
	case "eng":
		return [3]int{0, 12, 3}
	}
	return [3]int{}
}

// TestGoldenImages compares a small chart with the reviewed images, allowing
// small differences (font rasteriser or rounding changes): each channel may
// differ by 24, and 0.5% of pixels by more.
func TestGoldenImages(t *testing.T) {
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := smallPlan()
	l := layout.Compute(p, layout.Options{Collapsed: map[string]bool{"data": true}})
	for _, theme := range []string{"light", "dark"} {
		var buf bytes.Buffer
		opt := Options{Theme: theme, Date: "1 January 2026", Badges: smallBadges}
		if err := PNG(&buf, p, cat, l, opt); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "testdata", "render", "small-"+theme+".png")
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatalf("%v (run go test ./orgchart/render -run Golden -update to create it, then look at it)", err)
		}
		want, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if msg := compareImages(got, want, 24, 0.005); msg != "" {
			out := filepath.Join(t.TempDir(), "got-"+theme+".png")
			g, _ := os.Create(out)
			png.Encode(g, got)
			g.Close()
			t.Errorf("%s theme: %s (got image: %s)", theme, msg, out)
		}
	}
}

// compareImages reports how a differs from b beyond the tolerances, or "".
func compareImages(a, b image.Image, tolerance uint32, fraction float64) string {
	if a.Bounds() != b.Bounds() {
		return fmt.Sprintf("size %v, want %v", a.Bounds().Size(), b.Bounds().Size())
	}
	differ, total := 0, a.Bounds().Dx()*a.Bounds().Dy()
	diff := func(x, y uint32) uint32 {
		if x > y {
			return (x - y) >> 8
		}
		return (y - x) >> 8
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if diff(r1, r2) > tolerance || diff(g1, g2) > tolerance || diff(b1, b2) > tolerance {
				differ++
			}
		}
	}
	if float64(differ) > fraction*float64(total) {
		return fmt.Sprintf("%d of %d pixels differ (more than %.1f%%)", differ, total, 100*fraction)
	}
	return ""
}

func TestCompareImagesFindsChanges(t *testing.T) {
	a := image.NewRGBA(image.Rect(0, 0, 100, 100))
	b := image.NewRGBA(image.Rect(0, 0, 100, 100))
	if msg := compareImages(a, b, 24, 0.005); msg != "" {
		t.Fatalf("equal images: %s", msg)
	}
	for i := 0; i < 400; i += 4 { // 100 of 10,000 pixels: 1%
		b.Pix[i*4] = 200
	}
	if compareImages(a, b, 24, 0.005) == "" {
		t.Fatal("1% of pixels changed went unnoticed")
	}
	if compareImages(a, image.NewRGBA(image.Rect(0, 0, 90, 100)), 24, 0.005) == "" {
		t.Fatal("a different size went unnoticed")
	}
}

func TestTooLargeChartsAreRefusedNotShrunk(t *testing.T) {
	p := &orgchart.Plan{Positions: []*orgchart.Position{{ID: "m"}}}
	for i := 0; i < 2000; i++ {
		p.Positions = append(p.Positions, &orgchart.Position{ID: fmt.Sprintf("r%d", i), ReportsTo: "m"})
	}
	l := layout.Compute(p, layout.Options{Fold: -1}) // 2,000 reports in one row
	var buf bytes.Buffer
	err := PNG(&buf, p, nil, l, Options{})
	var tl *TooLargeError
	if !errors.As(err, &tl) {
		t.Fatalf("got %v, want a TooLargeError", err)
	}
	if max(tl.Width, tl.Height) <= MaxSide || buf.Len() != 0 {
		t.Fatalf("%dx%d, %d bytes written", tl.Width, tl.Height, buf.Len())
	}
	// The pixel limit applies too: a chart within the side limit but over
	// the pixel limit (the real-shaped organisation, scaled until its
	// longer side is near the side limit: near 16:9, that is 590 MP).
	q := generate.Shaped(generate.RealSize, 1)
	lq := layout.Compute(q, layout.Options{})
	w1, h1, _ := Size(q, nil, lq, Options{})
	scale := float32(int(0.98*MaxSide/float64(max(w1, h1))*100)) / 100
	w, h, _ := Size(q, nil, lq, Options{Scale: scale})
	if w > MaxSide || h > MaxSide || w*h <= MaxPixels {
		t.Fatalf("%dx%d does not test the pixel limit", w, h)
	}
	if err := PNG(&buf, q, nil, lq, Options{Scale: scale}); !errors.As(err, &tl) || buf.Len() != 0 {
		t.Fatalf("%dx%d: got %v, want a TooLargeError", w, h, err)
	}
	if _, err := Image(p, nil, l, Options{Theme: "sepia"}); err == nil {
		t.Fatal("an unknown theme was accepted")
	}
}

func TestLongTextStaysInsideItsCard(t *testing.T) {
	p := &orgchart.Plan{}
	for i, s := range []string{
		"Engineering Manager, Payments and Checkout Platform Reliability",
		"Supercalifragilisticexpialidociousnessmanagerofeverything",
		"A", "", "Vice President of Information Technology Infrastructure and Operations (EMEA)",
		"Ünternehmensarchitektur-Verantwortlicher für Zahlungsverkehrsplattformen",
	} {
		p.Positions = append(p.Positions, &orgchart.Position{ID: fmt.Sprint("p", i), Title: s, Holder: s + " " + s})
	}
	l := layout.Compute(p, layout.Options{})
	sc, err := BuildScene(p, nil, l, Options{Shaper: look.NewShaperWith(look.Options{NoSystemFonts: true})})
	if err != nil {
		t.Fatal(err)
	}
	// Every text drawn inside a card ends inside its text column.
	m := layout.Metrics()
	var card *Box
	for _, it := range sc.Items {
		switch it := it.(type) {
		case *Box:
			if it.ID != "" {
				card = it
			}
		case *Text:
			if card == nil || it.Y < card.Y || it.Y > card.Y+card.H {
				continue
			}
			if it.X < card.X+m.TextX()-0.01 || it.X+it.Line.Width > card.X+card.W-m.PadX+0.01 {
				t.Errorf("%q (%.1f to %.1f) leaves its card's text column (%.1f to %.1f)", it.Line.Text,
					it.X, it.X+it.Line.Width, card.X+m.TextX(), card.X+card.W-m.PadX)
			}
		}
	}
}
