package layout

import (
	"fmt"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// dottedBesideSolid lists the dotted lines' pieces that run alongside a
// solid line closer than dottedSolidGap: parallel, overlapping along
// their length, nearer than the gap across it.
func dottedBesideSolid(l *Layout) []string {
	type piece struct{ a, b Point }
	var solid []piece
	for _, e := range l.Edges {
		if e.Dotted {
			continue
		}
		for k := 1; k < len(e.Points); k++ {
			solid = append(solid, piece{e.Points[k-1], e.Points[k]})
		}
	}
	var bad []string
	for _, e := range l.Edges {
		if !e.Dotted {
			continue
		}
		name := fmt.Sprintf("%s -> %s", l.Cards[e.To].Position.ID, l.Cards[e.From].Position.ID)
		for k := 1; k < len(e.Points); k++ {
			p, q := e.Points[k-1], e.Points[k]
			for _, s := range solid {
				var across, lo, hi, slo, shi float32
				switch {
				case p.X == q.X && s.a.X == s.b.X: // both vertical
					across, lo, hi, slo, shi = abs32(p.X-s.a.X), min(p.Y, q.Y), max(p.Y, q.Y), min(s.a.Y, s.b.Y), max(s.a.Y, s.b.Y)
				case p.Y == q.Y && s.a.Y == s.b.Y: // both horizontal
					across, lo, hi, slo, shi = abs32(p.Y-s.a.Y), min(p.X, q.X), max(p.X, q.X), min(s.a.X, s.b.X), max(s.a.X, s.b.X)
				default:
					continue
				}
				if across < dottedSolidGap && min(hi, shi)-max(lo, slo) > 0 {
					bad = append(bad, fmt.Sprintf("%s: %v-%v runs %.1f px from the solid line %v-%v", name, p, q, across, s.a, s.b))
				}
			}
		}
	}
	return bad
}

// TestDottedLinesKeepClearOfSolidLines: no dotted line runs alongside a
// solid reporting line closer than dottedSolidGap (a line 3 px beside a
// bus or a spine reads as one thick line), on the samples and on the
// real-shaped and generated organisations with dotted lines anywhere.
func TestDottedLinesKeepClearOfSolidLines(t *testing.T) {
	cases := dottedCases(t)
	for name, p := range cases {
		for _, fold := range []int{0, -1} {
			l := Compute(p, Options{Fold: fold})
			bad := dottedBesideSolid(l)
			t.Logf("%s, fold %d: %d pieces beside solid lines", name, fold, len(bad))
			for _, b := range bad[:min(len(bad), 3)] {
				t.Errorf("%s, fold %d: %s", name, fold, b)
			}
		}
	}
}

// TestDottedLinesKeepClearOfSolidLinesWhateverTheLayout: the router never
// squeezes a dotted line between a solid line and a card's side (a line 2
// or 3 px from the stub into a stacked card), whatever the layout: other
// random dotted lines on the real-shaped organisation, and the layouts a
// coarser compactness search gives (a third search that lists no layout
// taller than 1.2 sides). Before the fix, seeds 2 and 3 failed with
// today's searches and seed 1 with the coarser one.
func TestDottedLinesKeepClearOfSolidLinesWhateverTheLayout(t *testing.T) {
	was := searchTunings
	defer func() { searchTunings = was }()
	coarser := append(append([]tuning{}, was...), tuning{step: 1.06, stepSmall: 1.12, cands: 48, tall: 1.2, topCands: 200, topStep: 1.01})
	for _, tunings := range [][]tuning{was, coarser} {
		searchTunings = tunings
		for seed := int64(1); seed <= 4; seed++ {
			p := withDottedLines(generate.Shaped(generate.RealSize, 2), 60, seed)
			l := Compute(p, Options{})
			bad := dottedBesideSolid(l)
			crossing := dottedCrossings(l)
			t.Logf("%d searches, dotted lines seed %d: %d pieces beside solid lines, %d through cards", len(tunings), seed, len(bad), len(crossing))
			for _, b := range append(bad, crossing...)[:min(len(bad)+len(crossing), 3)] {
				t.Errorf("%d searches, seed %d: %s", len(tunings), seed, b)
			}
		}
	}
}
