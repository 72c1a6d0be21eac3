package render

import (
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/layout"
	"github.com/orgplanner/orgplanner/orgchart/look"
)

// worldNames are titles and holders in the scripts a chart must draw, with
// fontconfig's language code for the check that a font is installed.
var worldNames = []struct {
	script, lang, title, holder string
}{
	{"Latin", "en", "Chief Information Officer", "Zoë Åström-Łukasiewicz"},
	{"Greek", "el", "Διευθύντρια IT", "Ελένη Παπαδοπούλου"},
	{"Cyrillic", "ru", "Директор ИБ", "Анна Иванова"},
	{"Chinese", "zh-cn", "首席信息官", "王小明"},
	{"Japanese", "ja", "最高技術責任者", "佐藤 さくら"},
	{"Korean", "ko", "최고 기술 책임자", "김민수"},
	{"Arabic", "ar", "مدير أمن المعلومات", "محمد علي"},
	{"Hebrew", "he", "מנהלת אבטחת מידע", "דוד כהן"},
	{"Devanagari", "hi", "मुख्य सूचना अधिकारी", "प्रिया शर्मा"},
	{"Thai", "th", "ผู้อำนวยการฝ่ายเทคโนโลยี", "สมชาย ใจดี"},
}

func worldPlan() *orgchart.Plan {
	p := &orgchart.Plan{Name: "World names"}
	for i, n := range worldNames {
		pos := &orgchart.Position{ID: n.script, Title: n.title, Holder: n.holder}
		if i > 0 {
			pos.ReportsTo = worldNames[0].script
		}
		p.Positions = append(p.Positions, pos)
	}
	return p
}

// fontFor asks fontconfig, independently of the shaper, whether a font for
// the language is installed; the script tests skip only when none is.
func fontFor(t *testing.T, lang string) bool {
	t.Helper()
	out, err := exec.Command("fc-list", ":lang="+lang, "file").Output()
	if err != nil {
		t.Skipf("fc-list is not available (%v): cannot tell whether a font for %s is installed (make test-deps installs fontconfig)", err, lang)
	}
	return strings.TrimSpace(string(out)) != ""
}

