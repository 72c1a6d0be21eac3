package render

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orgplanner/orgplanner/assets"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/check"
	"github.com/orgplanner/orgplanner/orgchart/layout"
)

// loadSample reads an embedded sample plan with the built-in catalog.
func loadSample(t testing.TB, name string) (*orgchart.Plan, *catalog.Catalog) {
	t.Helper()
	base, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	data, err := assets.Samples.ReadFile("samples/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, cat, err := orgchart.Read(data, name+".yaml", base)
	if err != nil {
		t.Fatal(err)
	}
	return p, cat
}

func TestEverySampleExports(t *testing.T) {
	out := os.Getenv("RENDER_OUT") // set to a folder to look at the images
	for _, name := range assets.SampleNames() {
		for _, theme := range []string{"light", "dark"} {
			p, cat := loadSample(t, name)
			l := layout.Compute(p, layout.Options{})
			var buf bytes.Buffer
			err := PNG(&buf, p, cat, l, Options{Theme: theme, Date: "23 Nov 2026"})
			if err != nil {
				t.Fatalf("%s %s: %v", name, theme, err)
			}
			data := buf.Bytes()
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s %s: not a PNG: %v", name, theme, err)
			}
			w, h, _ := Size(p, cat, l, Options{})
			if cfg.Width != w || cfg.Height != h {
				t.Fatalf("%s: image %dx%d, Size says %dx%d", name, cfg.Width, cfg.Height, w, h)
			}
			if name == "startup" { // decode one fully: every chunk and checksum
				if _, err := png.Decode(bytes.NewReader(data)); err != nil {
					t.Fatalf("%s %s: the PNG does not decode: %v", name, theme, err)
				}
			}
			if out != "" {
				if err := os.WriteFile(filepath.Join(out, name+"-"+theme+".png"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestHeaderCountsFindingsOffCards: the startup sample has two errors about
// responsibilities nobody owns, which no card can carry a badge for; the
// header says so beside the counts.
func TestHeaderCountsFindingsOffCards(t *testing.T) {
	p, cat := loadSample(t, "startup")
	l := layout.Compute(p, layout.Options{})
	rep := check.Run(p, cat)
	var buf bytes.Buffer
	if _, err := Export(&buf, "svg", p, cat, l, Options{Findings: rep}); err != nil {
		t.Fatal(err)
	}
	if want := "2 errors, 1 warning (2 not on a card)"; !strings.Contains(buf.String(), want) {
		t.Fatalf("the header does not say %q", want)
	}
	// A team under the top, without the card of the warning: all three
	// are off it.
	var team string
	for _, pos := range p.Positions {
		if pos.ReportsTo != "" && team == "" && slices.ContainsFunc(p.Positions, func(q *orgchart.Position) bool { return q.ReportsTo == pos.ID }) {
			team = pos.ID
		}
	}
	sub := layout.Compute(p, layout.Options{Root: team})
	buf.Reset()
	if _, err := Export(&buf, "svg", p, cat, sub, Options{Findings: rep}); err != nil {
		t.Fatal(err)
	}
	if want := "(3 not on a card)"; !strings.Contains(buf.String(), want) {
		t.Fatalf("the subtree's header does not say %q", want)
	}
}

// TestHeaderCountsAgree: a plan of one person says "1 person in 1
// position", not "1 people in 1 positions".
func TestHeaderCountsAgree(t *testing.T) {
	p := &orgchart.Plan{Version: 1, Name: "Solo", Positions: []*orgchart.Position{{ID: "ceo", Role: "cio", Holder: "Ada Lovelace"}}}
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Export(&buf, "svg", p, cat, layout.Compute(p, layout.Options{}), Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "1 person in 1 position"; !strings.Contains(buf.String(), want) {
		t.Fatalf("the header does not say %q:\n%.600s", want, buf.String())
	}
	if strings.Contains(buf.String(), "1 people") {
		t.Fatal(`the header says "1 people"`)
	}
}
