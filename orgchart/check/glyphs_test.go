package check

import (
	"bytes"
	"testing"

	"github.com/go-text/typesetting/font"

	"github.com/orgplanner/orgplanner/assets"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/samples"
)

// Findings are read in the app's review panel, in Noto Sans: a character the
// font lacks is drawn from a fallback font or as a blank box (span.chain's
// "→" came out as "→□"). Every finding of the samples and of a chain of
// single reports is written in characters the shipped font has.
func TestFindingsUseCharactersTheShippedFontHas(t *testing.T) {
	face, err := font.ParseTTF(bytes.NewReader(assets.NotoSansRegular))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	chain := &orgchart.Plan{Version: orgchart.FormatVersion}
	for i, role := range []string{"chief-technology-officer", "vp-of-engineering", "director-of-engineering", "software-engineering-manager", "software-engineer"} {
		pos := &orgchart.Position{ID: string(rune('a' + i)), Role: role, Holder: "Person"}
		if i > 0 {
			pos.ReportsTo = string(rune('a' + i - 1))
		}
		chain.Positions = append(chain.Positions, pos)
	}
	chain.Reindex()
	plans := []*orgchart.Plan{chain}
	for _, name := range samples.Names() {
		p, err := samples.Build(name)
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, p)
	}
	sawChain := false
	for _, p := range plans {
		for _, f := range Run(p, cat).Findings {
			sawChain = sawChain || f.Rule == "span.chain"
			for _, text := range []string{f.Message, f.Suggestion} {
				for _, r := range text {
					if _, ok := face.NominalGlyph(r); !ok && r != '\n' {
						t.Errorf("%s: %q (%U) is not in Noto Sans: %s", f.Rule, r, r, text)
					}
				}
			}
		}
	}
	if !sawChain {
		t.Error("no span.chain finding to look at")
	}
}
