package analysis

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"orgplanner/catalog"
	"orgplanner/orgchart"
	"orgplanner/orgchart/check"
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
