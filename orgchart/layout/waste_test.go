package layout

import (
	"os"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
)

func TestWasteReport(t *testing.T) {
	if os.Getenv("LAYOUT_SKETCH") == "" {
		t.Skip()
	}
	for _, p := range []*orgchart.Plan{generate.Shaped(generate.RealSize, 1), enterprisePlan(t)} {
		b := newBuilder(p, Options{})
		b.arrangeAll()
		l := b.finish()
		byKind := map[uint8]float64{}
		byDepth := map[int]float64{}
		total := float64(l.Width * l.Height)
		for i := range b.cards {
			m := int32(i)
			if b.isLeaf(m) {
				continue
			}
			w := float64(b.bw[m]*b.bh[m]) - float64((b.cards[m].W+HGap)*(b.cards[m].H+VGap))
			for _, c := range b.children(m) {
				w -= float64(b.bw[c] * b.bh[c])
			}
			cd := b.cands(m)[b.chosen[m]]
			byKind[cd.kind] += w
			byDepth[b.cards[m].Depth] += w
		}
		t.Logf("total %.0f MP, packed %.1f MP, waste by kind (MP) %v, by depth %v", total/1e6, packedArea(l)/1e6, scaled(byKind), scaledI(byDepth))
	}
}

func scaled(m map[uint8]float64) map[uint8]int {
	o := map[uint8]int{}
	for k, v := range m {
		o[k] = int(v / 1e6)
	}
	return o
}
func scaledI(m map[int]float64) map[int]int {
	o := map[int]int{}
	for k, v := range m {
		o[k] = int(v / 1e6)
	}
	return o
}

func TestCandsReport(t *testing.T) {
	if os.Getenv("LAYOUT_SKETCH") == "" {
		t.Skip()
	}
	b := newBuilder(generate.Shaped(generate.RealSize, 1), Options{})
	b.arrangeAll()
	for _, c := range b.cands(0) {
		t.Logf("root cand %+v ratio %.2f aspect %.2f", c, c.w*c.h/43.55e6, c.w/c.h)
	}
	for _, k := range b.children(0) {
		t.Logf("child %d below %d", k, len(b.cards))
		for _, c := range b.cands(k) {
			t.Logf("   cand %+v area %.1f MP", c, c.w*c.h/1e6)
		}
	}
}

func TestFlowWaste(t *testing.T) {
	if os.Getenv("LAYOUT_SKETCH") == "" {
		t.Skip()
	}
	for _, p := range []*orgchart.Plan{generate.Shaped(generate.RealSize, 1), enterprisePlan(t)} {
		b := newBuilder(p, Options{})
		b.arrangeAll()
		l := b.finish()
		var jag, mismatch, over, rowjag, rowover float64
		for i := range b.cards {
			m := int32(i)
			if b.isLeaf(m) {
				continue
			}
			cd := b.cands(m)[b.chosen[m]]
			kids := b.children(m)
			if cd.kind == kindRow {
				h := float32(0)
				for _, c := range kids {
					h = max(h, b.bh[c])
				}
				for _, c := range kids {
					rowjag += float64((h - b.bh[c]) * b.bw[c])
				}
				rowover += float64(b.bw[m]*b.bh[m]) - float64(h)*float64(b.bw[m])
				continue
			}
			if cd.kind != kindFlow && cd.kind != kindColumns {
				continue
			}
			// columns by x of the boxes
			cols := map[float32][]int32{}
			for _, c := range kids {
				cols[b.ox[c]] = append(cols[b.ox[c]], c)
			}
			maxH := float32(0)
			for _, cs := range cols {
				last := cs[len(cs)-1]
				maxH = max(maxH, b.oy[last]+b.bh[last])
			}
			used := 0.0
			for _, cs := range cols {
				w := float32(0)
				for _, c := range cs {
					w = max(w, b.bw[c])
				}
				last := cs[len(cs)-1]
				jag += float64((maxH - b.oy[last] - b.bh[last]) * w)
				for _, c := range cs {
					mismatch += float64((w - b.bw[c]) * b.bh[c])
					used += float64(b.bw[c] * b.bh[c])
				}
			}
			_ = used
			over += float64(b.bw[m]*b.bh[m]) - used
		}
		t.Logf("total %.0f MP: flow jag %.1f, width mismatch %.1f, flow other+those %.1f; row jag %.1f row other %.1f", float64(l.Width*l.Height)/1e6, jag/1e6, mismatch/1e6, over/1e6, rowjag/1e6, rowover/1e6)
	}
}
