package layout

import (
	"fmt"
	"testing"
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
