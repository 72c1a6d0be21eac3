package analysis

import (
	"bytes"
	"github.com/orgplanner/orgplanner/orgchart/rollup"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
)

func sample(t testing.TB, name string) (*orgchart.Plan, *catalog.Catalog) {
	t.Helper()
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, cat, err := orgchart.ReadFile(filepath.Join("..", "..", "assets", "samples", name+".yaml"), cat)
	if err != nil {
		t.Fatal(err)
	}
	return p, cat
}

// writePictures writes every sample's pictures to ORGPLANNER_ANALYSIS_OUT
// when set, for a person to look at (docs/images comes from here).
func TestSamplePicturesDecodeAndAgreeWithCheck(t *testing.T) {
	out := os.Getenv("ORGPLANNER_ANALYSIS_OUT")
	for _, name := range []string{"startup", "scaleup", "enterprise"} {
		p, cat := sample(t, name)
		bands := Spans(p, cat, nil)
		sb := check.Run(p, cat).Summary.SpanBands
		want := []int{sb.One, sb.TwoThree, sb.FourSeven, sb.EightTwelve, sb.ThirteenUp}
		for i, b := range bands {
			if b.Total() != want[i] {
				t.Errorf("%s band %s: %d managers, check's summary says %d", name, b.Band, b.Total(), want[i])
			}
		}
		for _, pic := range []struct {
			kind string
			draw func(*bytes.Buffer) error
		}{
			{"spans", func(b *bytes.Buffer) error { return SpansPNG(b, p, cat, Options{}) }},
			{"coverage", func(b *bytes.Buffer) error { return CoveragePNG(b, p, cat, Options{}) }},
		} {
			var buf bytes.Buffer
			if err := pic.draw(&buf); err != nil {
				t.Fatalf("%s %s: %v", name, pic.kind, err)
			}
			img, err := png.Decode(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("%s %s: not a PNG: %v", name, pic.kind, err)
			}
			if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 400 {
				t.Errorf("%s %s: %v is too small to read", name, pic.kind, b)
			}
			if out != "" {
				os.WriteFile(filepath.Join(out, "analysis-"+pic.kind+"-"+name+".png"), buf.Bytes(), 0o644)
			}
		}
	}
}

func TestViewPNGNamesAndScale(t *testing.T) {
	p, cat := sample(t, "startup")
	var one, two bytes.Buffer
	if err := ViewPNG(&one, "spans", p, cat, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := ViewPNG(&two, "spans", p, cat, Options{Scale: 2, Dark: true}); err != nil {
		t.Fatal(err)
	}
	a, _ := png.Decode(&one)
	b, _ := png.Decode(&two)
	if b.Bounds().Dx() != 2*a.Bounds().Dx() {
		t.Errorf("scale 2 is %v against %v", b.Bounds(), a.Bounds())
	}
	if err := ViewPNG(&one, "pie", p, cat, Options{}); err == nil {
		t.Error("unknown view accepted")
	}
	if err := CoveragePNG(&one, p, nil, Options{}); err == nil {
		t.Error("coverage without a catalog accepted")
	}
}

func TestSpansJudgesManagersAsCheckDoes(t *testing.T) {
	cat, _ := catalog.Default()
	// A first-line manager with 14 engineers (too wide), one with a single
	// report (narrow), one with 6 (in range for a 5-8 role).
	ps := []*orgchart.Position{{ID: "top", Role: "chief-technology-officer", Holder: "T"}}
	add := func(id, mgr, role string, count int) {
		ps = append(ps, &orgchart.Position{ID: id, Role: role, ReportsTo: mgr, Holder: id, Count: count})
	}
	add("wide", "top", "software-engineering-manager", 0)
	add("team", "wide", "software-engineer", 14)
	add("narrow", "top", "software-engineering-manager", 0)
	add("solo", "narrow", "software-engineer", 0)
	add("ok", "top", "software-engineering-manager", 0)
	add("six", "ok", "software-engineer", 6)
	add("ic", "ok", "software-engineer", 0) // an individual contributor with a report: not judged by span
	add("icr", "ic", "software-engineer", 0)
	p := &orgchart.Plan{Version: 1, Name: "spans", Positions: ps}
	got := map[string]SpanBand{}
	for _, b := range Spans(p, cat, nil) {
		got[b.Band] = b
	}
	if got["13+"].Wide != 1 || got["1"].Narrow != 1 || got["1"].Other != 1 || got["4-7"].InRange != 1 || got["2-3"].Narrow != 1 { // the CTO: 3 reports, its role calls for 5-10
		t.Errorf("bands %+v", got)
	}
	// every band lists the managers it counts, judged as counted
	if m := got["13+"].Managers; len(m) != 1 || m[0].ID != "wide" || m[0].Span != 14 || m[0].Judgement != JudgedWide {
		t.Errorf("13+ managers %+v", m)
	}
	for _, b := range got {
		if len(b.Managers) != b.Total() {
			t.Errorf("band %s counts %d, lists %+v", b.Band, b.Total(), b.Managers)
		}
	}
	// the columns tile the histogram left to right, one per band
	for i := range rollup.Bands() {
		x, y, w, h := SpanColumn(i)
		if w <= 0 || h <= 0 || y < 0 || x+w > spansW {
			t.Errorf("column %d at %v,%v %vx%v", i, x, y, w, h)
		}
		if i > 0 {
			if px, _, pw, _ := SpanColumn(i - 1); px+pw != x {
				t.Errorf("column %d starts at %v, the one before ends at %v", i, x, px+pw)
			}
		}
	}
}

func BenchmarkSpansPNGEnterprise(b *testing.B) {
	p, cat := sample(b, "enterprise")
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := SpansPNG(&buf, p, cat, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCoveragePNGEnterprise(b *testing.B) {
	p, cat := sample(b, "enterprise")
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := CoveragePNG(&buf, p, cat, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