// TestEveryScriptIsDrawn draws a chart with titles and names in ten
// scripts and checks that each text leaves ink where it is: no blank or
// empty-box text where a system font exists.
func TestEveryScriptIsDrawn(t *testing.T) {
	p := worldPlan()
	l := layout.Compute(p, layout.Options{})
	sc, err := BuildScene(p, nil, l, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := newSceneRenderer(sc, 2)
	if err != nil {
		t.Fatal(err)
	}
	w, h := r.size()
	img := &canvas{pix: make([]byte, w*h), stride: w, rect: image.Rect(0, 0, w, h), pal: r.colors}
	r.draw(img)
	if out := os.Getenv("RENDER_OUT"); out != "" {
		f, _ := os.Create(filepath.Join(out, "world-names.png"))
		png.Encode(f, &image.Paletted{Pix: img.pix, Stride: w, Rect: img.rect, Palette: r.colors.palette()})
		f.Close()
	}
	texts := map[string]*Text{}
	for _, it := range sc.Items {
		if tx, ok := it.(*Text); ok {
			texts[tx.Line.Text] = tx
		}
	}
	missing := strings.Join(sc.Shaper.Missing(), ", ")
	for _, n := range worldNames {
		t.Run(n.script, func(t *testing.T) {
			if !fontFor(t, n.lang) {
				if !strings.Contains(missing, n.script) {
					t.Errorf("no font for %s, and Missing() = %q does not say so", n.script, missing)
				}
				t.Skipf("no font for %s (%s) on this system: make test-deps installs fonts-noto-core and fonts-noto-cjk", n.script, n.lang)
			}
			for _, s := range []string{n.title, n.holder} {
				tx := texts[s]
				if tx == nil {
					t.Fatalf("%q is not drawn whole (shortened or missing); texts: %d", s, len(texts))
				}
				for _, run := range tx.Line.Runs {
					for _, g := range run.Glyphs {
						if g.ID == 0 {
							t.Errorf("%q: a glyph of %q is missing in %s", s, run.Text, run.Font.Name)
						}
					}
				}
				if ink := inkIn(img, r.deviceBounds(tx), tx.Color); ink < 20*len([]rune(s)) {
					t.Errorf("%q: %d pixels of ink at scale 2, too few for %d characters", s, ink, len([]rune(s)))
				}
			}
		})
	}
	if missing != "" {
		t.Errorf("scripts reported without a font: %s", missing)
	}
}

// inkIn counts the pixels in b of colour c or close to it.
func inkIn(img *canvas, b image.Rectangle, c interface{ RGBA() (r, g, b, a uint32) }) int {
	b = b.Intersect(img.rect)
	cr, cg, cb, _ := c.RGBA()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			q := img.pal.colors[img.pix[(y-img.rect.Min.Y)*img.stride+x-img.rect.Min.X]]
			if d := absDiff(uint32(q.R)<<8, cr) + absDiff(uint32(q.G)<<8, cg) + absDiff(uint32(q.B)<<8, cb); d < 3*0x3000 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// Without fonts for them, the scripts are reported, once each, by name.
func TestScriptsWithoutFontAreReported(t *testing.T) {
	p := worldPlan()
	l := layout.Compute(p, layout.Options{})
	sh := look.NewShaperWith(look.Options{NoSystemFonts: true})
	if _, err := BuildScene(p, nil, l, Options{Shaper: sh}); err != nil {
		t.Fatal(err)
	}
	got := sh.Missing()
	for _, want := range []string{"Arabic", "Chinese (Han)", "Devanagari", "Hebrew", "Japanese (Hiragana)", "Korean (Hangul)", "Thai"} {
		n := 0
		for _, g := range got {
			if g == want {
				n++
			}
		}
		if n != 1 {
			t.Errorf("Missing() = %q: %s listed %d times, want once", got, want, n)
		}
	}
	for _, g := range got {
		if g == "Latin" || g == "Greek" || g == "Cyrillic" {
			t.Errorf("Missing() = %q lists %s, which the built-in Noto Sans covers", got, g)
		}
	}
}

// The export says once which scripts had no font, in every format.
func TestExportNotesScriptsWithoutFont(t *testing.T) {
	p := worldPlan()
	l := layout.Compute(p, layout.Options{})
	for _, format := range Formats {
		res, err := Export(io.Discard, format, p, nil, l, Options{Shaper: look.NewShaperWith(look.Options{NoSystemFonts: true})})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, note := range res.Notes {
			if strings.Contains(note, "no font on this system for Arabic") && strings.Contains(note, "Thai") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: notes %q, want one naming the scripts without a font", format, res.Notes)
		}
	}
	res, err := Export(io.Discard, "png", smallPlan(), nil, layout.Compute(smallPlan(), layout.Options{}), Options{})
	if err != nil || len(res.Notes) != 0 {
		t.Errorf("a Latin chart: notes %q, %v", res.Notes, err)
	}
}

// The PNG and the SVG draw look's colours: a role with no domain is the
// palette's one grey in both, a card is the palette's card colour, in both
// themes.
func TestOutputsDrawLooksPalette(t *testing.T) {
	p := &orgchart.Plan{Positions: []*orgchart.Position{{ID: "a", Title: "Nobody knows", Holder: "X"}}}
	l := layout.Compute(p, layout.Options{})
	for _, theme := range []look.Theme{look.Light, look.Dark} {
		pal := look.PaletteFor(theme)
		opt := Options{Theme: theme.String(), Shaper: look.NewShaperWith(look.Options{NoSystemFonts: true})}
		img, err := Image(p, nil, l, opt)
		if err != nil {
			t.Fatal(err)
		}
		sc, _ := BuildScene(p, nil, l, opt)
		var card *Box
		for _, it := range sc.Items {
			if b, ok := it.(*Box); ok && b.ID == "a" {
				card = b
			}
		}
		at := func(x, y float32) color.NRGBA {
			return color.NRGBAModel.Convert(img.At(int(x), int(y))).(color.NRGBA)
		}
		m := layout.Metrics()
		if got := at(card.X+m.Stripe/2, card.Y+card.H/2); got != pal.NoDomain {
			t.Errorf("%s PNG: stripe %v, want look's NoDomain %v", theme, got, pal.NoDomain)
		}
		if got := at(card.X+card.W-3, card.Y+card.H/2); got != pal.Card {
			t.Errorf("%s PNG: card %v, want %v", theme, got, pal.Card)
		}
		if got := at(2, 2); got != pal.Page {
			t.Errorf("%s PNG: page %v, want %v", theme, got, pal.Page)
		}
		var svg strings.Builder
		if _, err := Export(&svg, "svg", p, nil, l, opt); err != nil {
			t.Fatal(err)
		}
		for _, c := range []color.NRGBA{pal.NoDomain, pal.Card, pal.Page, pal.Title} {
			if !strings.Contains(svg.String(), hexColor(c)) {
				t.Errorf("%s SVG lacks look's colour %s", theme, hexColor(c))
			}
		}
	}
}
